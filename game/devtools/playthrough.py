"""The autopilot for the locksmith puzzle, the chase, and a whole new game from the title to the credits.

`python -m game autoplay LEVEL` sends a puzzle or chase map (map property `mode`) here; other maps go to
the combat autopilot (game.modes.level.autopilot). `python -m game autoplay --all` runs the real scene stack from the
title, headless: scripted confirm presses through the title, cards, dialogue and cutscenes, the combat
autopilot in action levels, the puzzle and chase autopilots in theirs; it succeeds when the credits roll.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from typing import Any

from game import DT
from game.input.actions import Action, EdgeTracker

log = logging.getLogger(__name__)

ATTACKS = int(Action.PUNCH | Action.KICK | Action.SHOOT | Action.SPECIAL)


@dataclass
class RunResult:
    outcome: str
    steps: int
    detail: str = ""
    beats: list[str] = field(default_factory=list)


# --- single scenes ------------------------------------------------------------------------------

def autoplay_puzzle(max_steps: int = 20000) -> RunResult:
    from game.modes.puzzle.sim import PuzzleState, autopilot_mask

    state = PuzzleState()
    edges = EdgeTracker()
    for step in range(max_steps):
        if state.step(edges.frame(autopilot_mask(state, step))) == "won":
            return RunResult("won", step + 1, f"{state.total_wrong} wrong tries, hints shown")
    return RunResult("timeout", max_steps)


def autoplay_chase(tilemap: Any, seed: int = 0, difficulty: str = "normal", max_steps: int = 36000,
                   flags: dict | None = None) -> RunResult:
    """Drive the chase (retrying from the start if he gets away), then fight Rostavili on foot."""
    from game.modes.chase.sim import WON, ChaseSim, autopilot_mask, finale_tilemap
    from game.modes.level.autopilot import autoplay as fight
    from game.modes.level.sim import LevelSim

    steps, tries = 0, 0
    while steps < max_steps:
        sim = ChaseSim(tilemap, seed=seed + tries)
        edges = EdgeTracker()
        while sim.outcome is None and steps < max_steps:
            sim.step(edges.frame(autopilot_mask(sim)))
            steps += 1
        if sim.outcome != WON:
            tries += 1
            continue
        level = LevelSim(finale_tilemap(sim), seed=seed, flags=dict(flags or {"has_gun": True}),
                         difficulty=difficulty)
        outcome, _ = fight(level, max_steps - steps)
        steps += level.steps
        return RunResult(outcome, steps, f"chase won in {sim.steps} steps after {tries} retries; "
                                         f"Rostavili's bus damage {sim.rostavili.damage:.0f}; "
                                         f"fight on foot {outcome} in {level.steps} steps")
    return RunResult("timeout", steps, f"{tries} chases lost")


# --- a whole new game ------------------------------------------------------------------------------

class _Pilot:
    """Chooses each step's held mask by looking at the scene on top of the stack."""

    def __init__(self) -> None:
        self.level_pilots: dict[int, Any] = {}
        self.last = 0

    def decide(self, scene: Any, step: int) -> int:
        from game.modes.chase.scene import ChaseScene
        from game.modes.chase.sim import autopilot_mask as drive
        from game.modes.level.scene import LevelScene
        from game.modes.puzzle.scene import PuzzleScene
        from game.modes.puzzle.sim import autopilot_mask as solve
        from game.scenes.director import WithIntro

        while isinstance(scene, WithIntro):
            scene = scene.inner
        if isinstance(scene, ChaseScene):
            if scene.finale is None:
                return drive(scene.sim)
            scene = scene.finale
        if isinstance(scene, PuzzleScene):
            return solve(scene.state, step)
        if isinstance(scene, LevelScene):
            return self._fight(scene.sim)
        # Title, cards, dialogue, cutscenes, credits: a confirm press every other step.
        return int(Action.CONFIRM) if step % 2 == 0 else 0

    def _fight(self, sim: Any) -> int:
        from game.modes.level.autopilot import Autopilot

        pilot = self.level_pilots.get(id(sim))
        if pilot is None or pilot.sim is not sim:
            pilot = self.level_pilots[id(sim)] = Autopilot(sim)
        mask = pilot.decide()
        mask &= ~(self.last & ATTACKS)  # a press counts on its first step only: release held attacks
        self.last = mask
        return mask


