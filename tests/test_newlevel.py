"""new-level and levels saved anywhere: a designer's folder outside the game works with check, play and Tiled."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pygame
import pytest

from game.cli import main
from game.devtools.newlevel import PROJECT
from game.paths import ASSETS, LEVELS
from game.world.render import render_full_map
from game.world.tilemap import load_tilemap


def test_new_level_writes_a_map_that_checks_plays_and_is_won(tmp_path, capsys):
    folder = tmp_path / "my levels"
    assert main(["new-level", "alley", "--dir", str(folder)]) == 0
    tmx = folder / "alley.tmx"
    assert (folder / PROJECT).is_file()
    text = tmx.read_text()
    assert "../" in text and "assets/tiles/hotel.tsx" in text  # relative to the map, as Tiled stores it
    assert (folder / text.split('source="')[1].split('"')[0]).resolve() == (ASSETS / "tiles" / "hotel.tsx").resolve()
    assert main(["check", str(tmx)]) == 0
    assert main(["--headless", "--frames", "10", "--level", str(tmx)]) == 0
    assert main(["autoplay", str(tmx)]) == 0  # a starter that can be finished: the brawler, then the exit


def test_project_copy_points_at_the_installed_assets_and_templates(tmp_path):
    assert main(["new-level", "yard", "--dir", str(tmp_path)]) == 0
    project = json.loads((tmp_path / PROJECT).read_text())
    original = json.loads((LEVELS / PROJECT).read_text())
    assert project["propertyTypes"] == original["propertyTypes"]
    folders = [(tmp_path / f).resolve() for f in project["folders"]]
    assert folders == [tmp_path.resolve(), ASSETS.resolve(), (LEVELS / "templates").resolve()]
    commands = [c for c in project["commands"] if c["arguments"].startswith("-m game")]
    assert commands and all(c["command"] == sys.executable and c["workingDirectory"] == "%projectpath"
                            for c in commands)


def test_new_level_never_overwrites_and_rejects_bad_names(tmp_path, capsys):
    assert main(["new-level", "yard", "--dir", str(tmp_path)]) == 0
    (tmp_path / PROJECT).write_text("{}")  # the designer's own edits
    assert main(["new-level", "yard", "--dir", str(tmp_path)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["new-level", "dock", "--dir", str(tmp_path)]) == 0
    assert (tmp_path / PROJECT).read_text() == "{}"
    assert main(["new-level", "../escape", "--dir", str(tmp_path)]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_a_copied_level_finds_tilesets_beside_it(tmp_path):
    """A level saved in another folder with its own tileset copy: tilesets resolve relative to the map."""
    shutil.copytree(ASSETS / "tiles", tmp_path / "tiles")
    text = (LEVELS / "hotel.tmx").read_text().replace("../assets/tiles/", "tiles/")
    (tmp_path / "hotel.tmx").write_text(text)
    assert main(["check", str(tmp_path / "hotel.tmx")]) == 0
    ours = pygame.image.tobytes(render_full_map(load_tilemap(tmp_path / "hotel.tmx")), "RGBA")
    assert ours == pygame.image.tobytes(render_full_map(load_tilemap(LEVELS / "hotel.tmx")), "RGBA")


def test_tiled_itself_opens_the_new_level(tmp_path):
    tool = shutil.which("tmxrasterizer")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("tmxrasterizer is missing on CI: install Debian's 'tiled' package")
        pytest.skip("tmxrasterizer not installed (apt-get install tiled)")
    assert main(["new-level", "alley", "--dir", str(tmp_path / "d")]) == 0
    out = tmp_path / "tiled.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    cmd = [tool, "--no-smoothing", "--show-layer", "ground", str(tmp_path / "d" / "alley.tmx"), str(out)]
    subprocess.run(cmd, check=True, env=env, capture_output=True, timeout=120)
    theirs = pygame.image.load(str(out))
    ours = render_full_map(load_tilemap(tmp_path / "d" / "alley.tmx"))
    assert theirs.get_size() == ours.get_size()
    a, b = (np.frombuffer(pygame.image.tobytes(s, "RGBA"), np.uint8).reshape(-1, 4).astype(int)
            for s in (theirs, ours))
    a[:, :3] = a[:, :3] * a[:, 3:] // 255  # premultiplied: a clear pixel's colour does not count
    b[:, :3] = b[:, :3] * b[:, 3:] // 255
    assert np.abs(a - b).max() <= 2  # Tiled found the installed tileset and drew the same room
