"""Doorway assist: a walker pushing straight into a wall a few pixels beside an opening slides into it.

A person lines up a one-tile doorway by eye, a quarter second late; without this they bump the frame
and wiggle. Pure: reads the collision grid, returns which way to slide.
"""
from __future__ import annotations

import logging
import math

from game.world.collision import EPS, Grid

log = logging.getLogger(__name__)

REACH = 10   # px beside the opening a push into the wall still finds it (of a 16 px tile)
PROBE = 2.0  # px ahead the push is tested


def blocked(grid: Grid, x: float, y: float, w: float, h: float) -> bool:
    """Whether the box covers a solid cell (or reaches off the map)."""
    t = grid.tile
    c0, c1 = math.floor(x / t), math.floor((x + w - EPS) / t)
    r0, r1 = math.floor(y / t), math.floor((y + h - EPS) / t)
    if c1 < c0 or r1 < r0:
        return False  # an empty box covers nothing
    if c0 < 0 or r0 < 0 or c1 >= grid.cols or r1 >= grid.rows:
        return True   # a cell off the map counts as solid (Grid.solid_at)
    cells = grid.cells
    for r in range(r0, r1 + 1):
        line = cells[r]
        for c in range(c0, c1 + 1):
            if line[c]:
                return True
    return False


def gap_side(grid: Grid, x: float, y: float, w: float, h: float, dx: int, dy: int, reach: int = REACH,
             room: tuple | None = None) -> int:
    """-1 or +1 (along the other axis) toward an opening within `reach` px that the box, pushed along
    exactly one axis (dx, dy) into a wall, would fit through; 0 when it is not blocked or none is near.
    `room`, the box's free room (Grid.room), answers "not blocked" without asking a cell when the pushed
    box stands inside it (most steps in the open)."""
    if (dx == 0) == (dy == 0):
        return 0
    fx, fy = x + dx * PROBE, y + dy * PROBE
    if (room is not None and grid.holds(room, fx, fy)) or not blocked(grid, fx, fy, w, h):
        return 0
    for k in range(1, reach + 1):
        for side in (-1, 1):
            sx, sy = (0, side * k) if dx else (side * k, 0)
            if not blocked(grid, x + sx, y + sy, w, h) and not blocked(grid, fx + sx, fy + sy, w, h):
                return side
    return 0
