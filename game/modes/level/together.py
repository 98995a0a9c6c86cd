"""Whether Ridzik leaves with Danko: an exit with `partner` = true (Cat's trap) is taken only when Ridzik
is on his feet beside Danko; knocked out, he must be helped up first (hold Confirm beside him)."""
from __future__ import annotations

import logging
import math

from game.modes.level.state import LevelState

log = logging.getLogger(__name__)

BESIDE = 64.0  # px between their feet: close enough to go through the door together


def beside(level: LevelState) -> bool:
    """Ridzik is on his feet within BESIDE of Danko (always true where the level has no partner)."""
    r = level.partner
    if r is None:
        return True
    if r.out or r.state == "down":
        return False
    px, py = level.player.body.feet
    rx, ry = r.body.feet
    return math.hypot(px - rx, py - ry) <= BESIDE


def waiting_at(level: LevelState) -> object | None:
    """The open exit Danko stands in that waits for Ridzik, if any (the HUD says why he is not out)."""
    if level.partner is None or beside(level):
        return None
    box = level.player.body.box
    for x in level.spec.exits:
        if x.partner and x.rect.contains_box(box) and level.flag_met(x.requires_flag):
            return x
    return None
