"""game.paths: one lookup for the data; an incomplete layout is one line naming where it looked, exit 1."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game import paths
from game.paths import CODE_ROOT


def test_checkout_layout_is_found_beside_the_package():
    assert paths.PROBLEM is None
    assert paths.ROOT == CODE_ROOT and paths.LEVELS == CODE_ROOT / "levels"
    assert paths.missing(paths.ROOT) == []


def test_packaged_data_wins_over_the_folder_beside_the_package(tmp_path, monkeypatch):
    package = tmp_path / "site" / "game"
    for marker in paths.MARKERS:
        (package / "_data" / marker).parent.mkdir(parents=True, exist_ok=True)
        (package / "_data" / marker).touch()
    monkeypatch.setattr(paths, "_package_dir", lambda: package)
    assert paths.find_data_root() == (package / "_data", None)


def test_no_layout_names_what_and_where(tmp_path, monkeypatch):
    package = tmp_path / "site" / "game"
    package.mkdir(parents=True)
    monkeypatch.setattr(paths, "_package_dir", lambda: package)
    root, problem = paths.find_data_root()
    assert problem is not None and "levels/story.toml" in problem
    assert str(package / "_data") in problem and str(package.parent) in problem


def _run_copy(tmp_path: Path, drop: str | None, *args: str) -> subprocess.CompletedProcess:
    """`python -m game ARGS` on a copy of the package, with the data folders but `drop` left out."""
    shutil.copytree(CODE_ROOT / "game", tmp_path / "game", ignore=shutil.ignore_patterns("__pycache__"))
    for name in paths.DATA_DIRS:
        shutil.copytree(CODE_ROOT / name, tmp_path / name)
    if drop:
        (tmp_path / drop).unlink()
    env = dict(os.environ, PYTHONPATH=str(tmp_path), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.parametrize("args", [("--headless", "--frames", "5"), ("check",), ("autoplay", "--all")])
def test_missing_story_file_exits_1_with_one_line(tmp_path, args):
    result = _run_copy(tmp_path, "levels/story.toml", *args)
    assert result.returncode == 1, result
    assert result.stderr.count("\n") == 1 and "game data not found" in result.stderr
    assert "levels/story.toml" in result.stderr and "Traceback" not in result.stderr


def test_check_with_no_levels_is_an_error_not_a_pass(tmp_path, monkeypatch, capsys):
    from game.cli import main

    monkeypatch.setattr(paths, "LEVELS", tmp_path)
    assert main(["check"]) == 1
    assert "no .tmx levels" in capsys.readouterr().err


def test_assets_without_the_generator_sources_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    from game.cli import main

    monkeypatch.setattr(paths, "ASSETS", tmp_path)  # an installed game: data, but no assets/src/
    assert main(["assets"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "source checkout" in err
