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

import logging
import math
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

import numpy as np

from game.actors.boxgrid import SAMPLE_SPACING, clearance  # noqa: F401
from game.actors.boxgrid import area_clear, blocked_side, solid_samples
from game.actors.boxgrid import lattice as _box_lattice

log = logging.getLogger(__name__)

SUBSTEP_PX = 2.0       # longest move tested against the grid at once
MAX_SLIP = 0.35        # most angle between nose and travel before the body follows (no spin-outs)
DEFLECT_ANGLES = (15, 30, 45, 60, 75, 90)  # degrees a blocked move may turn to glance along a wall
DEFLECT_KEEP = 0.55    # share of speed kept by a head-on (90 degree) glance; shallower hits keep more
CRAB_TURN = math.radians(60)  # a glance this steep on one side is a corner on a post: shoved sideways
CRAB_MIN = 0.75        # px a post shoves the bus sideways per blocked sub-step, however slow it is
CRAB_BEND = math.radians(20)  # how far a shove off a post bends the direction of travel
CRAB_KEEP = 0.9        # share of speed kept per sub-step shoved sideways off a post
ALIGN_RATE = 0.08      # most radians per step the body swings round to follow a glance
PI, TAU = math.pi, 2 * math.pi


@dataclass(frozen=True, slots=True)
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


class Control(NamedTuple):
    """One step of driver input: throttle in [-1, 1] (negative brakes, then reverses), steer in [-1, 1]."""

    throttle: float = 0.0
    steer: float = 0.0


def make_control(throttle: float, steer: float) -> Control:
    """`Control(throttle, steer)` made in one call (the NamedTuple's own constructor is two)."""
    return _new_tuple(Control, (throttle, steer))


_new_tuple = tuple.__new__


