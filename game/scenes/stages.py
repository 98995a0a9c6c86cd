"""Cutscene stages: small rooms and streets composed from the game's tilesets by tile name.

A stage is 32x12 tiles: a wall (rows 0-2) and a floor where the actors stand (rows 3-11; the dialogue
box covers the bottom rows). Layouts name tiles by their `name` property (assets/tiles/README.md), so
they survive the art being regenerated; a missing tileset or tile name falls back to a flat colour.
"""
from __future__ import annotations

import functools
import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pygame

from game import TILE

log = logging.getLogger(__name__)

STAGE_W, STAGE_H = 32, 12  # tiles


@dataclass(frozen=True)
class Layout:
    tileset: str
    floor: tuple[str, ...]  # the main floor tile, then rarer variants
    wall_top: str
    wall: str
    wall_every: tuple[tuple[str, int, int], ...] = ()  # (tile, every N columns, offset) on the wall rows
    bands: tuple[tuple[str, int], ...] = ()  # (tile, row) across the whole width
    props: tuple[tuple[str, int, int], ...] = ()  # (tile, x, y)
    repeat: tuple[tuple[str, int, int, int], ...] = ()  # (tile, row, every N columns, offset)
    ground: tuple[str, ...] = ()  # tiles the props were drawn on: their pixels are cut out of a prop


HOTEL_GROUND = ("carpet", "carpet_worn")  # the hotel tileset draws its furniture on carpet


LAYOUTS: dict[str, Layout] = {
    "bathhouse": Layout("bathhouse", ("floor", "floor_wet", "floor_cracked"), "wall_top", "wall_tiled",
                        wall_every=(("window_snow", 6, 2),),
                        props=(("column", 2, 3), ("column", 20, 3), ("bench_left", 6, 3), ("bench_mid", 7, 3),
                               ("bench_right", 8, 3), ("steam_vent", 14, 6), ("drain", 11, 8)),
                        repeat=(("locker", 2, 1, 24),)),
    "snow": Layout("bathhouse", ("snow", "snow_b"), "wall_top", "wall", wall_every=(("window_snow", 5, 2),),
                   bands=(("snow_edge", 3),), props=(("door", 12, 2),)),
    "office": Layout("hotel", ("carpet", "carpet_worn"), "wall_top", "wall",
                     wall_every=(("window_b", 7, 3),),
                     props=(("desk", 9, 3), ("desk", 10, 3), ("chair", 9, 4), ("plant", 3, 3), ("plant", 16, 3)),
                     ground=HOTEL_GROUND),
    "precinct": Layout("hotel", ("lobby_floor",), "wall_top", "wall",
                       wall_every=(("window_b", 6, 2),),
                       props=(("desk", 4, 3), ("desk", 13, 3), ("chair", 13, 4), ("exit_sign", 1, 2),
                              ("plant", 18, 3), ("table", 10, 6)), ground=HOTEL_GROUND),
    "street": Layout("streets", ("asphalt", "asphalt_b", "asphalt_oil"), "roof_edge_s", "building_wall",
                     bands=(("sidewalk", 3), ("curb_s", 4), ("lane_dash_h", 9)),
                     repeat=(("streetlight", 3, 8, 2), ("hydrant", 3, 11, 7))),
    "hospital": Layout("hotel", ("bath_floor",), "wall_top", "wall",
                       wall_every=(("window_b", 8, 4),),
                       props=(("bed_head", 13, 3), ("bed_foot", 13, 4), ("nightstand", 14, 3),
                              ("bed_head", 19, 3), ("bed_foot", 19, 4), ("plant", 2, 3)), ground=HOTEL_GROUND),
    "hotel": Layout("hotel", ("carpet", "carpet_worn"), "wall_top", "wall",
                    wall_every=(("door", 6, 3),), bands=(("runner_h", 5),), props=(("plant", 1, 3),),
                    ground=HOTEL_GROUND),
    "locksmith": Layout("locksmith", ("floor", "floor_b"), "wall_top", "wall",
                        wall_every=(("key_board", 5, 1), ("key_board_b", 5, 2)),
                        props=(("counter_left", 12, 5), ("counter", 13, 5), ("counter", 14, 5),
                               ("register", 15, 5), ("counter_right", 16, 5), ("shelves", 20, 3),
                               ("workbench", 4, 3), ("workbench_vise", 5, 3), ("grinder", 6, 3))),
    "terminal": Layout("streets", ("terminal_floor",), "roof_edge_s", "building_wall",
                       repeat=(("lockers", 2, 1, 0), ("bench", 6, 4, 2))),
    "airport": Layout("hotel", ("lobby_floor",), "wall_top", "window",
                      wall_every=(("wall", 4, 0),),
                      props=(("plant", 3, 3), ("chair", 14, 3), ("chair", 15, 3), ("chair", 16, 3),
                             ("exit_sign", 24, 2), ("plant", 27, 3)), ground=HOTEL_GROUND),
}


