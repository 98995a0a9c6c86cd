"""The pause overlay: Resume, Options, Restart level, Quit to title.

Lifecycle: pushed over a playing scene (Esc / Start, or by the app when the window loses focus); the
scene below keeps drawing but does not update. Resume (or Esc / Start again) pops it. The other entries
call hooks supplied by whoever built the level (the story director or the CLI), because only they know
what "restart" and "the title" are. Restart and Quit pop the overlay first, then apply the hook's
transition in place of the paused scene.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

import pygame

from game.scenes.stack import BaseScene, Chain, Pop, Push, Scene, Transition
from game.ui.font import load_font
from game.ui.menu import Item, Menu, click, menu_panel

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PauseHooks:
    """What the pause menu can do beyond resuming. A missing hook hides its entry."""

    options: Callable[[], Scene] | None = None  # builds the options scene to push
    restart: Callable[[], Transition] | None = None  # applied in place of the paused scene
    quit_to_title: Callable[[], Transition] | None = None  # e.g. Reset(TitleScene(...))
    audio: Any = None  # menu sounds (game.desktop.audio.Audio), optional


class PauseScene(BaseScene):
    opaque = False
    pause_on_focus_loss = False  # already paused

    def __init__(self, hooks: PauseHooks | None = None) -> None:
        self.hooks = hooks or PauseHooks()
        items = [Item("Resume")]
        if self.hooks.options is not None:
            items.append(Item("Options"))
        if self.hooks.restart is not None:
            items.append(Item("Restart level"))
        if self.hooks.quit_to_title is not None:
            items.append(Item("Quit to title"))
        self.menu = Menu(items)

    def update(self, dt: float) -> Transition | None:
        frame = self.take_frame()
        event = self.menu.handle(frame)
        click(self.hooks.audio, event)
        if event is None:
            return None
        if event.kind == "back":
            return Pop()
        if event.kind != "select" or event.item is None:
            return None
        key = event.item.key
        if key == "Resume":
            return Pop()
        if key == "Options" and self.hooks.options is not None:
            return Push(self.hooks.options())
        if key == "Restart level" and self.hooks.restart is not None:
            return Chain((Pop(), self.hooks.restart()))
        if key == "Quit to title" and self.hooks.quit_to_title is not None:
            return Chain((Pop(), self.hooks.quit_to_title()))
        return None

    def draw(self, surface: pygame.Surface) -> None:
        menu_panel(surface, load_font(), "PAUSED", self.menu, "Esc / Start: resume")
