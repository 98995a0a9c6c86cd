"""Stored replays finish the locksmith, the bus terminal and the chase headless, each through its mode.

The puzzle's and the chase's driving hashes are stored: they depend only on this code. The bus
terminal and the fight on foot run on the combat LevelSim, so for them the test asks for a win (and, for
the terminal, a bit-for-bit repeat) rather than a stored hash: a combat tuning change should not break
the chase.
"""
from conftest import level_map

from game.input.replay import load_replay
from game.modes import registry
from game.modes.level.sim import LevelSim, run_headless
from game.paths import LEVELS, ROOT
from game.world.tilemap import load_tilemap

REPLAYS = ROOT / "tests" / "replays"
MAX_STEPS = 60 * 60 * 10


def replay(level):
    tilemap = load_tilemap(LEVELS / f"{level}.tmx")
    masks = load_replay(REPLAYS / f"{level}.rep")
    return registry.mode_of(tilemap).replay(tilemap, masks, 0, "normal", MAX_STEPS)


def test_locksmith_replay_solves_the_puzzle_with_the_stored_hash():
    result = replay("locksmith")
    assert result.outcome == "won"
    assert result.state_hash == (REPLAYS / "locksmith.hash").read_text().strip()


def test_bus_chase_replay_crashes_him_into_the_train_and_wins_on_foot():
    result = replay("bus_chase")
    assert result.state_hash == (REPLAYS / "bus_chase.hash").read_text().strip()
    assert result.outcome == "won" and "fight on foot" in result.detail


def test_bus_terminal_replay_reaches_the_spare_bus():
    tilemap = level_map("bus_terminal")
    masks = load_replay(REPLAYS / "bus_terminal.rep")
    hashes = []
    for _ in range(2):
        sim = LevelSim(tilemap, seed=0)
        assert run_headless(sim, masks, 60 * 60) == "won"
        assert sim.flags.get("bus_gone") and sim.flags.get("shipment")
        hashes.append(sim.state_hash())
    assert hashes[0] == hashes[1]
    assert replay("bus_terminal").state_hash == hashes[0]  # the level mode's replay runs the same sim
    assert hashes[0] == (REPLAYS / "bus_terminal.hash").read_text().strip()  # stored since issue 17


def test_cli_replay_reads_the_map_mode(capsys):
    from game.cli import main

    assert main(["replay", str(LEVELS / "locksmith.tmx"), str(REPLAYS / "locksmith.rep")]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("won") and lines[-1] == (REPLAYS / "locksmith.hash").read_text().strip()
