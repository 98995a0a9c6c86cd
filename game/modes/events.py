"""What a mode's simulation tells its scene happened in one step: typed, frozen events shared by every mode.

A simulation appends these to its `events` list during `step()` (the list is emptied at the start of
each step); scenes, the HUD and the developer tools read them and never write back. Events carry no
behaviour and are not part of `state_hash()`: presenting them is the scene's business.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Union

log = logging.getLogger(__name__)


# --- any mode --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sound:
    """Play the named sound effect (the level scene maps sim names to files)."""
    name: str


# --- the fight on foot (level) ---------------------------------------------------------------------
@dataclass(frozen=True)
class Dialogue:
    """Show the dialogue lines `key` of story beat `beat` (the scene pauses the level meanwhile)."""
    beat: str
    key: str


@dataclass(frozen=True)
class ObjectiveChanged:
    text: str


@dataclass(frozen=True)
class CheckpointSaved:
    """A checkpoint trigger fired: Continue after a game over resumes from here."""


@dataclass(frozen=True)
class LifeLost:
    """Danko got up again after a knockout; `lives` are left."""
    lives: int


@dataclass(frozen=True)
class EnemyHit:
    """A blow, shot or steam jet landed on an enemy at feet (x, y)."""
    enemy_id: int
    attack: str
    damage: int
    x: float
    y: float


@dataclass(frozen=True)
class PlayerHit:
    """Something hurt Danko (after the difficulty's damage multiplier)."""
    attack: str
    damage: int
    x: float
    y: float


@dataclass(frozen=True)
class Knockout:
    """An enemy's health reached zero."""
    enemy_id: int
    name: str
    x: float
    y: float


# --- the bus chase ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Scrape:
    """The player's bus started grinding along a wall."""


@dataclass(frozen=True)
class Ram:
    """The player's bus struck Rostavili's hard enough to damage it."""
    impact: float


@dataclass(frozen=True)
class Bump:
    """The player's bus struck a car or an obstacle."""
    impact: float


@dataclass(frozen=True)
class TrainCalled:
    """Rostavili reached the crossing's approach; `close` when the player was near enough to force the crash."""
    close: bool


@dataclass(frozen=True)
class Escaped:
    """Rostavili got across the rails ahead of the train."""


@dataclass(frozen=True)
class Crashed:
    """Rostavili's bus hit the train."""


@dataclass(frozen=True)
class LostSight:
    """Rostavili stayed off screen too long: the chase is lost."""


# --- the locksmith's puzzle ------------------------------------------------------------------------
@dataclass(frozen=True)
class CursorMoved:
    card: str


@dataclass(frozen=True)
class Picked:
    """A card was chosen; `right` when it was the board's answer."""
    card: str
    right: bool


Event = Union[Sound, Dialogue, ObjectiveChanged, CheckpointSaved, LifeLost, EnemyHit, PlayerHit, Knockout, Scrape, Ram, Bump,
              TrainCalled, Escaped, Crashed, LostSight, CursorMoved, Picked]


def of_type(events: list[Event], kind: type) -> list:
    """The events of one kind, in the order they happened."""
    return [e for e in events if isinstance(e, kind)]
