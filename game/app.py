"""The desktop shell: window, integer scaling with letterbox, and the fixed-timestep loop.

The app owns the only wall clock in the game. It turns real frame time into whole simulation steps
(game.clock), feeds each step one InputFrame, and draws the scene stack once per frame onto a
320x180 canvas that is scaled by a whole factor into the window.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pygame

from game import DT, VIEW_H, VIEW_W
from game.clock import ClockConfig, FixedStep
from game.input import EdgeTracker, KeyboardReader
from game.scenes.stack import Scene, SceneStack

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppConfig:
    scale: int = 4
    fullscreen: bool = False
    headless: bool = False
    frames: int | None = None  # stop after this many frames (headless smoke runs)
    title: str = "Red Heat"
    save_frame: Path | None = None  # write the last 320x180 frame here on exit


def letterbox(window: tuple[int, int], view: tuple[int, int] = (VIEW_W, VIEW_H)) -> pygame.Rect:
    """The largest whole-number scaling of `view` centred in `window` (at least x1)."""
    scale = max(1, min(window[0] // view[0], window[1] // view[1]))
    w, h = view[0] * scale, view[1] * scale
    return pygame.Rect((window[0] - w) // 2, (window[1] - h) // 2, w, h)


class App:
    def __init__(self, config: AppConfig, first_scene: Callable[[], Scene]) -> None:
        self.config = config
        self.first_scene = first_scene
        self.stack = SceneStack()
        self.canvas: pygame.Surface | None = None
        self.window: pygame.Surface | None = None

    def _open_display(self) -> None:
        if self.config.headless:
            os.environ["SDL_VIDEODRIVER"] = "dummy"
        pygame.display.init()
        pygame.font.init()
        pygame.display.set_caption(self.config.title)
        if self.config.headless:
            self.window = pygame.display.set_mode((VIEW_W, VIEW_H))
        else:
            flags = pygame.RESIZABLE | (pygame.FULLSCREEN if self.config.fullscreen else 0)
            size = (VIEW_W * self.config.scale, VIEW_H * self.config.scale)
            self.window = pygame.display.set_mode((0, 0) if self.config.fullscreen else size, flags)
        self.canvas = pygame.Surface((VIEW_W, VIEW_H)).convert()

    def run(self) -> int:
        self._open_display()
        try:
            code = self._loop()
            if self.config.save_frame is not None and self.canvas is not None:
                pygame.image.save(self.canvas, str(self.config.save_frame))
                log.info("saved frame to %s", self.config.save_frame)
            return code
        finally:
            while len(self.stack):
                self.stack.pop()
            pygame.display.quit()

    def _loop(self) -> int:
        clock = FixedStep(ClockConfig(dt=DT))
        keyboard = KeyboardReader()
        edges = EdgeTracker()
        self.stack.push(self.first_scene())
        last = time.perf_counter()
        frames = 0
        while len(self.stack):
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    return 0
                keyboard.on_event(event)
            if self.config.headless:
                frame_time = DT  # headless runs step exactly once per frame, as fast as possible
            else:
                now = time.perf_counter()
                frame_time, last = now - last, now
            for _ in range(clock.advance(frame_time)):
                self.stack.handle(edges.frame(keyboard.take()))
                self.stack.update(DT)
                if not len(self.stack):
                    return 0
            self._present()
            frames += 1
            if self.config.frames is not None and frames >= self.config.frames:
                return 0
            if not self.config.headless:
                time.sleep(max(0.0, DT - (time.perf_counter() - last)) * 0.5)
        return 0

    def _present(self) -> None:
        assert self.canvas is not None and self.window is not None
        self.stack.draw(self.canvas)
        if self.config.headless:
            self.window.blit(self.canvas, (0, 0))
        else:
            target = letterbox(self.window.get_size())
            self.window.fill((0, 0, 0))
            pygame.transform.scale(self.canvas, target.size, self.window.subsurface(target))
        pygame.display.flip()
