"""`autoplay LEVEL --persona P`: run a level by a persona, whatever its kind, and the persona table.

The mode registry (game.modes.registry) says which mode plays the map; that mode's `personas` plays it.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from game.modes.personas import PersonaRun
from game.modes.registry import mode_of
from game.world.tilemap import LevelError, TileMap, load_tilemap

log = logging.getLogger(__name__)


def run_persona(tilemap: TileMap, persona: str, difficulty: str = "normal", seed: int = 0, tries: int = 1,
                max_steps: int = 60 * 60 * 10) -> PersonaRun:
    """Up to `tries` tries of one level by one persona, headless and deterministic."""
    mode = mode_of(tilemap)
    if mode.personas is None:
        raise LevelError(tilemap.path, f"the {mode.kind} mode has no personas")
    return mode.personas(tilemap, persona, difficulty=difficulty, seed=seed, tries=tries, max_steps=max_steps)


def persona_table(levels: Iterable[Path], personas: Iterable[str], difficulties: Iterable[str],
                  tries: int = 10, seed: int = 0) -> list[tuple[str, str, str, PersonaRun]]:
    """Rows of (level, persona, difficulty, run) for the closing notes' table."""
    rows = []
    for path in levels:
        tilemap = load_tilemap(path)
        for persona in personas:
            for difficulty in difficulties:
                rows.append((Path(path).stem, persona, difficulty,
                             run_persona(tilemap, persona, difficulty, seed=seed, tries=tries)))
    return rows
