"""A chapter card: the place in large letters over the chapter title, faded in and out.

Lifecycle: enter() renders the text once; update() counts the hold time on the game clock, and
confirm (or the skip key) cuts it short; then `on_done()` gives the transition. draw() only reads.
"""
from __future__ import annotations

import logging
from typing import Callable

import pygame

from game.input.actions import Action
from game.scenes.stack import BaseScene, Pop, Transition
from game.ui.draw import veil
from game.ui.font import load_font
from game.ui.palette import INK

log = logging.getLogger(__name__)

FADE = 0.5  # seconds of fade at each end
HOLD = 2.4  # seconds on screen in all

# Background and accent per place: Moscow steam greys and teals, Chicago night blue and sodium orange.
PALETTES = {
    "moscow": ((14, 26, 30), (120, 170, 170), (200, 40, 36)),
    "chicago": ((10, 14, 30), (236, 160, 70), (200, 40, 36)),
}
DEFAULT_PALETTE = ((12, 12, 16), (220, 220, 220), (200, 40, 36))


def palette(place: str) -> tuple[tuple[int, int, int], ...]:
    return PALETTES.get(place.split(",")[0].strip().lower(), DEFAULT_PALETTE)


class CardScene(BaseScene):
    def __init__(self, place: str, title: str = "", on_done: Callable[[], Transition | None] | None = None,
                 hold: float = HOLD) -> None:
        self.place = place
        self.title = title
        self.on_done = on_done
        self.hold = hold
        self.time = 0.0
        self.finished = False
        self._place_img: pygame.Surface | None = None
        self._title_img: pygame.Surface | None = None

    def enter(self) -> None:
        font = load_font()
        _, accent, _ = palette(self.place)
        self._place_img = font.render(self.place.upper(), accent, scale=3)
        self._title_img = font.render(self.title, INK) if self.title else None

    def update(self, dt: float) -> Transition | None:
        frame = self.take_frame()
        if self.finished:
            return None
        self.time += dt
        if frame.was_pressed(Action.CONFIRM) or frame.was_pressed(Action.SKIP) or self.time >= self.hold:
            self.finished = True
            return self.on_done() if self.on_done is not None else Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        assert self._place_img is not None
        bg, _, red = palette(self.place)
        surface.fill(bg)
        w, h = surface.get_size()
        img = self._place_img
        y = h // 2 - img.get_height() // 2 - 8
        surface.blit(img, ((w - img.get_width()) // 2, y))
        bar_w = img.get_width() + 16
        surface.fill(red, ((w - bar_w) // 2, y + img.get_height() + 4, bar_w, 2))
        if self._title_img is not None:
            surface.blit(self._title_img, ((w - self._title_img.get_width()) // 2, y + img.get_height() + 12))
        # Fade from and to black on the game clock.
        alpha = 0.0
        if self.time < FADE:
            alpha = 1 - self.time / FADE
        elif self.time > self.hold - FADE:
            alpha = (self.time - (self.hold - FADE)) / FADE
        if alpha > 0:
            veil(surface, round(min(1.0, alpha) * 255))
