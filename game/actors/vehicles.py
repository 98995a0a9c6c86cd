"""Vehicles seen from above: a heavy city bus, civilian cars, and the AI drivers that steer them.

Pure logic on the fixed step (units: map pixels and steps; no pygame, no wall clock). A vehicle is an
oriented box with a world-space velocity. Steering turns the heading (bicycle model); tyre grip then
pulls the velocity toward the heading by a bounded amount per step, so a fast bus cannot turn sharply
(the turning radius grows with the square of the speed) and keeps its momentum through a corner.

Collision against the map samples the oriented box as a lattice of points (closer than a tile) against
the same numpy solid grid the walkers use, in sub-steps of at most two pixels, so nothing tunnels
through a wall at any speed. Vehicles push each other apart along the separating axis (SAT on boxes).
"""
from __future__ import annotations

import bisect
import logging
import math
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

log = logging.getLogger(__name__)

SAMPLE_SPACING = 7.0   # px between collision sample points (less than half a 16 px tile)
SUBSTEP_PX = 2.0       # longest move tested against the grid at once
MAX_SLIP = 0.35        # most angle between nose and travel before the body follows (no spin-outs)


@dataclass(frozen=True)
class VehicleSpec:
    """Handling. Speeds in px/step, accelerations in px/step^2, angles in radians."""

    length: float = 68.0
    width: float = 24.0
    accel: float = 0.028        # a loaded bus: about two seconds to top speed
    brake: float = 0.085
    reverse_accel: float = 0.02
    max_speed: float = 3.6      # 216 px/s
    max_reverse: float = 1.1
    drag: float = 0.01          # coasting loses speed slowly: momentum
    wheelbase: float = 42.0
    max_steer: float = 0.6      # wheel angle at full lock
    steer_rate: float = 0.07    # how fast the wheel turns, per step
    grip: float = 0.065         # most lateral acceleration the tyres give: R >= v^2 / grip
    scrape: float = 0.015       # fraction of speed lost per step while grinding along a wall
    mass: float = 10.0


BUS = VehicleSpec()
CAR = VehicleSpec(length=30.0, width=15.0, accel=0.05, brake=0.12, max_speed=2.4, max_reverse=0.8,
                  drag=0.015, wheelbase=18.0, max_steer=0.65, steer_rate=0.1, grip=0.09, mass=3.0)


@dataclass(frozen=True)
class Control:
    """One step of driver input: throttle in [-1, 1] (negative brakes, then reverses), steer in [-1, 1]."""

    throttle: float = 0.0
    steer: float = 0.0


