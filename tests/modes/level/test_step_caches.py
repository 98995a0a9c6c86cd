"""The level step's kept answers equal the plain ones they replace: the vents on (and the autopilot's vents
about to blow) till the next change, and the shared field's tile under Danko."""
from __future__ import annotations

import copy
import random

from level_arena import level

from game.actors.objects import HazardSpec, Rect
from game.modes.level import hazards

T = 16


def _edge(rng: random.Random, lo: float, hi: float) -> float:
    """A coordinate, often on a cell edge or a hair from one."""
    v = rng.uniform(lo, hi)
    return rng.choice((v, float(round(v / T) * T), round(v / T) * T + 1e-9, round(v / T) * T - 1e-9))


def _random_vents(rng: random.Random) -> list[HazardSpec]:
    out = []
    for i in range(rng.randint(1, 6)):
        period = rng.choice((1, 2, 7, 60, 180, 240))
        warn, on = rng.choice((0, 1, 45, period - 1, period, period + 5)), rng.choice((0, 1, 50, period, 300))
        out.append(HazardSpec(i, Rect(0, 0, 16, 16), period, max(0, warn), on, rng.randint(-300, 300)))
    return out


def test_the_vents_kept_till_the_next_change_are_those_of_every_step():
    rng = random.Random(2)
    for trial in range(300):
        vents = _random_vents(rng)
        for warned in (False, True):
            kept = None
            for step in range(rng.randint(-50, 50), 700):
                if kept is None or not kept[1] <= step < kept[2]:
                    kept = hazards.vents(vents, step, warned)
                if warned:  # the autopilot's test at step + 20
                    want = [h for h in vents if (step + h.phase) % h.period < h.warn + h.on]
                else:
                    want = [h for h in vents if h.phase_at(step) == "on"]
                assert kept[3] == want, (trial, step, warned)


def test_scald_reads_the_vents_again_after_a_reload_or_a_jump_in_steps(write_level):
    a = level(write_level)
    on = HazardSpec(1, Rect(0, 0, 16, 16), 100, 0, 100, 0)  # always on
    a.spec.hazards[:] = [HazardSpec(1, Rect(0, 0, 16, 16), 100, 0, 50, 0)]
    a.steps = 10
    hazards.scald(a)
    assert a.vents_on[3] == a.spec.hazards
    a.spec = copy.copy(a.spec)  # a reload: another map's vents
    a.spec.hazards = [on]
    hazards.scald(a)
    assert a.vents_on[3] == [on]
    a.spec.hazards = [HazardSpec(1, Rect(0, 0, 16, 16), 100, 0, 50, 0)]
    a.steps = 60  # off from 50 on
    hazards.scald(a)
    assert a.vents_on[3] == []
    a.steps = 10  # a copy's earlier step (never in play, but the kept list says till when and from when)
    hazards.scald(a)
    assert a.vents_on[3] == a.spec.hazards


def test_the_autopilot_steps_out_of_the_vents_about_to_blow_as_the_plain_test(write_level):
    from game.modes.level.autopilot import Autopilot, _keys

    def _grow(box, pad):  # the box the plain test asked about: grown by `pad` each way
        return (box[0] - pad, box[1] - pad, box[2] + 2 * pad, box[3] + 2 * pad)

    rng = random.Random(4)
    a = level(write_level)
    pilot = Autopilot(a)
    b = a.player.body
    for trial in range(3000):
        if trial % 500 == 0:  # a reload: other vents
            a.spec = copy.copy(a.spec)
            a.spec.hazards = [HazardSpec(i, Rect(_edge(rng, 0, 200), _edge(rng, 0, 120), 32.0, 24.0),
                                         rng.choice((60, 180)), rng.choice((0, 20, 45)), rng.choice((10, 50)),
                                         rng.randint(0, 200)) for i in range(4)]
        a.steps += rng.choice((1, 1, 1, 2, 37)) if rng.random() < 0.99 else -40
        r = rng.choice(a.spec.hazards).rect
        b.x, b.y = rng.uniform(r.x - 20, r.x + r.w + 10), rng.uniform(r.y - 14, r.y + r.h + 8)
        fx, fy = b.feet
        want = None
        for h in a.spec.hazards:
            if (a.steps + 20 + h.phase) % h.period < h.warn + h.on and h.rect.contains_box(_grow(b.box, 6)):
                cx, cy = h.rect.center
                want = _keys(fx - cx or 1.0, fy - cy)
                break
        assert pilot._off_vents(a.steps, fx, fy) == want, trial


