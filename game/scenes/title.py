"""The title screen: Red Square at dawn under the logo, a blinking "press start", then the menu.

Menu: New game, Continue (only when a save exists; the cursor starts on it), Options, Quit. Each item calls a hook passed in,
which returns the transition: the story director starts a new game, the save system (desktop polish)
wires Continue and Options. With no Options hook the item is shown greyed out. Quit pops the title,
which empties the stack and ends the app.
Lifecycle: enter() asks `has_save()` (so returning to the title sees a new save), renders text;
handle()/update() move the cursor and choose; draw() only reads state.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

import pygame

from game.input.actions import Action
from game.scenes.stack import BaseScene, Pop, Transition
from game.scenes.storyart import logo, title_backdrop
from game.ui.font import BitmapFont, load_font
from game.ui.palette import DIM, DISABLED, GOLD, INK, RED

log = logging.getLogger(__name__)

Hook = Callable[[], "Transition | None"]

BG = (18, 8, 10)
SCANLINE = (26, 10, 12)


@dataclass(frozen=True)
class MenuItem:
    label: str
    hook: Hook | None  # None: shown but disabled


class TitleScene(BaseScene):
    def __init__(self, on_new_game: Hook, *, on_continue: Hook | None = None,
                 has_save: Callable[[], bool] = lambda: False, on_options: Hook | None = None,
                 on_quit: Hook | None = None, audio: Any = None) -> None:
        self.on_new_game = on_new_game
        self.on_continue = on_continue
        self.has_save = has_save
        self.on_options = on_options
        self.on_quit = on_quit
        self.audio = audio
        self.items: list[MenuItem] = []
        self.started = False  # "press start" passed
        self.cursor = 0
        self.ticks = 0
        self._logo: pygame.Surface | None = None
        self._backdrop: pygame.Surface | None = None
        self._font: BitmapFont | None = None

    def enter(self) -> None:
        self.items = [MenuItem("New game", self.on_new_game)]
        self.cursor = 0
        if self.on_continue is not None and self._save_exists():
            self.items.append(MenuItem("Continue", self.on_continue))
            self.cursor = 1  # a returning player most likely wants to go on where they left off
        self.items.append(MenuItem("Options", self.on_options))
        self.items.append(MenuItem("Quit", self.on_quit or (lambda: Pop())))
        self._font = load_font()
        self._logo = logo() or self._text_logo()
        self._backdrop = title_backdrop()
        if self.audio is not None:
            self.audio.music("title")

    def _save_exists(self) -> bool:
        try:
            return bool(self.has_save())
        except Exception as exc:  # a broken save must never stop the title
            log.warning("cannot check for a save: %s", exc)
            return False

    @property
    def labels(self) -> list[str]:
        return [item.label for item in self.items]

    def update(self, dt: float) -> Transition | None:
        frame = self.take_frame()
        self.ticks += 1
        if not self.started:
            if frame.was_pressed(Action.CONFIRM) or frame.was_pressed(Action.PAUSE):
                self.started = True
                self._play("confirm")
            return None
        if frame.was_pressed(Action.UP) or frame.was_pressed(Action.DOWN):
            step = -1 if frame.was_pressed(Action.UP) else 1
            self.cursor = (self.cursor + step) % len(self.items)
            self._play("menu_move")
        elif frame.was_pressed(Action.CONFIRM):
            item = self.items[self.cursor]
            if item.hook is None:
                return None
            self._play("confirm")
            return item.hook()
        return None

    def select(self, label: str) -> Transition | None:
        """Choose a menu item by label (tests and the autopilot)."""
        for item in self.items:
            if item.label == label and item.hook is not None:
                return item.hook()
        return None

    def _play(self, sound: str) -> None:
        if self.audio is not None:
            self.audio.play(sound)

    def _text_logo(self) -> pygame.Surface:
        """Stand-in logo until the art lands: RED HEAT in red, shadowed, with a star."""
        font = load_font()
        text = font.render("RED HEAT", RED, scale=4)
        shadow = font.render("RED HEAT", (60, 10, 10), scale=4)
        w, h = text.get_width() + 4, text.get_height() + 4
        s = pygame.Surface((w, h), pygame.SRCALPHA)
        s.blit(shadow, (3, 3))
        s.blit(text, (0, 0))
        return s

    def draw(self, surface: pygame.Surface) -> None:
        assert self._logo is not None and self._font is not None
        w, h = surface.get_size()
        if self._backdrop is not None:  # Red Square at dawn
            surface.blit(self._backdrop, ((w - self._backdrop.get_width()) // 2, (h - self._backdrop.get_height()) // 2))
            panel = pygame.Surface((120, 58), pygame.SRCALPHA)
            panel.fill((*BG, 190))
            surface.blit(panel, ((w - 120) // 2, 100))
        else:
            surface.fill(BG)
            for i in range(0, h, 4):  # faint scanlines of dark red
                surface.fill(SCANLINE, (0, i, w, 1))
            _star(surface, (w // 2, 22), 9, RED)
        surface.blit(self._logo, ((w - self._logo.get_width()) // 2, 36))
        font = self._font
        if not self.started:
            if (self.ticks // 30) % 2 == 0:
                img = font.render("PRESS START", INK)
                surface.blit(img, ((w - img.get_width()) // 2, 124))
        else:
            y = 106
            for i, item in enumerate(self.items):
                color = DISABLED if item.hook is None else (GOLD if i == self.cursor else INK)
                img = font.render(item.label, color)
                x = (w - img.get_width()) // 2
                surface.blit(img, (x, y))
                if i == self.cursor:
                    surface.fill(RED, (x - 10, y + font.line_height // 2 - 2, 5, 5))
                y += font.line_height + 4
        foot = font.render("a fan game after the 1988 film", DIM)
        surface.blit(foot, ((w - foot.get_width()) // 2, h - foot.get_height() - 4))


def _star(surface: pygame.Surface, center: tuple[int, int], r: int, color: tuple[int, int, int]) -> None:
    import math

    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.42
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((center[0] + radius * math.cos(angle), center[1] + radius * math.sin(angle)))
    pygame.draw.polygon(surface, color, points)
