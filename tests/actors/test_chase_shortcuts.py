"""The chase's shortcuts give bit-equal results to the long way: a parked car's rest step, a move through
open road, the parked-car index and the lane look-ahead that asks it (the replay hashes rest on this)."""
import math

import numpy as np
import pytest
from conftest import level_map

from game.actors import vehicles
from game.actors.boxgrid import area_clear, solid_samples
from game.actors.drivers import Path, gap_ahead, gaps_ahead
from game.actors.nearby import Nearby
from game.actors.vehicles import BUS, CAR, Control, Vehicle

TILE = 16


def full(v: Vehicle) -> tuple:
    """Everything a step may change, with the sign of every zero."""
    return tuple(repr(getattr(v, k)) for k in ("x", "y", "heading", "vx", "vy", "wheel", "prev_x", "prev_y",
                                               "prev_heading", "last_impact", "scraping", "damage"))


@pytest.mark.parametrize("heading", [0.0, -0.0, math.pi / 2, -math.pi / 2, math.pi, -math.pi, 3.0, -3.1, 4.0,
                                     -7.0, 1e-300, 2.5])
def test_a_parked_cars_rest_step_equals_the_full_step(heading, monkeypatch):
    zeros = (0.0, -0.0)
    for vx in zeros:
        for vy in zeros:
            for wheel in zeros:
                for steer in zeros:
                    for throttle in zeros:
                        def car():
                            v = Vehicle(100.0, 50.0, heading, CAR)
                            v.vx, v.vy, v.wheel, v.last_impact = vx, vy, wheel, 2.0
                            return v
                        control = Control(throttle=throttle, steer=steer)
                        short = car()
                        short.drive(control)
                        with monkeypatch.context() as m:
                            m.setattr(vehicles, "_rest", lambda v, target: False)
                            long = car()
                            long.drive(control)
                        assert full(short) == full(long)


def test_a_move_through_open_road_equals_the_sub_stepped_move(monkeypatch):
    rng = np.random.default_rng(5)
    solid = rng.random((50, 50)) < 0.05
    solid[20:30, 20:30] = False
    shortcuts = 0
    for _ in range(600):
        spec = BUS if rng.random() < 0.5 else CAR
        h = float(rng.uniform(-3.2, 3.2))
        x, y = float(rng.uniform(200, 600)), float(rng.uniform(200, 600))
        control = Control(throttle=float(rng.uniform(-1, 1)), steer=float(rng.uniform(-1, 1)))

        def vehicle():
            v = Vehicle(x, y, h, spec)
            v.vx, v.vy = float(rng.uniform(-4, 4)), float(rng.uniform(-4, 4))
            return v
        state = rng.bit_generator.state
        short = vehicle()
        short.drive(control)
        shortcuts += area_clear(solid, TILE, min(short.x, short.x + short.vx), min(short.y, short.y + short.vy),
                                max(short.x, short.x + short.vx), max(short.y, short.y + short.vy),
                                short.heading, short.prev_heading, spec)
        hit = short.move(solid, TILE)
        rng.bit_generator.state = state
        with monkeypatch.context() as m:
            m.setattr(vehicles, "area_clear", lambda *args: False)
            long = vehicle()
            long.drive(control)
            assert long.move(solid, TILE) == hit
        assert full(short) == full(long)
    assert 100 < shortcuts < 600  # both kinds of move were tried


@pytest.mark.parametrize("spec", [BUS, CAR], ids=["bus", "car"])
def test_area_clear_means_no_sample_point_is_blocked(spec):
    rng = np.random.default_rng(8)
    solid = rng.random((40, 40)) < 0.03
    said = 0
    for _ in range(800):
        left, top = rng.uniform(-20, 640, 2)
        right, bottom = left + rng.uniform(0, 8), top + rng.uniform(0, 8)
        headings = tuple(rng.uniform(-3.2, 3.2, 2)) if rng.random() < 0.7 else (float(rng.uniform(-3.2, 3.2)),) * 2
        if not area_clear(solid, TILE, left, top, right, bottom, *headings, spec):
            continue
        said += 1
        for _ in range(6):
            x, y = rng.uniform(left, right), rng.uniform(top, bottom)
            for h in headings:
                assert solid_samples(solid, TILE, x, y, h, spec) == 0
    assert said > 50


