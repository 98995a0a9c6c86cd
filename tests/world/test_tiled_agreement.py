"""Tiled's own renderer is the reference: every level's tile layers must match it pixel for pixel.

The comparison is of the unlit tile layers (`render_full_map`): the light and weather of
`game.world.light` are the game's own, baked into the play renderer's chunks, and Tiled knows nothing of them.
"""
import os
import shutil
import subprocess

import numpy as np
import pygame
import pytest

from game.paths import level_files
from game.world.render import render_full_map
from game.world.tilemap import load_tilemap

TOLERANCE = 2  # alpha rounding per channel


def _rasterizer() -> str | None:
    found = shutil.which("tmxrasterizer")
    if found is None and os.environ.get("CI"):
        pytest.fail("tmxrasterizer is missing on CI: install Debian's 'tiled' package")
    return found


def premultiplied(surface: pygame.Surface) -> np.ndarray:
    w, h = surface.get_size()
    px = np.frombuffer(pygame.image.tobytes(surface, "RGBA"), np.uint8).reshape(h, w, 4).astype(np.int32)
    px[..., :3] = px[..., :3] * px[..., 3:4] // 255
    return px


@pytest.mark.parametrize("level", level_files(), ids=lambda p: p.name)
def test_game_render_matches_tmxrasterizer(level, tmp_path):
    tool = _rasterizer()
    if tool is None:
        pytest.skip("tmxrasterizer not installed (apt-get install tiled)")
    tilemap = load_tilemap(level)
    shown = [layer.name for layer in tilemap.layers if layer.visible]
    ref_png = tmp_path / "tiled.png"
    cmd = [tool, "--no-smoothing"] + [a for name in shown for a in ("--show-layer", name)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run(cmd + [str(level), str(ref_png)], check=True, env=env, capture_output=True, timeout=120)
    ours = premultiplied(render_full_map(tilemap))
    ref = premultiplied(pygame.image.load(str(ref_png)))
    assert ours.shape == ref.shape
    diff = np.abs(ours - ref)
    bad = np.argwhere(diff.max(axis=2) > TOLERANCE)
    assert bad.size == 0, f"{level.name}: {len(bad)} pixels differ, first at (x,y)={tuple(bad[0][::-1])}"
