"""Grid collision: axis-separated AABB move-and-slide with array slices, and grid ray marching.

Boxes are (x, y, w, h) in map pixels, top-left origin. Everything outside the map counts as solid.
An actor that starts a move not overlapping a solid tile never ends it overlapping one, at any speed:
the move checks the whole swept slab of cells, not just the destination.
"""
from __future__ import annotations

import logging
import math
from typing import NamedTuple

import numpy as np

log = logging.getLogger(__name__)

EPS = 1e-6


class MoveResult(NamedTuple):
    """Where a move ended and which axes hit a wall (a NamedTuple: 3x cheaper to make than a frozen
    dataclass, and every actor makes one per step)."""

    x: float
    y: float
    hit_x: bool
    hit_y: bool


def _span(lo: float, size: float, tile: int) -> tuple[int, int]:
    """First and last cell index covered by [lo, lo + size)."""
    return int(math.floor(lo / tile)), int(math.floor((lo + size - EPS) / tile))


def overlaps_solid(solid: np.ndarray, tile: int, x: float, y: float, w: float, h: float) -> bool:
    c0, c1 = _span(x, w, tile)
    r0, r1 = _span(y, h, tile)
    rows, cols = solid.shape
    if c0 < 0 or r0 < 0 or c1 >= cols or r1 >= rows:
        return True
    return bool(solid[r0:r1 + 1, c0:c1 + 1].any())


def _first_blocked(solid: np.ndarray, r0: int, r1: int, start: int, stop: int) -> int | None:
    """First column from `start` to `stop` (inclusive, either direction) holding a solid cell in rows
    r0..r1, or None. The map edge blocks: columns are clamped to [-1, cols], both of which stand for
    solid border lines, and a row span reaching outside the map blocks every column.

    Plain Python on purpose: a move crosses one or two columns of one or two rows, where numpy's
    per-call overhead (a slab, `any`, a concatenate) cost ten times the work itself.
    """
    rows, cols = solid.shape
    a, b = min(max(start, -1), cols), min(max(stop, -1), cols)
    outside_rows = r0 < 0 or r1 >= rows
    step = 1 if b >= a else -1
    item = solid.item
    for col in range(a, b + step, step):
        if outside_rows or col < 0 or col >= cols:
            return col
        for row in range(r0, r1 + 1):
            if item(row, col):
                return col
    return None


def move_x(solid: np.ndarray, tile: int, x: float, y: float, w: float, h: float,
           dx: float) -> tuple[float, bool]:
    if dx == 0:
        return x, False
    if dx > 0:
        now = math.floor((x + w - EPS) / tile)
        target = math.floor((x + dx + w - EPS) / tile)
        if target == now:  # still inside the same column of cells: nothing new to test
            return x + dx, False
        r0, r1 = _span(y, h, tile)
        blocked = _first_blocked(solid, r0, r1, now + 1, target)
        return (x + dx, False) if blocked is None else (blocked * tile - w, True)
    now = math.floor(x / tile)
    target = math.floor((x + dx) / tile)
    if target == now:
        return x + dx, False
    r0, r1 = _span(y, h, tile)
    blocked = _first_blocked(solid, r0, r1, now - 1, target)
    return (x + dx, False) if blocked is None else ((blocked + 1) * tile, True)


def move_y(solid: np.ndarray, tile: int, x: float, y: float, w: float, h: float,
           dy: float) -> tuple[float, bool]:
    # The same sweep on the transposed grid: rows become columns.
    new_y, hit = move_x(solid.T, tile, y, x, h, w, dy)
    return new_y, hit


def move_and_slide(solid: np.ndarray, tile: int, box: tuple[float, float, float, float],
                   dx: float, dy: float) -> MoveResult:
    """Move a box by (dx, dy), x first then y, stopping flush against solid cells."""
    x, y, w, h = box
    x, hit_x = move_x(solid, tile, x, y, w, h, dx)
    y, hit_y = move_y(solid, tile, x, y, w, h, dy)
    return MoveResult(x, y, hit_x, hit_y)


def ray_cast(solid: np.ndarray, tile: int, x0: float, y0: float, x1: float,
             y1: float) -> tuple[float, float] | None:
    """First point where the segment enters a solid cell (Amanatides-Woo grid march), or None."""
    rows, cols = solid.shape
    cx, cy = int(math.floor(x0 / tile)), int(math.floor(y0 / tile))
    end_cx, end_cy = int(math.floor(x1 / tile)), int(math.floor(y1 / tile))
    dx, dy = x1 - x0, y1 - y0
    step_x = 1 if dx > 0 else -1
    step_y = 1 if dy > 0 else -1
    t_dx = abs(tile / dx) if dx else math.inf
    t_dy = abs(tile / dy) if dy else math.inf
    next_x = ((cx + (step_x > 0)) * tile - x0) / dx if dx else math.inf
    next_y = ((cy + (step_y > 0)) * tile - y0) / dy if dy else math.inf
    t = 0.0
    for _ in range(abs(end_cx - cx) + abs(end_cy - cy) + 1):
        if not (0 <= cx < cols and 0 <= cy < rows) or solid.item(cy, cx):
            return (x0 + dx * t, y0 + dy * t)
        if cx == end_cx and cy == end_cy:
            return None
        if next_x < next_y:
            t, next_x, cx = next_x, next_x + t_dx, cx + step_x
        else:
            t, next_y, cy = next_y, next_y + t_dy, cy + step_y
    return None


def line_of_sight(solid: np.ndarray, tile: int, x0: float, y0: float, x1: float, y1: float) -> bool:
    return ray_cast(solid, tile, x0, y0, x1, y1) is None
