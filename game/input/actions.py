"""Player actions and the per-step input frame: the only part of input a simulation imports.

The simulation never sees keys: each fixed step gets one `InputFrame` (which actions are held, which
were newly pressed). Pure: no pygame, no files.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntFlag
from typing import Iterable, Iterator


class Action(IntFlag):
    UP = 1
    DOWN = 2
    LEFT = 4
    RIGHT = 8
    PUNCH = 16
    KICK = 32
    SHOOT = 64
    CONFIRM = 128
    PAUSE = 256
    SPECIAL = 512  # grab / shoulder charge
    RESTART = 1024
    SKIP = 2048  # skip a whole dialogue or cutscene


ALL_ACTIONS = tuple(Action)
PLAYER_BITS = 0xFFFF   # one player's actions (bits 0-15)
P2_SHIFT = 16          # a step's mask carries player 2's actions in its high half: p1 | p2 << 16


@dataclass(frozen=True)
class InputFrame:
    """The input for one simulation step."""

    held: int = 0
    pressed: int = 0  # became held this step (edge)

    def is_held(self, action: Action) -> bool:
        return bool(self.held & int(action))  # int: IntFlag's own `&` is a slow Python call

    def was_pressed(self, action: Action) -> bool:
        return bool(self.pressed & int(action))

    @property
    def move(self) -> tuple[int, int]:
        """Digital direction as (-1..1, -1..1)."""
        dx = (1 if self.held & Action.RIGHT else 0) - (1 if self.held & Action.LEFT else 0)
        dy = (1 if self.held & Action.DOWN else 0) - (1 if self.held & Action.UP else 0)
        return dx, dy

    def player1(self) -> "InputFrame":
        """Player 1's half of the frame (the whole frame when player 2 is silent)."""
        if (self.held | self.pressed) >> P2_SHIFT == 0:
            return self
        return InputFrame(self.held & PLAYER_BITS, self.pressed & PLAYER_BITS)

    def player2(self) -> "InputFrame":
        """Player 2's half of the frame, as a one-player frame (Ridzik's stick and buttons)."""
        held, pressed = self.held >> P2_SHIFT, self.pressed >> P2_SHIFT
        return InputFrame(held & PLAYER_BITS, pressed & PLAYER_BITS) if held | pressed else NO_INPUT


def two_players(p1: int, p2: int) -> int:
    """One step's mask carrying both players' held actions (the replay and the sim read it back)."""
    return (p1 & PLAYER_BITS) | (p2 & PLAYER_BITS) << P2_SHIFT


NO_INPUT = InputFrame()


class EdgeTracker:
    """Turns a stream of held masks into InputFrames with press edges."""

    def __init__(self) -> None:
        self._prev = 0

    def frame(self, held: int) -> InputFrame:
        # Edges come from the held masks alone, so a recorded run replays with the same presses.
        pressed = held & ~self._prev
        self._prev = held
        if type(held) is not int or type(pressed) is not int:  # Action masks: a frame of their own
            return InputFrame(held=held, pressed=pressed)
        key = (held, pressed)
        frame = _FRAMES.get(key)
        if frame is None:  # frames are values: one made before for the same masks serves again
            if len(_FRAMES) >= 4096:
                _FRAMES.clear()
            frame = _FRAMES[key] = InputFrame(held=held, pressed=pressed)
        return frame


_FRAMES: dict[tuple[int, int], InputFrame] = {}  # EdgeTracker's frames by (held, pressed)


def replay_frames(masks: Iterable[int]) -> Iterator[InputFrame]:
    """InputFrames for a recorded sequence; after it ends, no input forever."""
    edges = EdgeTracker()
    for mask in masks:
        yield edges.frame(mask)
    while True:
        yield edges.frame(0)
