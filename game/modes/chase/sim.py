"""The bus chase: the player's bus, Rostavili's bus on his route, traffic, the train at the crossing.

Pure logic on the fixed step, headless-testable: no pygame, no wall clock, all randomness from the
run's seeded generator. Everything placed in the level comes from Tiled objects in the TMX:

- `player_spawn` — the player's bus (property `heading`, degrees, 0 = east, 90 = south);
- `route` named `rostavili` — his polyline (property `speed`, his cruising px/step);
- `route` named `lane` — civilian traffic loops (properties `loop`, `cars`);
- `route` named `train` — the rails the train runs along (property `speed`);
- `trigger` areas named `approach` (where the train is called) and `crossing` (the level crossing);
- `marker` named `parked_car` or `barrier` — rectangles (long side = the car's length).

The chase is won when his bus hits the train (which only happens if the player is close enough when he
reaches the approach trigger), and lost when he stays off-screen too long or gets across first.

Fair to a person: both buses start rolling with his in view; the "catch him" time only drains after
the first seconds of control and only while he is off screen (it refills while he is in view); kerbs
deflect the bus (game.actors.vehicles) and, with the wheel let go, the bus settles onto the road
(game.modes.chase.assist). The difficulty sets his pace, the catch time and how close is close enough.
"""
from __future__ import annotations

import hashlib
import logging
import math
from dataclasses import dataclass, field

import numpy as np

from game import STEP_HZ
from game.actors.drivers import LaneDriver, Path, RouteDriver
from game.actors.nearby import Nearby
from game.actors.vehicles import BUS, CAR, Control, Vehicle, VehicleSpec, collide, make_control, obb_overlap
from game.input.actions import Action, InputFrame
from game.modes.chase import traffic
from game.modes.chase.assist import road_assist
from game.modes.events import Bump, Crashed, Escaped, Event, LostSight, Ram, Scrape, TrainCalled
from game.world.camera import Camera
from game.world.tilemap import LevelError, MapObject, TileMap

log = logging.getLogger(__name__)

WON, LOST = "won", "lost"
TRAIN_SPEC = VehicleSpec(length=320.0, width=28.0, mass=1000.0)  # locomotive + 3 cars
REST = Control()  # no input: parked cars roll to a stop
_UP, _DOWN, _LEFT, _RIGHT = (int(a) for a in (Action.UP, Action.DOWN, Action.LEFT, Action.RIGHT))


@dataclass(frozen=True)
class ChaseTuning:
    lose_steps: int = 1080         # steps with Rostavili off-screen that lose the chase (the catch bar)
    grace_steps: int = 180         # the catch bar only drains after three seconds of control
    refill: int = 3                # bar steps won back per step he is in view
    close_enough: float = 300.0    # px between the buses when he reaches the approach trigger
    his_speed: float = 1.0         # times his route's cruising speed
    start_speed: float = 2.0       # px/step both buses roll at on the first step
    traffic_radius: float = 560.0  # traffic further than this from the player waits, frozen
    crash_delay: int = 170         # steps of wreck and passing train before the fight
    ram_damage: float = 7.0        # damage per px/step of impact speed
    camera_lead: float = 30.0      # steps of velocity the camera looks ahead
    train_early: int = 25          # in a crash, the train's nose passes the road this early


CHASE_DIFFICULTY: dict[str, ChaseTuning] = {
    "easy": ChaseTuning(lose_steps=1260, close_enough=340.0, his_speed=0.88),
    "normal": ChaseTuning(),
    "hard": ChaseTuning(lose_steps=1050, close_enough=280.0, his_speed=1.0),
}


@dataclass(slots=True)
class Train:
    path: Path
    s: float            # distance of the nose along the rails
    speed: float
    body: Vehicle

    def step(self) -> None:
        self.s += self.speed
        nose = self.path.point_at(self.s) if self.s <= self.path.length else _extend(self.path, self.s)
        h = self.path.direction_at(min(self.s, self.path.length))
        self.body.heading = h
        self.body.x = nose[0] - math.cos(h) * self.body.spec.length / 2
        self.body.y = nose[1] - math.sin(h) * self.body.spec.length / 2


