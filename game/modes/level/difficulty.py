"""The difficulty table: how hard each named difficulty makes a level (damage, attack tokens, lives)."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from game.actors.objects import DIFFICULTIES

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


DIFFICULTY: dict[str, Difficulty] = {
    "easy": Difficulty("easy", 0.6, 1, 1, 1.5, 5, 0.85),
    "normal": Difficulty("normal", 1.0, 2, 1, 1.0, 3, 1.0),
    "hard": Difficulty("hard", 1.3, 3, 2, 0.75, 3, 1.15),
}


def difficulty_rank(name: str) -> int:
    """Easy 0, normal 1, hard 2: an enemy with `min_difficulty` above the played rank stays out."""
    return DIFFICULTIES.index(name)


def difficulty_named(name: str) -> Difficulty:
    """The table row for `name`; a ValueError naming the choices for anything else."""
    if name not in DIFFICULTY:
        raise ValueError(f"difficulty must be one of {', '.join(DIFFICULTIES)}, not {name!r}")
    return DIFFICULTY[name]
