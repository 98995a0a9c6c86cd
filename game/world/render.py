"""Tile map rendering from cached chunk surfaces: a frame is a blit or two, animated tiles are stamped in.

Static layers are composited into chunks (game.world.composite); a frame blits the chunks under the camera,
the y-sorted sprites, then the layers marked `above`. A map that fits `PREBUILD_BYTES` is one chunk, built
with the renderer; a larger one is cut into `CHUNK_PX` chunks, the spawn's built up front, the ring around
the view one a frame ahead of the camera. The layers over the actors (mostly empty) are cut into
`ABOVE_CHUNK_PX` chunks and drawn as few merged parts, baked under the actors where they can be
(game.world.overlay). Animated tiles are stamped into their chunks with one batched blit when an animation
changes frame (game.world.animcells). A frame inside the box of camera positions and game-clock times
what it blits holds for (game.world.viewbox) is its blits and nothing else. Reads a `TileMap`, never pytmx.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from operator import attrgetter
from typing import Any, Iterable, Iterator, NamedTuple

import numpy as np
import pygame

from game.world.animcells import AnimatedCells
from game.world.chunkbuild import Spares, Stacks, chunk_pieces
from game.world.composite import (  # noqa: F401  (render_full_map, flip_tile, unique_stacks: public names)
    flip_tile,
    laid_out,
    load_atlas,
    render_full_map,
    unique_stacks,
)
from game.world.light import Lighting, lighting_of
from game.world.overlay import PIECE_COST, bake, cheap_steps, covered, drawn_part
from game.world.tilemap import TileLayer, TileMap
from game.world.viewbox import FAR, PartIndex, clamp, meet, same_range
from game.world.window import Window

log = logging.getLogger(__name__)

CHUNK_PX = 512  # chunk side on a map too large to be one chunk
ABOVE_CHUNK_PX = 128  # chunk side of the layers drawn over the actors (mostly empty: see MapRenderer)
SPARSE_PARTS = 64  # a see-through layer group drawn in at most this many parts skips the chunk bookkeeping
PREBUILD_BYTES = 32 << 20  # a map whose layer group fits this is one chunk, built at load
CACHE_BYTES = 64 << 20  # chunk cache per layer group
SPAWN_VIEW = (320, 180)  # the view prebuilt around the spawn of a large map (plus one chunk around)
Key = tuple[int, int]
INF = float("inf")
_NO_BOX = (1, 1, 0, 0, INF, -INF, None)  # holds for no camera position, time or target


class Sprite(NamedTuple):
    """A NamedTuple, not a frozen dataclass: a scene makes one per actor per frame (4x cheaper to create)."""

    image: pygame.Surface
    x: int  # top-left on the map, whole pixels
    y: int
    sort_y: float  # usually the feet


class _LayerGroup:
    """One set of layers (below or above the actors): chunks plus animated cells.

    Chunks live in a least-recently-used cache of `max_bytes` (the spawn's chunks are never evicted), so
    memory and per-frame cost do not grow with the map. The chunks a view shows are worked out when the
    view crosses a chunk edge or an animation changes frame, not every frame. Animated cells are grouped
    per chunk by their cell stack, so stamping costs Python per distinct stack that changed, not per cell.
    """

    lighting: Lighting | None = None  # the map's light (game.world.light), baked into each chunk built

    def __init__(self, tilemap: TileMap, atlas: np.ndarray, layers: list[TileLayer],
                 background: tuple[int, int, int, int] | None, chunk_px: int | None, max_bytes: int) -> None:
        self.tilemap = tilemap
        self.atlas = atlas
        self.layers = layers
        self.background = background
        self.map_w, self.map_h = tilemap.pixel_size
        whole = chunk_px is None and 4 * self.map_w * self.map_h <= min(PREBUILD_BYTES, max_bytes)
        if whole:  # one chunk: a frame is one blit at any camera position
            self.chunk_cols, self.chunk_rows = tilemap.width, tilemap.height
        else:
            side = CHUNK_PX if chunk_px is None else chunk_px
            self.chunk_cols = self.chunk_rows = max(1, side // tilemap.tile_w)
        self.chunk_w, self.chunk_h = self.chunk_cols * tilemap.tile_w, self.chunk_rows * tilemap.tile_h
        self.last_cx, self.last_cy = (self.map_w - 1) // self.chunk_w, (self.map_h - 1) // self.chunk_h
        self.max_chunks = max(4, max_bytes // (4 * self.chunk_w * self.chunk_h))
        self.builds = 0  # chunks built so far (tests count them per frame)
        self._chunks: OrderedDict[Key, pygame.Surface | None] = OrderedDict()
        self._pinned: set[Key] = set()
        self._stacks = Stacks(atlas, layers, background)  # composited cell stacks, shared by all chunks
        self.spares = Spares()  # surfaces a hot reload hands over from the renderer it replaces
        self._view: tuple[Any, ...] | None = None  # chunk range, map edge side and view size of `_visible`
        self._shown_version = -1  # the animation version `_visible`'s chunks were stamped for
        self._cuts: PartIndex | None = None  # see `_sparse_view`
        self._box: tuple[Any, ...] = _NO_BOX  # the camera positions `_visible` holds for (see `draw`)
        self._one: tuple[pygame.Surface, int, int] | None = None  # `_visible`'s only chunk, if one
        self._parts: dict[Key, tuple[pygame.Surface | None, int, int] | None] = {}  # see `_part`
        self._sparse: list[tuple[pygame.Surface, int, int, int, int]] | None = None  # see `sparse_steps`
        self._sparse_checked = False
        self._visible: list[tuple[pygame.Surface, int, int]] = []  # what a frame blits, and where
        self._on_screen: list[tuple[Key, pygame.Surface]] = []  # the chunks in it that hold animated cells
        self._ahead: list[Key] = []  # chunks to build ahead of the camera, one a frame
        self._anim = AnimatedCells(tilemap, atlas, layers, background, self.chunk_cols, self.chunk_rows)

    # --- chunks ----------------------------------------------------------------------------------

    def all_chunks(self) -> list[Key]:
        return [(cx, cy) for cy in range(self.last_cy + 1) for cx in range(self.last_cx + 1)] if self.layers else []

    def chunk(self, cx: int, cy: int) -> pygame.Surface | None:
        if (cx, cy) not in self._chunks:
            return self.build_chunk((cx, cy))
        self._chunks.move_to_end((cx, cy))
        return self._chunks[(cx, cy)]

    def build_chunk(self, key: Key) -> pygame.Surface | None:
        """Composite chunk `key` (the base tiles, animated cells at their first frame) into the cache."""
        for _ in self.build_pieces(key, 0):
            pass
        return self._chunks[key]

    def build_pieces(self, key: Key, cells: int) -> Iterator[int]:
        """Build chunk `key` as `build_chunk` does, in pieces of at most `cells` cells of work (0: one
        piece of each kind); yields each piece's cost before doing it (game.world.chunkbuild)."""
        cx, cy = key
        r0, c0 = cy * self.chunk_rows, cx * self.chunk_cols
        block = (r0, c0, min(self.chunk_rows, self.tilemap.height - r0), min(self.chunk_cols, self.tilemap.width - c0))
        surface = yield from chunk_pieces(self._stacks, self.layers, self.lighting, self.spares, block,
                                          (cx * self.chunk_w, cy * self.chunk_h), cells)
        self.builds += 1
        self._chunks[key] = surface
        self._chunks.move_to_end(key)
        self._anim.forget(key)  # a fresh chunk shows the base tiles, not the current frames
        self._parts.pop(key, None)
        self._view, self._box = None, _NO_BOX
        self._sparse, self._sparse_checked, self._cuts = None, False, None
        while len(self._chunks) > self.max_chunks:
            oldest = next((k for k in self._chunks if k not in self._pinned and k != key), None)
            if oldest is None:
                break
            del self._chunks[oldest]
            self._anim.forget(oldest)
            self._parts.pop(oldest, None)

    def visible_chunks(self, cam_x: int, cam_y: int, view_w: int, view_h: int, margin: int = 0) -> list[Key]:
        """The chunks a view shows, widened by `margin` chunks, on the map."""
        x0, y0 = max(0, cam_x // self.chunk_w - margin), max(0, cam_y // self.chunk_h - margin)
        x1 = min((cam_x + view_w - 1) // self.chunk_w + margin, self.last_cx)
        y1 = min((cam_y + view_h - 1) // self.chunk_h + margin, self.last_cy)
        return [(cx, cy) for cy in range(y0, y1 + 1) for cx in range(x0, x1 + 1)]

    def prebuild_keys(self) -> list[Key]:
        """The chunks built at load: every chunk of a map that fits the prebuild budget, else the spawn's
        view and one chunk around it (pinned in the cache for good: a respawn shows them again)."""
        if not self.layers:
            return []
        keys = self.all_chunks()
        if len(keys) * 4 * self.chunk_w * self.chunk_h <= PREBUILD_BYTES and len(keys) <= self.max_chunks:
            pass  # the whole map
        else:
            spawn = self.tilemap.player_spawn
            cam = (int(spawn.x) - SPAWN_VIEW[0] // 2, int(spawn.y) - SPAWN_VIEW[1] // 2)
            keys = self.visible_chunks(*cam, *SPAWN_VIEW, margin=1)
        self._pinned = set(keys[:max(0, self.max_chunks // 2)])
        return keys

    # --- a frame ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface, cam_x: int, cam_y: int, time_ms: float) -> None:
        """The group's part of a frame: while the camera, the game clock and the target stay inside the
        box `_refresh` worked out last (the common frame), one blit of what it found and no other work."""
        self.settle(surface, cam_x, cam_y, time_ms)
        self.blit(surface, cam_x, cam_y)

    def settle(self, surface: pygame.Surface, cam_x: int, cam_y: int, time_ms: float) -> None:
        """What a frame at (cam_x, cam_y, time_ms) blits (`_visible`, `_one`), worked out again only if
        it left the box."""
        x_lo, y_lo, x_hi, y_hi, t_lo, t_hi, target = self._box
        if not (x_lo <= cam_x <= x_hi and y_lo <= cam_y <= y_hi) or surface is not target:
            cuts = self._cuts
            if cuts is not None and surface is target and t_lo <= time_ms < t_hi:  # a move among sparse parts
                self._visible, box = cuts.find(cam_x, cam_y)
                self._box = box + self._box[4:]
                self._one = self._visible[0] if len(self._visible) == 1 else None
            else:
                self._refresh(surface, cam_x, cam_y, time_ms)
        elif not t_lo <= time_ms < t_hi:
            self._tick(time_ms)

    def blit(self, surface: pygame.Surface, cam_x: int, cam_y: int) -> None:
        one = self._one
        if one is not None:  # fblits even for one chunk: it skips the Rect that blit makes and returns
            surface.fblits(((one[0], (one[1] - cam_x, one[2] - cam_y)),))
        elif self._visible:
            surface.fblits([(chunk, (x - cam_x, y - cam_y)) for chunk, x, y in self._visible])

    def _tick(self, time_ms: float) -> None:
        """Only the clock reached an animation's next frame: the frames now, restamped where they show."""
        anim = self._anim
        anim.update(time_ms)
        self._restamp()
        self._box = (*self._box[:4], *anim.span, self._box[6])

    def _restamp(self) -> None:
        """The current animation frames into the chunks the view shows (in sparse parts: into every
        chunk), when an animation moved on since they were stamped."""
        anim = self._anim
        if self._shown_version == anim.version:
            return
        self._shown_version = anim.version
        if self._sparse is not None:
            for key in anim.cells:
                self._stamp(key, self._chunks[key])
        else:
            for key, chunk in self._on_screen:
                self._stamp(key, chunk)

    def _refresh(self, surface: pygame.Surface, cam_x: int, cam_y: int, time_ms: float) -> None:
        """The camera left the box or the target is another surface: the animation frames now, what the
        view shows (restamped where a frame moved on), and the box of camera positions and times that
        holds for, with the target (a surface keeps its size; the display's may not across `set_mode`, so
        it is never kept: a frame drawn straight to it refreshes)."""
        anim = self._anim
        if anim.cells and not anim.span[0] <= time_ms < anim.span[1]:
            anim.update(time_ms)
        size = surface.get_size()
        if not self.layers:
            self._box, self._visible, self._one = (-FAR, -FAR, FAR, FAR, -INF, INF, surface), [], None
            return
        if self._sparse is None and not self._sparse_checked:
            for _ in self.sparse_steps():
                pass
        if self._sparse is not None:
            box = self._sparse_view(cam_x, cam_y, size)
        else:
            box = self._chunk_view(cam_x, cam_y, size)
        t_lo, t_hi = anim.span if anim.cells else (-INF, INF)
        if self._ahead and len(self._chunks) < self.max_chunks:
            self._build_ahead()
            if self._ahead:
                box = (1, 1, 0, 0)  # one chunk a frame: come back next frame
        target = None if surface is pygame.display.get_surface() else surface
        self._box = (*box, t_lo, t_hi, target)
        self._one = self._visible[0] if len(self._visible) == 1 else None

    def _chunk_view(self, cam_x: int, cam_y: int, size: tuple[int, int]) -> tuple[int, int, int, int]:
        """`_visible` from the chunks a view at (cam_x, cam_y) shows (only restamped when they are the
        same); returns the box of camera positions with the same chunks on the same side of the map's
        right edge (x_lo, y_lo, x_hi, y_hi)."""
        view_w, view_h = size
        w, h = self.chunk_w, self.chunk_h
        x0, x1 = clamp(cam_x // w, self.last_cx), clamp((cam_x + view_w - 1) // w, self.last_cx)
        y0, y1 = clamp(cam_y // h, self.last_cy), clamp((cam_y + view_h - 1) // h, self.last_cy)
        beyond = cam_x + view_w > self.map_w
        view = (x0, y0, x1, y1, beyond, size)
        if view != self._view:
            self._show(cam_x, cam_y, view_w, view_h)
            self._view, self._shown_version = view, self._anim.version
        self._restamp()
        x_lo, x_hi = same_range(cam_x, view_w, w, self.last_cx)
        if beyond:
            x_lo = max(x_lo, self.map_w - view_w + 1)
        else:
            x_hi = min(x_hi, self.map_w - view_w)
        y_lo, y_hi = same_range(cam_y, view_h, h, self.last_cy)
        return x_lo, y_lo, x_hi, y_hi

    def _sparse_view(self, cam_x: int, cam_y: int, size: tuple[int, int]) -> tuple[int, int, int, int]:
        """`_visible` from the sparse parts a view at (cam_x, cam_y) overlaps (game.world.viewbox.PartIndex);
        returns the box of camera positions that overlap the same parts."""
        assert self._sparse is not None
        self._restamp()
        if self._cuts is None or self._cuts.size != size:
            self._cuts = PartIndex(self._sparse, size)
        self._visible, box = self._cuts.find(cam_x, cam_y)
        return box

    def _show(self, cam_x: int, cam_y: int, view_w: int, view_h: int) -> None:
        """The chunks a view shows, built (the ones the camera outran) and stamped with the current
        animation frames; the ring around them queued to be built ahead."""
        keys = self.visible_chunks(cam_x, cam_y, view_w, view_h)
        # the cache must hold at least what one frame shows, or it would thrash
        self.max_chunks = max(self.max_chunks, 2 * len(keys))
        shown = {}
        animated = self._anim.cells
        for key in keys:
            chunk = self.chunk(*key)
            if chunk is not None:
                if key == (0, 0) and self.last_cx == self.last_cy == 0:  # rows laid out for the view
                    chunk = self._chunks[key] = laid_out(chunk, view_w >= self.map_w)
                if key in animated:
                    self._stamp(key, chunk)
                shown[key] = chunk
        self._on_screen = [(key, chunk) for key, chunk in shown.items() if key in animated]
        beyond = cam_x + view_w > self.map_w
        on_screen = set(keys)
        self._visible = []
        for (cx, cy), chunk in shown.items():
            if chunk.get_flags() & pygame.SRCALPHA:  # see-through: blit only what it shows
                part = self._part((cx, cy), chunk)
                if part is not None:
                    if part[0] is not None:
                        self._visible.append((part[0], cx * self.chunk_w + part[1], cy * self.chunk_h + part[2]))
                    continue
            # a chunk's rows are padded (see tiles_surface): blit the whole padded surface, one pygame
            # subsurface less, wherever the chunk drawn to its right covers the padding column
            right = (cx + 1, cy)
            covered = (right in shown or right not in on_screen) if cx < self.last_cx else not beyond
            padded = chunk.get_parent() if covered else None
            self._visible.append((chunk if padded is None else padded, cx * self.chunk_w, cy * self.chunk_h))
        if len(self._chunks) < (self.last_cx + 1) * (self.last_cy + 1):  # else every chunk is built
            self._ahead = [k for k in self.visible_chunks(cam_x, cam_y, view_w, view_h, margin=1)
                           if k not in self._chunks]

    def sparse_steps(self) -> Iterator[int]:
        """`_sparse`: when every chunk is built, all see-through, and their drawn parts (`_part`) are few,
        those parts with their map boxes, which a frame picks from without the chunk bookkeeping (a
        teleport otherwise works out the chunks of every frame anew); else None. Worked out in pieces, each
        one's cost in cells of chunk work yielded before it (a hot reload spreads them over frames)."""
        self._sparse_checked, self._sparse = True, None
        if len(self._chunks) < (self.last_cx + 1) * (self.last_cy + 1):
            return
        out = []
        for (cx, cy), chunk in sorted(self._chunks.items(), key=lambda item: (item[0][1], item[0][0])):
            if chunk is None:
                continue
            if not chunk.get_flags() & pygame.SRCALPHA or len(out) >= SPARSE_PARTS:
                return
            yield PIECE_COST // 2  # a bounding rect: ~0.12 ms
            part = self._part((cx, cy), chunk)
            surface, dx, dy = (chunk, 0, 0) if part is None else part
            if surface is not None:
                x, y = cx * self.chunk_w + dx, cy * self.chunk_h + dy
                out.append((surface, x, y, x + surface.get_width(), y + surface.get_height()))
        self._shown_version = -1  # stamp the animations on the first frame
        if not self._anim.cells:  # nothing is stamped into the chunks after the build: parts may be copies
            out = yield from cheap_steps(out)
        self._sparse = out

    def _part(self, key: Key, chunk: pygame.Surface) -> tuple[pygame.Surface | None, int, int] | None:
        """game.world.overlay.drawn_part of chunk `key` (its animated cells' places count as drawn), kept."""
        if key not in self._parts:
            places = [place for _, where, _ in self._anim.cells.get(key, ()) for place in where]
            self._parts[key] = drawn_part(chunk, places, (self.tilemap.tile_w, self.tilemap.tile_h))
        return self._parts[key]

    def _stamp(self, key: Key, chunk: pygame.Surface) -> None:
        """The current animation frames into chunk `key` (what changed since it was last stamped): the one
        place a chunk's pixels change after its build, so whatever is baked into a build (light) is
        applied to the stamped cells here too (each place's lit frames are kept: `AnimatedCells.stamp`)."""
        self._anim.stamp(key, chunk, (key[0] * self.chunk_w, key[1] * self.chunk_h), self.lighting)

    def _build_ahead(self) -> None:
        """Build one chunk of the ring around the view (the budget a frame spends looking ahead)."""
        key = self._ahead.pop()
        if key not in self._chunks:
            view, box = self._view, self._box
            self.build_chunk(key)
            self._view, self._box = view, box  # the chunks on screen stay as they are


_SORT_Y = attrgetter("sort_y")


class MapRenderer:
    """Draws a TileMap through a camera: chunks below, y-sorted sprites, layers marked `above`."""

    def __init__(self, tilemap: TileMap, chunk_px: int | None = None, max_bytes: int = CACHE_BYTES,
                 prebuild: bool = True, lit: bool = True) -> None:
        self.tilemap = tilemap
        self.atlas = load_atlas(tilemap)
        visible = [layer for layer in tilemap.layers if layer.visible]
        self.below = _LayerGroup(tilemap, self.atlas, [l for l in visible if not l.above],
                                 tilemap.background, chunk_px, max_bytes)
        # the layers over the actors cover little of a map (a bridge, an elevated railway): in chunks of
        # ABOVE_CHUNK_PX an empty one is no blit, where one whole-map chunk would alpha-blend every view
        self.above = _LayerGroup(tilemap, self.atlas, [l for l in visible if l.above], None,
                                 ABOVE_CHUNK_PX if chunk_px is None else chunk_px, max_bytes)
        # light and weather (game.world.light), set before any chunk is built; lit=False draws the tiles alone
        self.lighting = self.below.lighting = self.above.lighting = lighting_of(tilemap) if lit else None
        self._over = self.above if self.above.layers else None  # what a frame draws over the sprites
        # the box of camera positions and times both groups' frames hold for, the target, and what they blit
        self._frame: tuple[Any, ...] = (*_NO_BOX, None, None, None)
        self._baked: set[pygame.Surface] = set()  # parts over the actors drawn into the chunk (`_bake_over`)
        self._baked_builds = 0  # the below group's builds when they were: another build drops them
        self._all_baked = False  # every part over the actors is baked: a frame with no sprite needs none
        self._in_view: tuple[Any, list[Any]] = (None, [])  # see `_baked_in_view`
        self._window: Window | None = None  # a copy for a large view (game.world.window)
        if prebuild:
            for _ in self.build_steps(0):
                pass

    def build_steps(self, cells: int) -> Iterator[int]:
        """The load's chunk builds and the parts over the actors (`_bake_over`), `cells` cells of work
        (`_LayerGroup.build_pieces`) between yields (0: all at once); a renderer made with prebuild=False
        is ready once this is exhausted. A hot reload runs one step a frame, the old map on screen
        meanwhile (game.scenes.hotreload)."""
        spent = 0
        for cost in self._build_costs(cells):
            if cells and spent and spent + cost > cells:
                yield spent
                spent = 0
            spent += cost

    def _build_costs(self, cells: int) -> Iterator[int]:
        for group in self.groups():
            for key in group.prebuild_keys():
                if key not in group._chunks:
                    yield from group.build_pieces(key, cells)
        if self._over is not None and not self._over._sparse_checked:
            yield from self._over.sparse_steps()
        yield PIECE_COST  # the parts' first blits (SDL encodes them then)
        self._bake_over()

    def _bake_over(self) -> None:
        """The parts over the actors that are each opaque or clear drawn into the map's one chunk under them,
        but over an animated cell (game.world.overlay.bake); a frame draws one again only over a sprite that
        reaches it. Nothing when a group has more chunks."""
        below, over, tw, th = self.below, self._over, self.tilemap.tile_w, self.tilemap.tile_h
        chunk = below._chunks.get((0, 0)) if below.last_cx == below.last_cy == 0 else None
        if over is not None and over._sparse is not None and chunk is not None:
            cells = [(x, y, x + tw, y + th) for _, places, _ in below._anim.cells.get((0, 0), ()) for x, y in places]
            self._baked, self._baked_builds = bake(chunk, over._sparse, cells), below.builds
            self._all_baked = bool(self._baked) and all(part[0] in self._baked for part in over._sparse)

    def groups(self) -> tuple[_LayerGroup, _LayerGroup]:
        return self.below, self.above

    def chunk_surfaces(self) -> list[list[pygame.Surface]]:
        """Per layer group, the (padded) surfaces of its chunks: a hot reload hands those of a renderer
        no longer drawn to a new one's `spares`, so its build allocates nothing."""
        return [[c.get_parent() or c for c in group._chunks.values() if c is not None] for group in self.groups()]

    @property
    def builds(self) -> int:
        """Chunks built since the renderer was made (prebuilt ones included)."""
        return self.below.builds + self.above.builds

    def prepare(self, camera_xy: tuple[int, int], view_size: tuple[int, int]) -> None:
        """Composite the chunks a view at `camera_xy` shows now, so its first frame does no tile work."""
        for group in self.groups():
            if group.layers:
                for cx, cy in group.visible_chunks(*camera_xy, *view_size):
                    group.chunk(cx, cy)

    def _settle(self, surface: pygame.Surface, cam_x: int, cam_y: int, time_ms: float) -> tuple[Any, ...]:
        """Each group's frame worked out as its box asks (`_LayerGroup.settle`), and the box both hold for:
        `_frame` (the below group's only chunk, if one, the parts over the actors drawn, the baked ones in
        view, or True: all are baked, looked up only for a frame with sprites, `_baked_in_view`)."""
        below, over = self.below, self._over
        below.settle(surface, cam_x, cam_y, time_ms)
        box, shown_over, under = below._box, None, None
        if self._baked and below.builds != self._baked_builds:  # a chunk built again: nothing baked in it
            self._baked, self._all_baked = set(), False
        if self._all_baked:
            under = True
        elif over is not None:
            over.settle(surface, cam_x, cam_y, time_ms)
            box, shown_over, baked = meet(box, over._box), over._visible, self._baked
            if baked and shown_over:  # baked parts in view: drawn only where a sprite reaches them
                under = [(p, x, y, x + p.get_width(), y + p.get_height()) for p, x, y in shown_over if p in baked]
                shown_over = [shown for shown in shown_over if shown[0] not in baked]
        self._frame = (*box, below._one, shown_over, under)
        size, map_size = surface.get_size(), self.tilemap.pixel_size  # a large view over several chunks
        self._window = None if below._one is not None or not Window.wanted(size, map_size) else \
            self._window if self._window and self._window.view == size else Window(size, map_size)
        return self._frame

    def _baked_in_view(self, surface: pygame.Surface, cam_x: int, cam_y: int, time_ms: float) -> list[Any]:
        """The baked parts over the actors a view shows, with their map boxes (worked out again when the
        group's parts in view are another list, game.world.viewbox.PartIndex)."""
        over = self._over
        assert over is not None
        over.settle(surface, cam_x, cam_y, time_ms)
        if over._visible is not self._in_view[0]:
            self._in_view = (over._visible, [(p, x, y, x + p.get_width(), y + p.get_height()) for p, x, y in over._visible])
        return self._in_view[1]

    def draw(self, surface: pygame.Surface, camera_xy: tuple[int, int], time_ms: float,
             sprites: Iterable[Sprite] = ()) -> None:
        cam_x, cam_y = camera_xy
        x_lo, y_lo, x_hi, y_hi, t_lo, t_hi, target, one, over, under = self._frame
        if not (x_lo <= cam_x <= x_hi and y_lo <= cam_y <= y_hi and t_lo <= time_ms < t_hi) or surface is not target:
            x_lo, y_lo, x_hi, y_hi, t_lo, t_hi, target, one, over, under = self._settle(surface, cam_x, cam_y, time_ms)
        if one is not None:  # the common frame: one chunk under the actors, nothing over them
            surface.fblits(((one[0], (one[1] - cam_x, one[2] - cam_y)),))
        elif self._window is None or not self._window.draw(surface, cam_x, cam_y, time_ms, self.below):
            self.below.blit(surface, cam_x, cam_y)
        if sprites:
            ordered = sorted(sprites, key=_SORT_Y)
            surface.fblits([(s.image, (s.x - cam_x, s.y - cam_y)) for s in ordered])
            if under:
                under = self._baked_in_view(surface, cam_x, cam_y, time_ms) if under is True else under
                over = [*(over or ()), *covered(under, ordered)]
        if over:
            surface.fblits([(part, (x - cam_x, y - cam_y)) for part, x, y in over])
        if self.lighting is not None:  # flickering lights and weather: over the actors, under the HUD
            self.lighting.draw(surface, camera_xy, time_ms)
