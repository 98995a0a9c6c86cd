"""A scripted aim before a scripted shot: `aim SHOOTER TARGET STEPS` turns the shooter on his target and
lays the gunman's dotted aim line with a red "!" over him for STEPS steps, so a player sees the shot
coming (the transfer's gunman on Gallagher); the script's `shoot` then fires it."""
from __future__ import annotations

import logging

from game.actors.combat import unit
from game.actors.enemies import Enemy
from game.modes.level import npcs
from game.modes.level.state import Effect, LevelState, Npc

log = logging.getLogger(__name__)

KIND = "aim"  # the effect's kind; x2, y2 hold the line's run from the muzzle to the target (px)


def feet(level: LevelState, who: Enemy | Npc | None) -> tuple[float, float]:
    """Where an actor stands (None is Danko)."""
    if who is None:
        return level.player.body.feet
    return (who.x, who.y) if isinstance(who, Npc) else who.body.feet


def take_aim(level: LevelState, shooter: Enemy | Npc, target: Enemy | Npc | None
             ) -> tuple[tuple[float, float], tuple[float, float], tuple[float, float]]:
    """Turn the shooter on the target (None: Danko): the aim's unit vector, the muzzle and the point aimed
    at (chest high), for the aim's line and for the scripted shot that follows it."""
    (sx, sy), (tx, ty) = feet(level, shooter), feet(level, target)
    ax, ay = unit(tx - sx, ty - sy)
    if isinstance(shooter, Enemy):
        shooter.aim = (ax, ay)
        shooter.body.face(ax, ay)
    else:
        shooter.facing = npcs.facing_of(ax, ay, shooter.facing)
    return (ax, ay), (sx + ax * 7, sy - 10 + ay * 7), (tx, ty - 10)


def aim(level: LevelState, shooter: Enemy | Npc | None, target: Enemy | Npc | None, steps: int) -> None:
    """Start the aim: the shooter faces the target (None: Danko) and the aim mark shows for `steps` steps."""
    if shooter is None:
        log.warning("aim: no such shooter")
        return
    _, (ox, oy), (tx, ty) = take_aim(level, shooter, target)
    level.effects.append(Effect(KIND, ox, oy, max(1, steps), x2=tx - ox, y2=ty - oy))
