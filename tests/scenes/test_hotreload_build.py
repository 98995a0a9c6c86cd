"""Hot reload of a real level: the new map's renderer builds a step at a time while the old map is on
screen, each step within the chunk-work budget, and lands whole; the next reload reuses the surfaces."""
import pygame
import pytest
from conftest import ChunkWork

from game.input.actions import NO_INPUT
from game.modes.level.scene import LevelScene
from game.modes.level.sim import LevelSim
from game.paths import level_files
from game.scenes.hotreload import RELOAD_CELLS, apply_reload
from game.world.tilemap import load_tilemap

pytestmark = pytest.mark.usefixtures("display")  # every test draws (conftest.display)


def _level(name):
    return next(p for p in level_files() if p.stem == name)


def _frame(scene, surface):
    scene.handle(NO_INPUT)
    scene.update(1 / 60)
    scene.draw(surface)


def test_a_hot_reload_spreads_the_build_keeps_the_old_map_on_screen_and_reuses_surfaces(monkeypatch):
    path = _level("bathhouse")  # lit, with steam: one 1152x576 px chunk below the actors
    scene = LevelScene(LevelSim(load_tilemap(path), seed=1))
    scene.enter()
    surface = pygame.Surface((320, 180))
    chunks = [scene.renderer.chunk_surfaces()[0][0]]  # the map's one chunk below the actors
    for reload in range(2):
        old, old_map = scene.renderer, scene.sim.tilemap
        work = ChunkWork(monkeypatch)
        apply_reload(scene, load_tilemap(path))  # what the watcher hands over after a save
        assert work.take() == 0  # the step that parsed the save builds nothing
        spent = []
        frames = 0
        while scene.renderer is old:
            assert scene.sim.tilemap is old_map  # the walls and the picture change together
            scene.draw(surface)
            _frame(scene, surface)
            spent.append(work.take())
            frames += 1
            assert frames < 300
        assert max(spent) <= RELOAD_CELLS and frames >= 10, (frames, max(spent))
        assert scene.sim.tilemap is not old_map and scene.renderer.tilemap is scene.sim.tilemap
        assert work.allocated == 0  # surfaces come ready (made at the parse, or retired by a swap)
        chunks.append(scene.renderer.chunk_surfaces()[0][0])
        assert chunks[-1] is not chunks[-2]
        if reload:
            assert chunks[-1] is chunks[-3]  # the second reload refills the surface the first one retired
        builds = scene.renderer.builds
        for _ in range(60):  # the first second on the new map builds nothing
            _frame(scene, surface)
        assert scene.renderer.builds == builds
