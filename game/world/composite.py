"""Tile compositing with numpy: tileset atlases, cell stacks composited source-over, surfaces gathered from them.

The renderer (game.world.render) builds its chunks from these, and `render_full_map` draws a whole map the
way `python -m game render` writes it; both give the same pixels as Tiled (tests/world/test_tiled_agreement.py).
"""
from __future__ import annotations

import logging
from typing import Sequence

import numpy as np
import pygame

from game.world.hugepages import advise
from game.world.surfaces import display_ready
from game.world.tilemap import FLIP_D, FLIP_H, FLIP_V, GID_MASK, LevelError, TileLayer, TileMap

log = logging.getLogger(__name__)


def load_atlas(tilemap: TileMap) -> np.ndarray:
    """All tiles of all tilesets as RGBA, indexed by Tiled gid: uint8 (max_gid + 1, th, tw, 4)."""
    th, tw = tilemap.tile_h, tilemap.tile_w
    atlas = np.zeros((tilemap.max_gid + 1, th, tw, 4), dtype=np.uint8)
    for ts in tilemap.tilesets:
        try:
            image = pygame.image.load(str(ts.image_path))
        except (pygame.error, OSError) as exc:  # changed on disk since the map was loaded
            raise LevelError(ts.image_path, f"cannot read the tileset image: {exc}") from None
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


def unique_stacks(raws: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct rows of `raws` (N, L) uint32 and, for each row, the index of its distinct row.

    Each layer's values are first renumbered densely so a whole stack fits one int64 key: one 1-D
    `np.unique` instead of the much slower row-wise `np.unique(axis=0)`.
    """
    n, depth = raws.shape
    key = np.zeros(n, dtype=np.int64)
    radix = 1
    for layer in range(depth):
        values, codes = np.unique(raws[:, layer], return_inverse=True)
        radix *= len(values)
        if radix >= 1 << 62:  # too many distinct combinations for one key: take the slow path
            stacks, inverse = np.unique(raws, axis=0, return_inverse=True)
            return stacks, inverse.reshape(-1)
        key = key * len(values) + codes.reshape(-1)
    _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    return raws[first], inverse.reshape(-1)


def composite_stacks(atlas: np.ndarray, stacks: np.ndarray, opacities: Sequence[float],
                     background: tuple[int, int, int, int] | None = None) -> np.ndarray:
    """Source-over composite of each cell stack (U, L raw gids, bottom first): uint8 (U, th, tw, 4).

    Compositing is per pixel, so doing it once per distinct stack and gathering the results gives the
    same image as compositing every cell, for a fraction of the work (a map repeats its stacks).
    """
    out_rgb: np.ndarray | None = None
    out_a: np.ndarray | None = None
    count, th, tw = len(stacks), atlas.shape[1], atlas.shape[2]
    if background is not None:
        out_a = np.full((count, th, tw, 1), background[3] / 255.0, dtype=np.float32)
        out_rgb = np.asarray(background[:3], dtype=np.float32) / 255.0 * out_a
    for layer, opacity in enumerate(opacities):
        img = gather(atlas, stacks[:, layer:layer + 1]).reshape(count, th, tw, 4)
        img = img.astype(np.float32) / 255.0
        a = img[..., 3:4] * opacity
        if out_rgb is None or out_a is None:
            out_rgb, out_a = img[..., :3] * a, a
        else:
            out_rgb = img[..., :3] * a + out_rgb * (1.0 - a)
            out_a = a + out_a * (1.0 - a)
    if out_rgb is None or out_a is None:
        raise ValueError("nothing to composite")
    safe = np.where(out_a > 0, out_a, 1.0)
    rgb = out_rgb / safe
    result = np.concatenate([rgb, out_a], axis=-1)
    return np.clip(np.rint(result * 255.0), 0, 255).astype(np.uint8)


def stack_raws(layers: Sequence[TileLayer], rows: slice, cols: slice) -> np.ndarray:
    return np.stack([layer.gids[rows, cols].view(np.uint32) for layer in layers], axis=-1)


def composite(atlas: np.ndarray, layers: Sequence[TileLayer], rows: slice, cols: slice,
              background: tuple[int, int, int, int] | None = None) -> np.ndarray:
    """Source-over composite of `layers` in order for a block of cells; straight-alpha RGBA uint8."""
    if not layers:
        raise ValueError("nothing to composite")
    raws = stack_raws(layers, rows, cols)
    h, w, depth = raws.shape
    stacks, inverse = unique_stacks(raws.reshape(-1, depth))
    tiles = composite_stacks(atlas, stacks, [layer.opacity for layer in layers], background)
    th, tw = atlas.shape[1:3]
    return tiles[inverse.reshape(h, w)].transpose(0, 2, 1, 3, 4).reshape(h * th, w * tw, 4)


def to_surface(pixels: np.ndarray) -> pygame.Surface:
    """RGBA array -> Surface, converted for fast blits when a display exists."""
    h, w = pixels.shape[:2]
    surf = pygame.image.frombuffer(np.ascontiguousarray(pixels).tobytes(), (w, h), "RGBA")
    if display_ready():
        return surf.convert() if bool((pixels[..., 3] == 255).all()) else surf.convert_alpha()
    return surf.copy()


def tiles_surface(tiles: np.ndarray, index: np.ndarray) -> pygame.Surface:
    """A surface showing `tiles[index]` (tiles: uint8 (U, th, tw, 4) RGBA; index: (h, w) into tiles).

    Packs each distinct tile once into the surface's own pixel format and gathers straight into the
    surface's memory: no intermediate RGBA image and no conversion pass. Opaque blocks get the display
    format (no alpha), others per-pixel alpha. The row pitch is padded off a multiple of 16 bytes:
    SDL's aligned copy path uses non-temporal stores that turn slow on partial cache lines (measured:
    up to 5x slower at some camera offsets), while its unaligned path is steady.
    """
    h, w = index.shape
    th, tw = tiles.shape[1:3]
    opaque = bool((tiles[..., 3] == 255).all())
    surf = padded_surface(w * tw, h * th, opaque)
    gather_into(surf, pack_tiles(surf, tiles, opaque), index, 0, 0)
    return surf.subsurface((0, 0, w * tw, h * th))


def padded_surface(width: int, height: int, opaque: bool) -> pygame.Surface:
    """An empty surface for `tiles_surface`, its row pitch padded (see there); opaque ones in the
    display's format when there is a display."""
    surf = pygame.Surface((padded_width(width), height), 0 if opaque else pygame.SRCALPHA, 32)
    display = pygame.display.get_surface() if display_ready() else None
    if display is not None and opaque and surf.get_masks() != display.get_masks():
        surf = surf.convert()
    advise(surf)  # a large one on 2 MB pages (game.world.hugepages): fewer TLB misses a frame
    return surf


