"""The whole-game autopilot: a new game from the title to the credits on the real scene stack, headless.

`python -m game autoplay --all` runs it: scripted confirm presses through the title, cards, dialogue and
cutscenes; in every mode's scenes, that mode's own pilot (game.modes.registry: level, chase, puzzle, ...).
It succeeds when the credits roll. One map's autopilot is its mode's `autoplay` (`autoplay LEVEL`).
"""
from __future__ import annotations

import logging
import os
from typing import Any, Callable

from game import DT, STEP_HZ
from game.input.actions import Action, EdgeTracker
from game.modes import registry
from game.modes.context import Pilot, RunResult

log = logging.getLogger(__name__)


class _Pilot:
    """Chooses each step's held mask from the scene on top of the stack: the first mode's pilot that
    knows the scene, else a confirm press every other step (title, cards, dialogue, cutscenes, credits)."""

    def __init__(self) -> None:
        self.pilots: list[Pilot] = [mode.pilot() for mode in registry.modes()]

    def decide(self, scene: Any, step: int) -> int:
        from game.scenes.director import WithIntro

        while isinstance(scene, WithIntro):
            scene = scene.inner
        for pilot in self.pilots:
            mask = pilot.decide(scene, step)
            if mask is not None:
                return mask
        return int(Action.CONFIRM) if step % 2 == 0 else 0


def play_new_game(seed: int = 0, difficulty: str = "normal", max_steps: int = STEP_HZ * 60 * 60,
                  draw_every: int = 240, watch: Callable[[Any, list[str]], bool] | None = None) -> RunResult:
    """From the title to the credits on the real scene stack, headless. Draws now and then, so a scene
    that cannot draw fails here too. `watch(stack, beats)` sees every step; True from it ends the run."""
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
        if watch is not None and watch(stack, beats):
            return RunResult("quit", step, "stopped by the watcher", beats)
        if draw_every and step % draw_every == 0:
            stack.draw(surface)
    return RunResult("timeout", max_steps, f"stopped in {beats[-1] if beats else 'the title'}", beats)
