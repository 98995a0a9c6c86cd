"""Enemies: data-driven kinds (levels/enemies.toml, named by the TMX `kind` property) and one state machine.

Every attack starts with a visible tell (`tell` state, `Attack.startup` steps) before it can hurt;
the sim logs both so tests can prove it. Enemies chase along the shared flow field, switch to direct
steering once they see Danko up close, take a slot on a ring around him so they surround rather than
stack, and only a few (by difficulty) may attack at once. Per-step work is plain float arithmetic and
list indexing: no path search, no numpy call per enemy.
"""
from __future__ import annotations

import copy
import logging
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Protocol

import numpy as np

from game.actors.body import Body
from game.actors.combat import Attack, unit
from game.content.loader import load
from game.world.collision import Grid
from game.world.navigation import FlowField

log = logging.getLogger(__name__)

THINK_EVERY = 3        # steps between steering decisions while chasing


@dataclass(frozen=True)
class EnemyKind:
    key: str
    label: str            # shown on the HUD when this enemy was hit last
    sprite: str           # character sheet name (game.sprites)
    hp: int
    speed: float          # px/step
    attacks: tuple[Attack, ...]
    accel: float = 0.2
    ring: float = 17.0    # where it stands around Danko to strike (feet to feet, px)
    reach: float = 22.0   # starts a melee tell within this distance
    cooldown: int = 50    # steps between attacks
    armored: bool = False  # punches neither flinch it nor hurt much: it must be knocked down
    ranged: bool = False
    keep_min: float = 0.0  # a ranged enemy backs off inside this distance...
    keep_max: float = 0.0  # ...and closes in beyond this one
    aggro_range: float = 150.0
    hit_and_run: int = 0   # steps spent backing off after an attack (knife thugs)
    body_w: float = 10.0
    body_h: float = 6.0

    gun: Attack | None = field(init=False, default=None)   # its ranged attack, if any
    melee: tuple[Attack, ...] = field(init=False, default=())  # its hand-to-hand attacks
    steer_k: float = field(init=False, default=0.0)        # how hard it turns when it steers every step...
    chase_steer_k: float = field(init=False, default=0.0)  # ...and every THINK_EVERY steps (chasing)

    def __post_init__(self) -> None:
        object.__setattr__(self, "gun", next((a for a in self.attacks if a.ranged), None))
        object.__setattr__(self, "melee", tuple(a for a in self.attacks if not a.ranged))
        object.__setattr__(self, "steer_k", min(1.0, self.accel * 1.5))
        object.__setattr__(self, "chase_steer_k", min(1.0, self.accel * 1.5 * THINK_EVERY))

    def __deepcopy__(self, memo: dict) -> "EnemyKind":
        return self  # immutable: a checkpoint's copy of the level shares it


def kinds_from(table: dict[str, Any]) -> dict[str, EnemyKind]:
    """The checked table of levels/enemies.toml as kinds; attacks keep their order (the boss picks by index)."""
    return {key: EnemyKind(key, attacks=tuple(Attack(name, **a) for name, a in row["attacks"].items()),
                           **{k: v for k, v in row.items() if k != "attacks"})
            for key, row in table.items()}


def load_kinds(path: Path | None = None) -> dict[str, EnemyKind]:
    return kinds_from(load("enemies", path))


KINDS: dict[str, EnemyKind] = load_kinds()  # levels/enemies.toml, in file order

BULLET_SPEED = 3.2

class Target(Protocol):
    """What an enemy reads of Danko: where he stands and whether he is down for good."""
    @property
    def body(self) -> Body: ...
    @property
    def state(self) -> str: ...


class FlowSteps(Protocol):
    """The shared flow field toward Danko, as the crowd walks it."""
    def step_from(self, col: float, row: float) -> tuple[int, int]:
        """Unit step (dx, dy) toward Danko from a cell (whole numbers, floats allowed)."""
        ...


