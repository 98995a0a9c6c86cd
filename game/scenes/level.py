"""The level scene: plays a LevelSim, follows the player with the camera, draws map, actors, HUD.

Lifecycle: enter() builds the renderer and centres the camera; handle() stores the step's input;
update() steps the simulation once and, when the level ends, asks `on_done` for the transition
(the story sequence decides what comes next, not this scene); draw() only reads state.
"""
from __future__ import annotations

import logging
from typing import Callable

import pygame

from game.input import NO_INPUT, Action, InputFrame
from game.scenes.hotreload import HotReload, apply_reload, draw_reload_error
from game.scenes.pause import PauseHooks, PauseScene
from game.scenes.stack import BaseScene, Push, Transition
from game.simulation import LevelSim
from game.world.camera import Camera
from game.world.render import MapRenderer, Sprite

log = logging.getLogger(__name__)

OnDone = Callable[[str], "Transition | None"]


def _placeholder_danko() -> pygame.Surface:
    """A 16x24 stand-in until the sprite sheets land: fur hat, grey coat."""
    s = pygame.Surface((16, 24), pygame.SRCALPHA)
    s.fill((58, 42, 30), (4, 0, 8, 4))      # fur hat
    s.fill((224, 176, 140), (5, 4, 6, 5))   # face
    s.fill((110, 114, 120), (3, 9, 10, 11))  # grey coat
    s.fill((40, 40, 48), (4, 20, 3, 4))      # legs
    s.fill((40, 40, 48), (9, 20, 3, 4))
    return s


class LevelScene(BaseScene):
    pause_on_focus_loss = True  # the app injects a Pause press when the window loses focus

    def __init__(self, sim: LevelSim, on_done: OnDone | None = None, pause: PauseHooks | None = None) -> None:
        self.sim = sim
        self.on_done = on_done
        self.pause = pause
        self.frame: InputFrame = NO_INPUT
        self.renderer: MapRenderer | None = None
        self.camera: Camera | None = None
        self._danko: pygame.Surface | None = None
        self._font: pygame.font.Font | None = None
        self.hot_reload = HotReload(sim.tilemap)  # designers' saves in Tiled show up within a second

    def enter(self) -> None:
        self.renderer = MapRenderer(self.sim.tilemap)
        self.camera = Camera(*self.sim.tilemap.pixel_size)
        self.camera.center_on(*self.sim.player.body.feet)
        self._danko = _placeholder_danko()
        if not pygame.font.get_init():
            pygame.font.init()
        self._font = pygame.font.Font(None, 14)

    def handle(self, frame: InputFrame) -> None:
        self.frame = frame

    def update(self, dt: float) -> Transition | None:
        if self.frame.was_pressed(Action.PAUSE):
            return Push(PauseScene(self.pause))
        apply_reload(self, self.hot_reload.step())
        outcome = self.sim.step(self.frame)
        if self.camera is not None:
            self.camera.follow(*self.sim.player.body.feet)
        if outcome is not None and self.on_done is not None:
            return self.on_done(outcome)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        assert self.renderer is not None and self.camera is not None and self._danko is not None
        surface.fill((0, 0, 0))
        fx, fy = self.sim.player.body.feet
        image = self._danko
        sprite = Sprite(image, round(fx - image.get_width() / 2), round(fy - image.get_height()), fy)
        self.renderer.draw(surface, self.camera.offset, self.sim.time_ms, [sprite])
        self._draw_hud(surface)
        draw_reload_error(surface, self.hot_reload.error)

    def _draw_hud(self, surface: pygame.Surface) -> None:
        assert self._font is not None
        player = self.sim.player
        surface.fill((20, 20, 24), (4, 4, 52, 6))
        width = max(0, round(50 * player.health / player.tuning.max_health))
        surface.fill((200, 40, 40), (5, 5, width, 4))
        text = self._font.render("Reach the exit", False, (240, 230, 210))
        surface.blit(text, (surface.get_width() - text.get_width() - 4, 3))
