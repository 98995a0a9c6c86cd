"""Field checks for story.toml values: types, finite ranges, positions on the stage and text limits.

Each check returns the value to use and a problem (or None). A bad optional field falls back to its
default so the rest of the story still plays; `Story.problems` keeps one message per bad field, and
`check` and `story` report them and exit 1.
"""
from __future__ import annotations

import logging
import math
from typing import Any

from game.limits import TEXT_MAX_LINE, TEXT_MAX_WORD, long_word

log = logging.getLogger(__name__)

STAGE_TILES = (32, 12)  # the cutscene stage in tiles (game.scenes.stages.STAGE_W/H; a test keeps them equal)
MAX_SECONDS = 600.0  # a wait, fade or pan
MAX_SPEED = 2000.0  # px per second for a move
MAX_NAME = 64  # characters in an id, sprite, pose, sound or speaker name


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def seconds(value: Any, default: float) -> tuple[float, str | None]:
    """A duration from 0 to MAX_SECONDS."""
    if is_number(value) and 0 <= value <= MAX_SECONDS:
        return float(value), None
    return default, f"expected seconds from 0 to {MAX_SECONDS:g}, got {_brief(value)}; using {default:g}"


def speed(value: Any, default: float) -> tuple[float, str | None]:
    """A walking speed above 0 and at most MAX_SPEED px/s (0 or less would never arrive)."""
    if is_number(value) and 0 < value <= MAX_SPEED:
        return float(value), None
    return default, f"expected a speed above 0 and at most {MAX_SPEED:g} px/s, got {_brief(value)}; using {default:g}"


def point(value: Any) -> str | None:
    """None when `value` is [x, y] in tiles on the stage, else the problem."""
    w, h = STAGE_TILES
    if isinstance(value, list) and len(value) == 2 and all(is_number(v) for v in value):
        if 0 <= value[0] < w and 0 <= value[1] < h:
            return None
        return f"[x, y] must be on the {w}x{h} stage (0 <= x < {w}, 0 <= y < {h}), got {_brief(value)}"
    return f"expected [x, y] in tiles (finite numbers), got {_brief(value)}"


def name(value: Any, default: str | None) -> tuple[str | None, str | None]:
    """A short name (sprite, pose, sound, portrait)."""
    if isinstance(value, str) and 0 < len(value) <= MAX_NAME:
        return value, None
    return default, f"expected a name of 1 to {MAX_NAME} characters, got {_brief(value)}"


MOODS = ("neutral", "angry", "hurt")  # a portrait's expressions (game.assetgen.faces.MOODS)


def mood(value: Any) -> tuple[str, str | None]:
    """A line's expression: one of MOODS (a bad one shows the neutral face)."""
    if value in MOODS:
        return value, None
    return "neutral", f"expected one of {', '.join(MOODS)}, got {_brief(value)}; using neutral"


def text(value: Any, default: str = "") -> tuple[str, str | None]:
    """Shown text: at most TEXT_MAX_LINE characters, words of at most TEXT_MAX_WORD (a longer text is
    cut at the limits, so it still shows)."""
    if not isinstance(value, str):
        return default, f"expected text, got {_brief(value)}"
    word = long_word(value)
    if len(value) <= TEXT_MAX_LINE and word is None:
        return value, None
    cut = " ".join(w[:TEXT_MAX_WORD] for w in value[:TEXT_MAX_LINE].split(" "))
    if word is not None:
        return cut, f"a word of {len(word)} characters (more than {TEXT_MAX_WORD}): {word[:20]!r}...; cut short"
    return cut, f"{len(value)} characters (more than {TEXT_MAX_LINE}); cut short"


def _brief(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."
