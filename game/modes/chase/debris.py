"""The crash at the level crossing: glass, metal and a wheel thrown from his bus, then lying still.

Drawn only (the simulation never sees it); every piece's path is fixed by its index, so the same crash
looks the same every time and in every replay.
"""
from __future__ import annotations

import logging
import math

import pygame

log = logging.getLogger(__name__)

PIECES = 18
FLIGHT = 28  # steps a piece flies before it lands
_GLASS, _METAL, _RUBBER = (190, 225, 235), (150, 150, 160), (30, 30, 34)


def pieces(x: float, y: float, heading: float, age: int) -> list[tuple[float, float, tuple[int, int, int], int]]:
    """(x, y, colour, size) of every piece `age` steps after the crash at (x, y), his bus facing `heading`."""
    t = min(age, FLIGHT) / FLIGHT
    ease = 1 - (1 - t) ** 2  # fast out, slowing to a stop on the road
    out = []
    for i in range(PIECES):
        # Thrown forward in a fan (the train hit him side-on) plus a few behind.
        spread = ((i * 0.618) % 1.0 - 0.5) * 2.4
        angle = heading + spread + (math.pi if i % 5 == 4 else 0.0)
        reach = 14 + (i * 7919 % 23)
        colour, size = (_RUBBER, 3) if i == 0 else ((_GLASS, 1) if i % 3 else (_METAL, 2))
        out.append((x + math.cos(angle) * reach * ease, y + math.sin(angle) * reach * ease, colour, size))
    return out


def draw(surface: pygame.Surface, cam: tuple[int, int], x: float, y: float, heading: float, age: int) -> None:
    """The debris on screen; glass glints now and then once it has landed."""
    for i, (px, py, colour, size) in enumerate(pieces(x, y, heading, age)):
        sx, sy = round(px - cam[0]), round(py - cam[1])
        if colour == _GLASS and age > FLIGHT and (age // 8 + i) % 7 == 0:
            colour = (255, 255, 255)
        if size == 1:
            surface.set_at((sx, sy), colour)
        else:
            pygame.draw.circle(surface, colour, (sx, sy), size - 1)
