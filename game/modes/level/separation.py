"""Crowd separation with linear pair work: each enemy is pushed away from those closer than a radius.

Under FEW enemies (most fights) every pair is tested in plain Python (numpy's fixed cost per call is more
than the whole pass there). Up to ALL_PAIRS_MAX enemies every pair is tested in one numpy pass (at most 64 pairs an enemy, and
cheaper than any bucketing at that size: measured); above it, the pairs come from a grid of radius-sized
buckets (only the 3x3 buckets round each one), so the distance tests grow with the crowd, not with its
square. Both give the same sums bit for bit: the close pairs' terms in an n x n matrix that is zero
elsewhere, summed by numpy along its rows (in the grid path a memset and a sum in C, 40,000 doubles at
200 enemies), so replays recorded with either agree.
"""
from __future__ import annotations

import logging
import math

import numpy as np

log = logging.getLogger(__name__)

FEW = 8  # below this many, plain Python: numpy sums a row this short left to right, as a loop does
ALL_PAIRS_MAX = 64
_sqrt, _zeros, _divide, _sum_rows = np.sqrt, np.zeros, np.divide, np.add.reduce  # looked up once, not per call
_AROUND = np.array([(ox, oy) for ox in (-1, 0, 1) for oy in (-1, 0, 1)], dtype=np.int64)


class Work:
    """Pairs whose distance was tested, summed over calls: what the linear-work test counts."""

    pairs = 0


def pushes(xs: list[float], ys: list[float], radius: float, push: float) -> tuple[list[float], list[float]]:
    """Per point, the sum over points closer than `radius` (and not on top of it) of its offset from
    them times (radius - d) / d * push."""
    n = len(xs)
    if n < FEW:
        return _few(xs, ys, radius, push)
    if n <= ALL_PAIRS_MAX:
        return _all_pairs(np.array((xs, ys)), radius, push)
    x, y = np.array(xs), np.array(ys)
    kx = np.floor(x / radius).astype(np.int64)
    ky = np.floor(y / radius).astype(np.int64)
    kx -= kx.min() - 1  # every bucket and its neighbours at 0 or above
    ky -= ky.min() - 1
    span = int(ky.max()) + 2
    keys = kx * span + ky
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    # Every point against the points of the nine buckets round its own: [lo, hi) ranges in `ordered`.
    targets = (keys[None, :] + (_AROUND[:, 0] * span + _AROUND[:, 1])[:, None]).ravel()
    lo = np.searchsorted(ordered, targets, side="left")
    counts = np.searchsorted(ordered, targets, side="right") - lo
    total = int(counts.sum())
    Work.pairs += total
    owner = np.repeat(np.tile(np.arange(n), len(_AROUND)), counts)
    starts = np.repeat(lo - (np.cumsum(counts) - counts), counts)
    other = order[starts + np.arange(total)]
    dx = x[owner] - x[other]
    dy = y[owner] - y[other]
    d2 = dx * dx + dy * dy
    close = (d2 < radius ** 2) & (d2 > 1e-6)
    if not close.any():
        return [0.0] * n, [0.0] * n
    d = np.sqrt(d2[close])
    strength = (radius - d) / d * push
    i, j = owner[close], other[close]
    rows = np.zeros((n, n))
    rows[i, j] = dx[close] * strength
    push_x = rows.sum(axis=1).tolist()
    rows[i, j] = dy[close] * strength
    return push_x, rows.sum(axis=1).tolist()


def _few(xs: list[float], ys: list[float], radius: float, push: float) -> tuple[list[float], list[float]]:
    """Every pair in plain Python, each row summed in numpy's order for rows under FEW values: 0.0 plus
    each term by index (the zero terms of far points change nothing, so they are skipped). Each pair is
    tested once: j's term from i is exactly minus i's from j (a float difference and product change only
    their sign when their operands swap), and going through the pairs (i, j > i) in order adds the terms of
    every row in the order of the other index, as the row's own sum does."""
    n = len(xs)
    Work.pairs += n * (n - 1) // 2
    r2 = radius ** 2
    push_x, push_y = [0.0] * n, [0.0] * n
    for i in range(n - 1):
        xi, yi = xs[i], ys[i]
        for j in range(i + 1, n):
            dx, dy = xi - xs[j], yi - ys[j]
            d2 = dx * dx + dy * dy
            if d2 < r2 and d2 > 1e-6:
                d = math.sqrt(d2)
                strength = (radius - d) / d * push
                tx, ty = dx * strength, dy * strength
                push_x[i] += tx
                push_y[i] += ty
                push_x[j] -= tx
                push_y[j] -= ty
    return push_x, push_y


def _all_pairs(points: np.ndarray, radius: float, push: float) -> tuple[list[float], list[float]]:
    """Every pair at once (`points` is 2 x n: the xs over the ys): 2 x n x n offsets, the close ones
    weighted, summed along rows. Few numpy calls: at forty enemies each costs more than its arithmetic,
    so the weights are divided where close and left zero elsewhere in one call."""
    n = points.shape[1]
    Work.pairs += n * n
    offsets = points[:, :, None] - points[:, None, :]  # [0] is dx, [1] is dy
    squares = offsets * offsets
    d2 = squares[0]
    d2 += squares[1]
    close = d2 < radius ** 2
    close &= d2 > 1e-6
    d = _sqrt(d2)
    strength = _zeros((n, n))
    _divide(radius - d, d, out=strength, where=close)  # (radius - d) / d where close, 0 elsewhere
    strength *= push
    offsets *= strength
    push_x, push_y = _sum_rows(offsets, axis=2).tolist()  # ndarray.sum's own reduction, without its wrapper
    return push_x, push_y
