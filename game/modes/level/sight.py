"""Lines of sight in a group: segments whose cells round them are all free are clear without the ray march.

`Grid.ray_cast` marches from the start cell toward the end cell, one axis a step, never backward. It can
step one cell past the end cell only where the end point lies on a cell edge or within float rounding of
one (its running crossing times are off by ~1e-16 each step); an end point EDGE or more from every edge
crosses that edge at least EDGE / |dx| after the end, far beyond the rounding. So every cell the march
visits lies in the box of the cells of its start point and of its end point grown by EDGE each way: when
one box holding all of a group's such boxes is on the map and all free, each segment of the group is in
sight with no march (the walker's four corner rays, for one). Which boxes are free comes from a
summed-area table of the walls, made again when the grid or its walls (`Grid.era`) change. Anything else
goes to `Grid.line_of_sight`: every answer is the grid's own.
"""
from __future__ import annotations

import logging

import numpy as np

from game.world.collision import Grid

log = logging.getLogger(__name__)

EDGE = 1e-6  # px round an end point: a march may round across a cell edge this close to it


class Sight:
    """The free-box test over one grid at a time (a summed-area table of its walls, kept per grid and era)."""

    def __init__(self) -> None:
        self._grid: Grid | None = None
        self._era = -1
        self._sums: list[int] = []
        self._width = 0

    def __deepcopy__(self, memo: dict) -> "Sight":
        """A checkpoint's copy of the level starts with its own, empty table (made again on first use)."""
        return Sight()

    def clear(self, grid: Grid, x0: float, y0: float, x1: float, y1: float) -> bool:
        """`grid.line_of_sight(x0, y0, x1, y1)`, without the march when the box round the segment is free
        (worth it for long segments: the box costs the same at any length)."""
        return self.boxes_clear(grid, x0, y0, x0, y0, x1, y1, x1, y1) or grid.line_of_sight(x0, y0, x1, y1)

    def _table(self, grid: Grid) -> None:
        solid = np.asarray(grid.cells, dtype=np.int64).reshape(grid.rows, grid.cols)
        sums = np.zeros((grid.rows + 1, grid.cols + 1), dtype=np.int64)
        sums[1:, 1:] = solid.cumsum(axis=0).cumsum(axis=1)
        self._grid, self._era, self._width = grid, grid.era, grid.cols + 1
        self._sums = sums.ravel().tolist()

    def box_free(self, grid: Grid, x0: float, y0: float, x1: float, y1: float) -> bool:
        """Whether every cell the box from (x0, y0) to (x1, y1) (px, x0 <= x1, y0 <= y1) touches is on
        the map and free."""
        if grid is not self._grid or grid.era != self._era:
            self._table(grid)
        t = grid.tile
        c0, c1, r0, r1 = int(x0 // t), int(x1 // t), int(y0 // t), int(y1 // t)
        if c0 < 0 or r0 < 0 or c1 >= grid.cols or r1 >= grid.rows:
            return False
        s, w = self._sums, self._width
        top, bottom = r0 * w, (r1 + 1) * w
        return s[bottom + c1 + 1] - s[top + c1 + 1] - s[bottom + c0] + s[top + c0] == 0

    def boxes_clear(self, grid: Grid, sx0: float, sy0: float, sx1: float, sy1: float, ex0: float, ey0: float,
                    ex1: float, ey1: float) -> bool:
        """True only when every segment from a point of the box with corners (sx0, sy0), (sx1, sy1) to a
        point of the box with corners (ex0, ey0), (ex1, ey1) is in sight by the module's rule (False says
        nothing: ask the grid). Corners in any order."""
        lo_x, hi_x = (sx0, sx1) if sx0 < sx1 else (sx1, sx0)
        lo_y, hi_y = (sy0, sy1) if sy0 < sy1 else (sy1, sy0)
        e_lo_x, e_hi_x = (ex0 - EDGE, ex1 + EDGE) if ex0 < ex1 else (ex1 - EDGE, ex0 + EDGE)
        e_lo_y, e_hi_y = (ey0 - EDGE, ey1 + EDGE) if ey0 < ey1 else (ey1 - EDGE, ey0 + EDGE)
        return self.box_free(grid, lo_x if lo_x < e_lo_x else e_lo_x, lo_y if lo_y < e_lo_y else e_lo_y,
                             hi_x if hi_x > e_hi_x else e_hi_x, hi_y if hi_y > e_hi_y else e_hi_y)
