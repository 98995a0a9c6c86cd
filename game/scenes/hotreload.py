"""Hot reload inside a running level scene: swap in the map a designer just saved in Tiled.

The level scene calls `apply_reload` once per fixed step and `draw_reload_error` after drawing. The
simulation keeps running (actors, health, flags) with the new map's walls (`LevelSim.reload_map`); the
renderer and the camera bounds are replaced. The player stays where he stands when that is still floor, else goes to the new spawn. A
broken save keeps the last good map and shows the loader's one-line error at the bottom of the screen.
"""
from __future__ import annotations

import logging
from typing import Any

import pygame

from game.world.camera import Camera
from game.world.render import MapRenderer
from game.world.tilemap import LevelError, TileMap
from game.world.watch import HotReload, feet_after_reload

log = logging.getLogger(__name__)

__all__ = ["HotReload", "apply_reload", "draw_reload_error"]


def apply_reload(scene: Any, tilemap: TileMap | None) -> None:
    """Swap `tilemap` into `scene` (a LevelScene: .sim, .renderer, .camera); no-op for None."""
    if tilemap is None:
        return
    try:  # the renderer reads the tileset images again: a file rewritten since the load keeps the old map
        renderer = MapRenderer(tilemap)
    except (LevelError, pygame.error, OSError, ValueError) as exc:
        message = str(exc) if isinstance(exc, LevelError) else f"{tilemap.path}: cannot draw: {exc}"
        log.warning("hot reload kept the last good map: %s", message)
        reload = getattr(scene, "hot_reload", None)
        if reload is not None:
            reload.error = message
        return
    body = scene.sim.player.body
    feet = feet_after_reload(tilemap, body.box)
    scene.sim.reload_map(tilemap)
    if feet is not None:
        body.x, body.y = feet[0] - body.w / 2, feet[1] - body.h
        body.prev_x, body.prev_y = body.x, body.y
        body.vx = body.vy = 0.0
    scene.renderer = renderer
    scene.camera = Camera(*tilemap.pixel_size)
    scene.camera.center_on(*body.feet)


def draw_reload_error(surface: pygame.Surface, error: str | None) -> None:
    """The loader's message, wrapped over a dark band at the bottom (the last good map runs above)."""
    if not error:
        return
    from game.ui.draw import panel
    from game.ui.font import load_font

    font = load_font()
    lines = font.wrap("Level not reloaded: " + error, surface.get_width() - 8)[-4:]
    height = len(lines) * font.line_height + 6
    panel(surface, (0, surface.get_height() - height, surface.get_width(), height), (60, 0, 0), alpha=220)
    for i, line in enumerate(lines):
        surface.blit(font.render(line, (255, 220, 200)),
                     (4, surface.get_height() - height + 3 + i * font.line_height))
