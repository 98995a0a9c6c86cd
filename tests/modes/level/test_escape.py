"""The timed escape: `escape STEPS` starts a countdown, `cutoff` objects close at their announced steps (never
under someone's feet), the level is lost when the time runs out or no open exit can be reached, and `check`
reports a cutoff that cannot work. Cat Manzetti's trap is won through either of its two ways out."""
import pytest
from level_arena import level

from game.input.actions import NO_INPUT, Action, EdgeTracker, InputFrame
from game.modes.events import Sound
from game.modes.level import escape
from game.modes.level.autopilot import Autopilot
from game.modes.level.cutoffs import read_cutoffs, validate
from game.modes.level.sim import LOST, WON, LevelSim
from game.paths import LEVELS
from game.world.tilemap import load_tilemap


def _escape(steps: int) -> str:
    return ('<object id="2" type="trigger" x="0" y="0"><properties>'
            f'<property name="script" value="escape {steps}"/></properties></object>')


def _cutoff(ident: int, x: int, y: int, w: int, h: int, after: int, warn: int = 60, label: str = "Door") -> str:
    return (f'<object id="{ident}" type="cutoff" x="{x}" y="{y}" width="{w}" height="{h}"><properties>'
            f'<property name="label" value="{label}"/><property name="after" type="int" value="{after}"/>'
            f'<property name="warn" type="int" value="{warn}"/></properties></object>')


EXIT = '<object id="9" type="exit" x="272" y="80" width="16" height="32"/>'  # the room's far right, on floor


