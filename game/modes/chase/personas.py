"""The chase played by each persona: idle, the masher, the novice (the autopilot, late) and the expert.

`play` runs whole tries of the chase level the way the scene does: a lost chase starts again from the
terminal (a new try); a won chase goes on foot by the wreck, and a lost fight goes back to the wreck (a
new try too). The fight on foot is played by the same persona's combat pilot (game.modes.level.personas).
"""
from __future__ import annotations

import logging
import math

from game.input.actions import Action, EdgeTracker
from game.modes.chase.autopilot import autopilot_mask
from game.modes.chase.finale import finale_tilemap
from game.modes.chase.sim import LOST, WON, ChaseSim
from game.modes.level.personas import fight_try
from game.modes.level.sim import LevelSim
from game.modes.personas import LaggedPilot, PersonaRun, Pilot, idle
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)


def masher(sim: ChaseSim) -> int:
    """Foot down all the way, steering crudely at his bus wherever it is (walls or not)."""
    p, r = sim.player, sim.rostavili
    err = math.atan2(r.y - p.y, r.x - p.x) - p.heading
    err = (err + math.pi) % (2 * math.pi) - math.pi
    mask = int(Action.UP)
    if err > 0.15:
        mask |= Action.RIGHT
    elif err < -0.15:
        mask |= Action.LEFT
    return mask


def driver(persona: str, sim: ChaseSim, seed: int) -> Pilot:
    """The held-mask source for one try of the driving."""
    if persona == "idle":
        return idle
    if persona == "masher":
        return lambda: masher(sim)
    if persona == "novice":
        return LaggedPilot(lambda: autopilot_mask(sim), seed)
    return lambda: autopilot_mask(sim)


def play(tilemap: TileMap, persona: str, difficulty: str = "normal", seed: int = 0, tries: int = 1,
         max_steps: int = 60 * 60 * 10, flags: dict | None = None) -> PersonaRun:
    """Up to `tries` tries of the chase level (driving, then the fight on foot) by one persona."""
    steps = lives_lost = used = 0
    fight_from: ChaseSim | None = None  # a won chase: later tries restart at the wreck
    last = LOST
    while used < tries and steps < max_steps:
        used += 1
        if fight_from is None:
            sim = ChaseSim(tilemap, seed=seed + used - 1, difficulty=difficulty)
            pilot, edges = driver(persona, sim, seed + used - 1), EdgeTracker()
            while sim.outcome is None and steps < max_steps:
                sim.step(edges.frame(pilot()))
                steps += 1
            if sim.outcome != WON:
                last = sim.outcome or "timeout"
                log.info("chase try %d by %s: %s after %d steps", used, persona, last, sim.steps)
                continue
            fight_from = sim
        level = LevelSim(finale_tilemap(fight_from), seed=seed + used - 1,
                         flags=dict(flags or {"has_gun": True}), difficulty=difficulty)
        last, played, lost = fight_try(level, persona, seed + used - 1, max_steps - steps)
        steps += played
        lives_lost += lost
        if last == WON:
            return PersonaRun(WON, steps, lives_lost, used,
                              f"chase won after {fight_from.steps} steps, Rostavili down on foot")
    return PersonaRun("timeout" if last == "timeout" else LOST, steps, lives_lost, used,
                      "chase won, beaten on foot" if fight_from is not None else "he got away every try")
