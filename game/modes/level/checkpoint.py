"""Checkpoints: a trigger with `checkpoint` = true saves the level as it stands at the end of the step it
fires in; Continue after a game over resumes there with every life and full health (R still restarts
the level from its start). A long fight is then lost a zone at a time, not all over again.

The saved level is a deep copy of the simulation that shares only what never changes while it runs (the
tile map and the level's spec); it stays out of the state hash, so replays do not see it.
"""
from __future__ import annotations

import copy
import logging
from typing import Any

from game.modes.events import CheckpointSaved
from game.modes.level.state import CALM_STEPS, LevelState

log = logging.getLogger(__name__)


def _copy(level: Any) -> Any:
    memo = {id(level.tilemap): level.tilemap, id(level.spec): level.spec, id(level.saved): None}
    return copy.deepcopy(level, memo)


def save(level: LevelState) -> None:
    """Keep the level as it stands now (called at the end of the step a checkpoint trigger fired in)."""
    level.checkpoint_due = False
    level.saved = _copy(level)
    level.emit(CheckpointSaved())
    log.debug("checkpoint at step %d (%s)", level.steps, level.objective)


def resume(level: Any) -> Any:
    """The level from its last checkpoint, every life back and a calm start; None when it has none."""
    if level.saved is None:
        return None
    back = _copy(level.saved)
    back.saved = level.saved          # a second game over comes back here again
    p = back.player
    p.lives = back.difficulty.lives
    p.respawn()
    back.calm_until = back.steps + CALM_STEPS
    back.death_timer = 0
    back.resumed = level.resumed + 1  # the lost level's count: the saved copy's is from before them
    return back
