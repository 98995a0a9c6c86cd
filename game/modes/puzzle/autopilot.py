"""The locksmith puzzle's autopilot: it tries the cards in reading order and follows every hint.

`python -m game autoplay levels/locksmith.tmx` runs `autoplay`; the whole-game autopilot solves a
PuzzleScene with `Pilot`.
"""
from __future__ import annotations

import logging
from typing import Any

from game.input.actions import Action, EdgeTracker
from game.modes.context import RunResult
from game.modes.puzzle.sim import COLUMNS, PuzzleState
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)


def autopilot_mask(state: PuzzleState, step: int) -> int:
    """Tries the cards in reading order, skipping crossed ones: it walks the hint path every time.

    Presses come as a press on even steps and a release on odd ones, so every press is an edge.
    """
    if step % 2:
        return 0
    board = state.current
    target = next(i for i, c in enumerate(board.cards) if c.id not in state.crossed)
    if state.pointed is not None:
        target = next(i for i, c in enumerate(board.cards) if c.id == state.pointed)
    if state.cursor == target:
        return int(Action.CONFIRM)
    tc, tr = target % COLUMNS, target // COLUMNS
    cc, cr = state.cursor % COLUMNS, state.cursor // COLUMNS
    if tr != cr:
        return int(Action.DOWN if tr > cr else Action.UP)
    return int(Action.RIGHT if tc > cc else Action.LEFT)


def autoplay(tilemap: TileMap | None = None, seed: int = 0, difficulty: str = "normal",
             max_steps: int = 20000) -> RunResult:
    """Solve the puzzle (the map is only its backdrop; it has no randomness and no difficulty)."""
    from game.modes.puzzle.entry import state_digest

    state, edges, masks = PuzzleState(), EdgeTracker(), []
    while len(masks) < max_steps and not state.done:
        masks.append(autopilot_mask(state, len(masks)))
        state.step(edges.frame(masks[-1]))
    outcome = "won" if state.done else "timeout"
    return RunResult(outcome, len(masks), f"{state.total_wrong} wrong tries, hints shown",
                     state_hash=state_digest(state), masks=masks, seed=seed)


class Pilot:
    """Solves the PuzzleScene the whole-game run meets."""

    def decide(self, scene: Any, step: int) -> int | None:
        from game.modes.puzzle.scene import PuzzleScene

        if not isinstance(scene, PuzzleScene):
            return None
        return autopilot_mask(scene.state, step)
