"""An oriented box (a vehicle seen from above) sampled as a lattice of points against a solid tile grid.

Pure Python on plain lists: a bus is 55 sample points, a car 24, too few for numpy to pay for its
per-call cost. The grid is converted once per solid array (kept by identity, like the clearance field)
and every point goes through exactly the arithmetic the numpy version used, so results are bit-equal.
"""
from __future__ import annotations

import logging
import math
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

SAMPLE_SPACING = 7.0   # px between collision sample points (less than half a 16 px tile)
CLEARANCE_MAX = 8


class BoxSize(Protocol):
    @property
    def length(self) -> float: ...

    @property
    def width(self) -> float: ...


class Lattice:
    """The sample points of one box size: along-axis offsets `a`, across-axis offsets `b` (every
    combination is a point), the same points as an (n, 2) array, and the box's half diagonal."""

    __slots__ = ("a", "b", "points", "reach", "half_a", "half_b")

    def __init__(self, length: float, width: float) -> None:
        na = max(2, math.ceil(length / SAMPLE_SPACING) + 1)
        nb = max(2, math.ceil(width / SAMPLE_SPACING) + 1)
        a = np.linspace(-length / 2, length / 2, na)
        b = np.linspace(-width / 2, width / 2, nb)
        aa, bb = np.meshgrid(a, b)
        self.points = np.stack([aa.ravel(), bb.ravel()], axis=1)  # row j*na + i is (a[i], b[j])
        self.a: tuple[float, ...] = tuple(a.tolist())
        self.b: tuple[float, ...] = tuple(b.tolist())
        self.reach = math.hypot(length, width) / 2
        self.half_a = max(abs(v) for v in self.a)  # the largest offsets: the box's half extents
        self.half_b = max(abs(v) for v in self.b)


class Grid:
    """A solid grid as nested lists (row -> col -> 0/1) with its clearance field, for per-point lookups,
    and a summed-area table (flat, (rows + 1) x (cols + 1)) counting solid cells in any rectangle."""

    __slots__ = ("solid", "cells", "field", "clear", "rows", "cols", "sums")

    def __init__(self, solid: np.ndarray) -> None:
        self.solid = solid
        self.rows, self.cols = solid.shape
        self.cells: list[list[int]] = solid.astype(np.uint8).tolist()
        self.field = _clearance_field(solid)
        self.clear: list[list[int]] = self.field.tolist()
        sums = np.zeros((self.rows + 1, self.cols + 1), dtype=np.int64)
        sums[1:, 1:] = solid.astype(np.int64).cumsum(axis=0).cumsum(axis=1)
        self.sums: list[int] = sums.ravel().tolist()


# The cell of a point for the clearance shortcuts: floor(v / tile), quicker than int(v // tile) and the same
# cell wherever the quotient is exact (a power-of-two tile, every level's 16 px, away from subnormals). Where
# rounding makes it the next cell, the point lies within a rounding of that cell: the shortcuts' margins hold.
_floor = math.floor

_LATTICES: dict[tuple[float, float], Lattice] = {}
_BY_SPEC: dict[int, tuple[BoxSize, Lattice]] = {}  # id(spec) -> (spec, its lattice): no hashing a spec
_GRIDS: dict[int, Grid] = {}
_LAST: list[Grid] = []  # the grid asked for last (most calls in a row ask for the same one)


def lattice(spec: BoxSize) -> Lattice:
    mine = _BY_SPEC.get(id(spec))
    if mine is not None and mine[0] is spec:
        return mine[1]
    key = (spec.length, spec.width)
    found = _LATTICES.get(key)
    if found is None:
        found = _LATTICES[key] = Lattice(spec.length, spec.width)
    if len(_BY_SPEC) > 256:
        _BY_SPEC.clear()
    _BY_SPEC[id(spec)] = (spec, found)
    return found


def grid(solid: np.ndarray) -> Grid:
    """The list form of `solid`, built once per array object (the array must not change afterwards)."""
    if _LAST and _LAST[0].solid is solid:
        return _LAST[0]
    found = _GRIDS.get(id(solid))
    if found is None or found.solid is not solid:
        if len(_GRIDS) > 8:
            _GRIDS.clear()
        found = _GRIDS[id(solid)] = Grid(solid)
    _LAST[:] = [found]
    return found


def clearance(solid: np.ndarray) -> np.ndarray:
    """Per cell, how many cells (Chebyshev, capped) to the nearest solid cell or the map edge.

    Computed once per grid by repeated dilation; lets a vehicle in open road skip the point test.
    """
    return grid(solid).field


def _clearance_field(solid: np.ndarray) -> np.ndarray:
    rows, cols = solid.shape
    blocked = np.ones((rows + 2, cols + 2), dtype=bool)
    blocked[1:-1, 1:-1] = solid
    out = np.full((rows, cols), CLEARANCE_MAX, dtype=np.int32)
    grown = blocked.copy()
    for d in range(CLEARANCE_MAX):
        inner = grown[1:-1, 1:-1]
        out[inner & (out == CLEARANCE_MAX)] = d
        g = grown.copy()
        g[1:, :] |= grown[:-1, :]
        g[:-1, :] |= grown[1:, :]
        g[:, 1:] |= g[:, :-1].copy()
        g[:, :-1] |= g[:, 1:].copy()
        grown = g
    return out


