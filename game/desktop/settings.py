"""Player settings: volumes, display, difficulty, screen shake, text speed, both players' key and gamepad bindings.

Stored as `settings.json` in the data folder, written atomically. Loading never fails: an unreadable
file is renamed aside and defaults are used; a readable file with a bad value keeps its good values and
falls back to the default for the bad one, with a message for each.
"""
from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Callable, Mapping

from game import DIFFICULTIES
from game.desktop.datafiles import atomic_write_text, data_dir, read_json, set_aside
from game.input.actions import Action
from game.input.devices import (
    DEFAULT_KEYS,
    DEFAULT_KEYS_P2,
    DEFAULT_PAD,
    DEFAULT_PAD_P2,
    P2_ACTIONS,
    KeyBindings,
    PadBindings,
)

log = logging.getLogger(__name__)

SETTINGS_NAME = "settings.json"
SCALES = (2, 3, 4, 5, 6)
TEXT_SPEEDS = {"slow": 20, "normal": 40, "fast": 80, "instant": 0}  # characters per second; 0 = at once
VOLUME_STEPS = 10  # volumes move in tenths
MAX_BINDINGS, MAX_NAME = 8, 40  # names per action, characters per key or button name


def action_names(mapping: Mapping[Action, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return {action.name: tuple(names) for action, names in mapping.items()}


@dataclass(frozen=True)
class Settings:
    music_volume: float = 0.7
    sfx_volume: float = 0.8
    muted: bool = False
    scale: int = 4
    fullscreen: bool = False
    difficulty: str = "normal"
    screen_shake: bool = True
    text_speed: str = "normal"
    keys: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: action_names(DEFAULT_KEYS))
    pad: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: action_names(DEFAULT_PAD))
    keys2: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: action_names(DEFAULT_KEYS_P2))
    pad2: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: action_names(DEFAULT_PAD_P2))

    @property
    def text_cps(self) -> int:
        """Typewriter speed in characters per second (0: whole line at once)."""
        return TEXT_SPEEDS[self.text_speed]

    @property
    def effective_volumes(self) -> tuple[float, float]:
        return (0.0, 0.0) if self.muted else (self.music_volume, self.sfx_volume)

    def key_bindings(self) -> KeyBindings:
        return KeyBindings({Action[name]: tuple(keys) for name, keys in self.keys.items()})

    def pad_bindings(self) -> PadBindings:
        return PadBindings({Action[name]: tuple(buttons) for name, buttons in self.pad.items()})

    def key_bindings2(self) -> KeyBindings:
        """Player 2's keys (Ridzik)."""
        return KeyBindings({Action[name]: tuple(keys) for name, keys in self.keys2.items()})

    def pad_bindings2(self) -> PadBindings:
        return PadBindings({Action[name]: tuple(buttons) for name, buttons in self.pad2.items()})

    def with_keys(self, bindings: KeyBindings) -> "Settings":
        return replace(self, keys=action_names(bindings.keys))

    def with_pad(self, bindings: PadBindings) -> "Settings":
        return replace(self, pad=action_names(bindings.buttons))

    def to_json(self) -> str:
        data = asdict(self)
        data["keys"] = {k: list(v) for k, v in self.keys.items()}
        data["pad"] = {k: list(v) for k, v in self.pad.items()}
        data["keys2"] = {k: list(v) for k, v in self.keys2.items()}
        data["pad2"] = {k: list(v) for k, v in self.pad2.items()}
        return json.dumps({"version": 1, **data}, indent=1, sort_keys=True) + "\n"


