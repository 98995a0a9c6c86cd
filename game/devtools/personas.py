"""`autoplay LEVEL --persona P`: run a level by a persona, whatever its kind (the table: personatable.py).

The mode registry (game.modes.registry) says which mode plays the map; that mode's `personas` plays it.
"""
from __future__ import annotations

import logging

from game.modes.personas import PersonaRun
from game.modes.registry import mode_of
from game.world.tilemap import LevelError, TileMap

log = logging.getLogger(__name__)


def run_persona(tilemap: TileMap, persona: str, difficulty: str = "normal", seed: int = 0, tries: int = 1,
                max_steps: int = 60 * 60 * 10) -> PersonaRun:
    """Up to `tries` tries of one level by one persona, headless and deterministic."""
    mode = mode_of(tilemap)
    if mode.personas is None:
        raise LevelError(tilemap.path, f"the {mode.kind} mode has no personas")
    return mode.personas(tilemap, persona, difficulty=difficulty, seed=seed, tries=tries, max_steps=max_steps)

