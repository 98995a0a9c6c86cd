"""A level's step stays linear in the size of its crowd up to 200 enemies (issue 16): counted as work (Python
calls and separation pair tests per enemy and step), never as time."""
import sys

import pytest

from game.devtools.benchsim import _input_script, write_sim_level
from game.input.actions import EdgeTracker
from game.modes.level import crowd
from game.modes.level.separation import Work
from game.modes.level.sim import LevelSim
from game.world.tilemap import load_tilemap

STEPS = 60


def work_per_enemy_step(folder, monkeypatch, enemies: int) -> tuple[float, float]:
    """(calls, separation pair tests) per enemy and step over STEPS steps of the bench's crowded bathhouse."""
    folder.mkdir()
    sim = LevelSim(load_tilemap(write_sim_level(folder, enemies)), seed=1)
    assert len(sim.live) >= enemies
    edges = EdgeTracker()
    frames = [edges.frame(m) for m in _input_script()][:STEPS]
    movers = [0]
    real = crowd.pushes

    def counted(xs, ys, radius, push):
        movers[0] += len(xs)
        return real(xs, ys, radius, push)

    monkeypatch.setattr(crowd, "pushes", counted)
    calls = [0]

    def count(frame, event, arg):
        if event == "call" or event == "c_call":
            calls[0] += 1

    Work.pairs = 0
    sys.setprofile(count)
    try:
        for frame in frames:
            sim.step(frame)
    finally:
        sys.setprofile(None)
    return calls[0] / STEPS / len(sim.live), Work.pairs / movers[0]


@pytest.mark.parametrize("small, big", [(50, 200)])
def test_a_crowd_of_two_hundred_costs_per_enemy_what_fifty_do(tmp_path, monkeypatch, small, big):
    calls_small, _ = work_per_enemy_step(tmp_path / "small", monkeypatch, small)
    calls_big, pairs_big = work_per_enemy_step(tmp_path / "big", monkeypatch, big)
    assert calls_big <= 1.25 * calls_small  # every system of the step, per enemy: nothing per pair in Python
    assert pairs_big < 20  # separation tests its neighbours (a few), not every other enemy (an all-pairs 200)