def test_the_parked_index_finds_what_a_scan_finds():
    rng = np.random.default_rng(2)
    cars = [Vehicle(float(x), float(y), 0.0, CAR) for x, y in rng.uniform(0, 800, (40, 2))]
    cars.append(Vehicle(cars[0].x, 300.0, 0.0, CAR))  # two at the same x
    index = Nearby(cars)
    assert index.longest == CAR.length and index.widest == CAR.width
    for _ in range(300):
        x, y, r = *rng.uniform(-50, 850, 2), rng.uniform(0, 200)
        scan = [k for k, c in enumerate(cars) if abs(c.x - x) <= r and abs(c.y - y) <= r]
        assert index.near_indices(x, y, r) == scan
        assert sorted(map(id, index.around(x, y, r))) == sorted(id(cars[k]) for k in scan)


def test_the_look_ahead_with_the_parked_index_equals_a_scan_of_every_vehicle():
    rng = np.random.default_rng(4)
    parked = [Vehicle(float(x), float(y), float(h), CAR) for x, y, h in
              zip(rng.uniform(0, 600, 30), rng.uniform(0, 600, 30), rng.uniform(-3, 3, 30))]
    index = Nearby(parked)
    found = 0
    for _ in range(400):
        v = Vehicle(*rng.uniform(0, 600, 2), float(rng.uniform(-3.2, 3.2)), BUS if rng.random() < 0.3 else CAR)
        movers = [Vehicle(*rng.uniform(0, 600, 2), 0.0, CAR) for _ in range(3)] + [v]
        offsets = (0.0, 12.0, -12.0, 24.0, -24.0)
        reach = float(rng.choice([44.0, 70.0, 100.0]))
        scan = gaps_ahead(v, movers + parked, reach, v.spec.width / 2, offsets)
        assert gaps_ahead(v, movers, reach, v.spec.width / 2, offsets, index) == scan
        assert gap_ahead(v, movers, reach, v.spec.width / 2, 12.0, parked=index) == scan[1]
        assert repr(gap_ahead(v, movers + parked, reach, v.spec.width / 2)) == repr(scan[0])
        found += any(g < math.inf for g in scan)
    assert found > 40


def test_a_chase_that_shoves_parked_cars_runs_the_same_without_the_kept_index_and_the_settled_skip():
    """The sim keeps its parked-car index and skips the steps of settled parked cars; a run that asks
    for neither (both dropped before every step) matches it step by step while the bus shoves them (every
    float bit for bit: pickled, zeros' signs included, as repr tells them but quicker)."""
    import pickle
    import random

    from game.input.actions import EdgeTracker
    from game.modes.chase.sim import ChaseSim

    tilemap = level_map("bus_chase")
    shoved = 0
    for trial in range(4):
        trails = []
        for long_way in (False, True):
            r = random.Random(trial)
            sim, edges = ChaseSim(tilemap, seed=trial), EdgeTracker()
            parked = [o for o in sim.obstacles if not o.static]
            target = r.choice(parked)
            start = [(o.x, o.y) for o in parked]
            p, a = sim.player, r.uniform(-math.pi, math.pi)
            p.x, p.y = target.x + math.cos(a) * 70.0, target.y + math.sin(a) * 70.0
            p.heading = p.prev_heading = math.atan2(target.y - p.y, target.x - p.x)
            p.prev_x, p.prev_y = p.x, p.y
            p.vx, p.vy = math.cos(p.heading) * 3.0, math.sin(p.heading) * 3.0
            trail, mask = [], 1
            for i in range(250):
                if i % 15 == 0:
                    mask = r.choice([1, 1, 1 | 4, 1 | 8, 2, 0])
                if long_way:
                    sim._awake.update(k for k, o in enumerate(sim.obstacles) if not o.static)
                    sim._parked = None
                sim.step(edges.frame(mask))
                assert long_way or sim._parked.xs == Nearby(sim.obstacles).xs  # kept: where they stand
                trail.append(pickle.dumps((sim.state(), [(o.prev_x, o.prev_y, o.last_impact) for o in sim.obstacles])))
            trails.append(trail)
            shoved += sum(s != (o.x, o.y) for s, o in zip(start, parked))
        assert trails[0] == trails[1]
    assert shoved >= 4  # parked cars were pushed about, in both runs


