"""The options screen: volumes, mute, window scale, fullscreen, difficulty, screen shake, text speed,
and key and gamepad rebinding for both players (player 2 is Ridzik) with conflict detection.

Lifecycle: pushed over the pause menu or the title. Every change goes through the `SettingsStore`, which
applies it at once (volumes, display, bindings); the file is written when the screen closes. Navigation
uses InputFrames only, so it works from the keyboard alone or a gamepad alone. Rebinding needs the raw
key or button, so while it waits the app hands raw events to `capture_event` first.
"""
from __future__ import annotations

import logging
from typing import Any

import pygame

from game import STEP_HZ, VIEW_H, VIEW_W
from game.desktop.settings import (
    DIFFICULTIES,
    SCALES,
    TEXT_SPEEDS,
    VOLUME_STEPS,
    Settings,
    SettingsStore,
    action_names,
)
from game.input.actions import ALL_ACTIONS, Action
from game.input.devices import (
    CANCEL_BUTTON,
    DEFAULT_KEYS,
    DEFAULT_KEYS_P2,
    DEFAULT_PAD,
    DEFAULT_PAD_P2,
    P2_ACTIONS,
    RESERVED_BUTTONS,
    RESERVED_KEYS,
    display_name,
    key_name,
    pad_button_name,
    rebind,
)
from game.scenes.stack import BaseScene, Pop, Transition
from game.ui.draw import blit_centered, titled_panel
from game.ui.font import load_font
from game.ui.menu import ROW_GAP, Item, Menu, MenuEvent, click
from game.ui.palette import DIM, GOLD, INK, RULE

log = logging.getLogger(__name__)

CAPTURE_STEPS = STEP_HZ * 6  # a rebind waits six seconds of game steps, then gives up

ACTION_LABELS = {
    Action.UP: "Up", Action.DOWN: "Down", Action.LEFT: "Left", Action.RIGHT: "Right",
    Action.PUNCH: "Punch", Action.KICK: "Kick", Action.SHOOT: "Shoot", Action.CONFIRM: "Confirm",
    Action.PAUSE: "Pause / back", Action.SPECIAL: "Grab / charge", Action.RESTART: "Restart",
    Action.SKIP: "Skip scene",
}
P2_LABELS = {**ACTION_LABELS, Action.CONFIRM: "Join as Ridzik", Action.SKIP: "Drop out"}
# Binding pages: the settings field each edits, its title, its defaults, its actions and labels.
PAGES = {
    "keys": ("Keyboard controls", "KEYBOARD", DEFAULT_KEYS, ALL_ACTIONS, ACTION_LABELS),
    "pad": ("Gamepad controls", "GAMEPAD", DEFAULT_PAD, ALL_ACTIONS, ACTION_LABELS),
    "keys2": ("Player 2 keyboard", "PLAYER 2 KEYBOARD", DEFAULT_KEYS_P2, P2_ACTIONS, P2_LABELS),
    "pad2": ("Player 2 gamepad", "PLAYER 2 GAMEPAD", DEFAULT_PAD_P2, P2_ACTIONS, P2_LABELS),
}
MAIN_ROWS = ("Music volume", "Effects volume", "Mute", "Window scale", "Fullscreen", "Difficulty",
             "Screen shake", "Text speed") + tuple(row[0] for row in PAGES.values()) + ("Back",)


def _cycle(values: tuple, current: object, delta: int) -> object:
    i = values.index(current) if current in values else 0
    return values[(i + delta) % len(values)]


def _on_off(flag: bool) -> str:
    return "On" if flag else "Off"


def _names_label(names: tuple[str, ...]) -> str:
    return " / ".join(display_name(n) for n in names) if names else "-"


