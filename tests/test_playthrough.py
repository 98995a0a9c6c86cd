"""The autopilot finishes the locksmith, the bus terminal and the chase, and a whole new game headless."""
import subprocess
import sys

import pytest

from game.devtools.playthrough import autoplay_chase, autoplay_puzzle, play_new_game
from game.paths import LEVELS, ROOT
from game.world.tilemap import load_tilemap


def test_autoplay_solves_the_puzzle_through_its_hints():
    result = autoplay_puzzle()
    assert result.outcome == "won" and "wrong tries" in result.detail


def test_autoplay_wins_the_chase_and_the_fight_on_foot():
    result = autoplay_chase(load_tilemap(LEVELS / "bus_chase.tmx"), seed=0, difficulty="hard")
    assert result.outcome == "won", result.detail
    assert "fight on foot won" in result.detail


@pytest.mark.parametrize("level", ["locksmith.tmx", "bus_terminal.tmx"])
def test_cli_autoplay_finishes_my_levels(level):
    proc = subprocess.run([sys.executable, "-m", "game", "autoplay", str(LEVELS / level)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("won")


def test_a_whole_new_game_reaches_the_credits():
    result = play_new_game(seed=0)
    assert result.outcome == "won", result.detail
    assert result.beats[0] == "bathhouse" and result.beats[-1] == "epilogue"
    for beat in ("locksmith", "bus_terminal", "bus_chase"):
        assert beat in result.beats


def test_cli_autoplay_without_a_level_or_all_is_a_usage_error():
    proc = subprocess.run([sys.executable, "-m", "game", "autoplay"], cwd=ROOT, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "LEVEL or --all" in proc.stderr
