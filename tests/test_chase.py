"""The bus chase, headless: the autopilot wins it, the crash trigger, losing him, determinism."""
import math

import pytest

from game.input.actions import Action, EdgeTracker
from game.modes.chase.autopilot import autopilot_mask
from game.modes.chase.finale import finale_tilemap
from game.modes.chase.sim import LOST, WON, ChaseSim
from game.paths import LEVELS
from game.world.collision import overlaps_solid
from game.world.tilemap import load_tilemap

CHASE = LEVELS / "bus_chase.tmx"


@pytest.fixture(scope="module")
def tilemap():
    return load_tilemap(CHASE)


def drive(sim, steps, policy=autopilot_mask):
    edges = EdgeTracker()
    for _ in range(steps):
        if sim.step(edges.frame(policy(sim))) is not None:
            break
    return sim.outcome


@pytest.fixture
def won_run(seed0_chase):
    """The autopilot's seed-0 chase on normal (conftest's, shared): its sim, read only."""
    return seed0_chase.sim


def test_autopilot_catches_him_at_the_crossing(won_run):
    assert won_run.outcome == WON
    assert won_run.close_at_approach and won_run.phase == "crashed"
    assert won_run.rostavili.damage == 100.0
    # He is stopped at the rails, where the crossing trigger is (the wreck rolls back a little from the
    # rails while the train passes, more with Danko's bus further behind it).
    c = won_run.crossing
    assert c.x - 100 < won_run.rostavili.x < c.x + c.width + 80


def test_same_seed_same_input_same_hash(tilemap):
    a, b = ChaseSim(tilemap, seed=5), ChaseSim(tilemap, seed=5)
    drive(a, 500)
    drive(b, 500)
    assert a.state_hash() == b.state_hash()
    c = ChaseSim(tilemap, seed=6)  # traffic and his swerves come from the seed
    drive(c, 500)
    assert c.state_hash() != a.state_hash()


def test_a_player_who_stays_put_loses_him_but_not_before_twenty_seconds(tilemap):
    for difficulty in ("easy", "normal", "hard"):
        sim = ChaseSim(tilemap, seed=0, difficulty=difficulty)
        assert drive(sim, 3000, policy=lambda s: 0) == LOST
        assert sim.offscreen >= sim.tuning.lose_steps
        assert sim.steps >= 20 * 60, difficulty


def test_both_buses_start_rolling_with_him_in_view(tilemap):
    sim = ChaseSim(tilemap, seed=0)
    assert sim.player.speed > 1.5 and sim.rostavili.speed > 1.5
    assert sim.on_screen(sim.rostavili)
    drive(sim, 1, policy=lambda s: 0)
    assert sim.on_screen(sim.rostavili) and sim.catch_left == 1.0


def test_the_catch_bar_drains_only_after_three_seconds_and_only_while_he_is_off_screen(tilemap):
    sim = ChaseSim(tilemap, seed=0)
    sim.rostavili.x = sim.rostavili.y = -1000.0  # far off screen from the first step
    sim.rostavili.vx = sim.rostavili.vy = 0.0
    sim.rostavili.static = True
    drive(sim, sim.tuning.grace_steps, policy=lambda s: 0)
    assert sim.offscreen == 0 and sim.catch_left == 1.0
    drive(sim, 60, policy=lambda s: 0)
    assert sim.offscreen == 60 and 0.0 < sim.catch_left < 1.0
    r = sim.rostavili
    r.x, r.y = sim.player.x + 40, sim.player.y  # back in view: the bar refills
    drive(sim, 10, policy=lambda s: 0)
    assert sim.offscreen == 60 - 10 * sim.tuning.refill


def test_easier_difficulties_give_more_time_and_a_slower_rostavili(tilemap):
    easy, normal, hard = (ChaseSim(tilemap, difficulty=d) for d in ("easy", "normal", "hard"))
    assert easy.tuning.lose_steps > normal.tuning.lose_steps > hard.tuning.lose_steps
    assert easy.driver.base_speed < normal.driver.base_speed <= hard.driver.base_speed
    with pytest.raises(ValueError):
        ChaseSim(tilemap, difficulty="nightmare")


