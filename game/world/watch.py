"""Hot reload for designers: notice when a level's files change on disk and load the new version.

`LevelWatcher` stats every file the map was read from (TMX, TSX, tileset images, templates, the project
file) and reloads when one changes. A save that does not load leaves the last good map in place and
reports the error as one line, to be shown on screen until the next good save. `HotReload` polls the
watcher every N fixed steps (30 steps = half a second), so a save shows up within a second. File
modification times are file metadata, not a clock: nothing here feeds the simulation's logic.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from game.world.collision import overlaps_solid
from game.world.tilemap import LevelError, TileMap, load_tilemap

log = logging.getLogger(__name__)

POLL_STEPS = 30
Stamp = tuple[int, int, int] | None


def _stamp(path: Path) -> Stamp:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)  # Tiled saves by rename: a new inode


@dataclass(frozen=True)
class Reload:
    tilemap: TileMap | None  # the new map, when the save loaded
    error: str | None = None  # one line naming the file and the problem, when it did not


class LevelWatcher:
    """Reloads a level when any of its source files changes."""

    def __init__(self, tilemap: TileMap, loader: Callable[[Path], TileMap] = load_tilemap) -> None:
        self.path = tilemap.path
        self.loader = loader
        self._watch(tilemap.sources or (tilemap.path,))

    def _watch(self, files: Iterable[Path]) -> None:
        self._files = tuple(dict.fromkeys(Path(f) for f in files))
        self._stamps = [_stamp(f) for f in self._files]

    def changed(self) -> bool:
        return [_stamp(f) for f in self._files] != self._stamps

    def poll(self) -> Reload | None:
        """None when nothing changed; else the reloaded map or the error that stopped it."""
        if not self.changed():
            return None
        self._stamps = [_stamp(f) for f in self._files]
        try:
            tilemap = self.loader(self.path)
        except LevelError as exc:
            log.warning("hot reload kept the last good map: %s", exc)
            return Reload(None, str(exc))
        # Watch what the new version reads (a new template, another tileset), plus what we watched.
        self._watch((*tilemap.sources, *self._files))
        log.info("hot reload: %s", self.path)
        return Reload(tilemap)


class HotReload:
    """Polls a LevelWatcher every `every` steps; remembers the last error for the screen."""

    def __init__(self, tilemap: TileMap, every: int = POLL_STEPS,
                 loader: Callable[[Path], TileMap] = load_tilemap) -> None:
        self.watcher = LevelWatcher(tilemap, loader)
        self.every = max(1, every)
        self.error: str | None = None
        self._steps = 0

    def step(self) -> TileMap | None:
        """Call once per fixed step: a new map to swap in, or None."""
        self._steps += 1
        if self._steps % self.every:
            return None
        result = self.watcher.poll()
        if result is None:
            return None
        self.error = result.error
        return result.tilemap


def feet_after_reload(tilemap: TileMap, box: tuple[float, float, float, float]) -> tuple[float, float] | None:
    """Where the player's feet go on the reloaded map: None to stay put (the feet box is still on floor
    inside the map), else the new map's player spawn."""
    x, y, w, h = box
    if not overlaps_solid(tilemap.solid, tilemap.tile_w, x, y, w, h):
        return None
    spawn = tilemap.player_spawn
    return (spawn.x, spawn.y)
