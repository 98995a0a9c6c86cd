"""`autoplay LEVEL --persona P`: run a level by a persona, whatever its kind, and the persona table.

Dispatches on the level's kind (the map property `mode`: chase, puzzle, or an action level) to the
mode package's `personas.play`.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from game.modes.personas import PersonaRun
from game.world.tilemap import TileMap, load_tilemap

log = logging.getLogger(__name__)


def kind_of(tilemap: TileMap) -> str:
    mode = tilemap.properties.get("mode")
    return str(mode) if mode in ("chase", "puzzle") else "action"


def run_persona(tilemap: TileMap, persona: str, difficulty: str = "normal", seed: int = 0, tries: int = 1,
                max_steps: int = 60 * 60 * 10) -> PersonaRun:
    """Up to `tries` tries of one level by one persona, headless and deterministic."""
    kind = kind_of(tilemap)
    if kind == "chase":
        from game.modes.chase.personas import play
    elif kind == "puzzle":
        from game.modes.puzzle.personas import play
    else:
        from game.modes.level.personas import play
    return play(tilemap, persona, difficulty=difficulty, seed=seed, tries=tries, max_steps=max_steps)


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
