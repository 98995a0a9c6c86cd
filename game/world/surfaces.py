"""Surfaces in the display's pixel format. Art loaded from PNG comes in RGBA byte order, which SDL blits
by its slow per-pixel conversion path (a turned bus took 150 us a blit, converted 6); converted, the same
pixels go through SDL's fast blitters. With no display (tools, headless tests) a surface stays as it is."""
from __future__ import annotations

import logging

import pygame

log = logging.getLogger(__name__)


def display_ready() -> bool:
    """A display is up, so there is a pixel format to convert into."""
    return pygame.display.get_init() and pygame.display.get_surface() is not None


def displayed(surface: pygame.Surface, alpha: bool = True) -> pygame.Surface:
    """`surface` in the display's format (with its per-pixel alpha, or opaque), or itself without a display."""
    if not display_ready():
        return surface
    return surface.convert_alpha() if alpha else surface.convert()
