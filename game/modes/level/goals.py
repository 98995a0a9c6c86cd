"""Where the level wants Danko next: the triggers he can walk into now, else the open exits. The
autopilot walks to the nearest; the view points at them with arrows while no fight is on."""
from __future__ import annotations

import logging

from game.modes.level import escape
from game.modes.level.state import LevelState

log = logging.getLogger(__name__)


def next_goals(level: LevelState) -> list[tuple[float, float]]:
    """Centres of the unfired area triggers whose flag is set; when there are none, of the open exits
    (not those a closed way out of a timed escape has cut off)."""
    goals = [t.rect.center for t in level.spec.triggers
             if t.rect is not None and t.id not in level.fired
             and level.flag_met(t.requires_flag)]
    if goals:
        return goals
    run = escape.of(level)
    cut = set(run.cut_exits) if run is not None else set()
    return [x.rect.center for x in level.spec.exits
            if level.flag_met(x.requires_flag) and x.id not in cut]
