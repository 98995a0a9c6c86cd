"""Art Ridzik, Danko's partner: his body, health and moves (jab, kick, revolver with a reload), steered by
an intent each step (from the partner AI or from a second player) and floored, never killed.

The actor only carries out the intent; the level (a `PartnerWorld`) resolves where his blows and shots
land. At no health he is out (lying, ignored by the thugs) until Danko helps him up.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Protocol

from game.actors.body import Body
from game.actors.combat import Attack, recover_step, snap8, take_blow
from game.content.loader import load
from game.world.collision import Grid

log = logging.getLogger(__name__)

MOVES = ("jab", "kick", "shoot")  # what an intent may ask for


class PartnerWorld(Protocol):
    """All Ridzik asks of the level he fights in (the level's LevelSim is one)."""
    @property
    def grid(self) -> Grid: ...
    def emit_sound(self, name: str) -> None: ...
    def partner_strike(self, attack: Attack) -> None: ...
    def partner_shoot(self, aim: tuple[float, float]) -> None: ...


@dataclass(frozen=True)
class PartnerTuning:
    accel: float
    max_speed: float
    friction: float
    max_health: int
    iframes: int
    down_steps: int
    rounds: int
    reload_steps: int
    shot_cooldown: int
    shot_range: float
    help_steps: int
    helped_health: int


def load_partner(path: Path | None = None) -> tuple[PartnerTuning, dict[str, Attack]]:
    """Ridzik's tuning and attacks from levels/partner.toml (checked by `python -m game check`)."""
    table: dict[str, Any] = load("partner", path)
    tuning = PartnerTuning(**{f.name: table["tuning"][f.name] for f in fields(PartnerTuning)})
    return tuning, {name: Attack(name, **a) for name, a in table["attacks"].items()}


TUNING, ATTACKS = load_partner()
JAB, KICK, SHOOT, REVOLVER = ATTACKS["jab"], ATTACKS["kick"], ATTACKS["shoot"], ATTACKS["revolver"]


@dataclass(frozen=True)
class Intent:
    """What Ridzik means to do this step: a direction (any length, zero to stand) and at most one move."""

    dx: float = 0.0
    dy: float = 0.0
    move: str | None = None   # one of MOVES
    aim: tuple[float, float] | None = None  # where a shot or blow goes (None: along the stick / facing)


IDLE = Intent()


@dataclass
class Partner:
    body: Body
    tuning: PartnerTuning = TUNING
    name: str = "Ridzik"
    health: int = -1
    state: str = "free"    # free, attack, hurt, down, out
    timer: int = 0
    attack: Attack | None = None
    aim: tuple[float, float] = (0.0, 1.0)
    iframes: int = 0
    stun: int = 0
    shot_cooldown: int = 0
    rounds: int = -1       # in the cylinder; -1: a full one
    reload: int = 0        # steps left of a reload
    help: int = 0          # steps Danko has held Confirm beside him while he is out
    driver: str = "ai"     # ai or p2 (a second player holds him)
    hit_ids: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.health < 0:
            self.health = self.tuning.max_health
        if self.rounds < 0:
            self.rounds = self.tuning.rounds

    @property
    def out(self) -> bool:
        return self.state == "out"

    @property
    def vulnerable(self) -> bool:
        return self.iframes == 0 and self.state not in ("out", "down")

    @property
    def can_shoot(self) -> bool:
        return self.state == "free" and self.shot_cooldown == 0 and self.reload == 0 and self.rounds > 0

    # --- the step ----------------------------------------------------------------------------
    def step(self, intent: Intent, world: PartnerWorld) -> None:
        if self.iframes:
            self.iframes -= 1
        if self.shot_cooldown:
            self.shot_cooldown -= 1
        if self.reload:
            self.reload -= 1
            if self.reload == 0:
                self.rounds = self.tuning.rounds
        self.timer += 1
        if self.state == "out":
            self.body.brake(0.3)
        elif self.state in ("hurt", "down"):
            recover_step(self, 30)
        elif self.state == "attack":
            self._attack_step(world)
        if self.state == "free":
            if intent.dx or intent.dy:
                self.aim = snap8(intent.dx, intent.dy)
            if intent.move is None or not self._begin(intent, world):
                t = self.tuning
                self.body.steer(intent.dx, intent.dy, t.accel, t.max_speed, t.friction)
        world.grid.move_body(self.body, self.body.vx, self.body.vy)

    def _enter(self, state: str) -> None:
        self.state, self.timer = state, 0
        if state == "free":
            self.attack = None

    def _begin(self, intent: Intent, world: PartnerWorld) -> bool:
        """Start the intent's move; False when it cannot be done now (then he just moves)."""
        if intent.aim is not None:
            self.aim = intent.aim
        if intent.move == "shoot":
            if not self.can_shoot:
                if self.rounds <= 0 and self.reload == 0:
                    self.reload = self.tuning.reload_steps
                return False
            self.rounds -= 1
            self.shot_cooldown = self.tuning.shot_cooldown
            world.partner_shoot(self.aim)
            if self.rounds == 0:
                self.reload = self.tuning.reload_steps
            attack = SHOOT
        else:
            attack = JAB if intent.move == "jab" else KICK
        self._enter("attack")
        self.attack, self.hit_ids = attack, []
        self.body.face(*self.aim)
        return True

    def _attack_step(self, world: PartnerWorld) -> None:
        attack = self.attack
        assert attack is not None
        phase = attack.phase(self.timer)
        if phase != "recovery" and attack.lunge:
            self.body.vx, self.body.vy = self.aim[0] * attack.lunge, self.aim[1] * attack.lunge
        else:
            self.body.brake(0.5)
        if phase == "active" and attack.damage:
            world.partner_strike(attack)
        if self.timer >= attack.total:
            self._enter("free")

    # --- being hit, floored, helped up -------------------------------------------------------
    def take_hit(self, damage: int, kx: float, ky: float, knockback: float, hitstun: int,
                 knockdown: bool) -> None:
        """A blow or a bullet; the last of his health floors him (out) instead of killing him."""
        take_blow(self, damage, kx, ky, knockback)
        if self.health <= 0:
            self.state, self.timer, self.stun, self.help = "out", 0, 0, 0
            return
        self.iframes = self.tuning.iframes
        if knockdown:
            self.state, self.timer, self.stun = "down", 0, self.tuning.down_steps
        else:
            self.state, self.timer, self.stun = "hurt", 0, hitstun

    def helped(self, amount: int = 1) -> bool:
        """Danko's hand on him while he is out; True on the step he is back on his feet."""
        if self.state != "out":
            return False
        self.help += amount
        if self.help < self.tuning.help_steps:
            return False
        self.health = self.tuning.helped_health
        self.help = 0
        self.iframes = self.tuning.iframes
        self._enter("free")
        return True

    def snapshot(self) -> tuple:
        return self.body.state() + (float(self.health), self.state, self.timer, self.iframes,
                                    self.rounds, self.reload, self.help, self.driver)