def settings_path(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / SETTINGS_NAME


def save_settings(settings: Settings, folder: Path | None = None) -> Path:
    path = settings_path(folder)
    atomic_write_text(path, settings.to_json())
    log.info("saved settings to %s", path)
    return path


def load_settings(folder: Path | None = None, problems: list[str] | None = None) -> Settings:
    """Settings from the data folder; defaults for anything missing or bad (each problem reported)."""
    problems = [] if problems is None else problems
    path = settings_path(folder)
    data = read_json(path, problems)
    if data is None:
        return Settings()
    if not isinstance(data, dict):
        problems.append(set_aside(path, "not a settings file (expected a JSON object)"))
        return Settings()
    values: dict[str, Any] = {}
    defaults = Settings()
    for f in fields(Settings):
        if f.name not in data:
            continue
        value, problem = _check(f.name, data[f.name], getattr(defaults, f.name))
        if problem:
            message = f"{path}: {f.name}: {problem}; using the default"
            log.warning("%s", message)
            problems.append(message)
        else:
            values[f.name] = value
    return Settings(**values)


def _check(name: str, value: Any, default: Any) -> tuple[Any, str | None]:
    """A validated value for one field, or a problem."""
    if name in ("music_volume", "sfx_volume"):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 1:
            return round(float(value) * VOLUME_STEPS) / VOLUME_STEPS, None
        return None, f"expected a number from 0 to 1, got {_brief(value)}"
    if name in ("muted", "fullscreen", "screen_shake"):
        return (value, None) if isinstance(value, bool) else (None, f"expected true or false, got {_brief(value)}")
    if name == "scale":
        return (value, None) if isinstance(value, int) and not isinstance(value, bool) and value in SCALES \
            else (None, f"expected one of {list(SCALES)}, got {_brief(value)}")
    if name in ("difficulty", "text_speed"):  # a string first: a list or a map is no dict key
        choices = list(DIFFICULTIES if name == "difficulty" else TEXT_SPEEDS)
        return (value, None) if isinstance(value, str) and value in choices else (
            None, f"expected one of {choices}, got {_brief(value)}")
    if name in ("keys", "pad"):
        return _check_bindings(value, default)
    if name in ("keys2", "pad2"):
        return _check_bindings(value, default, tuple(a.name for a in P2_ACTIONS if a.name))
    return None, "unknown setting"


def _brief(value: Any) -> str:
    """A value for a message, cut short (a bad field may hold a huge list)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_bindings(value: Any, default: Mapping[str, tuple[str, ...]],
                    only: tuple[str, ...] = ()) -> tuple[Any, str | None]:
    if not isinstance(value, dict):
        return None, "expected a map of action to names"
    out = dict(default)  # actions missing from the file keep their defaults
    for action, names in value.items():
        if action not in Action.__members__ or (only and action not in only):
            return None, f"unknown action {_brief(action)}"
        # (an empty list is an unbound action: the pad leaves Restart unbound, and a rebind can take an
        # action's only button)
        if not isinstance(names, list) or len(names) > MAX_BINDINGS or \
                not all(isinstance(n, str) and 0 < len(n) <= MAX_NAME for n in names):
            return None, f"{action}: expected a list of at most {MAX_BINDINGS} names of 1 to {MAX_NAME} characters"
        out[action] = tuple(names)
    seen: dict[str, str] = {}
    for action, names in out.items():
        for n in names:
            if n in seen and seen[n] != action:
                return None, f"{n!r} is bound to both {seen[n]} and {action}"
            seen[n] = action
    return out, None


class SettingsStore:
    """The live settings of a run: changes apply at once (through `on_change`) and are saved on demand.

    Command-line overrides (`--scale`, `--mute`, ...) are for this run only: `save()` writes the value
    the file had for an overridden field unless the player changed that field in the options.
    """

    def __init__(self, settings: Settings, folder: Path | None = None,
                 on_change: Callable[[Settings, Settings], None] | None = None) -> None:
        self.settings = settings
        self.folder = folder
        self.on_change = on_change
        self.dirty = False
        self.problem: str | None = None  # the last failed save's message, until the app shows it
        self._stored: dict[str, Any] = {}  # the file's values of fields overridden for this run

    def override(self, **changes: Any) -> None:
        """Session-only changes (command line); not written by `save()`."""
        for name in changes:
            self._stored.setdefault(name, getattr(self.settings, name))
        self._set(replace(self.settings, **changes))

    def update(self, **changes: Any) -> Settings:
        """A change made by the player: applied at once and saved by the next `save()`."""
        for name in changes:
            self._stored.pop(name, None)
        self.dirty = True
        self._set(replace(self.settings, **changes))
        return self.settings

    def _set(self, new: Settings) -> None:
        old, self.settings = self.settings, new
        if self.on_change is not None and new != old:
            self.on_change(old, new)

    def save(self) -> str | None:
        """Write the settings if changed; a message instead of an exception when the disk refuses."""
        if not self.dirty:
            return None
        try:
            save_settings(replace(self.settings, **self._stored), self.folder)
        except OSError as exc:
            message = f"could not save settings: {exc}"
            log.warning("%s", message)
            self.problem = message
            return message
        self.dirty = False
        return None
