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

if TYPE_CHECKING:
    from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

KINDS = ("steam", "snow", "rain")
STEP_HZ = 60


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
    if pygame.display.get_init() and pygame.display.get_surface() is not None:
        blob = blob.convert_alpha()  # the display's format: a 69x69 puff 100 -> 5 us a blit, the same pixels
    return blob


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
        self._half_sizes: dict[str, np.ndarray] = {}
        self._column_cache: dict[tuple[str, int], tuple[np.ndarray, ...]] = {}  # see `_columns`
        for kind in {z.kind for z in zones}:
            spec = SPECS[kind]
            rng = random.Random(f"{seed}:{kind}")
            count = int(spec.count * max(z.density for z in zones if z.kind == kind) + 0.5)
            # per particle: base x, base y, phase, speed factor, sprite index
            self._params[kind] = np.array([[rng.uniform(0, spec.period[0]), rng.uniform(0, spec.period[1]),
                                            rng.uniform(0, 2 * math.pi), rng.uniform(0.7, 1.3),
                                            rng.random()] for _ in range(count)], dtype=np.float64)

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
        spec = SPECS[zone.kind]
        sprites = self._sprites.get(zone.kind)
        if sprites is None:
            sprites = self._sprites[zone.kind] = _sprites(zone.kind)
        n = max(0, min(len(self._params[zone.kind]), int(spec.count * zone.density + 0.5)))
        bx, by, phase, speed, fixed = self._columns(zone.kind, n)
        pw, ph = spec.period
        x = (bx + spec.speed[0] * speed * step + spec.sway * np.sin(step * 0.021 * speed + phase)) % pw
        y = (by + spec.speed[1] * speed * step) % ph
        if zone.kind == "steam":  # each puff rises for `life` steps, fading in and out, then starts again
            life = 420.0
            age = ((step * speed + phase * life) % life) / life
            index = fixed + np.minimum(np.sin(age * math.pi) * 4, 3).astype(int)  # its size, then its strength
        else:
            index = fixed
            if zone.kind == "rain":  # a few are splashes that sit still for a few steps where they land
                splash = index == 1
                y = np.where(splash, (by + (step // 8) * 37.0 * speed) % ph, y)
                x = np.where(splash, (bx + (step // 8) * 53.0 * speed) % pw, x)
        # every particle on every repeat of the period that reaches the area, in one numpy pass (the
        # order of the loops this replaced: repeat column, repeat row, particle; the same ints)
        margin = 40  # the largest particle's half size: it may poke into the view from outside
        oxs = np.arange((area.left - margin) // pw * pw, area.right + margin, pw)
        oys = np.arange((area.top - margin) // ph * ph, area.bottom + margin, ph)
        half = self._halves(zone.kind, sprites)[index]  # (n, 2): each particle's image's half size
        px = (oxs[:, None] + x).astype(np.int64) - half[:, 0]  # (columns, n)
        py = (oys[:, None] + y).astype(np.int64) - half[:, 1]  # (rows, n)
        in_x = (area.left - 2 * half[:, 0] <= px) & (px < area.right)
        in_y = (area.top - 2 * half[:, 1] <= py) & (py < area.bottom)
        cols, rows, parts = np.nonzero(in_x[:, None, :] & in_y[None, :, :])
        return [(sprites[k], (a, b)) for k, a, b in zip(index[parts].tolist(), (px[cols, parts] - view.x).tolist(),
                                                        (py[rows, parts] - view.y).tolist())]

    def _columns(self, kind: str, n: int) -> tuple[np.ndarray, ...]:
        """The first `n` particles' base x, base y, phase and speed factor as contiguous arrays, and the
        part of their image index that never changes (steam: its size, x4; snow and rain: all of it):
        numpy's cost per call, not the arithmetic, is most of a frame's weather at these sizes."""
        columns = self._column_cache.get((kind, n))
        if columns is None:
            bx, by, phase, speed, pick = (np.ascontiguousarray(self._params[kind][:n, i]) for i in range(5))
            if kind == "steam":
                fixed = np.minimum(pick * 3, 2).astype(int) * 4
            elif kind == "snow":
                fixed = np.minimum(pick * 4, 3).astype(int)
            else:  # rain: most are streaks, a few splashes
                fixed = (pick < 0.18).astype(int)
            columns = self._column_cache[(kind, n)] = (bx, by, phase, speed, fixed)
        return columns

    def _halves(self, kind: str, sprites: list[pygame.Surface]) -> np.ndarray:
        halves = self._half_sizes.get(kind)
        if halves is None:
            halves = self._half_sizes[kind] = np.array([(s.get_width() // 2, s.get_height() // 2) for s in sprites],
                                                       dtype=np.int64).reshape(-1, 2)
        return halves
