"""A checkpoint's copy of a Body (its own __deepcopy__) holds every field as it was, is a body of its own,
and stays one body where the copied level refers to it twice."""
import copy
import dataclasses
import random

import numpy as np

from game.actors.body import Body
from game.world.collision import Grid


def _random_body(rng: random.Random) -> Body:
    values = {}
    for f in dataclasses.fields(Body):  # every field away from its default, whatever fields Body has
        if f.name == "facing":
            values[f.name] = rng.choice(("left", "up", "right"))
        elif f.name != "room":
            values[f.name] = rng.uniform(-50, 50) or 1.5
    body = Body(**values)
    Grid(np.zeros((8, 8), dtype=bool), 16).move_body(body, 0.5, 0.25)  # a room of its own
    return body


def _fields(body: Body) -> list:
    return [repr(getattr(body, f.name)) for f in dataclasses.fields(Body)]


def test_a_copy_holds_every_field_and_moves_on_its_own():
    rng = random.Random(1)
    for _ in range(200):
        body = _random_body(rng)
        twin = copy.deepcopy(body)
        assert twin is not body and _fields(twin) == _fields(body)
        twin.x += 1.0
        twin.vy = 3.0
        assert _fields(twin) != _fields(body)


def test_one_body_referred_to_twice_is_copied_once():
    body = _random_body(random.Random(2))
    level = {"player": [body], "target": body}
    twin = copy.deepcopy(level)
    assert twin["player"][0] is twin["target"] and twin["target"] is not body
