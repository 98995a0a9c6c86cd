"""Grid collision: the solid grid every walker moves against, its swept box mover and its ray march.

Boxes are (x, y, w, h) in map pixels, top-left origin. Everything outside the map counts as solid.
A box that starts a move not overlapping a solid cell never ends it overlapping one, at any speed:
moves longer than `MAX_SUBSTEP` are cut into sub-steps, and each sub-step tests every cell the leading
edge newly enters.
"""
from __future__ import annotations

import itertools
import logging
import math
from typing import Iterable, Protocol

import numpy as np

log = logging.getLogger(__name__)

EPS = 1e-6
_INF = math.inf
MAX_SUBSTEP = 7.0  # px: under a tile, so a sub-step's leading edge enters at most one new row or column
GAP = 1e-4         # a box stopped by a wall rests this far from it
ROOM_REACH = 3     # cells a body's free room reaches past the cells it covers, at most, each way
ROOM_MARGIN = 1e-9  # px a room keeps off its edges: far more than any rounding of a box's edge on a map
                    # (1e-13 at 1000 px), far less than GAP (a body resting on a wall stays in its room)
_ERAS = itertools.count(1)  # every set of walls a grid ever has gets a number of its own
NO_ROOM = (0, 1.0, 0.0, 1.0, 0.0, None, None, None, None)  # the room of a box not moved yet: none (era 0)


class MovingBox(Protocol):
    """What `Grid.move_body` moves: a box with a velocity and the position it had a step before."""

    x: float
    y: float
    w: float
    h: float
    vx: float
    vy: float
    prev_x: float
    prev_y: float
    room: tuple  # the free room round it (`Grid.room`), worked out by `Grid.move_body`


def overlaps_solid(solid: np.ndarray, tile: int, x: float, y: float, w: float, h: float) -> bool:
    """Whether the box covers a solid cell of `solid` or reaches outside it."""
    c0, c1 = int(math.floor(x / tile)), int(math.floor((x + w - EPS) / tile))
    r0, r1 = int(math.floor(y / tile)), int(math.floor((y + h - EPS) / tile))
    rows, cols = solid.shape
    if c0 < 0 or r0 < 0 or c1 >= cols or r1 >= rows:
        return True
    return bool(solid[r0:r1 + 1, c0:c1 + 1].any())


