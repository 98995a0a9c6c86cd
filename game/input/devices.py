"""Keyboard and gamepad devices, their bindings and rebinding: physical input -> held action masks.

Two players: player 1 plays on the keyboard's first set and the first gamepad, player 2 (Ridzik) on the
second keyboard set and any other gamepad. A step's mask carries both (game.input.actions.two_players).
Keys both sets name (WASD by default) are player 1's until player 2 presses his Confirm on the keyboard,
and player 2's from then until he presses his Skip (drop-out)."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Mapping

from game.input.actions import Action, two_players

log = logging.getLogger(__name__)


DEFAULT_KEYS: Mapping[Action, tuple[str, ...]] = {
    Action.UP: ("up", "w"),
    Action.DOWN: ("down", "s"),
    Action.LEFT: ("left", "a"),
    Action.RIGHT: ("right", "d"),
    Action.PUNCH: ("z", "j"),
    Action.KICK: ("x", "k"),
    Action.SHOOT: ("c", "l"),
    Action.CONFIRM: ("return", "space"),
    Action.PAUSE: ("escape", "p"),
    Action.SPECIAL: ("v", "left shift"),
    Action.RESTART: ("r",),
    Action.SKIP: ("tab",),
}


DEFAULT_PAD: Mapping[Action, tuple[str, ...]] = {
    Action.UP: ("dpup",),
    Action.DOWN: ("dpdown",),
    Action.LEFT: ("dpleft",),
    Action.RIGHT: ("dpright",),
    Action.PUNCH: ("x",),
    Action.KICK: ("b",),
    Action.SHOOT: ("y",),
    Action.CONFIRM: ("a",),
    Action.PAUSE: ("start",),
    Action.SPECIAL: ("rightshoulder",),
    Action.RESTART: (),
    Action.SKIP: ("back",),
}

# Player 2 (Ridzik): the left of the keyboard, or a second gamepad. Only the actions he has.
DEFAULT_KEYS_P2: Mapping[Action, tuple[str, ...]] = {
    Action.UP: ("w",),
    Action.DOWN: ("s",),
    Action.LEFT: ("a",),
    Action.RIGHT: ("d",),
    Action.PUNCH: ("f",),
    Action.KICK: ("g",),
    Action.SHOOT: ("h",),
    Action.CONFIRM: ("e",),   # drop in: take Ridzik over
    Action.SKIP: ("q",),      # drop out: Ridzik back to the AI
}
P2_ACTIONS = tuple(DEFAULT_KEYS_P2)
DEFAULT_PAD_P2: Mapping[Action, tuple[str, ...]] = {a: DEFAULT_PAD[a] for a in P2_ACTIONS}

# Keys that cannot be bound: Esc cancels a rebind, F11 toggles fullscreen, F12 takes a screenshot.
RESERVED_KEYS = frozenset({"escape", "f11", "f12"})
# The Back/Select button cancels a gamepad rebind; Guide belongs to the system.
RESERVED_BUTTONS = frozenset({"guide"})
CANCEL_BUTTON = "back"
TRIGGER_THRESHOLD = 0.5
DEFAULT_DEAD_ZONE = 0.25


@dataclass(frozen=True)
class Rebound:
    """The outcome of one rebind: the new table, the action that lost the name (if any), a message."""

    table: dict[Action, tuple[str, ...]]
    conflict: Action | None
    message: str


def rebind(table: Mapping[Action, tuple[str, ...]], action: Action, name: str) -> Rebound:
    """Make `name` the primary binding of `action`. A name belongs to one action only: if another
    action had it, it loses it, and if that leaves it with nothing it takes `action`'s old primary
    (a swap), so every action that had a binding keeps one."""
    out = {a: tuple(names) for a, names in table.items()}
    old = out.get(action, ())
    if old[:1] == (name,):
        return Rebound(out, None, f"{_label(action)}: {display_name(name)} (unchanged)")
    old_primary = old[0] if old else None
    out[action] = (name,) + tuple(n for n in old[1:] if n != name)
    conflict = next((a for a, names in out.items() if a != action and name in names), None)
    message = f"{_label(action)}: {display_name(name)}"
    if conflict is not None:
        remaining = tuple(n for n in out[conflict] if n != name)
        if not remaining and old_primary is not None and old_primary not in out[action]:
            remaining = (old_primary,)
            message += (f" (was {_label(conflict)}'s; swapped, {_label(conflict)} is now "
                        f"{display_name(old_primary)})")
        else:
            message += f" (taken from {_label(conflict)})"
        out[conflict] = remaining
    return Rebound(out, conflict, message)


PAD_LABELS = {
    "dpup": "D-pad Up", "dpdown": "D-pad Down", "dpleft": "D-pad Left", "dpright": "D-pad Right",
    "leftshoulder": "LB", "rightshoulder": "RB", "lefttrigger": "LT", "righttrigger": "RT",
    "leftstick": "L3", "rightstick": "R3",
}


def display_name(name: str) -> str:
    """A key or button name as players read it: "x" -> "X", "left shift" -> "Left Shift", "dpup" ->
    "D-pad Up"."""
    if name in PAD_LABELS:
        return PAD_LABELS[name]
    return name.upper() if len(name) == 1 else name.title()


def _label(action: Action) -> str:
    return (action.name or "?").capitalize()


def conflicts(table: Mapping[Action, tuple[str, ...]]) -> dict[str, list[Action]]:
    """Names bound to more than one action (empty when the table is sound)."""
    owners: dict[str, list[Action]] = {}
    for action, names in table.items():
        for name in names:
            owners.setdefault(name, []).append(action)
    return {name: actions for name, actions in owners.items() if len(actions) > 1}


@dataclass
class KeyBindings:
    """Action -> key names (pygame.key.key_code names). Rebindable; the keycodes are resolved lazily."""

    keys: dict[Action, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_KEYS))

    def keycode_map(self) -> dict[int, int]:
        import pygame

        out: dict[int, int] = {}
        for action, names in self.keys.items():
            for name in names:
                try:
                    code = pygame.key.key_code(name)
                except ValueError:
                    log.warning("unknown key name %r bound to %s; ignored", name, action.name)
                    continue
                out[code] = out.get(code, 0) | int(action)
        return out


@dataclass
class PadBindings:
    """Action -> SDL game controller button names ("a", "dpup", "start", "lefttrigger", ...)."""

    buttons: dict[Action, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_PAD))

    def name_map(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for action, names in self.buttons.items():
            for name in names:
                out[name] = out.get(name, 0) | int(action)
        return out


def key_name(event: object) -> str:
    """The rebindable name of a KEYDOWN event's key (pygame.key.name)."""
    import pygame

    return pygame.key.name(event.key)  # type: ignore[attr-defined]