@dataclass(slots=True)
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
        """Apply one step of driver input to wheel, heading and velocity (no collision here).

        Written out with conditionals in place of min/max (same picks, ties included) and the float
        operations of the plain formulas in their order, so results are bit-equal to them."""
        if self.static:
            return
        spec = self.spec
        h, vx, vy, wheel = self.heading, self.vx, self.vy, self.wheel
        self.prev_x, self.prev_y, self.prev_heading = self.x, self.y, h
        self.last_impact = 0.0
        steer, throttle = control.steer, control.throttle
        if vx == 0.0 and vy == 0.0 and wheel == 0.0 and steer == 0.0 and throttle == 0.0:
            if _rest(self, steer * spec.max_steer):
                return
        # The wheel turns toward the requested angle at a limited rate: no instant swerves.
        steer = steer if steer < 1.0 else 1.0
        steer = steer if steer > -1.0 else -1.0
        turn = steer * spec.max_steer - wheel
        rate = spec.steer_rate
        turn = turn if turn < rate else rate
        turn = turn if turn > -rate else -rate
        self.wheel = wheel = wheel + turn

        moving = math.hypot(vx, vy)
        if moving > 1e-9:
            v = math.copysign(moving, vx * math.cos(h) + vy * math.sin(h))
            motion = math.atan2(vy, vx)
        else:
            v, motion = 0.0, h
        if v < 0:
            motion += math.pi  # reversing: keep the angle as "where the nose would point"
        throttle = throttle if throttle < 1.0 else 1.0
        throttle = throttle if throttle > -1.0 else -1.0
        if throttle > 0:
            if v < -0.05:
                v += spec.brake * throttle
                v = v if v < 0.0 else 0.0
            else:
                v += spec.accel * throttle
                v = v if v < spec.max_speed else spec.max_speed
        elif throttle < 0:
            if v > 0.05:
                v += spec.brake * throttle
                v = v if v > 0.0 else 0.0
            else:
                v += spec.reverse_accel * throttle
                v = v if v > -spec.max_reverse else -spec.max_reverse
        elif v > 0:
            v -= spec.drag
            v = v if v > 0.0 else 0.0
        else:
            v += spec.drag
            v = v if v < 0.0 else 0.0

        # Bicycle model: the nose turns with speed and wheel angle, but never faster than grip allows.
        speed = abs(v)
        turn_limit = spec.grip / (0.3 if 0.3 > speed else speed)
        yaw = v * math.tan(wheel) / spec.wheelbase
        most = 1.15 * turn_limit
        yaw = yaw if yaw < most else most
        yaw = yaw if yaw > -most else -most
        h = (h + yaw + PI) % TAU - PI
        # Momentum: the direction of travel follows the nose only as fast as the tyres grip, so a fast
        # bus runs wide (radius >= v^2 / grip) and slides a little through the corner.
        slip = (h - motion + PI) % TAU - PI
        slip = slip if slip < turn_limit else turn_limit
        motion += slip if slip > -turn_limit else -turn_limit
        slip = abs((h - motion + PI) % TAU - PI)
        if slip > MAX_SLIP:
            h = (motion + math.copysign(MAX_SLIP, (h - motion + PI) % TAU - PI) + PI) % TAU - PI
        self.heading = h
        v *= 1.0 - 0.03 * (MAX_SLIP if MAX_SLIP < slip else slip)  # sliding sideways scrubs speed
        if v < 0:
            motion += math.pi
        speed = abs(v)
        self.vx = speed * math.cos(motion)
        self.vy = speed * math.sin(motion)

    def move(self, solid: np.ndarray, tile: int) -> bool:
        """Rotate then translate against the grid in small sub-steps; True when a wall was hit.

        A blocked sub-step turns the motion along the wall (the nearest free direction, 15-degree
        steps): the bus glances off kerbs and walls losing speed with the angle of the hit, and its
        nose swings round to follow, so a touch never stops it dead (only a dead-end pocket does).
        """
        if self.static:
            return False
        if self.vx == 0.0 and self.vy == 0.0 and self.heading == self.prev_heading:
            self.scraping = 0  # at rest (a parked car): the one sub-step below would change nothing
            return False
        dx, dy = self.vx, self.vy
        n = math.ceil(math.hypot(dx, dy) / SUBSTEP_PX)
        n = n if n > 1 else 1  # max(1, n)
        sx, sy = dx / n, dy / n
        x, y = self.x, self.y
        left, right = (x, x + dx) if dx >= 0 else (x + dx, x)
        top, bottom = (y, y + dy) if dy >= 0 else (y + dy, y)
        px, py = self.prev_x, self.prev_y  # where the swing is tested from: here, unless moved since
        if not (left <= px <= right and top <= py <= bottom):
            left, right, top, bottom = min(left, px), max(right, px), min(top, py), max(bottom, py)
        if area_clear(solid, tile, left, top, right, bottom, self.heading, self.prev_heading, self.spec):
            # Open road round the whole move: every test below would pass (the same sub-steps).
            for _ in range(n):  # the same additions, one sub-step at a time
                x += sx
                y += sy
            self.x, self.y = x, y
            self.scraping = 0
            return False
        hit = False
        base = -1  # the count where the body stands now, once known
        if self.heading != self.prev_heading:
            before = solid_samples(solid, tile, self.prev_x, self.prev_y, self.prev_heading, self.spec)
            base = solid_samples(solid, tile, self.x, self.y, self.heading, self.spec)
            if base > before:
                self.heading = self.prev_heading  # the wall stops the swing of the body
                self.wheel *= 0.5
                hit = True
                base = before if (self.x, self.y) == (self.prev_x, self.prev_y) else -1
        # Normally a move must end clear of walls; a body already wedged in may move to free itself.
        if base < 0:
            base = solid_samples(solid, tile, self.x, self.y, self.heading, self.spec)

        def fits(x: float, y: float) -> bool:
            count = solid_samples(solid, tile, x, y, self.heading, self.spec)
            return count == 0 or count <= base

        deflected = False
        for _ in range(n):
            if fits(self.x + sx, self.y + sy):
                self.x += sx
                self.y += sy
                continue
            hit = True
            turn, side = self._glance(fits, sx, sy, solid, tile)
            if turn is None:
                self.last_impact = max(self.last_impact, math.hypot(self.vx, self.vy))
                self.vx *= -0.15
                self.vy *= -0.15
                break
            c, s = math.cos(turn), math.sin(turn)
            speed = math.hypot(self.vx, self.vy)
            self.last_impact = max(self.last_impact, speed * abs(s))
            if abs(turn) >= CRAB_TURN and abs(side) > 1.0 and (turn > 0) == (side < 0):
                # A corner on a post: shoved sideways off it, the travel bent a little toward the shove.
                ox, oy = sx * c - sy * s, sx * s + sy * c
                push = max(1.0, CRAB_MIN / max(math.hypot(ox, oy), 1e-9))  # even when barely moving
                if push > 1.0 and fits(self.x + ox * push, self.y + oy * push):
                    ox, oy = ox * push, oy * push
                self.x += ox
                self.y += oy
                if not deflected:
                    bend = math.copysign(CRAB_BEND, turn)
                    bc, bs = math.cos(bend) * CRAB_KEEP, math.sin(bend) * CRAB_KEEP
                    self.vx, self.vy = self.vx * bc - self.vy * bs, self.vx * bs + self.vy * bc
                    sx, sy = sx * bc - sy * bs, sx * bs + sy * bc
                deflected = True
                continue
            # Glance along a wall: keep the speed along it, minus a share growing with the angle of the hit.
            # (The velocity turns once a step; later blocked sub-steps only slide the body.)
            keep = DEFLECT_KEEP + (1.0 - DEFLECT_KEEP) * c
            ox, oy = (sx * c - sy * s) * keep, (sx * s + sy * c) * keep
            self.x += ox
            self.y += oy
            if not deflected:
                self.vx, self.vy = (self.vx * c - self.vy * s) * keep, (self.vx * s + self.vy * c) * keep
                sx, sy = ox, oy
            deflected = True
        if deflected:
            self._align_with_motion(solid, tile)
        if hit:
            self.scraping += 1
            keep = 1.0 - self.spec.scrape
            self.vx *= keep
            self.vy *= keep
        else:
            self.scraping = 0
        return hit

    def _glance(self, fits: Callable[[float, float], bool], sx: float, sy: float,
                solid: np.ndarray, tile: int) -> tuple[float | None, float]:
        """The smallest turn of the sub-step (radians, signed) that fits: away from what it touches
        first (a kerb on the right turns it left), else toward the side the nose points; with the mean
        sideways offset of what it touches."""
        side = blocked_side(solid, tile, self.x + sx, self.y + sy, self.heading, self.spec)
        if abs(side) > 1.0:
            first = -1.0 if side > 0 else 1.0
        else:
            slip = angle_diff(self.heading, math.atan2(sy, sx))
            first = 1.0 if (slip >= 0) == (self.speed >= 0) else -1.0
        if abs(side) > 1.0:  # touching on one side: every turn away from it first
            tries = [(deg, first) for deg in DEFLECT_ANGLES] + [(deg, -first) for deg in DEFLECT_ANGLES]
        else:
            tries = [(deg, sign) for deg in DEFLECT_ANGLES for sign in (first, -first)]
        for deg, sign in tries:
            a = math.radians(deg) * sign
            c, s = math.cos(a), math.sin(a)
            if fits(self.x + sx * c - sy * s, self.y + sx * s + sy * c):
                return a, side
        return None, side

    def _align_with_motion(self, solid: np.ndarray, tile: int) -> None:
        """After a glance the body swings toward its new direction of travel (never into the wall);
        where it cannot swing, the travel is bent back to within MAX_SLIP of the nose instead."""
        if math.hypot(self.vx, self.vy) < 0.05:
            return
        back = self.speed < 0
        motion = math.atan2(self.vy, self.vx) + (math.pi if back else 0.0)
        diff = angle_diff(motion, self.heading)
        want = math.copysign(max(min(ALIGN_RATE, abs(diff) * 0.5), abs(diff) - MAX_SLIP), diff)
        before = solid_samples(solid, tile, self.x, self.y, self.heading, self.spec)
        if solid_samples(solid, tile, self.x, self.y, self.heading + want, self.spec) <= before:
            self.heading = _wrap(self.heading + want)
            self.wheel *= 0.5
            return
        if abs(diff) > MAX_SLIP:
            bend = -(diff - math.copysign(MAX_SLIP, diff))
            c, s = math.cos(bend), math.sin(bend)
            self.vx, self.vy = self.vx * c - self.vy * s, self.vx * s + self.vy * c

    def step(self, control: Control, solid: np.ndarray, tile: int) -> bool:
        self.drive(control)
        return self.move(solid, tile)


