"""The free-box shortcut for groups of lines of sight (game.modes.level.sight) never says clear where the
grid's own ray march would find a wall: on random walls and boxes, on cell edges, off the map, and after
the walls or the grid change."""
from __future__ import annotations

import copy
import random

import numpy as np

from game.modes.level.sight import EDGE, Sight
from game.world.collision import Grid

T = 16


def _grid(cells: list[tuple[int, int]], size: int = 14) -> Grid:
    solid = np.zeros((size, size), dtype=bool)
    for c, r in cells:
        solid[r, c] = True
    return Grid(solid, T)


def _near_edge(rng: random.Random, lo: int, hi: int) -> float:
    """A coordinate, often on a cell edge or a hair from one (where the march rounds)."""
    base = rng.randint(lo, hi) * T
    return base + rng.choice((0.0, 0.0, 1e-9, -1e-9, 1e-7, 0.5, -0.5, rng.uniform(-T, T)))


def _corners(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x1, y1), (x1, y0), (x0, y1)]


def test_a_free_box_means_every_segment_between_the_two_boxes_is_in_sight():
    rng = random.Random(7)
    shortcuts = 0
    for _ in range(60):
        solid = np.random.default_rng(rng.randrange(1 << 30)).random((20, 24)) < rng.choice((0.02, 0.06, 0.15))
        grid, sight = Grid(solid, T), Sight()
        for _ in range(300):
            sx0, sy0 = _near_edge(rng, -1, 25), _near_edge(rng, -1, 21)
            sx1, sy1 = sx0 + rng.choice((0.0, rng.uniform(-12, 12))), sy0 + rng.choice((0.0, rng.uniform(-8, 8)))
            ex0, ey0 = sx0 + rng.uniform(-60, 60), sy0 + rng.uniform(-60, 60)
            if rng.random() < 0.4:  # an end corner on a cell edge
                ex0, ey0 = float(round(ex0 / T) * T), float(round(ey0 / T) * T)
            ex1, ey1 = ex0 + rng.choice((0.0, rng.uniform(-12, 12))), ey0 + rng.choice((0.0, rng.uniform(-8, 8)))
            free = sight.boxes_clear(grid, sx0, sy0, sx1, sy1, ex0, ey0, ex1, ey1)
            shortcuts += free
            if free:
                for (ax, ay), (bx, by) in zip(_corners(sx0, sy0, sx1, sy1), _corners(ex0, ey0, ex1, ey1)):
                    assert grid.line_of_sight(ax, ay, bx, by), (ax, ay, bx, by)
                    assert grid.line_of_sight(ax, ay, ex0, ey0) and grid.line_of_sight(ax, ay, ex1, ey1)
    assert shortcuts > 2000  # the shortcut is taken often, so the comparison above tests it


