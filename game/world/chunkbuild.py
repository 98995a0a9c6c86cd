"""A chunk's build cut into pieces of bounded work, so a hot reload can spread a map's build over frames.

`chunk_pieces` composites one chunk of a layer group (game.world.render) and yields, before each piece
of work, what the piece costs in cells; run to its end it gives the same surface at once or spread out.
Costs, in cells drawn (tiles gathered and light baked), are measured ratios: a cell stack looked up costs
an eighth of a cell drawn, a distinct stack composited about four plus 32 for the call (its numpy passes
per layer cost the same for 1 stack or 20), a tile packed into the surface's format a quarter, a chunk's
surface allocated a 32nd of its cells (freshly faulted-in pages are most of that: a hot reload hands its build spare surfaces,
`Spares`, allocated in the step that parses the saved map or left by the renderer the last reload replaced).
"""
from __future__ import annotations

import logging
from typing import Generator, Sequence

import numpy as np
import pygame

from game.world.composite import (composite_stacks, gather_into, pack_tiles, padded_surface, padded_width, stack_raws,
                                  unique_stacks)
from game.world.light import Lighting
from game.world.tilemap import TileLayer

log = logging.getLogger(__name__)

LOOKUP_SHARE = 8  # cells whose stacks are looked up for the cost of one cell drawn
STACK_COST = 4  # one distinct cell stack composited, in cells drawn
COMPOSITE_CALL = 32  # a call compositing any number of stacks, besides their STACK_COST (measured: 4 stacks
# 0.32 ms, 20 stacks 0.58 ms, a cell drawn and lit ~8 us)
PACK_SHARE = 4  # tiles packed into a surface's pixel format for the cost of one cell drawn
ALLOC_SHARE = 32  # cells of a surface allocated for the cost of one cell drawn


class Stacks:
    """A layer group's composited cell stacks (raw gids per layer -> RGBA tile), shared by its chunks."""

    def __init__(self, atlas: np.ndarray, layers: Sequence[TileLayer],
                 background: tuple[int, int, int, int] | None) -> None:
        self.atlas = atlas
        self.opacities = [layer.opacity for layer in layers]
        self.background = background
        self.ids: dict[bytes, int] = {}
        self.pixels = np.zeros((0, *atlas.shape[1:3], 4), dtype=np.uint8)

    def known(self, stacks: np.ndarray) -> np.ndarray:
        """Each stack's index into `pixels`, -1 for a stack not composited yet."""
        return np.array([self.ids.get(stack.tobytes(), -1) for stack in stacks], dtype=np.intp)

    def add(self, stacks: np.ndarray) -> np.ndarray:
        """Composite `stacks` (none of them known) and return their indices."""
        fresh = composite_stacks(self.atlas, stacks, self.opacities, self.background)
        ids = np.arange(len(self.pixels), len(self.pixels) + len(stacks))
        for stack, i in zip(stacks, ids.tolist()):
            self.ids[stack.tobytes()] = i
        self.pixels = np.concatenate([self.pixels, fresh])
        return ids


class Spares:
    """Chunk surfaces of a replaced renderer, handed to the new one's builds when size and format match."""

    def __init__(self, surfaces: Sequence[pygame.Surface] = ()) -> None:
        self.surfaces = list(surfaces)

    def find(self, width: int, height: int, opaque: bool) -> int | None:
        """The index of a spare as `padded_surface(width, height, opaque)` would make it, if any."""
        if not self.surfaces:
            return None
        like = padded_surface(1, 1, opaque)  # the format a new one would have
        size = (padded_width(width), height)
        for i, spare in enumerate(self.surfaces):
            if spare.get_size() == size and spare.get_flags() & pygame.SRCALPHA == like.get_flags() & pygame.SRCALPHA \
                    and spare.get_masks() == like.get_masks():
                return i
        return None

    def take(self, width: int, height: int, opaque: bool) -> pygame.Surface:
        """A spare as `padded_surface(width, height, opaque)` would make it, else a new one."""
        i = self.find(width, height, opaque)
        return padded_surface(width, height, opaque) if i is None else self.surfaces.pop(i)


