"""The locksmith puzzle's entry points for the mode registry: its scene for a beat or a map, and its replay."""
from __future__ import annotations

import hashlib
import logging

from game.modes.context import BeatContext, MapContext, RunResult
from game.modes.puzzle.sim import PuzzleState
from game.scenes.result import Result, game_time
from game.scenes.stack import Scene
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)


def story_scene(ctx: BeatContext) -> Scene:
    """The puzzle over the beat's map; over a plain backdrop when the map is missing or broken."""
    from game.modes.puzzle.scene import PuzzleScene

    return PuzzleScene(ctx.load_map(), on_done=ctx.on_done, pause=ctx.pause, audio=ctx.audio)


def map_scene(ctx: MapContext) -> Scene:
    """The puzzle opened with `--level`, over its map; solving the last board ends on the result card."""
    from game.modes.puzzle.scene import PuzzleScene

    scene = PuzzleScene(ctx.tilemap, pause=ctx.pause, audio=ctx.audio)
    scene.on_done = ctx.on_win(lambda: result(scene.state))
    return scene


def result(state: PuzzleState) -> Result:
    """The result card of a solved puzzle: game time, cards picked, wrong picks."""
    return Result("SOLVED", (("Time", game_time(state.steps)), ("Cards picked", str(state.picks)),
                             ("Wrong picks", str(state.total_wrong))))


def state_digest(state: PuzzleState) -> str:
    """A short digest of the puzzle's whole state (what a stored replay's hash is)."""
    return hashlib.sha256(repr(state.state()).encode()).hexdigest()[:16]


def replay(tilemap: TileMap | None, masks: list[int], seed: int = 0, difficulty: str = "normal",
           max_steps: int = 20000) -> RunResult:
    """Feed a recorded input stream to the puzzle until it is solved or the stream ends."""
    from game.input.actions import replay_frames

    state, frames = PuzzleState(), replay_frames(masks)
    steps = 0
    while steps < min(len(masks), max_steps) and not state.done:
        state.step(next(frames))
        steps += 1
    return RunResult("won" if state.done else "timeout", steps, f"{state.total_wrong} wrong tries",
                     state_hash=state_digest(state), seed=seed)
