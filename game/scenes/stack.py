"""The scene stack: scenes return transitions from `update`; only the stack applies them.

Lifecycle of a scene on the stack:
  enter()  once, when it becomes part of the stack (pushed or replacing another);
  handle(frame) / update(dt)  each step while it is the top scene: one InputFrame, then one update;
  draw(surface)  every frame while visible; never changes state;
  exit()   once, when it leaves the stack (popped or replaced).
An overlay scene (`opaque = False`) lets the scene below draw, and blocks its updates.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol, Union

from game.input.actions import NO_INPUT, InputFrame

log = logging.getLogger(__name__)


class Scene(Protocol):
    opaque: bool

    def enter(self) -> None: ...
    def exit(self) -> None: ...
    def handle(self, frame: InputFrame) -> None: ...
    def update(self, dt: float) -> "Transition | None": ...
    def draw(self, surface: object) -> None: ...


class BaseScene:
    """Convenience base with no-op hooks; subclasses override what they need.

    `handle` keeps the step's input; `update` takes it with `take_frame()`, so a press is acted on once.
    """

    opaque = True
    frame: InputFrame = NO_INPUT

    def enter(self) -> None:
        pass

    def exit(self) -> None:
        pass

    def handle(self, frame: InputFrame) -> None:
        self.frame = frame

    def take_frame(self) -> InputFrame:
        frame, self.frame = self.frame, NO_INPUT
        return frame

    def update(self, dt: float) -> "Transition | None":
        return None

    def draw(self, surface: object) -> None:
        pass


@dataclass(frozen=True)
class Push:
    scene: Scene


@dataclass(frozen=True)
class Pop:
    pass


@dataclass(frozen=True)
class Replace:
    scene: Scene


@dataclass(frozen=True)
class Reset:
    """Empty the stack (each scene exits, top first), then push `scene`: e.g. quit to the title."""

    scene: Scene


@dataclass(frozen=True)
class Chain:
    """Several transitions applied in order: e.g. a pause menu pops itself, then replaces the level."""

    steps: tuple["Transition", ...]


Transition = Union[Push, Pop, Replace, Reset, Chain]


class SceneStack:
    def __init__(self) -> None:
        self._scenes: list[Scene] = []

    def __len__(self) -> int:
        return len(self._scenes)

    @property
    def top(self) -> Scene | None:
        return self._scenes[-1] if self._scenes else None

    @property
    def scenes(self) -> tuple[Scene, ...]:
        return tuple(self._scenes)

    def push(self, scene: Scene) -> None:
        self._scenes.append(scene)
        scene.enter()

    def pop(self) -> None:
        if self._scenes:
            self._scenes.pop().exit()

    def replace(self, scene: Scene) -> None:
        self.pop()
        self.push(scene)

    def apply(self, transition: Transition | None) -> None:
        if transition is None:
            return
        if isinstance(transition, Push):
            self.push(transition.scene)
        elif isinstance(transition, Pop):
            self.pop()
        elif isinstance(transition, Replace):
            self.replace(transition.scene)
        elif isinstance(transition, Reset):
            while self._scenes:
                self.pop()
            self.push(transition.scene)
        elif isinstance(transition, Chain):
            for step in transition.steps:
                self.apply(step)
        else:
            raise TypeError(f"not a transition: {transition!r}")

    def handle(self, action: object) -> None:
        if self._scenes:
            self._scenes[-1].handle(action)

    def update(self, dt: float) -> None:
        """Only the top scene updates: an overlay pauses what lies beneath it."""
        if self._scenes:
            self.apply(self._scenes[-1].update(dt))

    def draw(self, surface: object) -> None:
        """Walk down to the first opaque scene, then draw upward from it."""
        start = 0
        for i in range(len(self._scenes) - 1, -1, -1):
            if self._scenes[i].opaque:
                start = i
                break
        for scene in self._scenes[start:]:
            scene.draw(surface)
