"""The action levels, end to end and headless: the stored replays finish them on normal with the stored
final hash, the autopilot finishes them on every difficulty, and standing still loses (where his men come
for Danko); the terminal is fought through zone by zone, its objectives advancing only when done."""

import pytest
from conftest import level_map

from game.input.actions import NO_INPUT, Action, InputFrame
from game.input.replay import load_replay
from game.modes.events import Dialogue, Event, ObjectiveChanged, Sound, of_type
from game.modes.level.sim import LOST, WON, LevelSim
from game.paths import LEVELS, ROOT

REPLAYS = ROOT / "tests" / "replays"
LEVEL_NAMES = ("bathhouse", "moscow_sting", "transfer", "cat_trap", "hospital", "hotel", "bus_terminal")
FIGHTS = ("bathhouse", "moscow_sting", "hotel", "bus_terminal")  # the levels with every enemy kind
HUNTED_AT_THE_START = ("bathhouse", "moscow_sting", "transfer", "cat_trap", "hospital", "hotel")  # at the terminal his men wait in the hall
MAX_STEPS = 60 * 60 * 6  # six minutes of game time


def level(name: str):
    return level_map(name)


@pytest.fixture(scope="module")
def won_replay():
    """`run(name)`: `_events_of_a_won_run(name)`, played once for the module (the stored-hash test and the
    story checks below read the same run; they only read it)."""
    runs: dict[str, tuple[LevelSim, list[Event]]] = {}

    def run(name: str) -> tuple[LevelSim, list[Event]]:
        if name not in runs:
            runs[name] = _events_of_a_won_run(name)
        return runs[name]
    return run


@pytest.mark.parametrize("name", LEVEL_NAMES)
def test_recorded_replay_finishes_the_level_with_the_stored_hash(name, won_replay):
    sim, _ = won_replay(name)
    assert sim.outcome == WON and sim.steps <= MAX_STEPS
    assert sim.state_hash() == (REPLAYS / f"{name}.hash").read_text().strip()


@pytest.mark.parametrize("difficulty", ("easy", "normal", "hard"))
@pytest.mark.parametrize("name", LEVEL_NAMES)
def test_autopilot_finishes_every_level_on_every_difficulty(name, difficulty, expert_run):
    run = expert_run(name, difficulty, 0)  # the autopilot's try (conftest: the personas' expert rows share it)
    assert run.outcome == WON and run.steps <= MAX_STEPS, f"{name} on {difficulty}: {run.outcome} after {run.steps} steps"


@pytest.mark.parametrize("name", HUNTED_AT_THE_START)
def test_a_player_who_stands_still_loses(name):
    sim = LevelSim(level(name), seed=0, difficulty="normal")
    for _ in range(MAX_STEPS):
        if sim.step(NO_INPUT):
            break
    assert sim.outcome == LOST


def _events_of_a_won_run(name: str) -> tuple[LevelSim, list[Event]]:
    sim = LevelSim(level(name), seed=0, difficulty="normal")
    events: list[Event] = []
    frames = iter(load_replay(REPLAYS / f"{name}.rep"))
    from game.input.actions import EdgeTracker

    edges = EdgeTracker()
    for mask in frames:
        sim.step(edges.frame(mask))
        events.extend(sim.events)
        if sim.outcome:
            break
    return sim, events


def test_rostavili_runs_for_his_yard_at_the_end_of_the_bathhouse(won_replay):
    sim, events = won_replay("bathhouse")
    assert Dialogue("bathhouse", "outro") in events
    ogarkov = next(n for n in sim.npcs if n.name == "ogarkov")
    rostavili = next(e for e in sim.enemies if e.name == "Rostavili")
    assert ogarkov.state == "stand"                                    # Yuri falls at the sting, not here
    assert rostavili.vanish and rostavili.state in ("script", "gone")  # he runs for the gate...
    assert rostavili.hp == rostavili.max_hp                            # ...and nobody laid a hand on him
    assert sim.flags.get("sting_done")


def test_the_sting_finds_the_leg_loses_ogarkov_and_ends_on_danko_wounded(won_replay):
    sim, events = won_replay("moscow_sting")
    objectives = [e.text for e in of_type(events, ObjectiveChanged)]
    order = ["Search the courier", "Into the yard: Rostavili is inside", "Rostavili!", "Yuri is down!",
             "He got away. Get to Yuri"]
    assert [o for o in objectives if o in order] == order
    assert Dialogue("moscow_sting", "during") in events and Dialogue("moscow_sting", "outro") in events
    assert sim.flags.get("leg_found") and sim.player.armed
    assert any(fx.kind == "packet" for fx in sim.effects) and any(fx.kind == "leg" for fx in sim.effects)
    ogarkov = next(n for n in sim.npcs if n.name == "ogarkov")
    assert ogarkov.state == "fallen" and (ogarkov.x, ogarkov.y) == sim.spec.markers["yuri_out"]  # he ran out, then fell
    rostavili = next(e for e in sim.enemies if e.name == "Rostavili")
    assert rostavili.state == "gone" and rostavili.hp == rostavili.max_hp  # escaped, untouched...
    assert next(n for n in sim.npcs if n.name == "volga").state == "gone"  # ...by car
    assert sim.player.state == "down" and 0 < sim.player.health < sim.player.tuning.max_health  # wounded


