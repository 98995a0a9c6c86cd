"""collect_pickups' kept room (how far Danko may move before he could touch a pickup) answers as a scan of
every pickup on every step: over random walks among pickups placed on and a hair off his box's edges, with
drops added during play, health and ammo that change what he takes, and a checkpoint's copy."""
from __future__ import annotations

import copy
import random

from level_arena import level

from game.modes.level import props
from game.modes.level.state import Pickup

HALF = props.PICKUP_SIZE / 2


def _near(rng: random.Random, v: float) -> float:
    """A coordinate on, or a hair either side of, where a box edge meets a pickup's (v is that edge)."""
    return v + rng.choice((0.0, 1e-9, -1e-9, 1e-7, -1e-7, rng.uniform(-30, 30), rng.uniform(-3, 3)))


def _drop(rng, sim, n):
    b = sim.player.body
    x = _near(rng, rng.choice((b.x + b.w + HALF, b.x - HALF, b.x + b.w / 2)))
    y = _near(rng, rng.choice((b.y + b.h + HALF, b.y - HALF, b.y + b.h / 2)))
    sim.pickups.append(Pickup(1000 + n, rng.choice(("first_aid", "ammo")), x, y))


def _seen(sim) -> tuple:
    p = sim.player
    return (tuple(i.taken for i in sim.pickups), p.health, p.ammo, len(sim.events), len(sim.effects))


def test_the_kept_room_answers_as_a_scan_of_every_pickup_every_step(write_level):
    rng = random.Random(5)
    skipped = 0
    for trial in range(25):
        kept, plain = level(write_level), None
        for n in range(rng.randint(0, 6)):
            _drop(rng, kept, n)
        if rng.random() < 0.5:
            kept.player.arm(rng.choice((0, 6, 40)))
        plain = copy.deepcopy(kept)
        for step in range(300):
            dx, dy = rng.choice((-1.5, -0.4, 0.0, 0.4, 1.5)), rng.choice((-1.5, -0.4, 0.0, 0.4, 1.5))
            if rng.random() < 0.02:  # a jump (a respawn, a teleport): to a hair off a pickup's edge
                dx, dy = rng.uniform(-40, 40), rng.uniform(-40, 40)
            for sim in (kept, plain):
                sim.player.body.x += dx
                sim.player.body.y += dy
            if rng.random() < 0.03:  # a beaten thug drops one, maybe right beside him
                state = rng.getstate()
                _drop(rng, kept, 100 + step)
                rng.setstate(state)
                _drop(rng, plain, 100 + step)
            if rng.random() < 0.05:  # hurt (a first aid he could not take before is taken now)
                kept.player.health = plain.player.health = rng.randint(1, 100)
            if rng.random() < 0.01:  # a checkpoint's copy starts without the kept room
                kept = copy.deepcopy(kept)
                assert kept.pickups_clear is None
            before = kept.pickups_clear
            plain.pickups_clear = None  # the plain scan, every step
            props.collect_pickups(kept)
            props.collect_pickups(plain)
            skipped += before is not None and kept.pickups_clear is before
            assert _seen(kept) == _seen(plain), (trial, step)
    assert skipped > 25 * 300 // 3  # the kept room answered on most steps (else this proved little)
