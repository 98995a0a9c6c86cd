"""App.run_async: the browser's loop (one `await asyncio.sleep(0)` per frame) steps exactly like App.run."""
from __future__ import annotations

import asyncio

import pygame

from game.desktop.app import App, AppConfig
from game.modes.level.scene import LevelScene
from game.modes.level.sim import LevelSim
from game.paths import first_level
from game.scenes.stack import BaseScene, Pop
from game.world.tilemap import load_tilemap


def level_app(tmp_path, frames: int) -> tuple[App, list[LevelSim]]:
    tilemap = load_tilemap(first_level())
    app = App(AppConfig(headless=True, frames=frames, data_dir=tmp_path))
    sims: list[LevelSim] = []

    def scene() -> LevelScene:
        sims.append(LevelSim(tilemap, seed=3))
        return LevelScene(sims[-1])

    app.first_scene = scene
    return app, sims


def test_async_loop_steps_the_level_exactly_like_the_sync_loop(tmp_path):
    sync_app, sync_sims = level_app(tmp_path / "a", 150)
    assert sync_app.run() == 0
    async_app, async_sims = level_app(tmp_path / "b", 150)
    assert asyncio.run(async_app.run_async()) == 0
    assert async_sims[0].steps == sync_sims[0].steps == 150  # headless: one fixed step per frame
    assert async_sims[0].state_hash() == sync_sims[0].state_hash()


class Counter(BaseScene):
    """Counts steps and draws; pops itself after `life` steps."""

    def __init__(self, life: int) -> None:
        self.life, self.steps, self.draws = life, 0, 0

    def update(self, dt: float):
        self.steps += 1
        return Pop() if self.steps >= self.life else None

    def draw(self, surface: pygame.Surface) -> None:
        self.draws += 1


def test_async_loop_yields_to_the_event_loop_once_per_frame_and_ends_with_the_stack(tmp_path):
    scene = Counter(life=40)
    app = App(AppConfig(headless=True, data_dir=tmp_path), first_scene=lambda: scene)
    ticks = 0

    async def other_task() -> None:  # stands in for the browser's own work between frames
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    async def both() -> int:
        other = asyncio.create_task(other_task())
        code = await app.run_async()
        other.cancel()
        return code

    assert asyncio.run(both()) == 0
    assert scene.steps == 40 and scene.draws == 39  # the 40th step empties the stack before a draw
    assert abs(ticks - scene.draws) <= 1  # the other task ran once per frame
