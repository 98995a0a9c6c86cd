"""Whether a renderer's map blit paints every pixel of a view: then a scene's backdrop fill under the map
would be painted over, and is left out (about 12 us of a 320x180 frame)."""
from __future__ import annotations

import logging
from typing import Any

import pygame

log = logging.getLogger(__name__)


class MapCover:
    """A scene's answer to "does the map cover this view?", worked out again only when the renderer is
    another one or has built more chunks."""

    def __init__(self) -> None:
        self._held: tuple[Any, int, bool] | None = None  # (renderer, its builds, one opaque whole-map chunk)

    def covers(self, renderer: Any, cam: tuple[int, int], size: tuple[int, int]) -> bool:
        """True when the layers under the actors are one opaque chunk of the whole map and the view at
        `cam` (its top-left on the map) of `size` lies inside the map."""
        held = self._held
        mw, mh = renderer.tilemap.pixel_size
        if held is None or held[0] is not renderer or held[1] != renderer.builds:
            below = renderer.chunk_surfaces()[0]
            whole = len(below) == 1 and not below[0].get_flags() & pygame.SRCALPHA and \
                below[0].get_width() >= mw and below[0].get_height() >= mh
            held = self._held = (renderer, renderer.builds, whole)
        x, y = cam
        return held[2] and x >= 0 and y >= 0 and x + size[0] <= mw and y + size[1] <= mh
