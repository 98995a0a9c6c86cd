"""Which traffic cars drive this step: the ones near the player, found without testing every car each step.

A car out of the player's radius waits, frozen (nothing moves it). So one found further out than the radius
by more than `SLEEP` px sleeps until the player has travelled (the sum of |dx| + |dy| of its moves: at
least as far as any straight line) nearly that far beyond it, 1 px short: it cannot come within the radius
before. The cars awake are tested every step exactly as the plain scan tests them, in the same order.
"""
from __future__ import annotations

import heapq
import logging
import math
from typing import Any, Sequence

log = logging.getLogger(__name__)

SLEEP = 16.0  # px beyond the radius a car must stand to sleep (closer ones are tested every step)


class NearPlayer:
    """`active(traffic, px, py)`: the (car, driver) pairs of `traffic` whose car lies within `radius` of
    (px, py). Another list (or one of another length) starts it afresh, every car awake."""

    def __init__(self, radius: float) -> None:
        self.radius = radius
        self.traffic: Sequence[tuple[Any, Any]] = ()
        self.count = 0
        self.awake: set[int] = set()
        self.asleep: list[tuple[float, int]] = []  # (travel at which it is tested again, its index): a heap
        self.travel = 0.0
        self.last: tuple[float, float] | None = None
        self.found: list[tuple[Any, Any]] = []  # the last answer: every car out of it stood at least the radius off
        self.cars: list[Any] | None = None  # its cars, once `near` has asked
        self.pad: float | None = None  # the most a car reaches past a look's corridor: longest + half widest + 1 px

    def active(self, traffic: Sequence[tuple[Any, Any]], px: float, py: float) -> list[tuple[Any, Any]]:
        if traffic is not self.traffic or len(traffic) != self.count:
            self.traffic, self.count = traffic, len(traffic)
            self.awake, self.asleep, self.last = set(range(self.count)), [], None
            self.pad = None
        if self.last is not None:
            self.travel += abs(px - self.last[0]) + abs(py - self.last[1])
        self.last = (px, py)
        asleep, travel, awake = self.asleep, self.travel, self.awake
        while asleep and asleep[0][0] <= travel:
            awake.add(heapq.heappop(asleep)[1])
        radius = self.radius
        r2, box = radius ** 2, radius + 1.0  # further than box along an axis: out, whatever rounds
        out = []
        for k in sorted(awake):
            pair = self.traffic[k]
            car = pair[0]
            dx, dy = car.x - px, car.y - py
            if -box < dx < box and -box < dy < box and dx ** 2 + dy ** 2 < r2:
                out.append(pair)
                continue
            slack = math.hypot(dx, dy) - radius
            if slack > SLEEP:
                awake.discard(k)
                heapq.heappush(asleep, (travel + slack - 1.0, k))
        self.found, self.cars = out, None
        return out

    def near(self, traffic: Sequence[tuple[Any, Any]], x: float, y: float, across: float) -> list[Any] | None:
        """The cars of the last answer, when no other car of `traffic` can reach a look ahead from (x, y)
        that tests the cars whose centre lies within `across` + `pad` of it: every other car stood at least the
        radius off where the last answer was asked (less 1 px: rounding) and stands there still (traffic out
        of the radius waits, frozen, and nothing pushes it); one list per answer: read it, do not change it. None
        when that cannot be told (or `traffic` is not the list last asked about): ask every car."""
        last, pad = self.last, self.pad
        if traffic is not self.traffic or len(traffic) != self.count:
            return None
        if pad is None:
            pad = self.pad = max((c.spec.length + c.spec.width / 2 for c, _ in self.traffic), default=0.0) + 1.0
        if last is None or math.hypot(x - last[0], y - last[1]) + across + pad >= self.radius - 1.0:
            return None
        if self.cars is None:  # once per answer
            self.cars = [car for car, _ in self.found]
        return self.cars
