"""The chase's autopilot: a driver that keeps Rostavili's bus in sight, then the combat autopilot on foot.

`python -m game autoplay levels/bus_chase.tmx` runs `autoplay`; the whole-game autopilot drives a
ChaseScene with `Pilot`. Both use only what a player sees: the road, the buses, the speed.
"""
from __future__ import annotations

import logging
import math
from typing import Any, NamedTuple

from game.input.actions import Action, EdgeTracker
from game.actors.drivers import gap_ahead, gaps_ahead
from game.actors.vehicles import solid_samples
from game.modes.chase.finale import finale_tilemap
from game.modes.chase.sim import WON, ChaseSim
from game.modes.context import RunResult
from game.modes.level.entry import Pilot as FootPilot
from game.modes.level.entry import drive as fight
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

FINALE_FLAGS = {"has_gun": True}  # Danko is armed by the time of the chase


PREDICT = 18          # steps ahead a driver steers for: where the bus will be, nose still swinging
SWING = 0.6           # share of PREDICT the nose's swing is carried forward
LOOK = (40.0, 12.0)   # px ahead of the predicted spot it aims at: base, and per px/step of speed
FULL_LOCK = 0.5       # radians of error (at the predicted pose) worth holding the wheel over
TAP_EVERY = 6         # steps per steering tap: smaller errors get shorter taps, as a thumb does
CORNER_SPEED = 1.5    # px/step a bus takes a street corner at without running wide
CORNER = (30.0, 80.0, 50.0)  # px back and ahead (base, per px/step) it looks for a corner to slow for
DODGE = (0.0, 14.0, -14.0, 28.0, -28.0)  # px beside its line it may pass a parked car or a barrier
_WIDEST = max(map(abs, DODGE))
_OFFSETS = (0.0,) + DODGE  # straight ahead, then each dodge
_ASKER = -1  # the autopilot's key for the parked index's kept answers (no id: the sim's askers are ids)
SEE = 110.0           # px ahead it watches for something in the way
BACK_OFF = 44.0       # px of clear road it backs up to after nosing into something
_UP, _DOWN, _LEFT, _RIGHT = (int(a) for a in (Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT))
PI, TAU = math.pi, 2 * math.pi


def autopilot_mask(sim: ChaseSim) -> int:
    """A driver for tests and `autoplay`: follow his route a little behind him, steady through corners.

    It steers as a calm person does: for where the bus will be in a moment (its drift and the swing of
    its nose carried forward), in taps that shrink with the error; it slows down before a corner rather
    than in it, passes parked cars and barriers on their clear side, and backs out of anything it noses
    into. So its decisions still hold when they are acted on a quarter second late."""
    p, r, driver = sim.player, sim.rostavili, sim.driver
    path, nose = driver.path, p.heading
    forward = p.vx * math.cos(nose) + p.vy * math.sin(nose)  # p.speed, worked out once (p stands still here)
    speed = 0.0 if 0.0 > forward else forward  # max(p.speed, 0.0), the same pick
    swing = (nose - p.prev_heading + PI) % TAU - PI       # radians per step the nose turns now (angle_diff)
    fx, fy = p.x + p.vx * PREDICT, p.y + p.vy * PREDICT  # where the bus will be
    heading = nose + swing * PREDICT * SWING             # and where its nose will point
    hint = driver.s - 80.0
    s = path.project(fx, fy, hint=hint, window=600.0)
    aim = s + LOOK[0] + LOOK[1] * speed
    tx, ty = path.point_at(aim)
    side = _dodge(sim)
    if side:
        h = path.direction_at(aim)
        tx, ty = tx - math.sin(h) * side, ty + math.cos(h) * side
    err = (math.atan2(ty - fy, tx - fx) - heading + PI) % TAU - PI  # angle_diff(bearing, heading)
    if forward < 0.4 and _room_ahead(sim) < (BACK_OFF if forward < -0.05 else 12.0):
        # Nosed into something (or backing off it): reverse, the wheel turned away from the aim.
        return _DOWN | (_LEFT if err > 0 else _RIGHT)
    gap = math.hypot(r.x - p.x, r.y - p.y)
    want = p.spec.max_speed
    if gap < 100:
        want = max(0.0, r.speed - 0.2)
    here = path.project(p.x, p.y, hint=hint, window=600.0)
    if here > driver.s - 50.0:
        want = 0.0  # never overtake him: stay behind and keep him on screen
    if path.turns_over(here - CORNER[0], CORNER[1] + CORNER[2] * speed, 0.5):
        want = min(want, CORNER_SPEED)  # brake well before the corner, and stay slow until through it
    if sim.phase in ("crashed", "escaped"):
        want = 0.0
    mask = 0  # as plain ints: or-ing the Action flags makes enum members each time
    if want - speed > 0.05:
        mask = _UP
    elif want - speed < -0.25:
        mask = _DOWN
    hold = min(TAP_EVERY, round(TAP_EVERY * abs(err) / FULL_LOCK))
    if sim.steps % TAP_EVERY < hold:
        mask |= _RIGHT if err > 0 else _LEFT
    return mask


