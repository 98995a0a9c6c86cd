"""The heads-up display of the action levels: Danko's health, lives and ammo (when armed), the
objective, and the name and health bar of the enemy hit last. Draw-only: reads the LevelSim."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pygame

from game.modes.events import Event, LifeLost, ObjectiveChanged

if TYPE_CHECKING:  # pragma: no cover
    from game.modes.level.sim import LevelSim

log = logging.getLogger(__name__)

INK = (240, 230, 210)
DIM = (150, 140, 128)
SHADOW = (12, 10, 14)
RED = (208, 44, 40)
RED_DARK = (80, 20, 24)
GOLD = (232, 184, 72)
ENEMY = (224, 120, 56)
LAST_HIT_STEPS = 240  # the enemy bar stays this long after the last blow


def _text(surface: pygame.Surface, font: Any, text: str, pos: tuple[int, int], color=INK) -> int:
    """Text with a one-pixel drop shadow so it reads over any floor; returns its width."""
    shadow = font.render(text, SHADOW)
    surface.blit(shadow, (pos[0] + 1, pos[1] + 1))
    surface.blit(font.render(text, color), pos)
    return shadow.get_width()


def _bar(surface: pygame.Surface, x: int, y: int, w: int, h: int, frac: float, color, back=RED_DARK) -> None:
    surface.fill(SHADOW, (x - 1, y - 1, w + 2, h + 2))
    surface.fill(back, (x, y, w, h))
    fill = max(0, min(w, round(w * frac)))
    if fill:
        surface.fill(color, (x, y, fill, h))
        surface.fill(tuple(min(255, c + 50) for c in color), (x, y, fill, 1))  # a highlight edge


class Hud:
    def __init__(self, font: Any) -> None:
        self.font = font
        self.objective_flash = 0   # steps left of the "new objective" highlight
        self.banner = ""
        self.banner_steps = 0

    def on_event(self, event: Event) -> None:
        if isinstance(event, ObjectiveChanged):
            self.objective_flash = 150
        elif isinstance(event, LifeLost):
            lives = event.lives
            self.banner, self.banner_steps = f"{lives} {'LIFE' if lives == 1 else 'LIVES'} LEFT", 120

    def tick(self) -> None:
        if self.objective_flash:
            self.objective_flash -= 1
        if self.banner_steps:
            self.banner_steps -= 1

    def draw(self, surface: pygame.Surface, sim: "LevelSim") -> None:
        p = sim.player
        font = self.font
        x0 = 4 + _text(surface, font, "DANKO", (4, 3)) + 5
        _bar(surface, x0, 5, 60, 5, p.health / p.tuning.max_health, RED if p.health > 25 or
             (sim.steps // 8) % 2 else (255, 120, 100))
        # Lives as little fur hats.
        for i in range(max(0, p.lives)):
            x = x0 + 66 + i * 8
            surface.fill(SHADOW, (x, 4, 7, 7))
            surface.fill((92, 64, 44), (x, 4, 6, 3))
            surface.fill((224, 176, 140), (x + 1, 7, 4, 3))
        if p.armed:
            color = GOLD if p.ammo else RED
            _text(surface, font, f"AMMO {p.ammo}", (4, 13), color)
        if p.combo >= 2:
            _text(surface, font, f"{p.combo} HITS", (4, 23 if p.armed else 13), GOLD)
        if sim.objective:
            flash = self.objective_flash and (self.objective_flash // 10) % 2 == 0
            w = font.size(sim.objective)[0]
            lives_end = x0 + 66 + 8 * max(0, p.lives) + 4
            y = 3 if surface.get_width() - w - 4 >= lives_end else 13  # too long: its own row
            _text(surface, font, sim.objective, (surface.get_width() - w - 4, y), GOLD if flash else INK)
        self._draw_enemy(surface, sim)
        if self.banner_steps:
            w = font.size(self.banner)[0]
            _text(surface, font, self.banner, ((surface.get_width() - w) // 2, 70), GOLD)

    def _draw_enemy(self, surface: pygame.Surface, sim: "LevelSim") -> None:
        e = sim.last_hit
        since = sim.steps - sim.last_hit_step
        if e is None or since > LAST_HIT_STEPS or (e.hp <= 0 and since > 90):
            return
        y = surface.get_height() - 12
        w = _text(surface, self.font, e.name.upper(), (4, y - 2), ENEMY)
        frac = max(0, e.hp) / max(1, e.max_hp)
        _bar(surface, 10 + w, y + 1, 70, 4, frac, ENEMY, (60, 30, 16))
