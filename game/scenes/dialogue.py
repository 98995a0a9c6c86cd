"""The dialogue overlay: portrait, speaker name, typewriter text with a blip.

Lifecycle: enter() loads the font and portraits; handle() stores the step's input; update() types the
current line on the game clock (never the wall clock). Confirm completes a line that is still typing,
then advances; the skip key (Action.SKIP) ends the whole dialogue (`skipped` is then True). When the
last line is dismissed, `on_done()` gives the transition (default: Pop, as an overlay over any scene).
With a `backdrop` scene the dialogue draws it first and is opaque (used to hold a finished level
on screen under its closing lines).
"""
from __future__ import annotations

import logging
from typing import Any, Callable, Sequence

import pygame

from game.input.actions import Action
from game.scenes.stack import BaseScene, Pop, Push, Transition
from game.scenes.storyart import as_drawn, portrait
from game.ui.draw import panel
from game.ui.font import BitmapFont, load_font
from game.ui.palette import GOLD, INK, NARRATION, RED

log = logging.getLogger(__name__)

BOX = pygame.Rect(4, 122, 312, 54)
PORTRAIT_AT = (BOX.x + 3, BOX.y + 3)
TEXT_X_PORTRAIT = BOX.x + 56
TEXT_X_PLAIN = BOX.x + 8
TEXT_RIGHT = BOX.right - 6
TOP = BOX.y + 4
CHARS_PER_SECOND = 45.0
BLIP_EVERY = 3  # characters between blips

BOX_FILL = (16, 14, 22)


def line_name(line: Any) -> str:
    return getattr(line, "name", "") or ("" if line.speaker == "narrator" else line.speaker.title())


def line_portrait(line: Any) -> str | None:
    if hasattr(line, "portrait"):
        return line.portrait
    return None if line.speaker == "narrator" else line.speaker


def text_area(line: Any, font: BitmapFont) -> tuple[int, int, int, int]:
    """(x, y, width, max_lines) of the text of `line` inside the box at `font`."""
    x = TEXT_X_PORTRAIT if line_portrait(line) else TEXT_X_PLAIN
    y = TOP + (font.line_height + 1 if line_name(line) else 0)
    return x, y, TEXT_RIGHT - x, (BOX.bottom - 3 - y) // font.line_height


def layout(line: Any, font: BitmapFont) -> list[str]:
    """The wrapped lines of text as drawn (a test checks they fit the box)."""
    return font.wrap(line.text, text_area(line, font)[2])


class DialogueScene(BaseScene):
    def __init__(self, lines: Sequence[Any], on_done: Callable[[], Transition | None] | None = None, *,
                 backdrop: Any = None, audio: Any = None, chars_per_second: float = CHARS_PER_SECOND,
                 pause: Any = None) -> None:
        if not lines:
            raise ValueError("a dialogue needs at least one line")
        self.lines = list(lines)
        self.on_done = on_done
        self.backdrop = backdrop
        self.opaque = backdrop is not None
        self.audio = audio
        self.cps = chars_per_second
        self.pause = pause  # PauseHooks: with them the pause key opens the pause menu over the dialogue
        self.index = 0
        self.shown = 0.0  # characters revealed of the current line
        self.ticks = 0  # steps, for the blinking prompt
        self.skipped = False
        self.finished = False
        self.font: BitmapFont | None = None
        self._wrapped: list[str] = []
        self._portraits: dict[str, pygame.Surface | None] = {}

    # -- lifecycle ---------------------------------------------------------------------------
    def enter(self) -> None:
        self.font = load_font()
        for line in self.lines:
            name = line_portrait(line)
            if name and name not in self._portraits:
                self._portraits[name] = as_drawn(portrait(name))  # blitted each frame: see as_drawn
        self._start_line()

    @property
    def line(self) -> Any:
        return self.lines[self.index]

    @property
    def typing(self) -> bool:
        return self.shown < self._length

    @property
    def _length(self) -> int:
        return sum(len(w) for w in self._wrapped)

    def _start_line(self) -> None:
        self.shown = 0.0
        if self.font is not None:
            self._wrapped = layout(self.line, self.font)

    def update(self, dt: float) -> Transition | None:
        frame = self.take_frame()
        self.ticks += 1
        if self.finished:
            return None
        if frame.was_pressed(Action.SKIP):
            self.skipped = True
            return self._finish()
        if frame.was_pressed(Action.PAUSE) and self.pause is not None:
            from game.scenes.pause import PauseScene

            return Push(PauseScene(self.pause))
        if frame.was_pressed(Action.CONFIRM):
            if self.typing:
                self.shown = float(self._length)
            elif self.index + 1 < len(self.lines):
                self.index += 1
                self._start_line()
                self._play("confirm")
            else:
                return self._finish()
            return None
        before = int(self.shown)
        step = self.cps * dt if self.cps > 0 else float(self._length)  # text speed 0: whole line at once
        self.shown = min(float(self._length), self.shown + step)
        after = int(self.shown)
        if after // BLIP_EVERY > before // BLIP_EVERY:
            self._play("blip")
        return None

    def _finish(self) -> Transition | None:
        self.finished = True
        return self.on_done() if self.on_done is not None else Pop()

    def _play(self, sound: str) -> None:
        if self.audio is not None:
            self.audio.play(sound)

    # -- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        if self.backdrop is not None:
            self.backdrop.draw(surface)
        assert self.font is not None
        line = self.line
        panel(surface, BOX, BOX_FILL, RED, alpha=232)
        pygame.draw.line(surface, (90, 24, 22), (BOX.x + 1, BOX.bottom), (BOX.right - 1, BOX.bottom))
        face = self._portraits.get(line_portrait(line) or "")
        if face is not None:
            surface.blit(face, PORTRAIT_AT)
            pygame.draw.rect(surface, (70, 64, 80), (*PORTRAIT_AT, 48, 48), 1)
        x, y, _, _ = text_area(line, self.font)
        name = line_name(line)
        if name:
            surface.blit(self.font.render(name, GOLD), (x, TOP))
        color = NARRATION if line.speaker == "narrator" else INK
        left = int(self.shown)
        for row in self._wrapped:
            if left <= 0:
                break
            surface.blit(self.font.render(row[:left], color), (x, y))
            left -= len(row)
            y += self.font.line_height
        if not self.typing and (self.ticks // 20) % 2 == 0:
            tip = (BOX.right - 9, BOX.bottom - 7)
            pygame.draw.polygon(surface, GOLD, [tip, (tip[0] + 5, tip[1]), (tip[0] + 2, tip[1] + 3)])
