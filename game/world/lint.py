"""Level lint: everything the game relies on, as `file: object N 'type' at (x,y): problem` lines."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from game.world.collision import overlaps_solid
from game.world.navigation import UNREACHABLE, distance_map
from game.world.tilemap import LevelError, MapObject, TileMap, load_tilemap

log = logging.getLogger(__name__)

SPAWN_BOX = (10.0, 6.0)  # the player's feet hitbox


@dataclass(frozen=True)
class Problem:
    path: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.where}: {self.message}" if self.where else f"{self.path}: {self.message}"


def check_level(path: str | Path) -> list[Problem]:
    try:
        tilemap = load_tilemap(path)
    except LevelError as exc:
        return [Problem(exc.path, "", exc.problem)]
    return check_tilemap(tilemap)


def check_tilemap(tilemap: TileMap) -> list[Problem]:
    problems: list[Problem] = []
    path = _display_path(tilemap.path)
    spawns = tilemap.objects_of("player_spawn")
    if len(spawns) > 1:
        problems.append(Problem(path, spawns[1].label(), "more than one player_spawn"))
    spawn = spawns[0]
    w, h = SPAWN_BOX
    if overlaps_solid(tilemap.solid, tilemap.tile_w, spawn.x - w / 2, spawn.y - h, w, h):
        problems.append(Problem(path, spawn.label(), "player spawn is inside a wall"))
        return problems
    dist = distance_map(~tilemap.solid, tilemap.tile_at_pixel(spawn.x, spawn.y - 1))
    for obj in tilemap.objects_of("exit"):
        if not _reachable(tilemap, dist, obj):
            problems.append(Problem(path, obj.label(), "not reachable on foot from the player spawn"))
    return problems


def _reachable(tilemap: TileMap, dist, obj: MapObject) -> bool:
    """True when any walkable cell under the object's area is reached by the spawn's flood."""
    c0, r0 = tilemap.tile_at_pixel(obj.x, obj.y)
    c1, r1 = tilemap.tile_at_pixel(obj.x + max(obj.width - 1e-6, 0), obj.y + max(obj.height - 1e-6, 0))
    area = dist[max(r0, 0):r1 + 1, max(c0, 0):c1 + 1]
    return bool(area.size and (area < UNREACHABLE).any())


def _display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def check_levels(paths: Iterable[str | Path]) -> list[Problem]:
    problems: list[Problem] = []
    for path in paths:
        problems.extend(check_level(path))
    return problems
