"""Bus handling: weight, wide turns at speed, no tunnelling, scraping, and vehicle-vehicle pushes."""
import math

import numpy as np
import pytest

from game.actors.vehicles import (
    BUS,
    CAR,
    Control,
    Vehicle,
    clearance,
    collide,
    obb_overlap,
    solid_samples,
)
from game.actors.drivers import Path

TILE = 16


def open_ground(cols=300, rows=300):
    return np.zeros((rows, cols), dtype=bool)


def turning_radius(speed: float) -> float:
    """Distance travelled while the direction of travel turns 90 degrees at full lock, / (pi/2)."""
    solid = open_ground()
    v = Vehicle(2400.0, 2400.0, 0.0, BUS)
    for _ in range(400):
        v.step(Control(throttle=1.0 if v.speed < speed else -0.2), solid, TILE)
    start = math.atan2(v.vy, v.vx)
    travelled = 0.0
    for _ in range(3000):
        v.step(Control(throttle=1.0 if v.speed < speed else 0.0, steer=1.0), solid, TILE)
        travelled += math.hypot(v.vx, v.vy)
        turned = (math.atan2(v.vy, v.vx) - start + math.pi) % (2 * math.pi) - math.pi
        if abs(turned) >= math.pi / 2:
            return travelled / (math.pi / 2)
    raise AssertionError("never turned 90 degrees")


def test_turning_radius_grows_with_speed():
    radii = [turning_radius(s) for s in (1.0, 2.0, 3.0, BUS.max_speed)]
    assert radii == sorted(radii) and len(set(radii)) == 4, radii
    # Slow: the wheelbase decides (about L / tan(max_steer)); fast: grip decides (v^2 / grip).
    assert radii[0] == pytest.approx(BUS.wheelbase / math.tan(BUS.max_steer), rel=0.2)
    assert radii[-1] == pytest.approx(BUS.max_speed ** 2 / BUS.grip, rel=0.2)
    assert radii[-1] > 2.5 * radii[0]


def test_bus_is_heavy_accelerates_slowly_and_coasts():
    solid = open_ground()
    v = Vehicle(400.0, 2400.0, 0.0, BUS)
    for _ in range(30):
        v.step(Control(throttle=1.0), solid, TILE)
    assert 0.5 < v.speed < BUS.max_speed / 2  # half a second of throttle: not yet fast
    for _ in range(300):
        v.step(Control(throttle=1.0), solid, TILE)
    assert v.speed == pytest.approx(BUS.max_speed, abs=0.01)
    for _ in range(60):
        v.step(Control(), solid, TILE)
    assert v.speed > BUS.max_speed * 0.7  # momentum: a second of coasting keeps most of the speed
    steps = 0
    while v.speed > 0:
        v.step(Control(throttle=-1.0), solid, TILE)
        steps += 1
    assert 20 < steps < 60  # braking is stronger than coasting, but a bus still needs room


@pytest.mark.parametrize("heading_deg", [0, 20, 45, 90, 135, 180, 250, 315])
def test_no_tunnelling_through_a_thin_wall_at_top_speed(heading_deg):
    """A one-tile ring wall around the bus: full throttle in any direction never gets through."""
    solid = open_ground(60, 60)
    solid[10, 10:50] = solid[49, 10:50] = True
    solid[10:50, 10] = solid[10:50, 49] = True
    v = Vehicle(30 * TILE, 30 * TILE, math.radians(heading_deg), BUS)
    # Start at top speed already (a bus that was launched), then keep the throttle down.
    v.vx, v.vy = BUS.max_speed * math.cos(v.heading), BUS.max_speed * math.sin(v.heading)
    for i in range(400):
        v.step(Control(throttle=1.0, steer=0.3 if i % 120 < 60 else -0.3), solid, TILE)
        assert solid_samples(solid, TILE, v.x, v.y, v.heading, v.spec) == 0
        assert 11 * TILE < v.x < 49 * TILE and 11 * TILE < v.y < 49 * TILE


def test_scraping_along_a_wall_slows_but_slides():
    solid = open_ground(80, 20)
    solid[5, :] = True  # a wall just north of the bus's path
    v = Vehicle(100.0, 6 * TILE + BUS.width / 2 + 1.0, 0.0, BUS)  # drifting into the wall
    v.vx, v.vy = 3.0, -0.6
    scraped = 0
    for _ in range(60):
        v.step(Control(throttle=0.0, steer=-0.15), solid, TILE)  # leaning on it
        scraped += v.scraping > 0
    assert scraped >= 3
    assert v.x > 200  # it slid along the wall instead of sticking
    assert math.hypot(v.vx, v.vy) < 3.0 - 60 * BUS.drag  # scraping cost more than coasting


