"""Drawing the chase between steps: blended poses while drawing, the simulation untouched afterwards."""
import math
import pickle

import pytest
from conftest import level_map

from game.input.actions import EdgeTracker
from game.modes.chase.autopilot import autopilot_mask
from game.modes.chase.sim import ChaseSim
from game.modes.chase.smooth import Smoother


@pytest.fixture(scope="module")
def tilemap():
    return level_map("bus_chase")


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


def _blended(smooth, sim, alpha):
    """Every drawn pose, its floats bit for bit (pickled: zeros' signs included, as repr tells them but quicker)."""
    with smooth.between(sim, alpha):
        return pickle.dumps([(v.x, v.y, v.heading) for v in _everything(sim)] + [(sim.camera.x, sim.camera.y)])


def _everything(sim):
    return [sim.player, sim.rostavili] + [c for c, _ in sim.traffic] + sim.obstacles + (
        [sim.train.body] if sim.train is not None else [])


def test_the_chase_smoother_draws_what_noting_every_vehicle_draws(tilemap):
    """ChaseSmoother notes only the camera and the train and takes the rest from what the sim says its
    step moved (ChaseSim.moved, with their prev_* poses): every blended pose equals the plain Smoother's,
    bit for bit, through a chase to the train and through runs where the bus shoves parked cars."""
    import random

    from game.modes.chase.smooth import ChaseSmoother

    runs = [(ChaseSim(tilemap, seed=1), None)]
    for trial in range(3):  # the bus aimed at a parked car at speed, then driven about at random
        sim, r = ChaseSim(tilemap, seed=trial), random.Random(trial)
        target = r.choice([o for o in sim.obstacles if not o.static])
        p, a = sim.player, r.uniform(-math.pi, math.pi)
        p.x, p.y = target.x + math.cos(a) * 70.0, target.y + math.sin(a) * 70.0
        p.heading = p.prev_heading = math.atan2(target.y - p.y, target.x - p.x)
        p.prev_x, p.prev_y = p.x, p.y
        p.vx, p.vy = math.cos(p.heading) * 3.0, math.sin(p.heading) * 3.0
        runs.append((sim, r))
    shoved = trained = 0
    for sim, r in runs:
        start = [(o.x, o.y) for o in sim.obstacles]
        plain, chase, edges, mask = Smoother(), ChaseSmoother(), EdgeTracker(), 1
        for step in range(3000 if r is None else 250):
            if r is not None and step % 15 == 0:
                mask = r.choice([1, 1, 1 | 4, 1 | 8, 2, 0])
            plain.before_step(sim)
            chase.before_step(sim)
            sim.step(edges.frame(autopilot_mask(sim) if r is None else mask))
            if r is not None or sim.train is not None or step % 6 == 0:
                assert _blended(chase, sim, 0.37) == _blended(plain, sim, 0.37)
            trained += sim.train is not None
            if sim.outcome is not None:
                break
        shoved += sum(s != (o.x, o.y) for s, o in zip(start, sim.obstacles))
    assert shoved >= 2 and trained > 100
