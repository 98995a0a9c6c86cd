"""How a level's steam vents look: the floor plate that warns (amber) and scalds (red), the wisps that
build up over it, and the see-through column of steam a blowing vent sends up over the fighters.
Draw-only, read from the LevelSim on the game clock; LevelView calls these with itself (its caches)."""
from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING, Any

import pygame

from game.world.render import Sprite

if TYPE_CHECKING:  # pragma: no cover
    from game.modes.level.sim import LevelSim

log = logging.getLogger(__name__)

RED = (236, 56, 40)           # a blowing vent's plate (the enemies' tell red)
RIM = (16, 12, 10)            # the dark rim round every warning, readable on light floors
WARN = (255, 176, 32)         # a steam vent about to blow: amber plate with a dark rim
STEAM_ALPHA = 110             # the steam column over the fighters stays see-through
COLUMNS_KEPT = 600            # steam columns kept for reuse (a vent's blow is 40-90 steps)


def translucent(image: pygame.Surface, alpha: int) -> pygame.Surface:
    """A copy of `image` drawn at `alpha` (the wisps; the view's after-hit blink too)."""
    faint = image.copy()
    faint.set_alpha(alpha)
    return faint


def _plate(w: int, h: int, fill: tuple[int, int, int], alpha: int) -> pygame.Surface:
    """A floor marking: `fill` at `alpha` inside a two-pixel dark rim (hazard warnings)."""
    s = pygame.Surface((w, h), pygame.SRCALPHA)
    s.fill((*RIM, 235))
    s.fill((*fill, alpha), (2, 2, w - 4, h - 4))
    return s


def plates(view: Any, sim: "LevelSim") -> list[Sprite]:
    """Each vent's floor plate: amber pulsing while it warns, red while it blows, dark-rimmed."""
    out = []
    for h in sim.spec.hazards:
        phase = h.phase_at(sim.steps)
        if phase == "off":
            continue
        t = (sim.steps + h.phase) % h.period
        r = h.rect
        w, hh = int(r.w) + 4, int(r.h) + 4
        if phase == "warn":
            k = t / max(1, h.warn)
            alpha = (210 + int(40 * k)) // 10 * 10 if (t // 6) % 2 else (190 + int(40 * k)) // 10 * 10
            plate = view._cached(("plate", w, hh, WARN, alpha), _plate, w, hh, WARN, alpha)
        else:
            alpha = 230 if ((t - h.warn) // 4) % 2 else 190
            plate = view._cached(("plate", w, hh, RED, alpha), _plate, w, hh, RED, alpha)
        out.append(Sprite(plate, round(r.x - 2), round(r.y - 2), -1e9))
    return out


def draw(view: Any, surface: pygame.Surface, sim: "LevelSim", cx: int, cy: int, step: int) -> None:
    """Over the fighters: the wisps of a vent that warns, the steam column of one that blows."""
    puffs = view.effect("steam_puff", convert=False)  # drawn at a surface alpha: kept as loaded
    for h in sim.spec.hazards:
        r = h.rect
        if r.x + r.w < cx or r.x > cx + surface.get_width() or r.y + r.h < cy - 32 or r.y > cy + surface.get_height():
            continue
        phase = h.phase_at(step)
        t = (step + h.phase) % h.period
        if phase == "off":
            continue
        if phase == "warn":
            # A readable build-up: wisps grow over the amber plate drawn under the fighters.
            k = t / max(1, h.warn)
            n = 1 + int(k * 3)
            for i in range(n):
                frame = puffs[(t // 6 + i) % len(puffs)]
                px = r.x + (i * 7 + t // 3) % max(1, int(r.w) - 8)
                py = r.y + r.h - 10 - ((t * 0.6 + i * 9) % 18)
                img = view._cached(("wisp", id(frame)), translucent, frame, 110)
                surface.blit(img, (round(px - cx), round(py - cy)))
        else:
            # Blowing: a white column rises from the red plate (it scalds). It is composed on
            # its own layer and laid over the fighters see-through, so nobody vanishes in it.
            on_t = t - h.warn
            col, ox, oy = _steam_column(view, r, on_t, puffs)
            surface.blit(col, (round(ox - cx), round(oy - cy)))


def _steam_column(view: Any, r: Any, on_t: int, puffs: tuple[pygame.Surface, ...]) -> tuple[pygame.Surface, float, float]:
    """A blowing vent's steam column `on_t` steps into its blow, composed on its own see-through
    layer once per vent size and step of the blow (the same every cycle and for every vent of a size),
    and where it stands on the map."""
    top = 16 + 3 * 11 + 10
    ox, oy = r.x - 12, r.y + r.h - (int(r.h) + top)
    key = (r.w, r.h, on_t)
    col = view._columns.get(key)
    if col is not None:
        return col, ox, oy
    if len(view._columns) >= COLUMNS_KEPT:
        view._columns.clear()
    col = view._columns[key] = pygame.Surface((int(r.w) + 24, int(r.h) + top), pygame.SRCALPHA)
    cols = max(1, int(r.w // 12))
    for j in range(4):
        size = 20 + j * 4
        for i in range(cols):
            frame = puffs[(on_t // 4 + i + j) % len(puffs)]
            key = ("puff", id(frame), size, j)
            if key not in view._cache:
                big = pygame.transform.scale(frame, (size, size))
                big.set_alpha(235 - j * 35)
                view._cache[key] = big
            wobble = math.sin((on_t + i * 13 + j * 7) * 0.3) * 2
            px = 12 + (i + 0.5) * (r.w / cols) - size / 2 + wobble  # on the layer, whose left is r.x - 12
            py = int(r.h) + top - size - j * 11 - (on_t % 10)  # and whose bottom is the vent's
            col.blit(view._cache[key], (round(px), round(py)))
    col.set_alpha(STEAM_ALPHA)
    return col, ox, oy
