import subprocess
import sys

from game.cli import main
from game.paths import ROOT, first_level


def run_cli(*args, timeout=120):
    return subprocess.run([sys.executable, "-m", "game", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)


def test_headless_smoke_run_exits_zero():
    result = run_cli("--headless", "--frames", "30")
    assert result.returncode == 0, result.stderr


def test_headless_run_saves_a_frame(tmp_path):
    out = tmp_path / "frame.png"
    assert main(["--headless", "--frames", "5", "--save-frame", str(out)]) == 0
    import pygame

    assert pygame.image.load(str(out)).get_size() == (320, 180)


def test_unknown_command_and_flag_print_usage_and_exit_2():
    for args in (["fly"], ["--wings"], ["check", "--wings"]):
        result = run_cli(*args)
        assert result.returncode == 2 and "usage:" in result.stderr, args


def test_check_passes_on_shipped_levels(capsys):
    assert main(["check"]) == 0


def test_render_writes_the_whole_map(tmp_path):
    out = tmp_path / "map.png"
    assert main(["render", str(first_level()), str(out)]) == 0
    import pygame

    from game.world.tilemap import load_tilemap

    assert pygame.image.load(str(out)).get_size() == load_tilemap(first_level()).pixel_size


def test_replay_prints_outcome_then_hash(tmp_path, capsys):
    empty = tmp_path / "empty.rep"
    empty.write_text("")
    assert main(["replay", str(first_level()), str(empty), "--max-steps", "120"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("timeout") and len(lines[-1]) == 16


def test_missing_replay_file_is_one_line_exit_1(tmp_path, capsys):
    assert main(["replay", str(first_level()), str(tmp_path / "nope.rep")]) == 1
    err = capsys.readouterr().err
    assert "nope.rep: file not found" in err and err.count("\n") == 1