@functools.lru_cache(maxsize=8)
def tileset_tiles(name: str, folder: Path | None = None) -> dict[str, pygame.Surface]:
    """Tile name -> 16x16 surface for `assets/tiles/<name>.tsx`; empty when it cannot be read."""
    from game.paths import ASSETS

    tsx = (folder or ASSETS / "tiles") / f"{name}.tsx"
    try:
        root = ET.parse(tsx).getroot()
        image = pygame.image.load(str(tsx.parent / root.find("image").get("source")))  # type: ignore[union-attr]
    except (OSError, ET.ParseError, AttributeError, pygame.error) as exc:
        log.warning("%s: cannot read tileset for a cutscene stage: %s", tsx, exc)
        return {}
    columns = int(root.get("columns", "1"))
    tiles: dict[str, pygame.Surface] = {}
    for tile in root.findall("tile"):
        prop = tile.find("properties/property[@name='name']")
        if prop is None:
            continue
        row, col = divmod(int(tile.get("id", "0")), columns)
        rect = pygame.Rect(col * TILE, row * TILE, TILE, TILE)
        if image.get_rect().contains(rect):
            tiles[prop.get("value", "")] = image.subsurface(rect).copy()
    return tiles


def paint_tiles(layout: Layout) -> pygame.Surface | None:
    """The stage composed from its tileset, or None when the tileset is unavailable."""
    tiles = tileset_tiles(layout.tileset)
    if not tiles or layout.floor[0] not in tiles:
        return None
    s = pygame.Surface((STAGE_W * TILE, STAGE_H * TILE))

    def put(name: str, x: int, y: int) -> None:
        tile = tiles.get(name)
        if tile is not None:
            s.blit(tile, (x * TILE, y * TILE))
        else:
            log.debug("stage %s: no tile named %r", layout.tileset, name)

    variants = [n for n in layout.floor if n in tiles]
    for y in range(3, STAGE_H):
        for x in range(STAGE_W):
            # A fixed scatter of variants so floors are not flat; no randomness.
            pick = 0 if len(variants) == 1 or (x * 7 + y * 13) % 9 else 1 + (x + y) % (len(variants) - 1)
            put(variants[pick], x, y)
    for x in range(STAGE_W):
        put(layout.wall_top, x, 0)
        put(layout.wall, x, 1)
        put(layout.wall, x, 2)
        for name, every, offset in layout.wall_every:
            if x % every == offset % every:
                put(name, x, 1)
                put(name, x, 2) if name.startswith(("door", "key_board", "window")) else None
        for name, row in layout.bands:
            put(name, x, row)
        for name, row, every, offset in layout.repeat:
            if x % every == offset % every:
                put(name, x, row)
    grounds = [tiles[n] for n in layout.ground if n in tiles]
    for name, x, y in layout.props:
        if name in tiles and grounds:
            s.blit(cut_out(tiles[name], grounds), (x * TILE, y * TILE))
        else:
            put(name, x, y)
    return s


def cut_out(prop: pygame.Surface, grounds: list[pygame.Surface]) -> pygame.Surface:
    """The prop with every pixel that equals a ground tile's pixel at the same place made transparent,
    so a chair drawn on carpet stands on a wooden floor without a square of carpet under it."""
    import numpy as np

    out = pygame.Surface(prop.get_size(), pygame.SRCALPHA)
    out.blit(prop, (0, 0))
    rgb = pygame.surfarray.array3d(out)
    ground = np.zeros(rgb.shape[:2], dtype=bool)
    for tile in grounds:
        ground |= (rgb == pygame.surfarray.array3d(tile)).all(axis=-1)
    alpha = pygame.surfarray.pixels_alpha(out)
    alpha[ground] = 0
    del alpha  # unlock the surface
    return out
