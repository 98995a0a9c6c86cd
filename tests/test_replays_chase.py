"""Stored replays finish the locksmith, the bus terminal and the chase headless.

The puzzle's and the chase's driving hashes are stored: they depend only on this code. The bus
terminal and the fight on foot run on the combat LevelSim, so for them the test asks for a win (and, for
the terminal, a bit-for-bit repeat) rather than a stored hash: a combat tuning change should not break
the chase.
"""
from game.devtools.playthrough import replay_chase, replay_puzzle
from game.input.replay import load_replay
from game.modes.level.sim import LevelSim, run_headless
from game.paths import LEVELS, ROOT
from game.world.tilemap import load_tilemap

REPLAYS = ROOT / "tests" / "replays"


def test_locksmith_replay_solves_the_puzzle_with_the_stored_hash():
    outcome, digest = replay_puzzle(load_replay(REPLAYS / "locksmith.rep"))
    assert outcome == "won"
    assert digest == (REPLAYS / "locksmith.hash").read_text().strip()


def test_bus_chase_replay_crashes_him_into_the_train_and_wins_on_foot():
    tilemap = load_tilemap(LEVELS / "bus_chase.tmx")
    masks = load_replay(REPLAYS / "bus_chase.rep")
    outcome, chase_hash, fight_hash = replay_chase(tilemap, masks)
    assert chase_hash == (REPLAYS / "bus_chase.hash").read_text().strip()
    assert outcome == "won" and fight_hash


def test_bus_terminal_replay_reaches_the_spare_bus():
    tilemap = load_tilemap(LEVELS / "bus_terminal.tmx")
    masks = load_replay(REPLAYS / "bus_terminal.rep")
    hashes = []
    for _ in range(2):
        sim = LevelSim(tilemap, seed=0)
        assert run_headless(sim, masks, 60 * 60) == "won"
        assert sim.flags.get("bus_gone") and sim.flags.get("shipment")
        hashes.append(sim.state_hash())
    assert hashes[0] == hashes[1]
