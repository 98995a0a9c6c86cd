"""Player actions, keyboard bindings, and per-step recording and replay of input.

The simulation never sees keys: each fixed step gets one `InputFrame` (which actions are held, which
were newly pressed). A replay file is just the sequence of held masks, so feeding it back reproduces
the run exactly.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from enum import IntFlag
from pathlib import Path
from typing import Iterable, Iterator, Mapping

log = logging.getLogger(__name__)


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


@dataclass(frozen=True)
class InputFrame:
    """The input for one simulation step."""

    held: int = 0
    pressed: int = 0  # became held this step (edge)

    def is_held(self, action: Action) -> bool:
        return bool(self.held & action)

    def was_pressed(self, action: Action) -> bool:
        return bool(self.pressed & action)

    @property
    def move(self) -> tuple[int, int]:
        """Digital direction as (-1..1, -1..1)."""
        dx = (1 if self.held & Action.RIGHT else 0) - (1 if self.held & Action.LEFT else 0)
        dy = (1 if self.held & Action.DOWN else 0) - (1 if self.held & Action.UP else 0)
        return dx, dy


NO_INPUT = InputFrame()


class EdgeTracker:
    """Turns a stream of held masks into InputFrames with press edges."""

    def __init__(self) -> None:
        self._prev = 0

    def frame(self, held: int) -> InputFrame:
        # Edges come from the held masks alone, so a recorded run replays with the same presses.
        pressed = held & ~self._prev
        self._prev = held
        return InputFrame(held=held, pressed=pressed)


DEFAULT_KEYS: Mapping[Action, tuple[str, ...]] = {
    Action.UP: ("up", "w"),
    Action.DOWN: ("down", "s"),
    Action.LEFT: ("left", "a"),
    Action.RIGHT: ("right", "d"),
    Action.PUNCH: ("z", "j"),
    Action.KICK: ("x", "k"),
    Action.SHOOT: ("c", "l"),
    Action.CONFIRM: ("return", "space"),
    Action.PAUSE: ("escape", "p"),
    Action.SPECIAL: ("v", "left shift"),
    Action.RESTART: ("r",),
    Action.SKIP: ("tab",),
}


@dataclass
class KeyBindings:
    """Action -> key names (pygame.key.key_code names). Rebindable; the keycodes are resolved lazily."""

    keys: dict[Action, tuple[str, ...]] = field(default_factory=lambda: dict(DEFAULT_KEYS))

    def keycode_map(self) -> dict[int, int]:
        import pygame

        out: dict[int, int] = {}
        for action, names in self.keys.items():
            for name in names:
                try:
                    code = pygame.key.key_code(name)
                except ValueError:
                    log.warning("unknown key name %r bound to %s; ignored", name, action.name)
                    continue
                out[code] = out.get(code, 0) | int(action)
        return out


class KeyboardReader:
    """Reads pygame key events into held masks; remembers taps shorter than one step."""

    def __init__(self, bindings: KeyBindings | None = None) -> None:
        self.codes = (bindings or KeyBindings()).keycode_map()
        self.held = 0
        self.tapped = 0

    def on_event(self, event: object) -> None:
        import pygame

        kind = getattr(event, "type", None)
        if kind == pygame.KEYDOWN:
            bits = self.codes.get(event.key, 0)  # type: ignore[attr-defined]
            self.held |= bits
            self.tapped |= bits
        elif kind == pygame.KEYUP:
            self.held &= ~self.codes.get(event.key, 0)  # type: ignore[attr-defined]
        elif kind == pygame.WINDOWFOCUSLOST:
            self.held = 0

    def take(self) -> int:
        """Held mask for the next step; a tap shorter than a step still counts as held once."""
        tapped, self.tapped = self.tapped, 0
        return self.held | tapped


# --- Recording and replay -------------------------------------------------------------------

REPLAY_HEADER = "# red-heat replay v1: one 'held-mask-hex count' run per line"


class ReplayError(Exception):
    def __init__(self, path: str | os.PathLike, problem: str) -> None:
        self.path = str(path)
        super().__init__(f"{path}: {problem}")


def encode_replay(masks: Iterable[int]) -> str:
    """Run-length text: each line is a held mask in hex and how many steps it lasts."""
    lines = [REPLAY_HEADER]
    run_mask, run_len = None, 0
    for mask in masks:
        if mask == run_mask:
            run_len += 1
            continue
        if run_mask is not None:
            lines.append(f"{run_mask:x} {run_len}")
        run_mask, run_len = mask, 1
    if run_mask is not None:
        lines.append(f"{run_mask:x} {run_len}")
    return "\n".join(lines) + "\n"


def decode_replay(text: str, path: str | os.PathLike = "<replay>") -> list[int]:
    masks: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        try:
            mask, count = int(parts[0], 16), int(parts[1])
            if len(parts) != 2 or count < 0 or mask < 0:
                raise ValueError
        except (ValueError, IndexError):
            raise ReplayError(path, f"line {number}: expected 'MASK COUNT', got {line!r}") from None
        masks.extend([mask] * count)
    return masks


def load_replay(path: str | os.PathLike) -> list[int]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReplayError(path, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReplayError(path, f"cannot read: {exc}") from None
    return decode_replay(text, path)


def save_replay(path: str | os.PathLike, masks: Iterable[int]) -> None:
    """Written atomically so a crash never leaves half a replay."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(encode_replay(masks))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class Recorder:
    """Collects the held mask of every step."""

    def __init__(self) -> None:
        self.masks: list[int] = []

    def record(self, frame: InputFrame) -> None:
        self.masks.append(frame.held)


def replay_frames(masks: Iterable[int]) -> Iterator[InputFrame]:
    """InputFrames for a recorded sequence; after it ends, no input forever."""
    edges = EdgeTracker()
    for mask in masks:
        yield edges.frame(mask)
    while True:
        yield edges.frame(0)
