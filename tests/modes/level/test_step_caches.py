"""The level step's kept lists answer as the plain loops they replace: the triggers and pickups near Danko's
cells, the vents on (and the autopilot's vents about to blow) till the next change."""
from __future__ import annotations

import copy
import random

from level_arena import level

from game.actors.objects import HazardSpec, Rect, TriggerSpec
from game.modes.level import hazards, props
from game.modes.level.script import fire
from game.modes.level.state import Pickup, Script

T = 16


def _plain_check_triggers(lv) -> None:
    """props.check_triggers as first written: every unfired trigger tested every step."""
    b = lv.player.body
    clear = None
    fired_now = False
    for t in [t for t in lv.spec.triggers if t.id not in lv.fired]:
        if fired_now and t.id in lv.fired:
            continue
        if t.rect is not None and not t.rect.contains_box(b.box) and not (t.after and lv.steps >= t.after):
            continue
        if not lv.flag_met(t.requires_flag):
            continue
        if t.requires_clear:
            if clear is None:
                clear = lv.area_clear
            if not clear:
                continue
        lv.fired.append(t.id)
        fired_now = True
        lv.checkpoint_due = lv.checkpoint_due or t.checkpoint
        fire(lv, t.beat, t.dialogue, t.wave, t.set_flag, t.objective)
        if t.script:
            lv.scripts.append(Script(t.beat, t.script))
        clear = None


def _plain_collect_pickups(lv) -> None:
    """props.collect_pickups as first written: every pickup tested every step."""
    p = lv.player
    for item in lv.pickups:
        if item.taken or not p.body.overlaps(item.x - 6.0, item.y - 6.0, 12.0, 12.0):
            continue
        if item.kind == "first_aid" and p.health < p.tuning.max_health:
            p.health = min(p.tuning.max_health, p.health + props.FIRST_AID)
        elif item.kind == "ammo" and p.armed and p.ammo < p.tuning.max_ammo:
            p.gain_ammo(props.AMMO_CLIP)
        else:
            continue
        item.taken = True
        lv.emit_sound("pickup")


def _edge(rng: random.Random, lo: float, hi: float) -> float:
    """A coordinate, often on a cell edge or a hair from one."""
    v = rng.uniform(lo, hi)
    return rng.choice((v, float(round(v / T) * T), round(v / T) * T + 1e-9, round(v / T) * T - 1e-9))


def _place(rng: random.Random, lv, rects: list[Rect]) -> None:
    b = lv.player.body
    if rects and rng.random() < 0.6:  # at, in or just off a rectangle's edge
        r = rng.choice(rects)
        b.x = rng.choice((r.x - b.w, r.x + r.w, r.x - b.w + 1e-9, r.x + r.w - 1e-9, rng.uniform(r.x - 12, r.x + r.w)))
        b.y = rng.choice((r.y - b.h, r.y + r.h, r.y - b.h + 1e-9, r.y + r.h - 1e-9, rng.uniform(r.y - 8, r.y + r.h)))
    else:
        b.x, b.y = _edge(rng, 0, 300), _edge(rng, 0, 180)


def test_triggers_fire_as_the_plain_loop_wherever_danko_stands(write_level):
    rng = random.Random(11)
    fired = 0
    for trial in range(40):
        a = level(write_level)
        triggers = []
        for i in range(rng.randint(1, 12)):
            rect = None if rng.random() < 0.1 else Rect(_edge(rng, 0, 280), _edge(rng, 0, 160),
                                                        rng.choice((8.0, 16.0, 30.5, 64.0)), rng.choice((8.0, 16.0, 40.0)))
            triggers.append(TriggerSpec(100 + i, f"t{i}", rect, set_flag=f"f{i}",
                                        requires_flag=rng.choice(("", "", f"f{i - 1}", "g")),
                                        after=rng.choice((0, 0, 0, rng.randint(1, 60)))))
        a.spec.triggers[:] = triggers
        b = copy.deepcopy(a)
        rects = [t.rect for t in triggers if t.rect is not None]
        for _ in range(60):
            if rng.random() < 0.7:  # he moves (else he stands where he stood)
                _place(rng, a, rects)
            b.player.body.x, b.player.body.y = a.player.body.x, a.player.body.y
            a.steps = b.steps = a.steps + rng.randint(0, 3)
            if rng.random() < 0.05:
                a.flags["g"] = b.flags["g"] = True
            props.check_triggers(a)
            _plain_check_triggers(b)
            assert a.fired == b.fired and a.flags == b.flags, trial
        fired += len(a.fired)
    assert fired > 150  # the triggers do fire, so the comparison above tests firing too


def test_pickups_are_taken_as_by_the_plain_loop_dropped_ones_too(write_level):
    rng = random.Random(5)
    taken = 0
    for trial in range(30):
        a = level(write_level)
        a.player.arm(4)
        a.pickups[:] = [Pickup(i, rng.choice(("first_aid", "ammo")), _edge(rng, 0, 300), _edge(rng, 0, 180))
                        for i in range(rng.randint(0, 6))]
        b = copy.deepcopy(a)
        for _ in range(80):
            rects = [Rect(i.x - 6.0, i.y - 6.0, 12.0, 12.0) for i in a.pickups]
            if rng.random() < 0.7:
                _place(rng, a, rects)
            b.player.body.x, b.player.body.y = a.player.body.x, a.player.body.y
            if rng.random() < 0.1:  # a beaten enemy's drop
                x, y = a.player.body.x + rng.uniform(-10, 20), a.player.body.y + rng.uniform(-10, 16)
                a.pickups.append(Pickup(len(a.pickups), "first_aid", x, y))
                b.pickups.append(Pickup(len(b.pickups), "first_aid", x, y))
            if rng.random() < 0.3:
                a.player.health = b.player.health = rng.randint(10, 99)
                a.player.ammo = b.player.ammo = rng.randint(0, 12)
            props.collect_pickups(a)
            _plain_collect_pickups(b)
            assert [i.taken for i in a.pickups] == [i.taken for i in b.pickups], trial
            assert (a.player.health, a.player.ammo) == (b.player.health, b.player.ammo)
        taken += sum(i.taken for i in a.pickups)
    assert taken > 40


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


def test_another_list_of_pickups_as_long_is_read_again(write_level):
    a = level(write_level)
    a.player.health = 10
    x, y = a.player.body.x, a.player.body.y
    a.pickups = [Pickup(1, "first_aid", x + 100, y)]
    props.collect_pickups(a)
    assert not a.pickups[0].taken
    a.pickups = [Pickup(2, "first_aid", x + 5, y + 3)]  # the same length, Danko on the same cells
    props.collect_pickups(a)
    assert a.pickups[0].taken


def test_the_autopilot_steps_out_of_the_vents_about_to_blow_as_the_plain_test(write_level):
    from game.modes.level.autopilot import Autopilot, _grow, _keys

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
