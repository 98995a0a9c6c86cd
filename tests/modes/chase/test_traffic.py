"""The traffic near the player, found by waking far cars only when the player may have come near, equals
the plain scan of every car, step by step."""
import math
import random

from game.input.actions import EdgeTracker
from game.modes.chase import traffic
from game.modes.chase.autopilot import autopilot_mask
from game.modes.chase.sim import ChaseSim
from game.paths import LEVELS
from game.world.tilemap import load_tilemap


def _scan(sim):
    r = sim.tuning.traffic_radius
    px, py = sim.player.x, sim.player.y
    return [(c, d) for c, d in sim.traffic if (c.x - px) ** 2 + (c.y - py) ** 2 < r * r]


def test_the_traffic_near_the_player_equals_the_scan_of_every_car():
    tilemap = load_tilemap(LEVELS / "bus_chase.tmx")
    woke = 0
    for seed, driven in ((0, True), (1, False), (2, False)):
        sim, edges, r, mask = ChaseSim(tilemap, seed=seed), EdgeTracker(), random.Random(seed), 1
        if not driven:  # somewhere else at speed: the bus set down on another street, then driven at random
            lane = sim.traffic[(seed * 7) % len(sim.traffic)][1].path
            p = sim.player
            p.x, p.y = lane.point_at(lane.length * 0.3)
            p.heading = p.prev_heading = lane.direction_at(lane.length * 0.3)
            p.prev_x, p.prev_y = p.x, p.y
            p.vx, p.vy = math.cos(p.heading) * 3.0, math.sin(p.heading) * 3.0
        seen = set()
        for step in range(1500):
            if step % 20 == 0:
                mask = r.choice([1, 1, 1 | 4, 1 | 8, 2])
            sim.step(edges.frame(autopilot_mask(sim) if driven else mask))
            found = sim._active_traffic()
            assert [id(c) for c, _ in found] == [id(c) for c, _ in _scan(sim)]
            seen.update(id(c) for c, _ in found)
            if sim.outcome is not None:
                break
        woke += len(seen)
    assert woke > 20  # cars came into the radius and left it


def test_a_far_car_sleeps_until_the_player_may_have_come_near():
    class Car:
        def __init__(self, x, y):
            self.x, self.y = x, y

    cars = [(Car(0.0, 0.0), None), (Car(700.0, 0.0), None)]
    near = traffic.NearPlayer(560.0)
    assert len(near.active(cars, 0.0, 0.0)) == 1 and len(near.awake) == 1  # the far one sleeps
    for x in range(1, 140):
        near.active(cars, float(x), 0.0)
    assert len(near.active(cars, 140.5, 0.0)) == 2  # 559.5 px off: in, woken in time
    assert near.active([cars[1]], 140.5, 0.0) == [cars[1]]  # another list: seen afresh
    assert near.active(cars[:1], 140.5, 0.0) == cars[:1]
