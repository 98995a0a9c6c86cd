"""Load the generated sprites (assets/sprites, assets/portraits, assets/logo.png) as pygame surfaces.

Characters: `load_character(name)` -> CharacterSprites; `frames(anim, facing)` gives the frames of an
animation (anims idle, walk (4 frames), punch, kick, hurt, down, shoot; facings down, left, right, up).
A character frame is 16x24 (a heavy's 24x32) with the feet on the bottom row, centred: draw it at
(feet_x - width // 2, feet_y - height). Effects and vehicles are lists of frames; vehicles point up (north), frame 0
is intact and the last frame is the wreck. Loading needs no display; results are cached.
"""
from __future__ import annotations

import functools
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame

from game.paths import ASSETS

log = logging.getLogger(__name__)

CHARACTERS = ("danko", "danko_towel", "danko_suit", "ridzik", "rostavili", "thug_brawler", "thug_knife",
              "thug_gunman", "thug_heavy", "cat", "nurse", "locksmith", "ogarkov", "gallagher", "commander",
              "colonel", "informant", "thug_brawler_bath", "thug_knife_bath", "thug_gunman_bath",
              "thug_heavy_bath")  # one assets/src/chars/NAME.txt each
def map_dress(tilemap: Any) -> str:
    """The thugs' dress in a level: its map property `dress` (the bathhouse's is `bath`), or ""."""
    return str(tilemap.properties.get("dress", "")).strip()


def dressed(sprite: str, dress: str) -> str:
    """An enemy's sheet in a level's dress: thug_knife in `bath` is thug_knife_bath. The thugs only:
    Rostavili keeps his suit."""
    return f"{sprite}_{dress}" if dress and sprite.startswith("thug_") else sprite


ANIMS = ("idle", "walk", "punch", "kick", "hurt", "down", "shoot")
FACINGS = ("down", "left", "right", "up")


# Other names callers use for the same vehicles (the chase scene asks for these).
VEHICLE_ALIASES = {"bus": "bus_a", "bus_rostavili": "bus_b", "car1": "sedan", "car2": "wagon", "car3": "taxi",
                   "car4": "police", "train": "locomotive"}


class SpriteError(Exception):
    """A sprite is missing or malformed; the message names the file."""


@dataclass(frozen=True)
class CharacterSprites:
    name: str
    frame_size: tuple[int, int]
    anims: dict[tuple[str, str], tuple[pygame.Surface, ...]]

    def frames(self, anim: str, facing: str) -> tuple[pygame.Surface, ...]:
        return self.anims[(anim, facing)]

    def frame(self, anim: str, facing: str, time_ms: float, frame_ms: int = 140) -> pygame.Surface:
        """The frame of `anim` shown at `time_ms` on the game clock (looping)."""
        frames = self.anims[(anim, facing)]
        return frames[int(time_ms // frame_ms) % len(frames)]

    def __getitem__(self, key: tuple[str, str]) -> tuple[pygame.Surface, ...]:
        return self.anims[key]


def _image(path: Path) -> pygame.Surface:
    if not path.is_file():
        raise SpriteError(f"{path}: missing; run `python -m game assets`")
    try:
        return pygame.image.load(str(path))
    except pygame.error as exc:
        raise SpriteError(f"{path}: cannot read image: {exc}") from exc


def _json(path: Path) -> dict:
    if not path.is_file():
        raise SpriteError(f"{path}: missing; run `python -m game assets`")
    try:
        return json.loads(path.read_text("utf-8"))
    except ValueError as exc:
        raise SpriteError(f"{path}: malformed JSON: {exc}") from exc


def _cut(sheet: pygame.Surface, rects: list[list[int]]) -> tuple[pygame.Surface, ...]:
    return tuple(sheet.subsurface(pygame.Rect(*r)).copy() for r in rects)


@functools.lru_cache(maxsize=None)
def load_character(name: str, folder: Path | None = None) -> CharacterSprites:
    base = Path(folder or ASSETS) / "sprites"
    sheet, meta = _image(base / f"{name}.png"), _json(base / f"{name}.json")
    anims = {(anim, facing): _cut(sheet, rects)
             for anim, by_facing in meta["anims"].items() for facing, rects in by_facing.items()}
    return CharacterSprites(name, tuple(meta["frame"]), anims)


@functools.lru_cache(maxsize=None)
def load_portrait(name: str, folder: Path | None = None) -> pygame.Surface:
    """The 48x48 dialogue portrait of a speaking character."""
    return _image(Path(folder or ASSETS) / "portraits" / f"{name}.png")


def portrait_names(folder: Path | None = None) -> list[str]:
    return sorted(p.stem for p in (Path(folder or ASSETS) / "portraits").glob("*.png"))


@functools.lru_cache(maxsize=None)
def _strips(kind: str, folder: Path | None) -> dict[str, tuple[pygame.Surface, ...]]:
    base = Path(folder or ASSETS) / "sprites"
    sheet, index = _image(base / f"{kind}.png"), _json(base / f"{kind}.json")
    return {name: _cut(sheet, rects) for name, rects in index.items()}


def load_effect(name: str, folder: Path | None = None) -> tuple[pygame.Surface, ...]:
    """Frames of an effect: hit_spark, muzzle_flash (points right), steam_puff, dust, explosion."""
    strips = _strips("effects", folder)
    if name not in strips:
        raise SpriteError(f"unknown effect '{name}' (have: {', '.join(sorted(strips))})")
    return strips[name]


def load_vehicle(name: str, folder: Path | None = None) -> tuple[pygame.Surface, ...]:
    """Frames of a vehicle seen from above, pointing up: [0] intact ... [-1] wreck. Names: bus_a,
    bus_b, sedan, wagon, taxi, police, locomotive, train_car (and the VEHICLE_ALIASES)."""
    strips = _strips("vehicles", folder)
    name = VEHICLE_ALIASES.get(name, name)
    if name not in strips:
        raise SpriteError(f"unknown vehicle '{name}' (have: {', '.join(sorted(strips))})")
    return strips[name]


def effect_names(folder: Path | None = None) -> list[str]:
    return sorted(_strips("effects", folder))


def vehicle_names(folder: Path | None = None) -> list[str]:
    return sorted(_strips("vehicles", folder))


@functools.lru_cache(maxsize=None)
def load_title_backdrop(folder: Path | None = None) -> pygame.Surface:
    """The title screen's 320x180 backdrop: Red Square at dawn."""
    return _image(Path(folder or ASSETS) / "title.png")


@functools.lru_cache(maxsize=None)
def load_logo(folder: Path | None = None) -> pygame.Surface:
    """The "RED HEAT" title logo (R flipped, A without its bar), transparent background."""
    return _image(Path(folder or ASSETS) / "logo.png")