@pytest.mark.parametrize("into_deg", [20, 36, 60, 90])
def test_hitting_a_kerb_at_speed_glances_along_it_and_never_stops_dead(into_deg):
    solid = open_ground(120, 30)
    solid[12:, :] = True  # a kerb south of the road
    v = Vehicle(400.0, 12 * TILE - 40.0, math.radians(into_deg), BUS)
    v.vx, v.vy = 3.4 * math.cos(v.heading), 3.4 * math.sin(v.heading)
    slowest = 9.0
    for _ in range(90):
        v.step(Control(throttle=1.0), solid, TILE)  # the player keeps his foot down
        slowest = min(slowest, math.hypot(v.vx, v.vy))
        assert solid_samples(solid, TILE, v.x, v.y, v.heading, v.spec) == 0
    assert slowest > 1.0  # it cost speed, never a dead stop
    assert abs(math.sin(v.heading)) < 0.35  # the nose swung round along the kerb
    assert v.speed > 2.5 and abs(v.x - 400) > 200  # and it drives on (a head-on hit picks a side)


def test_a_bollard_deflects_the_bus_instead_of_stopping_it():
    solid = open_ground(120, 30)
    solid[11, 30] = True  # one post in the way of the bus's right-hand side
    v = Vehicle(380.0, 11 * TILE - BUS.width / 2 + 6, 0.0, BUS)
    v.vx = 3.4
    slowest = 9.0
    for _ in range(60):
        v.step(Control(throttle=1.0), solid, TILE)
        slowest = min(slowest, math.hypot(v.vx, v.vy))
    assert v.x > 32 * TILE and slowest > 1.5
    assert v.y < 11 * TILE and abs(v.heading) < 0.5  # pushed off to the left, still heading east


@pytest.mark.parametrize("spec", [BUS, CAR], ids=["bus", "car"])
def test_clearance_fast_path_and_the_point_count_agree_with_numpy(spec):
    """solid_samples (clearance skip + a pure-Python point loop) equals a brute-force numpy lattice
    test, boxes half off the map included; blocked_side is non-zero exactly when points are blocked."""
    from game.actors.vehicles import _lattice, blocked_side

    rng = np.random.default_rng(3)
    solid = rng.random((40, 40)) < 0.08
    field = clearance(solid)
    assert field.shape == solid.shape and (field[solid] == 0).all()
    lattice = _lattice(spec)
    blocked_seen = 0
    for _ in range(400):
        x, y, h = rng.uniform(-40, 680), rng.uniform(-40, 680), rng.uniform(-3.2, 3.2)
        px = x + lattice[:, 0] * math.cos(h) - lattice[:, 1] * math.sin(h)
        py = y + lattice[:, 0] * math.sin(h) + lattice[:, 1] * math.cos(h)
        c, r = np.floor(px / TILE).astype(int), np.floor(py / TILE).astype(int)
        inside = (c >= 0) & (r >= 0) & (c < 40) & (r < 40)
        brute = int((~inside).sum() + solid[r[inside], c[inside]].sum())
        assert solid_samples(solid, TILE, x, y, h, spec) == brute
        blocked_seen += brute > 0
        if brute == 0:
            assert blocked_side(solid, TILE, x, y, h, spec) == 0.0
    assert 50 < blocked_seen < 400  # both kinds of pose were tried


def test_ramming_pushes_the_lighter_vehicle_and_separates():
    solid = open_ground()
    bus = Vehicle(500.0, 500.0, 0.0, BUS)
    car = Vehicle(500.0 + BUS.length / 2 + CAR.length / 2 - 4, 500.0, 0.0, CAR)
    bus.vx = 3.0
    impact = collide(bus, car, solid, TILE)
    assert impact == pytest.approx(3.0)
    assert car.vx > bus.vx > 0  # the car is shoved ahead, the bus keeps going
    assert obb_overlap(bus, car) is None


def test_path_follows_distance_along_the_polyline():
    p = Path(((0.0, 0.0), (100.0, 0.0), (100.0, 50.0)))
    assert p.length == 150.0
    assert p.point_at(120.0) == (100.0, 20.0)
    assert p.project(60.0, 5.0) == pytest.approx(60.0)
    assert p.turn_ahead(80.0, 40.0) == pytest.approx(math.pi / 2, abs=0.05)
    loop = Path(((0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)), loop=True)
    assert loop.length == 40.0 and loop.point_at(45.0) == (5.0, 0.0)
