"""The layers over the actors as few, cheap parts: touching parts merged, all-or-nothing ones run-length encoded.

A map's `above` layers (a bridge, an elevated railway, a pillar) are mostly empty; the renderer
(game.world.render) draws them as the boxes round their pixels, one per chunk. Here boxes that touch
across a chunk edge become one surface (one blit where there were three), and a surface whose pixels are
each either opaque or clear becomes an opaque copy with a colour key, handed to SDL's run-length blitter,
which copies the opaque runs and skips the clear ones (measured: a 77x96 pillar top 12 us alpha-blended,
2 us run-length encoded, same pixels).
SDL re-encodes such a surface when it is blitted to a different target than the last (its blit map is per
target): the game draws every frame to one canvas. Those parts are also drawn once into the map's chunk
under the actors (`bake`), so a frame draws one again only where a sprite reaches it (`covered`).
"""
from __future__ import annotations

import logging
from typing import Any, Generator

import numpy as np
import pygame

from game.world.surfaces import displayed

log = logging.getLogger(__name__)

Part = tuple[pygame.Surface, int, int, int, int]  # surface and its map box: x, y, x1, y1
MERGED_PX = 1 << 20  # the largest part merging makes (4 MB before it is encoded)
MERGED_W = 320  # px: the widest: an encoded part clipped to a view is walked along its whole rows
ROW_GAP = 256  # px: all-or-nothing parts on the same rows this close are one (one blit; a clear run costs ~nothing)
SPLIT_GAP = 16  # px: a part's pixel columns this far apart are drawn as separate parts (`split`)
PIECE_COST = 32  # cells of chunk work (game.world.chunkbuild, ~8 us a cell) a part split or merged costs; one
# encoded twice this plus a cell per 1024 px (a 256x48 part ~0.45 ms)


def merged(parts: list[Part], gap: int = 0) -> list[Part]:
    """`parts` (disjoint pixels, see-through surfaces) with every group of touching boxes (or, for a `gap`,
    boxes on much the same rows, at most `gap` px apart) drawn into one surface the size of the group's
    box, at most `MERGED_PX` px and `MERGED_W` px wide; the others as they were."""
    groups = [[part] for part in parts]
    boxes = [part[1:] for part in parts]
    joined = True
    while joined:
        joined = False
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                a, b = boxes[i], boxes[j]
                near = a[0] <= b[2] + gap and b[0] <= a[2] + gap and a[1] <= b[3] and b[1] <= a[3]
                if gap and near:  # a band: its rows no more than half as many again as either part's
                    near = 2 * (max(a[3], b[3]) - min(a[1], b[1])) <= 3 * min(a[3] - a[1], b[3] - b[1])
                width = max(a[2], b[2]) - min(a[0], b[0])
                if near and width <= MERGED_W and width * (max(a[3], b[3]) - min(a[1], b[1])) <= MERGED_PX:
                    boxes[i] = (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))
                    groups[i] += groups.pop(j)
                    boxes.pop(j)
                    joined = True
                    break
            if joined:
                break
    out = []
    for group, (x, y, x1, y1) in zip(groups, boxes):
        if len(group) == 1:
            out.append(group[0])
            continue
        surface = pygame.Surface((x1 - x, y1 - y), pygame.SRCALPHA, group[0][0])  # clear, the parts' format
        for part, px, py, _, _ in group:  # the pixels are disjoint: max onto clear is a copy
            surface.blit(part, (px - x, py - y), special_flags=pygame.BLEND_RGBA_MAX)
        out.append((surface, x, y, x1, y1))
    return out


