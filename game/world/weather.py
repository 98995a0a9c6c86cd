"""Weather drawn over a map: drifting steam, falling snow, rain with splashes; translucent and seeded.

A map asks for weather with the map property `weather` (steam, snow or rain: the whole map) and/or
rectangle objects of class `weather` (`kind`, `density`: that area only, e.g. the snow yard of the
bathhouse). Particles live in map space on a repeating tile of `PERIOD` pixels, each one's place a pure
function of its seed and the step counter, so the same step always looks the same and nothing reads the
wall clock. The weather is drawn after the actors and before the HUD; every particle is translucent so a
fighter always shows through. It never touches the simulation.
"""
from __future__ import annotations

import logging
import math
import random
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

import numpy as np
import pygame

from game.world.surfaces import displayed

if TYPE_CHECKING:
    from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

KINDS = ("steam", "snow", "rain")
STEP_HZ = 60
BLOCK = 32  # steps whose particle places are worked out together


def step_of(time_ms: float) -> int:
    """The step counter behind a game-clock time (the sims count 60 steps a second)."""
    return int(round(time_ms * STEP_HZ / 1000.0))


@dataclass(frozen=True)
class Kind:
    period: tuple[int, int]  # the repeating tile the particles live on, px
    count: int  # particles per period at density 1
    speed: tuple[float, float]  # px a step (x, y)
    sway: float  # px of side-to-side wobble


SPECS = {
    "steam": Kind((288, 224), 9, (0.10, -0.22), 10.0),
    "snow": Kind((192, 192), 44, (0.20, 0.55), 5.0),
    "rain": Kind((160, 160), 26, (-1.1, 6.5), 0.0),
}


@dataclass(frozen=True)
class Zone:
    kind: str
    rect: tuple[int, int, int, int]  # map pixels; the whole map for the map property
    density: float = 1.0


def _blob(radius: int, alpha: int, color: tuple[int, int, int]) -> pygame.Surface:
    axis = np.arange(-radius, radius + 1, dtype=np.float32) ** 2
    t = np.clip(1.0 - (axis[:, None] + axis[None, :]) / float(radius * radius), 0.0, 1.0)
    rgba = np.zeros((2 * radius + 1, 2 * radius + 1, 4), dtype=np.uint8)
    rgba[..., :3] = color
    rgba[..., 3] = np.rint(t * t * alpha).astype(np.uint8)
    blob = pygame.image.frombuffer(rgba.tobytes(), (2 * radius + 1, 2 * radius + 1), "RGBA").copy()
    return displayed(blob)  # a 69x69 puff 100 -> 5 us a blit, the same pixels