def area_clear(solid: np.ndarray, tile: int, left: float, top: float, right: float, bottom: float,
               heading: float, other: float, spec: BoxSize) -> bool:
    """True when the box, turned to `heading` or `other` and centred anywhere in the rectangle
    [left, right] x [top, bottom], has every sample point on the map and in an open cell (so
    `solid_samples` is 0 for each such pose): the cells its bounds can reach hold nothing solid."""
    g = _LAST[0] if _LAST and _LAST[0].solid is solid else grid(solid)
    mine = _BY_SPEC.get(id(spec))
    lat = mine[1] if mine is not None and mine[0] is spec else lattice(spec)
    # Open road first: the clearance of the rectangle's centre cell covers every point of every such box
    # (within its half diagonal of a centre at most half the rectangle's longer side away, + a margin).
    row, col = _floor((top + bottom) * 0.5 / tile), _floor((left + right) * 0.5 / tile)  # (see _floor)
    wide = right - left if right - left > bottom - top else bottom - top
    if 0 <= row < g.rows and 0 <= col < g.cols and (g.clear[row][col] - 1) * tile >= lat.reach + wide * 0.5 + 1e-6:
        return True
    along, across = lat.half_a, lat.half_b
    c, s = abs(math.cos(heading)), abs(math.sin(heading))
    ex, ey = along * c + across * s, along * s + across * c
    if other != heading:
        c, s = abs(math.cos(other)), abs(math.sin(other))
        ex, ey = max(ex, along * c + across * s), max(ey, along * s + across * c)
    ex += 1e-6  # far above any rounding of the points' positions
    ey += 1e-6
    floor = math.floor
    c0, c1 = floor((left - ex) / tile), floor((right + ex) / tile)
    r0, r1 = floor((top - ey) / tile), floor((bottom + ey) / tile)
    if r0 < 0 or c0 < 0 or r1 >= g.rows or c1 >= g.cols:
        return False
    sums, w = g.sums, g.cols + 1
    above, below = r0 * w, (r1 + 1) * w
    return sums[below + c1 + 1] - sums[above + c1 + 1] - sums[below + c0] + sums[above + c0] == 0


def solid_samples(solid: np.ndarray, tile: int, x: float, y: float, heading: float, spec: BoxSize) -> int:
    """How many of the box's sample points lie in solid cells or off the map."""
    g = _LAST[0] if _LAST and _LAST[0].solid is solid else grid(solid)
    mine = _BY_SPEC.get(id(spec))
    lat = mine[1] if mine is not None and mine[0] is spec else lattice(spec)
    rows, cols = g.rows, g.cols
    col, row = _floor(x / tile), _floor(y / tile)  # (see _floor)
    if 0 <= row < rows and 0 <= col < cols and (g.clear[row][col] - 1) * tile >= lat.reach:
        return 0  # nothing solid within reach of the box: skip the point test
    c, s = math.cos(heading), math.sin(heading)
    floor = math.floor
    # Every point lies within the box's axis-aligned bounds (plus a margin far above rounding): when
    # the cells those cover are on the map and none is solid, no point is in a solid cell.
    ac, as_ = abs(c), abs(s)
    ex = lat.half_a * ac + lat.half_b * as_ + 1e-6
    ey = lat.half_a * as_ + lat.half_b * ac + 1e-6
    c0, c1 = floor((x - ex) / tile), floor((x + ex) / tile)
    r0, r1 = floor((y - ey) / tile), floor((y + ey) / tile)
    if 0 <= r0 and 0 <= c0 and r1 < rows and c1 < cols:
        sums, w = g.sums, cols + 1
        top, bottom = r0 * w, (r1 + 1) * w
        if sums[bottom + c1 + 1] - sums[top + c1 + 1] - sums[bottom + c0] + sums[top + c0] == 0:
            return 0
    cells = g.cells
    across = [(b * s, b * c) for b in lat.b]
    count = 0
    for a in lat.a:
        xa, ya = x + a * c, y + a * s  # the numpy version's order: (x + a*c) - b*s, (y + a*s) + b*c
        for bs, bc in across:
            col = floor((xa - bs) / tile)
            row = floor((ya + bc) / tile)
            if 0 <= row < rows and 0 <= col < cols:
                count += cells[row][col]
            else:
                count += 1
    return count


def blocked_points(solid: np.ndarray, tile: int, x: float, y: float, heading: float,
                   spec: BoxSize) -> np.ndarray:
    """Per sample point of the box placed at (x, y, heading), in `lattice(spec).points` order: True
    where it lies in a solid cell or off the map."""
    pts = lattice(spec).points
    c, s = math.cos(heading), math.sin(heading)
    px = x + pts[:, 0] * c - pts[:, 1] * s
    py = y + pts[:, 0] * s + pts[:, 1] * c
    rows, cols = solid.shape
    col = np.floor(px / tile).astype(np.intp)
    row = np.floor(py / tile).astype(np.intp)
    inside = (col >= 0) & (row >= 0) & (col < cols) & (row < rows)
    blocked = ~inside
    blocked[inside] = solid[row[inside], col[inside]]
    return blocked


def blocked_side(solid: np.ndarray, tile: int, x: float, y: float, heading: float, spec: BoxSize) -> float:
    """Mean sideways offset (px, + = the box's right) of its sample points in solid cells (only on a
    hit, so the numpy form stays)."""
    blocked = blocked_points(solid, tile, x, y, heading, spec)
    return float(lattice(spec).points[blocked, 1].mean()) if blocked.any() else 0.0