def _extend(path: Path, s: float) -> tuple[float, float]:
    """A point past the end of an open path, continuing its last direction (trains run off the map)."""
    end = path.point_at(path.length)
    h = path.direction_at(path.length)
    extra = s - path.length
    return (end[0] + math.cos(h) * extra, end[1] + math.sin(h) * extra)


def _named(tilemap: TileMap, kind: str, name: str) -> list[MapObject]:
    return [o for o in tilemap.objects_of(kind) if o.name == name]


def _trigger(tilemap: TileMap, name: str) -> MapObject:
    for o in tilemap.objects_of("trigger"):
        if o.name == name and o.width > 0 and o.height > 0:
            return o
    raise LevelError(tilemap.path, f"no 'trigger' area named '{name}'")


def _path(tilemap: TileMap, obj: MapObject) -> Path:
    if len(obj.points) < 2:
        raise LevelError(tilemap.path, f"{obj.label()}: a route needs a polyline of two or more points")
    return Path(obj.points, loop=bool(obj.properties.get("loop", False)))


def _rolling(v: Vehicle, speed: float) -> Vehicle:
    """The vehicle already moving along its heading at `speed` px/step."""
    v.vx, v.vy = math.cos(v.heading) * speed, math.sin(v.heading) * speed
    return v


def _pose(v: Vehicle) -> str:
    """Every field a parked car's step or a push writes, zeros' signs included (by repr)."""
    return repr((v.x, v.y, v.heading, v.vx, v.vy, v.wheel, v.last_impact, v.scraping))


def _inside(obj: MapObject, x: float, y: float) -> bool:
    return obj.x <= x <= obj.x + obj.width and obj.y <= y <= obj.y + obj.height


