"""The wheel carries the game: sdist -> wheel from a clean copy of the sources, installed into a fresh venv
outside the checkout, then played, checked and autoplayed from there, its data byte for byte the checkout's
(one test: one venv, ~7 s of CPU)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from game.paths import CODE_ROOT, DATA_DIRS, LEVELS

SOURCES = ("game", "assets", "levels", "seeds", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md",
           "LICENSE")


SDIST_THEN_WHEEL = """
import os, sys, tarfile
from setuptools import build_meta
dist = sys.argv[1]
sdist = build_meta.build_sdist(dist)
with tarfile.open(os.path.join(dist, sdist)) as tar:
    safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}  # Python 3.11.4+
    tar.extractall(os.path.join(dist, "unpacked"), **safe)
os.chdir(os.path.join(dist, "unpacked", sdist[:-len(".tar.gz")]))
build_meta.build_wheel(dist)
"""


def run(cmd: list[str], cwd: Path, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess:
    result = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{cmd}: exit {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
    return result


def clean_copy(dest: Path) -> Path:
    """The sources a build needs, without build/, egg-info or caches left in the checkout."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_data")
    for name in SOURCES:
        src = CODE_ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        else:
            shutil.copy2(src, dest / name)
    return dest


def test_wheel_from_sdist_installs_into_a_fresh_venv_and_plays(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}  # nothing may reach the checkout
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PIP_NO_INDEX="1")
    src = clean_copy(tmp_path / "src")
    dist = tmp_path / "dist"
    # The sdist as setuptools makes it, then the wheel built from that sdist unpacked, through the same
    # PEP 517 hooks pip calls without build isolation (one interpreter: pip's start-up is a second of CPU).
    run([sys.executable, "-c", SDIST_THEN_WHEEL, str(dist)], cwd=src, env=env)
    assert len(list(dist.glob("*.tar.gz"))) == 1  # the wheel came from the one sdist
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("game/_data/levels/story.toml", "game/_data/seeds/red_heat.txt", "game/_data/assets/font.png",
                   "game/_data/assets/tiles/base.tsx", "game/_data/levels/red-heat.tiled-project"):
        assert needed in names, needed
    shipped_levels = sorted(n for n in names if n.startswith("game/_data/levels/") and n.endswith(".tmx"))
    assert [Path(n).name for n in shipped_levels] == sorted(p.name for p in LEVELS.glob("*.tmx"))
    assert not [n for n in names if n.startswith("game/_data/assets/src/")], "generator sources shipped"

    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", str(venv)], cwd=tmp_path, env=env)
    python = venv / "bin" / "python"
    run([str(python), "-m", "pip", "install", "--no-deps", "--force-reinstall", str(wheel)], cwd=tmp_path,
        env=env)  # the venv's own interpreter runs pip (seen through the system site-packages)

    play = tmp_path / "elsewhere"  # not the checkout: `python -m` puts the working folder on sys.path
    play.mkdir()
    where = run([str(python), "-c", "import game, game.paths as p; print(game.__file__); print(p.ROOT)"],
                cwd=play, env=env).stdout.split()
    assert all(Path(w).is_relative_to(venv) for w in where), where
    assert where[1].endswith(os.path.join("game", "_data"))

    run([str(python), "-m", "game", "--headless", "--frames", "120"], cwd=play, env=env)
    checked = run([str(venv / "bin" / "redheat"), "check"], cwd=play, env=env)
    assert f"checked {len(shipped_levels)} level(s): 0 problem(s)" in checked.stderr
    data = Path(where[1])
    auto = run([str(python), "-m", "game", "autoplay", str(data / "levels" / "locksmith.tmx")], cwd=play, env=env)
    assert auto.stdout.startswith("won"), auto.stdout
    # Every data file the game reads ships byte for byte: then the installed copy plays the whole game as
    # the checkout does (test_playthrough's whole new game), without playing it a second time here.
    shipped = {str(p.relative_to(data)): p.read_bytes() for p in data.rglob("*") if p.is_file()}
    expected = {str(p.relative_to(src)): p.read_bytes() for name in DATA_DIRS for p in (src / name).rglob("*")
                if p.is_file() and not {"src", "preview.png"} & set(p.relative_to(src).parts[1:])}
    assert sorted(shipped) == sorted(expected)
    assert [rel for rel in expected if shipped[rel] != expected[rel]] == []
