"""Replays of people: every playable level played in a real window with real key presses (playtest.sh
driving `play --level LEVEL --record-input`), replayed headless to the outcome and state hash stored
beside each (`NAME.person.hash`: outcome, hash). "timeout" is a session that ended with the window
closed: its hash is the state when the person stopped. These cannot be re-recorded by a command; see
the README's Replays section."""
from pathlib import Path

import pytest
from conftest import level_map

from game.devtools.recordinput import replay_notes
from game.input.replay import load_replay
from game.modes.registry import mode_of

REPLAYS = Path(__file__).parent / "replays"
PLAYABLE = ("bathhouse", "hotel", "bus_terminal", "locksmith", "bus_chase", "moscow_sting", "transfer", "cat_trap",
            "hospital")


@pytest.mark.parametrize("level", PLAYABLE)
def test_a_person_replay_reaches_its_stored_outcome_and_hash(level):
    path = REPLAYS / f"{level}.person.rep"
    outcome, digest = (REPLAYS / f"{level}.person.hash").read_text().split()
    notes = replay_notes(path)
    assert notes["recorded"].startswith("from a real window")
    masks = load_replay(path)
    tilemap = level_map(level)
    result = mode_of(tilemap).replay(tilemap, masks, int(notes["seed"]), notes["difficulty"], len(masks))
    assert (result.outcome, result.state_hash) == (outcome, digest)
