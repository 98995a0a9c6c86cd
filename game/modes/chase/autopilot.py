"""The chase's autopilot: a driver that keeps Rostavili's bus in sight, then the combat autopilot on foot.

`python -m game autoplay levels/bus_chase.tmx` runs `autoplay`; the whole-game autopilot drives a
ChaseScene with `Pilot`. Both use only what a player sees: the road, the buses, the speed.
"""
from __future__ import annotations

import logging
import math
from typing import Any

from game.input.actions import Action, EdgeTracker
from game.modes.chase.sim import WON, ChaseSim, finale_tilemap
from game.modes.context import RunResult
from game.modes.level.entry import Pilot as FootPilot
from game.modes.level.entry import drive as fight
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

FINALE_FLAGS = {"has_gun": True}  # Danko is armed by the time of the chase


def autopilot_mask(sim: ChaseSim) -> int:
    """A driver for tests and `autoplay`: follow his route a little behind him, braking for corners."""
    p, r = sim.player, sim.rostavili
    path = sim.driver.path
    s = path.project(p.x, p.y, hint=sim.driver.s - 80.0, window=600.0)
    speed = p.speed
    tx, ty = path.point_at(s + 34.0 + 12.0 * max(speed, 0.0))
    gap = math.hypot(r.x - p.x, r.y - p.y)
    want = p.spec.max_speed
    if gap < 100:
        want = max(0.0, r.speed - 0.2)
    if s > sim.driver.s - 50.0:
        want = 0.0  # never overtake him: stay behind and keep him on screen
    turn = path.turn_ahead(s, 30.0 + 34.0 * max(speed, 0.0))
    if turn > 0.5:
        want = min(want, 1.9)
    if sim.phase in ("crashed", "escaped"):
        want = 0.0
    mask = 0
    if want - speed > 0.05:
        mask |= Action.UP
    elif want - speed < -0.25:
        mask |= Action.DOWN
    err = math.atan2(ty - p.y, tx - p.x) - p.heading
    err = (err + math.pi) % (2 * math.pi) - math.pi
    if err > 0.05:
        mask |= Action.RIGHT
    elif err < -0.05:
        mask |= Action.LEFT
    return int(mask)


def autoplay(tilemap: TileMap, seed: int = 0, difficulty: str = "normal", max_steps: int = 36000) -> RunResult:
    """Drive the chase (again with the next seed if he gets away), then fight Rostavili on foot.

    The input stream of the last try (driving, then the fight) is kept, replayable with the result's seed."""
    from game.modes.level.sim import LevelSim

    steps, tries = 0, 0
    while steps < max_steps:
        sim = ChaseSim(tilemap, seed=seed + tries)
        edges, masks = EdgeTracker(), []
        while sim.outcome is None and steps + len(masks) < max_steps:
            masks.append(autopilot_mask(sim))
            sim.step(edges.frame(masks[-1]))
        steps += len(masks)
        if sim.outcome != WON:
            tries += 1
            continue
        level = LevelSim(finale_tilemap(sim), seed=sim.seed, flags=dict(FINALE_FLAGS), difficulty=difficulty)
        fight(level, FootPilot(), edges, masks, len(masks) + max_steps - steps)
        steps += level.steps
        outcome = level.outcome or "timeout"
        return RunResult(outcome, steps, f"chase won in {sim.steps} steps after {tries} retries; "
                                         f"Rostavili's bus damage {sim.rostavili.damage:.0f}; "
                                         f"fight on foot {outcome} in {level.steps} steps",
                         state_hash=sim.state_hash(), masks=masks, seed=sim.seed)
    return RunResult("timeout", steps, f"{tries} chases lost")


class Pilot:
    """Drives the ChaseScene the whole-game run meets, then fights the finale on foot."""

    def __init__(self) -> None:
        self.foot = FootPilot()

    def decide(self, scene: Any, step: int) -> int | None:
        from game.modes.chase.scene import ChaseScene

        if not isinstance(scene, ChaseScene):
            return None
        if scene.finale is None:
            return autopilot_mask(scene.sim)
        return self.foot.decide(scene.finale, step)
