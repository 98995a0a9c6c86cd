"""Path.ahead (a traffic car's point ahead and corner look in one call) gives what point_at and turns_over
give, bit for bit: on loops and open paths, at segment ends, past the ends and the loop's seam."""
import math

import numpy as np

from game.actors.drivers import Path


def _paths(rng: np.random.Generator) -> list[Path]:
    """Random polylines (off-grid points, some nearly straight on, a zero-length segment), open and looped,
    and the bus chase's kind of lane (a rectangle on whole pixels)."""
    out = [Path(((96.0, 80.0), (608.0, 80.0), (608.0, 400.0), (96.0, 400.0)), loop=True)]
    for k in range(30):
        n = int(rng.integers(2, 8))
        pts = rng.uniform(0.0, 2000.0, (n, 2))
        if k % 3 == 0 and n > 2:
            pts[2] = pts[1] + (pts[1] - pts[0]) * rng.uniform(0.1, 3.0)  # on along nearly the same line
        pts = [tuple(p) for p in pts.tolist()]
        if k % 5 == 0:
            pts.insert(1, pts[1])  # a segment of no length
        out.append(Path(tuple(pts), loop=bool(k % 2)))
    return out


def _places(path: Path, rng: np.random.Generator) -> list[tuple[float, float, float]]:
    """(s, lookahead, distance): random ones, and ones whose point ahead falls exactly on a segment's start or
    end, or the path's end, with the turn's samples on one segment."""
    total, out = path.length, []
    for s in rng.uniform(-100.0, total + 100.0, 200).tolist():
        out.append((s, float(rng.choice([30.0, 0.0, 5.0, 200.0])), float(rng.choice([48.0, 10.0, 120.0]))))
    for edge in path.cumulative:
        for lookahead in (0.0, 20.0, 30.0, 64.0):
            s = edge - lookahead
            for nudge in (0.0, 1e-9, -1e-9):
                out.append((s + nudge, lookahead, 10.0))
    out += [(math.nan, 30.0, 48.0), (total - 30.0, 30.0, 48.0), (-30.0, 30.0, 48.0)]
    return out


def test_ahead_equals_point_at_and_turns_over():
    rng = np.random.default_rng(16)
    inside = edges = 0
    for path in _paths(rng):
        for s, lookahead, distance in _places(path, rng):
            for limit in (0.6, 0.0, -0.1, 1.5):
                got = path.ahead(s, lookahead, distance, limit)
                want = (*path.point_at(s + lookahead), path.turns_over(s, distance, limit))
                assert repr(got) == repr(want), (path, s, lookahead, distance, limit)
            i = path._straight(s, distance)
            if i >= 0:
                start, end = path.spans[i][6:8]
                inside += start < s + lookahead < end
                edges += s + lookahead in (start, end)
    assert inside > 500 and edges > 20  # both the point worked out on the segment and the edges were met
