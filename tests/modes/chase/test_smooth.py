"""Drawing the chase between steps: blended poses while drawing, the simulation untouched afterwards."""
import math

import pytest

from game.input.actions import EdgeTracker
from game.modes.chase.autopilot import autopilot_mask
from game.modes.chase.sim import ChaseSim
from game.modes.chase.smooth import Smoother
from game.paths import LEVELS
from game.world.tilemap import load_tilemap


@pytest.fixture(scope="module")
def tilemap():
    return load_tilemap(LEVELS / "bus_chase.tmx")


def test_drawing_between_steps_blends_poses_and_leaves_the_sim_bit_for_bit(tilemap):
    drawn, plain = ChaseSim(tilemap, seed=3), ChaseSim(tilemap, seed=3)
    smooth = Smoother()
    edges_a, edges_b = EdgeTracker(), EdgeTracker()
    for step in range(400):
        smooth.before_step(drawn)
        p = drawn.player
        x0, y0, h0, cam0 = p.x, p.y, p.heading, (drawn.camera.x, drawn.camera.y)
        drawn.step(edges_a.frame(autopilot_mask(drawn)))
        plain.step(edges_b.frame(autopilot_mask(plain)))
        x1, y1, h1, cam1 = p.x, p.y, p.heading, (drawn.camera.x, drawn.camera.y)
        alpha = (step % 7) / 7
        state = drawn.state()
        with smooth.between(drawn, alpha):
            assert p.x == pytest.approx(x0 + (x1 - x0) * alpha)
            assert p.y == pytest.approx(y0 + (y1 - y0) * alpha)
            assert abs(math.remainder(p.heading - h0, math.tau)) <= abs(math.remainder(h1 - h0, math.tau)) + 1e-12
            assert drawn.camera.x == pytest.approx(cam0[0] + (cam1[0] - cam0[0]) * alpha)
        assert drawn.state() == state and (drawn.camera.x, drawn.camera.y) == cam1
    assert drawn.state_hash() == plain.state_hash()


def test_no_blend_without_a_fresh_step(tilemap):
    sim = ChaseSim(tilemap, seed=0)
    smooth = Smoother()
    with smooth.between(sim, 0.5):  # nothing noted yet
        assert sim.steps == 0
    smooth.before_step(sim)
    sim.step(EdgeTracker().frame(0))
    x = sim.player.x
    with smooth.between(sim, 1.0):  # alpha 1: the step as it is
        assert sim.player.x == x
    with smooth.between(ChaseSim(tilemap, seed=0), 0.5):  # another sim (a restart): as it is
        pass
    sim.step(EdgeTracker().frame(0))  # a step taken without a note: as it is
    x = sim.player.x
    with smooth.between(sim, 0.5):
        assert sim.player.x == x
