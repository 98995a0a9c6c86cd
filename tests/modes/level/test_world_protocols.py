"""The actors step against small protocols (PlayerWorld, EnemyWorld), not the whole LevelSim: the sim
provides every member, and an enemy plays against a stand-in world that provides nothing else."""
import inspect

import numpy as np
from level_arena import level

from game.actors import enemies as E
from game.actors import player
from game.actors.body import Body
from game.actors.player import PlayerWorld


def members(protocol) -> set[str]:
    return {n for n, _ in inspect.getmembers(protocol) if not n.startswith("_")}


def test_the_level_sim_provides_every_member_the_actors_use(write_level):
    sim = level(write_level)
    for protocol in (PlayerWorld, E.EnemyWorld):
        missing = [name for name in members(protocol) if not hasattr(sim, name)]
        assert missing == [], protocol.__name__


def test_actor_modules_import_nothing_of_the_modes():
    for module in (E, player):
        assert "game.modes" not in inspect.getsource(module), module.__name__


class StandIn:
    """An open floor with Danko standing still to the east: the least an enemy needs to chase him."""

    def __init__(self, target):
        self.steps, self.tile, self.rng = 0, 16, np.random.default_rng(0)
        self.player, self.grid = target, self
        self.moved = 0
        self.strikes = 0

    def line_of_sight(self, *_):
        return True

    @property
    def flows(self):
        return self  # the flow field: every step leads east

    def step_from(self, col, row):
        return (1, 0)

    def field_to(self, gx, gy):
        raise AssertionError("only scripted walks ask for goal fields")

    def attack_token_free(self, ranged):
        return True

    def take_token(self, ranged):
        pass

    def enemy_cooldown(self, base):
        return base

    def log_event(self, kind, enemy):
        pass

    def emit_sound(self, name):
        pass

    def enemy_strike(self, e):
        self.strikes += 1

    def enemy_fire(self, e):
        raise AssertionError("a brawler has no gun")

    def move_body(self, body, dx, dy):
        body.prev_x, body.prev_y = body.x, body.y
        body.x += dx
        body.y += dy
        self.moved += 1

    def move_bodies(self, bodies, moves_x, moves_y):
        for body, dx, dy in zip(bodies, moves_x, moves_y):
            self.move_body(body, dx, dy)

    def on_enemy_gone(self, e):
        pass


class Target:
    def __init__(self, x, y):
        self.body, self.state = Body.at_feet(x, y), "free"


def test_an_enemy_chases_and_swings_in_a_stand_in_world():
    world = StandIn(Target(200.0, 100.0))
    kind = E.KINDS["brawler"]
    e = E.Enemy(1, kind, "Thug", Body.at_feet(100.0, 100.0, kind.body_w, kind.body_h), kind.hp,
                state="chase", aggro=True, cooldown=0)
    for step in range(400):
        world.steps = step
        e.step(world)
        if world.strikes:
            break
    assert world.moved > 0 and world.strikes > 0
    assert e.body.feet[0] > 170  # he walked up to Danko before swinging
