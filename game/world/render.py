"""Tile map rendering with numpy gathers and cached chunk surfaces.

Static layers are composited once into large chunk surfaces (`tiles[gids]` reshaped into an image); a
frame blits the few chunks under the camera, the y-sorted sprites, then the layers marked `above`.
Animated tiles are stamped into the chunks that hold them: when an animation changes frame, the cells
whose shown tile changed get one batched blit into their chunk; a frame on which no animation changes
does no tile work at all. The renderer reads a `TileMap`, never pytmx.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from operator import attrgetter
from typing import Iterable, NamedTuple, Sequence

import numpy as np
import pygame

from game.world.tilemap import FLIP_D, FLIP_H, FLIP_V, GID_MASK, LevelError, TileLayer, TileMap

log = logging.getLogger(__name__)

CHUNK_PX = 1024
CACHE_BYTES = 64 << 20  # chunk cache per layer group: 16 chunks of 1024 px


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


def _stack_raws(layers: Sequence[TileLayer], rows: slice, cols: slice) -> np.ndarray:
    return np.stack([layer.gids[rows, cols].view(np.uint32) for layer in layers], axis=-1)


def composite(atlas: np.ndarray, layers: Sequence[TileLayer], rows: slice, cols: slice,
              background: tuple[int, int, int, int] | None = None) -> np.ndarray:
    """Source-over composite of `layers` in order for a block of cells; straight-alpha RGBA uint8."""
    if not layers:
        raise ValueError("nothing to composite")
    raws = _stack_raws(layers, rows, cols)
    h, w, depth = raws.shape
    stacks, inverse = unique_stacks(raws.reshape(-1, depth))
    tiles = composite_stacks(atlas, stacks, [layer.opacity for layer in layers], background)
    th, tw = atlas.shape[1:3]
    return tiles[inverse.reshape(h, w)].transpose(0, 2, 1, 3, 4).reshape(h * th, w * tw, 4)


def to_surface(pixels: np.ndarray) -> pygame.Surface:
    """RGBA array -> Surface, converted for fast blits when a display exists."""
    h, w = pixels.shape[:2]
    surf = pygame.image.frombuffer(np.ascontiguousarray(pixels).tobytes(), (w, h), "RGBA")
    if _display_ready():
        return surf.convert() if bool((pixels[..., 3] == 255).all()) else surf.convert_alpha()
    return surf.copy()


def _display_ready() -> bool:
    return pygame.display.get_init() and pygame.display.get_surface() is not None


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
    width, height = w * tw, h * th
    opaque = bool((tiles[..., 3] == 255).all())
    pad = 1 if (width + 1) * 4 % 16 else 2
    surf = pygame.Surface((width + pad, height), 0 if opaque else pygame.SRCALPHA, 32)
    display = pygame.display.get_surface() if _display_ready() else None
    if display is not None and opaque and surf.get_masks() != display.get_masks():
        surf = surf.convert()
    shifts, losses = surf.get_shifts(), surf.get_losses()
    packed = np.zeros(tiles.shape[:3], dtype=np.uint32)
    for channel in range(3 if opaque else 4):
        if losses[channel] < 8:
            packed |= (tiles[..., channel].astype(np.uint32) >> losses[channel]) << shifts[channel]
    if opaque and losses[3] < 8:  # a format with alpha bits but opaque content: set them
        packed |= np.uint32((0xFF >> losses[3]) << shifts[3])
    pixels = np.frombuffer(surf.get_view("0"), dtype=np.uint32).reshape(height, surf.get_pitch() // 4)
    for row in range(h):  # one band of tiles at a time stays in cache: 3x faster than one big gather
        band = pixels[row * th:(row + 1) * th, :width].reshape(th, w, tw)
        band[...] = packed[index[row]].transpose(1, 0, 2)
    del pixels, band  # releases the buffer view, which unlocks the surface for blitting
    return surf.subsurface((0, 0, width, height))


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
    raws = _stack_raws(layers, slice(None), slice(None))
    h, w, depth = raws.shape
    stacks, inverse = unique_stacks(raws.reshape(-1, depth))
    tiles = composite_stacks(atlas, stacks, [layer.opacity for layer in layers], tilemap.background)
    return tiles_surface(tiles, inverse.reshape(h, w))


class Sprite(NamedTuple):
    """A NamedTuple, not a frozen dataclass: a scene makes one per actor per frame, and this is 4x
    cheaper to create."""

    image: pygame.Surface
    x: int  # top-left on the map, whole pixels
    y: int
    sort_y: float  # usually the feet


class _LayerGroup:
    """One set of layers (below or above the actors): chunks plus animated cells.

    Chunks are composited on first use and kept in a least-recently-used cache of `max_bytes`, so
    memory and per-frame cost do not grow with the map. Animated cells are bucketed by chunk and drawn
    into the chunk itself; each chunk remembers the animation frames it shows, so only a change of
    frame costs work.
    """

    def __init__(self, tilemap: TileMap, atlas: np.ndarray, layers: list[TileLayer],
                 background: tuple[int, int, int, int] | None, chunk_px: int, max_bytes: int) -> None:
        self.tilemap = tilemap
        self.atlas = atlas
        self.layers = layers
        self.background = background
        self.chunk_tiles = max(1, chunk_px // tilemap.tile_w)
        self.chunk_px = self.chunk_tiles * tilemap.tile_w
        self.map_w, self.map_h = tilemap.pixel_size
        self.max_chunks = max(4, max_bytes // (4 * self.chunk_px * self.chunk_px))
        self._chunks: OrderedDict[tuple[int, int], pygame.Surface | None] = OrderedDict()
        self._cells: dict[bytes, pygame.Surface] = {}
        self._stack_ids: dict[bytes, int] = {}  # composited cell stacks, shared by all chunks
        self._stack_pixels = np.zeros((0, tilemap.tile_h, tilemap.tile_w, 4), dtype=np.uint8)
        self._anim: dict[tuple[int, int], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._stamped: dict[tuple[int, int], np.ndarray] = {}  # per chunk: the stacks its cells show
        self._anim_gids = np.array(sorted(tilemap.animations), dtype=np.uint32)
        self._lut = np.arange(atlas.shape[0], dtype=np.uint32)  # gid -> the gid shown now
        self._frames: tuple[int, ...] | None = None  # each animation's frame index in the lut
        self._frames_span = (0.0, 0.0)  # game-clock times between which `_frames` holds
        self._version = 0  # bumped whenever any animation changes frame
        self._stamp_version: dict[tuple[int, int], int] = {}  # per chunk: the version it shows
        anim_ids = self._anim_gids
        if layers and anim_ids.size:
            stack = _stack_raws(layers, slice(None), slice(None))  # (H, W, L)
            rows, cols = np.nonzero(np.isin(stack & GID_MASK, anim_ids).any(axis=-1))
            stacks = stack[rows, cols]
            keys = (rows // self.chunk_tiles) * (tilemap.width + 1) + cols // self.chunk_tiles
            for key in np.unique(keys):
                sel = keys == key
                cy, cx = divmod(int(key), tilemap.width + 1)
                self._anim[(cx, cy)] = (rows[sel], cols[sel], stacks[sel])

    def chunk(self, cx: int, cy: int) -> pygame.Surface | None:
        key = (cx, cy)
        try:
            self._chunks.move_to_end(key)
            return self._chunks[key]
        except KeyError:
            pass
        n = self.chunk_tiles
        rows = slice(cy * n, min((cy + 1) * n, self.tilemap.height))
        cols = slice(cx * n, min((cx + 1) * n, self.tilemap.width))
        raws = _stack_raws(self.layers, rows, cols)
        surface = None  # an empty chunk costs no blit
        if self.background is not None or raws.any():
            h, w, depth = raws.shape
            stacks, inverse = unique_stacks(raws.reshape(-1, depth))
            surface = tiles_surface(self._composited(stacks), inverse.reshape(h, w))
        self._chunks[key] = surface
        self._forget_stamps(key)  # a fresh chunk shows the base tiles, not the current frames
        while len(self._chunks) > self.max_chunks:
            self._forget_stamps(self._chunks.popitem(last=False)[0])
        return surface

    def _forget_stamps(self, key: tuple[int, int]) -> None:
        self._stamped.pop(key, None)
        self._stamp_version.pop(key, None)

    def _composited(self, stacks: np.ndarray) -> np.ndarray:
        """Composited pixels of each stack, computing only stacks no earlier chunk had."""
        ids = np.array([self._stack_ids.get(stack.tobytes(), -1) for stack in stacks], dtype=np.intp)
        new = np.flatnonzero(ids < 0)
        if new.size:
            fresh = composite_stacks(self.atlas, stacks[new], [layer.opacity for layer in self.layers],
                                     self.background)
            ids[new] = np.arange(len(self._stack_pixels), len(self._stack_pixels) + new.size)
            for i in new:
                self._stack_ids[stacks[i].tobytes()] = int(ids[i])
            self._stack_pixels = np.concatenate([self._stack_pixels, fresh])
        return self._stack_pixels[ids]

    def visible_chunks(self, cam_x: int, cam_y: int, view_w: int, view_h: int) -> list[tuple[int, int]]:
        size = self.chunk_px
        x0, y0 = max(0, cam_x // size), max(0, cam_y // size)
        x1 = min((cam_x + view_w - 1) // size, (self.map_w - 1) // size)
        y1 = min((cam_y + view_h - 1) // size, (self.map_h - 1) // size)
        return [(cx, cy) for cy in range(y0, y1 + 1) for cx in range(x0, x1 + 1)]

    def draw(self, surface: pygame.Surface, cam_x: int, cam_y: int, time_ms: float) -> None:
        if not self.layers:
            return
        view_w, view_h = surface.get_size()
        size = self.chunk_px
        visible = self.visible_chunks(cam_x, cam_y, view_w, view_h)
        # the cache must hold at least what one frame shows, or it would thrash
        self.max_chunks = max(self.max_chunks, 2 * len(visible))
        if self._anim:
            self._update_lut(time_ms)
        blits = []
        for key in visible:
            chunk = self.chunk(*key)
            if chunk is None:
                continue
            if key in self._anim:
                self._stamp(key, chunk)
            blits.append((chunk, (key[0] * size - cam_x, key[1] * size - cam_y)))
        if blits:
            surface.fblits(blits)

    def _update_lut(self, time_ms: float) -> None:
        """Point every animated gid at the frame it shows at `time_ms`."""
        if self._frames_span[0] <= time_ms < self._frames_span[1]:
            return  # no animation changes frame before the next boundary
        frames = tuple(anim.frame_at(time_ms) for anim in self.tilemap.animations.values())
        self._frames_span = (time_ms, time_ms + min(anim.until_next_frame(time_ms)
                                                    for anim in self.tilemap.animations.values()))
        if frames == self._frames:
            return
        self._frames = frames
        self._version += 1
        for (gid, anim), index in zip(self.tilemap.animations.items(), frames):
            self._lut[gid] = anim.frames[index][0]

    def _stamp(self, key: tuple[int, int], chunk: pygame.Surface) -> None:
        """Draw into `chunk` the animated cells whose shown tile differs from what it has now."""
        if self._stamp_version.get(key) == self._version:
            return
        self._stamp_version[key] = self._version
        rows, cols, stacks = self._anim[key]
        shown = (stacks & ~np.uint32(GID_MASK)) | self._lut[stacks & GID_MASK]
        before = self._stamped.get(key)
        changed = np.arange(len(shown)) if before is None else np.flatnonzero((shown != before).any(axis=1))
        if not changed.size:
            return
        self._stamped[key] = shown
        tw, th = self.tilemap.tile_w, self.tilemap.tile_h
        x0, y0 = key[0] * self.chunk_px, key[1] * self.chunk_px
        clear = bool(chunk.get_flags() & pygame.SRCALPHA)  # a cell's old frame must not show through
        blits = []
        for i in changed:
            stack = shown[i]
            cell_key = stack.tobytes()
            cell = self._cells.get(cell_key)
            if cell is None:
                cell = self._cells[cell_key] = self._cell_surface(stack)
            pos = (int(cols[i]) * tw - x0, int(rows[i]) * th - y0)
            if clear:
                chunk.fill((0, 0, 0, 0), (pos, (tw, th)))
            blits.append((cell, pos))
        chunk.fblits(blits)

    def _cell_surface(self, stack: np.ndarray) -> pygame.Surface:
        layers = [TileLayer(name=layer.name, gids=np.array([[v]], dtype=np.uint32).view(np.int32),
                            opacity=layer.opacity) for layer, v in zip(self.layers, stack)]
        return to_surface(composite(self.atlas, layers, slice(None), slice(None), self.background))


_SORT_Y = attrgetter("sort_y")


class MapRenderer:
    """Draws a TileMap through a camera: chunks below, y-sorted sprites, layers marked `above`."""

    def __init__(self, tilemap: TileMap, chunk_px: int = CHUNK_PX, max_bytes: int = CACHE_BYTES) -> None:
        self.tilemap = tilemap
        self.atlas = load_atlas(tilemap)
        visible = [layer for layer in tilemap.layers if layer.visible]
        self.below = _LayerGroup(tilemap, self.atlas, [l for l in visible if not l.above],
                                 tilemap.background, chunk_px, max_bytes)
        self.above = _LayerGroup(tilemap, self.atlas, [l for l in visible if l.above], None, chunk_px,
                                 max_bytes)

    def prepare(self, camera_xy: tuple[int, int], view_size: tuple[int, int]) -> None:
        """Composite the chunks a view at `camera_xy` shows now, so its first frame does no tile work."""
        for group in (self.below, self.above):
            if group.layers:
                for cx, cy in group.visible_chunks(*camera_xy, *view_size):
                    group.chunk(cx, cy)

    def draw(self, surface: pygame.Surface, camera_xy: tuple[int, int], time_ms: float,
             sprites: Iterable[Sprite] = ()) -> None:
        cam_x, cam_y = camera_xy
        self.below.draw(surface, cam_x, cam_y, time_ms)
        ordered = sorted(sprites, key=_SORT_Y)
        if ordered:
            surface.fblits([(s.image, (s.x - cam_x, s.y - cam_y)) for s in ordered])
        self.above.draw(surface, cam_x, cam_y, time_ms)
