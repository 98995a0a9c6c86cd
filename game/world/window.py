"""A large view drawn from one copy of the map around it: one blit from compact rows instead of one per chunk.

A view of a few MB (1280x720: 3.7 MB) over several chunks is as many blits, each row of each walked
apart from 512 px chunks, which the memory system serves worse than the rows of one buffer a little wider
than the view (measured on the bench's 256x256 map: 515-650 us from the chunks, 420-470 from such a copy;
pyscroll's one buffer 460-590). `Window` keeps a copy of the map round the view, `MARGIN` px each way,
its rows padded off a 16-byte multiple as the chunks' are (game.world.composite.padded_surface: SDL's
aligned streaming copy is slow on rows that start off a cache line). The copy is filled from the chunks
(game.world.render) when the camera leaves it at a scroll's pace (a jump, a respawn or a cut, draws from
the chunks) or when an animation has changed frame since, placed with the room ahead of the camera's
motion; a frame is then one blit. A frame that fills costs about a frame and a half more (once in ~35
frames on the bench's chase path, ~90 on its walk).
"""
from __future__ import annotations

import logging
from typing import Any

import pygame

from game.world.composite import padded_surface

log = logging.getLogger(__name__)

MARGIN = 64  # px of map kept round the view on each side: the camera moves this far before a refill
MIN_BYTES = 2 << 20  # views smaller than this are drawn from the chunks (a handful of blits there)


class Window:
    """The copy for one view size on a map of `map_size` px; `draw` says whether it drew."""

    def __init__(self, view: tuple[int, int], map_size: tuple[int, int]) -> None:
        self.view = view
        self.size = (view[0] + 2 * MARGIN, view[1] + 2 * MARGIN)
        self.map_w, self.map_h = map_size
        self.copy: pygame.Surface | None = None
        self.origin = (0, 0)  # map px at the copy's top-left
        self.shown: object = None  # what the copy was filled for: (origin, animation version)
        self.usable = True  # False once the map left a pixel of the copy unfilled (see `draw`)
        self.last = (-2 * MARGIN, -2 * MARGIN)  # the camera of the last frame: a jump fills nothing

    @staticmethod
    def wanted(view: tuple[int, int], map_size: tuple[int, int]) -> bool:
        """Whether a view of this size on this map is drawn through a copy: large, and the copy fits the map."""
        return (4 * view[0] * view[1] >= MIN_BYTES and view[0] + 2 * MARGIN <= map_size[0]
                and view[1] + 2 * MARGIN <= map_size[1])

    def draw(self, surface: pygame.Surface, cam_x: int, cam_y: int, time_ms: float, group: Any) -> bool:
        """The view at (cam_x, cam_y) from the copy, filled first from `group`'s chunks (game.world.render)
        if stale (moved, or an animation changed frame since); False when nothing was drawn: the view not
        inside the map, a jump, or the copy given up for good because the map left one of its pixels
        unfilled (a chunk with nothing or see-through pixels)."""
        last, self.last = self.last, (cam_x, cam_y)
        view_w, view_h = self.view
        ox, oy = self.origin
        if not self.usable:
            return False
        if not (ox <= cam_x and cam_x + view_w <= ox + self.size[0] and oy <= cam_y and cam_y + view_h <= oy + self.size[1]):
            if cam_x < 0 or cam_y < 0 or cam_x + view_w > self.map_w or cam_y + view_h > self.map_h:
                return False
            if abs(cam_x - last[0]) > MARGIN or abs(cam_y - last[1]) > MARGIN:  # a jump: the chunks, no refill
                return False
            ahead_x, ahead_y = _ahead(cam_x - last[0]), _ahead(cam_y - last[1])  # room ahead of the camera
            ox = min(max(0, cam_x - ahead_x), self.map_w - self.size[0])
            oy = min(max(0, cam_y - ahead_y), self.map_h - self.size[1])
            self.origin = (ox, oy)
        if self.shown != (self.origin, group._anim.version):
            if self.copy is None:
                self.copy = padded_surface(*self.size, True).subsurface((0, 0, *self.size))
            filled = self._fill(self.copy, ox, oy, group, time_ms)
            group.settle(surface, cam_x, cam_y, time_ms)  # its blits for the view again
            if not filled:
                self.usable, self.copy = False, None
                return False
            self.shown = (self.origin, group._anim.version)
        surface.fblits(((self.copy, (ox - cam_x, oy - cam_y)),))
        return True

    @staticmethod
    def _fill(copy: pygame.Surface, x: int, y: int, group: Any, time_ms: float) -> bool:
        """`group`'s chunks drawn into `copy` with its top-left at map (x, y); whether opaque chunks
        covered it all."""
        group.draw(copy, x, y, time_ms)
        shown = group._visible  # whole chunks (not a see-through map's parts), each with no clear pixel
        return (group._sparse is None and len(shown) == len(group.visible_chunks(x, y, *copy.get_size()))
                and not any(chunk.get_flags() & pygame.SRCALPHA or chunk.get_colorkey() for chunk, _, _ in shown))


def _ahead(step: int) -> int:
    """Where the view sits in the copy along one axis, px from its near edge: behind, for a camera moving
    that way (it can move 2 * MARGIN before the next fill), centred for one standing still."""
    return 0 if step > 0 else 2 * MARGIN if step < 0 else MARGIN
