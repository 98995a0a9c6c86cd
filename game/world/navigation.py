"""Breadth-first distance maps over the walkable grid, vectorized with numpy.

Enemies follow the flow field downhill to the player; `check` uses the same map for reachability.
"""
from __future__ import annotations

import logging

import numpy as np

log = logging.getLogger(__name__)

UNREACHABLE = np.iinfo(np.int32).max


def distance_map(walkable: np.ndarray, start: tuple[int, int]) -> np.ndarray:
    """Steps (4-connected) from `start` (col, row) to every cell; UNREACHABLE where cut off."""
    rows, cols = walkable.shape
    dist = np.full((rows, cols), UNREACHABLE, dtype=np.int32)
    c, r = start
    if not (0 <= r < rows and 0 <= c < cols) or not walkable[r, c]:
        return dist
    seen = np.zeros((rows, cols), dtype=bool)
    frontier = np.zeros((rows, cols), dtype=bool)
    frontier[r, c] = True
    d = 0
    while frontier.any():
        dist[frontier] = d
        seen |= frontier
        grown = np.zeros_like(frontier)
        grown[1:, :] |= frontier[:-1, :]
        grown[:-1, :] |= frontier[1:, :]
        grown[:, 1:] |= frontier[:, :-1]
        grown[:, :-1] |= frontier[:, 1:]
        frontier = grown & walkable & ~seen
        d += 1
    return dist


def downhill(dist: np.ndarray, col: int, row: int) -> tuple[int, int]:
    """Unit step (dx, dy) toward the lowest neighbour (8-connected, no corner cutting), or (0, 0)."""
    rows, cols = dist.shape
    best = (0, 0)
    best_d = dist[row, col] if 0 <= row < rows and 0 <= col < cols else UNREACHABLE
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)):
        r, c = row + dy, col + dx
        if not (0 <= r < rows and 0 <= c < cols):
            continue
        if dx and dy and (dist[row, c] == UNREACHABLE or dist[r, col] == UNREACHABLE):
            continue
        if dist[r, c] < best_d:
            best, best_d = (dx, dy), dist[r, c]
    return best