class EnemyWorld(Protocol):
    """All an enemy asks of the level it fights in (the level's LevelSim is one)."""
    @property
    def steps(self) -> int: ...
    @property
    def tile(self) -> int: ...
    @property
    def rng(self) -> np.random.Generator: ...
    @property
    def player(self) -> Target: ...
    @property
    def grid(self) -> Grid: ...
    def foe_of(self, e: "Enemy") -> Target: ...
    @property
    def flows(self) -> "FlowSteps": ...
    def field_to(self, gx: float, gy: float) -> FlowField: ...
    def attack_token_free(self, ranged: bool) -> bool: ...
    def take_token(self, ranged: bool) -> None: ...
    def enemy_cooldown(self, base: int) -> int: ...
    def log_event(self, kind: str, enemy: "Enemy") -> None: ...
    def emit_sound(self, name: str) -> None: ...
    def enemy_strike(self, e: "Enemy") -> None: ...
    def enemy_fire(self, e: "Enemy") -> None: ...
    def on_enemy_gone(self, e: "Enemy") -> None: ...


DOWN_STEPS = 50
GETUP_STEPS = 16
DEATH_STEPS = 50
TRACK_FRACTION = 0.6   # the aim follows Danko for this part of a tell, then locks: step aside to dodge
ARMOR_DAMAGE = 0.25
OUT = frozenset(("dormant", "dying", "gone"))  # states of an enemy not alive (whatever its hp)
_UNHITTABLE = OUT | {"down", "getup", "passive", "script"}
_PLAIN = frozenset((int, float, str, bool, type(None)))  # immutable values a copy may share


