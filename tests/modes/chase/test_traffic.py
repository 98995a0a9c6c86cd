"""The traffic near the player, found by waking far cars only when the player may have come near, equals
the plain scan of every car, step by step."""
import math
import random

from conftest import level_map

from game.actors.drivers import gap_ahead, gaps_ahead
from game.input.actions import EdgeTracker
from game.modes.chase import autopilot, traffic
from game.modes.chase.autopilot import autopilot_mask
from game.modes.chase.sim import ChaseSim


def _scan(sim):
    r = sim.tuning.traffic_radius
    px, py = sim.player.x, sim.player.y
    return [(c, d) for c, d in sim.traffic if (c.x - px) ** 2 + (c.y - py) ** 2 < r * r]


def _looks_agree(sim):
    """The autopilot's looks (its dodge and its room ahead) test only the parked cars the sim's index finds
    near the bus and the traffic near it (NearPlayer.near): their gaps equal a look at every one's."""
    p, every = sim.player, sim.obstacles + [car for car, _ in sim.traffic]
    half, offsets = p.spec.width / 2 + 3, (0.0,) + autopilot.DODGE
    dodge = gaps_ahead(p, every, autopilot.SEE, half, offsets)
    assert gaps_ahead(p, autopilot._blockers(sim, autopilot.SEE + half + autopilot._WIDEST), autopilot.SEE, half, offsets) == dodge
    half = p.spec.width / 2
    room = gap_ahead(p, every, autopilot.BACK_OFF, half)
    assert gap_ahead(p, autopilot._blockers(sim, autopilot.BACK_OFF + half), autopilot.BACK_OFF, half) == room
    return min(dodge) < math.inf


def test_the_traffic_near_the_player_equals_the_scan_of_every_car():
    """... and the autopilot's looks ahead with what lies near equal looks at every vehicle (`_looks_agree`)."""
    tilemap = level_map("bus_chase")
    woke = seen_ahead = 0
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
            seen_ahead += step % 4 == 0 and _looks_agree(sim)  # every fourth step: the poses test has the edges
            if step % 20 == 0:
                mask = r.choice([1, 1, 1 | 4, 1 | 8, 2])
            sim.step(edges.frame(autopilot_mask(sim) if driven else mask))
            found = sim._active_traffic()
            assert [id(c) for c, _ in found] == [id(c) for c, _ in _scan(sim)]
            seen.update(id(c) for c, _ in found)
            if sim.outcome is not None:
                break
        woke += len(seen)
    assert woke > 20 and seen_ahead > 25  # cars came into the radius and left it; the looks saw something


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


def test_the_cars_near_a_look_ahead_hold_every_car_it_may_test():
    """NearPlayer.near: whenever it answers, every car whose centre a look from (x, y) reaching `across` may
    test (closer than across + its length + half its width) is in the answer. Fails with any of where the
    last answer was asked, the look's reach, the cars' size or the radius left out of its test."""
    from game.actors.vehicles import CAR, Vehicle

    rng = random.Random(5)
    answered = near_misses = 0
    for trial in range(300):
        cars = [(Vehicle(rng.uniform(-900, 900), rng.uniform(-900, 900), 0.0, CAR), None) for _ in range(30)]
        near = traffic.NearPlayer(rng.choice([560.0, 300.0]))
        px, py = rng.uniform(-200, 200), rng.uniform(-200, 200)
        assert near.near(cars, px, py, 10.0) is None  # nothing asked yet: unsure
        near.active(cars, px, py)
        for _ in range(20):
            x, y = px + rng.uniform(-400, 400), py + rng.uniform(-400, 400)
            across = rng.uniform(0.0, 500.0)
            found = near.near(cars, x, y, across)
            if found is None:
                continue
            answered += 1
            for car, _ in cars:
                reach = math.hypot(car.x - x, car.y - y)
                if reach < across + car.spec.length + car.spec.width / 2:
                    assert car in found
                    near_misses += math.hypot(car.x - px, car.y - py) >= near.radius
    assert answered > 500 and near_misses == 0
    assert near.near(list(cars), px, py, 10.0) is None and near.near(cars, px, py, 10.0) is not None  # another list



def test_the_autopilots_looks_from_any_pose_near_parked_cars_equal_looks_at_every_vehicle():
    """`_looks_agree` with the bus set down at random poses beside the parked cars and barriers (the edges of
    its corridors meet them) and beside the traffic."""
    sim, r = ChaseSim(level_map("bus_chase"), seed=4), random.Random(4)
    sim.step(EdgeTracker().frame(1))
    p, seen = sim.player, 0
    for _ in range(600):
        near = r.choice(sim.obstacles + sim.moved[0][2:] * 4)  # by parked cars, by the cars near the bus
        p.x, p.y = near.x + r.uniform(-170.0, 170.0), near.y + r.uniform(-170.0, 170.0)
        p.heading = r.uniform(-math.pi, math.pi)
        seen += _looks_agree(sim)
    assert seen > 90
    # A bus far (360-520 px) from where the traffic near was last asked for, heading for a car that stood
    # just out of the radius there: only a look that reaches far enough knows it must ask every car.
    near, ahead = sim._near_traffic, 0
    for car, _ in sim.traffic:
        a = r.uniform(-math.pi, math.pi)
        lx, ly = car.x + math.cos(a) * 600.0, car.y + math.sin(a) * 600.0
        near.active(sim.traffic, lx, ly)
        p.x, p.y = lx - math.cos(a) * 500.0, ly - math.sin(a) * 500.0
        p.heading = a + math.pi
        ahead += _looks_agree(sim)
    assert ahead > 20
