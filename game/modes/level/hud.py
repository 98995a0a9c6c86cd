"""The heads-up display of the action levels: Danko's health, lives and ammo (when armed), the
objective, and the name and health bar of the enemy hit last, each on a dark backing so it reads over
any floor. Draw-only: reads the LevelSim; its text comes from cached label images and its name-and-bar
blocks from cached painted parts (game.ui.draw), so an unchanged HUD blits the same surfaces every
frame and draws no glyphs; a frame that shows what the last one showed replays its blits (game.ui.kept)."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pygame

from game.modes.events import CheckpointSaved, Event, LifeLost, ObjectiveChanged
from game.ui import draw as ui
from game.ui.font import BitmapFont
from game.ui.kept import Kept
from game.ui.palette import (
    ENEMY,
    ENEMY_BACK,
    GOLD,
    HEALTH,
    HEALTH_BACK,
    HEALTH_LOW,
    INK,
    PANEL,
    WARN,
)

if TYPE_CHECKING:  # pragma: no cover
    from game.modes.level.sim import LevelSim

log = logging.getLogger(__name__)

HAT = (92, 64, 44)  # the lives are little fur hats over a face
FACE = (224, 176, 140)
MARGIN = 2  # pixels from the screen edge to a backing
HEALTH_W = 60
ENEMY_W = 70
HAT_STEP = 8
LAST_HIT_STEPS = 240  # the enemy bar stays this long after the last blow


class Hud:
    def __init__(self, font: BitmapFont) -> None:
        self.font = font
        self.objective_flash = 0   # steps left of the "new objective" highlight
        self.banner = ""
        self.right_bottom = 0  # the bottom of the right-hand column (the objective), set by draw
        self.banner_steps = 0
        self._kept = Kept()  # the last frame's drawing, replayed while the HUD shows the same (game.ui.kept)

    def on_event(self, event: Event) -> None:
        if isinstance(event, ObjectiveChanged):
            self.objective_flash = 150
        elif isinstance(event, CheckpointSaved):
            self.banner, self.banner_steps = "CHECKPOINT", 90
        elif isinstance(event, LifeLost):
            lives = event.lives
            self.banner, self.banner_steps = f"{lives} {'LIFE' if lives == 1 else 'LIVES'} LEFT", 120

    def tick(self) -> None:
        if self.objective_flash:
            self.objective_flash -= 1
        if self.banner_steps:
            self.banner_steps -= 1

    def draw(self, surface: pygame.Surface, sim: "LevelSim") -> None:
        """The HUD of this frame: the last frame's blits again when it shows the same (`shown`)."""
        self.right_bottom = self._kept.draw(surface, self.shown(sim, surface), self._draw, sim)

    def shown(self, sim: "LevelSim", surface: pygame.Surface) -> tuple:
        """Everything the HUD reads to draw a frame: two frames with equal ones look the same."""
        p = sim.player
        steps = sim.steps
        e = sim.last_hit
        enemy = None
        if e is not None:
            since = steps - sim.last_hit_step
            if not (since > LAST_HIT_STEPS or (e.hp <= 0 and since > 90)):
                enemy = (e.name, e.hp, e.max_hp)
        flash = self.objective_flash
        return (self.font, surface.get_size(), p.health, p.tuning.max_health, p.health <= 25 and (steps // 8) % 2 == 0,
                p.lives, p.armed, p.reload, p.ammo, p.loaded, p.combo if p.combo >= 2 else 0, sim.objective,
                bool(flash and (flash // 10) % 2 == 0), enemy, self.banner if self.banner_steps else None)

    def _draw(self, surface: pygame.Surface, sim: "LevelSim") -> int:
        """Draw the HUD; where its right-hand column ends."""
        p = sim.player
        font = self.font
        low = p.health <= 25 and (sim.steps // 8) % 2 == 0
        lives = max(0, p.lives)
        # His name, health bar and hats: one block, painted again only when one of them changes.
        name = pygame.Rect((MARGIN, MARGIN), ui.label_image(font, "DANKO").get_size())
        strip = pygame.Rect(name.right, name.y, 3 + HEALTH_W + 4 + HAT_STEP * lives, name.height)
        block = name.union(strip)
        surface.blit(ui.painted_part(("danko", font, p.health, p.tuning.max_health, low, lives), block, surface,
                                     self._paint_danko, p.health / p.tuning.max_health, low, lives), block.topleft)
        y = name.bottom + 1
        if p.armed:
            text = f"RELOADING {p.ammo}" if p.reload else f"AMMO {p.loaded} +{p.ammo - p.loaded}"
            y = ui.label_on_backing(surface, font, text, (MARGIN, y), GOLD if p.loaded else WARN).bottom + 1
        if p.combo >= 2:
            ui.label_on_backing(surface, font, f"{p.combo} HITS", (MARGIN, y), GOLD)
        right_bottom = MARGIN  # where the right-hand column ends: the escape's clock goes below it
        if sim.objective:
            flash = self.objective_flash and (self.objective_flash // 10) % 2 == 0
            right = surface.get_width() - MARGIN
            fits = right - font.size(sim.objective)[0] - 2 * ui.LABEL_PAD[0] >= strip.right + 4
            # Too long for the top line: the line below the gun's label, clear of everything on the left.
            right_bottom = ui.label_on_backing(surface, font, sim.objective, (right, MARGIN if fits else y),
                                               GOLD if flash else INK, anchor="topright").bottom
        self._draw_enemy(surface, sim)
        if self.banner_steps:
            ui.label_on_backing(surface, font, self.banner, (surface.get_width() // 2, 69), GOLD,
                                anchor="midtop", pad=(4, 2))
        return right_bottom

    def _paint_danko(self, surface: pygame.Surface, frac: float, low: bool, lives: int) -> None:
        name = ui.label_on_backing(surface, self.font, "DANKO", (MARGIN, MARGIN))
        strip = self._gauge(surface, name, HEALTH_W, frac, HEALTH_LOW if low else HEALTH, HEALTH_BACK,
                            extra=HAT_STEP * lives)
        for i in range(lives):
            x = strip.right - HAT_STEP * (lives - i) - 1
            surface.fill(HAT, (x, name.y + 2, 6, 3))
            surface.fill(FACE, (x + 1, name.y + 5, 4, 3))

    def _gauge(self, surface: pygame.Surface, label: pygame.Rect, width: int, frac: float, color: tuple,
               back: tuple, extra: int = 0) -> pygame.Rect:
        """Extend `label`'s backing to the right with a bar (and `extra` pixels for icons); its rect."""
        strip = ui.panel(surface, (label.right, label.y, 3 + width + 4 + extra, label.height), PANEL)
        ui.bar(surface, (label.right + 2, label.y + 3, width, label.height - 6), frac, color, back, outline=None)
        return strip

    def _draw_enemy(self, surface: pygame.Surface, sim: "LevelSim") -> None:
        e = sim.last_hit
        since = sim.steps - sim.last_hit_step
        if e is None or since > LAST_HIT_STEPS or (e.hp <= 0 and since > 90):
            return
        name = e.name.upper()
        label = ui.label_image(self.font, name, ENEMY).get_rect(bottomleft=(MARGIN, surface.get_height() - MARGIN))
        block = label.union((label.right, label.y, 3 + ENEMY_W + 4, label.height))
        surface.blit(ui.painted_part(("enemy", self.font, name, e.hp, e.max_hp), block, surface, self._paint_enemy,
                                     name, max(0, e.hp) / max(1, e.max_hp)), block.topleft)

    def _paint_enemy(self, surface: pygame.Surface, name: str, frac: float) -> None:
        label = ui.label_on_backing(surface, self.font, name, (MARGIN, surface.get_height() - MARGIN), ENEMY,
                                    anchor="bottomleft")
        self._gauge(surface, label, ENEMY_W, frac, ENEMY, ENEMY_BACK)
