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


def test_help_lists_the_play_flags_and_the_subcommands():
    result = run_cli("--help")
    assert result.returncode == 0
    for word in ("--level", "--windowed", "--fullscreen", "--scale", "--mute", "check", "autoplay", "replay"):
        assert word in result.stdout, word


def room_with(objects):
    from conftest import room, tmx_text

    return tmx_text(room(10, 8), objects='<object id="1" type="player_spawn" x="40" y="40"/>' + objects)


def test_check_prints_each_problem_once(write_level, capsys):
    """The object rules run once (passed by the CLI to the lint as an extra rule), not twice."""
    path = write_level(room_with('<object id="2" type="enemy" x="80" y="60"><properties>'
                                 '<property name="kind" value="brawler"/><property name="wave" value="77"/>'
                                 '</properties><point/></object>'))
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count("wave 77 is never started by a trigger") == 1, out


def test_check_reports_a_sound_a_level_names_that_does_not_exist(write_level, capsys):
    path = write_level(room_with('<object id="2" type="trigger" x="64" y="48" width="16" height="16"><properties>'
                                 '<property name="script" value="sound no_such_sound; wait 5; sound no_such_sound; '
                                 'sound door"/></properties></object>'))
    assert main(["check", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    missing = [line for line in lines if "does not exist" in line]
    assert len(missing) == 1 and "object 2 'trigger'" in missing[0], lines  # `door` exists; the other, once
    assert "sound 'no_such_sound' does not exist (assets/sounds/no_such_sound.wav)" in missing[0]


def test_every_asset_the_story_names_is_checked_against_the_assets_folder(tmp_path):
    from game.assetrefs import missing_assets, story_refs
    from game.story.script import load_story

    refs = story_refs(load_story())
    # portraits and costumes; a cutscene's `sound` steps too, where one has them (the transfer and Cat's
    # trap, the story's last cutscenes with sounds, are played levels now)
    assert {"portrait", "sprite"} <= {r.kind for r in refs} <= {"portrait", "sprite", "sound"}
    assert missing_assets(refs) == []  # the shipped assets have them all
    empty = missing_assets(refs, assets=tmp_path)  # an empty assets folder has none of them
    assert len(empty) == len(refs) and all("does not exist" in p.message for p in empty)


def test_chase_and_puzzle_opened_with_level_get_audio():
    from game.cli import build_app, build_parser
    from game.modes.chase.scene import ChaseScene
    from game.modes.puzzle.scene import PuzzleScene
    from game.paths import LEVELS

    for level, kind in (("bus_chase.tmx", ChaseScene), ("locksmith.tmx", PuzzleScene)):
        app = build_app(build_parser().parse_args(["play", "--headless", "--level", str(LEVELS / level)]))
        scene = app.first_scene()
        assert isinstance(scene, kind) and scene.audio is app.audio and scene.audio is not None


def test_a_map_with_an_unknown_mode_is_one_line_and_a_check_problem(write_level, capsys):
    path = write_level(room_with("").replace("<map ", '<map ', 1).replace(
        ' <tileset', ' <properties><property name="mode" value="racing"/></properties>\n <tileset', 1))
    assert main(["--headless", "--frames", "1", "--level", str(path)]) == 1
    err = capsys.readouterr().err
    assert "mode='racing' is not one of level, chase, puzzle" in err and err.count("\n") == 1
    assert main(["check", str(path)]) == 1
    assert "mode='racing'" in capsys.readouterr().out
