"""Paths along the streets and the AI drivers that follow them: civilian traffic and Rostavili's bus.

Pure logic on the fixed step (map pixels and steps). A driver looks at its vehicle and the others and
returns a `Control`; all randomness comes from the generator it is handed.
"""
from __future__ import annotations

import bisect
import logging
import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from game.actors.nearby import Nearby
from game.actors.vehicles import Control, Vehicle, angle_diff

log = logging.getLogger(__name__)

PI, TAU = math.pi, 2 * math.pi
SWERVES = (0.0, 12.0, -12.0, 24.0, -24.0)  # px beside his route he may swing to pass, nearest first
_new_tuple = tuple.__new__
CELL = 32.0  # px: the squares Path.project keeps its candidate spans for
_floor = math.floor


@dataclass(frozen=True, slots=True)
class Path:
    """A polyline with cumulative lengths, for following and for distance along the route."""

    points: tuple[tuple[float, float], ...]
    loop: bool = False
    segments: tuple[tuple[tuple[float, float], tuple[float, float]], ...] = field(init=False, repr=False)
    cumulative: tuple[float, ...] = field(init=False, repr=False)
    # per segment: x0, y0, dx, dy, squared length, length, distance at its start and at its end
    spans: tuple[tuple[float, ...], ...] = field(init=False, repr=False, compare=False)
    # per CELL-px square of the map (by x // CELL, y // CELL): the spans that may hold a point's nearest
    near: dict[tuple[float, float], tuple[tuple[float, ...], ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        if len(self.points) < 2:
            raise ValueError("a path needs at least two points")
        pts = list(self.points) + ([self.points[0]] if self.loop else [])
        segments = tuple(zip(pts[:-1], pts[1:]))
        cum = [0.0]
        for (x0, y0), (x1, y1) in segments:
            cum.append(cum[-1] + math.hypot(x1 - x0, y1 - y0))
        object.__setattr__(self, "segments", segments)
        object.__setattr__(self, "cumulative", tuple(cum))
        spans = []
        for i, ((x0, y0), (x1, y1)) in enumerate(segments):
            sx, sy = x1 - x0, y1 - y0
            seg2 = sx * sx + sy * sy
            spans.append((x0, y0, sx, sy, seg2, math.sqrt(seg2), cum[i], cum[i + 1]))
        object.__setattr__(self, "spans", tuple(spans))

    @property
    def length(self) -> float:
        return self.cumulative[-1]

    def project(self, x: float, y: float, hint: float | None = None, window: float = 400.0) -> float:
        """Distance along the path of the nearest point to (x, y), searching near `hint` if given."""
        if hint is not None and not self.loop:  # the spans that reach into [hint - window, hint + window]:
            cum = self.cumulative  # from the first ending at or after its start to the last starting at or
            lo = bisect.bisect_left(cum, hint - window, 1) - 1  # before its end (a NaN hint: every span)
            return self._nearest(x, y, self.spans[lo:bisect.bisect_right(cum, hint + window, 0, len(cum) - 1)])
        try:  # the whole path: only the spans that may be nearest in x, y's square
            key = (_floor(x / CELL), _floor(y / CELL))  # x // CELL, y // CELL as ints (CELL: a power of two)
        except (ValueError, OverflowError):  # a NaN or endless x or y: the square of its float quotient
            key = (x // CELL, y // CELL)
        spans = self.near.get(key)
        if spans is None:
            spans = self._may_be_nearest(key)
        return self._nearest(x, y, spans)

    def _may_be_nearest(self, key: tuple[float, float]) -> tuple[tuple[float, ...], ...]:
        """The spans that may hold the nearest point of any point in the square `key` (see `near`), in
        order: all but those further from its centre than the nearest one plus the square's diagonal
        and 1 px (from any point in it they lie further than the nearest by over 1 px: never picked)."""
        cx, cy = (key[0] + 0.5) * CELL, (key[1] + 0.5) * CELL
        if not (math.isfinite(cx) and math.isfinite(cy)):
            return self.spans
        far = []
        for x0, y0, sx, sy, seg2, *_ in self.spans:
            t = 0.0 if seg2 == 0 else max(0.0, min(1.0, ((cx - x0) * sx + (cy - y0) * sy) / seg2))
            far.append(math.hypot(x0 + sx * t - cx, y0 + sy * t - cy))
        limit = min(far) + CELL * math.sqrt(2.0) + 1.0
        if len(self.near) > 65536:  # a map's worth of squares at most, in play
            self.near.clear()
        found = self.near[key] = tuple(span for span, d in zip(self.spans, far) if d <= limit)
        return found

    def _nearest(self, x: float, y: float, spans: Sequence[tuple[float, ...]]) -> float:
        """The distance along the path of the nearest point to (x, y) on `spans` (the first, on a tie)."""
        best_d, best_s = math.inf, 0.0
        for x0, y0, sx, sy, seg2, root, start, end in spans:
            if seg2 == 0:
                t = 0.0
            else:  # clamped into [0, 1] (as max(0.0, min(1.0, t)) does, ties alike)
                t = ((x - x0) * sx + (y - y0) * sy) / seg2
                t = t if t < 1.0 else 1.0
                t = t if t > 0.0 else 0.0
            px, py = x0 + sx * t, y0 + sy * t
            d = (px - x) ** 2 + (py - y) ** 2
            if d < best_d:
                best_d, best_s = d, start + t * root
        return best_s

    def point_at(self, s: float) -> tuple[float, float]:
        cum = self.cumulative
        total = cum[-1]
        if self.loop:
            s = s % total
        elif s <= 0.0:
            s = 0.0
        elif s > total:
            s = total
        spans = self.spans
        i = bisect.bisect_right(cum, s) - 1  # >= 0: cum[0] is 0.0 and s is not below it
        if i >= len(spans):
            i = len(spans) - 1
        x0, y0, sx, sy, _, _, start, end = spans[i]
        seg = end - start
        t = 0.0 if seg == 0 else (s - start) / seg
        return (x0 + sx * t, y0 + sy * t)

    def direction_at(self, s: float) -> float:
        a = self.point_at(s - 4.0)
        b = self.point_at(s + 4.0)
        return math.atan2(b[1] - a[1], b[0] - a[0])

    def _straight(self, s: float, distance: float) -> int:
        """The segment every point `turn_ahead(s, distance)` samples lies on, or -1 if they are not on one."""
        lo, hi = s + distance / 5 - 4.0, s + distance + 4.0  # the first and last points it samples
        lo = lo if lo < s + 4.0 else s + 4.0
        hi = hi if hi > s + 12.0 else s + 12.0
        cum = self.cumulative
        if 0.0 <= lo and hi <= cum[-1]:
            i = bisect.bisect_right(cum, lo) - 1
            if i + 1 < len(cum) and hi <= cum[i + 1]:
                return i
        return -1

    def ahead(self, s: float, lookahead: float, distance: float, limit: float) -> tuple[float, float, bool]:
        """`point_at(s + lookahead)` and `turns_over(s, distance, limit)` in one call. Where the points the turn
        is sampled at lie on one segment and the point ahead lies inside it (along most of a street), that
        point is worked out on it as point_at works it out (the same segment, the same t)."""
        i = self._straight(s, distance)
        if i < 0:
            return (*self.point_at(s + lookahead), self.turns_over(s, distance, limit))
        at, (x0, y0, sx, sy, _, _, start, end) = s + lookahead, self.spans[i]
        if not start < at < end:  # (inside it, point_at's at % length on a loop is at itself)
            return (*self.point_at(at), 0.0 > limit)
        t = (at - start) / (end - start)
        return x0 + sx * t, y0 + sy * t, 0.0 > limit

    def turn_ahead(self, s: float, distance: float) -> float:
        """Largest heading change between here and `distance` further on (radians). 0.0 when every point
        it samples lies on one straight segment (measured there it is rounding noise, 1e-16 at most, and
        the drivers only compare it with thresholds): most of a street, without twelve point lookups."""
        if self._straight(s, distance) >= 0:
            return 0.0
        h0, *rest = self.directions((s + 8.0, s + distance * 1 / 5, s + distance * 2 / 5, s + distance * 3 / 5,
                                     s + distance * 4 / 5, s + distance * 5 / 5))
        worst = 0.0
        for h in rest:  # max(worst, abs(angle_diff(h, h0))), the same pick
            turn = abs((h - h0 + PI) % TAU - PI)
            if turn > worst:
                worst = turn
        return worst

    def directions(self, places: Sequence[float]) -> list[float]:
        """`direction_at` of each of `places`, its points looked up here (the same arithmetic)."""
        cum, spans, loop = self.cumulative, self.spans, self.loop
        total, last = cum[-1], len(spans) - 1
        bisect_right, atan2 = bisect.bisect_right, math.atan2
        out = []
        for mid in places:
            ends = []
            for s in (mid - 4.0, mid + 4.0):  # point_at(s), written out
                if loop:
                    s = s % total
                elif s <= 0.0:
                    s = 0.0
                elif s > total:
                    s = total
                i = bisect_right(cum, s) - 1
                if i > last:
                    i = last
                x0, y0, sx, sy, _, _, start, end = spans[i]
                seg = end - start
                t = 0.0 if seg == 0 else (s - start) / seg
                ends.append((x0 + sx * t, y0 + sy * t))
            (ax, ay), (bx, by) = ends
            out.append(atan2(by - ay, bx - ax))
        return out

    def turns_over(self, s: float, distance: float, limit: float) -> bool:
        """`turn_ahead(s, distance) > limit`, stopping at the first sampled heading that turns more
        than `limit` (the largest is over it exactly when one is) and with the points looked up here."""
        if self._straight(s, distance) >= 0:  # turn_ahead's shortcut
            return 0.0 > limit
        point, atan2 = self.point_at, math.atan2
        mid = s + 8.0
        a, b = point(mid - 4.0), point(mid + 4.0)  # direction_at(s + 8.0)
        h0 = atan2(b[1] - a[1], b[0] - a[0])
        for k in range(1, 6):
            mid = s + distance * k / 5
            a, b = point(mid - 4.0), point(mid + 4.0)
            if abs((atan2(b[1] - a[1], b[0] - a[0]) - h0 + PI) % TAU - PI) > limit:  # abs(angle_diff(h, h0))
                return True
        return 0.0 > limit


def pursue(v: Vehicle, tx: float, ty: float, want_speed: float) -> Control:
    """Pure-pursuit steering toward (tx, ty) with a speed controller."""
    h = v.heading
    err = (math.atan2(ty - v.y, tx - v.x) - h + math.pi) % TAU - math.pi  # angle_diff(bearing, h)
    speed = v.vx * math.cos(h) + v.vy * math.sin(h)  # v.speed
    if speed < -0.1:
        err = -err
    steer = err * 2.2
    steer = steer if steer < 1.0 else 1.0  # clamped into [-1, 1] as max(-1.0, min(1.0, x)) does
    steer = steer if steer > -1.0 else -1.0
    throttle = (want_speed - speed) * 4.0
    throttle = throttle if throttle < 1.0 else 1.0
    throttle = throttle if throttle > -1.0 else -1.0
    return _new_tuple(Control, (throttle, steer))  # Control(throttle, steer) in one call (make_control)


def _looking(v: Vehicle, others: Sequence[Vehicle], across: float,
             parked: Nearby | None) -> tuple[float, float, float, float, Sequence[Vehicle]]:
    """Where `v` stands, its heading's cosine and sine, and what a look ahead of it tests: `others`, and those
    of `parked` whose centre lies within `across` (reach + corridor half width + the largest offset) and the
    parked cars' pad of v's on both axes (a vehicle in the corridor does, +1 px: rounding)."""
    h = v.heading
    x, y = v.x, v.y
    if parked is not None:
        near = parked.around(x, y, across + parked.pad, id(v))
        if near:
            others = [*others, *near]
    return x, y, math.cos(h), math.sin(h), others


def gap_ahead(v: Vehicle, others: Sequence[Vehicle], reach: float, half_width: float,
              offset: float = 0.0, parked: Nearby | None = None) -> float:
    """Distance to the nearest vehicle in a corridor ahead of `v`, shifted `offset` px to its right,
    among `others` and those of `parked` near enough to be in it: `gaps_ahead` for one offset, in one pass
    (the same tests on the same floats, the nearest kept as it goes)."""
    x, y, h = v.x, v.y, v.heading  # _looking(v, others, reach + half_width + abs(offset), parked), written out
    if parked is not None:
        near = parked.around(x, y, reach + half_width + abs(offset) + parked.pad, id(v))
        if near:
            others = [*others, *near]
    fx, fy, half = math.cos(h), math.sin(h), v.spec.length / 2
    nearest = math.inf
    for o in others:  # v itself is 0.0 along (NaN off the map): never ahead
        ox, oy = o.x, o.y
        along = (ox - x) * fx + (oy - y) * fy
        if along > 0:  # ahead (about half are behind: for them only this is worked out)
            spec = o.spec
            if along <= reach + spec.length:  # within reach: as gaps_ahead's two tests
                dx, dy = ox - x, oy - y
                touch = half_width + spec.width / 2  # across its right, (-sin, cos), as gaps_ahead measures it
                if -touch < (dx * -fy + dy * fx) - offset < touch and along - half - spec.length / 2 < nearest:
                    nearest = along - half - spec.length / 2
    return nearest


def gaps_ahead(v: Vehicle, others: Sequence[Vehicle], reach: float, half_width: float,
               offsets: Sequence[float], parked: Nearby | None = None) -> list[float]:
    """`gap_ahead` for each of `offsets`, the vehicles ahead found once."""
    spread = abs(offsets[0]) if len(offsets) == 1 else max(map(abs, offsets))
    x, y, fx, fy, others = _looking(v, others, reach + half_width + spread, parked)
    half = v.spec.length / 2
    ahead = []  # (sideways offset, corridor half width that touches it, gap) of each vehicle ahead
    for o in others:  # v itself is 0.0 along: never ahead (nor is one NaN along, which no corridor holds)
        ox, oy = o.x, o.y
        along = (ox - x) * fx + (oy - y) * fy
        if along > 0:
            spec = o.spec
            if along <= reach + spec.length:
                dx, dy = ox - x, oy - y  # across its right, (-sin, cos): -fy is exactly -sin(h)
                ahead.append((dx * -fy + dy * fx, half_width + spec.width / 2, along - half - spec.length / 2))
    if not ahead:
        return [math.inf] * len(offsets)
    gaps = []
    for offset in offsets:
        nearest = math.inf
        for side, touch, gap in ahead:
            if -touch < side - offset < touch and gap < nearest:  # abs(side - offset) < touch
                nearest = gap
        gaps.append(nearest)
    return gaps


@dataclass(slots=True)
class LaneDriver:
    """Civilian traffic: follow a lane polyline at a cruising speed, keep a gap to what is ahead."""

    path: Path
    s: float = 0.0
    cruise: float = 1.8
    lookahead: float = 30.0

    def control(self, v: Vehicle, others: Sequence[Vehicle], parked: Nearby | None = None) -> Control:
        """Steer along the lane; what may block it: `others`, and the near ones of `parked`."""
        path = self.path
        self.s = s = path.project(v.x, v.y, self.s)
        tx, ty, bend = path.ahead(s, self.lookahead, 48.0, 0.6)  # point_at(s + lookahead), turns_over(s, ...)
        want = self.cruise
        if bend:
            want = min(want, 1.2)  # slow for a corner
        gap = gap_ahead(v, others, 70.0, v.spec.width / 2, 0.0, parked)
        if gap < 70.0:
            want = min(want, max(0.0, (gap - 10.0) / 30.0))
        return pursue(v, tx, ty, want)


@dataclass(slots=True)
class RouteDriver:
    """Rostavili at the wheel: drive the route, slow for corners, swerve, keep just ahead of the player."""

    path: Path
    s: float = 0.0
    base_speed: float = 3.0
    swerve: float = 0.0           # current lateral offset from the route, px
    swerve_target: float = 0.0
    swerve_timer: int = 0
    forced_speed: float | None = None  # the scripted final run to the crossing
    stuck: int = 0                # steps spent wanting to go but not moving
    unstick: int = 0              # steps left of backing out of a jam

    def control(self, v: Vehicle, others: Sequence[Vehicle], player: Vehicle | None,
                rng: np.random.Generator, parked: Nearby | None = None) -> Control:
        """Drive his route; what may block it: `others`, and the near ones of `parked`."""
        self.s = self.path.project(v.x, v.y, hint=self.s)
        # Swerve now and then, and around whatever blocks the lane ahead.
        self.swerve_timer -= 1
        if self.swerve_timer <= 0:
            self.swerve_timer = int(rng.integers(70, 160))
            self.swerve_target = float(rng.choice([-12.0, -6.0, 0.0, 6.0, 12.0]))
        # Whatever blocks the way ahead, he swings into the clearest line (traffic does not stop him).
        blockers = [o for o in others if o is not player and o is not v]
        reach = 100.0
        half = v.spec.width / 2 + 2
        first, *gaps = gaps_ahead(v, blockers, reach, half, (self.swerve_target,) + SWERVES, parked)
        if first < reach:
            options = SWERVES
            best = max(range(len(options)), key=lambda i: (min(gaps[i], reach), -abs(options[i])))
            self.swerve_target = options[best]
            self.swerve_timer = max(self.swerve_timer, 40)
        ease = self.swerve_target - self.swerve  # max(-0.6, min(0.6, ease)), as conditionals: the same picks
        ease = ease if ease < 0.6 else 0.6
        self.swerve += ease if ease > -0.6 else -0.6
        nose = v.heading  # v stands still while he decides: his speed (v.speed's arithmetic) worked out once
        speed = v.vx * math.cos(nose) + v.vy * math.sin(nose)
        onward = speed if not speed < 0.0 else 0.0  # max(speed, 0.0), the same pick (-0.0 kept)
        look = 36.0 + 10.0 * onward
        tx, ty = self.path.point_at(self.s + look)
        h = self.path.direction_at(self.s + look)
        tx += -math.sin(h) * self.swerve
        ty += math.cos(h) * self.swerve

        want = self.base_speed * (1.0 - 0.35 * v.damage / 100.0)
        turn = self.path.turn_ahead(self.s, 40.0 + 30.0 * onward)
        if turn > 0.5:
            want = min(want, max(1.6, 2.8 - 1.1 * turn))
        if player is not None:
            # Rubber band: he eases off when far ahead and floors it when rammed from behind.
            dist = math.hypot(player.x - v.x, player.y - v.y)
            if dist > 200:
                want = min(want, 2.0)
            elif dist < 70:
                want = min(v.spec.max_speed, want + 0.4)
        if self.forced_speed is not None:
            want = self.forced_speed
        # Wedged against something: back up with the wheel the other way, then try again.
        self.stuck = self.stuck + 1 if (want > 1.0 and abs(speed) < 0.3) else 0
        if self.stuck > 40:
            self.unstick, self.stuck = 36, 0
        if self.unstick > 0:
            self.unstick -= 1
            err = angle_diff(math.atan2(ty - v.y, tx - v.x), v.heading)
            return Control(throttle=-1.0, steer=-1.0 if err > 0 else 1.0)
        return pursue(v, tx, ty, want)
