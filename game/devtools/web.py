"""`web`: stage the game for pygbag and run pygbag's build offline, with the page template kept in web/.

The stage (out/web/redheat/) holds what the browser's Python needs besides its own runtime: main.py
(pygbag's entry point: it awaits App.run_async, one asyncio.sleep(0) per frame), the `game` package with
its data as game/_data, the sounds and music as OGG (browsers do not all play WAV; converted with
soundfile), and pytmx (pure Python, not in pygbag's package set). pygbag packs it into redheat.apk and
writes index.html from web/redheat.tmpl; nothing is downloaded at build time. At run time the browser
fetches pygbag's Python/pygame-ce WebAssembly runtime (and numpy) from pygbag's CDN.
"""
from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from game.devtools.errors import ToolError

log = logging.getLogger(__name__)

APP = "redheat"
TEMPLATE = Path("web") / "redheat.tmpl"
MAIN = '''# /// script
# dependencies = ["pygame-ce", "numpy"]
# ///
"""Red Heat in the browser: pygbag runs this file; the loop yields to the page once per frame."""
import asyncio

import numpy  # noqa: F401  (named here so pygbag's runtime loads it before the game needs it)

from game.desktop.browser import main

asyncio.run(main())
'''


class WebError(ToolError):
    """A missing tool or file, or a failed build: one line."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("web", help="build the browser version with pygbag (offline)")
    parser.add_argument("--out", type=Path, default=Path("out") / "web", help="output folder (default: out/web)")
    parser.add_argument("--stage-only", action="store_true", help="stage the files, do not run pygbag")
    parser.set_defaults(run=main)


def main(args: argparse.Namespace) -> list[str]:
    """Stage (and build); the lines to show (WebError for one line and exit 1)."""
    started = time.perf_counter()
    stage = stage_game(args.out / APP)
    if args.stage_only:
        return [f"{stage}: staged, {tree_size(stage) / 1e6:.1f} MB"]
    build = run_pygbag(stage)
    files = ", ".join(sorted(p.name for p in build.iterdir()))
    return [f"{build}: {tree_size(build) / 1e6:.1f} MB ({files}; {time.perf_counter() - started:.0f} s)"]


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def require(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        raise WebError(f"web needs {module}: pip install -e '.[web]'")


def to_ogg(wav: Path, ogg: Path) -> None:
    """WAV -> OGG Vorbis (soundfile's bundled libsndfile)."""
    import soundfile

    data, rate = soundfile.read(str(wav))
    soundfile.write(str(ogg), data, rate, format="OGG", subtype="VORBIS")


def stage_game(stage: Path) -> Path:
    """Write main.py, game/ (code and data, sounds as OGG) and pytmx/ into `stage`; returns it."""
    from game.devtools.dist import stage_data
    from game.paths import CODE_ROOT, require_data

    require("soundfile")
    import pytmx

    if stage.exists():
        shutil.rmtree(stage)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_data")
    shutil.copytree(CODE_ROOT / "game", stage / "game", ignore=ignore)
    shutil.copytree(Path(pytmx.__file__).parent, stage / "pytmx", ignore=ignore)
    data = stage / "game" / "_data"
    stage_data(require_data(), data)
    wavs = sorted(data.rglob("*.wav"))
    for wav in wavs:
        to_ogg(wav, wav.with_suffix(".ogg"))
        wav.unlink()
    (stage / "main.py").write_text(MAIN, encoding="utf-8")
    shutil.copy2(data / "assets" / "logo.png", stage / "favicon.png")
    log.info("staged %s (%d sounds as OGG)", stage, len(wavs))
    return stage


def run_pygbag(stage: Path) -> Path:
    """pygbag --build with the repository's template (no CDN fetch at build time); returns build/web."""
    from game.paths import CODE_ROOT

    require("pygbag")
    template = CODE_ROOT / TEMPLATE
    if not template.is_file():
        raise WebError(f"{template}: the page template is missing (web runs from a source checkout)")
    cmd = [sys.executable, "-m", "pygbag", "--build", "--template", str(template), "--icon", "favicon.png",
           "--title", "Red Heat", "--app_name", APP, "--width", "1280", "--height", "720", str(stage)]
    env = dict(os.environ, PYTHONPATH="")  # pygbag packs the stage, not the checkout
    proc = subprocess.run(cmd, cwd=stage, env=env, capture_output=True, text=True)
    build = stage / "build" / "web"
    (stage / "build" / "pygbag.log").write_text(proc.stdout + proc.stderr, encoding="utf-8")
    if proc.returncode != 0 or not (build / "index.html").is_file() or not (build / f"{APP}.apk").is_file():
        last = ((proc.stderr or proc.stdout).strip().splitlines() or ["(no output)"])[-1]
        raise WebError(f"pygbag build failed (exit {proc.returncode}): {last} (log: {stage / 'build' / 'pygbag.log'})")
    return build
