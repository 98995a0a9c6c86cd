"""The first fight's controls card: named from the bindings in effect, gone once Danko has punched
and kicked."""
from __future__ import annotations

import pygame

from game.input.actions import Action, InputFrame
from game.input.devices import InputReader, KeyBindings, PadBindings
from game.modes.level.controls import ControlsHint, control_lines
from game.ui.font import load_font


def press(action: Action) -> InputFrame:
    return InputFrame(int(action), int(action))


def test_card_names_the_bindings_in_effect():
    pygame.init()
    keys = KeyBindings()
    keys.keys = dict(keys.keys)
    keys.keys[Action.PUNCH] = ("q",)
    InputReader(keys, PadBindings())
    rows = {label: binding for binding, label, _ in control_lines(pad=False)}
    assert rows["Punch"] == "Q"
    assert rows["Kick"] == "X/K"
    assert rows["Move"] == "Arrows"
    pad_rows = {label: binding for binding, label, _ in control_lines(pad=True)}
    assert pad_rows["Punch"] == "X" and pad_rows["Grab/charge"] == "RB"
    InputReader()  # back to the defaults for the other tests


def test_card_shows_until_punch_and_kick(monkeypatch):
    monkeypatch.setattr(ControlsHint, "learned", False)
    hint = ControlsHint()
    surface = pygame.Surface((320, 180))
    font = load_font()
    hint.draw(surface, font, armed=False)
    assert pygame.transform.average_color(surface)[:3] != (0, 0, 0)
    hint.note(press(Action.PUNCH))
    hint.note(press(Action.PUNCH))
    assert hint.showing
    hint.note(press(Action.KICK))
    assert not hint.showing
    blank = pygame.Surface((320, 180))
    hint.draw(blank, font, armed=False)
    assert pygame.transform.average_color(blank)[:3] == (0, 0, 0)
    assert not ControlsHint().showing  # once per run of the game


def test_the_card_follows_a_rebind_made_while_it_shows(monkeypatch):
    # the rows are named once and kept while the bindings stay the same; a rebind (options, mid-level) renames them
    pygame.init()
    monkeypatch.setattr(ControlsHint, "learned", False)
    reader = InputReader()
    hint = ControlsHint()
    hint.draw(pygame.Surface((320, 180)), load_font(), armed=False)
    assert {label: b for b, label, _ in hint._control_lines()}["Punch"] == "Z/J"
    keys = KeyBindings()
    keys.keys = dict(keys.keys)
    keys.keys[Action.PUNCH] = ("q",)
    reader.set_bindings(keys, PadBindings())
    assert {label: b for b, label, _ in hint._control_lines()}["Punch"] == "Q"
    InputReader()  # back to the defaults for the other tests


def test_ridzik_s_join_hint_follows_a_rebind():
    # partner_view names the key once and keeps it while the bindings stay the same; a rebind renames it
    from game.input.devices import DEFAULT_KEYS_P2
    from game.modes.level.partner_view import _key_name

    pygame.init()
    reader = InputReader()
    first = _key_name(Action.CONFIRM, True)
    assert _key_name(Action.CONFIRM, True) == first
    keys2 = KeyBindings(dict(DEFAULT_KEYS_P2))
    keys2.keys[Action.CONFIRM] = ("q",)
    reader.set_bindings(KeyBindings(), PadBindings(), keys2)
    assert _key_name(Action.CONFIRM, True) == "Q" != first
    InputReader()  # back to the defaults for the other tests