class KeyboardReader:
    """Reads pygame key events into held masks; remembers taps shorter than one step. Keys in `ignore`
    (another player's, for now) count for nothing, and a key let go while ignored is released."""

    def __init__(self, bindings: KeyBindings | None = None) -> None:
        self.codes = (bindings or KeyBindings()).keycode_map()
        self.down: set[int] = set()   # bound keys held now
        self.tapped = 0
        self.ignore: frozenset[int] = frozenset()

    @property
    def held(self) -> int:
        bits = 0
        for code in self.down:
            if code not in self.ignore:
                bits |= self.codes[code]
        return bits

    def on_event(self, event: object) -> None:
        import pygame

        kind = getattr(event, "type", None)
        if kind == pygame.KEYDOWN:
            if getattr(event, "mod", 0) & pygame.KMOD_ALT and event.key == pygame.K_RETURN:  # type: ignore
                return  # Alt+Enter is the fullscreen toggle, not Confirm
            code = event.key  # type: ignore[attr-defined]
            if code in self.codes:
                self.down.add(code)
                if code not in self.ignore:
                    self.tapped |= self.codes[code]
        elif kind == pygame.KEYUP:
            self.down.discard(event.key)  # type: ignore[attr-defined]
        elif kind == pygame.WINDOWFOCUSLOST:
            self.down.clear()

    def take(self) -> int:
        """Held mask for the next step; a tap shorter than a step still counts as held once."""
        tapped, self.tapped = self.tapped, 0
        return self.held | tapped


