"""Replay files: the held mask of every step, run-length encoded as text, written atomically.

A replay holds the input alone, so feeding it back into the same level and seed reproduces the run exactly.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterable

log = logging.getLogger(__name__)


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
