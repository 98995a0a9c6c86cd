"""How a level ends: Danko's knockout (a life spent after a pause, or the level lost) and the exits
(won when he stands in an open exit, with the area clear if it asks for that)."""
from __future__ import annotations

import logging
import math

from game.actors.combat import unit
from game.modes.events import LifeLost
from game.modes.level import together
from game.modes.level.hazards import STEAM_ATTACK
from game.modes.level.state import CALM_STEPS, LevelState

log = logging.getLogger(__name__)

WON, LOST, TIMEOUT = "won", "lost", "timeout"
DEATH_STEPS = 90           # Danko lies on the floor this long before a life is spent
RESPAWN_ROOM = 72.0        # px round him that a new life clears of enemies (they back off to this ring)


def player_fate(level: LevelState) -> None:
    """After DEATH_STEPS on the floor: a life is spent and he gets up, or, with none left, the level is lost."""
    p = level.player
    if p.state != "dead":
        return
    level.death_timer += 1
    if level.death_timer < DEATH_STEPS:
        return
    level.death_timer = 0
    p.lives -= 1
    if p.lives <= 0:
        level.outcome = LOST
        return
    p.respawn()
    level.calm_until = level.steps + CALM_STEPS
    level.emit(LifeLost(p.lives))
    # Clear a little room (a puff of steam) so a new life does not start inside a beating.
    fx, fy = p.body.feet
    for e in level.live:
        if e.hittable and e.hostile:
            ex, ey = e.body.feet
            if (ex - fx) ** 2 + (ey - fy) ** 2 < RESPAWN_ROOM ** 2:
                kx, ky = unit(ex - fx, ey - fy)
                push = 2.0 + 4.0 * (RESPAWN_ROOM - math.sqrt((ex - fx) ** 2 + (ey - fy) ** 2)) / RESPAWN_ROOM
                e.take_hit(STEAM_ATTACK, kx or 1.0, ky, 0, push)


def exits(level: LevelState) -> None:
    """Won when Danko stands in an exit whose flag is set (and whose area is clear, if it asks)."""
    if level.outcome is not None or level.player.state == "dead":
        return
    b = level.player.body
    bx, by = b.x, b.y
    bx1, by1 = bx + b.w, by + b.h
    for x in level.spec.exits:
        r = x.rect  # Danko's box overlaps it (Rect.contains_box, inlined)
        if not (bx < r.x + r.w and r.x < bx1 and by < r.y + r.h and r.y < by1):
            continue
        if not level.flag_met(x.requires_flag):
            continue
        if x.requires_clear and not level.area_clear:
            continue
        if x.partner and not together.beside(level):  # Cat's trap: not without Ridzik
            continue
        level.outcome = WON
        return


def exit_open(level: LevelState, exit_id: int) -> bool:
    """Whether the exit's flag is set (the view draws open exits with arrows)."""
    for x in level.spec.exits:
        if x.id == exit_id:
            return level.flag_met(x.requires_flag)
    return False