@dataclass
class Vehicle:
    x: float  # centre, map pixels
    y: float
    heading: float = 0.0  # radians, 0 = +x (east), pi/2 = +y (south, screen down)
    spec: VehicleSpec = BUS
    vx: float = 0.0
    vy: float = 0.0
    wheel: float = 0.0          # current wheel angle
    static: bool = False        # barriers: never move, infinite mass
    damage: float = 0.0         # 0..100, shown as dents and smoke
    scraping: int = 0           # steps spent grinding a wall (for sparks and sound)
    last_impact: float = 0.0    # largest impact speed this step
    prev_x: float = field(default=0.0, repr=False)
    prev_y: float = field(default=0.0, repr=False)
    prev_heading: float = field(default=0.0, repr=False)

    def __post_init__(self) -> None:
        self.prev_x, self.prev_y, self.prev_heading = self.x, self.y, self.heading

    # --- geometry ------------------------------------------------------------------------------

    @property
    def forward(self) -> tuple[float, float]:
        return (math.cos(self.heading), math.sin(self.heading))

    @property
    def right(self) -> tuple[float, float]:
        return (-math.sin(self.heading), math.cos(self.heading))

    @property
    def speed(self) -> float:
        """Signed speed along the heading (negative when reversing)."""
        fx, fy = self.forward
        return self.vx * fx + self.vy * fy

    @property
    def lateral(self) -> float:
        rx, ry = self.right
        return self.vx * rx + self.vy * ry

    def corners(self, x: float | None = None, y: float | None = None,
                heading: float | None = None) -> list[tuple[float, float]]:
        x = self.x if x is None else x
        y = self.y if y is None else y
        h = self.heading if heading is None else heading
        c, s = math.cos(h), math.sin(h)
        hl, hw = self.spec.length / 2, self.spec.width / 2
        return [(x + c * a - s * b, y + s * a + c * b)
                for a, b in ((hl, hw), (hl, -hw), (-hl, -hw), (-hl, hw))]

    def state(self) -> tuple[float, ...]:
        return (self.x, self.y, self.heading, self.vx, self.vy, self.wheel, self.damage)

    # --- driving -------------------------------------------------------------------------------

    def drive(self, control: Control) -> None:
        """Apply one step of driver input to wheel, heading and velocity (no collision here)."""
        if self.static:
            return
        spec = self.spec
        self.prev_x, self.prev_y, self.prev_heading = self.x, self.y, self.heading
        self.last_impact = 0.0
        # The wheel turns toward the requested angle at a limited rate: no instant swerves.
        target = max(-1.0, min(1.0, control.steer)) * spec.max_steer
        self.wheel += max(-spec.steer_rate, min(spec.steer_rate, target - self.wheel))

        moving = math.hypot(self.vx, self.vy)
        v = math.copysign(moving, self.speed) if moving > 1e-9 else 0.0
        motion = math.atan2(self.vy, self.vx) if moving > 1e-9 else self.heading
        if v < 0:
            motion += math.pi  # reversing: keep the angle as "where the nose would point"
        throttle = max(-1.0, min(1.0, control.throttle))
        if throttle > 0:
            if v < -0.05:
                v = min(0.0, v + spec.brake * throttle)
            else:
                v = min(spec.max_speed, v + spec.accel * throttle)
        elif throttle < 0:
            if v > 0.05:
                v = max(0.0, v + spec.brake * throttle)
            else:
                v = max(-spec.max_reverse, v + spec.reverse_accel * throttle)
        else:
            v = max(0.0, v - spec.drag) if v > 0 else min(0.0, v + spec.drag)

        # Bicycle model: the nose turns with speed and wheel angle, but never faster than grip allows.
        turn_limit = spec.grip / max(abs(v), 0.3)
        yaw = v * math.tan(self.wheel) / spec.wheelbase
        yaw = max(-1.15 * turn_limit, min(1.15 * turn_limit, yaw))
        self.heading = _wrap(self.heading + yaw)
        # Momentum: the direction of travel follows the nose only as fast as the tyres grip, so a fast
        # bus runs wide (radius >= v^2 / grip) and slides a little through the corner.
        slip = angle_diff(self.heading, motion)
        motion += max(-turn_limit, min(turn_limit, slip))
        slip = angle_diff(self.heading, motion)
        if abs(slip) > MAX_SLIP:
            self.heading = _wrap(motion + math.copysign(MAX_SLIP, slip))
        v *= 1.0 - 0.03 * min(abs(slip), MAX_SLIP)  # sliding sideways scrubs speed
        if v < 0:
            motion += math.pi
        self.vx = abs(v) * math.cos(motion)
        self.vy = abs(v) * math.sin(motion)

    def move(self, solid: np.ndarray, tile: int) -> bool:
        """Rotate then translate against the grid in small sub-steps; True when a wall was hit."""
        if self.static:
            return False
        hit = False
        if self.heading != self.prev_heading:
            before = solid_samples(solid, tile, self.prev_x, self.prev_y, self.prev_heading, self.spec)
            if solid_samples(solid, tile, self.x, self.y, self.heading, self.spec) > before:
                self.heading = self.prev_heading  # the wall stops the swing of the body
                self.wheel *= 0.5
                hit = True
        dx, dy = self.vx, self.vy
        n = max(1, math.ceil(math.hypot(dx, dy) / SUBSTEP_PX))
        sx, sy = dx / n, dy / n
        # Normally a move must end clear of walls; a body already wedged in may move to free itself.
        base = solid_samples(solid, tile, self.x, self.y, self.heading, self.spec)

        def fits(x: float, y: float) -> bool:
            count = solid_samples(solid, tile, x, y, self.heading, self.spec)
            return count == 0 or count <= base

        for _ in range(n):
            if fits(self.x + sx, self.y + sy):
                self.x += sx
                self.y += sy
                continue
            hit = True
            if sx and fits(self.x + sx, self.y):
                self.x += sx  # slide along a horizontal wall
                self.last_impact = max(self.last_impact, abs(self.vy))
                self.vy *= -0.15
                sy = 0.0
            elif sy and fits(self.x, self.y + sy):
                self.y += sy  # slide along a vertical wall
                self.last_impact = max(self.last_impact, abs(self.vx))
                self.vx *= -0.15
                sx = 0.0
            else:
                self.last_impact = max(self.last_impact, math.hypot(self.vx, self.vy))
                self.vx *= -0.15
                self.vy *= -0.15
                break
        if hit:
            self.scraping += 1
            keep = 1.0 - self.spec.scrape
            self.vx *= keep
            self.vy *= keep
        else:
            self.scraping = 0
        return hit

    def step(self, control: Control, solid: np.ndarray, tile: int) -> bool:
        self.drive(control)
        return self.move(solid, tile)


