"""The level scene: plays a LevelSim, follows Danko with the camera, draws map, actors, effects, HUD.

Lifecycle: enter() builds the renderer and centres the camera; handle() stores the step's input;
update() steps the simulation once, plays its sounds, pushes the dialogue overlay for a scripted beat
(the sim pauses under it), pushes Game Over when the last life is gone, restarts in place on R, and
when the level is won asks `on_done` for the transition (the story sequence decides what comes next,
not this scene); draw() only reads state.
"""
from __future__ import annotations

import functools
import logging
import math
from typing import Any, Callable

import pygame

from game.input.actions import Action
from game.modes.events import Dialogue, Sound
from game.modes.level import escape, escape_view, partner_view
from game.modes.level.controls import ControlsHint
from game.modes.level.hud import Hud
from game.modes.level.sim import LOST, WON, LevelSim
from game.modes.level.smooth import LevelSmoother
from game.modes.level.view import LevelView
from game.scenes.dialogue import DialogueScene
from game.scenes.gameover import GameOverScene
from game.scenes.hotreload import HotReload, apply_reload, draw_reload_error
from game.scenes.pause import PauseHooks, PauseScene
from game.scenes.stack import BaseScene, Push, Scene, Transition
from game.ui.font import load_font
from game.world.camera import Camera
from game.world.cover import MapCover
from game.world.render import MapRenderer

log = logging.getLogger(__name__)

OnDone = Callable[[str], "Transition | None"]
# The sim names what happened; these are the effects game.desktop.audio has for it (None: silent for now).
SOUNDS = {"slash": "punch", "slam": "knockdown", "hurt": "hit", "ko": "knockdown", "down": "knockdown",
          "block": "hit", "charge": "footstep", "door": "door", "wave": "footstep", "hiss": "hiss"}
DialogueFactory = Callable[[str, str], "Scene | None"]


@functools.lru_cache(maxsize=1)
def _story() -> Any:
    from game.story.script import load_story

    return load_story()


def story_lines(beat: str, key: str) -> tuple:
    """The lines a trigger names: `key` of `beat` in levels/story.toml, or `beat.key` spelled out."""
    if "." in key:
        beat, key = key.split(".", 1)
    try:
        value = getattr(_story().beat(beat), key, ())
    except Exception as exc:  # a broken or missing story must not stop the fight
        log.warning("no dialogue %s.%s (%s)", beat, key, exc)
        return ()
    if isinstance(value, tuple) and all(hasattr(v, "speaker") and hasattr(v, "text") for v in value):
        return value
    log.warning("story beat %r has no line list %r", beat, key)
    return ()


def story_dialogue(beat: str, key: str) -> Scene | None:
    """The dialogue overlay with the beat's lines; None when the story names none."""
    lines = story_lines(beat, key)
    return DialogueScene(lines) if lines else None


