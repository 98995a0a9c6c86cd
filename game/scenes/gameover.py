"""Game over: Danko is out of lives. Continue goes back to the level's start, or to its last checkpoint
when the level says so (`note`); Quit leaves it.

Lifecycle: an overlay (`opaque = False`) pushed by the level scene; the level keeps drawing beneath.
Scenes never touch the stack: Continue calls `on_continue` (the level resets itself) and pops; Quit
pops and then applies `on_quit()`'s transition (the story director's or the CLI's choice).
"""
from __future__ import annotations

import logging
from typing import Callable

import pygame

from game.input.actions import Action
from game.scenes.stack import BaseScene, Chain, Pop, Transition
from game.ui.draw import label_on_backing
from game.ui.font import load_font
from game.ui.menu import Item, Menu, menu_panel
from game.ui.palette import WARN

log = logging.getLogger(__name__)


class GameOverScene(BaseScene):
    opaque = False
    pause_on_focus_loss = False

    def __init__(self, on_continue: Callable[[], None],
                 on_quit: Callable[[], Transition | None] | None = None, note: str | None = None,
                 title: str = "GAME OVER", reason: str = "") -> None:
        self.on_continue = on_continue
        self.note = note or "from the start of the level"  # where Continue goes back to
        self.title, self.reason = title, reason  # "TRAPPED", "Time ran out": a timed escape failed
        self.on_quit = on_quit
        items = [Item("Continue")] + ([Item("Quit")] if on_quit is not None else [])
        self.menu = Menu(items)
        self.steps = 0

    def update(self, dt: float) -> Transition | None:
        frame = self.take_frame()
        self.steps += 1
        if self.steps < 30:
            return None  # a beat to let the defeat land before a mashed button skips it
        if frame.was_pressed(Action.RESTART):
            self.on_continue()
            return Pop()
        event = self.menu.handle(frame)
        if event is None or event.kind != "select" or event.item is None:
            return None
        if event.item.key == "Continue":
            self.on_continue()
            return Pop()
        if event.item.key == "Quit" and self.on_quit is not None:
            after = self.on_quit()
            return Chain((Pop(), after)) if after is not None else Pop()
        return None

    def draw(self, surface: pygame.Surface) -> None:
        font = load_font()
        rect = menu_panel(surface, font, self.title, self.menu, self.note)
        if self.reason:
            label_on_backing(surface, font, self.reason, (rect.centerx, rect.y - 3), WARN, anchor="midbottom", pad=(4, 2))