def _wrap(angle: float) -> float:
    return (angle + math.pi) % (2 * math.pi) - math.pi


def angle_diff(a: float, b: float) -> float:
    """a - b, wrapped into [-pi, pi)."""
    return _wrap(a - b)


# --- grid collision ---------------------------------------------------------------------------

_LATTICE: dict[tuple[float, float], np.ndarray] = {}


def _lattice(spec: VehicleSpec) -> np.ndarray:
    """Sample points (a, b) in the vehicle frame covering the whole box, edges included."""
    key = (spec.length, spec.width)
    pts = _LATTICE.get(key)
    if pts is None:
        na = max(2, math.ceil(spec.length / SAMPLE_SPACING) + 1)
        nb = max(2, math.ceil(spec.width / SAMPLE_SPACING) + 1)
        a = np.linspace(-spec.length / 2, spec.length / 2, na)
        b = np.linspace(-spec.width / 2, spec.width / 2, nb)
        aa, bb = np.meshgrid(a, b)
        pts = _LATTICE[key] = np.stack([aa.ravel(), bb.ravel()], axis=1)
    return pts


_CLEARANCE: dict[int, tuple[np.ndarray, np.ndarray]] = {}
CLEARANCE_MAX = 8


def clearance(solid: np.ndarray) -> np.ndarray:
    """Per cell, how many cells (Chebyshev, capped) to the nearest solid cell or the map edge.

    Computed once per grid by repeated dilation; lets a vehicle in open road skip the point test.
    """
    cached = _CLEARANCE.get(id(solid))
    if cached is not None and cached[0] is solid:
        return cached[1]
    rows, cols = solid.shape
    blocked = np.ones((rows + 2, cols + 2), dtype=bool)
    blocked[1:-1, 1:-1] = solid
    out = np.full((rows, cols), CLEARANCE_MAX, dtype=np.int32)
    grown = blocked.copy()
    for d in range(CLEARANCE_MAX):
        inner = grown[1:-1, 1:-1]
        out[inner & (out == CLEARANCE_MAX)] = d
        g = grown.copy()
        g[1:, :] |= grown[:-1, :]
        g[:-1, :] |= grown[1:, :]
        g[:, 1:] |= g[:, :-1].copy()
        g[:, :-1] |= g[:, 1:].copy()
        grown = g
    if len(_CLEARANCE) > 8:
        _CLEARANCE.clear()
    _CLEARANCE[id(solid)] = (solid, out)
    return out