def _blockers(sim: ChaseSim, across: float) -> list:
    """What may block a look ahead of the bus whose corridor reaches `across` px (reach + half width + the
    largest offset) from its centre: the parked cars and barriers the sim's index finds near it and the
    traffic that may be near (`NearPlayer.near`). The others lie too far off to count, so a look at these
    finds the same nearest gaps as a look at every one (a nearest gap does not depend on the order)."""
    p = sim.player
    cars = sim._near_traffic.near(sim.traffic, p.x, p.y, across)
    if cars is None:
        cars = [car for car, _ in sim.traffic]
    parked = sim._parked  # where they stand since the last step (its own drivers look with it next)
    if parked is None:
        return sim.obstacles + cars
    return parked.around(p.x, p.y, across + parked.pad, _ASKER) + cars  # a kept answer while it fits


def _dodge(sim: ChaseSim) -> float:
    """The sideways offset (px, + = right of the bus) of the clearest line past what is ahead, 0 if clear."""
    p = sim.player
    half = p.spec.width / 2 + 3
    first, *gaps = gaps_ahead(p, _blockers(sim, SEE + half + _WIDEST), SEE, half, _OFFSETS)
    if first >= SEE:
        return 0.0
    gaps = [min(SEE, gap) for gap in gaps]
    return DODGE[max(range(len(DODGE)), key=lambda i: (gaps[i], -abs(DODGE[i])))]


def _room_ahead(sim: ChaseSim) -> float:
    """px of room in front of the bus before a wall, a parked car, a barrier or a car."""
    p = sim.player
    room = gap_ahead(p, _blockers(sim, BACK_OFF + p.spec.width / 2), BACK_OFF, p.spec.width / 2)
    fx, fy = p.forward
    for d in (4.0, 12.0, 24.0, BACK_OFF):
        if d >= room:
            break
        if solid_samples(sim.tilemap.solid, sim.tilemap.tile_w, p.x + fx * d, p.y + fy * d, p.heading, p.spec):
            return d
    return room


class Driven(NamedTuple):
    """The driving part of `autoplay`: the last try's sim (None when there was none), its edge tracker and
    masks, the steps driven in all and the tries lost."""

    sim: ChaseSim | None
    edges: EdgeTracker
    masks: list[int]
    steps: int
    tries: int


def drive_chase(tilemap: TileMap, seed: int = 0, difficulty: str = "normal", max_steps: int = 36000) -> Driven:
    """The autopilot drives the chase on `difficulty`, again with the next seed while he gets away, until a
    try is won or `max_steps` are driven in all."""
    steps, tries, driven = 0, 0, Driven(None, EdgeTracker(), [], 0, 0)
    while steps < max_steps:
        sim = ChaseSim(tilemap, seed=seed + tries, difficulty=difficulty)
        edges, masks = EdgeTracker(), []
        while sim.outcome is None and steps + len(masks) < max_steps:
            masks.append(autopilot_mask(sim))
            sim.step(edges.frame(masks[-1]))
        steps += len(masks)
        driven = Driven(sim, edges, masks, steps, tries)
        if sim.outcome == WON:
            return driven
        tries += 1
    return driven._replace(tries=tries)


def on_foot(driven: Driven, difficulty: str = "normal", max_steps: int = 36000) -> RunResult:
    """After a won chase, the fight on foot by the wreck (its masks appended to the chase's: `driven`'s edge
    tracker and mask list go on with it); the run's result."""
    from game.modes.level.sim import LevelSim

    sim, edges, masks, steps, tries = driven
    if sim is None or sim.outcome != WON:
        return RunResult("timeout", steps, f"{tries} chases lost")
    level = LevelSim(finale_tilemap(sim), seed=sim.seed, flags=dict(FINALE_FLAGS), difficulty=difficulty)
    fight(level, FootPilot(), edges, masks, len(masks) + max_steps - steps)
    steps += level.steps
    outcome = level.outcome or "timeout"
    return RunResult(outcome, steps, f"chase won in {sim.steps} steps after {tries} retries; "
                                     f"Rostavili's bus damage {sim.rostavili.damage:.0f}; "
                                     f"fight on foot {outcome} in {level.steps} steps",
                     state_hash=sim.state_hash(), masks=masks, seed=sim.seed)


def autoplay(tilemap: TileMap, seed: int = 0, difficulty: str = "normal", max_steps: int = 36000) -> RunResult:
    """Drive the chase (again with the next seed if he gets away), then fight Rostavili on foot.

    The input stream of the last try (driving, then the fight) is kept, replayable with the result's seed.
    (`drive_chase` then `on_foot`: a test may drive once and fight on foot from copies.)"""
    return on_foot(drive_chase(tilemap, seed, difficulty, max_steps), difficulty, max_steps)


class Pilot:
    """Drives the ChaseScene the whole-game run meets, then fights the finale on foot."""

    def __init__(self) -> None:
        self.foot = FootPilot()

    def decide(self, scene: Any, step: int) -> int | None:
        from game.modes.chase.scene import ChaseScene

        if not isinstance(scene, ChaseScene):
            return None
        if scene.finale is None:
            return autopilot_mask(scene.sim)
        return self.foot.decide(scene.finale, step)