class Grid:
    """The solid grid as nested Python lists (cheap per-cell reads for forty movers a step), with the
    game's one box mover and one ray march. Doors change it cell by cell through `set_solid`."""

    def __init__(self, solid: np.ndarray, tile: int) -> None:
        self.tile = tile
        self.rows, self.cols = solid.shape
        self.cells: list[list[bool]] = solid.tolist()      # [row][col]
        self.columns: list[list[bool]] = solid.T.tolist()  # [col][row]: the same cells, for moves in x
        self.tile_f = float(tile)  # float // float is cheaper than float // int (same value)
        # The same cells as dicts for the mover, which asks with whole floats (a cell index from `//`):
        # 3.0 finds key 3 without an int() call, and an index off the map finds nothing (solid).
        self.row_map = {r: dict(enumerate(line)) for r, line in enumerate(self.cells)}
        self.column_map = {c: dict(enumerate(line)) for c, line in enumerate(self.columns)}
        self.era = next(_ERAS)  # these walls' number: a body's room worked out under another is stale
        self.rooms: dict[tuple, tuple] = {}  # the rooms worked out under these walls, by cells and size

    def __deepcopy__(self, memo: dict) -> "Grid":
        """A checkpoint's copy: the cell tables copied row by row (deepcopy would visit every cell)."""
        new = Grid.__new__(Grid)
        new.__dict__.update(self.__dict__)
        new.cells = [line[:] for line in self.cells]
        new.columns = [line[:] for line in self.columns]
        new.row_map = {r: line.copy() for r, line in self.row_map.items()}
        new.column_map = {c: line.copy() for c, line in self.column_map.items()}
        memo[id(self)] = new
        return new

    def set_solid(self, col: int, row: int, value: bool) -> None:
        if 0 <= row < self.rows and 0 <= col < self.cols:
            self.cells[row][col] = self.columns[col][row] = value
            self.row_map[row][col] = self.column_map[col][row] = value
            self.era = next(_ERAS)
            self.rooms = {}  # a new dict: a checkpoint's copy may share the old one (its walls are those)

    def solid_at(self, col: int, row: int) -> bool:
        if 0 <= row < self.rows and 0 <= col < self.cols:
            return self.cells[row][col]
        return True

    # --- moving -------------------------------------------------------------------------------
    def move_body(self, body: MovingBox, dx: float, dy: float) -> None:
        """Move a body by (dx, dy) for one step: remember where it stood (`prev_x`, `prev_y`), slide
        along walls, and stop its velocity on each axis that hit one.

        A body keeps its room (`room`, see `room`): a rectangle of free cells round it, as the ranges of
        top-left corners whose box stays inside, and the line past each side (a wall or not). A move of
        at most MAX_SUBSTEP a side from a corner in the room, under the walls of the era it was worked
        out in, would find every cell the full mover below tests free inside the room: so a move that
        stays in it just adds (most moves), and one that pushes into a side that is a wall all along
        stops as the full mover stops it, without asking a cell. A zero move (a body standing still, most
        steps of a fight) only remembers where it stands: the full mover neither moves nor stops a box by
        (0, 0), and its room waits for its next move."""
        if dx or dy:
            self.move_bodies((body,), (dx,), (dy,))
        else:
            body.prev_x = body.x
            body.prev_y = body.y

    def move_bodies(self, bodies: Iterable[MovingBox], moves_x: Iterable[float], moves_y: Iterable[float]) -> None:
        """`move_body` for each body in turn by its own (dx, dy): a crowd's moves in one call."""
        era, low, high = self.era, -MAX_SUBSTEP, MAX_SUBSTEP
        for body, dx, dy in zip(bodies, moves_x, moves_y):
            body.prev_x = x = body.x
            body.prev_y = y = body.y
            if not (dx or dy):  # a zero move (standing still): the full mover neither moves nor stops it
                continue
            nx, ny = x + dx, y + dy  # where it goes unless a wall stops it
            try:
                room = body.room
            except AttributeError:  # a box without a room yet (a test's stand-in): it gets one
                room = NO_ROOM
            room_era, x0, x1, y0, y1, _, _, _, _ = room
            if room_era == era and x0 <= x <= x1 and y0 <= y <= y1 and low <= dx <= high and low <= dy <= high:
                if x0 <= nx <= x1 and y0 <= ny <= y1:
                    body.x, body.y = nx, ny
                    continue
                if self._push(body, x, y, nx, ny, dx, dy, room):
                    continue
            self._move_out(body, x, y, nx, ny, dx, dy, room)

    def _push(self, body: MovingBox, x: float, y: float, nx: float, ny: float, dx: float, dy: float,
              room: tuple) -> bool:
        """A move from inside the body's room to past its range on an axis: each such axis either stays
        in the room's last line, stops on a side that is a wall all along, or enters a side that is not,
        where the cells its box covers there decide as in the full mover (`_enter`; x first, y across the
        new x): a stop keeps it in its room. False, moving nothing, when an axis gets through into that
        line (the full mover moves it, and finds its new room)."""
        _, x0, x1, y0, y1, left, right, up, down = room
        t = self.tile_f
        hit_x = hit_y = False
        if not x0 <= nx <= x1:
            line, stop, solid = right if dx > 0 else left
            if ((nx + body.w - EPS) // t if dx > 0 else nx // t) == line:  # the leading edge enters that line
                if solid:  # a wall all along: it stops there, as `_enter` stops it (never backing off)
                    nx, hit_x = (x if (x >= stop if dx > 0 else x <= stop) else stop), True
                else:
                    nx, hit_x = _enter(self.column_map, t, x, body.w, y, body.h, dx, line)
                    if not hit_x:
                        return False
        if not y0 <= ny <= y1:
            line, stop, solid = down if dy > 0 else up
            if ((ny + body.h - EPS) // t if dy > 0 else ny // t) == line:
                if solid:
                    ny, hit_y = (y if (y >= stop if dy > 0 else y <= stop) else stop), True
                else:
                    ny, hit_y = _enter(self.row_map, t, y, body.h, nx, body.w, dy, line)
                    if not hit_y:
                        return False
        body.x, body.y = nx, ny
        if hit_x:
            body.vx = 0.0
        if hit_y:
            body.vy = 0.0
        return True

    def _move_out(self, body: MovingBox, x: float, y: float, nx: float, ny: float, dx: float, dy: float,
                  room: tuple) -> None:
        """The rest of `move_bodies` for a move its room does not settle (or a body without one): the
        full mover; then the room it is in now."""
        era, x0, x1, y0, y1 = room[:5]
        if -MAX_SUBSTEP <= dx <= MAX_SUBSTEP and -MAX_SUBSTEP <= dy <= MAX_SUBSTEP:
            # One sub-step (nearly always), as `move_small`: an axis whose leading edge stays in its cell
            # (most steps) just adds; only one that enters a new column or row tests it.
            t = self.tile_f
            w, h = body.w, body.h
            if dx > 0:
                old_x, new_x = (x + w - EPS) // t, (nx + w - EPS) // t
            else:
                old_x, new_x = x // t, nx // t
            if dy > 0:
                old_y, new_y = (y + h - EPS) // t, (ny + h - EPS) // t
            else:
                old_y, new_y = y // t, ny // t
            hit_x = hit_y = False
            if old_x != new_x:
                x, hit_x = _enter(self.column_map, t, x, w, y, h, dx, new_x)
            elif dx:
                x = nx
            if old_y != new_y:
                y, hit_y = _enter(self.row_map, t, y, h, x, w, dy, new_y)
            elif dy:
                y = ny
            body.x, body.y = x, y
        else:
            body.x, body.y, hit_x, hit_y = self.move(x, y, body.w, body.h, dx, dy)
        if hit_x:
            body.vx = 0.0
        if hit_y:
            body.vy = 0.0
        x, y = body.x, body.y
        if era != self.era or not (x0 <= x <= x1 and y0 <= y <= y1):
            body.room = self.room(x, y, body.w, body.h)  # it left its room: the one it is in now

    def room(self, x: float, y: float, w: float, h: float) -> tuple:
        """The free room of a w x h box at (x, y) (`move_body`): the cells it covers grown by up to
        ROOM_REACH free columns each side, then by as many free rows over those columns. As (era, x0,
        x1, y0, y1, left, right, up, down): the ranges of top-left corners whose box stays inside
        (ROOM_MARGIN short of each edge), and for each side the line past it, where a box entering it
        stops (as `_enter` stops it) and whether it is solid (or off the map) all along the room. Empty
        (no corner is inside) when the box covers a solid cell or reaches off the map."""
        t = self.tile_f
        c0, c1 = int(x // t), int((x + w - EPS) // t)
        r0, r1 = int(y // t), int((y + h - EPS) // t)
        key = (c0, c1, r0, r1, w, h)
        room = self.rooms.get(key)
        if room is None:
            room = self.rooms[key] = self._grow(c0, c1, r0, r1, w, h)
        return room

    def holds(self, room: tuple, x: float, y: float) -> bool:
        """Whether the box whose room is `room` would stand inside it with its top-left corner at (x, y),
        under these walls: then every cell it covers is free (as `room` says)."""
        return room[0] == self.era and room[1] <= x <= room[2] and room[3] <= y <= room[4]

    def _grow(self, c0: int, c1: int, r0: int, r1: int, w: float, h: float) -> tuple:
        """`room` for a w x h box covering columns c0..c1 and rows r0..r1."""
        t = self.tile_f
        if not self._free(c0, c1, r0, r1):
            return (self.era,) + NO_ROOM[1:]
        for _ in range(ROOM_REACH):
            if not self._free(c0 - 1, c0 - 1, r0, r1):
                break
            c0 -= 1
        for _ in range(ROOM_REACH):
            if not self._free(c1 + 1, c1 + 1, r0, r1):
                break
            c1 += 1
        for _ in range(ROOM_REACH):
            if not self._free(c0, c1, r0 - 1, r0 - 1):
                break
            r0 -= 1
        for _ in range(ROOM_REACH):
            if not self._free(c0, c1, r1 + 1, r1 + 1):
                break
            r1 += 1
        before_x, beyond_x, before_y, beyond_y = float(c0 - 1), float(c1 + 1), float(r0 - 1), float(r1 + 1)
        return (self.era, c0 * t + ROOM_MARGIN, (c1 + 1) * t - w - ROOM_MARGIN,
                r0 * t + ROOM_MARGIN, (r1 + 1) * t - h - ROOM_MARGIN,
                (before_x, (before_x + 1) * t + GAP, self._solid(c0 - 1, c0 - 1, r0, r1)),
                (beyond_x, beyond_x * t - w - GAP, self._solid(c1 + 1, c1 + 1, r0, r1)),
                (before_y, (before_y + 1) * t + GAP, self._solid(c0, c1, r0 - 1, r0 - 1)),
                (beyond_y, beyond_y * t - h - GAP, self._solid(c0, c1, r1 + 1, r1 + 1)))

    def _solid(self, c0: int, c1: int, r0: int, r1: int) -> bool:
        """Whether every cell of columns c0..c1 and rows r0..r1 is solid or off the map."""
        if c0 < 0 or r0 < 0 or c1 >= self.cols or r1 >= self.rows:
            return all(self.solid_at(c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
        for line in self.cells[r0:r1 + 1]:
            if False in line[c0:c1 + 1]:
                return False
        return True

    def _free(self, c0: int, c1: int, r0: int, r1: int) -> bool:
        """Whether every cell of columns c0..c1 and rows r0..r1 is on the map and free."""
        if c0 < 0 or r0 < 0 or c1 >= self.cols or r1 >= self.rows:
            return False
        for line in self.cells[r0:r1 + 1]:
            if True in line[c0:c1 + 1]:
                return False
        return True

    def move(self, x: float, y: float, w: float, h: float, dx: float,
             dy: float) -> tuple[float, float, bool, bool]:
        """Move the box by (dx, dy), x then y, in sub-steps; stop flush at walls. -> x, y, hit_x, hit_y.

        An axis that hits a wall stays stopped for the rest of the move; the other slides on.
        """
        if -MAX_SUBSTEP <= dx <= MAX_SUBSTEP and -MAX_SUBSTEP <= dy <= MAX_SUBSTEP:
            return self.move_small(x, y, w, h, dx, dy)
        n = int(max(abs(dx), abs(dy)) / MAX_SUBSTEP) + 1
        sx, sy = dx / n, dy / n
        hit_x = hit_y = False
        for _ in range(n):
            x, y, hx, hy = self.move_small(x, y, w, h, 0.0 if hit_x else sx, 0.0 if hit_y else sy)
            hit_x, hit_y = hit_x or hx, hit_y or hy
        return x, y, hit_x, hit_y

    def move_small(self, x: float, y: float, w: float, h: float, dx: float,
                   dy: float) -> tuple[float, float, bool, bool]:
        """One sub-step of `move` (at most MAX_SUBSTEP on each axis): x first, then y from the new x."""
        hit_x = hit_y = False
        if dx:
            x, hit_x = _sweep(self.column_map, self.tile_f, x, w, y, h, dx)
        if dy:
            y, hit_y = _sweep(self.row_map, self.tile_f, y, h, x, w, dy)
        return x, y, hit_x, hit_y

    # --- rays ---------------------------------------------------------------------------------
    def ray_cast(self, x0: float, y0: float, x1: float, y1: float) -> float | None:
        """How far along the segment (0 at its start, 1 at its end) it enters its first solid cell, or
        None when it stays clear. A grid march (Amanatides-Woo): every cell the segment crosses, once."""
        t = self.tile
        cx, cy = int(x0 // t), int(y0 // t)
        rows, cols, cells = self.rows, self.cols, self.cells
        if not (0 <= cy < rows and 0 <= cx < cols):
            return 0.0
        line = cells[cy]
        if line[cx]:
            return 0.0
        ex, ey = int(x1 // t), int(y1 // t)
        if cx == ex and cy == ey:
            return None
        # The first crossing of a column (row) edge, as a fraction of the segment, and the fraction
        # between two; none along an axis the segment does not move on.
        dx, dy = x1 - x0, y1 - y0
        if dx > 0:
            step_x, t_dx, nx = 1, t / dx, ((cx + 1) * t - x0) / dx
        elif dx:
            step_x, t_dx, nx = -1, -(t / dx), (cx * t - x0) / dx
        else:
            step_x, t_dx, nx = -1, _INF, _INF
        if dy > 0:
            step_y, t_dy, ny = 1, t / dy, ((cy + 1) * t - y0) / dy
        elif dy:
            step_y, t_dy, ny = -1, -(t / dy), (cy * t - y0) / dy
        else:
            step_y, t_dy, ny = -1, _INF, _INF
        # Each step enters the next cell the segment crosses: only the axis stepped can leave the map.
        # Every step but a rounding one past an end on a cell edge brings the end cell a cell nearer,
        # so it is reached on the last step, if at all: clear either way.
        for _ in range(abs(ex - cx) + abs(ey - cy)):
            if nx < ny:
                cx += step_x
                if not 0 <= cx < cols or line[cx]:
                    return nx
                nx += t_dx
            else:
                cy += step_y
                if not 0 <= cy < rows:
                    return ny
                line = cells[cy]
                if line[cx]:
                    return ny
                ny += t_dy
        return None

    def line_of_sight(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """True when no solid cell lies on the segment."""
        return self.ray_cast(x0, y0, x1, y1) is None

    def ray_length(self, x0: float, y0: float, ux: float, uy: float, max_len: float) -> float:
        """Distance along unit (ux, uy) from (x0, y0) to the first solid cell, at most max_len."""
        hit = self.ray_cast(x0, y0, x0 + ux * max_len, y0 + uy * max_len)
        return max_len if hit is None else hit * max_len


def _sweep(lines: dict[int, dict[int, bool]], tile: float, pos: float, size: float, cross: float,
           cross_size: float, d: float) -> tuple[float, bool]:
    """One axis of a sub-step: move [pos, pos + size) by d across `lines` (the grid's rows for y, its
    columns for x, each {cell index: solid}). Only the line the leading edge newly enters is tested, over
    the cells [cross, cross + cross_size) covers. -> (new pos, hit): a hit stops GAP short of the wall."""
    if d > 0:
        old, new = (pos + size - EPS) // tile, (pos + d + size - EPS) // tile
    else:
        old, new = pos // tile, (pos + d) // tile
    if new == old:
        return pos + d, False
    return _enter(lines, tile, pos, size, cross, cross_size, d, new)


def _enter(lines: dict[int, dict[int, bool]], tile: float, pos: float, size: float, cross: float,
           cross_size: float, d: float, new: float) -> tuple[float, bool]:
    """The rest of `_sweep` once the leading edge enters line `new` (a whole float): test its cells.
    Off the map (no such line or cell) counts as solid."""
    line = lines.get(new)
    a0, a1 = cross // tile, (cross + cross_size - EPS) // tile
    if (line is None or line.get(a0, True) or line.get(a1, True)
            or (a1 - a0 > 1 and True in [line.get(a, True) for a in range(int(a0) + 1, int(a1))])):
        # Stop GAP short of the wall, but never back off: a box already closer (flush) stays put.
        if d > 0:
            stop = new * tile - size - GAP
            return (pos if pos >= stop else stop), True
        stop = (new + 1) * tile + GAP
        return (pos if pos <= stop else stop), True
    return pos + d, False