def test_a_kept_answer_of_the_parked_index_holds_everything_a_fresh_one_does():
    rng = np.random.default_rng(6)
    cars = [Vehicle(float(x), float(y), 0.0, CAR) for x, y in rng.uniform(0, 800, (40, 2))]
    index = Nearby(cars)
    x, y, kept = 400.0, 400.0, 0
    for _ in range(2000):
        x, y = x + rng.uniform(-6, 6), y + rng.uniform(-6, 6)
        r = float(rng.uniform(60, 140))
        fresh = index.around(x, y, r)
        given = index.around(x, y, r, asker=7)
        assert {id(c) for c in fresh} <= {id(c) for c in given}
        kept += index.kept[7][5:] != (x, y)
    assert kept > 1500  # mostly a kept answer


def test_a_kept_answer_of_near_indices_holds_everything_a_fresh_one_does_in_order():
    rng = np.random.default_rng(9)
    cars = [Vehicle(float(x), float(y), 0.0, CAR) for x, y in rng.uniform(0, 800, (1500, 2))]
    index = Nearby(cars)
    x, y, kept = 400.0, 400.0, 0
    for step in range(3000):  # a mover's track: on one way for a while (to the kept square's edges)
        dx, dy = ((2.5, 0.3), (-0.4, 2.5), (-2.5, 0.2), (0.3, -2.5))[step // 150 % 4]
        x, y = x + dx + rng.uniform(-0.2, 0.2), y + dy + rng.uniform(-0.2, 0.2)
        r = 40.0
        fresh = index.near_indices(x, y, r)
        given = index.near_indices(x, y, r, asker=3)
        assert set(fresh) <= set(given) and given == sorted(given)
        kept += index.kept_indices[3][5:] != (x, y)
    assert kept > 1500  # mostly a kept answer


def _paths_and_places(rng):
    """Three paths (open, a loop, one with a span of no length), each with 3000 (s, distance) to look from: s
    from 60 px before the path to 60 px past its end, the distance a lane's 48 px or any up to 300 px, half and
    half (drawn all at once: numpy's draws one at a time cost more than the paths' answers)."""
    paths = [Path(((0.0, 0.0), (300.0, 0.0), (300.0, 200.0), (40.0, 260.0)), loop=loop) for loop in (False, True)]
    paths.append(Path(((10.0, 10.0), (10.0, 10.0), (90.0, 10.0), (95.0, 12.0), (400.0, 300.0))))
    for path in paths:
        s = rng.uniform(-60.0, path.length + 60.0, 3000)
        distance = np.where(rng.random(3000) < 0.5, 48.0, rng.uniform(0.0, 300.0, 3000))
        yield path, list(zip(s.tolist(), distance.tolist()))


def test_turns_over_is_the_largest_turn_ahead_compared_with_the_limit():
    rng = np.random.default_rng(5)
    over = 0
    for path, places in _paths_and_places(rng):
        pick = rng.integers(0, 5, len(places))  # the lanes' and the autopilot's limits, 0, -0.1, or any to 2
        limits = np.where(pick == 4, rng.uniform(0.0, 2.0, len(places)), np.array([0.5, 0.6, 0.0, -0.1, 0.0])[pick])
        for (s, distance), limit in zip(places, limits.tolist()):
            want = path.turn_ahead(s, distance) > limit
            assert path.turns_over(s, distance, limit) == want
            over += want
    assert 500 < over < 8500


def test_turn_ahead_equals_the_largest_turn_between_its_direction_lookups():
    from game.actors.vehicles import angle_diff

    for path, places in _paths_and_places(np.random.default_rng(6)):
        for s, distance in places:
            h0 = path.direction_at(s + 8.0)
            worst = 0.0
            for k in range(1, 6):
                worst = max(worst, abs(angle_diff(path.direction_at(s + distance * k / 5), h0)))
            turn = path.turn_ahead(s, distance)
            assert repr(turn) == repr(worst) or turn == 0.0 and worst < 1e-12  # 0.0: the straight shortcut


def test_project_on_the_spans_kept_for_a_square_equals_the_scan_of_every_span():
    """Path.project looks only at the spans that may be nearest in the query's square (Path.near); the
    answer equals the scan of every span bit for bit, on loops and open paths, near corners and squares'
    edges, where two spans are nearly as near."""
    rng = np.random.default_rng(11)
    fewer = 0
    for trial in range(60):
        n = int(rng.integers(3, 9))
        if trial % 3 == 0:  # a city block: axis-aligned sides
            x0, y0, w, h = *rng.uniform(0, 600, 2), *rng.uniform(40, 500, 2)
            points = ((x0, y0), (x0 + w, y0), (x0 + w, y0 + h), (x0, y0 + h))
        else:
            points = tuple(map(tuple, rng.uniform(0, 800, (n, 2)).tolist()))
        path = Path(points, loop=bool(trial % 2 == 0))
        xs, ys = rng.uniform(-100, 900, (2, 400))
        edge = rng.random(400) < 0.3  # on a square's edge
        for x, y in zip(np.where(edge, np.round(xs / 32.0) * 32.0, xs).tolist(), ys.tolist()):
            assert repr(path.project(x, y)) == repr(path._nearest(x, y, path.spans))
        fewer += sum(len(kept) < len(path.spans) for kept in path.near.values())
    assert fewer > 1000  # most squares look at fewer spans


def test_area_clear_by_the_clearance_of_the_centre_cell_holds_for_every_box_in_the_rectangle():
    """area_clear's first test (the centre cell's clearance against the box's half diagonal plus half
    the rectangle's longer side) never says clear where a box centred in the rectangle touches a wall:
    rectangles of up to 64 px swept past one solid cell, each corner tried at the heading asked for (a
    car: the smaller box finds a wrong margin soonest)."""
    spec = CAR
    solid = np.zeros((30, 30), dtype=bool)
    solid[15, 15] = True
    corner = math.atan2(spec.width, spec.length)  # a corner straight along an axis: the box's reach
    headings = np.linspace(-math.pi, math.pi, 12, endpoint=False).tolist() + [corner, -corner, math.pi - corner]
    said = 0
    for left in np.arange(180.0, 300.0, 1.75).tolist():  # as floats: the same values, without numpy scalars
        for top in np.arange(200.0, 260.0, 2.25).tolist():
            for size in (0.0, 9.0, 40.0, 64.0):
                right, bottom = left + size, top + size * 0.5
                for h in headings:
                    if not area_clear(solid, TILE, left, top, right, bottom, h, h, spec):
                        continue
                    said += 1
                    for x, y in ((left, top), (right, top), (left, bottom), (right, bottom)):
                        assert solid_samples(solid, TILE, float(x), float(y), h, spec) == 0
    assert said > 2000


def test_project_near_a_hint_looks_at_the_spans_a_scan_of_its_window_finds(monkeypatch):
    """Path.project with a hint takes the spans reaching into [hint - window, hint + window] by bisection:
    the same spans as the scan that tests each one's ends, at the window's edges, on empty spans and with a
    NaN or endless hint too."""
    given = []
    monkeypatch.setattr(Path, "_nearest", lambda self, x, y, spans: given.append(tuple(spans)) or 0.0)
    rng = np.random.default_rng(11)
    for trial in range(40):
        pts = [tuple(map(float, rng.integers(0, 60, 2) * 8)) for _ in range(int(rng.integers(2, 9)))]
        if trial % 3 == 0:
            pts.insert(1, pts[0])  # a span of no length
        path = Path(tuple(pts))
        cum = path.cumulative
        hints = [float(c) + d for c in cum for d in (-400.0, 400.0, -600.0, 600.0, 0.0, 1e-9, -1e-9)]
        hints += [math.nan, math.inf, -math.inf] + list(rng.uniform(-700.0, cum[-1] + 700.0, 30))
        for hint in hints:
            for window in (400.0, 600.0):
                lo, hi = hint - window, hint + window
                path.project(1.0, 2.0, hint, window)
                assert given.pop() == tuple(span for span in path.spans if not (span[7] < lo or span[6] > hi))
