"""The cutscene scene: actors on a painted stage, driven by a small script from levels/story.toml.

Steps (see story.toml): fade_in/fade_out, wait, move, face, pose, show, hide, pan, say, flash, sound.
Lifecycle: enter() paints the stage and places the actors; update() runs steps on the game clock,
several instant steps in one update, until a step needs time. `say` pushes a DialogueScene overlay and
resumes when it pops. The skip key ends the whole cutscene (also from inside its dialogue); then or at
the last step `on_done()` gives the transition. draw() only reads state.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import pygame

from game import TILE, VIEW_H, VIEW_W
from game.input.actions import Action
from game.scenes.dialogue import CHARS_PER_SECOND, DialogueScene
from game.scenes.stack import BaseScene, Pop, Push, Transition
from game.scenes.stages import LAYOUTS, STAGE_H, STAGE_W, paint_tiles
from game.scenes.storyart import character_frame
from game.story.script import Actor, Step

log = logging.getLogger(__name__)

DEFAULT_SPEED = 48.0  # px per second
EPSILON = 1e-6


@dataclass
class ActorState:
    sprite: str
    x: float  # feet, px
    y: float
    facing: str = "down"
    anim: str = "idle"
    visible: bool = True


def _opening_fade(script: Sequence[Step]) -> float:
    """Black from the first frame when the script fades in before anything takes time."""
    for step in script:
        if step.op == "fade_in":
            return 1.0
        if step.op in ("wait", "move", "pan", "say", "fade_out"):
            break
    return 0.0


def tile_to_px(point: Sequence[float]) -> tuple[float, float]:
    return point[0] * TILE + TILE / 2, point[1] * TILE + TILE


class CutsceneScene(BaseScene):
    def __init__(self, stage: str, actors: Sequence[Actor], script: Sequence[Step],
                 on_done: Callable[[], Transition | None] | None = None, *, audio: Any = None,
                 chars_per_second: float = CHARS_PER_SECOND, pause: Any = None) -> None:
        self.stage = stage
        self.cast = list(actors)
        self.script = list(script)
        self.on_done = on_done
        self.audio = audio
        self.cps = chars_per_second
        self.pause = pause  # PauseHooks, passed on to the dialogues too
        self.actors: dict[str, ActorState] = {}
        self.step_index = 0
        self.step_time = 0.0
        self.clock = 0.0
        self.fade = _opening_fade(self.script)  # 1 = black
        self.flash = 0.0
        self.camera = (0.0, 0.0)
        self._pan_from: tuple[float, float] | None = None
        self.waiting = False  # a dialogue overlay is up
        self.dialogue: DialogueScene | None = None
        self.skipped = False
        self.finished = False
        self._backdrop: pygame.Surface | None = None

    def enter(self) -> None:
        self._backdrop = paint_stage(self.stage)
        for actor in self.cast:
            x, y = tile_to_px(actor.at)
            self.actors[actor.id] = ActorState(actor.sprite, x, y, actor.facing, "idle", not actor.hidden)
        self.camera = (0.0, 0.0)  # stage top-left; actors stand above the dialogue box

    def update(self, dt: float) -> Transition | None:
        frame = self.take_frame()
        if self.finished:
            return None
        self.flash = max(0.0, self.flash - dt)
        self.clock += dt  # game-clock time for walk cycles
        if frame.was_pressed(Action.SKIP) or self.skipped:
            self.skipped = True
            return self._finish()
        if frame.was_pressed(Action.PAUSE) and self.pause is not None:
            from game.scenes.pause import PauseScene

            return Push(PauseScene(self.pause))
        while self.step_index < len(self.script):
            step = self.script[self.step_index]
            if step.op == "say":
                self.waiting = True
                self.step_index += 1
                self.step_time = 0.0
                self.dialogue = DialogueScene(step.lines, on_done=self._said, audio=self.audio,
                                              chars_per_second=self.cps, pause=self.pause)
                return Push(self.dialogue)
            done = self._run(step, dt)
            if not done:
                return None
            self.step_index += 1
            self.step_time = 0.0
            self._pan_from = None
            dt = 0.0  # instant steps that follow take no time from this update
        return self._finish()

    def _said(self) -> Transition:
        """The dialogue overlay ended; a skip there skips the whole cutscene."""
        self.waiting = False
        if self.dialogue is not None and self.dialogue.skipped:
            self.skipped = True
        return Pop()

    def _finish(self) -> Transition | None:
        self.finished = True
        return self.on_done() if self.on_done is not None else Pop()

    # -- steps -----------------------------------------------------------------------------
    def _run(self, step: Step, dt: float) -> bool:
        """Advance one step by dt; True when it is complete."""
        a = step.args
        self.step_time += dt
        elapsed = self.step_time + EPSILON  # sixty steps of 1/60 s must make one whole second
        if step.op in ("fade_in", "fade_out"):
            span = float(a.get("time", 0.5))
            t = 1.0 if span <= 0 else min(1.0, elapsed / span)
            self.fade = 1.0 - t if step.op == "fade_in" else t
            return t >= 1.0
        if step.op == "wait":
            return elapsed >= float(a["time"])
        if step.op == "move":
            return self._move(self.actors[a["actor"]], tile_to_px(a["to"]), float(a.get("speed", DEFAULT_SPEED)), dt)
        if step.op == "pan":
            if self._pan_from is None:  # first update of this step
                self._pan_from = self.camera
            span = float(a.get("time", 1.0))
            t = 1.0 if span <= 0 else min(1.0, elapsed / span)
            tx, ty = tile_to_px(a["to"])
            goal = self._clamp(tx - VIEW_W / 2, ty - VIEW_H / 2)
            ease = t * t * (3 - 2 * t)
            self.camera = (self._pan_from[0] + (goal[0] - self._pan_from[0]) * ease,
                           self._pan_from[1] + (goal[1] - self._pan_from[1]) * ease)
            return t >= 1.0
        actor = self.actors.get(a.get("actor", ""))
        if step.op == "face" and actor:
            actor.facing = a["dir"]
        elif step.op == "pose" and actor:
            actor.anim = a["anim"]
        elif step.op == "show" and actor:
            actor.visible = True
            if "at" in a:
                actor.x, actor.y = tile_to_px(a["at"])
        elif step.op == "hide" and actor:
            actor.visible = False
        elif step.op == "flash":
            self.flash = 0.12
        elif step.op == "sound" and self.audio is not None:
            self.audio.play(a["name"])
        return True

    @staticmethod
    def _move(actor: ActorState, goal: tuple[float, float], speed: float, dt: float) -> bool:
        dx, dy = goal[0] - actor.x, goal[1] - actor.y
        dist = math.hypot(dx, dy)
        if abs(dx) >= abs(dy) and dx:
            actor.facing = "right" if dx > 0 else "left"
        elif dy:
            actor.facing = "down" if dy > 0 else "up"
        if dist <= speed * dt or dist == 0:
            actor.x, actor.y = goal
            actor.anim = "idle"
            return True
        actor.x += dx / dist * speed * dt
        actor.y += dy / dist * speed * dt
        actor.anim = "walk"
        return False

    @staticmethod
    def _clamp(x: float, y: float) -> tuple[float, float]:
        return (min(max(0.0, x), STAGE_W * TILE - VIEW_W), min(max(0.0, y), STAGE_H * TILE - VIEW_H))

    # -- drawing -----------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        assert self._backdrop is not None
        cx, cy = round(self.camera[0]), round(self.camera[1])
        surface.blit(self._backdrop, (-cx, -cy))
        for state in sorted(self.actors.values(), key=lambda s: s.y):
            if not state.visible:
                continue
            image = character_frame(state.sprite, state.anim, state.facing, self.clock * 1000.0)
            surface.blit(image, (round(state.x - image.get_width() / 2 - cx), round(state.y - image.get_height() - cy)))
        w, h = surface.get_size()
        if self.flash > 0:
            white = pygame.Surface((w, h))
            white.fill((255, 244, 220))
            white.set_alpha(170)
            surface.blit(white, (0, 0))
        if self.fade > 0:
            veil = pygame.Surface((w, h))
            veil.set_alpha(round(min(1.0, self.fade) * 255))
            surface.blit(veil, (0, 0))


# --- Fallback stages: flat colours, when a tileset is missing ----------------------------------

# (floor, floor line, wall, wall trim) per stage
STAGES: dict[str, tuple[tuple[int, int, int], ...]] = {
    "bathhouse": ((70, 110, 112), (54, 90, 92), (150, 160, 156), (96, 130, 130)),
    "snow": ((214, 222, 230), (190, 200, 212), (52, 58, 70), (120, 40, 36)),
    "office": ((110, 78, 52), (90, 62, 40), (70, 90, 74), (150, 130, 90)),
    "precinct": ((96, 100, 108), (80, 84, 92), (54, 70, 96), (140, 140, 120)),
    "street": ((44, 46, 54), (230, 190, 90), (30, 28, 44), (236, 150, 60)),
    "hospital": ((196, 210, 204), (170, 188, 182), (150, 176, 170), (230, 236, 232)),
    "hotel": ((120, 34, 40), (96, 26, 32), (160, 130, 90), (90, 60, 40)),
    "locksmith": ((120, 92, 60), (98, 74, 48), (70, 60, 52), (200, 180, 90)),
    "terminal": ((130, 128, 120), (110, 108, 100), (70, 76, 86), (200, 150, 50)),
    "airport": ((176, 176, 186), (150, 150, 162), (60, 90, 130), (210, 220, 230)),
}


def paint_stage(name: str) -> pygame.Surface:
    """The stage from the tilesets when they are there; otherwise painted in flat colours."""
    layout = LAYOUTS.get(name)
    tiled = paint_tiles(layout) if layout is not None else None
    if tiled is not None:
        return tiled
    floor, line, wall, trim = STAGES.get(name, STAGES["street"])
    w, h = STAGE_W * TILE, STAGE_H * TILE
    s = pygame.Surface((w, h))
    s.fill(floor)
    wall_h = 3 * TILE
    s.fill(wall, (0, 0, w, wall_h))
    s.fill(trim, (0, wall_h - 3, w, 3))
    if name == "street":  # sidewalk, kerb, lane marks, sodium lamps
        s.fill((86, 84, 90), (0, wall_h, w, TILE))
        s.fill((120, 118, 124), (0, wall_h + TILE - 2, w, 2))
        for x in range(0, w, 48):
            s.fill(line, (x, h - 3 * TILE, 24, 2))
        for x in range(24, w, 96):
            s.fill((60, 60, 70), (x, TILE, 2, wall_h - TILE))
            pygame.draw.circle(s, trim, (x + 1, TILE), 3)
        for x in range(8, w, 40):  # lit windows
            s.fill((120, 100, 60), (x, 8, 10, 8))
        return s
    if name == "snow":  # snowy square, dark buildings with red-brick trim
        for x in range(6, w, 28):
            s.fill((200, 180, 110), (x, 12, 8, 10))
        for i in range(60):
            s.fill((240, 244, 250), ((i * 53) % w, wall_h + (i * 37) % (h - wall_h), 2, 2))
        return s
    for x in range(0, w, TILE):  # floor tiles
        s.fill(line, (x, wall_h, 1, h - wall_h))
    for y in range(wall_h, h, TILE):
        s.fill(line, (0, y, w, 1))
    if name == "bathhouse":  # a pool and columns
        s.fill((40, 90, 120), (10 * TILE, 8 * TILE, 8 * TILE, 3 * TILE))
        for x in range(2 * TILE, w, 6 * TILE):
            s.fill(trim, (x, 0, 10, wall_h))
    elif name in ("airport", "hospital", "office", "precinct"):  # windows
        for x in range(TILE, w, 5 * TILE):
            s.fill((150, 180, 210) if name != "office" else (90, 110, 130), (x, 10, 3 * TILE, TILE + 4))
    elif name == "terminal":  # rows of lockers
        for x in range(TILE, w, 12):
            s.fill((150, 150, 140), (x, 12, 10, wall_h - 18))
    elif name == "locksmith":  # key boards
        for x in range(TILE, w, 4 * TILE):
            s.fill((150, 110, 60), (x, 8, 2 * TILE, TILE + 8))
            for k in range(6):
                s.fill((220, 200, 100), (x + 3 + k * 5, 12, 2, 6))
    elif name == "hotel":  # doors along the corridor
        for x in range(TILE, w, 5 * TILE):
            s.fill((80, 50, 30), (x, 10, TILE + 4, wall_h - 13))
    return s
