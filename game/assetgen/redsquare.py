"""The title backdrop: Red Square at dawn (assets/title.png, 320x180), painted with numpy.

The film opens in Moscow and was the first production allowed to shoot in Red Square, so the title stands
there: a dawn sky, the Kremlin wall with the Spasskaya tower and its red star on the left, the Lenin
mausoleum before the wall, St. Basil's onion domes on the right and the cobbled square in snow.
Everything is drawn from fixed shapes and patterns, so the PNG is byte-identical on regeneration.
"""
from __future__ import annotations

import logging

import numpy as np

log = logging.getLogger(__name__)

W, H = 320, 180
HORIZON = 112  # where the square meets the buildings
BAYER = np.array([[0, 2], [3, 1]]) / 4.0  # 2x2 ordered dither

Colour = tuple[int, int, int]

SKY: tuple[tuple[float, Colour], ...] = (  # (row as a fraction of the horizon, colour), top to bottom
    (0.0, (16, 18, 48)), (0.35, (54, 40, 88)), (0.62, (150, 78, 104)), (0.82, (226, 134, 102)),
    (1.0, (250, 196, 128)),
)
BRICK, BRICK_DARK, BRICK_LIGHT = (142, 40, 36), (96, 24, 26), (178, 66, 52)
OUTLINE = (20, 12, 18)


