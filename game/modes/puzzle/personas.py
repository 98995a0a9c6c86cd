"""The locksmith's puzzle played by each persona: idle, the masher, the novice and the expert.

The puzzle cannot be lost (crossed cards and the locksmith's taps guarantee an end), so a try ends in a
win or when the step budget runs out ("timeout"); idle never wins it.
"""
from __future__ import annotations

import logging
from typing import Callable

from game.input.actions import Action, EdgeTracker
from game.modes.personas import LaggedPilot, PersonaRun, Pilot, idle
from game.modes.puzzle.autopilot import autopilot_mask
from game.modes.puzzle.sim import PuzzleState
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

# Confirm, move right, confirm, move down...: every press is followed by a release.
PATTERN = (int(Action.CONFIRM), 0, 0, int(Action.RIGHT), 0, 0, int(Action.CONFIRM), 0, 0, int(Action.DOWN), 0, 0)


def masher(state: PuzzleState, step: int) -> int:
    """Presses confirm and moves in a simple fixed pattern, reading nothing."""
    return PATTERN[step % len(PATTERN)]


class _Counted:
    """A step-numbered puzzle pilot as a plain held-mask source."""

    def __init__(self, pick: Callable[[PuzzleState, int], int], state: PuzzleState) -> None:
        self.pick, self.state, self.step = pick, state, 0

    def __call__(self) -> int:
        self.step += 1
        return int(self.pick(self.state, self.step - 1))


def solver(persona: str, state: PuzzleState, seed: int) -> Pilot:
    """The held-mask source for the puzzle."""
    if persona == "idle":
        return idle
    if persona == "masher":
        return _Counted(masher, state)
    if persona == "novice":
        return LaggedPilot(_Counted(autopilot_mask, state), seed)
    return _Counted(autopilot_mask, state)


def play(tilemap: TileMap | None, persona: str, difficulty: str = "normal", seed: int = 0, tries: int = 1,
         max_steps: int = 60 * 60 * 10, flags: dict | None = None) -> PersonaRun:
    """The puzzle by one persona (difficulty and tries do not change a puzzle that cannot be lost)."""
    state, edges = PuzzleState(), EdgeTracker()
    pilot = solver(persona, state, seed)
    for step in range(max_steps):
        if state.step(edges.frame(pilot())) == "won":
            return PersonaRun("won", step + 1, 0, 1, f"{state.total_wrong} wrong picks")
    return PersonaRun("timeout", max_steps, 0, 1, f"{len(state.solved)} of {len(state.puzzle.boards)} boards")