# --- Gamepads (SDL game controller API) -----------------------------------------------------

def _button_names() -> dict[int, str]:
    import pygame

    return {
        pygame.CONTROLLER_BUTTON_A: "a", pygame.CONTROLLER_BUTTON_B: "b",
        pygame.CONTROLLER_BUTTON_X: "x", pygame.CONTROLLER_BUTTON_Y: "y",
        pygame.CONTROLLER_BUTTON_BACK: "back", pygame.CONTROLLER_BUTTON_GUIDE: "guide",
        pygame.CONTROLLER_BUTTON_START: "start",
        pygame.CONTROLLER_BUTTON_LEFTSTICK: "leftstick", pygame.CONTROLLER_BUTTON_RIGHTSTICK: "rightstick",
        pygame.CONTROLLER_BUTTON_LEFTSHOULDER: "leftshoulder",
        pygame.CONTROLLER_BUTTON_RIGHTSHOULDER: "rightshoulder",
        pygame.CONTROLLER_BUTTON_DPAD_UP: "dpup", pygame.CONTROLLER_BUTTON_DPAD_DOWN: "dpdown",
        pygame.CONTROLLER_BUTTON_DPAD_LEFT: "dpleft", pygame.CONTROLLER_BUTTON_DPAD_RIGHT: "dpright",
    }


def stick_bits(x: float, y: float, dead_zone: float = DEFAULT_DEAD_ZONE) -> int:
    """Directions held by an analog stick at (x, y) in -1..1. Radial dead zone; eight sectors."""
    magnitude = (x * x + y * y) ** 0.5
    if magnitude < dead_zone:
        return 0
    # cos(67.5 deg): a component counts when the stick points within 67.5 degrees of its axis.
    cut = 0.3827 * magnitude
    bits = 0
    if x > cut:
        bits |= Action.RIGHT
    elif x < -cut:
        bits |= Action.LEFT
    if y > cut:
        bits |= Action.DOWN
    elif y < -cut:
        bits |= Action.UP
    return int(bits)


def _open_controller(device_index: int) -> tuple[int, object] | None:
    """Open a newly added game controller; (instance id, handle), or None if SDL cannot."""
    try:
        from pygame._sdl2 import controller

        if not controller.is_controller(device_index):
            return None
        pad = controller.Controller(device_index)
        return pad.as_joystick().get_instance_id(), pad
    except Exception as exc:  # a pad that vanishes while opening must not stop the game
        log.warning("could not open game controller %d: %s", device_index, exc)
        return None


@dataclass
class _Pad:
    handle: object = None
    buttons: set[str] = field(default_factory=set)
    axes: dict[int, float] = field(default_factory=dict)
    tapped: set[str] = field(default_factory=set)  # buttons (and triggers) pressed since the last take
    tapped_stick: int = 0                          # stick directions entered since the last take


