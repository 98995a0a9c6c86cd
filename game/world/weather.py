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
from dataclasses import dataclass
from typing import TYPE_CHECKING

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
        self._blocks: dict[str, tuple[int, np.ndarray]] = {}  # kind -> its places for BLOCK steps (`_block`)
        self._placed: dict[str, tuple[int, tuple[list, ...]]] = {}  # kind -> its places on the last step drawn
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
        the order repeat column, repeat row, particle. Where the particles are in their period is worked
        out BLOCK steps at a time (`_places`); what is left per frame is a few list comprehensions over a
        few dozen ints (numpy's cost per call was most of the frame's weather at these sizes)."""
        spec = SPECS[zone.kind]
        images, left_x, right_x, top_y, bottom_y, ceil_x, ceil_y = self._places(zone.kind, step)
        n = max(0, min(len(images), int(spec.count * zone.density + 0.5)))
        pw, ph = spec.period
        left, top, right, bottom = area.left, area.top, area.right, area.bottom
        margin = self._margins[zone.kind]  # a particle may poke into the area from a repeat just outside it
        columns = []  # per repeat column: (particle, view x) of those it puts across the area
        for ox in range((left - margin) // pw * pw, right + margin, pw):
            lo, hi, dx = left - ox, right - ox, ox - view.x
            xs = zip(left_x[:n], right_x[:n]) if ox >= 0 else zip(*_rounded_up(left_x[:n], right_x[:n], ceil_x[:n]))
            columns.append([(i, a + dx) for i, (a, b) in enumerate(xs) if a < hi and b >= lo])
        rows = []  # per repeat row: the particles' top and bottom edges on it, and what the area needs of them
        for oy in range((top - margin) // ph * ph, bottom + margin, ph):
            edges = (top_y, bottom_y) if oy >= 0 else _rounded_up(top_y[:n], bottom_y[:n], ceil_y[:n])
            rows.append((*edges, top - oy, bottom - oy, oy - view.y))
        return [(images[i], (px, y + dy)) for column in columns for ys, ye, lo, hi, dy in rows for i, px in column
                if (y := ys[i]) < hi and ye[i] >= lo]

    def _places(self, kind: str, step: int) -> tuple[list, ...]:
        """Each particle's image on `step` and its left, right, top and bottom edge (the image's top-left
        plus twice its half size) on the period's first repeat, as lists; and whether its x and y have a
        fraction (int() of a map position left of or above the map rounds up)."""
        last = self._placed.get(kind)
        if last is not None and last[0] == step:
            return last[1]
        block = self._blocks.get(kind)
        if block is None or not block[0] <= step < block[0] + BLOCK:
            block = self._blocks[kind] = (step - step % BLOCK, self._block(kind, step - step % BLOCK))
        sprites = self._sprites[kind]
        index, *edges = block[1][:, step - block[0]].tolist()
        placed = ([sprites[k] for k in index], *edges)
        self._placed[kind] = (step, placed)
        return placed

    def _block(self, kind: str, first: int) -> np.ndarray:
        """`_places` for the BLOCK steps from `first`, in one numpy pass: int (7, BLOCK, particles), the
        image index, the four edges and the two fractions; the floats a step at a time would give. (A map
        x is int(repeat + x) = repeat + floor(x) unless the sum rounds up to an integer, which needs an x
        within 1e-13 of one.)"""
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
        elif kind == "snow":
            index = np.broadcast_to(np.minimum(pick * 4, 3).astype(int), x.shape)
        else:  # rain: most are streaks, a few are splashes that sit still for a few steps where they land
            splash = pick < 0.18
            index = np.broadcast_to(splash.astype(int), x.shape)
            y = np.where(splash, (by + (step // 8) * 37.0 * speed) % ph, y)
            x = np.where(splash, (bx + (step // 8) * 53.0 * speed) % pw, x)
        half = self._halves[kind][index]  # (BLOCK, particles, 2)
        fx, fy = np.floor(x), np.floor(y)
        left, top = fx.astype(np.int64) - half[..., 0], fy.astype(np.int64) - half[..., 1]
        return np.stack((index, left, left + 2 * half[..., 0], top, top + 2 * half[..., 1], x != fx, y != fy))


def _rounded_up(low: list[int], high: list[int], up: list[int]) -> tuple[list[int], list[int]]:
    """Edges on a repeat left of or above the map: int() rounds a negative position toward zero, so a
    particle with a fraction lands a pixel further right or down than on the repeats inside the map."""
    return [a + u for a, u in zip(low, up)], [b + u for b, u in zip(high, up)]
