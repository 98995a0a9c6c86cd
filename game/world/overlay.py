"""The layers over the actors as few, cheap parts: touching parts merged, all-or-nothing ones run-length encoded.

A map's `above` layers (a bridge, an elevated railway, a pillar) are mostly empty; the renderer
(game.world.render) draws them as the boxes round their pixels, one per chunk. Here boxes that touch
across a chunk edge become one surface (one blit where there were three), and a surface whose pixels are
each either opaque or clear becomes an opaque copy with a colour key, handed to SDL's run-length blitter,
which copies the opaque runs and skips the clear ones (measured: a 77x96 pillar top 12 us alpha-blended,
2 us run-length encoded, same pixels).
SDL re-encodes such a surface when it is blitted to a different target than the last (its blit map is per
target): the game draws every frame to one canvas.
"""
from __future__ import annotations

import logging

import numpy as np
import pygame

from game.world.surfaces import displayed

log = logging.getLogger(__name__)

Part = tuple[pygame.Surface, int, int, int, int]  # surface and its map box: x, y, x1, y1
MERGED_PX = 1 << 20  # the largest part merging makes (4 MB before it is encoded)
MERGED_W = 320  # px: the widest: an encoded part clipped to a view is walked along its whole rows
ROW_GAP = 256  # px: all-or-nothing parts on the same rows this close are one (one blit; a clear run costs ~nothing)
SPLIT_GAP = 16  # px: a part's pixel columns this far apart are drawn as separate parts (`split`)


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
    parts = merged([piece for part in parts for piece in split(part)])
    solid = [part for part in parts if all_or_nothing(part[0])]
    rest = [part for part in parts if not all_or_nothing(part[0])]
    return rest + [(encoded(surface), x, y, x1, y1) for surface, x, y, x1, y1 in merged(solid, ROW_GAP)]


def split(part: Part) -> list[Part]:
    """`part` as the groups of its pixel columns more than `SPLIT_GAP` px apart, each cut to the box of its
    pixels (a chunk's box round a lamp and a pillar 60 px to its right: the pillar's rows walked across
    the gap on every frame, 4.5 us, where the two parts cost 1.8 + 1.5); the part itself when it is one
    group."""
    surface, x, y, _, _ = part
    alpha = pygame.surfarray.array_alpha(surface)  # (w, h)
    cols = np.flatnonzero(alpha.any(axis=1))
    breaks = np.flatnonzero(np.diff(cols) > SPLIT_GAP)
    if not breaks.size:
        return [part]
    out = []
    for group in np.split(cols, breaks + 1):
        c0, c1 = int(group[0]), int(group[-1]) + 1
        rows = np.flatnonzero(alpha[c0:c1].any(axis=0))
        r0, r1 = int(rows[0]), int(rows[-1]) + 1
        out.append((surface.subsurface((c0, r0, c1 - c0, r1 - r0)).copy(), x + c0, y + r0, x + c1, y + r1))
    return out


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
    alpha = pygame.surfarray.array_alpha(surface) == 255
    if alpha.all():  # no clear pixel to skip: a plain copy (a 12x352 pillar clipped to a view 4.1 -> 1.8 us)
        copy = displayed(pygame.Surface(surface.get_size(), 0, 32), alpha=False)
        copy.blit(surface, (0, 0))  # opaque pixels: the same colours
        return copy
    rgb = pygame.surfarray.array3d(surface)
    packed = (rgb[..., 0].astype(np.uint32) << 16) | (rgb[..., 1].astype(np.uint32) << 8) | rgb[..., 2]
    used = set(packed[alpha].tolist())
    key = next(c for c in (k * 2654435761 & 0xFFFFFF for k in range(len(used) + 1)) if c not in used)
    copy = displayed(pygame.Surface(surface.get_size(), 0, 32), alpha=False)
    copy.fill((key >> 16, key >> 8 & 0xFF, key & 0xFF))
    shown = pygame.surfarray.pixels3d(copy)
    shown[alpha] = rgb[alpha]
    del shown  # unlocks the copy
    copy.set_colorkey((key >> 16, key >> 8 & 0xFF, key & 0xFF), pygame.RLEACCEL)
    return copy