def _wrap(angle: float) -> float:
    return (angle + PI) % TAU - PI


def _rest(v: Vehicle, target: float) -> bool:
    """`Vehicle.drive` of a vehicle at rest (no speed, wheel straight, no input: a parked car) when
    its heading is already wrapped: what the full step would leave, without its arithmetic. False
    (nothing changed) when the full step must run."""
    h = v.heading
    heading = (h + 0.0 + PI) % TAU - PI
    if heading != h:
        return False
    v.wheel += target - v.wheel  # zeros, signs as the full step leaves them
    v.heading = heading
    motion = h + 0.0
    v.vx = 0.0 * math.cos(motion)
    v.vy = 0.0 * math.sin(motion)
    return True


def angle_diff(a: float, b: float) -> float:
    """a - b, wrapped into [-pi, pi)."""
    return _wrap(a - b)


# --- grid collision: game.actors.boxgrid ------------------------------------------------------

def _lattice(spec: VehicleSpec) -> np.ndarray:
    """Sample points (a, b) in the vehicle frame covering the whole box, edges included."""
    return _box_lattice(spec).points


def _fits(solid: np.ndarray, tile: int, v: Vehicle, x: float, y: float) -> bool:
    return solid_samples(solid, tile, x, y, v.heading, v.spec) == 0


# --- vehicle against vehicle ------------------------------------------------------------------

def obb_overlap(a: Vehicle, b: Vehicle) -> tuple[float, float, float] | None:
    """Separating-axis test of two boxes: (nx, ny, depth) pushing `a` out of `b`, or None."""
    if abs(a.x - b.x) > (a.spec.length + b.spec.length) / 2 + 1 or \
       abs(a.y - b.y) > (a.spec.length + b.spec.length) / 2 + 1:
        return None
    if _apart(a, b):
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


def _apart(a: Vehicle, b: Vehicle) -> bool:
    """True when the two boxes lie apart along one of their four axes by more than any rounding (so
    the corner projections below find a gap there too): the test without building the corners."""
    ca, sa = math.cos(a.heading), math.sin(a.heading)
    cb, sb = math.cos(b.heading), math.sin(b.heading)
    la, wa = a.spec.length / 2, a.spec.width / 2
    lb, wb = b.spec.length / 2, b.spec.width / 2
    dx, dy = b.x - a.x, b.y - a.y
    for ux, uy in ((ca, sa), (-sa, ca), (cb, sb), (-sb, cb)):
        half_a = la * abs(ca * ux + sa * uy) + wa * abs(ca * uy - sa * ux)
        half_b = lb * abs(cb * ux + sb * uy) + wb * abs(cb * uy - sb * ux)
        if abs(dx * ux + dy * uy) > half_a + half_b + 1e-6:
            return True
    return False


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