class GamepadReader:
    """Game controllers by SDL instance id (hot-plug safe) -> held masks, like the keyboard reader."""

    def __init__(self, bindings: PadBindings | None = None, dead_zone: float = DEFAULT_DEAD_ZONE,
                 opener=_open_controller) -> None:
        self.names = (bindings or PadBindings()).name_map()
        self.dead_zone = dead_zone
        self.opener = opener
        self.pads: dict[int, _Pad] = {}
        self.tapped = 0

    def on_event(self, event: object) -> None:
        import pygame

        kind = getattr(event, "type", None)
        if kind == pygame.CONTROLLERDEVICEADDED:
            opened = self.opener(event.device_index)  # type: ignore[attr-defined]
            if opened is not None:
                instance_id, handle = opened
                self.pads[instance_id] = _Pad(handle)
                log.info("gamepad connected (instance %d)", instance_id)
        elif kind == pygame.CONTROLLERDEVICEREMOVED:
            if self.pads.pop(event.instance_id, None) is not None:  # type: ignore[attr-defined]
                log.info("gamepad removed (instance %d)", event.instance_id)  # type: ignore
        elif kind in (pygame.CONTROLLERBUTTONDOWN, pygame.CONTROLLERBUTTONUP):
            name = _button_names().get(event.button)  # type: ignore[attr-defined]
            pad = self.pads.setdefault(event.instance_id, _Pad())  # type: ignore[attr-defined]
            if name is None:
                return
            if kind == pygame.CONTROLLERBUTTONDOWN:
                pad.buttons.add(name)
                pad.tapped.add(name)
                self.tapped |= self.names.get(name, 0)
            else:
                pad.buttons.discard(name)
        elif kind == pygame.CONTROLLERAXISMOTION:
            pad = self.pads.setdefault(event.instance_id, _Pad())  # type: ignore[attr-defined]
            before, names_before, stick_before = self._pad_bits(pad), self._names(pad), self._stick(pad)
            pad.axes[event.axis] = max(-1.0, event.value / 32767.0)  # type: ignore[attr-defined]
            self.tapped |= self._pad_bits(pad) & ~before
            pad.tapped |= self._names(pad) - names_before
            pad.tapped_stick |= self._stick(pad) & ~stick_before
        elif kind == pygame.WINDOWFOCUSLOST:
            for pad in self.pads.values():  # SDL sends no pad events while unfocused: forget them
                pad.buttons.clear()
                pad.axes.clear()

    def _names(self, pad: _Pad) -> set[str]:
        """The buttons held on `pad`, the triggers pulled past halfway among them."""
        import pygame

        names = set(pad.buttons)
        if pad.axes.get(pygame.CONTROLLER_AXIS_TRIGGERLEFT, 0.0) > TRIGGER_THRESHOLD:
            names.add("lefttrigger")
        if pad.axes.get(pygame.CONTROLLER_AXIS_TRIGGERRIGHT, 0.0) > TRIGGER_THRESHOLD:
            names.add("righttrigger")
        return names

    def _stick(self, pad: _Pad) -> int:
        import pygame

        x = pad.axes.get(pygame.CONTROLLER_AXIS_LEFTX, 0.0)
        y = pad.axes.get(pygame.CONTROLLER_AXIS_LEFTY, 0.0)
        return stick_bits(x, y, self.dead_zone)

    def _pad_bits(self, pad: _Pad, names: dict[str, int] | None = None, taps: bool = False) -> int:
        table = self.names if names is None else names
        bits = 0
        for name in self._names(pad) | (pad.tapped if taps else set()):
            bits |= table.get(name, 0)
        return bits | self._stick(pad) | (pad.tapped_stick if taps else 0)

    @property
    def held(self) -> int:
        bits = 0
        for pad in self.pads.values():
            bits |= self._pad_bits(pad)
        return bits

    def take(self) -> int:
        tapped, self.tapped = self.tapped, 0
        for pad in self.pads.values():
            pad.tapped.clear()
            pad.tapped_stick = 0
        return self.held | tapped

    def take_split(self, names2: dict[str, int]) -> tuple[int, int]:
        """(player 1, player 2) masks: the first pad plugged in (lowest instance id) is player 1's, read
        with his bindings; every other pad is player 2's, read with `names2`."""
        p1 = p2 = 0
        for i, iid in enumerate(sorted(self.pads)):
            pad = self.pads[iid]
            if i == 0:
                p1 |= self._pad_bits(pad, taps=True)
            else:
                p2 |= self._pad_bits(pad, names2, taps=True)
            pad.tapped.clear()
            pad.tapped_stick = 0
        self.tapped = 0
        return p1, p2


