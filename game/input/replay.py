"""Replay files: the held mask of every step, run-length encoded as text, written atomically.

A replay holds the input alone, so feeding it back into the same level and seed reproduces the run exactly.
A step's mask carries both players: player 1 in the low 16 bits, player 2 (Ridzik, when a second player
took him over) in the high 16 bits. A one-player run has no high bits, so it is written as a v1 file, byte
for byte as before, and every v1 file is a valid two-player replay whose second stream is silent.
"""
from __future__ import annotations

import logging
import os
from itertools import groupby
from pathlib import Path
from typing import Iterable

from game.desktop.datafiles import atomic_write_text
from game.input.actions import ALL_ACTIONS, P2_SHIFT
from game.limits import REPLAY_MAX_BYTES, REPLAY_MAX_STEPS

log = logging.getLogger(__name__)


PLAYER_ACTION_BITS = sum(int(a) for a in ALL_ACTIONS)  # every bit one player's actions use
ALL_BITS = PLAYER_ACTION_BITS | PLAYER_ACTION_BITS << P2_SHIFT  # both players' streams
REPLAY_HEADER = "# red-heat replay v1: one 'held-mask-hex count' run per line"
REPLAY_HEADER_2P = ("# red-heat replay v2: one 'held-mask-hex count' run per line; "
                    "player 2's mask in the high 16 bits")


class ReplayError(Exception):
    def __init__(self, path: str | os.PathLike, problem: str) -> None:
        self.path = str(path)
        super().__init__(f"{path}: {problem}")


def encode_replay(masks: Iterable[int], notes: Iterable[str] = ()) -> str:
    """Run-length text: each line is a held mask in hex and how many steps it lasts (`notes`: comment lines
    after the header, such as the seed it replays with)."""
    runs = [(mask, len(list(run))) for mask, run in groupby(masks)]  # (C loops: a 4-hour replay in ms)
    header = REPLAY_HEADER_2P if any(mask >> P2_SHIFT for mask, _ in runs) else REPLAY_HEADER
    lines = [header] + [f"# {note}" for note in notes] + [f"{mask:x} {count}" for mask, count in runs]
    return "\n".join(lines) + "\n"


def decode_replay(text: str, path: str | os.PathLike = "<replay>") -> list[int]:
    """The mask of every step; ReplayError naming the line for a bad run or a run past the step limit."""
    masks: list[int] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        count_ok = len(parts) == 2 and parts[1].isascii() and parts[1].isdigit() and len(parts[1]) <= 12
        if not count_ok or not _is_hex(parts[0]):  # ASCII digits: int() would take '١' and refuse '²'
            raise ReplayError(path, f"line {number}: expected 'MASK COUNT', got {line[:60]!r}")
        mask, count = int(parts[0], 16), int(parts[1])
        if mask & ~ALL_BITS:
            raise ReplayError(path, f"line {number}: mask {parts[0]} has bits no action uses "
                              f"(one player's actions are {PLAYER_ACTION_BITS:x}, player 2's "
                              f"{PLAYER_ACTION_BITS << P2_SHIFT:x})")
        if len(masks) + count > REPLAY_MAX_STEPS:
            raise ReplayError(path, f"line {number}: the replay runs past {REPLAY_MAX_STEPS} steps "
                              "(four hours of game time), the most a replay may hold")
        masks.extend([mask] * count)
    return masks


def _is_hex(text: str) -> bool:
    return 0 < len(text) <= 8 and all(c in "0123456789abcdefABCDEF" for c in text)


def load_replay(path: str | os.PathLike) -> list[int]:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(REPLAY_MAX_BYTES + 1)
    except FileNotFoundError:
        raise ReplayError(path, "file not found") from None
    except IsADirectoryError:
        raise ReplayError(path, "is a folder, not a replay file") from None
    except OSError as exc:
        raise ReplayError(path, f"cannot read: {exc.strerror or exc}") from None
    if len(raw) > REPLAY_MAX_BYTES:
        raise ReplayError(path, f"larger than {REPLAY_MAX_BYTES >> 20} MB, the most a replay file may be")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ReplayError(path, "not a text file (not UTF-8)") from None
    return decode_replay(text, path)


def save_replay(path: str | os.PathLike, masks: Iterable[int], notes: Iterable[str] = ()) -> None:
    """Written atomically so a crash never leaves half a replay (nor a stray temp file on an error)."""
    atomic_write_text(Path(path), encode_replay(masks, notes))
