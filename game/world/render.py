"""Tile map rendering with numpy gathers and cached chunk surfaces.

Static layers are composited once into large chunk surfaces (`tiles[gids]` reshaped into an image); a
frame blits the few chunks under the camera, the y-sorted sprites, then the layers marked `above`.
Animated tiles are the only per-frame tile work: each visible animated cell gets one small blit of its
composited stack, cached by the gids it shows. The renderer reads a `TileMap`, never pytmx.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
import pygame

from game.world.tilemap import FLIP_D, FLIP_H, FLIP_V, GID_MASK, TileLayer, TileMap

log = logging.getLogger(__name__)

CHUNK_PX = 1024


def load_atlas(tilemap: TileMap) -> np.ndarray:
    """All tiles of all tilesets as RGBA, indexed by Tiled gid: uint8 (max_gid + 1, th, tw, 4)."""
    th, tw = tilemap.tile_h, tilemap.tile_w
    atlas = np.zeros((tilemap.max_gid + 1, th, tw, 4), dtype=np.uint8)
    for ts in tilemap.tilesets:
        image = pygame.image.load(str(ts.image_path))
        w, h = image.get_size()
        pixels = np.frombuffer(pygame.image.tobytes(image, "RGBA"), dtype=np.uint8).reshape(h, w, 4)
        for i in range(ts.tilecount):
            row, col = divmod(i, ts.columns)
            y = ts.margin + row * (th + ts.spacing)
            x = ts.margin + col * (tw + ts.spacing)
            if y + th <= h and x + tw <= w:
                atlas[ts.firstgid + i] = pixels[y:y + th, x:x + tw]
    return atlas


def gather(atlas: np.ndarray, raw: np.ndarray) -> np.ndarray:
    """RGBA image (h*th, w*tw, 4) of a block of raw gids (flip flags honoured as Tiled does)."""
    raw = raw.view(np.uint32)
    uniq, inverse = np.unique(raw, return_inverse=True)
    variants = atlas[uniq & GID_MASK]
    for i, value in enumerate(uniq):
        if value > GID_MASK:
            variants[i] = flip_tile(variants[i], int(value))
    h, w = raw.shape
    th, tw = atlas.shape[1:3]
    tiles = variants[inverse.reshape(h, w)]
    return tiles.transpose(0, 2, 1, 3, 4).reshape(h * th, w * tw, 4)


def flip_tile(tile: np.ndarray, raw: int) -> np.ndarray:
    """Tiled applies the diagonal flip (x/y swap) first, then horizontal, then vertical."""
    if raw & FLIP_D:
        tile = tile.transpose(1, 0, 2)
    if raw & FLIP_H:
        tile = tile[:, ::-1]
    if raw & FLIP_V:
        tile = tile[::-1]
    return tile


def composite(atlas: np.ndarray, layers: Sequence[TileLayer], rows: slice, cols: slice,
              background: tuple[int, int, int, int] | None = None) -> np.ndarray:
    """Source-over composite of `layers` in order for a block of cells; straight-alpha RGBA uint8."""
    out_rgb: np.ndarray | None = None
    out_a: np.ndarray | None = None
    if background is not None:
        h, w = layers[0].gids[rows, cols].shape
        shape = (h * atlas.shape[1], w * atlas.shape[2], 1)
        out_a = np.full(shape, background[3] / 255.0, dtype=np.float32)
        out_rgb = np.asarray(background[:3], dtype=np.float32) / 255.0 * out_a
    for layer in layers:
        img = gather(atlas, layer.gids[rows, cols]).astype(np.float32) / 255.0
        a = img[..., 3:4] * layer.opacity
        if out_rgb is None:
            out_rgb, out_a = img[..., :3] * a, a
        else:
            out_rgb = img[..., :3] * a + out_rgb * (1.0 - a)
            out_a = a + out_a * (1.0 - a)
    if out_rgb is None:
        raise ValueError("nothing to composite")
    safe = np.where(out_a > 0, out_a, 1.0)
    rgb = out_rgb / safe
    result = np.concatenate([rgb, out_a], axis=2)
    return np.clip(np.rint(result * 255.0), 0, 255).astype(np.uint8)


def to_surface(pixels: np.ndarray) -> pygame.Surface:
    """RGBA array -> Surface, converted for fast blits when a display exists."""
    h, w = pixels.shape[:2]
    surf = pygame.image.frombuffer(np.ascontiguousarray(pixels).tobytes(), (w, h), "RGBA")
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        return surf.convert() if bool((pixels[..., 3] == 255).all()) else surf.convert_alpha()
    return surf.copy()


def render_full_map(tilemap: TileMap, atlas: np.ndarray | None = None) -> pygame.Surface:
    """The whole map's visible tile layers in file order (what `python -m game render` writes)."""
    atlas = load_atlas(tilemap) if atlas is None else atlas
    layers = [layer for layer in tilemap.layers if layer.visible]
    if not layers:
        w, h = tilemap.pixel_size
        return pygame.Surface((w, h), pygame.SRCALPHA)
    return to_surface(composite(atlas, layers, slice(None), slice(None), tilemap.background))


@dataclass(frozen=True)
class Sprite:
    image: pygame.Surface
    x: int  # top-left on the map, whole pixels
    y: int
    sort_y: float  # usually the feet