def pad_button_name(event: object) -> str | None:
    """The rebindable name of a controller button-down or a trigger pulled past halfway, else None."""
    import pygame

    kind = getattr(event, "type", None)
    if kind == pygame.CONTROLLERBUTTONDOWN:
        return _button_names().get(event.button)  # type: ignore[attr-defined]
    if kind == pygame.CONTROLLERAXISMOTION and event.value / 32767.0 > TRIGGER_THRESHOLD:  # type: ignore
        return {pygame.CONTROLLER_AXIS_TRIGGERLEFT: "lefttrigger",
                pygame.CONTROLLER_AXIS_TRIGGERRIGHT: "righttrigger"}.get(event.axis)  # type: ignore
    return None


class InputReader:
    """Keyboard and gamepads merged into one held mask per step, player 2's in its high half: the only
    input path, so a replay of the masks reproduces a run whatever devices played it."""

    def __init__(self, keys: KeyBindings | None = None, pad: PadBindings | None = None,
                 dead_zone: float = DEFAULT_DEAD_ZONE, opener=_open_controller,
                 keys2: KeyBindings | None = None, pad2: PadBindings | None = None) -> None:
        self.gamepad = GamepadReader(pad, dead_zone, opener)
        self._injected = 0
        self.p2_on_keys = False  # player 2 took the keys both sets name (his Confirm; his Skip lets go)
        self._build(keys or KeyBindings(), pad or PadBindings(),
                    keys2 or KeyBindings(dict(DEFAULT_KEYS_P2)), pad2 or PadBindings(dict(DEFAULT_PAD_P2)))
        _ACTIVE[0] = self

    def _build(self, keys: KeyBindings, pad: PadBindings, keys2: KeyBindings, pad2: PadBindings) -> None:
        self.bindings = (keys, pad)
        self.bindings2 = (keys2, pad2)
        self.keyboard = KeyboardReader(keys)
        self.keyboard2 = KeyboardReader(keys2)
        self.names2 = pad2.name_map()
        self.shared = frozenset(self.keyboard.codes) & frozenset(self.keyboard2.codes)
        self._share()

    def _share(self) -> None:
        """The keys both sets name go to player 2 after his drop-in, to player 1 otherwise."""
        self.keyboard.ignore = self.shared if self.p2_on_keys else frozenset()
        self.keyboard2.ignore = frozenset() if self.p2_on_keys else self.shared

    def set_bindings(self, keys: KeyBindings, pad: PadBindings, keys2: KeyBindings | None = None,
                     pad2: PadBindings | None = None) -> None:
        """New bindings take effect at once; whatever was held is released."""
        self._build(keys, pad, keys2 or self.bindings2[0], pad2 or self.bindings2[1])
        pads = self.gamepad.pads
        self.gamepad = GamepadReader(pad, self.gamepad.dead_zone, self.gamepad.opener)
        self.gamepad.pads = {iid: _Pad(p.handle) for iid, p in pads.items()}

    def on_event(self, event: object) -> None:
        self.keyboard.on_event(event)
        self.keyboard2.on_event(event)
        self.gamepad.on_event(event)

    def inject(self, action: Action) -> None:
        """Press `action` for the next step (the app uses this to pause when the window loses focus)."""
        self._injected |= int(action)

    def take(self) -> int:
        injected, self._injected = self._injected, 0
        pad1, pad2 = self.gamepad.take_split(self.names2)
        keys2 = self.keyboard2.take()
        joined = self.p2_on_keys
        if keys2 & Action.CONFIRM:
            joined = True
        elif keys2 & Action.SKIP:
            joined = False
        if joined != self.p2_on_keys:
            self.p2_on_keys = joined
            self._share()
        return two_players(self.keyboard.take() | pad1 | injected, keys2 | pad2)


_ACTIVE: list[InputReader | None] = [None]  # the reader the app plays with (the last one built)


def active_bindings() -> tuple[KeyBindings, PadBindings]:
    """The key and pad bindings in effect (the defaults before the app has built its reader)."""
    reader = _ACTIVE[0]
    if reader is None:
        return KeyBindings(), PadBindings()
    return reader.bindings


def pad_in_use() -> bool:
    """True while a gamepad is plugged in: on-screen hints then name its buttons."""
    reader = _ACTIVE[0]
    return reader is not None and bool(reader.gamepad.pads)
