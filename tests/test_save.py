import json
import os
import signal
import subprocess
import sys
import textwrap

from game.desktop.save import (
    Progress,
    has_progress,
    load_progress,
    save_path,
    save_progress,
)
from game.paths import ROOT


def test_no_save_means_no_continue(tmp_path):
    assert load_progress(tmp_path) is None and not has_progress(tmp_path)


def test_save_and_continue_round_trip(tmp_path):
    save_progress("bathhouse", {}, tmp_path)
    save_progress("hospital", {"has_gun": True, "has_key": False}, tmp_path)
    assert load_progress(tmp_path) == Progress("hospital", {"has_gun": True, "has_key": False})
    assert not list(tmp_path.glob("*.tmp"))


def test_default_folder_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("REDHEAT_DATA_DIR", str(tmp_path / "elsewhere"))
    save_progress("hotel", {"has_key": True})
    assert (tmp_path / "elsewhere" / "save.json").is_file()
    assert load_progress().beat == "hotel"


def test_corrupt_save_is_set_aside_with_a_message(tmp_path):
    save_path(tmp_path).write_text('{"version": 1, "beat": ')
    problems = []
    assert load_progress(tmp_path, problems) is None
    assert "save.json" in problems[0] and "save.json.bad" in problems[0]
    assert (tmp_path / "save.json.bad").read_text() == '{"version": 1, "beat": '
    save_progress("airport", {}, tmp_path)  # the next save starts fresh; the bad copy stays
    assert (tmp_path / "save.json.bad").exists() and load_progress(tmp_path).beat == "airport"


def test_wrong_shapes_are_rejected(tmp_path):
    for data in ([], {"version": 1}, {"version": 2, "beat": "x"}, {"version": 1, "beat": "x", "flags": {"a": 1}}):
        save_path(tmp_path).write_text(json.dumps(data))
        problems = []
        assert load_progress(tmp_path, problems) is None and problems, data


KILLED_WRITER = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    from game.desktop.save import save_progress
    real_replace = os.replace
    def stall(src, dst):
        print("written", flush=True)  # the temp file is complete and fsynced; the rename never comes
        time.sleep(60)
    os.replace = stall
    save_progress("hotel", {"has_key": True}, Path(sys.argv[1]))
""")


def test_killed_between_write_and_replace_keeps_the_previous_save(tmp_path):
    save_progress("hospital", {"has_gun": True}, tmp_path)
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "written"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    assert (tmp_path / "save.json.tmp").exists()  # the new save was written but never renamed
    assert load_progress(tmp_path) == Progress("hospital", {"has_gun": True})
    save_progress("locksmith", {}, tmp_path)  # a stale temp file does not block the next save
    assert load_progress(tmp_path).beat == "locksmith"
