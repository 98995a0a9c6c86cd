"""Ivan Danko, as the player steers him: 8-way movement with acceleration, punch-punch-kick combo
with cancel windows, a knockdown kick, a shoulder charge, and the heavy pistol when the story says so.

The player only decides; the level (passed in as `world`, a `PlayerWorld`) resolves hits, bullets and effects.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Protocol

from game.actors.body import Body
from game.actors.combat import SNAP8_KEYS, Attack, recover_step, take_blow
from game.content.loader import load
from game.input.actions import Action, InputFrame
from game.world.collision import Grid
from game.world.corners import gap_side

log = logging.getLogger(__name__)


class PlayerWorld(Protocol):
    """All Danko asks of the level he fights in (the level's LevelSim is one)."""
    @property
    def grid(self) -> Grid: ...
    def emit_sound(self, name: str) -> None: ...
    def aim_assist(self, aim: tuple[float, float]) -> tuple[float, float]: ...
    def player_strike(self, attack: Attack, body_contact: bool = False) -> None: ...
    def player_shoot(self, aim: tuple[float, float]) -> None: ...


@dataclass(frozen=True)
class PlayerTuning:
    accel: float      # px/step^2
    max_speed: float  # px/step
    friction: float
    max_health: int
    max_ammo: int

    def __deepcopy__(self, memo: dict) -> "PlayerTuning":
        return self  # immutable: a checkpoint's copy of the level shares it


def attacks_from(table: dict[str, Any]) -> dict[str, Attack]:
    """The checked attacks of levels/player.toml by name."""
    return {name: Attack(name, **a) for name, a in table["attacks"].items()}


def tuning_from(table: dict[str, Any]) -> PlayerTuning:
    return PlayerTuning(**{f.name: table["tuning"][f.name] for f in fields(PlayerTuning)})


def load_player(path: Path | None = None) -> tuple[PlayerTuning, dict[str, Attack]]:
    table = load("player", path)
    return tuning_from(table), attacks_from(table)


# Frame data and timing (steps at 60 Hz) from levels/player.toml. A follow-up pressed any time before
# `cancel_from` is buffered and comes out exactly at `cancel_from`; pressed after the attack ended, it
# starts a fresh combo.
TUNING, ATTACKS = load_player()
PUNCH_1, PUNCH_2, KICK, COMBO_KICK = ATTACKS["punch1"], ATTACKS["punch2"], ATTACKS["kick"], ATTACKS["combo_kick"]
CHARGE, SHOOT, PISTOL = ATTACKS["charge"], ATTACKS["shoot"], ATTACKS["pistol"]  # PISTOL: a bullet's hit
_TIMING = load("player")["tuning"]
CHARGE_SPEED: float = _TIMING["charge_speed"]
CHARGE_COOLDOWN: int = _TIMING["charge_cooldown"]
SHOT_COOLDOWN: int = _TIMING["shot_cooldown"]
SHOT_DAMAGE = PISTOL.damage
SHOT_RANGE: float = _TIMING["shot_range"]
MAGAZINE: int = _TIMING["magazine"]                # the Podbyrin's rounds between reloads
RELOAD_STEPS: int = _TIMING["reload_steps"]
BUFFER_STEPS: int = _TIMING["buffer_steps"]
IFRAMES: int = _TIMING["iframes"]                  # blinking invulnerability after a hit
DOWN_STEPS: int = _TIMING["down_steps"]            # lying on the floor after a knockdown
RESPAWN_IFRAMES: int = _TIMING["respawn_iframes"]
_BUTTONS = ((int(Action.PUNCH), "punch"), (int(Action.KICK), "kick"), (int(Action.SPECIAL), "charge"),
            (int(Action.SHOOT), "shoot"))
_ATTACK_BITS = int(Action.PUNCH | Action.KICK | Action.SPECIAL | Action.SHOOT)
_UP, _DOWN, _LEFT, _RIGHT = int(Action.UP), int(Action.DOWN), int(Action.LEFT), int(Action.RIGHT)


@dataclass
class Player:
    body: Body
    tuning: PlayerTuning = TUNING
    health: int = -1       # -1: starts at the tuning's max_health
    lives: int = 3
    ammo: int = 0          # every round he carries, those in the gun included
    loaded: int = 0        # rounds in the gun
    reload: int = 0        # steps left of a reload
    armed: bool = False
    state: str = "free"    # free, attack, hurt, down, dead
    timer: int = 0         # steps in the current state
    attack: Attack | None = None
    aim: tuple[float, float] = (0.0, 1.0)
    buffered: str | None = None
    buffer_age: int = 0
    iframes: int = 0
    stun: int = 0          # remaining hitstun or down time
    charge_cooldown: int = 0
    shot_cooldown: int = 0
    hit_ids: list[int] = field(default_factory=list)  # enemies struck by the current attack
    combo: int = 0         # hits landed in the current chain, for the HUD
    name: str = "Danko"

    def __post_init__(self) -> None:
        if self.health < 0:
            self.health = self.tuning.max_health

    # --- input -------------------------------------------------------------------------------
    def _read_buttons(self, frame: InputFrame) -> None:
        pressed = int(frame.pressed)
        if pressed & _ATTACK_BITS:
            for bit, name in _BUTTONS:
                if pressed & bit:
                    self.buffered, self.buffer_age = name, 0
                    return
        if self.buffered is not None:
            self.buffer_age += 1
            if self.buffer_age > BUFFER_STEPS:
                self.buffered = None

    def take_buffer(self) -> str | None:
        b, self.buffered = self.buffered, None
        return b

    # --- the step ----------------------------------------------------------------------------
    def step(self, frame: InputFrame, world: "PlayerWorld") -> None:
        if self.iframes:
            self.iframes -= 1
        if self.charge_cooldown:
            self.charge_cooldown -= 1
        if self.shot_cooldown:
            self.shot_cooldown -= 1
        if self.reload:
            self.reload -= 1
            if self.reload == 0:
                self.loaded = min(MAGAZINE, self.ammo)
                world.emit_sound("click")
        if self.state == "dead":
            self._brake(0.3)
            world.grid.move_body(self.body, self.body.vx, self.body.vy)
            return
        if self.buffered is not None or int(frame.pressed) & _ATTACK_BITS:  # (else it has nothing to do)
            self._read_buttons(frame)
        held = int(frame.held)  # plain ints: IntFlag arithmetic is slow on the hot path
        dx = (1 if held & _RIGHT else 0) - (1 if held & _LEFT else 0)
        dy = (1 if held & _DOWN else 0) - (1 if held & _UP else 0)
        if dx or dy:
            self.aim = SNAP8_KEYS[dx, dy]  # snap8(dx, dy)
        self.timer += 1
        if self.state == "hurt" or self.state == "down":
            recover_step(self, 40)
        elif self.state == "attack":
            self._attack_step(world)
        if self.state == "free":
            if self.buffered is None or not self._start_buffered(world):  # (nothing buffered: False)
                t = self.tuning
                b = self.body
                b.steer(dx, dy, t.accel, t.max_speed, t.friction)
                # A doorway is only looked for when he pushes along exactly one axis (gap_side is 0 else).
                side = (gap_side(world.grid, b.x, b.y, b.w, b.h, dx, dy, room=b.room)
                        if (dx == 0) != (dy == 0) else 0)
                if side:  # a doorway just beside: slide along the wall into it
                    if dx:
                        self.body.vy = side * t.max_speed
                    else:
                        self.body.vx = side * t.max_speed
        world.grid.move_body(self.body, self.body.vx, self.body.vy)

    def _enter(self, state: str) -> None:
        self.state, self.timer = state, 0
        if state == "free":
            self.attack = None
            self.combo = 0

    def _brake(self, friction: float) -> None:
        self.body.steer(0, 0, 0, 0, friction)

    def _start_buffered(self, world: "PlayerWorld") -> bool:
        choice = self.buffered
        if choice is None:
            return False
        if choice == "punch":
            self.take_buffer()
            self._begin(PUNCH_1, world)
        elif choice == "kick":
            self.take_buffer()
            self._begin(KICK, world)
        elif choice == "charge":
            self.take_buffer()
            if self.charge_cooldown:
                return False
            self.charge_cooldown = CHARGE_COOLDOWN
            self._begin(CHARGE, world)
        elif choice == "shoot":
            self.take_buffer()
            if not self.armed or self.shot_cooldown or self.reload:
                return False
            if self.ammo <= 0:
                world.emit_sound("click")
                self.shot_cooldown = SHOT_COOLDOWN
                return False
            if self.loaded <= 0:
                self.reload = RELOAD_STEPS
                return False
            self.ammo -= 1
            self.loaded -= 1
            if self.loaded == 0 and self.ammo > 0:
                self.reload = RELOAD_STEPS  # the slide locks back: a fresh magazine
            self.shot_cooldown = SHOT_COOLDOWN
            world.player_shoot(self.aim)
            self._begin(SHOOT, world, assist=False)
        return True

    def _begin(self, attack: Attack, world: "PlayerWorld", assist: bool = True) -> None:
        if assist:
            self.aim = world.aim_assist(self.aim)
        self.attack = attack
        self.hit_ids = []
        self.state, self.timer = "attack", 0
        self.body.face(*self.aim)
        if attack.name == "charge":
            world.emit_sound("charge")

    def _attack_step(self, world: "PlayerWorld") -> None:
        attack = self.attack
        assert attack is not None
        t = self.timer
        phase = attack.phase(t)
        ax, ay = self.aim
        if attack.name == "charge":
            if phase == "active":
                self.body.vx, self.body.vy = ax * CHARGE_SPEED, ay * CHARGE_SPEED
                world.player_strike(attack, body_contact=True)
            else:
                self._brake(0.4)
        else:
            if phase != "recovery" and attack.lunge:
                self.body.vx, self.body.vy = ax * attack.lunge, ay * attack.lunge
            else:
                self._brake(0.5)
            if phase == "active" and attack.damage:
                world.player_strike(attack)
        # Cancel windows: punch -> punch -> kick.
        if t >= attack.cancel_from and attack.cancel_from and self.buffered in ("punch", "kick"):
            follow = self.take_buffer()
            if attack.name == "punch1":
                self._begin(PUNCH_2 if follow == "punch" else COMBO_KICK, world)
                return
            if attack.name == "punch2":
                self._begin(COMBO_KICK, world)
                return
        if t >= attack.total:
            self._enter("free")

    # --- being hit ---------------------------------------------------------------------------
    @property
    def vulnerable(self) -> bool:
        return self.iframes == 0 and self.state not in ("dead", "down")

    def take_hit(self, damage: int, kx: float, ky: float, knockback: float, hitstun: int,
                 knockdown: bool) -> None:
        take_blow(self, damage, kx, ky, knockback)
        self.buffered = None
        if self.health <= 0:
            self.state, self.timer, self.stun = "dead", 0, 0
            return
        self.iframes = IFRAMES
        if knockdown:
            self.state, self.timer, self.stun = "down", 0, DOWN_STEPS
        else:
            self.state, self.timer, self.stun = "hurt", 0, hitstun

    def arm(self, ammo: int) -> None:
        """The story gives him the Podbyrin with `ammo` rounds, a magazine of them loaded."""
        self.armed, self.ammo, self.loaded, self.reload = True, ammo, min(MAGAZINE, ammo), 0

    def gain_ammo(self, rounds: int) -> None:
        """Picked-up rounds; an empty gun starts its reload."""
        self.ammo = min(self.tuning.max_ammo, self.ammo + rounds)
        if self.loaded == 0 and not self.reload and self.ammo > 0:
            self.reload = RELOAD_STEPS

    def respawn(self) -> None:
        self.health = self.tuning.max_health
        self.state, self.timer, self.stun = "free", 0, 0
        self.iframes = RESPAWN_IFRAMES
        self.attack = None

    def snapshot(self) -> tuple:
        gun = (self.loaded, self.reload) if self.armed else ()  # unarmed levels keep their hashes
        return self.body.state() + (float(self.health), float(self.lives), float(self.ammo),
                                    self.state, self.timer, self.iframes) + gun