@dataclass
class Enemy:
    id: int
    kind: EnemyKind
    name: str
    body: Body
    hp: int
    state: str = "dormant"   # dormant, idle, chase, tell, attack, recover, backoff, hurt, down,
                             # getup, dying, gone, script, passive
    timer: int = 0
    stun: int = 0
    cooldown: int = 30
    aggro: bool = False
    hostile: bool = True     # scripted actors (Rostavili at the sting) do not fight
    attack: Attack | None = None
    aim: tuple[float, float] = (0.0, 1.0)
    has_token: bool = False
    slot: float = 0.0        # angle of its place on the ring around Danko
    los: bool = False        # line of sight to Danko, refreshed every few steps
    goal: tuple[float, float] | None = None  # scripted walk target
    vanish: bool = False     # disappear on reaching the goal (fleeing)
    drop: str = ""
    wave: int = 0
    hit_player: bool = False
    flash: int = 0           # steps of hit flash, for drawing
    push_x: float = 0.0      # separation from neighbours, added to this step's move
    push_y: float = 0.0
    foe: int = 0             # whom it goes for: 0 Danko, 1 his partner (the level decides)
    max_hp: int = field(init=False)

    def __post_init__(self) -> None:
        self.max_hp = self.hp

    def __deepcopy__(self, memo: dict) -> "Enemy":
        """A checkpoint's copy of a crowd: plain values (most of an enemy) taken as they are, the rest
        (its body, aim, goal; its kind and attack share themselves) through `copy.deepcopy`."""
        new = object.__new__(Enemy)
        memo[id(self)] = new
        d = new.__dict__
        for key, value in self.__dict__.items():
            d[key] = value if type(value) in _PLAIN else copy.deepcopy(value, memo)
        return new

    @property
    def alive(self) -> bool:
        return self.hp > 0 and self.state not in OUT

    @property
    def active(self) -> bool:
        """Counts for 'clear the area': alive, hostile, in play."""
        return self.hostile and self.hp > 0 and self.state not in OUT  # alive, inlined (asked often)

    @property
    def hittable(self) -> bool:
        return self.hp > 0 and self.state not in _UNHITTABLE  # alive, and not down or out of the fight

    # --- the step ----------------------------------------------------------------------------
    def step(self, world: "EnemyWorld") -> None:
        """One step of this enemy alone (the level steps its whole crowd at once: `step_crowd`)."""
        step_crowd((self,), world)

    def _act(self, world: "EnemyWorld") -> bool:
        """This step in every state but `chase` (which `step_crowd` runs itself), after the timers. True
        when it moves this step (by its velocity and push: `step_crowd` moves it with the chasers)."""
        s = self.state
        if s == "dormant" or s == "gone":
            self.timer -= 1
            return False
        if s == "dying":
            self._brake(0.3)
            if self.timer >= DEATH_STEPS:
                self.state = "gone"
                world.on_enemy_gone(self)
        elif s == "hurt":
            self._brake(0.25)
            self.stun -= 1
            if self.stun <= 0:
                self._set("chase")
        elif s == "down":
            self._brake(0.3)
            if self.timer >= DOWN_STEPS:
                self._set("getup")
        elif s == "getup":
            if self.timer >= GETUP_STEPS:
                self._set("chase")
        elif s == "script":
            self._walk_to_goal(world)
        elif s == "passive":
            self._brake(0.3)
        elif s == "idle":
            self._brake(0.3)
            if (self.timer + self.id) % 12 == 0:
                self._look(world)
        elif s == "tell":
            self._tell(world)
        elif s == "attack":
            self._strike(world)
        elif s == "recover":
            self._brake(0.3)
            if self.attack is None or self.timer >= self.attack.recovery:
                self._set("backoff" if self.kind.hit_and_run else "chase")
        elif s == "backoff":
            px, py = self._foe(world).body.feet
            fx, fy = self.body.feet
            self._steer(fx - (px - fx), fy - (py - fy), self.kind.speed * 0.9)
            if self.timer >= self.kind.hit_and_run:
                self._set("chase")
        return True

    def _foe(self, world: "EnemyWorld") -> Target:
        """Whom it fights: Danko, or his partner when the level set it on him."""
        return world.player if not self.foe else world.foe_of(self)

    def _set(self, state: str) -> None:
        self.state, self.timer = state, 0
        if state not in ("tell", "attack"):
            self.has_token = False

    # --- senses ------------------------------------------------------------------------------
    def _look(self, world: "EnemyWorld") -> None:
        fx, fy = self.body.feet
        px, py = world.player.body.feet
        if (px - fx) ** 2 + (py - fy) ** 2 < self.kind.aggro_range ** 2:
            self.los = world.grid.line_of_sight(fx, fy - 3, px, py - 3)
            if self.los:
                self.make_aggro()

    def make_aggro(self) -> None:
        self.aggro = True
        if self.state in ("idle",):
            self._set("chase")

    # --- movement ----------------------------------------------------------------------------
    def _brake(self, friction: float) -> None:
        self.body.brake(friction)

    def _steer(self, tx: float, ty: float, max_speed: float) -> None:
        b = self.body
        self._steer_from(b.x + b.w / 2, b.y + b.h, tx, ty, max_speed)

    def _steer_from(self, fx: float, fy: float, tx: float, ty: float, max_speed: float) -> None:
        """Turn the velocity toward (tx, ty) from its feet at (fx, fy), arriving gently."""
        dx, dy = tx - fx, ty - fy
        kind = self.kind
        self._steer_by(dx, dy, math.hypot(dx, dy), max_speed,
                       kind.chase_steer_k if self.state == "chase" else kind.steer_k)

    def _steer_by(self, dx: float, dy: float, d: float, max_speed: float, k: float) -> None:
        """`_steer_from` with the offset (dx, dy) to the target worked out, d its length, k how hard it turns."""
        if d < 1.5:
            self._brake(self.kind.accel)
            return
        want = d * 0.15 + 0.2  # arrive gently instead of orbiting the spot
        if want > max_speed:
            want = max_speed
        b = self.body
        b.vx += (dx / d * want - b.vx) * k
        b.vy += (dy / d * want - b.vy) * k

    def _follow_flow(self, world: "EnemyWorld", speed: float, fx: float, fy: float, px: float,
                     py: float) -> None:
        """Steer from its feet (fx, fy) along the flow field; straight at the foe's feet (px, py) on its tile."""
        t = world.tile
        col, row = fx // t, (fy - 1) // t  # whole floats
        dx, dy = world.flows.step_from(col, row)
        if dx == 0 and dy == 0:
            self._steer_from(fx, fy, px, py, speed)
            return
        self._steer_from(fx, fy, (col + dx + 0.5) * t, (row + dy + 0.5) * t + 3, speed)

    def _walk_to_goal(self, world: "EnemyWorld") -> None:
        assert self.goal is not None
        gx, gy = self.goal
        fx, fy = self.body.feet
        if (gx - fx) ** 2 + (gy - fy) ** 2 < 36:
            self.body.vx = self.body.vy = 0.0
            if self.vanish:
                self.state = "gone"
                world.on_enemy_gone(self)
            else:
                self._set("passive")
            return
        if world.grid.line_of_sight(fx, fy - 3, gx, gy - 3):
            self._steer(gx, gy, self.kind.speed * 1.3)
        else:
            t = world.tile
            col, row = int(fx // t), int((fy - 1) // t)
            dx, dy = world.field_to(gx, gy).direction(col, row)
            self._steer((col + dx + 0.5) * t, (row + dy + 0.5) * t + 3, self.kind.speed * 1.3)
        self.body.face(self.body.vx, self.body.vy)

    # --- fighting ----------------------------------------------------------------------------
    def _chase(self, world: "EnemyWorld", px: float, py: float, dead: bool) -> None:
        """A chaser's think (every THINK_EVERY steps): toward the feet (px, py) of whom it fights, who is
        down for good when `dead`. `step_crowd` reads those once a step for all who go for Danko."""
        k = self.kind
        b = self.body
        fx, fy = b.x + b.w / 2, b.y + b.h
        dx, dy = px - fx, py - fy
        dist = math.hypot(dx, dy)
        if (self.timer + self.id) % 4 == 0 or self.timer < THINK_EVERY:
            self.los = dist < 200 and world.grid.line_of_sight(fx, fy - 3, px, py - 3)
        if dead:  # not world.player_targetable
            self._steer_from(fx, fy, fx - dx, fy - dy, k.speed * 0.5) if dist < 40 else self._brake(0.3)
            return
        if self.los and dist > 1:
            b.face(dx, dy)
        if k.gun is not None and self.los and self._ranged_choice(world, dist, fx, fy, px, py):
            return
        if not self.los or dist > 80:  # along the flow field, gunmen out of sight too: `_follow_flow`, inline
            t = world.tile
            col, row = fx // t, (fy - 1) // t  # whole floats
            sx, sy = world.flows.step_from(col, row)
            if sx or sy:  # else straight at the foe (dx, dy and dist as they are)
                dx, dy = (col + sx + 0.5) * t - fx, (row + sy + 0.5) * t + 3 - fy
                dist = math.hypot(dx, dy)
            self._steer_by(dx, dy, dist, k.speed, k.chase_steer_k)
            return
        # Close and in sight: take a slot on the ring; those without an attack token wait further out.
        can_attack = self.cooldown == 0 and world.attack_token_free(ranged=False)
        radius = k.ring if can_attack else k.ring + 18
        tx = px + math.cos(self.slot) * radius
        ty = py + math.sin(self.slot) * radius * 0.8
        self._steer_from(fx, fy, tx, ty, k.speed)
        if can_attack and dist < k.reach:
            melee = k.melee
            choice = melee[0] if len(melee) == 1 else melee[int(world.rng.integers(len(melee)))]
            self._begin(choice, world, dx, dy)

    def _ranged_choice(self, world: "EnemyWorld", dist: float, fx: float, fy: float, px: float,
                       py: float) -> bool:
        """Gunmen (and the boss at range) keep their distance and shoot. True when it acted."""
        k = self.kind
        if k.melee and dist < 70:
            return False  # the boss fights hand to hand up close
        if not self.los or dist > k.keep_max:
            self._follow_flow(world, k.speed, fx, fy, px, py)
        elif dist < k.keep_min:
            self._steer_from(fx, fy, fx - (px - fx), fy - (py - fy), k.speed)  # back off
        else:
            # Strafe sideways on its slot so gunmen spread out instead of lining up.
            tx = px + math.cos(self.slot) * (k.keep_min + k.keep_max) / 2
            ty = py + math.sin(self.slot) * (k.keep_min + k.keep_max) / 2
            self._steer_from(fx, fy, tx, ty, k.speed * 0.7)
        if (k.gun is not None and self.los and self.cooldown == 0 and dist < k.keep_max + 20
                and world.attack_token_free(ranged=True)):
            self._begin(k.gun, world, px - fx, py - fy)
        return True

    def _begin(self, attack: Attack, world: "EnemyWorld", dx: float, dy: float) -> None:
        self.attack = attack
        self.aim = unit(dx, dy)
        self.body.face(dx, dy)
        self._set("tell")
        self.has_token = True
        world.take_token(ranged=attack.ranged)
        world.log_event("tell", self)

    def _tell(self, world: "EnemyWorld") -> None:
        attack = self.attack
        assert attack is not None
        self._brake(0.3)
        if self.timer <= attack.startup * TRACK_FRACTION:
            px, py = self._foe(world).body.feet
            fx, fy = self.body.feet
            self.aim = unit(px - fx, py - fy)
            self.body.face(*self.aim)
        if self.timer >= attack.startup:
            self._set("attack")
            self.has_token = True
            self.hit_player = False
            world.log_event("strike", self)
            world.emit_sound(attack.sound if not attack.ranged else "shot")
            if attack.ranged:
                world.enemy_fire(self)

    def _strike(self, world: "EnemyWorld") -> None:
        attack = self.attack
        assert attack is not None
        if attack.lunge:
            self.body.vx, self.body.vy = self.aim[0] * attack.lunge, self.aim[1] * attack.lunge
        if not attack.ranged and not self.hit_player:
            world.enemy_strike(self)
        if self.timer >= attack.active:
            self._set("recover")
            self.cooldown = world.enemy_cooldown(self.kind.cooldown)

    # --- being hit ---------------------------------------------------------------------------
    def take_hit(self, attack: Attack, kx: float, ky: float, damage: int, knockback: float) -> int:
        """Apply a hit; returns the damage dealt. Armored enemies shrug off all but knockdowns."""
        knockdown = attack.knockdown
        if self.kind.armored and not knockdown:
            damage = max(1, int(damage * ARMOR_DAMAGE))
            self.hp -= damage
            self.flash = 6
            if self.hp <= 0:
                self._die(kx, ky, 2.0)
            elif self.state == "tell":  # a landed blow breaks even a heavy's wind-up
                self.has_token = False
                self._set("hurt")
                self.stun = attack.hitstun // 2
            return damage
        self.hp -= damage
        self.flash = 8
        self.aggro = True
        ux, uy = unit(kx, ky)
        self.body.vx, self.body.vy = ux * knockback, uy * knockback
        self.has_token = False
        if self.hp <= 0:
            self._die(kx, ky, knockback)
        elif knockdown:
            self._set("down")
        else:
            self._set("hurt")
            self.stun = attack.hitstun
        return damage

    def _die(self, kx: float, ky: float, knockback: float) -> None:
        self.hp = 0
        ux, uy = unit(kx, ky)
        self.body.vx, self.body.vy = ux * knockback, uy * knockback
        self._set("dying")

    def snapshot(self) -> tuple:
        b = self.body
        return (self.id, b.x, b.y, b.vx, b.vy, self.hp, self.state, self.timer, self.aggro)


def step_crowd(crowd: Iterable[Enemy], world: EnemyWorld) -> None:
    """One step of each enemy in turn: its timers, then its state's work and its move.

    Chasing, most of a crowd on most steps, is run right here: steering is decided every THINK_EVERY steps
    (staggered by id) and the velocity kept in between, so forty chasers stay cheap, and the lag reads as
    reaction time. Separation rides along with the move. The enemies move after every one acted, all in one
    call (Grid.move_bodies): no enemy's step reads another's body, so the order changes nothing."""
    steps = world.steps
    player = world.player
    pb = player.body
    px, py = pb.x + pb.w / 2, pb.y + pb.h  # Danko's feet: nothing in the crowd's step moves him
    dead = player.state == "dead"
    walkers: list[Body] = []  # the bodies that move this step, and their moves
    moves_x: list[float] = []
    moves_y: list[float] = []
    walker, move_x, move_y = walkers.append, moves_x.append, moves_y.append
    for e in crowd:
        e.timer += 1
        if e.flash:
            e.flash -= 1
        if e.cooldown:
            e.cooldown -= 1
        if e.state == "chase":
            if (steps + e.id) % THINK_EVERY == 0 or e.timer == 1:
                if e.foe:
                    foe = world.foe_of(e)
                    fb = foe.body
                    e._chase(world, fb.x + fb.w / 2, fb.y + fb.h, foe.state == "dead")
                else:
                    e._chase(world, px, py, dead)
        else:
            moves = e._act(world)
            dead = player.state == "dead"  # its blow may have floored him
            if not moves:
                continue
        b = e.body
        walker(b)
        move_x(b.vx + e.push_x)
        move_y(b.vy + e.push_y)
    world.grid.move_bodies(walkers, moves_x, moves_y)
