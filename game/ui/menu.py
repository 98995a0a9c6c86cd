"""A vertical menu driven by InputFrames alone, so keyboard and gamepad work the same way.

Up/Down move (holding repeats after a short delay, counted in steps), Left/Right change a value,
Confirm activates, Pause (Esc / Start) goes back. `Menu.handle` returns what happened; the owning scene
decides what it means. `menu_panel` draws the small centred overlays (pause, game over) around a menu.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

import pygame

from game.input.actions import Action, InputFrame
from game.ui.draw import blit_centered, titled_panel
from game.ui.font import BitmapFont
from game.ui.palette import DIM, GOLD, INK, RULE

log = logging.getLogger(__name__)

REPEAT_DELAY = 20  # steps before a held direction repeats
REPEAT_EVERY = 5
ROW_GAP = 2  # pixels between menu rows


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

    def draw(self, surface: pygame.Surface, font: BitmapFont, rect: pygame.Rect) -> None:
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
                surface.blit(font.render(">", INK), (rect.x + 2, y))
            surface.blit(font.render(item.label, INK if selected else DIM), (rect.x + 10, y))
            if item.value is not None:
                value = item.value()
                if item.adjustable and selected:
                    value = f"< {value} >"
                image = font.render(value, GOLD if selected else DIM)
                surface.blit(image, (rect.right - image.get_width() - 4, y))
        # Scroll marks sit in the title row, out of the way of the values.
        marks = ("^" if first > 0 else "") + (" v" if first + visible < len(self.items) else "")
        if marks:
            image = font.render(marks.strip(), DIM)
            surface.blit(image, (rect.right - image.get_width() - 4, rect.y - line - 4))


def menu_panel(surface: pygame.Surface, font: BitmapFont, title: str, menu: Menu, hint: str,
               width: int = 150) -> pygame.Rect:
    """A small centred overlay (pause, game over): the titled panel, the menu, a dim hint at the foot."""
    line = font.line_height + ROW_GAP
    rect = pygame.Rect(0, 0, width, 24 + line * len(menu.items) + 6 + line)
    rect.center = surface.get_rect().center
    titled_panel(surface, rect, title, font)
    menu.draw(surface, font, pygame.Rect(rect.x + 6, rect.y + 22, rect.width - 12, line * len(menu.items)))
    blit_centered(surface, font.render(hint, DIM), rect.centerx, rect.bottom - line)
    return rect
