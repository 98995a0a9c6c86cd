"""The difficulty table: how hard each named difficulty makes a level (damage, attack tokens, lives).

The numbers are data: levels/difficulty.toml, one table per name of `game.DIFFICULTIES`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game import DIFFICULTIES
from game.content.loader import load

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Difficulty:
    name: str
    damage_taken: float   # multiplier on every hit Danko takes
    melee_tokens: int     # enemies allowed to wind up a melee attack at once
    ranged_tokens: int
    cooldown: float       # multiplier on enemy rest between attacks
    lives: int
    enemy_hp: float


def difficulties_from(table: dict[str, Any]) -> dict[str, Difficulty]:
    """The checked table of levels/difficulty.toml as records, in the order of `DIFFICULTIES`."""
    return {name: Difficulty(name, **table[name]) for name in DIFFICULTIES}


def load_difficulties(path: Path | None = None) -> dict[str, Difficulty]:
    return difficulties_from(load("difficulty", path))


DIFFICULTY: dict[str, Difficulty] = load_difficulties()


def difficulty_rank(name: str) -> int:
    """Easy 0, normal 1, hard 2: an enemy with `min_difficulty` above the played rank stays out."""
    return DIFFICULTIES.index(name)


def difficulty_named(name: str) -> Difficulty:
    """The table row for `name`; a ValueError naming the choices for anything else."""
    if name not in DIFFICULTY:
        raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTIES)}, not {name!r}")
    return DIFFICULTY[name]
