import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from game.world.collision import line_of_sight, move_and_slide, overlaps_solid, ray_cast

TILE = 16


@st.composite
def grid_and_start(draw):
    rows = draw(st.integers(3, 12))
    cols = draw(st.integers(3, 12))
    cells = draw(st.lists(st.booleans(), min_size=rows * cols, max_size=rows * cols))
    solid = np.array(cells, dtype=bool).reshape(rows, cols)
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


@settings(max_examples=400, deadline=None)
@given(grid_and_start(), speed, speed)
def test_a_move_never_ends_overlapping_a_solid_tile(case, dx, dy):
    solid, box = case
    assert not overlaps_solid(solid, TILE, *box)
    result = move_and_slide(solid, TILE, box, dx, dy)
    assert not overlaps_solid(solid, TILE, result.x, result.y, box[2], box[3])


@settings(max_examples=200, deadline=None)
@given(grid_and_start(), speed, speed)
def test_many_steps_in_a_row_stay_legal(case, dx, dy):
    solid, (x, y, w, h) = case
    for _ in range(20):
        r = move_and_slide(solid, TILE, (x, y, w, h), dx, dy)
        x, y = r.x, r.y
        assert not overlaps_solid(solid, TILE, x, y, w, h)


def test_box_stops_flush_against_a_wall_and_slides_along_it():
    solid = np.zeros((6, 6), dtype=bool)
    solid[:, 4] = True
    r = move_and_slide(solid, TILE, (10, 10, 8, 8), 60, 5)
    assert (r.x, r.y, r.hit_x, r.hit_y) == (4 * TILE - 8, 15, True, False)


def test_fast_move_does_not_tunnel_through_a_thin_wall():
    solid = np.zeros((3, 10), dtype=bool)
    solid[:, 3] = True
    r = move_and_slide(solid, TILE, (14, 18, 4, 4), 2 * TILE, 0)  # would end inside the wall
    assert r.x == 3 * TILE - 4 and r.hit_x


def test_map_edge_blocks():
    solid = np.zeros((3, 3), dtype=bool)
    r = move_and_slide(solid, TILE, (4, 4, 8, 8), -30, -30)
    assert (r.x, r.y) == (0, 0)


def test_line_of_sight_and_ray_hit_point():
    solid = np.zeros((5, 8), dtype=bool)
    solid[2, 4] = True
    assert line_of_sight(solid, TILE, 8, 8, 120, 8)
    assert not line_of_sight(solid, TILE, 8, 40, 120, 40)
    hit = ray_cast(solid, TILE, 8, 40, 120, 40)
    assert hit is not None and abs(hit[0] - 4 * TILE) < 1e-9 and hit[1] == 40
