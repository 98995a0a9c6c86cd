"""The controls card of the first fight: how to move, punch, kick and shoot, named from the bindings in
effect (keys, or pad buttons once a pad is plugged in), shown until Danko has punched and kicked once."""
from __future__ import annotations

import functools
import logging
from typing import Any

import pygame

from game.input import devices
from game.input.actions import Action, InputFrame

log = logging.getLogger(__name__)

ROWS = ((Action.PUNCH, "Punch"), (Action.KICK, "Kick"), (Action.SHOOT, "Shoot"), (Action.SPECIAL, "Grab/charge"))
BACK = (14, 12, 16)
EDGE = (120, 100, 80)
INK = (240, 230, 210)
KEY = (232, 184, 72)
DONE = (120, 200, 120)


def _names(table: dict, action: Action, limit: int = 2) -> str:
    return "/".join(devices.display_name(n) for n in table.get(action, ())[:limit]) or "-"


def control_lines(pad: bool) -> list[tuple[str, str, Action | None]]:
    """(binding, what it does, action) rows for the bindings in effect; pad labels when `pad`."""
    keys, buttons = devices.active_bindings()
    table = buttons.buttons if pad else keys.keys
    if pad:
        move = "D-pad / stick"
    else:
        arrows = [table.get(a, ("",))[0] for a in (Action.UP, Action.LEFT, Action.DOWN, Action.RIGHT)]
        move = "Arrows" if arrows == ["up", "left", "down", "right"] else "/".join(
            devices.display_name(n) for n in arrows if n)
    rows: list[tuple[str, str, Action | None]] = [(move, "Move", None)]
    rows += [(_names(table, action), label, action) for action, label in ROWS]
    return rows


class ControlsHint:
    """Counts Danko's first punch and kick; draws the card until both have been thrown."""

    learned = False  # once per run of the game: a player who has fought once needs no card

    def __init__(self) -> None:
        self.punched = False
        self.kicked = False
        self._lines: tuple[Any, list] = (None, [])  # (what the rows were named from, the rows)
        self._card: tuple[tuple, pygame.Surface] | None = None  # (what the card shows, the card)

    @property
    def showing(self) -> bool:
        return not ControlsHint.learned

    def note(self, frame: InputFrame) -> None:
        if ControlsHint.learned:
            return
        self.punched = self.punched or frame.was_pressed(Action.PUNCH)
        self.kicked = self.kicked or frame.was_pressed(Action.KICK)
        if self.punched and self.kicked:
            ControlsHint.learned = True
            log.info("controls card dismissed: punched and kicked")

    def draw(self, surface: pygame.Surface, font: Any, armed: bool) -> None:
        if not self.showing:
            return
        lines = self._control_lines()
        state = (lines, font, armed, self.punched, self.kicked)
        held = self._card
        if held is None or held[0] != state:  # the same objects: equal at once (identity first)
            rows = [(binding, label, (action is Action.PUNCH and self.punched) or (action is Action.KICK and self.kicked))
                    for binding, label, action in lines if action is not Action.SHOOT or armed]
            held = self._card = (state, card_image(font, tuple(rows)))
        card = held[1]
        surface.blit(card, (4, surface.get_height() - card.get_height() - 18))

    def _control_lines(self) -> list[tuple[str, str, Action | None]]:
        """control_lines for the bindings in effect, named again only when they change: the app's reader
        replaces its bindings tuple on a rebind (kept here, so its identity cannot be reused) or a pad
        comes or goes."""
        reader = devices._ACTIVE[0]
        source = (reader.bindings if reader is not None else None, devices.pad_in_use())
        held, lines = self._lines
        if held is None or held[0] is not source[0] or held[1] != source[1]:
            lines = control_lines(source[1])
            self._lines = (source, lines)
        return lines


def draw_card(surface: pygame.Surface, font: Any, rows: list[tuple[str, str, bool]]) -> None:
    """A controls card at the bottom left: a binding and what it does a row, the done ones in green."""
    card = card_image(font, tuple(rows))
    surface.blit(card, (4, surface.get_height() - card.get_height() - 18))


@functools.lru_cache(maxsize=16)
def card_image(font: Any, rows: tuple[tuple[str, str, bool], ...]) -> pygame.Surface:
    """The card of `rows`, drawn once and reused while the rows stay the same (shared: blit it, never
    draw on it)."""
    lh = font.line_height + 1
    key_w = max(font.size(r[0])[0] for r in rows)
    w = key_w + 8 + max(font.size(r[1])[0] for r in rows) + 12
    h = lh * len(rows) + 8
    card = pygame.Surface((w, h))
    box = card.get_rect()
    card.fill(BACK)
    pygame.draw.rect(card, EDGE, box, 1)
    y = 4
    for binding, label, done in rows:
        font.draw(card, binding, (6, y), KEY)
        font.draw(card, label, (6 + key_w + 8, y), DONE if done else INK)
        y += lh
    return card
