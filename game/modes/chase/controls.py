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
        pad = devices.pad_in_use()
        keys, buttons = devices.active_bindings()
        table = buttons.buttons if pad else keys.keys

        def name(action: Action) -> str:
            return "/".join(devices.display_name(n) for n in table.get(action, ())[:1]) or "-"

        steer = "D-pad / stick" if pad else f"{name(Action.LEFT)} {name(Action.RIGHT)}"
        draw_card(surface, font, [(name(Action.UP), "Throttle", self.throttled),
                                  (name(Action.DOWN), "Brake / reverse", False),
                                  (steer, "Steer", self.steered)])
