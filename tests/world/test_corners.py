"""Doorway assist: pushing into a wall a few pixels beside a one-tile opening slides the walker into it."""
import numpy as np

from game.world.collision import Grid
from game.world.corners import REACH, gap_side

T = 16


def _wall_with_door(door_col=5):
    solid = np.zeros((6, 10), dtype=bool)
    solid[2, :] = True
    solid[2, door_col] = False
    return Grid(solid, T)


def test_a_push_up_beside_the_door_slides_toward_it():
    grid = _wall_with_door()
    y = 3 * T  # the feet box's top touches the wall row from below
    door_x = 5 * T + 3  # a 10 px box fits inside the 16 px door at x 83..93
    assert gap_side(grid, door_x + 8, y, 10, 6, 0, -1) == -1
    assert gap_side(grid, door_x - 8, y, 10, 6, 0, -1) == 1


def test_no_slide_when_clear_diagonal_or_far_from_any_door():
    grid = _wall_with_door()
    y = 3 * T
    assert gap_side(grid, 5 * T + 3, y, 10, 6, 0, -1) == 0        # lined up: it just walks in
    assert gap_side(grid, 5 * T + 3 + 8, y, 10, 6, 1, -1) == 0    # a diagonal slides by itself
    assert gap_side(grid, 5 * T + 3 + REACH + 12, y, 10, 6, 0, -1) == 0  # too far from the door
    assert gap_side(grid, 1 * T, y + 20, 10, 6, 0, -1) == 0       # nothing in the way
