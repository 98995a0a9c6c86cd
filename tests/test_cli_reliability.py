"""Issue 17, command line: hostile or careless flags and files give one line and the right exit code.

Each test names the item of issue 17 it guards. Runs in-process through `game.cli.main`.
"""
import pytest

from game.cli import main
from game.limits import REPLAY_MAX_STEPS
from game.paths import LEVELS, first_level


def one_error_line(capsys, *needles):
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("error:") or "error:" in line]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], err
    return lines[0]


# Item 1: a replay run of 99,999,999,999 steps was a MemoryError traceback.
@pytest.mark.parametrize("text", ["1 99999999999\n", "1 300000000\n", f"0 {REPLAY_MAX_STEPS}\n1 1\n",
                                  "1 999999999999999999999999\n", "fffffffffffffffffff 1\n", "1000 1\n", "10000000 1\n"])
def test_replay_past_the_step_limit_or_with_a_bad_run_is_one_line(tmp_path, capsys, text):
    rep = tmp_path / "big.rep"
    rep.write_text(text)
    assert main(["replay", str(first_level()), str(rep), "--max-steps", "10"]) == 1
    one_error_line(capsys, "big.rep: line ")


def test_replay_file_too_big_or_a_folder_or_binary(tmp_path, capsys):
    from game.limits import REPLAY_MAX_BYTES

    big = tmp_path / "big.rep"
    with open(big, "wb") as fh:
        fh.truncate(REPLAY_MAX_BYTES + 1)
    assert main(["replay", str(first_level()), str(big)]) == 1
    one_error_line(capsys, "big.rep", "MB")
    assert main(["replay", str(first_level()), str(tmp_path)]) == 1
    one_error_line(capsys, "is a folder")
    binary = tmp_path / "bin.rep"
    binary.write_bytes(b"\xff\xfe\x00")
    assert main(["replay", str(first_level()), str(binary)]) == 1
    one_error_line(capsys, "bin.rep", "UTF-8")


# Item 2: --seed -1 was a ValueError traceback from numpy.
@pytest.mark.parametrize("args", [
    ["replay", "LEVEL", "FILE", "--seed", "-1"],
    ["autoplay", "LEVEL", "--seed", "-1"],
    ["autoplay", "--all", "--seed", "-1"],
    ["--headless", "--frames", "1", "--level", "LEVEL", "--seed", "-1"],
    ["autoplay", "LEVEL", "--seed", str(2**32)],
    ["replay", "LEVEL", "FILE", "--max-steps", "-5"],
])
def test_bad_seed_or_step_count_is_usage_exit_2(tmp_path, capsys, args):
    rep = tmp_path / "empty.rep"
    rep.write_text("")
    args = [str(first_level()) if a == "LEVEL" else str(rep) if a == "FILE" else a for a in args]
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and ("--seed" in err or "--max-steps" in err)


# Item 3: --record into a missing folder failed after the whole run; into a folder left a stray .tmp.
@pytest.mark.parametrize("target", ["missing/x.rep", "."])
def test_record_target_is_checked_before_the_run(tmp_path, capsys, monkeypatch, target):
    monkeypatch.chdir(tmp_path)
    assert main(["autoplay", str(first_level()), "--record", target]) == 1
    one_error_line(capsys, "--record")
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing written, no .tmp


def test_record_with_all_is_bad_usage(capsys):
    assert main(["autoplay", "--all", "--record", "x.rep"]) == 2
    one_error_line(capsys, "--record", "--all")


@pytest.mark.parametrize("level", ["locksmith.tmx"])  # the chase: tests/test_playthrough.py (whole run)
def test_record_writes_puzzle_and_chase_replays_that_replay_to_the_same_hash(tmp_path, capsys, level):
    rep = tmp_path / "run.rep"
    steps = "2000"
    main(["autoplay", str(LEVELS / level), "--record", str(rep), "--max-steps", steps])
    recorded = capsys.readouterr().out.strip().splitlines()
    assert rep.is_file() and rep.read_text().strip()
    assert main(["replay", str(LEVELS / level), str(rep), "--max-steps", steps]) == 0
    replayed = capsys.readouterr().out.strip().splitlines()
    assert recorded[-1] == replayed[-1] and len(replayed[-1]) == 16
    assert recorded[0].split()[0] == replayed[0].split()[0]  # the same outcome


# Item 4: --save-frame into a missing folder was a pygame.error traceback after the run.
@pytest.mark.parametrize("target", ["missing/x.png", "."])
def test_save_frame_target_is_checked_before_the_run(tmp_path, capsys, monkeypatch, target):
    monkeypatch.chdir(tmp_path)
    assert main(["--headless", "--frames", "1", "--save-frame", target]) == 1
    one_error_line(capsys, "--save-frame")
    assert list(tmp_path.iterdir()) == []


def test_render_into_a_missing_folder_is_one_line(tmp_path, capsys):
    assert main(["render", str(first_level()), str(tmp_path / "no" / "map.png")]) == 1
    one_error_line(capsys, "map.png", "does not exist")


def test_a_failed_image_write_leaves_no_temp_file_and_the_old_file(tmp_path, monkeypatch):
    import pygame

    from game.desktop.datafiles import WriteError, atomic_save_image

    target = tmp_path / "frame.png"
    target.write_bytes(b"old")

    def half_then_fail(surface, fh, hint):
        fh.write(b"half a png")
        raise pygame.error("disk full")

    monkeypatch.setattr(pygame.image, "save", half_then_fail)
    with pytest.raises(WriteError, match="frame.png: cannot write image: disk full"):
        atomic_save_image(pygame.Surface((4, 4)), target)
    assert [p.name for p in tmp_path.iterdir()] == ["frame.png"] and target.read_bytes() == b"old"