STREAM_BYTES = 2 << 20  # see `laid_out`: below this, SDL's padded-pitch copy is as fast or faster


def laid_out(chunk: pygame.Surface, whole_rows: bool) -> pygame.Surface:
    """A map's only chunk, its rows laid out for a view that shows them whole from the first column
    (`whole_rows`: a view at least as wide as the map) or not. When it is opaque and large
    (`STREAM_BYTES`), a whole-row view gets an unpadded copy, which SDL copies with its aligned streaming
    stores (cat_trap at 1280x720: 0.41 -> 0.28 ms a frame); a narrower view gets the padded rows back
    (the padding is for a camera at any column, see `tiles_surface`: unpadded, a 320x180 view took 12 ->
    17 us). The same pixels either way; `chunk` itself when it is laid out so already."""
    w, h = chunk.get_size()
    flat = whole_rows and not chunk.get_flags() & pygame.SRCALPHA and 4 * w * h >= STREAM_BYTES
    if flat == (chunk.get_parent() is None):
        return chunk
    if flat:
        return chunk.copy()  # its pitch is 4 * w, a multiple of 64 bytes for tiles of 16 px
    padded = padded_surface(w, h, True)
    padded.blit(chunk, (0, 0))
    return padded.subsurface((0, 0, w, h))


def padded_width(width: int) -> int:
    """The width of `padded_surface(width, ...)`: its pitch one or two pixels off a 16-byte multiple."""
    return width + (1 if (width + 1) * 4 % 16 else 2)


def pack_tiles(surf: pygame.Surface, tiles: np.ndarray, opaque: bool) -> np.ndarray:
    """uint32 (U, th, tw): RGBA tiles packed into `surf`'s pixel format."""
    shifts, losses = surf.get_shifts(), surf.get_losses()
    packed = np.zeros(tiles.shape[:3], dtype=np.uint32)
    for channel in range(3 if opaque else 4):
        if losses[channel] < 8:
            packed |= (tiles[..., channel].astype(np.uint32) >> losses[channel]) << shifts[channel]
    if opaque and losses[3] < 8:  # a format with alpha bits but opaque content: set them
        packed |= np.uint32((0xFF >> losses[3]) << shifts[3])
    return packed


def gather_into(surf: pygame.Surface, packed: np.ndarray, index: np.ndarray, row0: int, col0: int) -> None:
    """Write `packed[index]` (index: (h, w) into packed tiles) into `surf` at cell (row0, col0)."""
    h, w = index.shape
    th, tw = packed.shape[1:3]
    x0 = col0 * tw
    pixels = np.frombuffer(surf.get_view("0"), dtype=np.uint32).reshape(surf.get_height(), surf.get_pitch() // 4)
    band = None
    for row in range(h):  # one band of tiles at a time stays in cache: 3x faster than one big gather
        y = (row0 + row) * th
        band = pixels[y:y + th, x0:x0 + w * tw].reshape(th, w, tw)
        band[...] = packed[index[row]].transpose(1, 0, 2)
    del pixels, band  # releases the buffer view, which unlocks the surface for blitting


def render_full_map(tilemap: TileMap, atlas: np.ndarray | None = None) -> pygame.Surface:
    """The whole map's visible tile layers in file order (what `python -m game render` writes).

    The composited cell stacks are gathered straight into the surface's memory, so the peak is about
    one surface, 4 bytes a pixel (1 GiB at the loader's largest map, `game.limits.RENDER_MAX_PIXELS`),
    not the three copies an intermediate RGBA image and its conversion would take."""
    atlas = load_atlas(tilemap) if atlas is None else atlas
    layers = [layer for layer in tilemap.layers if layer.visible]
    if not layers:
        w, h = tilemap.pixel_size
        return pygame.Surface((w, h), pygame.SRCALPHA)
    raws = stack_raws(layers, slice(None), slice(None))
    h, w, depth = raws.shape
    stacks, inverse = unique_stacks(raws.reshape(-1, depth))
    tiles = composite_stacks(atlas, stacks, [layer.opacity for layer in layers], tilemap.background)
    return tiles_surface(tiles, inverse.reshape(h, w))
