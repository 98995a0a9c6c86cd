"""Each mode's autopilot finishes its map (locksmith, bus terminal, chase), and a whole new game plays headless."""
import subprocess
import sys
from copy import deepcopy

import pytest
from conftest import level_map

from game.devtools.playthrough import play_new_game
from game.input.replay import load_replay
from game.modes import registry
from game.paths import LEVELS, ROOT
from game.world.tilemap import load_tilemap


def autoplay(level, seed=0, difficulty="normal", max_steps=36000):
    tilemap = load_tilemap(LEVELS / level)
    return tilemap, registry.mode_of(tilemap).autoplay(tilemap, seed, difficulty, max_steps)


def test_autoplay_solves_the_puzzle_through_its_hints():
    _, result = autoplay("locksmith.tmx")
    assert result.outcome == "won" and "wrong tries" in result.detail


def test_autoplay_wins_the_chase_and_the_fight_on_foot():
    _, result = autoplay("bus_chase.tmx", difficulty="hard")
    assert result.outcome == "won", result.detail
    assert "fight on foot won" in result.detail


@pytest.mark.parametrize("difficulty", ["easy", "hard"])
def test_the_chase_autopilot_drives_on_the_difficulty_asked_for(difficulty):
    """Its recording replays on that difficulty (easy's slower Rostavili once made an easy recording a lost
    replay)."""
    from game.modes.chase.autopilot import drive_chase

    tilemap = level_map("bus_chase")
    driven = drive_chase(tilemap, 0, difficulty, max_steps=30)
    assert driven.sim.difficulty == difficulty and driven.steps == 30


def autoplay_and_replay(level):
    """The autopilot's run of `level` (seed 0, normal) and the replay of the input it recorded."""
    tilemap, result = autoplay(level)
    return result, registry.mode_of(tilemap).replay(tilemap, result.masks, result.seed, "normal", 36000)


@pytest.fixture(scope="module")
def chase_run(seed0_chase):
    """The chase's autopilot run (`autoplay`: conftest's shared drive, then the fight on foot from copies of
    its input so far) and its replay, for the two chase tests below."""
    from game.modes.chase.autopilot import on_foot

    tilemap = seed0_chase.sim.tilemap
    result = on_foot(seed0_chase._replace(edges=deepcopy(seed0_chase.edges), masks=list(seed0_chase.masks)))
    return result, registry.mode_of(tilemap).replay(tilemap, result.masks, result.seed, "normal", 36000)


@pytest.mark.parametrize("level", ["locksmith.tmx",
                                   pytest.param("bus_chase.tmx", marks=pytest.mark.xdist_group("seed0_chase"))])
def test_an_autopilot_run_replays_to_the_same_end(level, request):
    result, again = request.getfixturevalue("chase_run") if level == "bus_chase.tmx" else autoplay_and_replay(level)
    assert (again.outcome, again.state_hash) == (result.outcome, result.state_hash) == ("won", again.state_hash)


@pytest.mark.parametrize("level", ["locksmith.tmx", "bus_terminal.tmx"])
def test_cli_autoplay_finishes_my_levels(level):
    proc = subprocess.run([sys.executable, "-m", "game", "autoplay", str(LEVELS / level)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("won")


def test_cli_autoplay_records_a_chase_that_replays(tmp_path, chase_run):
    rep = tmp_path / "chase.rep"
    proc = subprocess.run([sys.executable, "-m", "game", "autoplay", str(LEVELS / "bus_chase.tmx"),
                           "--record", str(rep)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # The file holds the autopilot's input (seed 0, as the CLI runs it), and replaying that input, done
    # once for both chase tests, wins with the hash the CLI printed.
    result, replayed = chase_run
    assert load_replay(rep) == result.masks
    assert replayed.outcome == "won" and proc.stdout.strip().splitlines()[-1] == replayed.state_hash


def test_a_whole_new_game_reaches_the_credits():
    result = play_new_game(seed=0)
    assert result.outcome == "won", result.detail
    assert result.beats[0] == "bathhouse" and result.beats[-1] == "epilogue"
    for beat in ("moscow_sting", "transfer_ambush", "cat_ambush", "hospital", "locksmith", "bus_terminal", "bus_chase"):
        assert beat in result.beats


def test_cli_autoplay_without_a_level_or_all_is_a_usage_error():
    proc = subprocess.run([sys.executable, "-m", "game", "autoplay"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "LEVEL or --all" in proc.stderr