def _cells_solid(sim, c) -> bool:
    t = sim.tile
    return bool(sim.solid[int(c.rect.y // t), int(c.rect.x // t)])


def test_a_cutoff_is_announced_then_closes_at_its_step(write_level):
    sim = level(write_level, _escape(600) + _cutoff(3, 160, 16, 16, 32, after=200, warn=90) + EXIT)
    sim.step(NO_INPUT)  # the trigger fires and its script starts the escape
    e = escape.of(sim)
    assert e is not None and e.left(sim.steps) == 600
    c = e.cutoffs[0]
    sounds = []
    while e.elapsed(sim.steps) < c.after - 1:
        sim.step(NO_INPUT)
        sounds += [(e.elapsed(sim.steps), ev) for ev in sim.events if isinstance(ev, Sound)]
        assert not _cells_solid(sim, c) and e.phase(c, sim.steps) in ("open", "warn")
    assert (c.warn_at, Sound("hiss")) in sounds  # announced when its warning starts
    sim.step(NO_INPUT)
    assert e.phase(c, sim.steps) == "closed" and e.closed[c.id] == e.start + c.after and _cells_solid(sim, c)
    assert sim.outcome is None  # the exit is still in reach


def test_a_cutoff_waits_while_danko_stands_in_it(write_level):
    sim = level(write_level, _escape(600) + _cutoff(3, 64, 80, 32, 32, after=30) + EXIT, spawn=(80, 100))
    for _ in range(60):
        sim.step(NO_INPUT)
    e = escape.of(sim)
    assert e.phase(e.cutoffs[0], sim.steps) == "due" and not e.closed  # he stands in the doorway
    right = InputFrame(held=int(Action.RIGHT))
    for _ in range(40):
        sim.step(right)
    assert e.cutoffs[0].id in e.closed and sim.player.body.x > 96


def test_time_running_out_loses_the_level_trapped(write_level):
    sim = level(write_level, _escape(120) + EXIT)
    steps = 0
    while sim.outcome is None and steps < 1000:
        sim.step(NO_INPUT)
        steps += 1
    e = escape.of(sim)
    assert sim.outcome == LOST and e.lost == escape.OUT_OF_TIME and sim.steps == e.start + 120
    assert escape.lose_card(sim) == {"title": "TRAPPED", "reason": "Time ran out"}
    assert sim.player.lives == sim.difficulty.lives  # not a knockout


@pytest.mark.parametrize("length", [900, 90])  # 90: the time runs out as it closes; the card says why
def test_the_last_way_out_cut_off_loses_at_once(write_level, length):
    walls = _cutoff(3, 256, 16, 16, 160, after=90, label="East door")  # a wall of cutoff before the exit
    sim = level(write_level, _escape(length) + walls + EXIT)
    while sim.outcome is None and sim.steps < 900:
        sim.step(NO_INPUT)
    e = escape.of(sim)
    assert sim.outcome == LOST and e.lost == escape.CUT_OFF and sim.steps == e.start + 90
    assert e.cut_exits == [9]


def test_no_escape_no_countdown_and_a_knockout_keeps_game_over(write_level):
    sim = level(write_level, EXIT)
    sim.step(NO_INPUT)
    assert escape.of(sim) is None and escape.lose_card(sim) == {}


def test_reaching_an_open_exit_in_time_wins(write_level):
    sim = level(write_level, _escape(600) + _cutoff(3, 160, 16, 16, 32, after=500) + EXIT)
    right = InputFrame(held=int(Action.RIGHT))
    while sim.outcome is None and sim.steps < 600:
        sim.step(right)
    assert sim.outcome == WON and not escape.of(sim).lost


@pytest.mark.parametrize("objects, problem", [
    (_cutoff(3, 160, 16, 16, 32, after=100), "needs a trigger whose script starts the escape"),
    (_escape(600) + _cutoff(3, 160, 16, 16, 32, after=100, warn=20), "warn (20) under 60 steps"),
    (_escape(600) + _cutoff(3, 160, 16, 16, 32, after=900), "closes at 900, after the escape's time runs out (600)"),
    (_escape(600) + _cutoff(3, 160, 16, 16, 32, after=0), "'after' must be above 0"),
    (_escape(600), "an escape needs at least one exit"),
    (_escape(30) + EXIT, "'escape 30' is under a second"),
])
def test_check_reports_a_cutoff_that_cannot_work(write_level, objects, problem):
    sim = level(write_level, objects)
    messages = [m for _, m in validate(sim.tilemap)]
    assert any(problem in m for m in messages), messages


# --- Cat Manzetti's trap -----------------------------------------------------------------------------

def _trap(difficulty="normal") -> LevelSim:
    return LevelSim(load_tilemap(LEVELS / "cat_trap.tmx"), seed=0, difficulty=difficulty)


def test_the_trap_has_two_ways_out_closing_one_after_the_other_and_passes_check():
    tilemap = load_tilemap(LEVELS / "cat_trap.tmx")
    cutoffs = read_cutoffs(tilemap)
    assert [c.label for c in cutoffs] == ["Main stairs", "Fire escape"]
    assert cutoffs[0].after < cutoffs[1].after and len(tilemap.objects_of("exit")) == 2
    assert validate(tilemap) == []


def _autoplay(sim: LevelSim, after_step=lambda sim: None) -> LevelSim:
    """The autopilot plays `sim` to its end (3 minutes at most), calling `after_step` after every step."""
    pilot, edges, last = Autopilot(sim), EdgeTracker(), 0
    while sim.outcome is None and sim.steps < 60 * 60 * 3:
        mask = pilot.decide() & ~(last & int(Action.PUNCH | Action.KICK | Action.SHOOT | Action.SPECIAL))
        last = mask
        sim.step(edges.frame(mask))
        after_step(sim)
    return sim


def _autopilot_with(label_cut: str):
    """The autopilot plays the trap; the moment the escape starts, the way out named `label_cut` is cut."""
    sim = _trap()

    def cut(sim):
        e = escape.of(sim)
        if e is not None and not e.closed and sim.outcome is None:
            escape.close(sim, e, next(c for c in e.cutoffs if c.label == label_cut))
    return _autoplay(sim, cut)


@pytest.mark.parametrize("cut, exit_name", [("Main stairs", "alley"), ("Fire escape", "street door")])
def test_either_way_out_wins_when_the_other_is_cut(cut, exit_name):
    sim = _autopilot_with(cut)
    assert sim.outcome == WON, escape.of(sim).lost
    out = next(o for o in sim.tilemap.objects_of("exit") if o.name == exit_name)
    fx, fy = sim.player.body.feet
    assert out.x - 16 <= fx <= out.x + out.width + 16 and out.y - 16 <= fy <= out.y + out.height + 16


def test_rostavili_demands_the_key_and_is_never_hit():
    from game.modes.events import Dialogue

    sim = _trap()
    events = []
    _autoplay(sim, lambda sim: events.extend(sim.events))
    assert sim.outcome == WON
    assert Dialogue("cat_ambush", "during") in events
    cat = next(n for n in sim.npcs if n.name == "cat")
    assert cat.state == "gone"  # she walked out on them
    rostavili = next(e for e in sim.enemies if e.name == "Rostavili")
    assert rostavili.hp == rostavili.max_hp and rostavili.state in ("script", "gone")


# --- not without Ridzik ---------------------------------------------------------------------------

def _pair(write_level, partner_exit: bool):
    prop = '<properties><property name="partner" type="bool" value="true"/></properties>' if partner_exit else ""
    objects = (f'<object id="9" type="exit" x="48" y="64" width="64" height="64">{prop}</object>'
               '<object id="4" type="partner_spawn" x="250" y="100"/>')
    return level(write_level, objects, spawn=(80, 100))


def test_an_exit_with_partner_waits_for_ridzik_on_his_feet(write_level):
    from game.modes.level import together

    sim = _pair(write_level, partner_exit=True)
    r = sim.partner
    r.state = "out"  # knocked out across the room
    sim.step(NO_INPUT)
    assert sim.outcome is None and together.waiting_at(sim) is not None
    r.state = "free"
    b = r.body
    b.x, b.y = 90.0, 94.0  # back on his feet, beside Danko
    sim.step(NO_INPUT)
    assert sim.outcome == WON


def test_a_plain_exit_does_not_wait_for_ridzik(write_level):
    sim = _pair(write_level, partner_exit=False)
    sim.partner.state = "out"
    sim.step(NO_INPUT)
    assert sim.outcome == WON


def test_the_trap_is_left_with_ridzik():
    from game.modes.level import together

    sim = _trap()
    _autoplay(sim)
    assert sim.outcome == WON and together.beside(sim)
    assert all(x.partner for x in sim.spec.exits)


def test_the_autopilot_helps_ridzik_up_before_it_leaves():
    sim = _trap()
    knocked = []

    def floor_him(sim):
        e = escape.of(sim)
        if e is not None and not knocked and e.elapsed(sim.steps) == 240:
            r = sim.partner
            r.health, r.state, r.timer, r.help = 0, "out", 0, 0  # floored, as a last blow leaves him
            knocked.append(sim.steps)
    _autoplay(sim, floor_him)
    assert knocked and sim.outcome == WON and not sim.partner.out


def test_a_closed_cutoff_stays_closed_over_a_hot_reload(write_level):
    sim = level(write_level, _escape(600) + _cutoff(3, 160, 16, 16, 32, after=60) + EXIT)
    while escape.of(sim) is None or not escape.of(sim).closed:
        sim.step(NO_INPUT)
    c = escape.of(sim).cutoffs[0]
    sim.reload_map(sim.tilemap)  # a designer saved in Tiled: the walls come from the map again
    sim.step(NO_INPUT)
    assert _cells_solid(sim, c)
