"""The autopilot's remembered walk (`Autopilot._walk`) answers as a fresh autopilot would: every input kept."""
from __future__ import annotations

import copy
import random

import numpy as np

from game.modes.level.autopilot import Autopilot
from game.modes.level.sim import LevelSim
from game.paths import LEVELS
from game.world.navigation import FlowField
from game.world.tilemap import load_tilemap

CHANGES = ("x", "y", "w", "h", "gx", "gy", "walls", "grid", "field")


def _ask(pilot: Autopilot, gx: float, gy: float) -> int:
    pilot._last_pos, pilot._stuck = (-1e6, -1e6), 0  # moving: not the unsticking walk
    return pilot._go(gx, gy)


def test_a_remembered_walk_is_what_a_fresh_autopilot_decides_after_any_one_input_changes():
    sim = LevelSim(load_tilemap(LEVELS / "hotel.tmx"), seed=0)
    rng, t, b = random.Random(5), sim.tile, sim.player.body
    free = [(c, r) for r, c in zip(*np.nonzero(~sim.solid))]
    grid0, w0, h0 = sim.grid, b.w, b.h
    differ = dict.fromkeys(CHANGES, 0)
    for trial in range(540):
        change = CHANGES[trial % len(CHANGES)]
        c, r = rng.choice(free)
        b.x, b.y, b.w, b.h = c * t + rng.uniform(0, t - w0), r * t + rng.uniform(0, t - h0), w0, h0
        gc, gr = rng.choice([cell for cell in free if abs(cell[0] - c) + abs(cell[1] - r) < 12] or free)
        gx, gy = gc * t + rng.uniform(2, t - 2), gr * t + rng.uniform(4, t - 1)
        pilot = Autopilot(sim)
        before = _ask(pilot, gx, gy)  # remembered
        undo = None
        if change in ("x", "y"):
            setattr(b, change, getattr(b, change) + rng.uniform(-10, 10))
        elif change in ("w", "h"):
            setattr(b, change, getattr(b, change) + rng.choice((-3, 3)))
        elif change == "gx":
            gx += rng.uniform(-16, 16)
        elif change == "gy":
            gy += rng.uniform(-16, 16)
        elif change in ("walls", "grid"):
            wc, wr = int(b.x // t) + rng.randint(-2, 2), int(b.y // t) + rng.randint(-2, 2)
            if change == "walls":  # a door shuts (a new era)
                sim.grid.set_solid(wc, wr, True)
                undo = lambda: sim.grid.set_solid(wc, wr, False)  # noqa: E731
            else:  # another grid with the same era (a checkpoint's copy) and other walls
                other = sim.grid = copy.deepcopy(grid0)
                if 0 <= wr < other.rows and 0 <= wc < other.cols:
                    other.cells[wr][wc] = other.columns[wc][wr] = True
                undo = lambda: setattr(sim, "grid", grid0)  # noqa: E731
        else:  # the same key, another field (the walls under the cached paths changed)
            walk = ~sim.solid
            walk[max(0, r - 2):r + 3, max(0, c - 2):c + 3] &= np.random.default_rng(trial).random((5, 5))[
                :min(r + 3, walk.shape[0]) - max(0, r - 2), :min(c + 3, walk.shape[1]) - max(0, c - 2)] < 0.6
            key = (int(gx // t), int(gy // t), tuple(sim.doors_open))
            pilot._fields[key] = FlowField(walk, key[:2])
        fresh = Autopilot(sim)
        fresh._fields = dict(pilot._fields)
        expected = _ask(fresh, gx, gy)
        assert _ask(pilot, gx, gy) == expected, (trial, change)
        differ[change] += expected != before
        if undo is not None:
            undo()
    assert min(differ.values()) >= 3, differ  # each change does change some answers: all are tested

