"""The cell of a point by floor(v / tile) (boxgrid's clearance shortcuts, Path.project's squares) gives the
answers of the plain counts and scans on cell borders, a rounding either side of them, off the map and on a
tile that is not a power of two."""
import math

import numpy as np
from game.actors.boxgrid import area_clear, blocked_points, solid_samples
from game.actors.drivers import CELL, Path
from game.actors.vehicles import BUS, CAR, VehicleSpec

WIDE = VehicleSpec(length=25.6, width=19.2)  # half diagonal 16.0: a whole tile


def _near_borders(rng, step, low, high, count):
    """Values on multiples of `step`, a rounding either side, and anywhere, from low to high."""
    out = []
    for v in (rng.integers(int(low // step), int(high // step), count) * step).tolist():
        out += [v, math.nextafter(v, -math.inf), math.nextafter(v, math.inf), v + 1e-9, v - 1e-9]
    return out + rng.uniform(low, high, count).tolist()


def test_the_clearance_shortcuts_match_the_point_count_on_cell_borders():
    tile = 24  # not a power of two: the quotient rounds (16 px, exact, has the sweeps of test_chase_shortcuts)
    rng = np.random.default_rng(tile)
    solid = rng.random((30, 30)) < 0.02
    xs = _near_borders(rng, tile, -2 * tile, 32 * tile, 60)
    ys = _near_borders(rng, tile, -2 * tile, 32 * tile, 60)
    short = cleared = 0
    for spec in (BUS, CAR, WIDE):
        turns = np.where(rng.random(300) < 0.5, rng.choice([0.0, math.pi / 2, -math.pi], 300),
                         rng.uniform(-math.pi, math.pi, 300)).tolist()
        for i, j, h in zip(rng.integers(len(xs), size=300).tolist(), rng.integers(len(ys), size=300).tolist(), turns):
            x, y = xs[i], ys[j]
            count = int(blocked_points(solid, tile, x, y, h, spec).sum())
            assert solid_samples(solid, tile, x, y, h, spec) == count
            short += count == 0
            if area_clear(solid, tile, x, y, x + 1.5, y, h, h, spec):
                cleared += 1
                assert count == 0 and blocked_points(solid, tile, x + 1.5, y, h, spec).sum() == 0
    assert short > 200 and cleared > 90


def test_project_by_squares_equals_the_scan_on_square_borders_and_off_the_map():
    rng = np.random.default_rng(3)
    xs = _near_borders(rng, CELL, -200.0, 500.0, 80)
    ys = _near_borders(rng, CELL, -200.0, 500.0, 80)
    for trial in range(8):  # loops of 4-8 points (squares and their neighbours have other candidate spans)
        path = Path(tuple(map(tuple, rng.uniform(-100.0, 400.0, (int(rng.integers(4, 9)), 2)).tolist())), loop=True)
        for i, j in zip(rng.integers(len(xs), size=400).tolist(), rng.integers(len(ys), size=400).tolist()):
            x, y = xs[i], ys[j]
            assert repr(path.project(x, y)) == repr(path._nearest(x, y, path.spans))
        for x, y in ((math.nan, 5.0), (5.0, math.inf), (-math.inf, -math.inf), (-5e-324, -0.0), (5e-324, 0.0)):
            assert repr(path.project(x, y)) == repr(path._nearest(x, y, path.spans))
