"""dist's own parts (the PyInstaller run itself is a CI step: .ci/run builds, unzips and starts the bundle)."""
from __future__ import annotations

import os
import stat
import sys

from game.cli import main
from game.devtools.dist import EXCLUDE, extract, pyinstaller_command, stage_data, write_zip
from game.paths import ROOT


def test_zip_keeps_symlinks_and_the_executable_bit(tmp_path):
    folder = tmp_path / "redheat"
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "libfoo.so.1").write_bytes(b"\x7fELF")
    os.symlink("libfoo.so.1", folder / "_internal" / "libfoo.so")
    (folder / "redheat").write_bytes(b"#!/bin/sh\n")
    (folder / "redheat").chmod(0o755)
    readme = tmp_path / "README.md"
    readme.write_text("hi")
    archive = tmp_path / "game.zip"
    write_zip(archive, folder, [readme])
    out = tmp_path / "out"
    extract(archive, out)
    assert os.readlink(out / "redheat" / "_internal" / "libfoo.so") == "libfoo.so.1"
    assert (out / "redheat" / "_internal" / "libfoo.so").read_bytes() == b"\x7fELF"
    assert stat.S_IMODE((out / "redheat" / "redheat").stat().st_mode) & 0o111
    assert (out / "redheat" / "README.md").read_text() == "hi"


def test_staged_data_is_what_the_game_reads_without_the_generator_sources(tmp_path):
    count = stage_data(ROOT, tmp_path)
    assert (tmp_path / "levels" / "story.toml").is_file() and (tmp_path / "seeds" / "red_heat.txt").is_file()
    assert not (tmp_path / "assets" / "src").exists() and not (tmp_path / "assets" / "preview.png").exists()
    assert count == sum(1 for p in tmp_path.rglob("*") if p.is_file())


def test_pyinstaller_collects_every_game_module_and_puts_data_where_paths_looks(tmp_path):
    cmd = pyinstaller_command(tmp_path / "e.py", tmp_path / "_data", tmp_path, tmp_path / "dist")
    assert cmd[cmd.index("--collect-submodules") + 1] == "game"
    assert cmd[cmd.index("--add-data") + 1].endswith(f"{os.pathsep}game/_data")
    assert "--onedir" in cmd and all(m in cmd for m in EXCLUDE)


def test_dist_without_pyinstaller_is_one_line_and_exit_1(monkeypatch, capsys, tmp_path):
    monkeypatch.setitem(sys.modules, "PyInstaller", None)  # import fails
    assert main(["dist", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "PyInstaller" in err