class LevelScene(BaseScene):
    pause_on_focus_loss = True  # the app injects a Pause press when the window loses focus

    def __init__(self, sim: LevelSim, on_done: OnDone | None = None, pause: PauseHooks | None = None,
                 audio: Any = None, shake_enabled: Callable[[], bool] | None = None,
                 dialogue: DialogueFactory | None = story_dialogue, costume: str = "danko") -> None:
        self.sim = sim
        self.on_done = on_done
        self.pause = pause
        self.audio = audio
        self.shake_enabled = shake_enabled or (lambda: True)
        self.dialogue = dialogue
        self.renderer: MapRenderer | None = None
        self.camera: Camera | None = None
        self.view = LevelView(costume)  # Danko's sprite sheet: the beat's costume
        self.hud: Hud | None = None
        self.controls = ControlsHint() if sim.spec.enemies else None
        self._pending: list[tuple[str, str]] = []
        self._done = False
        self.talking = False  # a dialogue overlay is up: the controls card steps aside
        self.restarts = 0
        self.hot_reload = HotReload(sim.tilemap)  # designers' saves in Tiled show up within a second
        self.smooth = LevelSmoother()  # drawn between steps off a 60 Hz display (game.modes.level.smooth)
        self.cover = MapCover()  # whether the map hides the backdrop fill

    def enter(self) -> None:
        self.renderer = MapRenderer(self.sim.tilemap)
        self.camera = Camera(*self.sim.tilemap.pixel_size)
        self.camera.center_on(*self.sim.focus)
        font = load_font()
        self.hud = Hud(font)
        self.view.font = font
        if self.audio is not None:
            self.audio.music("action")

    def restart(self, resume: bool = False) -> None:
        """Back to the level's start at once, same seed, flags and difficulty (R); with `resume`, back to
        its last checkpoint if it reached one (Continue after a game over)."""
        self.sim = self.sim.resume() if resume else self.sim.fresh()
        self._pending.clear()
        self._done = False
        self.restarts += 1
        if self.camera is not None:
            self.camera.center_on(*self.sim.focus)
        if self.hud is not None:
            self.hud = Hud(self.hud.font)

    def resume(self) -> None:
        self.restart(resume=True)

    def update(self, dt: float) -> Transition | None:
        frame = self.take_frame()
        apply_reload(self, self.hot_reload.step())
        if frame.was_pressed(Action.PAUSE):
            return Push(PauseScene(self.pause))
        if frame.was_pressed(Action.RESTART):
            self.restart()
            return None
        self.talking = False  # updated again: any dialogue over the level has closed
        talk = self._next_dialogue()  # more lines queued by the same step: show them in turn
        if talk is not None:
            return talk
        if self._done:
            return None
        if self.camera is not None:
            self.smooth.before_step(self.sim, self.camera)
        outcome = self.sim.step(frame)
        if self.controls is not None:
            self.controls.note(frame)
        if self.hud is not None:
            self.hud.tick()
        for event in self.sim.events:
            if isinstance(event, Sound):
                name = SOUNDS.get(event.name, event.name)
                if self.audio is not None and name is not None:
                    self.audio.play(name)
            elif isinstance(event, Dialogue):
                self._pending.append((event.beat, event.key))
            elif self.hud is not None:
                self.hud.on_event(event)
        if self.camera is not None:
            self.camera.follow(*self.sim.focus)  # Danko, or between him and a second player
        if outcome == LOST:
            self._done = True
            return Push(GameOverScene(on_continue=self.resume, on_quit=self._quit_hook(),
                                      note="from the last checkpoint" if self.sim.saved else None,
                                      **escape.lose_card(self.sim)))
        if outcome == WON:
            self._done = True
            return self.on_done(outcome) if self.on_done is not None else None
        return self._next_dialogue()

    def _next_dialogue(self) -> Transition | None:
        """The dialogue overlay for the next queued lines, if any (the controls card steps aside meanwhile)."""
        while self._pending:
            beat, key = self._pending.pop(0)
            scene = self.dialogue(beat, key) if self.dialogue else None
            if scene is not None:
                self.talking = True
                return Push(scene)
        return None

    def _quit_hook(self) -> Callable[[], Transition | None] | None:
        if self.pause is not None and self.pause.quit_to_title is not None:
            return self.pause.quit_to_title
        if self.on_done is not None:
            return lambda: self.on_done(LOST)  # type: ignore[misc]
        return None

    draw_alpha = 1.0  # set by the app before each frame: how far it stands toward the next step

    def draw(self, surface: pygame.Surface) -> None:
        assert self.camera is not None
        with self.smooth.between(self.sim, self.draw_alpha, self.camera):
            self._draw(surface)

    def _draw(self, surface: pygame.Surface) -> None:
        assert self.renderer is not None and self.camera is not None and self.hud is not None
        sim = self.sim
        amount = sim.shake if self.shake_enabled() else 0.0
        if amount > 0.3:
            # Deterministic shake from the game clock: the same replay shakes the same way.
            self.camera.shake = (round(math.sin(sim.steps * 2.1) * amount),
                                 round(math.cos(sim.steps * 1.7) * amount * 0.7))
        else:
            self.camera.shake = (0, 0)
        offset = self.camera.offset
        if not self.cover.covers(self.renderer, offset, surface.get_size()):
            surface.fill((0, 0, 0))
        view = (*offset, *surface.get_size())
        self.renderer.draw(surface, offset, sim.time_ms, self.view.sprites(sim, view)
                           + partner_view.sprites(self.view, sim) + escape_view.sprites(sim))
        self.view.draw_over(surface, sim, offset)
        escape_view.draw_over(surface, sim, offset, self.hud.font)
        partner_view.draw_over(surface, sim, offset, self.hud.font)
        self.hud.draw(surface, sim)
        escape_view.draw_hud(surface, sim, self.hud.font, below=self.hud.right_bottom)
        if self.controls is not None and not self.talking:  # never under a dialogue box
            self.controls.draw(surface, self.hud.font, sim.player.armed)
        draw_reload_error(surface, self.hot_reload.error)
