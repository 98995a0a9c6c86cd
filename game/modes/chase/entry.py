"""The bus chase's entry points for the mode registry: its scene for a beat or a map, and its replay."""
from __future__ import annotations

import logging
from typing import Any

from game.modes.context import BeatContext, MapContext, RunResult
from game.scenes.result import Result, game_time
from game.scenes.stack import Scene
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)


def story_scene(ctx: BeatContext) -> Scene:
    """The chase with the story's flags; the beat's cutscene when the map is missing."""
    from game.modes.chase.scene import ChaseScene

    tilemap = ctx.load_map()
    if tilemap is None:
        return ctx.fallback()
    return ChaseScene(tilemap, seed=ctx.seed, on_done=ctx.on_done, flags=ctx.flags, difficulty=ctx.difficulty,
                      pause=ctx.pause, audio=ctx.audio)


def map_scene(ctx: MapContext) -> Scene:
    """The chase opened with `--level`: Danko armed for the fight on foot, as in the story."""
    from game.modes.chase.autopilot import FINALE_FLAGS
    from game.modes.chase.scene import ChaseScene

    scene = ChaseScene(ctx.tilemap, seed=ctx.seed, flags=dict(FINALE_FLAGS), difficulty=ctx.difficulty,
                       pause=ctx.pause, audio=ctx.audio)
    scene.on_done = ctx.on_win(lambda: result(scene))
    return scene


def result(scene: Any) -> Result:
    """The result card of a won chase (a ChaseScene): time at the wheel and on foot, tries, crashes, hits."""
    sim = scene.sim
    foot = getattr(scene.finale, "sim", None)
    steps = sim.steps + (foot.steps if foot is not None else 0)
    rows = [("Time", game_time(steps)), ("Tries", str(scene.retries + 1)), ("Crashes", str(sim.crashes))]
    if foot is not None:
        rows.append(("Hits taken", str(foot.hits_taken)))
    return Result("CAUGHT HIM", tuple(rows))


def replay(tilemap: TileMap, masks: list[int], seed: int = 0, difficulty: str = "normal",
           max_steps: int = 36000) -> RunResult:
    """Feed a recorded stream to the chase, then the rest to the fight on foot. The state hash is the
    chase's (it depends only on the chase code); the fight's is in the detail."""
    from game.input.actions import replay_frames
    from game.modes.chase.autopilot import FINALE_FLAGS
    from game.modes.chase.finale import finale_tilemap
    from game.modes.chase.sim import WON, ChaseSim
    from game.modes.level.sim import LevelSim

    frames = replay_frames(masks)
    sim = ChaseSim(tilemap, seed=seed, difficulty=difficulty)
    while sim.outcome is None and sim.steps < min(len(masks), max_steps):
        sim.step(next(frames))
    if sim.outcome != WON:
        return RunResult(sim.outcome or "timeout", sim.steps, "the chase", state_hash=sim.state_hash(), seed=seed)
    level = LevelSim(finale_tilemap(sim), seed=seed, flags=dict(FINALE_FLAGS), difficulty=difficulty)
    while level.outcome is None and sim.steps + level.steps < min(len(masks), max_steps):
        level.step(next(frames))
    return RunResult(level.outcome or "timeout", sim.steps + level.steps,
                     f"chase won in {sim.steps} steps; fight on foot: state {level.state_hash()}",
                     state_hash=sim.state_hash(), seed=seed)
