"""Hot reload inside a running level scene: swap in the map a designer just saved in Tiled.

The level scene calls `apply_reload` once per fixed step and `draw_reload_error` after drawing. A saved
map's renderer is built over the following steps, `RELOAD_CELLS` of chunk work a step (under 2 ms;
game.world.chunkbuild), while the old map stays on screen and in the simulation; when it is complete the
map lands in one step: the simulation keeps running (actors, health, flags) with the new map's walls
(`LevelSim.reload_map`), the renderer and the camera bounds are replaced. The player stays where he stands
when that is still floor, else goes to the new spawn. A broken save keeps the last good map and shows the
loader's one-line error at the bottom of the screen.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Iterator

import pygame

from game.world import watch
from game.world.camera import Camera
from game.world.chunkbuild import Spares
from game.world.render import MapRenderer
from game.world.tilemap import LevelError, TileMap
from game.world.watch import feet_after_reload

log = logging.getLogger(__name__)

__all__ = ["HotReload", "RELOAD_CELLS", "apply_reload", "draw_reload_error", "new_build"]

RELOAD_CELLS = 80  # chunk work a step while a saved map's renderer builds (cells: game.world.chunkbuild)


@dataclass
class _Build:
    tilemap: TileMap
    renderer: MapRenderer
    steps: Iterator[int]


class HotReload(watch.HotReload):
    """The watcher's polls, plus the saved map whose renderer is being built and the surfaces of the
    renderer the last reload replaced (the next build reuses them instead of allocating)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.building: _Build | None = None
        self.spares: list[list[pygame.Surface]] = []


def apply_reload(scene: Any, tilemap: TileMap | None) -> None:
    """Start building `tilemap`'s renderer for `scene` (a LevelScene: .sim, .renderer, .camera,
    .hot_reload), a newer save replacing a build under way; else take the build one step further, and
    swap the map in when it is complete. None and nothing under way: no-op."""
    reload = scene.hot_reload
    if tilemap is not None:  # this step parsed the save; the build starts with the next one
        reload.building = _start(reload, tilemap, scene.renderer)
        return
    build = reload.building
    if build is None:
        return
    try:
        next(build.steps)
        return
    except StopIteration:
        pass
    except (pygame.error, ValueError, MemoryError) as exc:
        _failed(reload, f"{build.tilemap.path}: cannot draw: {exc}")
        return
    reload.building = None
    if scene.renderer is not None:
        reload.spares = scene.renderer.chunk_surfaces()  # drawn no more from the next frame on
    body = scene.sim.player.body
    feet = feet_after_reload(build.tilemap, body.box)
    scene.sim.reload_map(build.tilemap)
    if feet is not None:
        body.x, body.y = feet[0] - body.w / 2, feet[1] - body.h
        body.prev_x, body.prev_y = body.x, body.y
        body.vx = body.vy = 0.0
    scene.renderer = build.renderer
    scene.camera = Camera(*build.tilemap.pixel_size)
    scene.camera.center_on(*body.feet)


def _start(reload: HotReload, tilemap: TileMap, current: MapRenderer | None) -> _Build | None:
    try:  # the renderer reads the tileset images again: a file rewritten since the load keeps the old map
        build = new_build(tilemap, current, reload.spares)
    except (LevelError, pygame.error, OSError, ValueError) as exc:
        _failed(reload, str(exc) if isinstance(exc, LevelError) else f"{tilemap.path}: cannot draw: {exc}")
        return None
    reload.spares = []
    return build


def new_build(tilemap: TileMap, current: MapRenderer | None, retired: list[list[pygame.Surface]]) -> _Build:
    """The saved map's renderer, its chunks not built yet, and the steps that build them. Its builds get
    surfaces to fill: `retired` (the chunks the last reload's swap retired), else new ones like the
    current renderer's chunks (a save seldom changes the map's size), allocated here, in the step that
    parsed the save, not in a build step."""
    renderer = MapRenderer(tilemap, prebuild=False)
    spares = retired or ([] if current is None else current.chunk_surfaces())
    for group, theirs in zip(renderer.groups(), spares):
        wanted = len(group.prebuild_keys())
        group.spares = Spares(theirs[:wanted] if retired else
                              [pygame.Surface(s.get_size(), s.get_flags() & pygame.SRCALPHA, s) for s in theirs[:wanted]])
    return _Build(tilemap, renderer, renderer.build_steps(RELOAD_CELLS))


def _failed(reload: HotReload, message: str) -> None:
    log.warning("hot reload kept the last good map: %s", message)
    reload.error = message
    reload.building = None


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
