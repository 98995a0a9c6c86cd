"""The grid the game moves every walker against: swept moves never end in a wall, the per-body fast path
agrees with the full mover, and the ray march finds the first wall a segment crosses."""
import math
from types import SimpleNamespace

import numpy as np
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from game.world.collision import GAP, MAX_SUBSTEP, Grid, overlaps_solid

TILE = 16


@st.composite
def grid_and_start(draw):
    rows = draw(st.integers(3, 12))
    cols = draw(st.integers(3, 12))
    # One byte a cell, solid below a drawn density, in one draw (hypothesis's cost is per draw).
    density = draw(st.integers(0, 256))
    cells = np.frombuffer(draw(st.binary(min_size=rows * cols, max_size=rows * cols)), dtype=np.uint8)
    solid = (cells.astype(np.int32) < density).reshape(rows, cols)
    w = draw(st.floats(2, 30))
    h = draw(st.floats(2, 30))
    x = draw(st.floats(0, cols * TILE - w))
    y = draw(st.floats(0, rows * TILE - h))
    # carve the start box free so it is a legal position
    c0, c1 = int(x // TILE), int((x + w - 1e-6) // TILE)
    r0, r1 = int(y // TILE), int((y + h - 1e-6) // TILE)
    solid[r0:r1 + 1, c0:c1 + 1] = False
    return solid, (x, y, w, h)


speed = st.floats(-2 * TILE, 2 * TILE, allow_nan=False)


def test_a_sub_step_can_enter_only_one_new_cell():
    assert MAX_SUBSTEP < TILE  # what lets move_small test a single new row or column


@settings(max_examples=400, deadline=None)
@given(grid_and_start(), speed, speed)
def test_a_move_never_ends_overlapping_a_solid_tile(case, dx, dy):
    solid, box = case
    assert not overlaps_solid(solid, TILE, *box)
    x, y, _, _ = Grid(solid, TILE).move(*box, dx, dy)
    assert not overlaps_solid(solid, TILE, x, y, box[2], box[3])


@settings(max_examples=200, deadline=None)
@given(grid_and_start(), speed, speed)
def test_many_steps_in_a_row_stay_legal(case, dx, dy):
    solid, (x, y, w, h) = case
    grid = Grid(solid, TILE)
    for _ in range(20):
        x, y, _, _ = grid.move(x, y, w, h, dx, dy)
        assert not overlaps_solid(solid, TILE, x, y, w, h)


def body(box, vx=0.0, vy=0.0):
    x, y, w, h = box
    return SimpleNamespace(x=x, y=y, w=w, h=h, vx=vx, vy=vy, prev_x=-1.0, prev_y=-1.0)


@settings(max_examples=250, deadline=None)
@given(grid_and_start(), speed, speed)
def test_moving_a_body_is_the_same_move_bit_for_bit(case, dx, dy):
    # move_body skips the cell tests when no edge enters a new cell: that shortcut must never change
    # where anything ends up (the stored replays depend on every bit of it).
    solid, box = case
    grid = Grid(solid, TILE)
    b = body(box, vx=dx, vy=dy)
    grid.move_body(b, dx, dy)
    x, y, hit_x, hit_y = grid.move(*box, dx, dy)
    assert (b.x, b.y) == (x, y)
    assert (b.prev_x, b.prev_y) == box[:2]
    assert b.vx == (0.0 if hit_x else dx) and b.vy == (0.0 if hit_y else dy)


def test_box_stops_flush_against_a_wall_and_slides_along_it():
    solid = np.zeros((6, 6), dtype=bool)
    solid[:, 4] = True
    x, y, hit_x, hit_y = Grid(solid, TILE).move(10, 10, 8, 8, 60, 5)
    assert x == 4 * TILE - 8 - GAP and hit_x
    assert y == pytest.approx(15) and not hit_y


def test_fast_move_does_not_tunnel_through_a_thin_wall():
    solid = np.zeros((3, 10), dtype=bool)
    solid[:, 3] = True
    x, _, hit_x, _ = Grid(solid, TILE).move(14, 18, 8, 8, 2 * TILE, 0)  # would end past the wall
    assert x == 3 * TILE - 8 - GAP and hit_x


def test_map_edge_blocks():
    solid = np.zeros((3, 3), dtype=bool)
    x, y, hit_x, hit_y = Grid(solid, TILE).move(4, 4, 8, 8, -30, -30)
    assert (x, y) == (GAP, GAP) and hit_x and hit_y


def test_a_body_that_hits_a_wall_loses_that_axis_of_its_velocity():
    solid = np.zeros((4, 4), dtype=bool)
    solid[:, 2] = True
    b = body((20, 20, 8, 8), vx=6.0, vy=1.0)
    Grid(solid, TILE).move_body(b, b.vx, b.vy)
    assert (b.vx, b.vy) == (0.0, 1.0) and b.x == 2 * TILE - 8 - GAP and b.y == 21.0


def test_doors_change_the_grid_cell_by_cell():
    grid = Grid(np.zeros((2, 2), dtype=bool), TILE)
    grid.set_solid(1, 0, True)
    grid.set_solid(5, 5, True)  # off the map: ignored
    assert grid.solid_at(1, 0) and not grid.solid_at(0, 1) and grid.solid_at(-1, 0) and grid.solid_at(0, 2)
    assert not grid.line_of_sight(4, 4, 28, 4)


def test_line_of_sight_and_ray_length():
    solid = np.zeros((5, 8), dtype=bool)
    solid[2, 4] = True
    grid = Grid(solid, TILE)
    assert grid.line_of_sight(8, 8, 120, 8)
    assert not grid.line_of_sight(8, 40, 120, 40)
    assert grid.ray_cast(8, 40, 120, 40) == pytest.approx((4 * TILE - 8) / 112)
    assert grid.ray_length(8, 40, 1.0, 0.0, 200) == pytest.approx(4 * TILE - 8)
    assert grid.ray_length(8, 8, 1.0, 0.0, 50) == 50
    assert grid.ray_length(8, 8, -1.0, 0.0, 50) == pytest.approx(8)  # the map edge is a wall


@settings(max_examples=200, deadline=None)
@given(grid_and_start(), st.floats(0, 2 * math.pi), st.floats(1, 200))
@example(case=(np.array([[False, True, True], [True, True, True], [True, True, True]]), (0.0, 0.0, 2.0, 2.0)),
         angle=0.0, max_len=15.0)  # found by this test: the ray ends exactly on the edge of the wall's cell
def test_ray_length_reaches_exactly_the_first_solid_cell(case, angle, max_len):
    solid, (x, y, w, h) = case
    x0, y0 = x + w / 2, y + h / 2  # inside the carved-free start box
    ux, uy = math.cos(angle), math.sin(angle)
    # A direction off an axis by less than the floats show along the ray (sin(2 pi) = -2.4e-16): from a cell's
    # edge the ray leaves the edge, but the points sampled below stay on it (see the test after this one).
    assume(not 0 < abs(ux) < 1e-9 and not 0 < abs(uy) < 1e-9)
    grid = Grid(solid, TILE)
    length = grid.ray_length(x0, y0, ux, uy, max_len)

    def solid_at(d):
        return grid.solid_at(int((x0 + ux * d) // TILE), int((y0 + uy * d) // TILE))

    assert 0 <= length <= max_len
    # In sight: the whole length. Blocked: a shorter one, or the whole one when the end point itself lies in
    # a wall (a ray that ends on the edge of a wall's cell meets it at its very end).
    if grid.line_of_sight(x0, y0, x0 + ux * max_len, y0 + uy * max_len):
        assert length == max_len
    else:
        assert length < max_len or solid_at(max_len)

    # Every point well before the hit is clear; a point just past it is in a wall.
    samples = np.arange(0.0, max(0.0, length - 0.01), 0.5)
    assert not any(solid_at(d) for d in samples)
    if length < max_len:
        assert solid_at(min(max_len, length + 0.01))


def test_a_ray_off_its_axis_by_a_rounding_leaves_the_cell_edge_it_starts_on():
    # Found by the test above: from y = 64, the edge between rows 3 and 4, a ray along +x with uy = sin(2 pi)
    # (-2.4e-16) runs in row 3, as any y below 64 does, and stops at row 3's wall; y0 + uy * d rounds to 64.
    solid = np.ones((5, 4), dtype=bool)
    solid[3, 1] = solid[4, 1] = solid[4, 2] = False
    grid = Grid(solid, TILE)
    assert grid.ray_length(18.0, 64.0, math.cos(2 * math.pi), math.sin(2 * math.pi), 15.0) == 14.0  # row 3
    assert grid.ray_length(18.0, 64.0, 1.0, 0.0, 15.0) == 15.0  # on the edge itself: row 4, free
    assert grid.ray_length(18.0, 64.0, 1.0, 1e-300, 15.0) == 15.0  # into row 4


def test_overlaps_solid_counts_the_map_edge_as_wall():
    solid = np.zeros((2, 2), dtype=bool)
    solid[1, 1] = True
    assert not overlaps_solid(solid, TILE, 0, 0, 16, 16)
    assert overlaps_solid(solid, TILE, 8, 8, 16, 16)
    assert overlaps_solid(solid, TILE, -1, 0, 4, 4) and overlaps_solid(solid, TILE, 0, 30, 4, 4)


def test_a_box_flush_against_a_wall_is_never_pushed_back_through_the_map_edge():
    """Found by the property test above: a box flush on the top edge, moving down into a wall, was
    "stopped GAP short" of that wall, which put it GAP above the map (outside, so inside a solid)."""
    solid = np.zeros((3, 12), dtype=bool)
    solid[1, 8] = True
    x, y, hit_x, hit_y = Grid(solid, TILE).move(120.0, 0.0, 2.0, 16.0, 7.0, 1.0)
    assert (y, hit_y) == (0.0, True) and x == 127.0
    assert not overlaps_solid(solid, TILE, x, y, 2.0, 16.0)