def test_rostavili_escapes_the_sting_whatever_danko_shoots():
    """Every shot Danko fires at Rostavili in the yard passes him: the plot lets him go."""
    from game.input.actions import Action, EdgeTracker
    from game.modes.level.autopilot import Autopilot

    sim = LevelSim(level("moscow_sting"), seed=0, difficulty="easy")
    pilot, edges = Autopilot(sim), EdgeTracker()
    while sim.outcome is None and sim.steps < MAX_STEPS:
        mask = pilot.decide()
        rostavili = next(e for e in sim.enemies if e.name == "Rostavili")
        if rostavili.state in ("passive", "script") and sim.steps % 8 == 0:
            mask = int(Action.SHOOT) | int(Action.RIGHT if rostavili.body.x > sim.player.body.x else Action.LEFT)
        sim.step(edges.frame(mask))
    assert sim.outcome == WON
    assert rostavili.state == "gone" and rostavili.hp == rostavili.max_hp


def test_the_witness_dies_as_danko_reaches_him_and_only_the_assassin_is_shot(won_replay):
    sim, events = won_replay("hospital")
    witness = next(n for n in sim.npcs if n.name == "witness")
    assert witness.state == "fallen" and sim.flags.get("alarm")
    assert Dialogue("hospital", "during") in events and Dialogue("hospital", "outro") in events
    killer = next(n for n in sim.npcs if n.role == "assassin")
    assert killer.state == "fallen" and sim.flags.get("assassin_down")
    assert all(n.state != "fallen" for n in sim.npcs if n.role == "nurse")  # the gun never hit an innocent
    assert sum(1 for e in events if e == Sound("gunshot")) == 1              # one shot: the plot's
    assert sim.player.ammo == int(sim.tilemap.properties["ammo"])           # and never the pistol's rounds


def test_the_hospital_alarm_rings_by_itself_when_danko_never_comes():
    sim = LevelSim(level("hospital"), seed=0, difficulty="normal")
    for _ in range(MAX_STEPS):
        if sim.step(NO_INPUT):
            break
    assert sim.outcome == LOST and sim.flags.get("alarm") and sim.steps > 45 * 60
    assert next(n for n in sim.npcs if n.role == "assassin").state == "gone"  # she walked out


def test_rostavili_takes_the_key_at_the_hotel_and_the_objective_changes(won_replay):
    sim, events = won_replay("hotel")
    objectives = [e.text for e in of_type(events, ObjectiveChanged)]
    assert "Someone is in your room!" in objectives
    assert objectives.index("Someone is in your room!") < objectives.index("The key is gone! To the elevator")
    assert objectives[-1] == "Get in the elevator"
    assert Dialogue("hotel", "outro") in events
    assert sim.flags.get("key_stolen") and sim.player.armed


def test_levels_are_data_driven_enemy_kinds_come_from_the_map():
    for name in FIGHTS:
        sim = LevelSim(level(name), difficulty="hard")
        kinds = {e.kind.key for e in sim.enemies}
        assert {"brawler", "knife", "gunman", "heavy", "rostavili"} <= kinds, name


TERMINAL_OBJECTIVES = ["His men! Clear the ticket hall", "To the lockers: number 1217", "He has the shipment! Beat his men",
                       "After him! Out to the bays", "Rostavili! He is stealing a bus", "Beat his men",
                       "Board the other bus"]


def test_the_terminal_is_fought_through_hall_lockers_and_bays_and_ends_on_the_other_bus():
    sim = LevelSim(level("bus_terminal"), seed=0, difficulty="normal")
    from game.input.actions import EdgeTracker

    edges, seen, events = EdgeTracker(), [], []
    for mask in load_replay(REPLAYS / "bus_terminal.rep"):
        sim.step(edges.frame(mask))
        events.extend(sim.events)
        for changed in of_type(sim.events, ObjectiveChanged):
            seen.append((changed.text, sim.area_clear, sim.player.body.feet))
        if sim.outcome:
            break
    assert sim.outcome == WON
    assert [text for text, _, _ in seen] == TERMINAL_OBJECTIVES
    said = dict((text, (clear, feet)) for text, clear, feet in seen)
    # Each objective moves on when the last one is done: the hall and the lockers are cleared first...
    assert said["To the lockers: number 1217"][0] and said["After him! Out to the bays"][0] and said["Board the other bus"][0]
    # ...the lockers and the bays are reached on foot (the doors stand between the zones).
    assert said["He has the shipment! Beat his men"][1][0] > 25 * 16  # through the hall's far door
    assert said["Rostavili! He is stealing a bus"][1][0] > 40 * 16  # through the locker room's
    buses = {b.name: b.state for b in sim.buses}
    assert buses.pop("his_bus") == "gone" and set(buses.values()) == {"parked"}  # he pulled out; ours waits
    assert Dialogue("bus_terminal", "lines") in events and Dialogue("bus_terminal", "outro") in events
    assert sim.kills >= 8 and sim.flags.get("shipment") and sim.flags.get("bus_gone")


def test_walking_right_no_longer_plays_the_terminal_for_you():
    sim = LevelSim(level("bus_terminal"), seed=0, difficulty="normal")
    right = InputFrame(held=int(Action.RIGHT))
    for _ in range(60 * 8):
        sim.step(right)
        if sim.outcome:
            break
    assert sim.objective == "His men! Clear the ticket hall"  # the men came for him; the story waits
    rostavili = next(e for e in sim.enemies if e.name == "rostavili")
    assert rostavili.state == "dormant" and {b.state for b in sim.buses} == {"parked"}
    assert not sim.flags.get("hall_clear") and sim.outcome != WON
