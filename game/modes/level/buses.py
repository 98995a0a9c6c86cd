"""The level's vehicles (the terminal's buses): a parked one is a wall where it stands; a script's `drive`
takes one along a named route (its cells are floor again), shoving aside whoever stands in its way, until
it leaves the map at the route's end."""
from __future__ import annotations

import logging
import math

from game.actors.drivers import Path
from game.actors.objects import Rect
from game.modes.level.state import Bus, LevelState

log = logging.getLogger(__name__)

ACCEL = 0.02       # px/step per step: a bus pulls out slowly...
TOP_SPEED = 1.5    # ...and drives off at about Danko's running pace
LOOK = 16.0        # px behind and ahead of its centre the heading is taken over (smooth turns)
_PATHS: dict[int, tuple[tuple, Path]] = {}  # by the id of a route: the route and its Path (a pure function of it)


def footprint(bus: Bus) -> Rect:
    """The axis-aligned box round the bus at its heading (its walls while parked, its shove while driving)."""
    c, s = abs(math.cos(bus.heading)), abs(math.sin(bus.heading))
    w = c * bus.length + s * bus.width
    h = s * bus.length + c * bus.width
    return Rect(bus.x - w / 2, bus.y - h / 2, w, h)


def park(level: LevelState) -> None:
    """Every parked bus walls off the cells it stands on (at the start, and again after a hot reload)."""
    for bus in level.buses:
        if bus.state == "parked":
            level.set_walls(footprint(bus), True)


def depart(level: LevelState, name: str, route: str) -> None:
    """A script's `drive NAME ROUTE`: the parked bus frees its cells and sets off along the route."""
    bus = next((b for b in level.buses if b.name == name), None)
    points = level.spec.routes.get(route)
    if bus is None or points is None or bus.state != "parked":
        log.warning("drive: no parked vehicle %r or no route %r", name, route)
        return
    level.set_walls(footprint(bus), False)
    bus.state, bus.route, bus.s, bus.speed = "driving", points, 0.0, 0.0
    level.emit_sound("bus_engine")
    level.emit_sound("horn")


def drive(level: LevelState) -> None:
    """Each driving bus gathers speed along its route, turning smoothly; at the route's end it is gone."""
    for bus in level.buses:
        if bus.state != "driving":
            continue
        path = _path(bus.route)
        bus.speed = min(TOP_SPEED, bus.speed + ACCEL)
        bus.s += bus.speed
        if bus.s >= path.length:
            bus.state = "gone"
            continue
        bus.x, bus.y = path.point_at(bus.s)
        bx, by = path.point_at(max(0.0, bus.s - LOOK))
        ax, ay = path.point_at(min(path.length, bus.s + LOOK))
        bus.heading = math.atan2(ay - by, ax - bx)
        shove(level, bus)


def _path(route: tuple) -> Path:
    """`Path(route)`, made once per route object (kept with it, so its id stays its own)."""
    kept = _PATHS.get(id(route))
    if kept is None or kept[0] is not route:
        if len(_PATHS) > 64:
            _PATHS.clear()
        kept = _PATHS[id(route)] = (route, Path(route))
    return kept[1]


def shove(level: LevelState, bus: Bus) -> None:
    """Danko, Ridzik and the fighters standing where the bus drives are pushed out of its way (no harm done)."""
    r = footprint(bus)
    bodies = [level.player.body] + [e.body for e in level.live if e.alive]
    if level.partner is not None:
        bodies.append(level.partner.body)
    for body in bodies:
        x, y, w, h = body.box
        if not (x < r.x + r.w and r.x < x + w and y < r.y + r.h and r.y < y + h):
            continue
        cx, cy = x + w / 2, y + h / 2
        push_x = (r.x - (x + w)) if cx < bus.x else (r.x + r.w - x)
        push_y = (r.y - (y + h)) if cy < bus.y else (r.y + r.h - y)
        if abs(push_x) < abs(push_y):
            level.grid.move_body(body, push_x, 0.0)
        else:
            level.grid.move_body(body, 0.0, push_y)
