"""The green arrows that show a player the way: over a spot on screen, or at the screen's edge toward one
off it (kept out of the HUD's top rows and bottom labels). The goal arrow and the escape's exits use them."""
from __future__ import annotations

import logging
import math

import pygame

log = logging.getLogger(__name__)

ARROW = (120, 230, 120)
RIM = (20, 16, 10)
POINTER_BAND = (40, 30)  # px kept free of edge pointers at the top (HUD rows) and bottom (name labels)


def arrow_to(surface: pygame.Surface, spot: tuple[float, float], step: int) -> None:
    """A bobbing arrow just over `spot` (screen px) when it is on screen, else a pointer at the edge."""
    px, py = round(spot[0]), round(spot[1] - 14 - (step // 10) % 3)
    w, h = surface.get_size()
    if not (0 <= px < w and 8 <= py < h):
        edge_pointer(surface, (px, py + 10))
        return
    pygame.draw.polygon(surface, RIM, [(px - 5, py - 1), (px + 6, py - 1), (px, py + 6)])
    pygame.draw.polygon(surface, ARROW, [(px - 4, py), (px + 4, py), (px, py + 4)])


def edge_pointer(surface: pygame.Surface, target: tuple[int, int]) -> None:
    """A notched arrowhead on a dark disc at the screen's edge, pointing at an off-screen spot; longer than
    wide, so its direction reads at a glance."""
    w, h = surface.get_size()
    top, bottom = POINTER_BAND
    cx, cy = w / 2, (top + h - bottom) / 2
    dx, dy = target[0] - cx, target[1] - cy
    scale = min((cx - 14) / max(abs(dx), 1e-6), ((h - bottom - top) / 2) / max(abs(dy), 1e-6))
    px, py = cx + dx * scale, cy + dy * scale
    a = math.atan2(dy, dx)
    tip = [(px + math.cos(a + t) * r, py + math.sin(a + t) * r) for t, r in ((0, 8), (2.55, 8), (math.pi, 2), (-2.55, 8))]
    pygame.draw.circle(surface, RIM, (round(px), round(py)), 10)
    pygame.draw.polygon(surface, ARROW, tip)