def play_new_game(seed: int = 0, difficulty: str = "normal", max_steps: int = 60 * 60 * 60,
                  draw_every: int = 240) -> RunResult:
    """From the title to the credits on the real scene stack, headless. Draws now and then, so a scene
    that cannot draw fails here too."""
    import pygame

    from game.scenes.credits import CreditsScene
    from game.scenes.director import TitleHooks, build_title
    from game.scenes.stack import SceneStack

    if not pygame.display.get_init():
        os.environ.setdefault("SDL_VIDEODRIVER", "dummy")  # headless by definition: never a window
        os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
        pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((320, 180))
    surface = pygame.Surface((320, 180))
    beats: list[str] = []
    hooks = TitleHooks(on_progress=lambda state: beats.append(str(state.get("beat"))))
    stack = SceneStack()
    stack.push(build_title(seed=seed, difficulty=difficulty, hooks=hooks))
    pilot = _Pilot()
    edges = EdgeTracker()
    for step in range(max_steps):
        top = stack.top
        if top is None:
            return RunResult("quit", step, "the stack emptied before the credits", beats)
        if isinstance(top, CreditsScene):
            stack.draw(surface)
            return RunResult("won", step, "credits reached", beats)
        stack.handle(edges.frame(pilot.decide(top, step)))
        stack.update(DT)
        if draw_every and step % draw_every == 0:
            stack.draw(surface)
    return RunResult("timeout", max_steps, f"stopped in {beats[-1] if beats else 'the title'}", beats)


# --- replays of the puzzle and the chase ----------------------------------------------------------

def record_puzzle(max_steps: int = 20000) -> list[int]:
    from game.modes.puzzle.sim import PuzzleState, autopilot_mask

    state, edges, masks = PuzzleState(), EdgeTracker(), []
    for step in range(max_steps):
        masks.append(autopilot_mask(state, step))
        if state.step(edges.frame(masks[-1])) == "won":
            break
    return masks


def replay_puzzle(masks: list[int]) -> tuple[str, str]:
    """Outcome and a digest of the final puzzle state for a recorded input stream."""
    import hashlib

    from game.input.actions import replay_frames
    from game.modes.puzzle.sim import PuzzleState

    state = PuzzleState()
    frames = replay_frames(masks)
    for _ in range(len(masks)):
        if state.step(next(frames)) == "won":
            break
    digest = hashlib.sha256(repr(state.state()).encode()).hexdigest()[:16]
    return ("won" if state.done else "timeout"), digest


def record_chase(tilemap: Any, seed: int = 0, difficulty: str = "normal",
                 max_steps: int = 36000) -> list[int]:
    """The chase scene's whole input stream (driving, then the fight on foot) from the autopilots."""
    from game.modes.chase.sim import WON, ChaseSim, autopilot_mask, finale_tilemap
    from game.modes.level.autopilot import Autopilot
    from game.modes.level.sim import LevelSim

    sim, edges, masks = ChaseSim(tilemap, seed=seed), EdgeTracker(), []
    while sim.outcome is None and len(masks) < max_steps:
        masks.append(autopilot_mask(sim))
        sim.step(edges.frame(masks[-1]))
    if sim.outcome != WON:
        return masks
    level = LevelSim(finale_tilemap(sim), seed=seed, flags={"has_gun": True}, difficulty=difficulty)
    pilot, last = Autopilot(level), 0
    while level.outcome is None and len(masks) < max_steps:
        mask = pilot.decide() & ~(last & ATTACKS)
        last = mask
        masks.append(mask)
        level.step(edges.frame(mask))
    return masks


def replay_chase(tilemap: Any, masks: list[int], seed: int = 0,
                 difficulty: str = "normal") -> tuple[str, str, str]:
    """Feed a recorded stream to the chase, then the rest to the fight: outcome and both state hashes."""
    from game.input.actions import replay_frames
    from game.modes.chase.sim import WON, ChaseSim, finale_tilemap
    from game.modes.level.sim import LevelSim

    frames = replay_frames(masks)
    sim = ChaseSim(tilemap, seed=seed)
    used = 0
    while sim.outcome is None and used < len(masks):
        sim.step(next(frames))
        used += 1
    if sim.outcome != WON:
        return (sim.outcome or "timeout"), sim.state_hash(), ""
    level = LevelSim(finale_tilemap(sim), seed=seed, flags={"has_gun": True}, difficulty=difficulty)
    while level.outcome is None and used < len(masks):
        level.step(next(frames))
        used += 1
    return (level.outcome or "timeout"), sim.state_hash(), level.state_hash()
