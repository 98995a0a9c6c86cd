"""The bench's memory figure: peak resident memory of ours and pyscroll, each in a fresh process.

Each probe loads a map and draws a 320x180 view along the teleport path (every part of the map shown, so
every chunk is built), and reports the peak resident memory it added (Linux: /proc/self/status).
"""
from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from game.devtools.benchrender import camera_path, display

log = logging.getLogger(__name__)

PROBE_PATH = "teleport"


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak_kb() -> int:
    """Reset the process's peak RSS to its current RSS (Linux) and return that: the baseline."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass
    current = _status_kb("VmRSS")
    return current if current is not None else _peak_rss_kb()


def _peak_rss_kb() -> int:
    peak = _status_kb("VmHWM")
    if peak is not None:
        return peak
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def memory_probe(kind: str, tmx: str, frames: int) -> dict[str, float]:
    """In a fresh process: peak resident memory added by loading `tmx` and drawing a 320x180 view along
    the probe path, for our renderer or pyscroll's. Run through `bench_memory`."""
    display()
    view = (320, 180)
    import pygame

    target = pygame.Surface(view).convert()
    if kind == "ours":
        from game.world.render import MapRenderer
        from game.world.tilemap import load_tilemap

        base = _reset_peak_kb()
        tilemap = load_tilemap(tmx)
        renderer = MapRenderer(tilemap)
        for i, cam in enumerate(camera_path(PROBE_PATH, tilemap.pixel_size, view, frames)):
            renderer.draw(target, cam, i * 1000.0 / 60)
    else:
        import pyscroll
        import pytmx.util_pygame

        base = _reset_peak_kb()
        data = pyscroll.TiledMapData(pytmx.util_pygame.load_pygame(tmx))
        theirs = pyscroll.BufferedRenderer(data, view)
        w, h = data.map_size[0] * data.tile_size[0], data.map_size[1] * data.tile_size[1]
        for cx, cy in camera_path(PROBE_PATH, (w, h), view, frames):
            theirs.center((cx + view[0] // 2, cy + view[1] // 2))
            theirs.draw(target, target.get_rect())
    return {"peak_mb": round((_peak_rss_kb() - base) / 1024.0, 1)}


def bench_memory(tmx: Path, frames: int) -> dict[str, Any]:
    """{ours_peak_mb, pyscroll_peak_mb} for one map, each from its own fresh process."""
    from game.paths import CODE_ROOT as root
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               PYTHONPATH=os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]))
    out: dict[str, Any] = {}
    for kind in ("ours", "pyscroll"):
        code = ("import json, game.devtools.benchmem as b; "
                f"print(json.dumps(b.memory_probe({kind!r}, {str(tmx)!r}, {frames})))")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root,
                              env=env, timeout=300)
        if proc.returncode != 0:
            raise RuntimeError(f"memory probe ({kind}) failed: {proc.stderr.strip().splitlines()[-1:]}")
        out[f"{kind}_peak_mb"] = json.loads(proc.stdout.strip().splitlines()[-1])["peak_mb"]
    return out
