"""What a level is made of while it runs: the records (NPCs, pickups, bullets, effects, scripts) and
`LevelState`, the container every system of the level reads and changes.

`LevelState` builds the level from its tile map (Danko, the enemies the difficulty allows, NPCs, pickups)
and keeps the few helpers all systems share (events, effects, the combat log). It has no step of its own:
`LevelSim` (sim.py) runs the systems over it in order.
"""
from __future__ import annotations

import copy
import logging
import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from game import STEP_HZ
from game.actors.body import Body
from game.actors.enemies import KINDS, OUT, Enemy
from game.actors.objects import Command, LevelSpec, Rect, read_level
from game.actors.partner import Partner
from game.actors.player import TUNING, Player
from game.modes.events import Event, Sound
from game.modes.level.difficulty import difficulty_named, difficulty_rank
from game.modes.level.flows import Flows, store_of
from game.modes.level.sight import Sight
from game.world.collision import Grid
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)
CALM_STEPS = 120  # 2 s: nobody can be struck at the start of a level or after a respawn
_CACHES = ("unfired_triggers", "searchable", "vents_on", "pickups_clear")  # LevelState attributes a copy starts without


@dataclass
class Npc:
    name: str
    sprite: str
    x: float
    y: float
    state: str = "stand"   # stand, walk, fallen, hidden, held (grabbed), gone (left the map)
    facing: str = "down"
    role: str = ""         # "" (a bystander), nurse, assassin: the hospital's crowd (ward.py)
    goal: tuple[float, float] | None = None  # where a walk goes (npcs.py)
    speed: float = 0.0     # px a step while walking
    vx: float = 0.0        # this step's motion, for drawing and for what a player can see
    vy: float = 0.0
    timer: int = 0         # steps in the current state


@dataclass
class Pickup:
    id: int
    kind: str
    x: float
    y: float
    taken: bool = False


@dataclass
class Bullet:
    x: float
    y: float
    vx: float
    vy: float
    damage: int
    life: int = 150


@dataclass
class Effect:
    kind: str          # spark, bigspark, flash, tracer, dust, steam, text
    x: float
    y: float
    life: int
    age: int = 0
    x2: float = 0.0    # tracer end
    y2: float = 0.0
    text: str = ""


@dataclass
class Bus:
    """A vehicle of the level (game.modes.level.buses): where it is, and how far along its route it drove."""

    id: int
    name: str
    sprite: str
    x: float               # its centre
    y: float
    heading: float         # radians its nose points: 0 east, pi/2 south
    length: float
    width: float
    driver: str = ""
    state: str = "parked"  # parked (a wall), driving, gone (off the map)
    route: tuple[tuple[float, float], ...] = ()
    s: float = 0.0         # distance driven along the route
    speed: float = 0.0

    def snapshot(self) -> tuple:
        return (self.id, self.state, round(self.x, 3), round(self.y, 3), round(self.heading, 4))


@dataclass
class Script:
    beat: str
    commands: tuple[Command, ...]
    pc: int = 0
    wait: int = 0