class OptionsScene(BaseScene):
    opaque = False
    pause_on_focus_loss = False

    def __init__(self, store: SettingsStore, audio: Any = None, max_scale: int = SCALES[-1]) -> None:
        self.store = store
        self.max_scale = max(SCALES[0], min(SCALES[-1], max_scale))  # never offer a window the display cannot show
        self.audio = audio  # menu sounds; an effects-volume change plays a sample at the new level
        self.page = "main"
        self.menu = self._main_menu()
        self.message = ""
        self.capturing: tuple[str, Action] | None = None  # ("keys" | "pad", action)
        self._capture_left = 0
        self.save_problem: str | None = None

    @property
    def settings(self) -> Settings:
        return self.store.settings

    # --- lifecycle ---------------------------------------------------------------------------
    def exit(self) -> None:
        self.save_problem = self.store.save()

    def update(self, dt: float) -> Transition | None:
        frame = self.take_frame()
        if self.capturing is not None:
            self._capture_left -= 1
            if self._capture_left <= 0:
                self._end_capture("No input: binding unchanged")
            return None
        event = self.menu.handle(frame)
        if event is None or event.kind == "move":
            click(self.audio, event)
            return None
        result = self._main_event(event) if self.page == "main" else self._bindings_event(event)
        click(self.audio, event)  # after the change, so an effects-volume change is heard at its new level
        return result

    # --- main page ---------------------------------------------------------------------------
    def _main_menu(self, index: int = 0) -> Menu:
        s = lambda: self.settings  # noqa: E731 - values are read at draw time, after every change
        return Menu([
            Item("Music volume", lambda: f"{round(s().music_volume * 100)}%", True),
            Item("Effects volume", lambda: f"{round(s().sfx_volume * 100)}%", True),
            Item("Mute", lambda: _on_off(s().muted), True),
            Item("Window scale", lambda: f"x{s().scale}", True),
            Item("Fullscreen", lambda: _on_off(s().fullscreen), True),
            Item("Difficulty", lambda: s().difficulty.title(), True),
            Item("Screen shake", lambda: _on_off(s().screen_shake), True),
            Item("Text speed", lambda: s().text_speed.title(), True),
            *(Item(row[0], lambda: ">") for row in PAGES.values()),
            Item("Back"),
        ], index)

    def _main_event(self, event: MenuEvent) -> Transition | None:
        if event.kind == "back":
            return Pop()
        assert event.item is not None
        key = event.item.key
        if event.kind == "select":
            if key == "Back":
                return Pop()
            page = next((name for name, row in PAGES.items() if row[0] == key), None)
            if page is not None:
                self._open_bindings(page)
                return None
        delta = event.delta or 1  # Confirm on a value steps it forward, so one button is enough
        self.change(key, delta)
        return None

    def change(self, key: str, delta: int) -> None:
        """Step one setting by `delta` (applied at once through the store)."""
        s = self.settings
        if key in ("Music volume", "Effects volume"):
            name = "music_volume" if key == "Music volume" else "sfx_volume"
            steps = round(getattr(s, name) * VOLUME_STEPS) + delta
            self.store.update(**{name: min(VOLUME_STEPS, max(0, steps)) / VOLUME_STEPS})
        elif key == "Mute":
            self.store.update(muted=not s.muted)
        elif key == "Window scale":
            self.store.update(scale=min(self.max_scale, max(SCALES[0], s.scale + delta)))
        elif key == "Fullscreen":
            self.store.update(fullscreen=not s.fullscreen)
        elif key == "Difficulty":
            self.store.update(difficulty=_cycle(DIFFICULTIES, s.difficulty, delta))
        elif key == "Screen shake":
            self.store.update(screen_shake=not s.screen_shake)
        elif key == "Text speed":
            self.store.update(text_speed=_cycle(tuple(TEXT_SPEEDS), s.text_speed, delta))

    # --- binding pages -----------------------------------------------------------------------
    def _table(self, page: str) -> dict[Action, tuple[str, ...]]:
        source = getattr(self.settings, page)
        return {Action[name]: tuple(names) for name, names in source.items()}

    def _open_bindings(self, page: str) -> None:
        self.page = page
        self.message = ""
        actions, labels = PAGES[page][3], PAGES[page][4]
        items = [Item(labels[a], (lambda a=a: _names_label(self._table(self.page).get(a, ()))),
                      key=a.name or "") for a in actions]
        items += [Item("Reset to defaults"), Item("Back")]
        self.menu = Menu(items)

    def _bindings_event(self, event: MenuEvent) -> Transition | None:
        if event.kind == "back" or (event.kind == "select" and event.item and event.item.key == "Back"):
            index = MAIN_ROWS.index(PAGES[self.page][0])
            self.page, self.message = "main", ""
            self.menu = self._main_menu(index)
            return None
        if event.kind != "select" or event.item is None:
            return None
        if event.item.key == "Reset to defaults":
            self._store_table(self.page, dict(PAGES[self.page][2]))
            self.message = "Controls reset to defaults"
            return None
        self.capturing = (self.page, Action[event.item.key])
        self._capture_left = CAPTURE_STEPS
        keys = self.page.startswith("keys")
        device = "a key" if keys else "a button"
        cancel = "Esc" if keys else "Back/Esc"
        self.message = f"Press {device} for {PAGES[self.page][4][self.capturing[1]]} ({cancel} cancels)"
        return None

    def _store_table(self, page: str, table: dict[Action, tuple[str, ...]]) -> None:
        self.store.update(**{page: action_names(table)})

    def bind(self, page: str, action: Action, name: str) -> str:
        """Bind `name` as the primary key/button of `action`, resolving a conflict; returns the message."""
        result = rebind(self._table(page), action, name)
        self._store_table(page, result.table)
        return result.message

    def _end_capture(self, message: str) -> None:
        self.capturing = None
        self.message = message

    def capture_event(self, event: pygame.event.Event) -> bool:
        """Raw events while waiting for a rebind; True when the event was used here."""
        if self.capturing is None:
            return False
        page, action = self.capturing
        kind = event.type
        if kind == pygame.KEYDOWN:
            name = key_name(event)
            if name == "escape":
                self._end_capture("Cancelled")
            elif not page.startswith("keys"):
                return True  # keyboard keys other than Esc mean nothing on the gamepad page
            elif name in RESERVED_KEYS or not name:
                self.message = f"{display_name(name) or 'That key'} is reserved; press another key"
            else:
                self._end_capture(self.bind(page, action, name))
            return True
        if kind in (pygame.KEYUP, pygame.CONTROLLERBUTTONUP):
            return True
        if kind in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERAXISMOTION):
            name = pad_button_name(event)
            if name is None:
                return True
            if name == CANCEL_BUTTON:
                self._end_capture("Cancelled")
            elif not page.startswith("pad"):
                return True
            elif name in RESERVED_BUTTONS:
                self.message = f"{name.title()} is reserved; press another button"
            else:
                self._end_capture(self.bind(page, action, name))
            return True
        return False

    # --- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        font = load_font()
        line = font.line_height + ROW_GAP
        rect = pygame.Rect(0, 0, 240, VIEW_H - 2)
        rect.center = (VIEW_W // 2, VIEW_H // 2)
        title = "OPTIONS" if self.page == "main" else PAGES[self.page][1]
        titled_panel(surface, rect, title, font)
        footer = 2 * line
        body = pygame.Rect(rect.x + 6, rect.y + 21, rect.width - 12, rect.height - 21 - footer)
        self.menu.draw(surface, font, body)
        y = rect.bottom - footer + 2
        pygame.draw.line(surface, RULE, (rect.x + 6, y - 3), (rect.right - 7, y - 3))
        if self.message:
            color = GOLD if self.capturing else INK
            for row, text in enumerate(font.wrap(self.message, rect.width - 12)[:2]):
                surface.blit(font.render(text, color), (rect.x + 6, y + row * (line - 2)))
        else:
            hint = "Up/Down choose  Left/Right change  Esc back"
            if self.page != "main":
                hint = "Confirm: rebind   Esc / Start: back"
            blit_centered(surface, font.render(hint, DIM), rect.centerx, y)