def test_the_shared_field_follows_danko_across_every_column_and_row(write_level):
    from game.world.navigation import FlowField

    rng = random.Random(9)
    a = level(write_level)
    flows = a.flows
    fx, fy = 100.0, 100.0
    for _ in range(400):
        if rng.random() < 0.5:  # one axis at a time, across cell edges and just short of them
            fx = min(300.0, max(20.0, _edge(rng, fx - 20, fx + 20)))
        else:
            fy = min(170.0, max(20.0, _edge(rng, fy - 20, fy + 20)))
        flows.follow(a.solid, fx, fy)
        tile = (int(fx // T), int((fy - 1) // T))
        assert flows._player_tile == tile
        want = FlowField(~a.solid, tile)
        assert [flows.step_from(float(c), float(r)) for c in (2, 9, 17) for r in (2, 6, 10)] == [
            want.direction(c, r) for c in (2, 9, 17) for r in (2, 6, 10)]


def test_snap8_answers_as_its_formula_would():
    """snap8 looks its nine answers up (Ridzik's aim turns every step he moves): the formula it keeps."""
    import math

    from game.actors.combat import snap8

    def formula(dx, dy):
        angle = round(math.atan2(dy, dx) / (math.pi / 4)) * (math.pi / 4)
        return (round(math.cos(angle), 6), round(math.sin(angle), 6))

    rng = random.Random(8)
    dirs = [(rng.uniform(-3, 3), rng.uniform(-3, 3)) for _ in range(20000)]
    dirs += [(math.cos(k * math.pi / 8), math.sin(k * math.pi / 8)) for k in range(-16, 17)]  # on the edges
    dirs += [(1.0, 0.0), (-1.0, 0.0), (-1.0, -0.0), (0.0, -2.0), (-0.0, 1.0), (1e-300, -1e-300)]
    for dx, dy in dirs:
        assert snap8(dx, dy) == formula(dx, dy), (dx, dy)
    assert snap8(0, 0) == snap8(0.0, -0.0) == (0.0, 1.0)


def test_a_level_copy_gets_its_own_sight_and_npcs_see_as_the_grid_does(write_level):
    a = level(write_level)
    b = copy.deepcopy(a)
    assert b.sight is not a.sight and b.sight._grid is None
    rng = random.Random(1)
    for _ in range(3000):
        x0, y0, x1, y1 = (_edge(rng, -20, 340), _edge(rng, -20, 200), _edge(rng, -20, 340), _edge(rng, -20, 200))
        assert a.sight.clear(a.grid, x0, y0, x1, y1) == a.grid.line_of_sight(x0, y0, x1, y1)


def test_the_inlined_enemy_tests_are_the_enemys_own():
    from game.actors.enemies import KINDS, OUT, Enemy
    from game.actors.body import Body

    states = ("idle", "chase", "tell", "attack", "recover", "hurt", "down", "getup", "dormant", "dying", "gone",
              "passive", "script", "flee", "shoot")
    for kind in KINDS.values():
        for state in states:
            for hp in (-3, 0, 1, 40):
                for hostile in (False, True):
                    e = Enemy(id=1, kind=kind, name="x", body=Body(0.0, 0.0), hp=hp)
                    e.state, e.hostile = state, hostile
                    assert e.active == (e.hostile and e.hp > 0 and e.state not in OUT)


def test_a_maps_sims_share_the_fields_of_their_walls_and_target(write_level, monkeypatch):
    import gc

    import numpy as np

    from game.modes.level import flows
    from game.world.navigation import FlowField

    def same(a, b):
        return a.dist.shape == b.dist.shape and (a.dist == b.dist).all()

    store = flows.FieldStore()
    rng = np.random.default_rng(3)
    solid = rng.random((9, 12)) < 0.2
    solid[4, 5] = False
    a = store.field(solid, (5, 4))
    assert same(a, FlowField(~solid, (5, 4)))
    assert store.field(solid.copy(), (5, 4)) is a  # the same walls in another array: the same field
    other = solid.copy()
    other[4, 6] = not other[4, 6]  # one cell changed
    assert same(store.field(other, (5, 4)), FlowField(~other, (5, 4)))
    assert not same(store.field(other, (5, 4)), a)
    assert same(store.field(solid, (6, 4)), FlowField(~solid, (6, 4)))  # another target
    wide = solid.reshape(12, 9)  # the same cells in another shape
    field = store.field(wide, (5, 4))
    assert field is not a and same(field, FlowField(~wide, (5, 4)))
    monkeypatch.setattr(flows, "STORE_BYTES", 3 * a.dist.nbytes)  # least recently used out
    for c in range(12):
        store.field(solid, (c, 0))
    assert store.field(solid, (5, 4)) is not a and len(store._fields) <= 4
    # Every sim of one map (a retry, a checkpoint's copy) shares its store; another map has its own.
    first = level(write_level)
    again = type(first)(first.tilemap, seed=5)
    assert again.flows.store is first.flows.store and copy.deepcopy(first).flows.store is first.flows.store
    fresh = level(write_level)
    assert fresh.flows.store is not first.flows.store
    count = len(flows._STORES)
    del first, again, fresh
    gc.collect()
    assert len(flows._STORES) < count  # a map's store goes with it