class LevelState:
    def __init__(self, tilemap: TileMap, seed: int = 0, flags: dict[str, Any] | None = None,
                 difficulty: str = "normal", log_combat: bool = False) -> None:
        self.tilemap = tilemap
        self.seed = seed
        self.difficulty = difficulty_named(difficulty)
        self.rng = np.random.default_rng(seed)
        self.steps = 0
        self.outcome: str | None = None
        self.tile = tilemap.tile_w
        self.spec: LevelSpec = read_level(tilemap)
        if flags is None:
            flags = dict(self.spec.default_flags)  # played on its own: the flags the story would give
        self.flags: dict[str, Any] = dict(flags)
        self.initial_flags = dict(self.flags)
        for obj, problem in self.spec.problems:
            log.warning("%s: %s: %s", tilemap.path.name, obj.label() if obj else "", problem)
        self.solid = tilemap.solid.copy()
        self.grid = Grid(self.solid, self.tile)
        spawn = tilemap.player_spawn
        self.player = Player(Body.at_feet(spawn.x, spawn.y), TUNING, lives=self.difficulty.lives)
        if self.flags.get("has_gun", False):
            self.player.arm(int(tilemap.properties.get("ammo", 8)))
        self.objective = self.spec.objective
        self.events: list[Event] = []
        self.effects: list[Effect] = []
        self.bullets: list[Bullet] = []
        self.shake = 0.0
        self.hitstop = 0
        self.last_hit: Enemy | None = None
        self.last_hit_step = 0
        self.kills = 0
        self.hits_taken = 0  # blows, shots and scalds Danko took: the result card's figures
        self.best_combo = 0  # the longest chain of hits he landed
        self.log_combat = log_combat
        self.combat_log: list[tuple[int, str, int]] = []
        self.fired: list[int] = []
        self.unfired_triggers: tuple | None = None  # props.check_triggers' list of those still to fire
        self.vents_on: tuple | None = None  # hazards.scald's vents on now, and till when
        self.pickups_clear: tuple | None = None  # props.collect_pickups' room to move without touching one
        self.searchable: tuple | None = None  # search.py's table of the enemies that can be searched
        self.scripts: list[Script] = []
        self.tokens = [0, 0]  # melee, ranged attackers winding up or striking this step
        self.calm_until = CALM_STEPS  # no enemy winds up before this step (level start, respawn)
        self.flows = Flows(self.tile, store_of(tilemap))  # fields shared by every sim of this map
        self.death_timer = 0
        self.saved: Any = None          # the level as its last checkpoint left it (checkpoint.py)
        self.checkpoint_due = False     # a checkpoint trigger fired this step: save at its end
        self.resumed = 0                # continues from a checkpoint so far
        self.gone = False  # an enemy left play this step: `live` is pruned at the end of it
        self.enemies = self._spawn_enemies(difficulty)
        self.live: list[Enemy] = [e for e in self.enemies if e.state != "dormant"]
        self.npcs = [Npc(n.name, n.sprite, n.x, n.y, "hidden" if n.hidden else "stand", n.facing, n.role)
                     for n in self.spec.npcs]
        self.pickups = [Pickup(p.id, p.kind, p.x, p.y) for p in self.spec.pickups]
        self.pickup_ids = 100000  # ids of pickups dropped during play count up from here
        self.doors_open: list[int] = []
        self.partner: Partner | None = None  # Ridzik, where the film has him (set up by partners.setup)
        self.brain: Any = None               # his AI's memory (partner_ai.Brain)
        self.door_cells: tuple[tuple[int, int], ...] = ()
        self.p2_note = 0                     # steps left of "P2 waits: Danko is alone here"
        self.ward: Any = None  # the hospital's crowd (ward.py sets it up in levels with an assassin)
        self.escape: Any = None  # the timed escape, once a script starts it (escape.py)
        self.sight = Sight()  # long lines of sight answered by free boxes (the NPCs' walks)
        self.buses = [Bus(v.id, v.name, v.sprite, *v.rect.center, math.radians(v.heading),
                          max(v.rect.w, v.rect.h), min(v.rect.w, v.rect.h), v.driver) for v in self.spec.vehicles]

    def _spawn_enemies(self, difficulty: str) -> list[Enemy]:
        rank = difficulty_rank(difficulty)
        enemies = []
        for i, s in enumerate(self.spec.enemies):
            if difficulty_rank(s.min_difficulty) > rank:
                continue
            kind = KINDS[s.kind]
            hp = max(1, round(kind.hp * self.difficulty.enemy_hp))
            body = Body.at_feet(s.x, s.y, kind.body_w, kind.body_h)
            e = Enemy(id=s.id, kind=kind, name=s.name or kind.label, body=body, hp=hp, drop=s.drop, wave=s.wave)
            e.cooldown = 40 + (i * 17) % 40  # stagger the first swings
            if s.scripted:
                e.hostile = False
            elif s.wave == 0:
                e.state = "chase" if s.aggro else "idle"
                e.aggro = s.aggro
            enemies.append(e)
        return enemies

    def __deepcopy__(self, memo: dict) -> "LevelState":
        """A checkpoint's copy (checkpoint.py): every attribute deep-copied (through `memo`), but the
        systems' caches of what the map says start empty (they are worked out again on first use)."""
        new = object.__new__(type(self))
        memo[id(self)] = new
        for key, value in self.__dict__.items():
            new.__dict__[key] = None if key in _CACHES else copy.deepcopy(value, memo)
        return new

    # --- shared by the systems -----------------------------------------------------------------
    def set_walls(self, rect: Rect, closed: bool) -> None:
        """Wall off the cells under `rect` (a closed door, a parked bus), or give them back to the map's own
        walls; the flow fields are rebuilt."""
        t = self.tile
        grid = self.grid
        c0, r0, c1, r1 = rect.cells(t)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if 0 <= r < grid.rows and 0 <= c < grid.cols:
                    value = closed or bool(self.tilemap.solid[r, c])
                    self.solid[r, c] = value
                    grid.set_solid(c, r, value)
        self.flows.forget()

    @property
    def time_ms(self) -> float:
        """Game-clock time, for animations: steps at 60 Hz, never the wall clock."""
        return self.steps * 1000.0 / STEP_HZ

    @property
    def player_targetable(self) -> bool:
        return self.player.state != "dead"

    def flag_met(self, flag: str) -> bool:
        """Whether a trigger's or an exit's required flag is set (an empty one asks for nothing)."""
        return not flag or bool(self.flags.get(flag))

    @property
    def area_clear(self) -> bool:
        for e in self.live:
            if e.hostile and e.hp > 0 and e.state not in OUT:  # e.active, inlined
                return False
        return True

    def emit(self, event: Event) -> None:
        self.events.append(event)

    def emit_sound(self, name: str) -> None:
        self.events.append(Sound(name))

    def log_event(self, kind: str, enemy: Enemy) -> None:
        if self.log_combat:
            self.combat_log.append((self.steps, kind, enemy.id))

    def age_effects(self) -> None:
        """Screen shake decays and sparks, flashes and texts grow older (the oldest go)."""
        if self.shake > 0:
            self.shake = max(0.0, self.shake * 0.85 - 0.05)
        if self.effects:
            for fx in self.effects:
                fx.age += 1
            self.effects = [fx for fx in self.effects if fx.age < fx.life]