@dataclass
class ChaseSim:
    tilemap: TileMap
    seed: int = 0
    difficulty: str = "normal"
    tuning: ChaseTuning | None = None
    steps: int = 0
    outcome: str | None = None
    phase: str = "drive"           # drive -> train (called) -> crashed | escaped
    offscreen: int = 0
    crash_timer: int = 0
    close_at_approach: bool = False
    crashes: int = 0               # scrapes along kerbs and walls, bumps into cars (the result card)
    rails_cross_s_route: float = math.inf  # where the crossing lies along his route
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.difficulty not in CHASE_DIFFICULTY:
            raise ValueError(f"difficulty must be one of {', '.join(CHASE_DIFFICULTY)}, not {self.difficulty!r}")
        if self.tuning is None:
            self.tuning = CHASE_DIFFICULTY[self.difficulty]
        tm = self.tilemap
        self.rng = np.random.default_rng(self.seed)
        spawn = tm.player_spawn
        heading = math.radians(float(spawn.properties.get("heading", 0.0)))
        self.player = _rolling(Vehicle(spawn.x, spawn.y, heading, BUS), self.tuning.start_speed)
        routes = _named(tm, "route", "rostavili")
        if not routes:
            raise LevelError(tm.path, "no 'route' object named 'rostavili' (his bus's polyline)")
        path = _path(tm, routes[0])
        start = path.points[0]
        speed = float(routes[0].properties.get("speed", 3.0)) * self.tuning.his_speed
        self.driver = RouteDriver(path, base_speed=speed)
        self.rostavili = _rolling(Vehicle(start[0], start[1], path.direction_at(0.0), BUS),
                                  self.tuning.start_speed)
        self.traffic: list[tuple[Vehicle, LaneDriver]] = []
        for lane in _named(tm, "route", "lane"):
            lpath = _path(tm, lane)
            count = int(lane.properties.get("cars", 3))
            for k in range(count):
                s = lpath.length * (k + float(self.rng.uniform(0.0, 0.4))) / max(count, 1)
                x, y = lpath.point_at(s)
                car = Vehicle(x, y, lpath.direction_at(s), CAR)
                cruise = float(self.rng.uniform(1.4, 2.0))
                self.traffic.append((car, LaneDriver(lpath, s=s, cruise=cruise)))
        self.obstacles: list[Vehicle] = []
        for o in tm.objects_of("marker"):
            if o.name not in ("parked_car", "barrier"):
                continue
            long_x = o.width >= o.height
            spec = VehicleSpec(length=max(o.width, o.height), width=min(o.width, o.height),
                               mass=CAR.mass if o.name == "parked_car" else 1.0, drag=0.04)
            self.obstacles.append(Vehicle(o.x + o.width / 2, o.y + o.height / 2,
                                          0.0 if long_x else math.pi / 2, spec,
                                          static=o.name == "barrier"))
        trains = _named(tm, "route", "train")
        if not trains:
            raise LevelError(tm.path, "no 'route' object named 'train' (the rails)")
        self.rails = _path(tm, trains[0])
        self.train_speed = float(trains[0].properties.get("speed", 5.0))
        self.train: Train | None = None
        self.approach = _trigger(tm, "approach")
        self.crossing = _trigger(tm, "crossing")
        w, h = tm.pixel_size
        self.camera = Camera(w, h)
        self.lead = (0.0, 0.0)
        self.camera.center_on(self.player.x, self.player.y)
        self._parked: Nearby | None = None  # where the obstacles stand, while none of them moves
        self._near_traffic = traffic.NearPlayer(self.tuning.traffic_radius)
        # What the last step may have moved but the train: the drivers' movers, the parked cars it stepped or
        # woke; each one's pose before it in prev_* (drive notes them; one asleep stood still since its last)
        self.moved: tuple[list[Vehicle], list[Vehicle]] = ([], [])
        # parked cars (by position in the list) whose next step may change something: the others' is a no-op
        self._awake: set[int] = {k for k, ob in enumerate(self.obstacles) if not ob.static}

    # --- the step --------------------------------------------------------------------------------

    @property
    def time_ms(self) -> float:
        return self.steps * 1000.0 / STEP_HZ

    def step(self, frame: InputFrame) -> str | None:
        self.events = []
        if self.outcome is not None:
            return self.outcome
        self.steps += 1
        solid, tile = self.tilemap.solid, self.tilemap.tile_w
        held = frame.held
        throttle = (1.0 if held & _UP else 0.0) - (1.0 if held & _DOWN else 0.0)
        steer = (1.0 if held & _RIGHT else 0.0) - (1.0 if held & _LEFT else 0.0)
        self.player.drive(make_control(throttle, steer))
        road_assist(self.player, steer, solid, tile)
        if self.player.move(solid, tile) and self.player.scraping == 1:
            self.events.append(Scrape())
            self.crashes += 1

        active = self._near_traffic.active(self.traffic, self.player.x, self.player.y)  # _active_traffic
        movers = [self.player, self.rostavili] + [car for car, _ in active]
        self.moved = (movers, [])
        # The parked cars and barriers stand still until they step, after the drivers; the index of
        # where they stand is kept from step to step until one of them moves.
        parked = self._parked if self._parked is not None else Nearby(self.obstacles)
        if self.phase in ("drive", "train", "escaped"):
            control = self.driver.control(self.rostavili, movers, self.player, self.rng, parked)
            if self.phase == "escaped" and self.driver.s >= self.driver.path.length - 24:
                control = Control(throttle=-1.0)
        else:
            control = Control(throttle=-1.0)
        self.rostavili.drive(control)  # Vehicle.step, written out here and below: a call less each
        self.rostavili.move(solid, tile)
        for car, driver in active:
            car.drive(driver.control(car, movers, parked))
            car.move(solid, tile)
        self._parked = Nearby(self.obstacles) if self._awake and self._roll_obstacles() else parked
        self._collisions(movers)
        self._train_and_crossing()
        self._camera()
        self._lose_check()
        return self.outcome

    def _active_traffic(self) -> list[tuple[Vehicle, LaneDriver]]:
        """The traffic within the radius of the player (the rest waits), in list order."""
        return self._near_traffic.active(self.traffic, self.player.x, self.player.y)

    def _roll_obstacles(self) -> bool:
        """Step the parked cars (no input: a shoved one rolls to a stop); True when one moved. A step that
        changed nothing (every field it writes equal to before, zeros' signs included) changes nothing again
        from the same state, so that car sleeps from then on, until a push changes it (`_collisions`)."""
        awake = self._awake
        if not awake:
            return False
        solid, tile = self.tilemap.solid, self.tilemap.tile_w
        moved, stepped = False, self.moved[1]
        for k in sorted(awake):  # in list order, as the long way steps them
            ob = self.obstacles[k]
            stepped.append(ob)
            before = _pose(ob)
            x, y = ob.x, ob.y
            ob.step(REST, solid, tile)
            moved = moved or (ob.x, ob.y) != (x, y)
            if _pose(ob) == before:
                awake.discard(k)
        return moved

    def _collisions(self, movers: list[Vehicle]) -> None:
        """Push apart every overlapping pair, in a fixed order: each mover (the buses, then the cars)
        with the movers after it, then with the parked cars and barriers in their list order (only
        the ones the parked index finds near it: the others are too far to touch it)."""
        parked = self._parked if self._parked is not None else Nearby(self.obstacles)
        lengths = [v.spec.length for v in movers]
        count, obstacles, awake = len(movers), self.obstacles, self._awake
        for i, a in enumerate(movers):
            ax, ay, length = a.x, a.y, lengths[i]
            for j in range(i + 1, count):
                b = movers[j]
                # _pair's own first test, inlined: most pairs of movers are far apart
                reach = (length + lengths[j]) / 2 + 1
                dx = ax - b.x
                if -reach <= dx <= reach:  # abs(dx) <= reach, as a chained test
                    dy = ay - b.y
                    if -reach <= dy <= reach:
                        self._pair(a, b)
                        ax, ay = a.x, a.y
            reach = (length + parked.longest) / 2 + 1.5  # 0.5 px above the pair test's own
            near, i = parked.near_indices(a.x, a.y, reach, id(a)), 0  # perhaps more: the touch test drops them
            while i < len(near):
                k = near[i]
                i += 1
                b = obstacles[k]
                touch = (length + b.spec.length) / 2 + 1  # _pair's own first test: most near ones are apart
                if a.x - b.x > touch or b.x - a.x > touch or a.y - b.y > touch or b.y - a.y > touch:
                    continue
                before = (a.x, a.y, b.x, b.y)
                if b.static or k in awake:
                    self._pair(a, b)
                else:  # asleep: woken if the touch changed it (pushed or struck), it steps again
                    pose = (b.x, b.y, b.vx, b.vy, b.last_impact)  # struck: last_impact leaves its 0.0
                    self._pair(a, b)
                    if (b.x, b.y, b.vx, b.vy, b.last_impact) != pose:
                        awake.add(k)
                        self.moved[1].append(b)
                if (a.x, a.y, b.x, b.y) != before:  # pushed: ask again where everything now stands
                    parked = self._parked = Nearby(self.obstacles)
                    near, i = [j for j in parked.near_indices(a.x, a.y, reach) if j > k], 0
        if self.train is not None:
            solid, tile = self.tilemap.solid, self.tilemap.tile_w
            for v in movers:
                if v is self.rostavili and self.phase == "train" and obb_overlap(v, self.train.body):
                    self._crash()
                collide(v, self.train.body, solid, tile, restitution=0.1)

    def _pair(self, a: Vehicle, b: Vehicle) -> None:
        """Push a mover and a later vehicle apart if they overlap, with the ram or bump it makes."""
        # obb_overlap's own first test, inlined: most pairs are far apart and collide nothing
        reach = (a.spec.length + b.spec.length) / 2 + 1
        if abs(a.x - b.x) > reach or abs(a.y - b.y) > reach:
            return
        solid, tile = self.tilemap.solid, self.tilemap.tile_w
        if a is self.player and b is self.rostavili:
            impact = collide(a, b, solid, tile, restitution=0.35)
            if impact > 0.3 and self.phase != "crashed":
                b.damage = min(100.0, b.damage + impact * self.tuning.ram_damage)
                self.events.append(Ram(impact))
            return
        impact = collide(a, b, solid, tile)
        if impact > 0.6 and a is self.player:  # every vehicle after the player but him: a car, a parked one
            self.events.append(Bump(impact))
            self.crashes += 1

    def _train_and_crossing(self) -> None:
        r = self.rostavili
        if self.phase == "drive" and _inside(self.approach, r.x, r.y):
            self._call_train()
        if self.train is not None:
            self.train.step()
        if self.phase == "train" and self.driver.s > self.rails_cross_s_route + r.spec.length:
            self.phase = "escaped"
            self.events.append(Escaped())
            log.info("Rostavili got across before the train")
        if self.phase == "crashed":
            self.crash_timer += 1
            if self.crash_timer >= self.tuning.crash_delay:
                self.outcome = WON

    def _call_train(self) -> None:
        """He reaches the approach: time the train to hit him if the player is close, else to miss."""
        r, p = self.rostavili, self.player
        self.close_at_approach = math.hypot(p.x - r.x, p.y - r.y) <= self.tuning.close_enough
        cx, cy = self.crossing.center
        self.rails_cross_s_route = self.driver.path.project(cx, cy)
        run_speed = 3.0
        self.driver.forced_speed = run_speed
        eta = max(0.0, self.rails_cross_s_route - self.driver.s) / run_speed
        if self.close_at_approach:
            arrive = eta - self.tuning.train_early
        else:
            arrive = eta + 75  # the nose reaches the road just after he is across
        s_cross = self.rails.project(cx, cy)
        start = s_cross - self.train_speed * arrive
        self.train = Train(self.rails, start, self.train_speed,
                           Vehicle(0.0, 0.0, 0.0, TRAIN_SPEC, static=True))
        self.train.step()
        self.phase = "train"
        self.events.append(TrainCalled(self.close_at_approach))

    def _crash(self) -> None:
        self.phase = "crashed"
        self.rostavili.damage = 100.0
        if self.train is not None:
            # The train shoves the bus along the rails before it grinds to a halt.
            tf = self.train.body.forward
            self.rostavili.vx = self.rostavili.vx * 0.2 + tf[0] * self.train.speed * 0.5
            self.rostavili.vy = self.rostavili.vy * 0.2 + tf[1] * self.train.speed * 0.5
        self.events.append(Crashed())
        log.info("Rostavili's bus hit the train at step %d", self.steps)

    def _camera(self) -> None:
        p = self.player
        limit = 90.0
        lead = self.tuning.camera_lead  # below: max(-lim, min(lim, v)) as conditionals, the same picks
        tx, ty, low = p.vx * lead, p.vy * lead, -limit * 0.6
        tx = tx if tx < limit else limit
        tx = tx if tx > -limit else -limit
        ty = ty if ty < limit * 0.6 else limit * 0.6
        ty = ty if ty > low else low
        lx, ly = self.lead
        lx, ly = self.lead = (lx + (tx - lx) * 0.04, ly + (ty - ly) * 0.04)
        focus_x, focus_y = p.x + lx, p.y + ly
        if self.phase == "crashed":
            # Pan toward the wreck so the player sees the crash.
            focus_x = (focus_x + self.rostavili.x) / 2
            focus_y = (focus_y + self.rostavili.y) / 2
        self.camera.center_on(focus_x, focus_y)

    def on_screen(self, v: Vehicle, margin: float = 8.0) -> bool:
        cam = self.camera
        cfg = cam.config
        return (cam.x - margin <= v.x <= cam.x + cfg.view_w + margin
                and cam.y - margin <= v.y <= cam.y + cfg.view_h + margin)

    def _lose_check(self) -> None:
        if self.phase == "crashed" or self.outcome is not None:
            return
        if self.on_screen(self.rostavili):
            self.offscreen = max(0, self.offscreen - self.tuning.refill)
            return
        if self.steps <= self.tuning.grace_steps:
            return
        self.offscreen += 1
        if self.offscreen >= self.tuning.lose_steps:
            self.outcome = LOST
            self.events.append(LostSight())

    @property
    def catch_left(self) -> float:
        """The catch bar: 1.0 full, 0.0 when he is lost (drains only while he is off screen)."""
        return max(0.0, 1.0 - self.offscreen / self.tuning.lose_steps)

    @property
    def lose_left(self) -> float:
        """Seconds left on the catch bar before the chase is lost."""
        return max(0.0, (self.tuning.lose_steps - self.offscreen) / STEP_HZ)

    # --- determinism -----------------------------------------------------------------------------

    def state(self) -> tuple:
        vehicles = [self.player, self.rostavili] + [c for c, _ in self.traffic] + self.obstacles
        train = None if self.train is None else (self.train.s,)
        return (self.steps, self.outcome, self.phase, self.offscreen,
                tuple(v.state() for v in vehicles), train)

    def state_hash(self) -> str:
        return hashlib.sha256(repr(self.state()).encode()).hexdigest()[:16]
