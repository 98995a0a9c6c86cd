"""NPCs that walk: a scripted walk to a marker (Ogarkov running for cover at the sting) and the hospital's
nurses (ward.py gives them goals). They follow the level's flow fields, never collide, and face the way
they go unless something else turns their head."""
from __future__ import annotations

import logging
import math

from game.actors.objects import LevelSpec
from game.modes.level.state import LevelState, Npc

log = logging.getLogger(__name__)

WALK_SPEED = 1.1     # px a step: a scripted walk (Ogarkov running through the snow)
DRIVE_SPEED = 2.6    # px a step: an NPC with role `car` (Rostavili's Volga) pulling away
ARRIVED = 3.0        # px from the goal that counts as there


def send(npc: Npc, goal: tuple[float, float], speed: float = 0.0, vanish: bool = False) -> None:
    """Start a walk to `goal` (at `speed`, or the walking or driving pace); with `vanish` the NPC leaves
    play when it gets there."""
    npc.goal, npc.speed = goal, speed or (DRIVE_SPEED if npc.role == "car" else WALK_SPEED)
    npc.state, npc.timer = ("flee" if vanish else "walk"), 0


def walk(level: LevelState) -> None:
    """One step of every walking NPC along the flow field toward its goal (straight when in sight)."""
    for npc in level.npcs:
        npc.timer += 1
        if npc.state not in ("walk", "flee") or npc.goal is None:
            npc.vx = npc.vy = 0.0
            continue
        gx, gy = npc.goal
        dx, dy = gx - npc.x, gy - npc.y
        d = math.hypot(dx, dy)
        if d <= max(ARRIVED, npc.speed):
            npc.x, npc.y, npc.vx, npc.vy = gx, gy, 0.0, 0.0
            npc.state, npc.timer, npc.goal = ("gone" if npc.state == "flee" else "stand"), 0, None
            continue
        if not level.sight.clear(level.grid, npc.x, npc.y - 3, gx, gy - 3):
            t = level.tile
            col, row = int(npc.x // t), int((npc.y - 1) // t)
            sx, sy = level.flows.toward(level.solid, gx, gy).direction(col, row)
            if (sx, sy) != (0, 0):
                dx, dy = (col + sx + 0.5) * t - npc.x, (row + sy + 0.5) * t + 3 - npc.y
                d = math.hypot(dx, dy) or 1.0
        npc.vx, npc.vy = dx / d * npc.speed, dy / d * npc.speed
        npc.x += npc.vx
        npc.y += npc.vy
        npc.facing = facing_of(npc.vx, npc.vy, npc.facing)


def facing_of(dx: float, dy: float, current: str) -> str:
    """The sprite facing for a motion (the current one when standing still)."""
    if abs(dx) > abs(dy):
        return "right" if dx > 0 else "left"
    if dy:
        return "down" if dy > 0 else "up"
    return current


def scripted_walkers(spec: LevelSpec) -> bool:
    """Whether a script of the level sends an NPC walking."""
    names = {n.name.lower() for n in spec.npcs}
    return any(c.name in ("walk", "flee") and c.args[0].lower() in names for t in spec.triggers for c in t.script)


def snapshot(level: LevelState) -> tuple:
    """The NPCs' places and states, for the state hash of levels where NPCs move."""
    return tuple((n.name, round(n.x, 3), round(n.y, 3), n.state, n.facing) for n in level.npcs)