def test_an_end_on_a_cell_edge_grows_the_box_across_that_edge():
    # Ends on a cell edge: the march rounds one row past the end cells' rows into the wall at (7, 5).
    x0, y0, x1, y1 = 23.5, 106.5, 128.0, 96.0
    grid = _grid([(7, 5)])
    assert 5 not in {int(y0 // T), int(y1 // T)} and not grid.line_of_sight(x0, y0, x1, y1)
    assert not Sight().boxes_clear(grid, x0, y0, x0, y0, x1, y1, x1, y1)
    assert Sight().boxes_clear(_grid([(7, 4)]), x0, y0, x0, y0, x1, y1, x1, y1)  # a wall further off
    # The growth is on the end box only, and both ways.
    assert not Sight().box_free(_grid([(7, 6)]), 8.0, 8.0, 128.0 + EDGE, 96.0)
    assert not Sight().boxes_clear(_grid([(2, 0)]), 40.0, 40.0, 40.0, 40.0, 32.0, 16.0, 32.0, 16.0)


# Segments whose march rounds one cell past its end cell, one each way: (x0, y0, x1, y1, that cell).
OVERSHOOTS = ((21.656888939789297, 178.62209460598797, 192.0, 80.0, (11, 4)),  # up
              (119.13612771930514, 52.541118822854706, 48.0, 160.0, (2, 9)),  # left
              (189.65698106598848, 50.53860890801043, 47.99999999999999, 127.99999999999999, (3, 8)),  # down
              (20.866760952772253, 155.01004729078542, 175.99999999999997, 31.999999999999996, (11, 2)))  # right


def test_the_box_grows_past_every_end_the_march_rounds_across():
    for x0, y0, x1, y1, cell in OVERSHOOTS:
        c0, c1 = sorted((int(x0 // T), int(x1 // T)))
        r0, r1 = sorted((int(y0 // T), int(y1 // T)))
        assert not (c0 <= cell[0] <= c1 and r0 <= cell[1] <= r1)  # outside the box of the two cells
        grid = _grid([cell])
        assert not grid.line_of_sight(x0, y0, x1, y1)
        away = 1.0 if cell[0] < c0 or cell[1] < r0 else -1.0  # the end box reaches from the end point away
        for end in ((x1, y1, x1, y1), (x1, y1, x1 + away, y1 + away), (x1 + away, y1 + away, x1, y1)):
            assert not Sight().boxes_clear(grid, x0, y0, x0, y0, *end)
            assert Sight().boxes_clear(_grid([]), x0, y0, x0, y0, *end)


def test_a_door_closing_is_seen_and_another_grid_is_not_mistaken_for_this_one():
    grid, sight = _grid([]), Sight()
    seg = (40.0, 40.0, 40.0, 40.0, 120.0, 56.0, 120.0, 56.0)
    assert sight.boxes_clear(grid, *seg)
    grid.set_solid(5, 3, True)  # a wall across the line: a new era
    assert not sight.boxes_clear(grid, *seg)
    grid.set_solid(5, 3, False)
    assert sight.boxes_clear(grid, *seg)
    other = copy.deepcopy(grid)  # the same era (a checkpoint's copy), then its cells changed behind it
    other.cells[3][5] = True
    other.columns[5][3] = True
    assert other.era == grid.era and sight.boxes_clear(grid, *seg)
    assert not sight.boxes_clear(other, *seg)


def test_off_the_map_is_never_free():
    grid, sight = _grid([]), Sight()
    for x1, y1 in ((230.0, 40.0), (40.0, 230.0), (224.0, 40.0), (40.0, -1.0), (-5.0, 40.0), (0.0, 40.0)):
        assert not sight.boxes_clear(grid, 40.0, 40.0, 40.0, 40.0, x1, y1, x1, y1)
    assert sight.box_free(grid, 8.0, 8.0, 215.0, 215.0)
    assert not sight.box_free(grid, 8.0, 8.0, 224.0, 215.0) and not sight.box_free(grid, -0.5, 8.0, 20.0, 20.0)


def test_corners_in_any_order_make_the_same_box():
    grid, sight = _grid([(6, 6)]), Sight()
    rng = random.Random(3)
    for _ in range(500):
        xs = [rng.uniform(0, 200) for _ in range(4)]
        ys = [rng.uniform(0, 200) for _ in range(4)]
        a = sight.boxes_clear(grid, xs[0], ys[0], xs[1], ys[1], xs[2], ys[2], xs[3], ys[3])
        b = sight.boxes_clear(grid, xs[1], ys[1], xs[0], ys[0], xs[3], ys[3], xs[2], ys[2])
        c = sight.box_free(grid, min(xs[:2] + [xs[2] - EDGE, xs[3] - EDGE]), min(ys[:2] + [ys[2] - EDGE, ys[3] - EDGE]),
                           max(xs[:2] + [xs[2] + EDGE, xs[3] + EDGE]), max(ys[:2] + [ys[2] + EDGE, ys[3] + EDGE]))
        assert a == b == c
