"""The chase's end on foot: the map by the wreck, the buses stamped in as walls, Danko and Rostavili set down beside them.

Pure: reads a finished ChaseSim (its map, the two buses), returns a new TileMap for combat's LevelSim.
"""
from __future__ import annotations

import dataclasses
import logging
import math
from typing import Any

import numpy as np

from game.actors.vehicles import Vehicle
from game.world.collision import overlaps_solid
from game.world.navigation import UNREACHABLE, distance_map
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)


def stamp_vehicles(solid: np.ndarray, tile: int, vehicles: list[Vehicle]) -> np.ndarray:
    """A copy of the grid with every cell whose centre lies under a vehicle marked solid."""
    out = solid.copy()
    rows, cols = out.shape
    for v in vehicles:
        reach = math.hypot(v.spec.length, v.spec.width) / 2
        c0, c1 = max(0, int((v.x - reach) // tile)), min(cols - 1, int((v.x + reach) // tile))
        r0, r1 = max(0, int((v.y - reach) // tile)), min(rows - 1, int((v.y + reach) // tile))
        fx, fy = v.forward
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                dx, dy = (c + 0.5) * tile - v.x, (r + 0.5) * tile - v.y
                if abs(dx * fx + dy * fy) <= v.spec.length / 2 and abs(-dx * fy + dy * fx) <= v.spec.width / 2:
                    out[r, c] = True
    return out


def _free_spot(solid: np.ndarray, tile: int, near: Vehicle, prefer: float,
               reachable: np.ndarray | None = None) -> tuple[float, float]:
    """Feet position on open ground beside a vehicle (the door side first), for a walker's box; with
    `reachable` (a distance map), only a spot that can be walked to."""
    for dist in range(int(near.spec.width / 2) + 8, 240, 6):
        for turn in (prefer, -prefer, 0.0, math.pi):
            a = near.heading + turn
            fx, fy = near.x + math.cos(a) * dist, near.y + math.sin(a) * dist
            if overlaps_solid(solid, tile, fx - 5, fy - 6, 10, 6):
                continue
            row, col = int((fy - 1) // tile), int(fx // tile)
            if reachable is not None and not (0 <= row < reachable.shape[0] and 0 <= col < reachable.shape[1]
                                              and reachable[row, col] < UNREACHABLE):
                continue
            return (fx, fy)
    return (near.x, near.y)


def finale_tilemap(sim: Any) -> TileMap:
    """The chase map for the fight on foot: buses become obstacles, Danko steps out of his bus and
    Rostavili (the level's `enemy` named rostavili) crawls out beside his wreck, on Danko's side of it."""
    tm = sim.tilemap
    solid = stamp_vehicles(tm.solid, tm.tile_w, [sim.player, sim.rostavili])
    dx, dy = _free_spot(solid, tm.tile_w, sim.player, math.pi / 2)
    reach = distance_map(~solid, (int(dx // tm.tile_w), int((dy - 1) // tm.tile_w)))
    rx, ry = _free_spot(solid, tm.tile_w, sim.rostavili, -math.pi / 2, reach)
    objects = []
    for o in tm.objects:
        if o.type == "player_spawn":
            o = dataclasses.replace(o, x=dx, y=dy)
        elif o.type == "enemy" and o.name == "rostavili":
            o = dataclasses.replace(o, x=rx, y=ry)
        objects.append(o)
    return dataclasses.replace(tm, solid=solid, objects=tuple(objects))

