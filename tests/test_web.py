"""The browser build: staged and built by pygbag offline; the staged tree plays on its own (headless, async)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile

import pygame

from game.cli import main
from game.paths import ASSETS


def test_web_build_is_made_offline_and_the_stage_plays_on_its_own(tmp_path, capsys):
    out = tmp_path / "web"
    cmd = [sys.executable, "-m", "game", "web", "--out", str(out)]
    if shutil.which("unshare") and os.geteuid() == 0:  # a network namespace with no network at all
        cmd = ["unshare", "-n", *cmd]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    stage, build = out / "redheat", out / "redheat" / "build" / "web"
    page = (build / "index.html").read_text()
    assert "{{" not in page and "pythons.js" in page and 'archive : "redheat"' in page
    names = zipfile.ZipFile(build / "redheat.apk").namelist()
    for needed in ("assets/main.py", "assets/game/desktop/browser.py", "assets/pytmx/__init__.py",
                   "assets/game/_data/levels/story.toml", "assets/game/_data/assets/music/title.ogg"):
        assert needed in names, needed
    assert not [n for n in names if n.endswith(".wav")], "WAV shipped to the browser"
    wavs = sorted(p.stem for p in (ASSETS / "sounds").glob("*.wav"))
    assert sorted(n.rsplit("/", 1)[1][:-4] for n in names if "/assets/sounds/" in n) == wavs

    # The stage is self-contained: its own game, data and pytmx, run through the browser entry point.
    env = dict(os.environ, PYTHONPATH=str(stage), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    code = ("import asyncio, game, game.paths as p, pytmx; print(game.__file__, p.ROOT, pytmx.__file__); "
            "from game.desktop.browser import main; raise SystemExit(asyncio.run(main(['--headless', '--frames', '60'])))")
    played = subprocess.run([sys.executable, "-c", code], cwd=stage, env=env, capture_output=True, text=True,
                            timeout=120)
    assert played.returncode == 0, played.stderr
    assert all(path.startswith(str(stage)) for path in played.stdout.split()), played.stdout


def test_ogg_sounds_decode_to_the_same_length(tmp_path):
    from game.devtools.web import to_ogg

    wav = ASSETS / "sounds" / "gunshot.wav"
    to_ogg(wav, tmp_path / "gunshot.ogg")
    pygame.mixer.init(frequency=22050)
    try:
        a, b = pygame.mixer.Sound(str(wav)), pygame.mixer.Sound(str(tmp_path / "gunshot.ogg"))
        assert abs(a.get_length() - b.get_length()) < 0.01
    finally:
        pygame.mixer.quit()


def test_audio_prefers_ogg_where_there_is_one(tmp_path):
    from game.desktop.audio import sound_file

    (tmp_path / "a.wav").touch()
    assert sound_file(tmp_path, "a").name == "a.wav"
    (tmp_path / "a.ogg").touch()
    assert sound_file(tmp_path, "a").name == "a.ogg"


def test_web_without_its_tools_is_one_line(monkeypatch, capsys, tmp_path):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "soundfile" else real(name, *a))
    assert main(["web", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "soundfile" in err
