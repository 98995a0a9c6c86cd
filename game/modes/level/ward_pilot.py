"""The autopilot's hospital: after the alarm, pick out the nurse who walks away from the code (the tell a
player reads: against the flow, never looking back), close in, grab her, and shoot when she draws."""
from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING, Any

from game.input.actions import Action
from game.modes.level import ward as ward_rules

if TYPE_CHECKING:  # pragma: no cover
    from game.modes.level.state import Npc

log = logging.getLogger(__name__)

GRAB_AT = ward_rules.REACH - 6   # px: close enough to grab without reaching for a neighbour


def decide(pilot: Any) -> int | None:
    """The mask for the hospital once the alarm has rung; None before it (walk to the objective).
    `pilot` is the level Autopilot (its sim, and its `_go` for walking round walls)."""
    sim = pilot.sim
    ward = sim.ward
    if ward is None or not ward.alarm:
        return None
    step = sim.steps
    if ward.caught == "draw":
        return int(Action.SHOOT) if step % 2 == 0 else 0
    if ward.caught in ("struggle", "shot") or ward.hold:
        return 0
    her = suspect(sim)
    if her is None:
        return 0
    fx, fy = sim.player.body.feet
    if math.hypot(her.x - fx, her.y - fy) < GRAB_AT and ward_rules.grab_target(sim) is her:
        return int(Action.SPECIAL) if step % 2 == 0 else 0
    lead = 6.0 if her.vx < 0 else -6.0 if her.vx > 0 else 0.0
    return pilot._go(her.x + lead, her.y)


def suspect(sim: Any) -> "Npc | None":
    """The nurse on her feet whose walk takes her away from the code: the one against the flow."""
    cx, cy = sim.ward.code
    best, best_score = None, 0.0
    for n in sim.npcs:
        if n.role not in ("nurse", "assassin") or n.state not in ("walk", "stand", "draw"):
            continue
        away = -(n.vx * (cx - n.x) + n.vy * (cy - n.y)) / (math.hypot(cx - n.x, cy - n.y) or 1.0)
        if away > best_score:
            best, best_score = n, away
    return best
