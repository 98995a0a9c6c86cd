"""A vertical menu driven by InputFrames alone, so keyboard and gamepad work the same way.

Up/Down move (holding repeats after a short delay, counted in steps), Left/Right change a value,
Confirm activates, Pause (Esc / Start) goes back. `Menu.handle` returns what happened; the owning scene
decides what it means. Drawing uses the game's bitmap font when it exists.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

import pygame

from game.input.actions import Action, InputFrame

log = logging.getLogger(__name__)

REPEAT_DELAY = 20  # steps before a held direction repeats
REPEAT_EVERY = 5
ROW_GAP = 2  # pixels between menu rows

TEXT = (236, 226, 206)
DIM = (130, 124, 118)
ACCENT = (230, 64, 48)  # Red Heat red
VALUE = (250, 196, 96)
PANEL = (14, 12, 16)
RULE = (120, 36, 30)


@dataclass
class Item:
    label: str
    value: Callable[[], str] | None = None  # drawn right-aligned, e.g. "70%"
    adjustable: bool = False  # Left/Right change it
    key: str = ""  # what the owning scene matches on (defaults to the label)

    def __post_init__(self) -> None:
        self.key = self.key or self.label


@dataclass(frozen=True)
class MenuEvent:
    kind: str  # "select", "change", "back" or "move" (the selection moved)
    item: Item | None = None
    delta: int = 0


def click(audio: object, event: "MenuEvent | None") -> None:
    """The menu sounds: a tick when the selection moves, a confirm when something is chosen."""
    if audio is None or event is None:
        return
    name = {"move": "menu_move", "change": "menu_move", "select": "confirm", "back": "menu_move"}[event.kind]
    audio.play(name)  # type: ignore[attr-defined]


class UIFont:
    """The game's bitmap font when it has landed, else pygame's default font, behind one interface."""

    def __init__(self) -> None:
        self._bitmap = None
        try:
            from game.ui.font import load_font  # type: ignore[import-not-found]

            self._bitmap = load_font()
        except Exception:  # no bitmap font yet: a plain small font keeps menus readable
            if not pygame.font.get_init():
                pygame.font.init()
            self._font = pygame.font.Font(None, 14)

    @property
    def line_height(self) -> int:
        return self._bitmap.line_height if self._bitmap is not None else self._font.get_linesize() - 2

    def size(self, text: str) -> tuple[int, int]:
        return self._bitmap.size(text) if self._bitmap is not None else self._font.size(text)

    def render(self, text: str, color: tuple[int, int, int]) -> pygame.Surface:
        if self._bitmap is not None:
            return self._bitmap.render(text, color)
        return self._font.render(text, False, color)

    def wrap(self, text: str, max_width: int) -> list[str]:
        if self._bitmap is not None and hasattr(self._bitmap, "wrap"):
            return self._bitmap.wrap(text, max_width)
        lines: list[str] = []
        for word in text.split(" "):
            while self.size(word)[0] > max_width and len(word) > 1:  # break very long words (paths)
                cut = len(word)
                while cut > 1 and self.size(word[:cut])[0] > max_width:
                    cut -= 1
                if lines and not lines[-1]:
                    lines.pop()
                lines.append(word[:cut])
                word = word[cut:]
            if lines and self.size(lines[-1] + " " + word)[0] <= max_width:
                lines[-1] += " " + word
            else:
                lines.append(word)
        return lines


class Menu:
    def __init__(self, items: list[Item], index: int = 0) -> None:
        self.items = items
        self.index = index
        self._held_steps = 0

    @property
    def current(self) -> Item:
        return self.items[self.index]

    def handle(self, frame: InputFrame) -> MenuEvent | None:
        if frame.was_pressed(Action.PAUSE):
            return MenuEvent("back")
        if frame.was_pressed(Action.CONFIRM):
            return MenuEvent("select", self.current)
        step = self._repeat(frame, Action.DOWN) - self._repeat(frame, Action.UP)
        if step:
            self.index = (self.index + step) % len(self.items)
        if not frame.held & (Action.UP | Action.DOWN | Action.LEFT | Action.RIGHT):
            self._held_steps = 0
        else:
            self._held_steps += 1
        delta = self._repeat(frame, Action.RIGHT) - self._repeat(frame, Action.LEFT)
        if delta and self.current.adjustable:
            return MenuEvent("change", self.current, delta)
        return MenuEvent("move", self.current) if step else None

    def _repeat(self, frame: InputFrame, action: Action) -> int:
        if frame.was_pressed(action):
            return 1
        n = self._held_steps - REPEAT_DELAY
        return 1 if frame.is_held(action) and n >= 0 and n % REPEAT_EVERY == 0 else 0

    def draw(self, surface: pygame.Surface, font: UIFont, rect: pygame.Rect) -> None:
        """Rows inside `rect`; the selected row is marked and highlighted; scrolls when too long."""
        line = font.line_height + ROW_GAP
        visible = max(1, rect.height // line)
        first = min(max(0, self.index - visible + 1), max(0, len(self.items) - visible))
        for row, item in enumerate(self.items[first:first + visible]):
            i = first + row
            y = rect.y + row * line
            selected = i == self.index
            if selected:
                surface.fill(RULE, (rect.x, y - 1, rect.width, line - 1))
                surface.blit(font.render(">", ACCENT if not selected else TEXT), (rect.x + 2, y))
            surface.blit(font.render(item.label, TEXT if selected else DIM), (rect.x + 10, y))
            if item.value is not None:
                value = item.value()
                if item.adjustable and selected:
                    value = f"< {value} >"
                image = font.render(value, VALUE if selected else DIM)
                surface.blit(image, (rect.right - image.get_width() - 4, y))
        # Scroll marks sit in the title row, out of the way of the values.
        marks = ("^" if first > 0 else "") + (" v" if first + visible < len(self.items) else "")
        if marks:
            image = font.render(marks.strip(), DIM)
            surface.blit(image, (rect.right - image.get_width() - 4, rect.y - line - 4))


def draw_panel(surface: pygame.Surface, rect: pygame.Rect, title: str, font: UIFont) -> None:
    """Dim what lies beneath, then a dark framed panel with a title."""
    shade = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    shade.fill((0, 0, 0, 150))
    surface.blit(shade, (0, 0))
    surface.fill(PANEL, rect)
    pygame.draw.rect(surface, RULE, rect, 1)
    image = font.render(title, ACCENT)
    surface.blit(image, (rect.centerx - image.get_width() // 2, rect.y + 5))
    y = rect.y + 8 + font.line_height
    pygame.draw.line(surface, RULE, (rect.x + 6, y), (rect.right - 7, y))
