"""Load a Tiled TMX level into numpy arrays and typed object records.

This is the only module that touches pytmx (for tile layers and tilesets). Everything else (renderer,
collision, game) reads the `TileMap` it returns. Loading needs no display: pytmx parses the XML and we
never ask it for images. Objects are read by `tmxobjects` (templates, class defaults from the project
file, typed properties); tile collision shapes drawn in Tiled's collision editor are rasterized here.
The XML is checked first by `tmxcheck`, whose `LevelError` every loader raises.
"""
from __future__ import annotations

import logging
import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from game.world.tiledproject import (
    EMPTY,
    ProjectError,
    PropertyTypes,
    find_project,
    load_project,
)
from game.world.tmxcheck import LevelError, TilesetXml, one_line, precheck
from game.world.tmxobjects import BadObject, MapObject, TemplateCache, parse_objects

log = logging.getLogger(__name__)

# Tiled stores flips in the top three bits of a gid.
FLIP_H = 1 << 31
FLIP_V = 1 << 30
FLIP_D = 1 << 29
GID_MASK = 0x1FFFFFFF

OBJECT_TYPES = frozenset(
    {"player_spawn", "enemy", "trigger", "exit", "pickup", "door", "camera_zone", "route", "marker",
     "hazard", "npc", "partner_spawn", "vehicle", "light", "weather", "cutoff"}
)
COLLISION_LAYER = "collision"


@dataclass(frozen=True)
class Tileset:
    name: str
    firstgid: int
    tilecount: int
    columns: int
    tile_w: int
    tile_h: int
    margin: int
    spacing: int
    image_path: Path
    image_w: int
    image_h: int


@dataclass(frozen=True)
class TileLayer:
    name: str
    gids: np.ndarray  # int32 (H, W): Tiled gids with flip flags in the top bits (read as uint32)
    visible: bool = True
    opacity: float = 1.0
    above: bool = False  # drawn over the actors (property `above` in Tiled)

    @property
    def ids(self) -> np.ndarray:
        """Gids without flip flags."""
        return self.gids.view(np.uint32) & GID_MASK


@dataclass(frozen=True)
class Animation:
    frames: tuple[tuple[int, int], ...]  # (tiled gid, duration ms)

    @property
    def period_ms(self) -> int:
        return sum(d for _, d in self.frames)

    def frame_at(self, time_ms: float) -> int:
        """Index of the frame shown at `time_ms` on the game clock."""
        t = int(time_ms) % max(1, self.period_ms)
        for i, (_, duration) in enumerate(self.frames):
            if t < duration:
                return i
            t -= duration
        return len(self.frames) - 1

    def until_next_frame(self, time_ms: float) -> float:
        """Milliseconds of game clock from `time_ms` until the shown frame next changes (at least 1)."""
        t = time_ms % max(1, self.period_ms)
        for _, duration in self.frames:
            if t < duration:
                return max(1.0, duration - t)
            t -= duration
        return 1.0


