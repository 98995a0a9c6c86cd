"""The action levels played by each persona: idle, the masher, the novice (the autopilot, late), the expert.

The masher walks at the nearest enemy and repeats punch, punch, kick; it never dodges, charges or
shoots, and with nobody to hit it walks to the objective the way the autopilot would.
"""
from __future__ import annotations

import logging
import math
from typing import Any

from game.input.actions import Action, EdgeTracker
from game.modes.level.autopilot import Autopilot, _keys
from game.modes.level.sim import LevelSim
from game.modes.personas import LaggedPilot, PersonaRun, Pilot, idle, release_repeats
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

COMBO = (int(Action.PUNCH), int(Action.PUNCH), int(Action.KICK))
MASH_EVERY = 9      # steps between presses: a fast human thumb, about six and a half a second
REACH = 20.0        # px between feet at which the masher starts swinging


class Masher:
    """Walk at the nearest enemy, then punch, punch, kick, again and again."""

    def __init__(self, sim: Any) -> None:
        self.sim = sim
        self.nav = Autopilot(sim)
        self.presses = 0

    def __call__(self) -> int:
        sim = self.sim
        p = sim.player
        if p.state in ("dead", "down"):
            return 0
        fx, fy = p.body.feet
        foes = [e for e in sim.live if e.active]
        if not foes:
            goal = self.nav._objective()
            return 0 if goal is None else self.nav._go(*goal)
        e = min(foes, key=lambda e: math.hypot(e.body.feet[0] - fx, e.body.feet[1] - fy))
        ex, ey = e.body.feet
        dx, dy = ex - fx, ey - fy
        if math.hypot(dx, dy) > REACH:
            if math.hypot(dx, dy) > 60 or not sim.grid.line_of_sight(fx, fy - 3, ex, ey - 3):
                return self.nav._go(ex, ey)
            return _keys(dx, dy)
        mask = _keys(dx, dy)
        if sim.steps % MASH_EVERY == 0:
            mask |= COMBO[self.presses % len(COMBO)]
            self.presses += 1
        return mask


def fight_pilot(persona: str, sim: Any, seed: int) -> Pilot:
    """The held-mask source for one try of an action level (or the chase's fight on foot)."""
    if persona == "idle":
        return idle
    if persona == "masher":
        return release_repeats(Masher(sim))
    expert = Autopilot(sim).decide
    if persona == "novice":
        return release_repeats(LaggedPilot(expert, seed))
    return release_repeats(expert)


def fight_try(sim: LevelSim, persona: str, seed: int, budget: int) -> tuple[str, int, int]:
    """One try of a LevelSim by a persona: its outcome ("timeout" when `budget` steps run out), the
    steps played and the lives lost."""
    lives = sim.player.lives
    pilot, edges = fight_pilot(persona, sim, seed), EdgeTracker()
    played = 0
    while sim.outcome is None and played < budget:
        sim.step(edges.frame(pilot()))
        played += 1
    return sim.outcome or "timeout", played, lives - max(0, sim.player.lives)


def play(tilemap: TileMap, persona: str, difficulty: str = "normal", seed: int = 0, tries: int = 1,
         max_steps: int = 60 * 60 * 10, flags: dict | None = None) -> PersonaRun:
    """Up to `tries` tries of an action level by one persona; a try ends at game over or after
    `max_steps` steps (a try that runs out of time ends the run: that persona is stuck, not losing)."""
    steps = lives_lost = used = 0
    last = "lost"
    sim = None
    while used < tries:
        used += 1
        if sim is not None and sim.saved is not None:
            sim = sim.resume()  # Continue after a game over: from the last checkpoint, as a person would
        else:
            sim = LevelSim(tilemap, seed=seed + used - 1, difficulty=difficulty,
                           flags=None if flags is None else dict(flags))
        last, played, lost = fight_try(sim, persona, seed + used - 1, max_steps)
        steps += played
        lives_lost += lost
        if last == "won":
            return PersonaRun("won", steps, lives_lost, used, f"{sim.kills} enemies down")
        if last == "timeout":
            break
    return PersonaRun(last, steps, lives_lost, used)
