"""The autopilot's part in a timed escape: run for the nearest exit that stays open long enough to reach,
fighting only the men in the way (what a player does when the HUD counts down)."""
from __future__ import annotations

import logging
import math
from typing import Any

from game.input.actions import Action
from game.modes.level import escape, together
from game.modes.level.partners import HELP_REACH
from game.world.navigation import UNREACHABLE, distance_map

log = logging.getLogger(__name__)

PX_PER_STEP = 1.5     # Danko's top speed
MARGIN = 1.6          # a run takes this much longer than walking it (fights, corners, doorways)
CLOSE_FIGHT = 56.0    # px: a man this close is in the way
GUN_FIGHT = 120.0     # px: a gunman this close, in sight, is shot first


def decide(pilot: Any) -> int | None:
    """A mask while an escape runs (None otherwise: the autopilot's usual play)."""
    sim = pilot.sim
    e = escape.of(sim)
    if e is None or e.lost:
        return None
    if getattr(pilot, "_escape_closed", -1) != len(e.closed):
        pilot._escape_closed = len(e.closed)
        pilot._fields.clear()  # a cutoff closed: the walls changed under the cached paths
        pilot._escape_cuts = _cuts(sim, e)
    enemy = _in_the_way(pilot)
    if enemy is not None:
        return pilot._fight(enemy)
    helping = _ridzik(pilot)
    if helping is not None:
        return helping
    if sim.player.health < 50:
        item = pilot._nearest_pickup("first_aid")
        if item is not None:
            return pilot._go(item.x, item.y + 3)
    goal = choose_exit(pilot, e)
    return pilot._go(*goal) if goal is not None else None


def _ridzik(pilot: Any) -> int | None:
    """Ridzik knocked out: go to him and hold Confirm; at an exit he has not reached: wait for him."""
    sim = pilot.sim
    r = sim.partner
    if r is None:
        return None
    fx, fy = sim.player.body.feet
    rx, ry = r.body.feet
    if r.out:
        if math.hypot(rx - fx, ry - fy) < HELP_REACH - 6:
            return int(Action.CONFIRM)
        return pilot._go(rx, ry)
    if together.waiting_at(sim) is not None:
        return 0  # in the doorway: he is coming
    return None


def _in_the_way(pilot: Any) -> Any:
    sim = pilot.sim
    fx, fy = sim.player.body.feet
    best, best_d = None, 1e9
    for en in sim.live:
        if not (en.active and en.aggro):
            continue
        ex, ey = en.body.feet
        d = math.hypot(ex - fx, ey - fy)
        gun = en.kind.gun is not None and d < GUN_FIGHT and sim.grid.line_of_sight(fx, fy - 3, ex, ey - 3)
        if (d < CLOSE_FIGHT or gun) and d < best_d:
            best, best_d = en, d
    return best


def choose_exit(pilot: Any, e: escape.Escape) -> tuple[float, float] | None:
    """The nearest exit Danko can reach before the way to it closes; failing that, the one with most time."""
    sim = pilot.sim
    now = sim.steps
    best, best_key = None, None
    for x in sim.spec.exits:
        if not sim.exit_open(x.id) or x.id in e.cut_exits:
            continue
        cx, cy = x.rect.center
        length = pilot._path_length(cx, cy)
        if length >= 1e9:
            continue
        need = length * sim.tile / PX_PER_STEP * MARGIN
        closes = [c.after for c in pilot._escape_cuts.get(x.id, ())]
        slack = min(closes + [e.steps]) - e.elapsed(now) - need
        key = (slack < 0, length if slack >= 0 else -slack)
        if best_key is None or key < best_key:
            best, best_key = (cx, cy), key
    return best


def _cuts(sim: Any, e: escape.Escape) -> dict[int, list[Any]]:
    """For each exit, the open cutoffs that would cut Danko off from it (found once per closure)."""
    t = sim.tile
    fx, fy = sim.player.body.feet
    start = (int(fx // t), int((fy - 1) // t))
    out: dict[int, list[Any]] = {}
    for c in e.cutoffs:
        if c.id in e.closed:
            continue
        walk = ~sim.solid
        c0, r0, c1, r1 = c.rect.cells(t)
        walk[r0:r1 + 1, c0:c1 + 1] = False
        dist = distance_map(walk, start)
        for x in sim.spec.exits:
            xc, xr = int(x.rect.center[0] // t), int(x.rect.center[1] // t)
            if dist[xr, xc] >= UNREACHABLE:
                out.setdefault(x.id, []).append(c)
    return out
