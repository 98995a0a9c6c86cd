"""Level lint: everything the game relies on, as `file: object N 'type' at (x,y): problem` lines.

The loader already refuses what cannot be played at all (bad XML, gids in no tileset, tiles outside
their image, unknown object types, property values that are not of their declared type). This module
adds the rules that need the whole map: the spawn stands on floor, exits and objectives can be reached
on foot, enemies and pickups are not inside walls, and triggers name beats
and dialogue the story knows. The story's ids are passed in (`StoryRefs`), so `world` never imports it.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np

from game.world.collision import overlaps_solid
from game.world.navigation import UNREACHABLE, distance_map
from game.world.tilemap import LevelError, MapObject, TileMap, load_tilemap

log = logging.getLogger(__name__)

SPAWN_BOX = (10.0, 6.0)  # the player's (and enemies') feet hitbox, centred on a point object
OBJECTIVES = ("exit", "trigger", "pickup", "door")  # what the player must be able to walk to


@dataclass(frozen=True)
class Problem:
    path: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.where}: {self.message}" if self.where else f"{self.path}: {self.message}"


@dataclass(frozen=True)
class StoryRefs:
    """What triggers may name: beat ids, and dialogue ids `beat.key` (None: not checked).

    A trigger's `dialogue` is `beat.key`, or just `key` for a line list of the trigger's own beat."""
    beats: frozenset[str] | None = None
    dialogue: frozenset[str] | None = None
    source: str = "levels/story.toml"


# Rules from outside `world` (the actors' object rules: waves, flags, scripts), passed in by the CLI.
ExtraRule = Callable[[TileMap], "list[tuple[MapObject | None, str]]"]


def check_level(path: str | Path, story: StoryRefs | None = None,
                extra: Sequence[ExtraRule] = ()) -> list[Problem]:
    try:
        tilemap = load_tilemap(path)
    except LevelError as exc:
        return [Problem(display_path(exc.path), "", exc.problem)]
    problems = check_tilemap(tilemap, story)
    where = display_path(tilemap.path)
    for rule in extra:
        problems.extend(Problem(where, obj.label() if obj is not None else "", message)
                        for obj, message in rule(tilemap))
    return problems


def check_tilemap(tilemap: TileMap, story: StoryRefs | None = None) -> list[Problem]:
    problems: list[Problem] = []
    path = display_path(tilemap.path)

    def report(obj: MapObject, message: str) -> None:
        problems.append(Problem(path, obj.label(), message))

    spawns = tilemap.objects_of("player_spawn")
    for extra in spawns[1:]:
        report(extra, "more than one player_spawn")
    spawn = spawns[0]
    if _outside(tilemap, spawn):
        report(spawn, "outside the map")
        return problems
    if _feet_in_wall(tilemap, spawn):
        report(spawn, "inside a wall")
        return problems  # nothing is reachable from inside a wall

    misplaced = set()
    for obj in tilemap.objects:
        if obj.type in ("enemy", "pickup", "door", "exit", "trigger") and _outside(tilemap, obj):
            report(obj, "outside the map")
        elif obj.type == "enemy" and _feet_in_wall(tilemap, obj):
            report(obj, "inside a wall")
        elif obj.type == "pickup" and _area_in_wall(tilemap, obj):
            report(obj, "inside a wall")
        else:
            continue
        misplaced.add(obj.id)

    dist = distance_map(~tilemap.solid, tilemap.tile_at_pixel(spawn.x, spawn.y - 1))
    for obj in tilemap.objects:
        if obj.type == "trigger" and not (obj.width > 0 and obj.height > 0):
            continue  # a trigger with no area fires on its conditions alone, wherever Danko is
        if obj.type in OBJECTIVES and obj.id not in misplaced and not _reachable(tilemap, dist, obj):
            report(obj, "not reachable on foot from the player spawn")

    if story is not None:
        for obj in tilemap.objects_of("trigger"):
            problems.extend(Problem(path, obj.label(), m) for m in _trigger_refs(obj, story))
    return problems


def _trigger_refs(obj: MapObject, story: StoryRefs) -> list[str]:
    out = []
    beat = obj.properties.get("beat", "")
    if story.beats is not None and beat and beat not in story.beats:
        out.append(f"beat '{beat}' does not exist in {story.source}")
    keys = [obj.properties.get("dialogue", "")]
    script = str(obj.properties.get("script", ""))
    keys += [words[1] for part in script.replace("\n", ";").split(";")
             if len(words := part.split()) == 2 and words[0] == "dialogue"]  # script: `dialogue KEY`
    for key in filter(None, keys):
        full = key if "." in key else f"{beat}.{key}"  # a line list of the trigger's own beat
        if story.dialogue is not None and full not in story.dialogue:
            out.append(f"dialogue '{full}' does not exist in {story.source}")
    return out


def _outside(tilemap: TileMap, obj: MapObject) -> bool:
    w, h = tilemap.pixel_size
    return not (0 <= obj.x < w and 0 <= obj.y <= h)


def _feet_in_wall(tilemap: TileMap, obj: MapObject) -> bool:
    """Point objects stand for an actor's feet; shapes with an area must not touch a wall at all."""
    if obj.width > 0 and obj.height > 0:
        return overlaps_solid(tilemap.solid, tilemap.tile_w, obj.x, obj.y, obj.width, obj.height)
    w, h = SPAWN_BOX
    return overlaps_solid(tilemap.solid, tilemap.tile_w, obj.x - w / 2, obj.y - h, w, h)


def _area_in_wall(tilemap: TileMap, obj: MapObject) -> bool:
    if obj.width > 0 and obj.height > 0:
        return overlaps_solid(tilemap.solid, tilemap.tile_w, obj.x, obj.y, obj.width, obj.height)
    c, r = tilemap.tile_at_pixel(obj.x, obj.y - 1e-6 if obj.y > 0 else obj.y)
    return bool(tilemap.solid[min(r, tilemap.height - 1), min(c, tilemap.width - 1)])


def _reachable(tilemap: TileMap, dist: np.ndarray, obj: MapObject) -> bool:
    """True when a walkable cell under the object's area (a door: beside it) is reached from the spawn."""
    c0, r0 = tilemap.tile_at_pixel(obj.x, obj.y - (1e-6 if obj.height == 0 else 0))
    c1, r1 = tilemap.tile_at_pixel(obj.x + max(obj.width - 1e-6, 0), obj.y + max(obj.height - 1e-6, 0))
    if obj.type == "door":  # a door sits in a wall: reaching it means standing next to it
        c0, r0, c1, r1 = c0 - 1, r0 - 1, c1 + 1, r1 + 1
    area = dist[max(r0, 0):r1 + 1, max(c0, 0):c1 + 1]
    return bool(area.size and (area < UNREACHABLE).any())


def display_path(path: str | Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def check_levels(paths: Iterable[str | Path], story: StoryRefs | None = None,
                 extra: Sequence[ExtraRule] = ()) -> list[Problem]:
    problems: list[Problem] = []
    for path in paths:
        problems.extend(check_level(path, story, extra))
    return problems