def cheap(parts: list[Part]) -> list[Part]:
    """`parts` merged where they touch; then those whose pixels are all opaque or clear merged along
    their rows (`ROW_GAP`) and run-length encoded (`encoded`). A blit costs about 0.7 us before its first
    pixel (an 8x13 lamp: 0.7-0.9 us), so fewer, longer parts are cheaper."""
    steps = cheap_steps(parts)
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def cheap_steps(parts: list[Part]) -> Generator[int, None, list[Part]]:
    """`cheap` in pieces of about `PIECE_COST` cells of chunk work each (game.world.chunkbuild's unit:
    a hot reload spreads them over frames); yields each piece's cost before doing it."""
    pieces = []
    for part in parts:
        yield PIECE_COST // 2
        pieces += split(part)
    yield PIECE_COST * (1 + len(pieces) // 8)  # a blit a merged piece
    solid, rest = [], []
    for part in merged(pieces):
        yield PIECE_COST // 4
        (solid if all_or_nothing(part[0]) else rest).append(part)
    out = list(rest)
    yield PIECE_COST * (1 + len(solid) // 8)
    for surface, x, y, x1, y1 in merged(solid, ROW_GAP):
        yield 2 * PIECE_COST + surface.get_width() * surface.get_height() // 1024
        out.append((encoded(surface), x, y, x1, y1))
    return out


def bake(chunk: pygame.Surface, parts: list[Part], keep_off: list[tuple[int, int, int, int]]) -> set[pygame.Surface]:
    """Draw into `chunk` (the layers under the actors, its top-left at the map's) the parts whose pixels
    are each opaque or clear (`encoded`: drawing one again changes nothing) and that reach no box of
    `keep_off` (x, y, x1, y1: animated cells, stamped into the chunk later); returns those parts. A frame
    then draws a baked part only over a sprite that reaches it (`covered`)."""
    out = set()
    for surface, x, y, x1, y1 in parts:
        if surface.get_flags() & pygame.SRCALPHA or any(x < c1 and c0 < x1 and y < r1 and r0 < y1
                                                        for c0, r0, c1, r1 in keep_off):
            continue
        chunk.blit(surface, (x, y))
        out.add(surface)
    return out


def covered(under: list[Part], sprites: list[Any]) -> list[tuple[pygame.Surface, int, int]]:
    """The baked parts of `under` (surface and map box) that a sprite (image, x, y, ...) reaches, as
    (surface, x, y): drawn over the sprites, they show over them as an unbaked part would."""
    boxes = [(s.x, s.y, s.x + s.image.get_width(), s.y + s.image.get_height()) for s in sprites]
    return [(surface, x, y) for surface, x, y, x1, y1 in under
            if any(a < x1 and x < c and b < y1 and y < d for a, b, c, d in boxes)]


def drawn_part(chunk: pygame.Surface, places: list[tuple[int, int]],
               tile: tuple[int, int]) -> tuple[pygame.Surface | None, int, int] | None:
    """The box of a see-through chunk round its visible pixels and the tiles at `places` (animated cells)
    as a subsurface and its place in the chunk ((None, 0, 0): nothing to draw), or None when that is the
    whole chunk: the layers over the actors are mostly empty, and alpha-blending empty pixels costs as
    much as any."""
    box = chunk.get_bounding_rect()
    for x, y in places:
        box = box.union((x, y, *tile)) if box.w else pygame.Rect(x, y, *tile)
    if not box.w or not box.h:
        return None, 0, 0
    if box.size == chunk.get_size():
        return None
    return chunk.subsurface(box), box.x, box.y


def split(part: Part) -> list[Part]:
    """`part` as the groups of its pixel columns more than `SPLIT_GAP` px apart, each cut to the box of its
    pixels (a chunk's box round a lamp and a pillar 60 px to its right: the pillar's rows walked across
    the gap on every frame, 4.5 us, where the two parts cost 1.8 + 1.5); the part itself when it is one
    group."""
    surface, x, y, _, _ = part
    alpha = pygame.surfarray.pixels_alpha(surface)  # (w, h), a view
    cols = np.flatnonzero(alpha.any(axis=1))
    breaks = np.flatnonzero(np.diff(cols) > SPLIT_GAP)
    if not breaks.size:
        del alpha  # unlocks the surface
        return [part]
    boxes = []
    for group in np.split(cols, breaks + 1):
        c0, c1 = int(group[0]), int(group[-1]) + 1
        rows = np.flatnonzero(alpha[c0:c1].any(axis=0))
        boxes.append((c0, int(rows[0]), c1, int(rows[-1]) + 1))
    del alpha
    return [(surface.subsurface((c0, r0, c1 - c0, r1 - r0)).copy(), x + c0, y + r0, x + c1, y + r1)
            for c0, r0, c1, r1 in boxes]


def all_or_nothing(surface: pygame.Surface) -> bool:
    """Whether each pixel of `surface` is opaque or clear."""
    alpha = pygame.surfarray.pixels_alpha(surface)
    out = bool(((alpha == 0) | (alpha == 255)).all())
    del alpha  # unlocks the surface
    return out


def encoded(surface: pygame.Surface) -> pygame.Surface:
    """A run-length-encoded copy of `surface` when each of its pixels is opaque or clear (blitted, the
    same pixels as the alpha blend gives), else `surface` itself. The copy is opaque with a colour key
    (a colour no opaque pixel has): SDL copies its runs with no blending at all (a 77x352 pillar top
    clipped to a view: 4.0 us alpha-encoded, 2.3 us key-encoded). SDL frees an encoded surface's pixels:
    nothing may read them (pygame's surfarray would crash), only blit it."""
    if not all_or_nothing(surface):
        return surface
    view = pygame.surfarray.pixels_alpha(surface)
    alpha = view == 255
    del view  # unlocks the surface
    if alpha.all():  # no clear pixel to skip: a plain copy (a 12x352 pillar clipped to a view 4.1 -> 1.8 us)
        copy = displayed(pygame.Surface(surface.get_size(), 0, 32), alpha=False)
        copy.blit(surface, (0, 0))  # opaque pixels: the same colours
        return copy
    rgb = _channels(surface, surface)  # each pixel's colour as 0xRRGGBB
    key = _unused(rgb[alpha])
    if key is None:  # 65,536 or more colours: try colours spread over the cube
        used = np.unique(rgb[alpha])
        tries = np.arange(used.size + 1, dtype=np.uint64) * 2654435761 & 0xFFFFFF
        key = int(tries[np.flatnonzero(~np.isin(tries, used))[0]])  # the first try no opaque pixel has
    colour = (key >> 16, key >> 8 & 0xFF, key & 0xFF)
    copy = displayed(pygame.Surface(surface.get_size(), 0, 32), alpha=False)
    shown = pygame.surfarray.pixels2d(copy)
    shown[...] = np.where(alpha, _channels(surface, copy), copy.map_rgb(colour))
    del shown  # unlocks the copy
    copy.set_colorkey(colour, pygame.RLEACCEL)
    return copy


def _unused(colours: np.ndarray) -> int | None:
    """A 0xRRGGBB colour none of `colours` is: the first whose top 12 (else 16) bits none has."""
    for low in (12, 8):
        free = np.flatnonzero(np.bincount(colours >> low, minlength=1 << (24 - low)) == 0)
        if free.size:
            return int(free[0]) << low
    return None


def _channels(surface: pygame.Surface, like: pygame.Surface) -> np.ndarray:
    """(w, h) uint32: `surface`'s colours (32-bit, 8 bits a channel) packed as `like`'s pixels with its
    alpha bits set, or as 0xRRGGBB when `like` is `surface`."""
    pixels = pygame.surfarray.pixels2d(surface)
    shifts = surface.get_shifts()
    r, g, b = ((pixels >> shifts[i]) & 0xFF for i in range(3))
    del pixels  # unlocks the surface
    if like is surface:
        return (r << 16) | (g << 8) | b
    to = like.get_shifts()
    return (r << to[0]) | (g << to[1]) | (b << to[2]) | like.map_rgb((0, 0, 0))
