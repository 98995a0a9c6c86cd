"""The chase's controls card: throttle, brake and steering, named from the bindings in effect. The bus
turns the way it faces, not the screen's way (holding Right on a bus facing right goes nowhere), so a
first-time player needs telling; the card stays until the throttle has been used and the bus steered."""
from __future__ import annotations

import logging
from typing import Any

import pygame

from game.input import devices
from game.input.actions import Action, InputFrame
from game.modes.level.controls import draw_card

log = logging.getLogger(__name__)


class DriveHint:
    """Counts the first throttle and the first steer; draws the card until both have happened."""

    learned = False  # once per run of the game, as the fight's card

    def __init__(self) -> None:
        self.throttled = False
        self.steered = False
        self._rows: tuple[tuple, list[tuple[str, str, bool]]] | None = None  # see `rows`

    @property
    def showing(self) -> bool:
        return not DriveHint.learned

    def note(self, frame: InputFrame) -> None:
        if DriveHint.learned:
            return
        self.throttled = self.throttled or bool(frame.held & Action.UP)
        self.steered = self.steered or bool(frame.held & (Action.LEFT | Action.RIGHT))
        if self.throttled and self.steered:
            DriveHint.learned = True
            log.info("drive card dismissed: throttle and steering used")

    def draw(self, surface: pygame.Surface, font: Any) -> None:
        if not self.showing:
            return
        draw_card(surface, font, self.rows())

    def rows(self) -> list[tuple[str, str, bool]]:
        """The card's rows (binding, what it does, done), named again only when the bindings in effect
        change (a rebind replaces the reader's bindings tuple; a pad comes or goes) or a control is used."""
        reader = devices._ACTIVE[0]
        source = (reader.bindings if reader is not None else None, devices.pad_in_use(), self.throttled, self.steered)
        held = self._rows
        if held is not None and held[0][0] is source[0] and held[0][1:] == source[1:]:
            return held[1]
        pad = source[1]
        keys, buttons = devices.active_bindings()
        table = buttons.buttons if pad else keys.keys

        def name(action: Action) -> str:
            return "/".join(devices.display_name(n) for n in table.get(action, ())[:1]) or "-"

        steer = "D-pad / stick" if pad else f"{name(Action.LEFT)} {name(Action.RIGHT)}"
        rows = [(name(Action.UP), "Throttle", self.throttled), (name(Action.DOWN), "Brake / reverse", False),
                (steer, "Steer", self.steered)]
        self._rows = (source, rows)
        return rows