class Picture:
    """An RGB canvas with the few shapes the backdrop needs (all clipped to the canvas)."""

    def __init__(self) -> None:
        self.px = np.zeros((H, W, 3), dtype=np.uint8)
        self.ys, self.xs = np.mgrid[0:H, 0:W]

    def fill(self, mask: np.ndarray, colour: Colour) -> None:
        self.px[mask] = colour

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: Colour) -> None:
        self.px[max(0, y0):max(0, y1), max(0, x0):max(0, x1)] = colour

    def box(self, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
        return (self.xs >= x0) & (self.xs < x1) & (self.ys >= y0) & (self.ys < y1)

    def onion(self, cx: int, base: int, r: int, height: int) -> np.ndarray:
        """An onion dome: a bulb of radius r whose top tapers to a point `height` above the base."""
        bulb_cy = base - r
        bulb = ((self.xs - cx) / r) ** 2 + ((self.ys - bulb_cy) / (r * 0.9)) ** 2 <= 1.0
        t = (bulb_cy - self.ys) / max(1, height - r)  # 0 at the bulb's middle, 1 at the tip
        taper = (t > 0) & (t <= 1) & (np.abs(self.xs - cx) <= r * np.clip(1 - t, 0, 1) ** 1.6)
        return (bulb | taper) & (self.ys <= base)


def _lerp(a: Colour, b: Colour, t: np.ndarray) -> np.ndarray:
    return np.array(a)[None, :] * (1 - t[:, None]) + np.array(b)[None, :] * t[:, None]


def _sky(pic: Picture) -> None:
    rows = np.arange(HORIZON) / (HORIZON - 1)
    colours = np.zeros((HORIZON, 3))
    for (f0, c0), (f1, c1) in zip(SKY, SKY[1:]):
        inside = (rows >= f0) & (rows <= f1)
        colours[inside] = _lerp(c0, c1, (rows[inside] - f0) / (f1 - f0))
    # quantise to steps of 12 with an ordered dither, for the 16-bit look
    step = 12.0
    for y in range(HORIZON):
        for x in range(2):
            level = colours[y] / step
            threshold = BAYER[y % 2, x]
            pic.px[y, x::2] = (np.floor(level + threshold) * step).clip(0, 255)
    sun = ((pic.xs - 214) ** 2 + ((pic.ys - HORIZON + 6) * 1.3) ** 2) <= 26 ** 2
    glow = ((pic.xs - 214) ** 2 + ((pic.ys - HORIZON + 6) * 1.3) ** 2) <= 44 ** 2
    pic.fill(glow & (pic.ys < HORIZON) & ((pic.xs + pic.ys) % 2 == 0), (252, 210, 150))
    pic.fill(sun & (pic.ys < HORIZON), (255, 232, 176))
    for i in range(40):  # the last stars in the dark top of the sky
        x, y = (i * 97 + 13) % W, (i * 37 + 5) % 40
        pic.px[y, x] = (200, 200, 230) if i % 3 else (255, 255, 255)


def _kremlin(pic: Picture) -> None:
    """The wall with swallowtail merlons, the Spasskaya tower and the mausoleum."""
    wall_top = 92
    wall = pic.box(0, wall_top, 214, HORIZON)
    merlons = pic.box(0, wall_top - 5, 214, wall_top) & (pic.xs % 8 < 5)
    notch = pic.box(0, wall_top - 5, 214, wall_top - 3) & (pic.xs % 8 == 2)
    pic.fill(wall | (merlons & ~notch), BRICK)
    pic.fill(wall & (pic.ys == wall_top), BRICK_DARK)
    pic.fill(wall & ((pic.ys - wall_top) % 4 == 3), BRICK_DARK)  # courses of brick
    pic.fill(wall & ((pic.ys - wall_top) % 8 < 4) & (pic.xs % 6 == 0), BRICK_DARK)
    pic.fill(wall & ((pic.ys - wall_top) % 8 >= 4) & (pic.xs % 6 == 3), BRICK_DARK)
    # the Spasskaya tower: body, clock, tiers, a green tent roof and the star
    cx = 56
    pic.rect(cx - 13, 62, cx + 13, HORIZON, BRICK)
    pic.rect(cx - 13, 62, cx - 10, HORIZON, BRICK_LIGHT)
    pic.rect(cx + 10, 62, cx + 13, HORIZON, BRICK_DARK)
    pic.rect(cx - 5, 96, cx + 5, HORIZON, (40, 22, 24))  # the gate
    pic.rect(cx - 9, 46, cx + 9, 62, BRICK_LIGHT)
    pic.rect(cx + 5, 46, cx + 9, 62, BRICK)
    clock = ((pic.xs - cx) ** 2 + (pic.ys - 70) ** 2) <= 36
    pic.fill(clock, (236, 226, 196))
    pic.fill(((pic.xs - cx) ** 2 + (pic.ys - 70) ** 2 <= 36) & ((pic.xs - cx) ** 2 + (pic.ys - 70) ** 2 >= 25),
             (200, 160, 60))
    pic.px[67:71, cx] = (30, 20, 20)
    pic.px[70, cx:cx + 3] = (30, 20, 20)
    for k, y in enumerate(range(46, 52, 2)):  # white trim of the tiers
        pic.rect(cx - 10 + k, y, cx + 10 - k, y + 1, (220, 214, 200))
    for y in range(20, 46):  # the tent roof, green with a light edge
        half = max(1, (y - 18) * 8 // 26)
        pic.rect(cx - half, y, cx + half + 1, y + 1, (46, 104, 76))
        pic.px[y, cx - half] = (92, 156, 112)
    _star(pic, cx, 14, 5, (226, 36, 36))
    # the mausoleum: stepped dark red granite before the wall
    for k, (x0, x1) in enumerate(((112, 178), (118, 172), (126, 164), (134, 156))):
        y0 = 100 - k * 4
        pic.rect(x0, y0, x1, HORIZON, (86, 28, 34) if k % 2 == 0 else (64, 20, 28))
        pic.rect(x0, y0, x1, y0 + 1, (120, 48, 52))
    pic.rect(140, 104, 150, HORIZON, (30, 14, 18))


def _star(pic: Picture, cx: int, cy: int, r: int, colour: Colour) -> None:
    angle = np.arctan2(pic.ys - cy, pic.xs - cx) + np.pi / 2
    radius = np.hypot(pic.xs - cx, pic.ys - cy)
    k = (angle % (2 * np.pi / 5)) / (2 * np.pi / 5)  # 0..1 between two points
    edge = r * (0.42 + 0.58 * np.abs(1 - 2 * k))
    pic.fill(radius <= edge, colour)


DOMES: tuple[tuple[int, int, int, int, Colour, Colour], ...] = (  # cx, base, radius, height, colour, stripe
    (246, 74, 6, 14, (40, 120, 70), (230, 200, 80)),
    (292, 80, 7, 16, (200, 50, 40), (240, 230, 210)),
    (270, 66, 8, 18, (40, 90, 170), (236, 236, 236)),
    (226, 82, 6, 14, (220, 150, 40), (60, 130, 70)),
    (310, 88, 5, 12, (60, 130, 70), (200, 50, 40)),
)


def _cathedral(pic: Picture) -> None:
    """St. Basil's: a brick base, drums and striped onion domes round a tall tent spire."""
    pic.rect(214, 90, W, HORIZON, BRICK)
    pic.fill(pic.box(214, 90, W, HORIZON) & ((pic.ys % 5) == 0), BRICK_DARK)
    for x in range(218, W, 12):  # arched windows
        pic.rect(x, 98, x + 4, 106, (60, 24, 28))
        pic.px[97, x + 1:x + 3] = (60, 24, 28)
    # the central tent spire
    for y in range(34, 90):
        half = 2 + (y - 34) * 9 // 56
        pic.rect(262 - half, y, 262 + half + 1, y + 1, (212, 188, 150) if (y // 4) % 2 else (196, 96, 70))
    pic.fill(pic.onion(262, 38, 4, 9), (222, 180, 60))
    pic.rect(261, 24, 263, 30, (222, 180, 60))
    for cx, base, r, height, colour, stripe in DOMES:
        pic.rect(cx - r + 2, base, cx + r - 1, 92, (200, 170, 130))  # the drum
        pic.rect(cx - r + 2, base, cx + r - 1, base + 1, (120, 80, 60))
        dome = pic.onion(cx, base, r, height)
        pic.fill(dome, colour)
        pic.fill(dome & (((pic.xs - cx) + (pic.ys - base) * 2) % 6 < 2), stripe)  # spiral stripes
        pic.fill(dome & (pic.xs > cx + r // 2), tuple(int(c * 0.7) for c in colour))  # shade
        pic.rect(cx, base - height - 4, cx + 1, base - height, (222, 180, 60))  # the cross post
        pic.px[base - height - 3, cx - 1:cx + 2] = (222, 180, 60)


def _square(pic: Picture) -> None:
    """Cobbles in perspective, dusted with snow, lit pink by the dawn."""
    ys = np.arange(HORIZON, H)
    depth = (ys - HORIZON + 4) / (H - HORIZON + 4)  # near 0 at the horizon, 1 at the bottom
    base = _lerp((150, 120, 136), (70, 66, 86), depth)
    pic.px[HORIZON:] = base[:, None, :].astype(np.uint8)
    row_edges, y = [], float(HORIZON)
    gap = 2.0
    while y < H:
        row_edges.append(int(y))
        y += gap
        gap *= 1.16
    for i, ry in enumerate(row_edges):
        pic.px[ry] = (pic.px[ry].astype(int) * 0.72).astype(np.uint8)
        nxt = row_edges[i + 1] if i + 1 < len(row_edges) else H
        width = 4 + (ry - HORIZON) // 3
        offset = (i % 2) * width // 2
        for x in range(offset, W, width):  # joints, fanning out from the middle
            skew = int((x - W / 2) * (nxt - ry) / 160)
            for yy in range(ry + 1, nxt):
                xx = x + skew * (yy - ry) // max(1, nxt - ry)
                if 0 <= xx < W:
                    pic.px[yy, xx] = (pic.px[yy, xx].astype(int) * 0.8).astype(np.uint8)
    snow = ((pic.xs * 7 + pic.ys * 13) % 59 == 0) & (pic.ys >= HORIZON)
    pic.fill(snow, (236, 232, 240))
    pic.fill(pic.box(0, HORIZON, W, HORIZON + 1), (110, 70, 86))  # the foot of the buildings
    glint = pic.box(170, HORIZON + 1, 260, H - 30) & ((pic.xs * 5 + pic.ys * 3) % 43 == 0)
    pic.fill(glint, (248, 200, 150))


def paint() -> np.ndarray:
    """The backdrop as RGBA (opaque)."""
    pic = Picture()
    _sky(pic)
    _kremlin(pic)
    _cathedral(pic)
    _square(pic)
    rgba = np.concatenate([pic.px, np.full((H, W, 1), 255, np.uint8)], axis=2)
    return rgba


def build(writer) -> None:
    image = paint()
    writer.png("title.png", image)
    writer.show("title: Red Square at dawn", image)
