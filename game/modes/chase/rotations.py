"""Vehicle sprites turned to any of ANGLES headings with a pixel-art rotation (RotSprite-style).

A plain nearest-neighbour rotation of a small sprite doubles and drops pixels, so a bus's stripes turn
into stair-steps. Scale2x three times (8x, edges kept sharp), rotate, then sample back down: the lines
stay one pixel wide and no new colours appear. Each heading is made once, when first drawn.
"""
from __future__ import annotations

import logging
import math

import pygame

from game.world.surfaces import displayed

log = logging.getLogger(__name__)

ANGLES = 64  # headings a vehicle can be drawn at (every 5.625 degrees)
_UPSCALES = 3  # scale2x passes: 8x


def rotsprite(image: pygame.Surface, degrees: float) -> pygame.Surface:
    """`image` turned counter-clockwise by `degrees` (pygame's sense), pixel-art style."""
    if degrees % 90 == 0:
        return pygame.transform.rotate(image, degrees)  # exact already
    big = image
    for _ in range(_UPSCALES):
        big = pygame.transform.scale2x(big)
    turned = pygame.transform.rotate(big, degrees)
    factor = 1 << _UPSCALES
    w, h = turned.get_size()
    return pygame.transform.scale(turned, (max(1, round(w / factor)), max(1, round(h / factor))))


class Rotations:
    """Turned copies of one top-down image (drawn facing east), cached per heading bin."""

    def __init__(self, image: pygame.Surface) -> None:
        self.image = image
        self.cache: dict[int, pygame.Surface] = {}
        # turned any way, the image stays within this many px of its centre (half its width + height)
        self.reach = (image.get_width() + image.get_height()) / 2 + 2

    def at(self, heading: float) -> pygame.Surface:
        """The image for `heading` in radians (0 east, clockwise on screen)."""
        k = round(heading / (2 * math.pi) * ANGLES) % ANGLES
        surf = self.cache.get(k)
        if surf is None:
            surf = displayed(rotsprite(self.image, -k * 360.0 / ANGLES))  # game.world.surfaces: 150 -> 6 us
            self.cache[k] = surf
        return surf
