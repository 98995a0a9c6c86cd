"""Rasterize the collision shapes drawn in Tiled's tile collision editor into per-tile pixel masks.

Shapes are `<object>` elements of a tile's `<objectgroup>`: rectangles, ellipses, polygons, polylines
(drawn one pixel wide) and points (ignored: they have no area). Coordinates are tile pixels; rotation
turns a shape about its (x, y) as in Tiled. A pixel is covered when its centre lies inside a shape.
"""
from __future__ import annotations

import logging
import math
import xml.etree.ElementTree as ET
from typing import Iterable

import numpy as np

log = logging.getLogger(__name__)


def rasterize(shapes: Iterable[ET.Element], tile_w: int, tile_h: int) -> np.ndarray:
    """bool (tile_h, tile_w): the union of the shapes. Raises ValueError on unreadable numbers."""
    mask = np.zeros((tile_h, tile_w), dtype=bool)
    # Pixel centres in tile coordinates.
    py, px = np.mgrid[0:tile_h, 0:tile_w].astype(np.float64) + 0.5
    for node in shapes:
        x, y, w, h, rot = (_num(node, k) for k in ("x", "y", "width", "height", "rotation"))
        # Undo the rotation about (x, y): points in the shape's own frame.
        c, s = math.cos(math.radians(-rot)), math.sin(math.radians(-rot))
        lx = (px - x) * c - (py - y) * s
        ly = (px - x) * s + (py - y) * c
        if node.find("point") is not None:
            continue
        if node.find("ellipse") is not None:
            if w > 0 and h > 0:
                mask |= ((lx - w / 2) / (w / 2)) ** 2 + ((ly - h / 2) / (h / 2)) ** 2 <= 1.0
            continue
        poly = node.find("polygon")
        line = node.find("polyline")
        if poly is not None:
            mask |= _in_polygon(lx, ly, _points(poly))
            continue
        if line is not None:
            mask |= _near_polyline(lx, ly, _points(line))
            continue
        mask |= (lx >= 0) & (lx < w) & (ly >= 0) & (ly < h)
    return mask


def _num(node: ET.Element, key: str) -> float:
    text = node.get(key, "0")
    value = float(text)  # ValueError names the text
    if not math.isfinite(value):
        raise ValueError(f"{key} {text!r} is not a finite number")
    return value


def _points(node: ET.Element) -> list[tuple[float, float]]:
    pts = []
    for pair in (node.get("points") or "").split():
        a, b = pair.split(",")
        pts.append((float(a), float(b)))
    if not all(math.isfinite(v) for p in pts for v in p):
        raise ValueError("points must be finite numbers")
    return pts


def _in_polygon(x: np.ndarray, y: np.ndarray, pts: list[tuple[float, float]]) -> np.ndarray:
    """Even-odd rule, vectorized over all pixel centres."""
    inside = np.zeros(x.shape, dtype=bool)
    n = len(pts)
    if n < 3:
        return inside
    for i in range(n):
        x0, y0 = pts[i]
        x1, y1 = pts[(i + 1) % n]
        if y0 == y1:
            continue
        crosses = (y0 > y) != (y1 > y)
        at_x = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
        inside ^= crosses & (x < at_x)
    return inside


def _near_polyline(x: np.ndarray, y: np.ndarray, pts: list[tuple[float, float]]) -> np.ndarray:
    """Pixels whose centre is within half a pixel of a segment: a one-pixel line."""
    near = np.zeros(x.shape, dtype=bool)
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        dx, dy = x1 - x0, y1 - y0
        length2 = dx * dx + dy * dy
        t = np.zeros(x.shape) if length2 == 0 else np.clip(((x - x0) * dx + (y - y0) * dy) / length2, 0, 1)
        near |= (x - (x0 + t * dx)) ** 2 + (y - (y0 + t * dy)) ** 2 <= 0.25 + 1e-9
    return near
