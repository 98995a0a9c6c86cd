"""The end credits, scrolling over Red Square at night (the seed: the final shot behind the credits).

Lifecycle: update() scrolls on the game clock; holding confirm scrolls faster, the skip key ends them;
when the last line has passed, `on_done()` gives the transition. draw() only reads state.
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Sequence

import pygame

from game.input.actions import Action
from game.scenes.stack import BaseScene, Pop, Transition
from game.ui.font import load_font
from game.ui.palette import GOLD, INK, RED

log = logging.getLogger(__name__)

SPEED = 18.0  # px per second
FAST = 5.0  # multiplier while confirm is held

CREDITS: tuple[str, ...] = (
    "#RED HEAT", "", "a fan game after the 1988 film", "written and directed by Walter Hill", "", "",
    "*Story", "derived, beat by beat, from the plot", "of the film's encyclopedia article", "",
    "*Cast", "Ivan Danko  -  Moscow militia", "Art Ridzik  -  Chicago police", "Viktor Rostavili",
    "Yuri Ogarkov", "Max Gallagher", "Cat Manzetti", "", "*Made with",
    "Python, pygame-ce, pytmx, numpy", "maps in Tiled", "", "*The team",
    "engine, art and sound, story, levels,", "the bus chase, desktop polish,", "the Tiled workflow, performance",
    "", "*Licence", "code, art and sound: MIT", "every image, sound and tune is", "the project's own, made by its",
    "generator; nothing is taken", "from the film", "story seed: the film's Wikipedia", "article (CC BY-SA 4.0)",
    "", "*Inspired by", "Red Heat (1988), a film by", "Walter Hill", "", "", "#Thank you for playing",
)


class CreditsScene(BaseScene):
    def __init__(self, on_done: Callable[[], Transition | None] | None = None,
                 lines: Sequence[str] = CREDITS, audio: Any = None) -> None:
        self.on_done = on_done
        self.audio = audio
        self.lines = list(lines)
        self.offset = 0.0
        self.finished = False
        self._images: list[pygame.Surface | None] = []
        self._height = 0

    def enter(self) -> None:
        if self.audio is not None:
            self.audio.music("title")  # the heroic theme again over Red Square
        font = load_font()
        self._images = []
        for text in self.lines:
            if not text:
                self._images.append(None)
            elif text.startswith("#"):
                self._images.append(font.render(text[1:], RED, scale=2))
            elif text.startswith("*"):
                self._images.append(font.render(text[1:], GOLD))
            else:
                self._images.append(font.render(text, INK))
        self._gap = font.line_height + 3
        self._height = sum((img.get_height() + 3) if img else self._gap for img in self._images)

    @property
    def done_offset(self) -> float:
        """Scrolled far enough that the last line has left the top of the screen."""
        return 180 + self._height

    def update(self, dt: float) -> Transition | None:
        frame = self.take_frame()
        if self.finished:
            return None
        self.offset += SPEED * dt * (FAST if frame.is_held(Action.CONFIRM) else 1.0)
        if frame.was_pressed(Action.SKIP) or self.offset >= self.done_offset:
            self.finished = True
            return self.on_done() if self.on_done is not None else Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        w, h = surface.get_size()
        surface.fill((8, 8, 20))
        _red_square(surface)
        y = h - round(self.offset)
        for img in self._images:
            if img is None:
                y += self._gap
                continue
            if -img.get_height() < y < h:
                surface.blit(img, ((w - img.get_width()) // 2, y))
            y += img.get_height() + 3


def _red_square(surface: pygame.Surface) -> None:
    """A dark skyline: the Kremlin wall, a tower with its star, and onion domes."""
    w, h = surface.get_size()
    wall, dark = (70, 20, 22), (40, 14, 18)
    surface.fill(dark, (0, h - 28, w, 28))
    surface.fill(wall, (0, h - 40, w, 14))
    for x in range(0, w, 10):  # battlements
        surface.fill(wall, (x, h - 45, 5, 5))
    surface.fill(wall, (40, h - 92, 20, 60))  # the tower
    pygame.draw.polygon(surface, wall, [(38, h - 92), (50, h - 116), (62, h - 92)])
    pygame.draw.circle(surface, (210, 40, 30), (50, h - 120), 3)
    for i, (x, r) in enumerate([(240, 11), (262, 8), (280, 10), (300, 7)]):  # onion domes
        surface.fill(dark, (x - r + 3, h - 70 + i % 2 * 6, 2 * r - 6, 40))
        pygame.draw.circle(surface, (50, 70, 60) if i % 2 else (80, 30, 36), (x, h - 72 + i % 2 * 6), r)
        pygame.draw.polygon(surface, dark, [(x - 3, h - 78 - r + i % 2 * 6), (x, h - 88 - r + i % 2 * 6),
                                            (x + 3, h - 78 - r + i % 2 * 6)])
