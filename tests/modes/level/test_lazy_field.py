"""The lazy flow field answers as the whole map's FlowField, in any order of asking, and distance_map's
`within` stops the search where it says."""
from __future__ import annotations

import numpy as np

from game.modes.level import lazyfield
from game.modes.level.lazyfield import LazyField
from game.world.navigation import PENDING, UNREACHABLE, FlowField, distance_map


def _maps(rng: np.random.Generator):
    """Open floors, mazes and long winding corridors (far past the first stretch), cut-off pockets too."""
    for _ in range(60):
        rows, cols = int(rng.integers(1, 40)), int(rng.integers(1, 80))
        yield rng.random((rows, cols)) < rng.uniform(0.2, 1.0)
    for _ in range(8):  # a serpentine: every row a corridor, joined at alternate ends
        rows, cols = int(rng.integers(5, 30)), int(rng.integers(5, 70))
        walk = np.zeros((rows, cols), dtype=bool)
        walk[::2] = True
        for r in range(1, rows, 2):
            walk[r, cols - 1 if r % 4 == 1 else 0] = True
        walk[rng.integers(0, rows), rng.integers(0, cols)] ^= True
        yield walk


def test_the_lazy_field_answers_as_the_whole_maps_in_any_order():
    rng = np.random.default_rng(7)
    far = 0
    for walk in _maps(rng):
        rows, cols = walk.shape
        for _ in range(4):
            target = (int(rng.integers(-1, cols + 1)), int(rng.integers(-1, rows + 1)))
            whole, lazy = FlowField(walk, target), LazyField(walk, target)
            for _ in range(int(rng.integers(1, 60))):
                c, r = int(rng.integers(-2, cols + 2)), int(rng.integers(-2, rows + 2))
                if rng.random() < 0.5:  # (as ints or as whole floats: one kept step a cell)
                    cell = (float(c), float(r)) if rng.random() < 0.5 else (c, r)
                    assert lazy.direction(*cell) == whole.direction(c, r), (target, c, r)
                else:
                    assert lazy.steps(c, r) == whole.steps(c, r), (target, c, r)
                far = max(far, lazy._reach if lazy._reach < 1 << 62 else 0)
            assert lazy.dist.dtype == np.int32 and (lazy.dist == whole.dist).all()
            assert lazy.nbytes == whole.dist.nbytes
    assert far >= 4 * lazyfield.FIRST_RINGS  # searches that went on stretch after stretch


def test_distance_map_within_stops_after_so_many_rings():
    rng = np.random.default_rng(8)
    for walk in _maps(rng):
        rows, cols = walk.shape
        start = (int(rng.integers(0, cols)), int(rng.integers(0, rows)))
        whole = distance_map(walk, start)
        for within in (0, 1, 5, 30):
            part = distance_map(walk, start, within)
            near = whole <= within
            assert (part[near] == whole[near]).all()
            beyond = part[~near]
            if (whole[whole < UNREACHABLE] >= within).any():  # stopped: the floor not reached is pending
                assert (beyond[walk[~near]] == PENDING).all() and (beyond[~walk[~near]] == UNREACHABLE).all()
            else:
                assert (beyond == UNREACHABLE).all()