def _sprites(kind: str) -> list[pygame.Surface]:
    """The particle images of a kind (pygame surfaces, built on first use)."""
    if kind == "steam":  # soft warm-white puffs in three sizes and four strengths (fade in and out)
        return [_blob(r, a, (236, 232, 222)) for r in (18, 26, 34) for a in (8, 14, 20, 26)]
    if kind == "snow":
        out = []
        for size, alpha in ((1, 200), (2, 170), (2, 120), (3, 110)):
            s = pygame.Surface((size, size), pygame.SRCALPHA)
            s.fill((240, 246, 255, alpha))
            if size == 3:  # a round-ish big flake
                for corner in ((0, 0), (2, 0), (0, 2), (2, 2)):
                    s.set_at(corner, (240, 246, 255, alpha // 3))
            out.append(s)
        return out
    streak = pygame.Surface((3, 9), pygame.SRCALPHA)  # rain: a slanted streak, a splash
    for i in range(9):
        streak.set_at((2 - i // 4, i), (170, 190, 220, 40 + 8 * i))
    splash = pygame.Surface((5, 2), pygame.SRCALPHA)
    for x, y, a in ((0, 1, 70), (4, 1, 70), (1, 0, 110), (2, 0, 60), (3, 0, 110)):
        splash.set_at((x, y), (190, 205, 230, a))
    return [streak, splash]


class Weather:
    """The weather zones of one map and the seeded particles that fill them."""

    def __init__(self, zones: list[Zone], seed: int) -> None:
        self.zones = zones
        self._params: dict[str, np.ndarray] = {}
        self._sprites: dict[str, list[pygame.Surface]] = {}
        self._halves: dict[str, np.ndarray] = {}
        self._margins: dict[str, int] = {}
        self._blocks: dict[str, tuple[int, np.ndarray, np.ndarray, list]] = {}  # kind -> BLOCK steps' places (`_block_of`)
        for kind in {z.kind for z in zones}:
            spec = SPECS[kind]
            rng = random.Random(f"{seed}:{kind}")
            count = int(spec.count * max(z.density for z in zones if z.kind == kind) + 0.5)
            # per particle: base x, base y, phase, speed factor, sprite index
            self._params[kind] = np.array([[rng.uniform(0, spec.period[0]), rng.uniform(0, spec.period[1]),
                                            rng.uniform(0, 2 * math.pi), rng.uniform(0.7, 1.3),
                                            rng.random()] for _ in range(count)], dtype=np.float64).reshape(-1, 5)

    @classmethod
    def of(cls, tilemap: "TileMap") -> "Weather | None":
        w, h = tilemap.pixel_size
        zones = []
        whole = str(tilemap.properties.get("weather", "")).strip()
        if whole:
            if whole in SPECS:
                zones.append(Zone(whole, (0, 0, w, h)))
            else:
                log.warning("%s: weather '%s' is not one of %s", tilemap.path.name, whole, ", ".join(KINDS))
        for obj in tilemap.objects_of("weather"):
            kind = str(obj.properties.get("kind", "")).strip()
            if kind not in SPECS or obj.width <= 0 or obj.height <= 0:
                log.warning("%s: %s: needs a kind (%s) and an area", tilemap.path.name, obj.label(),
                            ", ".join(KINDS))
                continue
            try:
                density = min(4.0, max(0.0, float(obj.properties.get("density", 1.0))))
            except (TypeError, ValueError):
                density = 1.0
            zones.append(Zone(kind, (int(obj.x), int(obj.y), int(obj.width), int(obj.height)), density))
        return cls(zones, seed=len(tilemap.path.stem)) if zones else None

    def draw(self, surface: pygame.Surface, camera_xy: tuple[int, int], step: int) -> None:
        view = pygame.Rect(camera_xy, surface.get_size())
        clip = surface.get_clip()
        for zone in self.zones:
            area = view.clip(pygame.Rect(zone.rect))
            if not area.w or not area.h:
                continue
            surface.set_clip(area.move(-view.x, -view.y).clip(clip))
            blits = self._particles(zone, area, view, step)
            if blits:
                surface.fblits(blits)
        surface.set_clip(clip)

    def _particles(self, zone: Zone, area: pygame.Rect, view: pygame.Rect,
                   step: int) -> list[tuple[pygame.Surface, tuple[int, int]]]:
        """Every particle on every repeat of the period that reaches the area, as blits in view pixels, in
        the order repeat column, repeat row, particle. Which particles a repeat column puts across the
        area is a bit mask (bit i: particle i) found with two bisections of the step's sorted edges
        (`_places`), a repeat row's the same, and a repeat's particles are the bits both have: the frame's
        Python is per repeat and per particle shown, not per particle looked at."""
        spec = SPECS[zone.kind]
        images, left_x, top_y, table_x, table_y = self._places(zone.kind, step)
        n = max(0, min(len(images), int(spec.count * zone.density + 0.5)))
        keep = (1 << n) - 1  # the zone's particles: the first n (a denser zone of the kind has more)
        pw, ph = spec.period
        margin = self._margins[zone.kind]  # a particle may poke into the area from a repeat just outside it
        kind = zone.kind  # the far edges (`_far_edges`) only for a repeat left of or above the map
        columns = _repeats(area.left, area.right, pw, margin, view.x, left_x, keep, table_x,
                           (lambda: self._far_edges(kind, step)[0::2]) if area.left < margin else None)
        rows = _repeats(area.top, area.bottom, ph, margin, view.y, top_y, keep, table_y,
                        (lambda: self._far_edges(kind, step)[1::2]) if area.top < margin else None)
        out = []
        add = out.append
        for mask_x, xs, dx in columns:
            for mask_y, ys, dy in rows:
                both, base = mask_x & mask_y, 0
                while both:  # its bits in increasing order, a byte at a time
                    for j in _BITS[both & 255]:
                        i = base + j
                        add((images[i], (xs[i] + dx, ys[i] + dy)))
                    both >>= 8
                    base += 8
        return out

    def _places(self, kind: str, step: int) -> tuple[list, list, list, list, list]:
        """Each particle's image on `step` and its left and top edge (the image's top-left) on the period's
        first repeat, as lists; and `_with_sorted`'s table for the step, its x half and its y half: the left,
        right, then the top and bottom edges sorted, each followed by the masks of the particles before (left, top) or from (right,
        bottom) each sorted place. Made as lists for the whole block at once (`_block_of`)."""
        block = self._blocks.get(kind)
        if block is None or not block[0] <= step < block[0] + BLOCK:
            self._block_of(kind, step)
            block = self._blocks[kind]
        return block[3][step - block[0]]

    def _far_edges(self, kind: str, step: int) -> list[list[int]]:
        """The right and bottom edges and whether x and y have a fraction, on `step` (a repeat left of or
        above the map needs them: see `_rounded_up`)."""
        places, _ = self._block_of(kind, step)
        return places[3:, step - self._blocks[kind][0]].tolist()

    def _block_of(self, kind: str, step: int) -> tuple[np.ndarray, np.ndarray]:
        """The places and sorted edges of the BLOCK steps that hold `step`, worked out when first needed,
        with `_places`'s lists for each of its steps (one conversion per block, not one per step)."""
        block = self._blocks.get(kind)
        if block is None or not block[0] <= step < block[0] + BLOCK:
            first = step - step % BLOCK
            places, table = _with_sorted(self._block(kind, first))
            sprites = self._sprites[kind]
            index, left_x, top_y = places[:3].tolist()
            rows = table.transpose(1, 0, 2).tolist()
            steps = [([sprites[i] for i in index[k]], left_x[k], top_y[k], rows[k][:4], rows[k][4:])
                     for k in range(BLOCK)]
            block = self._blocks[kind] = (first, places, table, steps)
        return block[1], block[2]

    def _block(self, kind: str, first: int) -> np.ndarray:
        """`_places` for the BLOCK steps from `first`, in one numpy pass: int (7, BLOCK, particles), the
        image index, the left, top, right and bottom edges and the x and y fractions; the floats a step
        at a time would give. (A map x is int(repeat + x) = repeat + floor(x) unless the sum rounds up to
        an integer, which needs an x within 1e-13 of one.) A rain splash's place is worked out for the
        splashes only, and a snowflake's or raindrop's half size once per particle (its image is fixed)."""
        sprites = self._sprites.get(kind)
        if sprites is None:
            sprites = self._sprites[kind] = _sprites(kind)
            self._halves[kind] = np.array([(s.get_width() // 2, s.get_height() // 2) for s in sprites],
                                          dtype=np.int64).reshape(-1, 2)
            # repeats further out than the largest half size (+1: an x of exactly the period) show nothing
            self._margins[kind] = int(self._halves[kind].max()) + 1
        spec = SPECS[kind]
        bx, by, phase, speed, pick = self._params[kind].T
        step = np.arange(first, first + BLOCK, dtype=np.int64)[:, None]
        pw, ph = spec.period
        x = (bx + spec.speed[0] * speed * step + spec.sway * np.sin(step * 0.021 * speed + phase)) % pw
        y = (by + spec.speed[1] * speed * step) % ph
        if kind == "steam":  # each puff rises for `life` steps, fading in and out, then starts again
            life = 420.0
            age = ((step * speed + phase * life) % life) / life
            fixed = np.minimum(pick * 3, 2).astype(int) * 4  # its size, then its strength
            index = fixed + np.minimum(np.sin(age * math.pi) * 4, 3).astype(int)
            half = self._halves[kind][index]  # (BLOCK, particles, 2)
            half_x, half_y = half[..., 0], half[..., 1]
        else:
            if kind == "snow":
                each = np.minimum(pick * 4, 3).astype(int)
            else:  # rain: most are streaks, a few are splashes that sit still for a few steps where they land
                splash = pick < 0.18
                each = splash.astype(int)
                y[:, splash] = (by[splash] + (step // 8) * 37.0 * speed[splash]) % ph
                x[:, splash] = (bx[splash] + (step // 8) * 53.0 * speed[splash]) % pw
            index = each
            half_x, half_y = self._halves[kind][each].T
        fx, fy = np.floor(x), np.floor(y)
        out = np.empty((7, BLOCK, x.shape[1]), dtype=np.int64)
        out[0] = index
        out[1] = left = fx.astype(np.int64) - half_x
        out[2] = top = fy.astype(np.int64) - half_y
        out[3] = left + 2 * half_x
        out[4] = top + 2 * half_y
        out[5] = x != fx
        out[6] = y != fy
        return out


def _with_sorted(block: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`_block`'s array, and a table (8, BLOCK, particles + 1): for the left, right, top and bottom edges in
    turn, each step's edges sorted (then one past any edge), then per sorted place the mask of the
    particles sorted before it (left, top) or from it on (right, bottom) (bit i: particle i; Python ints
    past 63 particles)."""
    count = block.shape[2]
    exact = count < 64
    bits = np.array([1 << i for i in range(count)], dtype=np.int64 if exact else object)
    shift = max(1, (count - 1).bit_length())  # each edge sorted with its particle in the low bits: one sort
    keys = np.sort((block[[1, 3, 2, 4]] << shift) | np.arange(count), axis=2)
    ors = bits[keys & ((1 << shift) - 1)]
    table = np.zeros((8, BLOCK, count + 1), dtype=np.int64 if exact else object)
    table[0::2, :, :-1] = keys >> shift
    table[0::2, :, -1] = 1 << 40  # past every edge: a bisection never lands beyond the particles
    np.bitwise_or.accumulate(ors[0::2], axis=2, out=table[1::4, :, 1:])  # left, top: the ones before
    np.bitwise_or.accumulate(ors[1::2, :, ::-1], axis=2, out=table[3::4, :, -2::-1])  # right, bottom: from
    return block, table


def _repeats(start: int, end: int, period: int, margin: int, shift: int, near: list[int], keep: int,
             table: list[list[int]], far: Callable[[], list[list[int]]] | None) -> list[tuple[int, list[int], int]]:
    """Along one axis, the repeats of the period that put particles across [start, end): each one's mask of
    them, their near edges (left or top) and its shift into view pixels. `table`: the near edges sorted,
    the masks before each sorted place, the far edges sorted, the masks from each (`_with_sorted`);
    `far`: the far edges and the fractions, for a repeat before the map's start (`_rounded_up`); None
    where none starts before it (start - margin >= 0)."""
    near_sorted, before, far_sorted, after = table
    out = []
    for origin in range((start - margin) // period * period, end + margin, period):
        lo, hi = start - origin, end - origin
        if origin >= 0:
            edges, mask = near, before[bisect_left(near_sorted, hi)] & after[bisect_left(far_sorted, lo)] & keep
        else:
            assert far is not None, "a repeat before the map's start needs the far edges"
            count = keep.bit_length()
            ends, up = far()
            edges, ends = _rounded_up(near[:count], ends[:count], up[:count])
            mask = _mask(edges, ends, lo, hi)
        if mask:
            out.append((mask, edges, origin - shift))
    return out


def _mask(low: list[int], high: list[int], lo: int, hi: int) -> int:
    """The mask of the particles whose edges reach across [lo, hi) (a repeat left of or above the map)."""
    mask = 0
    for i, (a, b) in enumerate(zip(low, high)):
        if a < hi and b >= lo:
            mask |= 1 << i
    return mask


_BITS = [tuple(j for j in range(8) if byte >> j & 1) for byte in range(256)]  # a byte's set bits, in order


def _rounded_up(low: list[int], high: list[int], up: list[int]) -> tuple[list[int], list[int]]:
    """Edges on a repeat left of or above the map: int() rounds a negative position toward zero, so a
    particle with a fraction lands a pixel further right or down than on the repeats inside the map."""
    return [a + u for a, u in zip(low, up)], [b + u for b, u in zip(high, up)]
