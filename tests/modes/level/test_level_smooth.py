"""Drawing a level between steps: the fighters and the camera blended while drawing, the sim untouched."""
import pygame
import pytest

from game.input.actions import EdgeTracker
from game.modes.level.autopilot import Autopilot
from game.modes.level.scene import LevelScene
from game.modes.level.sim import LevelSim
from game.modes.level.smooth import LevelSmoother
from game.paths import LEVELS
from game.world.camera import Camera
from game.world.tilemap import load_tilemap


@pytest.fixture(scope="module")
def tilemap():
    return load_tilemap(LEVELS / "bathhouse.tmx")


def test_drawing_between_steps_blends_fighters_and_camera_and_leaves_the_sim_bit_for_bit(tilemap):
    drawn, plain = LevelSim(tilemap, seed=3), LevelSim(tilemap, seed=3)
    camera = Camera(*tilemap.pixel_size)
    smooth = LevelSmoother()
    pilot_a, pilot_b, edges_a, edges_b = Autopilot(drawn), Autopilot(plain), EdgeTracker(), EdgeTracker()
    moved = 0
    for step in range(300):
        smooth.before_step(drawn, camera)
        bodies = [drawn.player.body] + [e.body for e in drawn.live]
        before = [(b.x, b.y) for b in bodies]
        cam0 = (camera.x, camera.y)
        drawn.step(edges_a.frame(pilot_a.decide()))
        plain.step(edges_b.frame(pilot_b.decide()))
        camera.follow(*drawn.focus)
        after = [(b.x, b.y) for b in bodies]
        cam1 = (camera.x, camera.y)
        alpha = (step % 5) / 5
        state = drawn.state()
        with smooth.between(drawn, alpha, camera):
            for b, (x0, y0), (x1, y1) in zip(bodies, before, after):
                assert (b.x, b.y) == pytest.approx((x0 + (x1 - x0) * alpha, y0 + (y1 - y0) * alpha))
            assert (camera.x, camera.y) == pytest.approx((cam0[0] + (cam1[0] - cam0[0]) * alpha,
                                                          cam0[1] + (cam1[1] - cam0[1]) * alpha))
        moved += after[0] != before[0] and 0 < alpha
        assert drawn.state() == state and (camera.x, camera.y) == cam1
    assert moved > 50  # the blend was seen on moving steps
    assert drawn.state_hash() == plain.state_hash()


def test_the_level_scene_draws_the_player_between_steps(tilemap):
    pygame.display.init()
    scene = LevelScene(LevelSim(tilemap, seed=1))
    scene.enter()
    scene.sim.player.body.vx = 1.5  # walking right, whatever the input
    surface = pygame.Surface((320, 180))
    scene.update(1 / 60)
    x0 = scene.smooth.poses[id(scene.sim.player.body)][0]
    x1 = scene.sim.player.body.x
    seen = []
    real = scene._draw
    scene._draw = lambda s: seen.append(scene.sim.player.body.x) or real(s)
    for alpha in (0.0, 0.5, 1.0):
        scene.draw_alpha = alpha
        scene.draw(surface)
    assert seen == pytest.approx([x0, x0 + (x1 - x0) / 2, x1]) and x1 != x0
    assert scene.sim.player.body.x == x1