def solid_samples(solid: np.ndarray, tile: int, x: float, y: float, heading: float,
                  spec: VehicleSpec) -> int:
    """How many of the box's sample points lie in solid cells or off the map."""
    col, row = int(x // tile), int(y // tile)
    rows, cols = solid.shape
    if 0 <= row < rows and 0 <= col < cols:
        reach = math.hypot(spec.length, spec.width) / 2
        if (int(clearance(solid)[row, col]) - 1) * tile >= reach:
            return 0  # nothing solid within reach of the box: skip the point test
    pts = _lattice(spec)
    c, s = math.cos(heading), math.sin(heading)
    px = x + pts[:, 0] * c - pts[:, 1] * s
    py = y + pts[:, 0] * s + pts[:, 1] * c
    col = np.floor(px / tile).astype(np.intp)
    row = np.floor(py / tile).astype(np.intp)
    inside = (col >= 0) & (row >= 0) & (col < cols) & (row < rows)
    blocked = ~inside
    blocked[inside] = solid[row[inside], col[inside]]
    return int(blocked.sum())


def _fits(solid: np.ndarray, tile: int, v: Vehicle, x: float, y: float) -> bool:
    return solid_samples(solid, tile, x, y, v.heading, v.spec) == 0


# --- vehicle against vehicle ------------------------------------------------------------------

def obb_overlap(a: Vehicle, b: Vehicle) -> tuple[float, float, float] | None:
    """Separating-axis test of two boxes: (nx, ny, depth) pushing `a` out of `b`, or None."""
    if abs(a.x - b.x) > (a.spec.length + b.spec.length) / 2 + 1 or \
       abs(a.y - b.y) > (a.spec.length + b.spec.length) / 2 + 1:
        return None
    ca, cb = a.corners(), b.corners()
    best: tuple[float, float, float] | None = None
    for h in (a.heading, a.heading + math.pi / 2, b.heading, b.heading + math.pi / 2):
        ax, ay = math.cos(h), math.sin(h)
        pa = [px * ax + py * ay for px, py in ca]
        pb = [px * ax + py * ay for px, py in cb]
        depth = min(max(pa), max(pb)) - max(min(pa), min(pb))
        if depth <= 0:
            return None
        if best is None or depth < best[2]:
            # Point the normal from b toward a.
            sign = 1.0 if (a.x - b.x) * ax + (a.y - b.y) * ay >= 0 else -1.0
            best = (ax * sign, ay * sign, depth)
    return best


def collide(a: Vehicle, b: Vehicle, solid: np.ndarray, tile: int,
            restitution: float = 0.2) -> float:
    """Separate two overlapping vehicles and exchange momentum; returns the impact speed (0 if none)."""
    hit = obb_overlap(a, b)
    if hit is None:
        return 0.0
    nx, ny, depth = hit
    inv_a = 0.0 if a.static else 1.0 / a.spec.mass
    inv_b = 0.0 if b.static else 1.0 / b.spec.mass
    if inv_a + inv_b == 0:
        return 0.0
    # Push apart in proportion to lightness; a push never moves a vehicle into a wall.
    for v, inv, sign in ((a, inv_a, 1.0), (b, inv_b, -1.0)):
        if inv:
            share = depth * inv / (inv_a + inv_b) + 0.01
            nxp, nyp = v.x + nx * share * sign, v.y + ny * share * sign
            if _fits(solid, tile, v, nxp, nyp):
                v.x, v.y = nxp, nyp
    rel = (a.vx - b.vx) * nx + (a.vy - b.vy) * ny
    if rel >= 0:
        return 0.0  # already separating
    j = -(1 + restitution) * rel / (inv_a + inv_b)
    a.vx += j * inv_a * nx
    a.vy += j * inv_a * ny
    b.vx -= j * inv_b * nx
    b.vy -= j * inv_b * ny
    impact = -rel
    a.last_impact = max(a.last_impact, impact)
    b.last_impact = max(b.last_impact, impact)
    return impact


# --- paths and AI drivers ---------------------------------------------------------------------

@dataclass(frozen=True)
class Path:
    """A polyline with cumulative lengths, for following and for distance along the route."""

    points: tuple[tuple[float, float], ...]
    loop: bool = False
    segments: tuple[tuple[tuple[float, float], tuple[float, float]], ...] = field(init=False, repr=False)
    cumulative: tuple[float, ...] = field(init=False, repr=False)

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

    @property
    def length(self) -> float:
        return self.cumulative[-1]

    def project(self, x: float, y: float, hint: float | None = None, window: float = 400.0) -> float:
        """Distance along the path of the nearest point to (x, y), searching near `hint` if given."""
        best_d, best_s = math.inf, 0.0
        cum = self.cumulative
        for i, ((x0, y0), (x1, y1)) in enumerate(self.segments):
            if hint is not None and not self.loop and (cum[i + 1] < hint - window or cum[i] > hint + window):
                continue
            sx, sy = x1 - x0, y1 - y0
            seg2 = sx * sx + sy * sy
            t = 0.0 if seg2 == 0 else max(0.0, min(1.0, ((x - x0) * sx + (y - y0) * sy) / seg2))
            px, py = x0 + sx * t, y0 + sy * t
            d = (px - x) ** 2 + (py - y) ** 2
            if d < best_d:
                best_d, best_s = d, cum[i] + t * math.sqrt(seg2)
        return best_s

    def point_at(self, s: float) -> tuple[float, float]:
        cum = self.cumulative
        total = cum[-1]
        s = s % total if self.loop else max(0.0, min(total, s))
        i = min(max(bisect.bisect_right(cum, s) - 1, 0), len(self.segments) - 1)
        (x0, y0), (x1, y1) = self.segments[i]
        seg = cum[i + 1] - cum[i]
        t = 0.0 if seg == 0 else (s - cum[i]) / seg
        return (x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)

    def direction_at(self, s: float) -> float:
        a = self.point_at(s - 4.0)
        b = self.point_at(s + 4.0)
        return math.atan2(b[1] - a[1], b[0] - a[0])

    def turn_ahead(self, s: float, distance: float) -> float:
        """Largest heading change between here and `distance` further on (radians)."""
        h0 = self.direction_at(s + 8.0)
        worst = 0.0
        for k in range(1, 6):
            worst = max(worst, abs(angle_diff(self.direction_at(s + distance * k / 5), h0)))
        return worst


def pursue(v: Vehicle, tx: float, ty: float, want_speed: float) -> Control:
    """Pure-pursuit steering toward (tx, ty) with a speed controller."""
    bearing = math.atan2(ty - v.y, tx - v.x)
    err = angle_diff(bearing, v.heading)
    if v.speed < -0.1:
        err = -err
    steer = max(-1.0, min(1.0, err * 2.2))
    diff = want_speed - v.speed
    throttle = max(-1.0, min(1.0, diff * 4.0))
    return Control(throttle=throttle, steer=steer)


def _gap_ahead(v: Vehicle, others: Sequence[Vehicle], reach: float, half_width: float,
               offset: float = 0.0) -> float:
    """Distance to the nearest vehicle in a corridor ahead of `v`, shifted `offset` px to its right."""
    fx, fy = v.forward
    rx, ry = v.right
    nearest = math.inf
    for o in others:
        if o is v:
            continue
        dx, dy = o.x - v.x, o.y - v.y
        along = dx * fx + dy * fy
        if along <= 0 or along > reach + o.spec.length:
            continue
        across = abs(dx * rx + dy * ry - offset)
        if across < half_width + o.spec.width / 2:
            nearest = min(nearest, along - v.spec.length / 2 - o.spec.length / 2)
    return nearest


@dataclass
class LaneDriver:
    """Civilian traffic: follow a lane polyline at a cruising speed, keep a gap to what is ahead."""

    path: Path
    s: float = 0.0
    cruise: float = 1.8
    lookahead: float = 30.0

    def control(self, v: Vehicle, others: Sequence[Vehicle]) -> Control:
        self.s = self.path.project(v.x, v.y, hint=self.s)
        tx, ty = self.path.point_at(self.s + self.lookahead)
        want = self.cruise
        if self.path.turn_ahead(self.s, 48.0) > 0.6:
            want = min(want, 1.2)  # slow for a corner
        gap = _gap_ahead(v, others, reach=70.0, half_width=v.spec.width / 2)
        if gap < 70.0:
            want = min(want, max(0.0, (gap - 10.0) / 30.0))
        return pursue(v, tx, ty, want)


@dataclass
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
                rng: np.random.Generator) -> Control:
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
        if _gap_ahead(v, blockers, reach, half, self.swerve_target) < reach:
            options = sorted((0.0, 12.0, -12.0, 24.0, -24.0), key=abs)
            gaps = [_gap_ahead(v, blockers, reach, half, o) for o in options]
            best = max(range(len(options)), key=lambda i: (min(gaps[i], reach), -abs(options[i])))
            self.swerve_target = options[best]
            self.swerve_timer = max(self.swerve_timer, 40)
        self.swerve += max(-0.6, min(0.6, self.swerve_target - self.swerve))
        look = 36.0 + 10.0 * max(v.speed, 0.0)
        tx, ty = self.path.point_at(self.s + look)
        h = self.path.direction_at(self.s + look)
        tx += -math.sin(h) * self.swerve
        ty += math.cos(h) * self.swerve

        want = self.base_speed * (1.0 - 0.35 * v.damage / 100.0)
        turn = self.path.turn_ahead(self.s, 40.0 + 30.0 * max(v.speed, 0.0))
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
        self.stuck = self.stuck + 1 if (want > 1.0 and abs(v.speed) < 0.3) else 0
        if self.stuck > 40:
            self.unstick, self.stuck = 36, 0
        if self.unstick > 0:
            self.unstick -= 1
            err = angle_diff(math.atan2(ty - v.y, tx - v.x), v.heading)
            return Control(throttle=-1.0, steer=-1.0 if err > 0 else 1.0)
        return pursue(v, tx, ty, want)
