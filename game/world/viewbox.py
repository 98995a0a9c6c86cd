"""The camera boxes a renderer's frame holds for: the camera positions that show the same chunks or parts.

The renderer (game.world.render) works out what a view shows once, with the box of camera positions
where that stays true; a frame inside the box blits and does nothing else.
"""
from __future__ import annotations

import logging
from bisect import bisect_right
from typing import Any

log = logging.getLogger(__name__)

FAR = 1 << 40  # px: beyond any camera position (an int, as cameras are: compared faster than a float inf)
SEEN_MAX = 4096  # the parts seen, kept for this many pairs of camera intervals (see `PartIndex`)
Part = tuple[Any, int, int, int, int]  # a surface and its map box: x, y, x1, y1


def clamp(index: int, last: int) -> int:
    return 0 if index < 0 else last if index > last else index


def same_range(cam: int, view: int, side: int, last: int) -> tuple[int, int]:
    """On one axis, the camera positions whose view (`view` px) shows the same first and last chunk
    (`side` px, 0..last, clamped to the map) as a camera at `cam`."""
    first, final = clamp(cam // side, last), clamp((cam + view - 1) // side, last)
    lo = -FAR if first == 0 else first * side
    hi = FAR if first == last else first * side + side - 1
    lo = max(lo, -FAR if final == 0 else final * side - view + 1)
    hi = min(hi, FAR if final == last else final * side + side - view)
    return lo, hi


def meet(a: tuple[Any, ...], b: tuple[Any, ...]) -> tuple[Any, ...]:
    """The box two boxes (x_lo, y_lo, x_hi, y_hi, t_lo, t_hi, target) both hold for: their overlap, the
    target kept if the same."""
    return (a[0] if a[0] > b[0] else b[0], a[1] if a[1] > b[1] else b[1], a[2] if a[2] < b[2] else b[2],
            a[3] if a[3] < b[3] else b[3], a[4] if a[4] > b[4] else b[4], a[5] if a[5] < b[5] else b[5],
            a[6] if a[6] is b[6] else None)


class PartIndex:
    """Parts placed on the map, found for a view of `size`: each part's edges cut the camera's axes into
    intervals, within which it stays in view or out; the parts seen are kept per pair of intervals, so a
    jump (a respawn, the bench's teleport) back into a known pair is a lookup."""

    def __init__(self, parts: list[Part], size: tuple[int, int]) -> None:
        self.parts, self.size = parts, size
        view_w, view_h = size
        self.xs = sorted({v for _, x, _, x1, _ in parts for v in (x - view_w + 1, x1)})
        self.ys = sorted({v for _, _, y, _, y1 in parts for v in (y - view_h + 1, y1)})
        self.seen: dict[tuple[int, int], tuple[list[tuple[Any, int, int]], tuple[int, int, int, int]]] = {}

    def find(self, cam_x: int, cam_y: int) -> tuple[list[tuple[Any, int, int]], tuple[int, int, int, int]]:
        """The parts a view at (cam_x, cam_y) overlaps, (surface, x, y) each, and the box of camera
        positions (x_lo, y_lo, x_hi, y_hi) that overlap the same."""
        xs, ys = self.xs, self.ys
        ix, iy = bisect_right(xs, cam_x), bisect_right(ys, cam_y)
        found = self.seen.get((ix, iy))
        if found is None:
            if len(self.seen) >= SEEN_MAX:
                self.seen.clear()
            right, bottom = cam_x + self.size[0], cam_y + self.size[1]
            found = self.seen[(ix, iy)] = (
                [(part, x, y) for part, x, y, x1, y1 in self.parts
                 if x < right and x1 > cam_x and y < bottom and y1 > cam_y],
                (xs[ix - 1] if ix else -FAR, ys[iy - 1] if iy else -FAR,
                 xs[ix] - 1 if ix < len(xs) else FAR, ys[iy] - 1 if iy < len(ys) else FAR))
        return found