def blocks(rows: int, cols: int, cells: int) -> list[tuple[int, int, int, int]]:
    """(row, col, height, width) blocks covering rows x cols cells, each of at most `cells` cells (0: one
    block), whole rows where a row fits, row by row from the top."""
    if cells <= 0 or rows * cols <= cells:
        return [(0, 0, rows, cols)]
    if cols <= cells:
        bh = cells // cols
        return [(r, 0, min(bh, rows - r), cols) for r in range(0, rows, bh)]
    return [(r, c, 1, min(cells, cols - c)) for r in range(rows) for c in range(0, cols, cells)]


def ranks(index: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
    """`np.unique(index, return_inverse=True)` for ints in range(count), in one linear pass instead of
    a sort (bus_chase's whole-map chunk: 0.69 -> 0.07 ms): the values present, ascending, and each
    element's rank among them."""
    present = np.zeros(count, dtype=bool)
    present[index] = True
    used = np.flatnonzero(present)
    rank = np.empty(count, dtype=np.intp)
    rank[used] = np.arange(used.size)
    return used, rank[index]


def chunk_pieces(stacks: Stacks, layers: Sequence[TileLayer], lighting: Lighting | None, spares: Spares,
                 cells_at: tuple[int, int, int, int], px_at: tuple[int, int],
                 cells: int) -> Generator[int, None, pygame.Surface | None]:
    """Composite the block of cells `cells_at` (first row, first col, rows, cols) whose top-left is map
    pixel `px_at`, in pieces of at most `cells` cells of work (0: one piece of each kind); yields each
    piece's cost before doing it and returns the chunk's surface (None: nothing to draw)."""
    r0, c0, rows, cols = cells_at
    if stacks.background is None and not any(layer.gids[r0:r0 + rows, c0:c0 + cols].any() for layer in layers):
        yield -(-rows * cols // LOOKUP_SHARE)  # nothing to draw (most chunks of the layers over the actors)
        return None
    index = np.empty((rows, cols), dtype=np.intp)
    filled = stacks.background is not None  # an empty chunk costs no blit
    per = max(1, (cells - COMPOSITE_CALL) // STACK_COST)  # new stacks a composite piece takes: call + stacks <= cells
    for br, bc, bh, bw in blocks(rows, cols, LOOKUP_SHARE * cells):
        yield -(-bh * bw // LOOKUP_SHARE)
        raws = stack_raws(layers, slice(r0 + br, r0 + br + bh), slice(c0 + bc, c0 + bc + bw))
        filled = filled or bool(raws.any())
        distinct, inverse = unique_stacks(raws.reshape(-1, raws.shape[-1]))
        ids = stacks.known(distinct)
        new = np.flatnonzero(ids < 0)
        for start in range(0, new.size, per if cells else max(1, new.size)):
            part = new[start:start + (per if cells else new.size)]
            yield COMPOSITE_CALL + STACK_COST * part.size
            ids[part] = stacks.add(distinct[part])
        index[br:br + bh, bc:bc + bw] = ids[inverse].reshape(bh, bw)
    if not filled:
        return None
    th, tw = stacks.atlas.shape[1:3]
    used, local = ranks(index, len(stacks.pixels))
    yield -(-used.size // PACK_SHARE)
    tiles = stacks.pixels[used]
    opaque = bool((tiles[..., 3] == 255).all())
    if spares.find(cols * tw, rows * th, opaque) is None:
        yield rows * cols // ALLOC_SHARE
    parent = spares.take(cols * tw, rows * th, opaque)
    packed = pack_tiles(parent, tiles, opaque)
    local = local.reshape(rows, cols)
    for br, bc, bh, bw in blocks(rows, cols, cells):
        yield bh * bw
        gather_into(parent, packed, local[br:br + bh, bc:bc + bw], br, bc)
        if lighting is not None:
            lighting.bake_cells(parent, *px_at, [(bc * tw, br * th)], (bw * tw, bh * th))
    return parent.subsurface((0, 0, cols * tw, rows * th))
