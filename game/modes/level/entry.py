"""The action level's entry points for the mode registry: its scene for a beat or a map, autoplay, pilot, replay."""
from __future__ import annotations

import logging
from typing import Any

from game.input.actions import Action, EdgeTracker
from game.modes.context import BeatContext, MapContext, RunResult
from game.scenes.result import Result, game_time
from game.scenes.stack import Scene
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

ATTACKS = int(Action.PUNCH | Action.KICK | Action.SHOOT | Action.SPECIAL)


def story_scene(ctx: BeatContext) -> Scene:
    """A LevelScene over a LevelSim carrying the story flags; the beat's cutscene when the map is missing."""
    tilemap = ctx.load_map()
    if tilemap is None:
        return ctx.fallback()
    from game.modes.level.scene import LevelScene
    from game.modes.level.sim import LevelSim

    extra = {"difficulty": ctx.difficulty} if ctx.difficulty is not None else {}
    sim = LevelSim(tilemap, seed=ctx.seed, flags=dict(ctx.flags), **extra)
    return LevelScene(sim, on_done=ctx.on_done, pause=ctx.pause, audio=ctx.audio, shake_enabled=ctx.shake_enabled,
                      costume=getattr(ctx.beat, "costume", "danko"))


def map_scene(ctx: MapContext) -> Scene:
    """The level opened with `--level`: no story flags, the player's difficulty; a win ends on the result card."""
    from game.modes.level.scene import LevelScene
    from game.modes.level.sim import LevelSim

    from game.story.script import costume_for_level

    sim = LevelSim(ctx.tilemap, seed=ctx.seed, difficulty=ctx.difficulty)
    scene = LevelScene(sim, pause=ctx.pause, audio=ctx.audio, shake_enabled=ctx.shake_enabled,
                       costume=costume_for_level(ctx.tilemap.path.name))
    scene.on_done = ctx.on_win(lambda: result(scene.sim))  # the scene's sim: R and Continue make new ones
    return scene


def result(sim: Any) -> Result:
    """The result card of a won fight: game time, hits taken, best combo, enemies down."""
    combo = f"{sim.best_combo} hit" + ("" if sim.best_combo == 1 else "s")
    return Result("LEVEL CLEAR", (("Time", game_time(sim.steps)), ("Hits taken", str(sim.hits_taken)),
                                  ("Best combo", combo), ("Enemies down", str(sim.kills))))


def autoplay(tilemap: TileMap, seed: int, difficulty: str, max_steps: int) -> RunResult:
    """The combat autopilot plays the map once; its input stream records as a replay."""
    from game.modes.level.autopilot import autoplay as play
    from game.modes.level.sim import LevelSim

    sim = LevelSim(tilemap, seed=seed, difficulty=difficulty)
    outcome, masks = play(sim, max_steps)
    p = sim.player
    return RunResult(outcome, sim.steps, f"{sim.kills} enemies down, health {p.health}, lives {p.lives}",
                     state_hash=sim.state_hash(), masks=masks, seed=seed)


def replay(tilemap: TileMap, masks: list[int], seed: int, difficulty: str, max_steps: int) -> RunResult:
    """A recorded input stream (then no input) until the level ends or `max_steps` pass."""
    from game.modes.level.sim import LevelSim, run_headless

    sim = LevelSim(tilemap, seed=seed, difficulty=difficulty)
    outcome = run_headless(sim, masks, max_steps)
    return RunResult(outcome, sim.steps, state_hash=sim.state_hash(), seed=seed)


class Pilot:
    """The combat autopilot on every LevelScene the whole-game run meets (one Autopilot per simulation)."""

    def __init__(self) -> None:
        self.pilots: dict[int, Any] = {}
        self.last = 0

    def decide(self, scene: Any, step: int) -> int | None:
        from game.modes.level.scene import LevelScene

        if not isinstance(scene, LevelScene):
            return None
        return self.fight(scene.sim)

    def fight(self, sim: Any) -> int:
        """The autopilot's mask for this simulation; an attack press counts on its first step only."""
        from game.modes.level.autopilot import Autopilot

        pilot = self.pilots.get(id(sim))
        if pilot is None or pilot.sim is not sim:
            pilot = self.pilots[id(sim)] = Autopilot(sim)
        mask = int(pilot.decide()) & ~(self.last & ATTACKS)
        self.last = mask
        return mask


def drive(sim: Any, pilot: Pilot, edges: EdgeTracker, masks: list[int], max_steps: int) -> None:
    """Fight `sim` to its end with `pilot`, appending each step's mask to `masks` (up to `max_steps`)."""
    while sim.outcome is None and len(masks) < max_steps:
        masks.append(pilot.fight(sim))
        sim.step(edges.frame(masks[-1]))