def _steer_into_the_kerb(tilemap, steer_steps):
    """Full speed east along the first street, then steer right (toward the kerb) and let go."""
    sim = ChaseSim(tilemap, seed=0)
    sim.traffic = []  # the kerb alone, no car crossing at the junction
    drive(sim, 100, policy=lambda s: int(Action.UP))
    drive(sim, steer_steps, policy=lambda s: int(Action.UP | Action.RIGHT))
    slowest = 9.0
    for _ in range(120):
        drive(sim, 1, policy=lambda s: int(Action.UP))
        slowest = min(slowest, math.hypot(sim.player.vx, sim.player.vy))
    return sim, slowest


@pytest.mark.parametrize("steer_steps", [30, 45])
def test_steering_into_the_kerb_at_speed_glances_off_it_and_drives_on(tilemap, steer_steps):
    sim, slowest = _steer_into_the_kerb(tilemap, steer_steps)
    assert slowest > 0.8  # it cost speed, never a dead stop
    assert sim.player.speed > 2.5 and abs(math.sin(sim.player.heading)) < 0.3  # along the road again


def _teleport_before_approach(sim, gap):
    """Put his bus just short of the approach trigger, the player `gap` px behind him."""
    a = sim.approach
    r, p = sim.rostavili, sim.player
    r.x, r.y, r.heading = a.x - 70, a.y + a.height / 2, 0.0
    r.vx, r.vy = 3.0, 0.0
    sim.driver.s = sim.driver.path.project(r.x, r.y)
    p.x, p.y, p.heading = r.x - gap, r.y, 0.0
    p.vx, p.vy = 3.0, 0.0


def test_crash_trigger_when_close_enough(tilemap):
    sim = ChaseSim(tilemap, seed=1)
    _teleport_before_approach(sim, gap=120)
    drive(sim, 900)
    assert sim.close_at_approach
    assert sim.outcome == WON and sim.phase == "crashed"


def test_he_beats_the_train_when_the_player_is_too_far(tilemap):
    sim = ChaseSim(tilemap, seed=1)
    _teleport_before_approach(sim, gap=sim.tuning.close_enough + 60)
    # Keep the player parked far behind: the train is timed to miss him.
    drive(sim, 2000, policy=lambda s: 0)
    assert not sim.close_at_approach
    assert sim.phase == "escaped" and sim.outcome == LOST


def test_finale_puts_danko_and_rostavili_on_open_ground_by_the_wreck(won_run):
    tm = finale_tilemap(won_run)
    spawn = tm.player_spawn
    boss = [o for o in tm.objects if o.type == "enemy" and o.name == "rostavili"][0]
    for x, y in ((spawn.x, spawn.y), (boss.x, boss.y)):
        assert not overlaps_solid(tm.solid, tm.tile_w, x - 5, y - 6, 10, 6)
    assert math.hypot(boss.x - won_run.rostavili.x, boss.y - won_run.rostavili.y) < 80
    # The buses are obstacles on foot.
    r = won_run.rostavili
    assert tm.solid[int(r.y // 16), int(r.x // 16)]


def test_camera_leads_in_the_direction_of_travel(tilemap):
    sim = ChaseSim(tilemap, seed=0)
    drive(sim, 240, policy=lambda s: int(Action.UP))
    cam_cx = sim.camera.x + sim.camera.config.view_w / 2
    assert sim.player.vx > 2.0
    assert cam_cx > sim.player.x + 30  # the view looks ahead of a bus driving east


def test_finale_fight_on_foot_ends_the_chase_when_rostavili_falls(won_run):
    """The crash hands over to combat's LevelSim; beating Rostavili there wins (the `win` trigger)."""
    from game.input.actions import Action
    from game.modes.level.sim import LevelSim

    level = LevelSim(finale_tilemap(won_run), seed=0, flags={"has_gun": True})
    boss = [e for e in level.enemies if e.name == "rostavili"]
    assert len(boss) == 1
    edges = EdgeTracker()
    outcome = None
    for i in range(3000):
        (px, py), (bx, by) = level.player.body.feet, boss[0].body.feet
        mask = 0
        if abs(bx - px) > 14:
            mask |= Action.RIGHT if bx > px else Action.LEFT
        if abs(by - py) > 4:
            mask |= Action.DOWN if by > py else Action.UP
        if math.hypot(bx - px, by - py) < 30 and i % 8 < 4:
            mask |= Action.PUNCH
        outcome = level.step(edges.frame(int(mask)))
        if outcome is not None:
            break
    assert outcome == "won" and boss[0].hp <= 0
