"""Drawing a level between two steps: the fighters, walkers, buses and the camera where they were `alpha`
of the way from the last step to the one before the next, on a display that does not refresh at the
step rate (the chase's `Smoother`, game.modes.chase.smooth, with the level's movers). View layer only:
the poses are put back bit for bit after drawing, so the simulation never sees them.
"""
from __future__ import annotations

import logging
from typing import Any

from game.modes.chase.smooth import Smoother

log = logging.getLogger(__name__)


class LevelSmoother(Smoother):
    def movers(self, sim: Any) -> list[Any]:
        out = [sim.player.body] + [e.body for e in sim.live] + list(sim.npcs) + list(sim.buses)
        if sim.partner is not None:
            out.append(sim.partner.body)
        return out

    def turners(self, sim: Any, movers: list[Any]) -> list[Any]:
        return list(sim.buses)  # the fighters and walkers have no heading
