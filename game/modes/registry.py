"""The one table of playable modes: each kind names the package that plays it; nothing else lists them.

A story beat's `kind`, and a map's `mode` property (no property: `level`), pick a row here. The package
exposes `mode() -> Mode` (game.modes.context): its scene for a beat and for a map opened with `--level`,
its autopilot, its pilot for the whole-game autopilot and its replay. The director, the CLI, the
whole-game autopilot and the story check all read this table; adding a mode is one package and one line.
Packages are imported when first asked for, so reading the kinds costs nothing.
"""
from __future__ import annotations

import importlib
import logging

from game.modes.context import Mode
from game.world.tilemap import LevelError, TileMap

log = logging.getLogger(__name__)

MODES: dict[str, str] = {  # kind -> package defining mode()
    "level": "game.modes.level",
    "chase": "game.modes.chase",
    "puzzle": "game.modes.puzzle",
}
MAP_DEFAULT = "level"  # the mode of a map with no `mode` property

_loaded: dict[str, Mode] = {}  # package -> its mode


def kinds() -> tuple[str, ...]:
    """The playable kinds, in table order."""
    return tuple(MODES)


def mode(kind: str) -> Mode:
    """The mode playing `kind` (KeyError for a kind not in the table)."""
    package = MODES[kind]
    cached = _loaded.get(package)
    if cached is None:
        found = importlib.import_module(package).mode()
        if not isinstance(found, Mode) or found.kind != kind:
            raise TypeError(f"{package}.mode() must return the Mode of kind {kind!r}, got {found!r}")
        cached = _loaded[package] = found
    return cached


def modes() -> list[Mode]:
    """Every mode, in table order."""
    return [mode(kind) for kind in MODES]


def map_kind(tilemap: TileMap) -> str:
    """The kind a map plays as: its `mode` property, `level` without one; LevelError for an unknown one."""
    kind = str(tilemap.properties.get("mode") or MAP_DEFAULT)
    if kind not in MODES:
        raise LevelError(tilemap.path, f"map property mode={kind!r} is not one of {', '.join(MODES)}")
    return kind


def mode_of(tilemap: TileMap) -> Mode:
    """The mode that plays this map (see `map_kind`)."""
    return mode(map_kind(tilemap))
