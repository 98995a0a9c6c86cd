"""Doorways on the tile grid: which open cells are a door or a one-tile corridor, and the nearest cell out
of one that does not lead through a given cell (so the partner steps aside instead of blocking Danko)."""
from __future__ import annotations

import logging
from collections import deque

import numpy as np

log = logging.getLogger(__name__)

SEARCH_CELLS = 7   # how far (in 4-connected steps) a step aside may go


def _solid(solid: np.ndarray, col: int, row: int) -> bool:
    rows, cols = solid.shape
    return not (0 <= row < rows and 0 <= col < cols) or bool(solid[row, col])


def is_narrow(solid: np.ndarray, col: int, row: int, doors: tuple[tuple[int, int], ...] = ()) -> bool:
    """An open cell a walker fills: walls on both sides across it (a doorway or a one-tile corridor),
    or a door's cell."""
    if _solid(solid, col, row):
        return False
    if (col, row) in doors:
        return True
    across_x = _solid(solid, col - 1, row) and _solid(solid, col + 1, row)
    across_y = _solid(solid, col, row - 1) and _solid(solid, col, row + 1)
    return across_x or across_y


def step_aside(solid: np.ndarray, start: tuple[int, int], avoid: tuple[int, int],
               doors: tuple[tuple[int, int], ...] = ()) -> tuple[int, int] | None:
    """The nearest open cell that is not narrow, reached without passing `avoid` (Danko's cell) or its
    neighbours, and not next to it; None when there is none within SEARCH_CELLS steps."""
    ac, ar = avoid
    blocked = {(ac + dc, ar + dr) for dc in (-1, 0, 1) for dr in (-1, 0, 1)}
    seen = {start}
    queue = deque([(start, 0)])
    while queue:
        (c, r), d = queue.popleft()
        if d and (c, r) not in blocked and not is_narrow(solid, c, r, doors):
            return (c, r)
        if d >= SEARCH_CELLS:
            continue
        for dc, dr in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nxt = (c + dc, r + dr)
            if nxt in seen or nxt in blocked or _solid(solid, *nxt):
                continue
            seen.add(nxt)
            queue.append((nxt, d + 1))
    return None


def door_cells(rects: list[tuple[float, float, float, float]], tile: int) -> tuple[tuple[int, int], ...]:
    """The cells under the doors' rectangles (x, y, w, h in pixels)."""
    cells = []
    for x, y, w, h in rects:
        for row in range(int(y // tile), int((y + max(1.0, h) - 1) // tile) + 1):
            for col in range(int(x // tile), int((x + max(1.0, w) - 1) // tile) + 1):
                cells.append((col, row))
    return tuple(sorted(set(cells)))
