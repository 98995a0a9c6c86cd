"""A large view drawn from copies of the map around it, so that SDL copies it with its aligned streaming stores.

A view of a few MB (1280x720: 3.7 MB) over several chunks is as many blits, each row of each walked apart
from 512 px chunks. SDL copies a blit's rows with non-temporal 16-byte stores when the source and the
target rows all start on 16-byte boundaries, else with memcpy; from compact rows the first is much the
faster at this size (the bench's 256x256 map, CPU us a frame, load ~6: from the chunks 641/709 median on
its walk/chase paths, from one copy 559/592, from these copies 442/400; means 649/718, 595/638, 486/525).
A view's source rows start on a boundary only when its first column does, every 4 px, so `Window` keeps
four copies of the map round the view (`MARGIN` px each way, 4.8 MB each at 1280x720), each starting a
pixel further right: whatever the camera's column, one of them fits. A copy is filled from the chunks
(game.world.render) when the camera first needs it after leaving the copies at a scroll's pace (a jump,
a respawn or a cut, draws from the chunks; the copies are placed with the room ahead of the camera's
motion: ~35 frames between refills on the bench's chase path, ~90 on its walk) or when an animation has
changed frame since; a frame is then one blit.
"""
from __future__ import annotations

import logging
from typing import Any

import pygame


log = logging.getLogger(__name__)

MARGIN = 64  # px of map kept round the view on each side: the camera moves this far before a refill
MIN_BYTES = 2 << 20  # views smaller than this are drawn from the chunks (a handful of blits there)
PHASES = 4  # copies, each a pixel further right: 16-byte boundaries every 4 px of 32-bit pixels


class Window:
    """The copies for one view size on a map of `map_size` px; `draw` says whether it drew."""

    def __init__(self, view: tuple[int, int], map_size: tuple[int, int]) -> None:
        self.view = view
        self.size = (view[0] + 2 * MARGIN, view[1] + 2 * MARGIN)
        self.map_w, self.map_h = map_size
        self.copies: list[pygame.Surface | None] = [None] * PHASES
        self.origin = (0, 0)  # map px at copy 0's top-left; copy k starts k px further right
        self.shown: list[object] = [None] * PHASES  # what each copy was filled for: (origin, animation version)
        self.usable = True  # False once the map left a pixel of a copy unfilled (see `draw`)
        self.last = (-2 * MARGIN, -2 * MARGIN)  # the camera of the last frame: a jump fills nothing

    @staticmethod
    def wanted(view: tuple[int, int], map_size: tuple[int, int]) -> bool:
        """Whether a view of this size on this map is drawn through copies: large, and they fit the map."""
        return (4 * view[0] * view[1] >= MIN_BYTES and view[0] + 2 * MARGIN + PHASES - 1 <= map_size[0]
                and view[1] + 2 * MARGIN <= map_size[1])

    def draw(self, surface: pygame.Surface, cam_x: int, cam_y: int, time_ms: float, group: Any) -> bool:
        """The view at (cam_x, cam_y) from the copy whose rows start on a 16-byte boundary there, filled
        first from `group`'s chunks (game.world.render) if stale (moved, or an animation changed frame
        since); False when nothing was drawn: the view not inside the map, a jump, or the copies given up
        for good because the map left one of their pixels unfilled (a chunk with nothing or see-through
        pixels)."""
        last, self.last = self.last, (cam_x, cam_y)
        if not self.usable:
            return False
        if not self._holds(cam_x, cam_y):
            view_w, view_h = self.view
            if cam_x < 0 or cam_y < 0 or cam_x + view_w > self.map_w or cam_y + view_h > self.map_h:
                return False
            if abs(cam_x - last[0]) > MARGIN or abs(cam_y - last[1]) > MARGIN:  # a jump: the chunks, no refill
                return False
            ahead_x, ahead_y = _ahead(cam_x - last[0]), _ahead(cam_y - last[1])  # room ahead of the camera
            self.origin = (min(max(0, cam_x - ahead_x), self.map_w - self.size[0] - PHASES + 1),
                           min(max(0, cam_y - ahead_y), self.map_h - self.size[1]))
            if not self._holds(cam_x, cam_y):
                return False
        ox, oy = self.origin
        phase = (cam_x - ox) % PHASES
        copy = self.copies[phase]
        if self.shown[phase] != (self.origin, group._anim.version):
            if copy is None:
                copy = self.copies[phase] = pygame.Surface(self.size, 0, surface)
            filled = self._fill(copy, ox + phase, oy, group, time_ms)
            group.settle(surface, cam_x, cam_y, time_ms)  # its blits for the view again
            if not filled:
                self.usable, self.copies, self.shown = False, [None] * PHASES, [None] * PHASES
                return False
            self.shown[phase] = (self.origin, group._anim.version)
        surface.fblits(((copy, (ox + phase - cam_x, oy - cam_y)),))
        return True

    def _holds(self, cam_x: int, cam_y: int) -> bool:
        """Whether the copy of the view's phase holds the whole view."""
        ox, oy = self.origin
        left = ox + (cam_x - ox) % PHASES
        return (left <= cam_x and cam_x + self.view[0] <= left + self.size[0] and oy <= cam_y
                and cam_y + self.view[1] <= oy + self.size[1])

    @staticmethod
    def _fill(copy: pygame.Surface, x: int, y: int, group: Any, time_ms: float) -> bool:
        """`group`'s chunks drawn into `copy` with its top-left at map (x, y); whether opaque chunks
        covered it all."""
        group.draw(copy, x, y, time_ms)
        shown = group._visible  # whole chunks (not a see-through map's parts), each with no clear pixel
        return (group._sparse is None and len(shown) == len(group.visible_chunks(x, y, *copy.get_size()))
                and not any(chunk.get_flags() & pygame.SRCALPHA or chunk.get_colorkey() for chunk, _, _ in shown))


def _ahead(step: int) -> int:
    """Where the view sits in a copy along one axis, px from its near edge: behind, for a camera moving
    that way (it can move 2 * MARGIN before the next fill), centred for one standing still."""
    return 0 if step > 0 else 2 * MARGIN if step < 0 else MARGIN