@dataclass(frozen=True)
class TileMap:
    path: Path
    width: int  # in tiles
    height: int
    tile_w: int
    tile_h: int
    tilesets: tuple[Tileset, ...]
    layers: tuple[TileLayer, ...]
    solid: np.ndarray  # bool (H, W)
    objects: tuple[MapObject, ...]
    tile_properties: dict[int, dict[str, Any]]  # by tiled gid (no flags)
    animations: dict[int, Animation]  # by tiled gid
    properties: dict[str, Any]
    background: tuple[int, int, int, int] | None = None
    tile_shapes: dict[int, np.ndarray] = field(default_factory=dict)  # gid -> bool (th, tw) pixel mask
    sources: tuple[Path, ...] = ()  # every file the map was read from (TMX, TSX, images, templates, project)
    project: Path | None = None

    @property
    def pixel_size(self) -> tuple[int, int]:
        return (self.width * self.tile_w, self.height * self.tile_h)

    def objects_of(self, kind: str) -> list[MapObject]:
        return [o for o in self.objects if o.type == kind]

    @property
    def player_spawn(self) -> MapObject:
        return self.objects_of("player_spawn")[0]

    @property
    def max_gid(self) -> int:
        return max((t.firstgid + t.tilecount - 1 for t in self.tilesets), default=0)

    def tile_at_pixel(self, x: float, y: float) -> tuple[int, int]:
        """(col, row) of the tile holding pixel (x, y)."""
        return (int(x // self.tile_w), int(y // self.tile_h))


def default_project() -> Path:
    from game.paths import LEVELS

    return LEVELS / "red-heat.tiled-project"


def load_tilemap(path: str | os.PathLike, project: str | os.PathLike | None = None) -> TileMap:
    """Parse `path` into a TileMap, or raise LevelError naming the file and the problem.

    `project` is the Tiled project whose property types apply; by default the nearest
    `*.tiled-project` above the map, else the game's own `levels/red-heat.tiled-project`.
    """
    path = Path(path)
    sources: list[Path] = [path.resolve()]
    try:
        root, tileset_nodes = precheck(path, sources)
        project_path = Path(project) if project is not None else find_project(path.resolve(),
                                                                                default_project())
        types = _project_types(project_path)
        if project_path is not None:
            sources.append(project_path.resolve())
        # Our own readings first: they name the file and the problem better than pytmx would.
        shapes = _tile_shapes(tileset_nodes, int(root.get("tilewidth")), int(root.get("tileheight")))
        tmx = _parse_tiles(path, root)
        return _build(path, root, tmx, shapes, types, project_path, sources)
    except LevelError:
        raise
    except BadObject as exc:
        raise LevelError(exc.path, exc.problem) from exc
    except RecursionError as exc:
        raise LevelError(path, "cannot parse: nested too deeply") from exc
    except Exception as exc:  # last resort: a level designer never sees a traceback
        log.debug("unexpected error loading %s", path, exc_info=True)
        raise LevelError(path, f"cannot load ({type(exc).__name__}): {one_line(exc)}") from exc


def _project_types(project_path: Path | None) -> PropertyTypes:
    if project_path is None:
        return EMPTY
    try:
        return load_project(project_path)
    except ProjectError as exc:
        raise LevelError(project_path, str(exc)) from exc


def _parse_tiles(path: Path, root: ET.Element) -> Any:
    """pytmx reads tilesets and tile layers only: object layers are ours (see tmxobjects)."""
    import pytmx

    from game.world.layerdata import decode_cells, register_cells, stand_in

    bare = ET.Element(root.tag, root.attrib)
    for child in root:
        if child.tag not in ("objectgroup", "group", "imagelayer"):
            bare.append(child)
        elif child.tag == "group":
            bare.extend(_tile_layers_in(child))
    read: list[np.ndarray | None] = []  # each tile layer's cells, read in bulk (None: pytmx reads them)
    for i, child in enumerate(bare):
        if child.tag == "layer":
            read.append(decode_cells(child))
            if read[-1] is not None:
                bare[i] = stand_in(child)
    try:
        tmx = pytmx.TiledMap()
        tmx.filename = str(path)
        tmx.parse_xml(bare)
        for layer, raw in zip(_tile_layers(tmx), read):
            if raw is not None:
                layer.data = register_cells(tmx, raw)
    except Exception as exc:  # pytmx raises bare Exceptions; fold them into one message
        raise LevelError(path, f"cannot parse: {one_line(exc)}") from exc
    return tmx


def _tile_layers_in(group: ET.Element) -> list[ET.Element]:
    """Tile layers inside (nested) groups, flattened in drawing order."""
    out: list[ET.Element] = []
    for child in group:
        if child.tag == "layer":
            out.append(child)
        elif child.tag == "group":
            out.extend(_tile_layers_in(child))
    return out


def _build(path: Path, root: ET.Element, tmx: Any, shapes: dict[int, np.ndarray], types: PropertyTypes,
           project_path: Path | None, sources: list[Path]) -> TileMap:
    if tmx.tilewidth <= 0 or tmx.tileheight <= 0 or tmx.width <= 0 or tmx.height <= 0:
        raise LevelError(path, "map size and tile size must be positive")
    tilesets = tuple(_tileset(path, tmx, ts) for ts in tmx.tilesets)
    _check_tileset_overlap(path, tilesets)
    # pytmx renumbers (gid, flags) pairs; this table maps its numbers back to raw Tiled gids.
    raw_of = np.zeros(max(tmx.maxgid, 1), dtype=np.uint32)
    for (tiled_gid, flags), entry in tmx.imagemap.items():
        if not tiled_gid:
            continue  # pytmx's placeholder for the empty cell
        gid = entry[0]
        raw = tiled_gid
        if flags:
            raw |= (FLIP_H if flags.flipped_horizontally else 0)
            raw |= (FLIP_V if flags.flipped_vertically else 0)
            raw |= (FLIP_D if flags.flipped_diagonally else 0)
        raw_of[gid] = raw

    tile_props, animations = _tile_data(tmx, raw_of)
    valid = _valid_gids(tilesets)
    layers: list[TileLayer] = []
    collision: np.ndarray | None = None
    for layer in _tile_layers(tmx):
        data = np.asarray(layer.data, dtype=np.int64)
        if data.shape != (tmx.height, tmx.width):
            raise LevelError(path, f"layer '{layer.name}' is {data.shape[1] if data.ndim > 1 else '?'}x"
                             f"{data.shape[0]}, map is {tmx.width}x{tmx.height}")
        gids = raw_of[data].view(np.int32)
        ids = gids.view(np.uint32) & GID_MASK
        bad = (ids >= valid.size) | ~valid[np.minimum(ids, valid.size - 1)]
        if bad.any():
            r, c = np.argwhere(bad)[0]
            raise LevelError(path, f"layer '{layer.name}' tile ({c},{r}) uses gid {int(ids[r, c])}, "
                             "which is in no tileset")
        props = getattr(layer, "properties", {}) or {}
        if layer.name == COLLISION_LAYER:
            collision = ids != 0
            continue
        layers.append(TileLayer(
            name=layer.name, gids=np.ascontiguousarray(gids), visible=bool(layer.visible),
            opacity=float(getattr(layer, "opacity", 1.0) or 0.0), above=_truthy(props.get("above", False)),
        ))
    _check_tiles_in_images(path, tilesets, layers)

    solid = np.zeros((tmx.height, tmx.width), dtype=bool)
    solid_lut = np.zeros(valid.size, dtype=bool)
    for gid, p in tile_props.items():
        if gid < solid_lut.size and _truthy(p.get("solid", False)):
            solid_lut[gid] = True
    for gid, mask in shapes.items():
        if gid < solid_lut.size and mask.any():
            solid_lut[gid] = True  # a shape from Tiled's collision editor blocks its whole cell
    for layer in layers:
        solid |= solid_lut[layer.ids]
    if collision is not None:
        solid |= collision

    templates = TemplateCache(on_read=sources.append)
    objects = tuple(parse_objects(path, root, types, OBJECT_TYPES, templates))
    if not any(o.type == "player_spawn" for o in objects):
        raise LevelError(path, "no 'player_spawn' object; add one in an object layer")
    return TileMap(
        path=path, width=tmx.width, height=tmx.height, tile_w=tmx.tilewidth, tile_h=tmx.tileheight,
        tilesets=tilesets, layers=tuple(layers), solid=solid, objects=objects,
        tile_properties=tile_props, animations=animations,
        properties=dict(getattr(tmx, "properties", {}) or {}),
        background=_color(root.get("backgroundcolor")), tile_shapes=shapes,
        sources=tuple(dict.fromkeys(sources)), project=project_path,
    )


def _tile_layers(tmx: Any) -> list[Any]:
    import pytmx

    return [layer for layer in tmx.layers if isinstance(layer, pytmx.TiledTileLayer)]


def _tileset(path: Path, tmx: Any, ts: Any) -> Tileset:
    if ts.tilewidth != tmx.tilewidth or ts.tileheight != tmx.tileheight:
        raise LevelError(path, f"tileset '{ts.name}' has {ts.tilewidth}x{ts.tileheight} tiles, "
                         f"the map {tmx.tilewidth}x{tmx.tileheight}")
    columns = int(ts.columns or 0) or max(1, (ts.width - 2 * ts.margin + ts.spacing)
                                         // (ts.tilewidth + ts.spacing))
    tilecount = int(ts.tilecount or 0) or columns * max(
        1, (ts.height - 2 * ts.margin + ts.spacing) // (ts.tileheight + ts.spacing))
    return Tileset(
        name=ts.name or "", firstgid=int(ts.firstgid), tilecount=tilecount, columns=columns,
        tile_w=int(ts.tilewidth), tile_h=int(ts.tileheight), margin=int(ts.margin or 0),
        spacing=int(ts.spacing or 0), image_path=(path.parent / ts.source).resolve(),
        image_w=int(ts.width), image_h=int(ts.height),
    )


def _check_tileset_overlap(path: Path, tilesets: tuple[Tileset, ...]) -> None:
    ordered = sorted(tilesets, key=lambda t: t.firstgid)
    for a, b in zip(ordered, ordered[1:]):
        if a.firstgid + a.tilecount > b.firstgid:
            raise LevelError(path, f"tilesets '{a.name}' and '{b.name}' overlap (firstgid {b.firstgid} "
                             f"is inside '{a.name}', which has {a.tilecount} tiles)")
    if ordered and ordered[-1].firstgid + ordered[-1].tilecount > GID_MASK:
        raise LevelError(path, "tileset gids exceed Tiled's limit")


def _used_ids(layers: list[TileLayer]) -> np.ndarray:
    """Sorted distinct tile ids of all layers (a counting pass: several times quicker than a sort)."""
    if not layers:
        return np.zeros(0, dtype=np.uint32)
    top = max(int(layer.ids.max()) for layer in layers)
    if top >= 1 << 20:
        return np.unique(np.concatenate([layer.ids.ravel() for layer in layers]))
    seen = np.zeros(top + 1, dtype=bool)
    for layer in layers:
        seen[layer.ids] = True
    return np.flatnonzero(seen).astype(np.uint32)


def _check_tiles_in_images(path: Path, tilesets: tuple[Tileset, ...], layers: list[TileLayer]) -> None:
    """A tile id inside the tileset's count but outside its image would draw as nothing."""
    used = _used_ids(layers)
    for ts in tilesets:
        rows = max(0, (ts.image_h - 2 * ts.margin + ts.spacing) // (ts.tile_h + ts.spacing))
        cols = max(0, (ts.image_w - 2 * ts.margin + ts.spacing) // (ts.tile_w + ts.spacing))
        capacity = min(rows * min(cols, ts.columns), ts.tilecount)
        if ts.columns > cols:
            capacity = rows * cols  # columns claims more than the image holds
        hit = used[(used >= ts.firstgid + capacity) & (used < ts.firstgid + ts.tilecount)]
        if hit.size:
            raise LevelError(path, f"tile {int(hit[0]) - ts.firstgid} of tileset '{ts.name}' (gid {int(hit[0])}) "
                             f"lies outside its {ts.image_w}x{ts.image_h} image")


def _valid_gids(tilesets: tuple[Tileset, ...]) -> np.ndarray:
    top = max((t.firstgid + t.tilecount for t in tilesets), default=1)
    valid = np.zeros(top, dtype=bool)
    valid[0] = True  # empty cell
    for t in tilesets:
        valid[t.firstgid:t.firstgid + t.tilecount] = True
    return valid


def _tile_data(tmx: Any, raw_of: np.ndarray) -> tuple[dict[int, dict[str, Any]], dict[int, Animation]]:
    props: dict[int, dict[str, Any]] = {}
    animations: dict[int, Animation] = {}
    for gid, p in tmx.tile_properties.items():
        tiled_gid = int(raw_of[gid]) & GID_MASK if gid < raw_of.size else 0
        if not tiled_gid or tiled_gid in props:
            continue
        clean = {k: v for k, v in p.items()
                 if k not in ("frames", "colliders", "id", "width", "height", "source", "trans")}
        props[tiled_gid] = clean
        frames = p.get("frames") or []
        if frames:
            animations[tiled_gid] = Animation(tuple(
                (int(raw_of[f.gid]) & GID_MASK, max(1, int(f.duration))) for f in frames))
    return props, animations


def _tile_shapes(tilesets: list[TilesetXml], tile_w: int, tile_h: int) -> dict[int, np.ndarray]:
    """Collision shapes per tile as pixel masks: a pixel is covered when its centre is inside a shape."""
    from game.world.tileshapes import rasterize

    out: dict[int, np.ndarray] = {}
    for ts in tilesets:
        for tile in ts.node.findall("tile"):
            group = tile.find("objectgroup")
            if group is None:
                continue
            try:
                tile_id = int(tile.get("id", ""))
            except ValueError:
                raise LevelError(ts.path, f"tile id {tile.get('id')!r} is not a number") from None
            try:
                out[ts.firstgid + tile_id] = rasterize(group.findall("object"), tile_w, tile_h)
            except ValueError as exc:
                raise LevelError(ts.path, f"tile {tile_id}: collision shape: {exc}") from None
    return out


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)


def _color(text: str | None) -> tuple[int, int, int, int] | None:
    """Tiled colours are #RRGGBB or #AARRGGBB."""
    if not text:
        return None
    h = text.lstrip("#")
    try:
        if len(h) == 6:
            return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), 255)
        if len(h) == 8:
            return (int(h[2:4], 16), int(h[4:6], 16), int(h[6:8], 16), int(h[0:2], 16))
    except ValueError:
        pass
    return None
