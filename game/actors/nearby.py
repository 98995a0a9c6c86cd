"""Which of a few vehicles that stand still for a while (parked cars, barriers) lie near a point.

An index sorted along x, for the chase's broad phase: a driver looking for what blocks its lane and
the vehicle-vehicle pushes ask it instead of testing every parked car. It holds the positions it was
built from: rebuild it after any of its vehicles has moved.
"""
from __future__ import annotations

import bisect
import logging
from typing import Any, Callable, Sequence

from game.actors.vehicles import Vehicle

log = logging.getLogger(__name__)


KEEP = 64.0  # px a kept answer reaches beyond the square asked for: reused while its asker moves that far


class Nearby:
    """The vehicles of a list indexed by their centre's x; `longest`/`widest` bound any one's box."""

    __slots__ = ("vehicles", "xs", "order", "by_x", "longest", "widest", "pad", "kept", "kept_indices")

    def __init__(self, vehicles: Sequence[Vehicle]) -> None:
        self.vehicles = list(vehicles)
        ranked = sorted((v.x, k) for k, v in enumerate(self.vehicles))
        self.xs = [x for x, _ in ranked]
        self.order = [k for _, k in ranked]
        self.by_x = [self.vehicles[k] for k in self.order]
        self.longest = max((v.spec.length for v in self.vehicles), default=0.0)
        self.widest = max((v.spec.width for v in self.vehicles), default=0.0)
        self.pad = self.longest + self.widest / 2 + 1.0  # reach of any one past a corridor's edges, +1 px
        # per asker: the kept square's bounds 1 px inside (x0, y0, x1, y1), its answer, and where it was asked
        self.kept: dict[int, tuple[Any, ...]] = {}
        self.kept_indices: dict[int, tuple[Any, ...]] = {}

    def around(self, x: float, y: float, radius: float, asker: int | None = None) -> list[Vehicle]:
        """The vehicles whose centre lies within `radius` of (x, y) along both axes, in no set order;
        with `asker` (one key per asker, such as a vehicle's id) perhaps a few more: a wider answer is
        kept for it and given again while the square asked for stays inside the kept one."""
        if asker is None:
            return self._around(x, y, radius)
        k = self.kept.get(asker)
        if k is not None and k[0] <= x - radius and x + radius <= k[2] and k[1] <= y - radius and y + radius <= k[3]:
            return k[4]
        return _keep(self.kept, asker, x, y, radius, self._around)

    def _around(self, x: float, y: float, radius: float) -> list[Vehicle]:
        xs = self.xs
        lo, hi = bisect.bisect_left(xs, x - radius), bisect.bisect_right(xs, x + radius)
        return [v for v in self.by_x[lo:hi] if -radius <= v.y - y <= radius] if lo < hi else []

    def near_indices(self, x: float, y: float, radius: float, asker: int | None = None) -> list[int]:
        """`around` as positions in the list, ascending; with `asker`, perhaps a few more, as `around`
        keeps them (the list given is the kept one: read it, do not change it)."""
        if asker is not None:
            k = self.kept_indices.get(asker)
            if k is not None and k[0] <= x - radius and x + radius <= k[2] and k[1] <= y - radius and y + radius <= k[3]:
                return k[4]
            return _keep(self.kept_indices, asker, x, y, radius, self.near_indices)
        xs = self.xs
        lo, hi = bisect.bisect_left(xs, x - radius), bisect.bisect_right(xs, x + radius)
        if lo >= hi:
            return []
        vehicles = self.vehicles
        ks = [k for k in self.order[lo:hi] if -radius <= vehicles[k].y - y <= radius]
        if len(ks) > 1:
            ks.sort()
        return ks


def _keep(store: dict[int, Any], asker: int, x: float, y: float, radius: float,
          find: Callable[[float, float, float], Any]) -> Any:
    """`find(x, y, radius + KEEP)`, kept for `asker` with its square's bounds 1 px inside (whatever the
    rounding, a square asked for within them holds nothing the kept answer lacks)."""
    wide = radius + KEEP
    found = find(x, y, wide)
    store[asker] = (x - wide + 1.0, y - wide + 1.0, x + wide - 1.0, y + wide - 1.0, found, x, y)
    return found
