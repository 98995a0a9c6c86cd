"""A layer group's animated tiles: its cells grouped per chunk by cell stack, and the frames they show now.

The renderer (game.world.render) stamps the cells whose animation changed frame into their chunk with
one batched blit; a frame on which no animation changes does none of this.
"""
from __future__ import annotations

import logging
from bisect import bisect_right
from itertools import accumulate, repeat
from typing import Iterable

import numpy as np
import pygame

from game.world.composite import composite, stack_raws, to_surface, unique_stacks
from game.world.light import Lighting
from game.world.tilemap import GID_MASK, TileLayer, TileMap

log = logging.getLogger(__name__)

Key = tuple[int, int]


class AnimatedCells:
    """A layer group's animated cells, grouped per chunk by cell stack, and the frame each shows now.

    Plain Python on a handful of tuples per chunk: numpy's per-call cost on arrays this small was most of
    a frame-change frame (measured: 28 us of numpy against 2 us of tuples for the locksmith's two cells).
    """

    def __init__(self, tilemap: TileMap, atlas: np.ndarray, layers: list[TileLayer],
                 background: tuple[int, int, int, int] | None, chunk_cols: int, chunk_rows: int) -> None:
        self.atlas = atlas
        self.layers = layers
        self.background = background
        stack = stack_raws(layers, slice(None), slice(None)) if layers else np.zeros((0, 0, 0), np.uint32)  # (H, W, L)
        # only the animations these layers show: another's frame changes need no work here
        present = set(np.unique(stack & GID_MASK).tolist()) if stack.size else set()
        anims = [(gid, anim) for gid, anim in tilemap.animations.items() if gid in present]
        self.animated = [gid for gid, _ in anims]  # the animated gids these layers show, as `frames` orders them
        self._timing = [(tuple(accumulate(d for _, d in anim.frames)), max(1, anim.period_ms))
                        for _, anim in anims]
        self._frame_gids = [tuple(gid for gid, _ in anim.frames) for _, anim in anims]
        self.shows = {gid: gid for gid, _ in anims}  # animated gid -> the gid it shows now
        self.frames: tuple[int, ...] | None = None  # each animation's frame index now
        self._changes = [0] * len(anims)  # game-clock ms at which each animation's frame next changes
        self.span = (0.0, 0.0)  # game-clock times between which `frames` holds
        self.version = 0  # bumped whenever any animation changes frame
        # per chunk: each distinct animated cell stack, its cells' places in the chunk, its animations
        self.cells: dict[Key, list[tuple[tuple[int, ...], list[tuple[int, int]], frozenset[int]]]] = {}
        self._stamped: dict[Key, tuple[int, ...]] = {}  # per chunk: the animation frames it shows
        self._surfaces: dict[tuple[int, ...], pygame.Surface] = {}
        self._lit_cells: dict[tuple[tuple[int, ...], int, int], pygame.Surface] = {}  # see `_lit`
        index = {gid: i for i, (gid, _) in enumerate(anims)}
        anim_gids = np.array(sorted(index), dtype=np.uint32)
        if not layers or not anim_gids.size:
            return
        rows, cols = np.nonzero(np.isin(stack & GID_MASK, anim_gids).any(axis=-1))
        tw, th = tilemap.tile_w, tilemap.tile_h
        chunk_keys = (rows // chunk_rows) * (tilemap.width + 1) + cols // chunk_cols
        for ck in np.unique(chunk_keys):
            sel = np.flatnonzero(chunk_keys == ck)
            cy, cx = divmod(int(ck), tilemap.width + 1)
            stacks, inverse = unique_stacks(stack[rows[sel], cols[sel]])
            xs = (cols[sel] - cx * chunk_cols) * tw
            ys = (rows[sel] - cy * chunk_rows) * th
            places: list[list[tuple[int, int]]] = [[] for _ in range(len(stacks))]
            for g, x, y in zip(inverse.tolist(), xs.tolist(), ys.tolist()):
                places[g].append((x, y))
            groups = []
            for raw, where in zip(stacks.tolist(), places):
                uses = frozenset(index[v & GID_MASK] for v in raw if v & GID_MASK in index)
                groups.append((tuple(raw), where, uses))
            self.cells[(cx, cy)] = groups

    def update(self, time_ms: float) -> None:
        """Point every animated gid at the frame it shows at `time_ms` (as `Animation.frame_at` says),
        and note until when that holds: the whole millisecond at which the first of them changes frame.
        Only the animations due are worked out again (all of them when the clock went back)."""
        n = len(self._timing)
        if self.frames is None or time_ms < self.span[0]:
            due: Iterable[int] = range(n)
            frames = [0] * n
        else:
            due = [i for i, change in enumerate(self._changes) if change <= time_ms]
            frames = list(self.frames)
        now = int(time_ms)
        for i in due:
            ends, period = self._timing[i]
            into = now % period
            k = bisect_right(ends, into)  # the frame whose end is still ahead
            frames[i] = min(k, len(ends) - 1)
            self._changes[i] = now - into + (ends[k] if k < len(ends) else period)
        self.span = (time_ms, min(self._changes) if n else float("inf"))
        if tuple(frames) == self.frames:
            return
        self.frames = tuple(frames)
        self.version += 1
        for gid, gids, frame in zip(self.shows, self._frame_gids, frames):
            self.shows[gid] = gids[frame]

    def forget(self, key: Key) -> None:
        self._stamped.pop(key, None)

    def stamp(self, key: Key, chunk: pygame.Surface, origin: tuple[int, int],
              lighting: Lighting | None) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """Draw into `chunk` (its top-left at map pixel `origin`), in one batched blit, the cell stacks
        whose animations changed frame since it was last stamped (all of them in a fresh chunk), lit as
        the chunk's build lit that place; returns the (cell, place in chunk) blitted."""
        groups = self.cells.get(key)
        frames = self.frames
        before = self._stamped.get(key)
        if groups is None or frames is None or before == frames:
            return []
        self._stamped[key] = frames
        moved = None if before is None else {i for i, (a, b) in enumerate(zip(before, frames)) if a != b}
        shows = self.shows
        blits: list[Iterable[tuple[pygame.Surface, tuple[int, int]]]] = []
        for raw, places, uses in groups:
            if moved is None or not uses.isdisjoint(moved):
                shown = tuple((v & ~GID_MASK) | shows.get(v & GID_MASK, v & GID_MASK) for v in raw)
                if lighting is None:
                    blits.append(zip(repeat(self._surface(shown)), places))
                else:
                    blits.append([(self._lit(shown, origin[0] + x, origin[1] + y, lighting), (x, y))
                                  for x, y in places])
        pairs = [pair for group in blits for pair in group]
        if pairs:
            chunk.fblits(pairs)
        return pairs

    def _surface(self, stack: tuple[int, ...]) -> pygame.Surface:
        """One cell showing `stack`; it replaces the pixels under it (alpha too), so a see-through
        cell never shows its previous frame."""
        cell = self._surfaces.get(stack)
        if cell is None:
            layers = [TileLayer(name=layer.name, gids=np.array([[v]], dtype=np.uint32).view(np.int32),
                                opacity=layer.opacity) for layer, v in zip(self.layers, stack)]
            cell = to_surface(composite(self.atlas, layers, slice(None), slice(None), self.background))
            cell.set_alpha(None)
            self._surfaces[stack] = cell
        return cell

    def _lit(self, stack: tuple[int, ...], x: int, y: int, lighting: Lighting) -> pygame.Surface:
        """The cell showing `stack` at map pixel (x, y), with the light a chunk's build bakes there (light
        is static: each place's frames are lit once and kept, so a frame change is one blit, no light)."""
        key = (stack, x, y)
        cell = self._lit_cells.get(key)
        if cell is None:
            cell = self._surface(stack).copy()
            lighting.bake_cells(cell, x, y, [(0, 0)], cell.get_size())
            cell.set_alpha(None)
            self._lit_cells[key] = cell
        return cell
