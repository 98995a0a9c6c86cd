"""The two action levels, end to end and headless: the stored replays finish them on normal with the
stored final hash, the autopilot finishes them on every difficulty, and standing still loses."""

import pytest

from game.input.actions import NO_INPUT
from game.input.replay import load_replay
from game.modes.events import Dialogue, Event, ObjectiveChanged, of_type
from game.modes.level.autopilot import autoplay
from game.modes.level.sim import LOST, WON, LevelSim, run_headless
from game.paths import LEVELS, ROOT
from game.world.tilemap import load_tilemap

REPLAYS = ROOT / "tests" / "replays"
LEVEL_NAMES = ("bathhouse", "hotel")
MAX_STEPS = 60 * 60 * 6  # six minutes of game time


def level(name: str):
    return load_tilemap(LEVELS / f"{name}.tmx")


@pytest.mark.parametrize("name", LEVEL_NAMES)
def test_recorded_replay_finishes_the_level_with_the_stored_hash(name):
    masks = load_replay(REPLAYS / f"{name}.rep")
    sim = LevelSim(level(name), seed=0, difficulty="normal")
    assert run_headless(sim, masks, MAX_STEPS) == WON
    assert sim.state_hash() == (REPLAYS / f"{name}.hash").read_text().strip()


@pytest.mark.parametrize("difficulty", ("easy", "normal", "hard"))
@pytest.mark.parametrize("name", LEVEL_NAMES)
def test_autopilot_finishes_every_level_on_every_difficulty(name, difficulty):
    sim = LevelSim(level(name), seed=0, difficulty=difficulty)
    outcome, _ = autoplay(sim, MAX_STEPS)
    assert outcome == WON, f"{name} on {difficulty}: {outcome} after {sim.steps} steps"


@pytest.mark.parametrize("name", LEVEL_NAMES)
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


def test_the_sting_goes_wrong_at_the_end_of_the_bathhouse():
    sim, events = _events_of_a_won_run("bathhouse")
    assert Dialogue("bathhouse", "outro") in events
    ogarkov = next(n for n in sim.npcs if n.name == "ogarkov")
    rostavili = next(e for e in sim.enemies if e.name == "Rostavili")
    assert ogarkov.state == "fallen"
    assert rostavili.vanish and rostavili.state in ("script", "gone")  # he runs for the gate...
    assert rostavili.hp == rostavili.max_hp                            # ...and nobody laid a hand on him
    assert sim.flags.get("sting_done")


def test_rostavili_takes_the_key_at_the_hotel_and_the_objective_changes():
    sim, events = _events_of_a_won_run("hotel")
    objectives = [e.text for e in of_type(events, ObjectiveChanged)]
    assert "Someone is in your room!" in objectives
    assert objectives.index("Someone is in your room!") < objectives.index("The key is gone! To the elevator")
    assert objectives[-1] == "Get in the elevator"
    assert Dialogue("hotel", "outro") in events
    assert sim.flags.get("key_stolen") and sim.player.armed


def test_levels_are_data_driven_enemy_kinds_come_from_the_map():
    for name in LEVEL_NAMES:
        sim = LevelSim(level(name), difficulty="hard")
        kinds = {e.kind.key for e in sim.enemies}
        assert {"brawler", "knife", "gunman", "heavy", "rostavili"} <= kinds, name
