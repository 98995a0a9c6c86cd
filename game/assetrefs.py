"""The sounds, music, sprites and portraits that the levels and the story name, and which have no file in assets/.

`python -m game check` reports each missing one as `file: where: sound 'x' does not exist (assets/sounds/x.wav)`.
A level names them in scripts (`sound NAME`), npc `sprite` properties, its `music` property and its
enemies' kinds (their sprite sheet and attack sounds); the story in its speakers' portraits, its cutscene
actors' sprites and its cutscenes' `sound` steps. Sound names go through the same aliases the game plays
them by.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from game.story.script import Story
from game.world.lint import Problem, display_path
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

FOLDERS = {  # kind -> (folder under assets/, the files a name needs)
    "sound": ("sounds", (".wav",)),
    "music": ("music", (".wav",)),
    "sprite": ("sprites", (".png", ".json")),
    "portrait": ("portraits", (".png",)),
}


@dataclass(frozen=True)
class AssetRef:
    kind: str  # a key of FOLDERS
    name: str
    source: str  # the file that names it
    where: str = ""  # the object, beat or speaker in that file
    loads: str = ""  # the file name the game loads for it, when another (a sound's alias)


def asset_files(ref: AssetRef, assets: Path) -> list[Path]:
    """The files the game loads for this name."""
    folder, suffixes = FOLDERS[ref.kind]
    return [assets / folder / f"{ref.loads or ref.name}{suffix}" for suffix in suffixes]


def missing_assets(refs: Iterable[AssetRef], assets: Path | None = None) -> list[Problem]:
    """One problem for each name whose files are not all there."""
    from game.paths import ASSETS

    base = assets or ASSETS
    problems = []
    for ref in refs:
        absent = [path for path in asset_files(ref, base) if not path.is_file()]
        if absent:
            files = ", ".join(display_path(path) for path in absent)
            problems.append(Problem(ref.source, ref.where, f"{ref.kind} '{ref.name}' does not exist ({files})"))
    return problems


def level_refs(tilemap: TileMap) -> list[AssetRef]:
    """What the level names: its music, npc sprites, enemies' sprites and attack sounds, script sounds."""
    from game.actors.enemies import KINDS
    from game.actors.objects import parse_script
    from game.modes.level.scene import SOUNDS  # the level scene plays the sim's sound names by these
    from game.sprites import dressed, map_dress

    source = display_path(tilemap.path)

    def sound(name: str, where: str) -> AssetRef:
        return AssetRef("sound", name, source, where, _played(SOUNDS.get(name, name)))

    refs = []
    if tilemap.properties.get("music"):
        refs.append(AssetRef("music", str(tilemap.properties["music"]), source, "map property 'music'"))
    for obj in tilemap.objects:
        props = obj.properties
        if obj.type == "npc":
            sprite = str(props.get("sprite", obj.name))  # `vehicle:NAME`: a vehicle of the vehicles sheet
            sprite = "vehicles" if sprite.startswith("vehicle:") else sprite
            refs.append(AssetRef("sprite", sprite, source, obj.label()))
        kind = KINDS.get(str(props.get("kind", ""))) if obj.type == "enemy" else None
        if kind is not None:
            refs.append(AssetRef("sprite", dressed(kind.sprite, map_dress(tilemap)), source, obj.label()))
            refs += [sound(a.sound, obj.label()) for a in kind.attacks if a.sound]
        commands, _ = parse_script(str(props.get("script", "")))  # a bad script is the lint's problem
        refs += [sound(c.args[0], obj.label()) for c in commands if c.name == "sound"]
    return _unique(refs)


def story_refs(story: Story) -> list[AssetRef]:
    """What the story names: speakers' portraits (and the moods its lines ask for), cutscene actors' sprites,
    each beat's costume, cutscenes' `sound` steps."""
    source = display_path(story.path)
    refs = [AssetRef("portrait", s.portrait, source, f"speaker '{s.id}'")
            for s in story.speakers.values() if s.portrait]
    for beat in story.beats:
        where = f"beat '{beat.id}'"
        refs += [AssetRef("sprite", actor.sprite, source, where) for actor in beat.actors]
        refs.append(AssetRef("sprite", beat.costume, source, f"{where} costume"))
        said = beat.lines + beat.outro + tuple(line for step in beat.script for line in step.lines)
        refs += [AssetRef("portrait", line.portrait, source, f"{where} ({line.speaker}, {line.mood})")
                 for line in said if line.portrait]
        names = [str(step.args.get("name")) for step in beat.script if step.op == "sound"]
        refs += [AssetRef("sound", name, source, where, _played(name)) for name in names]
    return _unique(refs)


def _played(name: str) -> str:
    """The sound file game.desktop.audio plays for a name."""
    from game.desktop.audio import ALIASES

    return ALIASES.get(name, name)


def _unique(refs: list[AssetRef]) -> list[AssetRef]:
    """The first mention of each name in each file (one problem per missing name and file)."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for ref in refs:
        if (ref.kind, ref.name, ref.source) not in seen:
            seen.add((ref.kind, ref.name, ref.source))
            out.append(ref)
    return out