class _LayerGroup:
    """One set of layers (below or above the actors): chunks plus animated cells."""

    def __init__(self, tilemap: TileMap, atlas: np.ndarray, layers: list[TileLayer],
                 background: tuple[int, int, int, int] | None, chunk_px: int) -> None:
        self.tilemap = tilemap
        self.atlas = atlas
        self.layers = layers
        self.background = background
        self.chunk_tiles = max(1, chunk_px // tilemap.tile_w)
        self.chunk_px = self.chunk_tiles * tilemap.tile_w
        self._chunks: dict[tuple[int, int], pygame.Surface | None] = {}
        self._cells: dict[tuple[int, ...], pygame.Surface] = {}
        anim_ids = np.array(sorted(tilemap.animations), dtype=np.uint32)
        if layers and anim_ids.size:
            stack = np.stack([layer.gids.view(np.uint32) for layer in layers], axis=-1)  # (H, W, L)
            animated = np.isin(stack & GID_MASK, anim_ids).any(axis=-1)
            self.anim_rows, self.anim_cols = np.nonzero(animated)
            self.anim_stacks = stack[self.anim_rows, self.anim_cols]  # (N, L)
        else:
            self.anim_rows = self.anim_cols = np.zeros(0, dtype=np.intp)
            self.anim_stacks = np.zeros((0, len(layers)), dtype=np.uint32)

    def chunk(self, cx: int, cy: int) -> pygame.Surface | None:
        key = (cx, cy)
        if key not in self._chunks:
            n = self.chunk_tiles
            rows = slice(cy * n, min((cy + 1) * n, self.tilemap.height))
            cols = slice(cx * n, min((cx + 1) * n, self.tilemap.width))
            if any(layer.gids[rows, cols].any() for layer in self.layers) or self.background:
                pixels = composite(self.atlas, self.layers, rows, cols, self.background)
                self._chunks[key] = to_surface(pixels)
            else:
                self._chunks[key] = None  # an empty chunk costs no blit
        return self._chunks[key]

    def draw(self, surface: pygame.Surface, cam_x: int, cam_y: int, time_ms: float) -> None:
        if not self.layers:
            return
        view_w, view_h = surface.get_size()
        size = self.chunk_px
        blits = []
        for cy in range(max(0, cam_y // size), (cam_y + view_h - 1) // size + 1):
            for cx in range(max(0, cam_x // size), (cam_x + view_w - 1) // size + 1):
                if cx * size >= self.tilemap.pixel_size[0] or cy * size >= self.tilemap.pixel_size[1]:
                    continue
                chunk = self.chunk(cx, cy)
                if chunk is not None:
                    blits.append((chunk, (cx * size - cam_x, cy * size - cam_y)))
        if self.anim_rows.size:
            blits.extend(self._animated_cells(cam_x, cam_y, view_w, view_h, time_ms))
        if blits:
            surface.fblits(blits)

    def _animated_cells(self, cam_x: int, cam_y: int, view_w: int, view_h: int,
                        time_ms: float) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        tw, th = self.tilemap.tile_w, self.tilemap.tile_h
        visible = ((self.anim_cols * tw > cam_x - tw) & (self.anim_cols * tw < cam_x + view_w)
                   & (self.anim_rows * th > cam_y - th) & (self.anim_rows * th < cam_y + view_h))
        if not visible.any():
            return []
        lut = np.arange(self.atlas.shape[0], dtype=np.uint32)
        for gid, anim in self.tilemap.animations.items():
            lut[gid] = anim.frames[anim.frame_at(time_ms)][0]
        stacks = self.anim_stacks[visible]
        shown = (stacks & ~np.uint32(GID_MASK)) | lut[stacks & GID_MASK]
        out = []
        for (row, col), stack in zip(zip(self.anim_rows[visible], self.anim_cols[visible]), shown):
            key = tuple(int(v) for v in stack)
            cell = self._cells.get(key)
            if cell is None:
                cell = self._cells[key] = self._cell_surface(stack)
            out.append((cell, (int(col) * tw - cam_x, int(row) * th - cam_y)))
        return out

    def _cell_surface(self, stack: np.ndarray) -> pygame.Surface:
        layers = [TileLayer(name=layer.name, gids=np.array([[v]], dtype=np.uint32).view(np.int32),
                            opacity=layer.opacity) for layer, v in zip(self.layers, stack)]
        return to_surface(composite(self.atlas, layers, slice(None), slice(None), self.background))


class MapRenderer:
    """Draws a TileMap through a camera: chunks below, y-sorted sprites, layers marked `above`."""

    def __init__(self, tilemap: TileMap, chunk_px: int = CHUNK_PX) -> None:
        self.tilemap = tilemap
        self.atlas = load_atlas(tilemap)
        visible = [layer for layer in tilemap.layers if layer.visible]
        self.below = _LayerGroup(tilemap, self.atlas, [l for l in visible if not l.above],
                                 tilemap.background, chunk_px)
        self.above = _LayerGroup(tilemap, self.atlas, [l for l in visible if l.above], None, chunk_px)

    def draw(self, surface: pygame.Surface, camera_xy: tuple[int, int], time_ms: float,
             sprites: Iterable[Sprite] = ()) -> None:
        cam_x, cam_y = camera_xy
        self.below.draw(surface, cam_x, cam_y, time_ms)
        ordered = sorted(sprites, key=lambda s: s.sort_y)
        if ordered:
            surface.fblits([(s.image, (s.x - cam_x, s.y - cam_y)) for s in ordered])
        self.above.draw(surface, cam_x, cam_y, time_ms)
