"""The size limits every loader checks up front, in one place (the README's "Limits" section lists them).

Each number bounds the time or memory one input file can cost before it is refused with a one-line
error: a file inside every limit loads in well under a second and renders in bounded memory.
"""
from __future__ import annotations

import json
import logging
from typing import Any

log = logging.getLogger(__name__)

# Replays: one `MASK COUNT` run per line.
REPLAY_MAX_BYTES = 16 << 20  # the file
REPLAY_MAX_STEPS = 60 * 60 * 60 * 4  # all runs together: four hours of game time at 60 steps a second
SEED_MAX = 2**32 - 1  # --seed is a whole number from 0 to this

# Levels (TMX): cells, tile size, what `render` allocates, decompressed layer data, tileset images.
MAP_MAX_CELLS = 1 << 20  # width x height, e.g. 1024 x 1024
TILE_MAX_PX = 256  # tile width and height
RENDER_MAX_PIXELS = 1 << 28  # map width x height in pixels: 16384 x 16384, 1 GiB of RGBA for `render`
IMAGE_MAX_SIDE = 16384  # tileset image width and height, read from the PNG header before decoding
IMAGE_MAX_BYTES = 64 << 20  # tileset image file

# Data files: settings.json, save.json, levels/story.toml.
DATA_MAX_BYTES = 1 << 20  # settings.json and save.json
STORY_MAX_BYTES = 4 << 20  # story.toml
MAX_DEPTH = 32  # nesting of arrays and tables/objects
TEXT_MAX_LINE = 1000  # characters in one dialogue line, summary or title
TEXT_MAX_WORD = 60  # characters in one word of such a text


def seed_arg(text: str) -> int:
    """A --seed value (argparse type): a whole number from 0 to SEED_MAX."""
    import argparse

    if not (text.isascii() and text.isdigit()) or int(text) > SEED_MAX:
        raise argparse.ArgumentTypeError(f"expected a whole number from 0 to {SEED_MAX}, got {text!r}")
    return int(text)


def max_steps_arg(text: str) -> int:
    """A --max-steps value (argparse type): a whole number from 1 to REPLAY_MAX_STEPS."""
    import argparse

    if not (text.isascii() and text.isdigit()) or not 0 < int(text) <= REPLAY_MAX_STEPS:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1 to {REPLAY_MAX_STEPS}, got {text!r}")
    return int(text)


def positive_arg(text: str) -> int:
    """A count such as --tries or --frames (argparse type): a whole number of at least 1."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def nesting_depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """Depth of nested lists/dicts in parsed data (0 for a scalar), counted without recursion;
    stops counting past `limit`."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = list(node.values())
        elif isinstance(node, (list, tuple)):
            children = list(node)
        else:
            continue
        depth += 1
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        stack.extend((child, depth) for child in children)
    return deepest


def long_word(text: str, limit: int = TEXT_MAX_WORD) -> str | None:
    """The first word of `text` longer than `limit` characters, or None."""
    for word in text.split():
        if len(word) > limit:
            return word
    return None


def toml_key(key: Any) -> str:
    """A table key as a one-line message names it: bare as TOML writes a bare key, else quoted with its
    escapes (a quoted key may hold a newline or any other character)."""
    text = str(key)
    if text and all(c.isascii() and (c.isalnum() or c in "-_") for c in text):
        return text
    return json.dumps(text)
