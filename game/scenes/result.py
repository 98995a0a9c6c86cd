"""The result card of a map opened with `--level`: how the win went (time, hits taken, best combo, ...) and
a menu offering Retry or Title.

Lifecycle: an overlay (`opaque = False`) pushed over the won map, which keeps drawing beneath and no longer
steps. Scenes never touch the stack: Retry pops the card and applies `on_retry()`'s transition (the map
again from its start); Title applies `on_title()`'s (e.g. Reset to the title screen). The figures are read
from the simulation when the win happens (`Result`), so the card only draws them.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable

import pygame

from game import STEP_HZ
from game.input.actions import Action
from game.scenes.stack import BaseScene, Chain, Pop, Transition
from game.ui.draw import blit_centered, titled_panel
from game.ui.font import load_font
from game.ui.menu import Item, Menu, click
from game.ui.palette import DIM, GOLD, INK

log = logging.getLogger(__name__)

CALM_STEPS = 30  # the card ignores input this long, so a mashed attack button does not skip it


@dataclass(frozen=True)
class Result:
    """What the card shows: a heading and (label, value) rows, e.g. ("Time", "1:05.2")."""

    heading: str
    rows: tuple[tuple[str, str], ...]

    def value(self, label: str) -> str:
        """The value of the row called `label` (KeyError when there is none)."""
        for name, value in self.rows:
            if name == label:
                return value
        raise KeyError(label)


def game_time(steps: int) -> str:
    """Steps of the fixed 60 Hz clock as minutes, seconds and tenths: 3723 -> "1:02.0"."""
    tenths = steps * 10 // STEP_HZ
    return f"{tenths // 600}:{tenths // 10 % 60:02d}.{tenths % 10}"


class ResultScene(BaseScene):
    opaque = False
    pause_on_focus_loss = False

    def __init__(self, result: Result, on_retry: Callable[[], Transition | None],
                 on_title: Callable[[], Transition | None] | None = None, audio: object = None) -> None:
        self.result = result
        self.on_retry = on_retry
        self.on_title = on_title
        self.audio = audio
        items = [Item("Retry")] + ([Item("Title")] if on_title is not None else [])
        self.menu = Menu(items)
        self.steps = 0

    def update(self, dt: float) -> Transition | None:
        frame = self.take_frame()
        self.steps += 1
        if self.steps < CALM_STEPS:
            return None
        if frame.was_pressed(Action.RESTART):
            return self._retry()
        event = self.menu.handle(frame)
        click(self.audio, event)
        if event is None or event.kind != "select" or event.item is None:
            return None
        if event.item.key == "Retry":
            return self._retry()
        if event.item.key == "Title" and self.on_title is not None:
            return self.on_title()
        return None

    def _retry(self) -> Transition:
        after = self.on_retry()
        return Chain((Pop(), after)) if after is not None else Pop()

    def draw(self, surface: pygame.Surface) -> None:
        font = load_font()
        line = font.line_height + 2
        rows = self.result.rows
        rect = pygame.Rect(0, 0, 180, 24 + line * len(rows) + 8 + line * len(self.menu.items) + 4 + line)
        rect.center = surface.get_rect().center
        y = titled_panel(surface, rect, self.result.heading, font) + 5
        for label, value in rows:
            surface.blit(font.render(label, DIM), (rect.x + 10, y))
            image = font.render(value, GOLD)
            surface.blit(image, (rect.right - 10 - image.get_width(), y))
            y += line
        y += 8
        self.menu.draw(surface, font, pygame.Rect(rect.x + 6, y, rect.width - 12, line * len(self.menu.items)))
        blit_centered(surface, font.render("Enter chooses", INK if self.steps >= CALM_STEPS else DIM),
                      rect.centerx, rect.bottom - line)
