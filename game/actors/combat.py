"""Combat rules shared by Danko and his enemies: attack frame data, hitboxes, directions.

Everything here is pure logic on the fixed 60 Hz step (lengths in steps, speeds in px/step). Moving
against walls is the grid's job (`game.world.collision.Grid`), knockback included.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

HURT_PAD = 3.0     # targets are hit a little outside their feet box (they have a body above the feet)


@dataclass(frozen=True)
class Attack:
    """Frame data of one attack. For enemies `startup` is the visible tell before the strike."""

    name: str
    startup: int
    active: int
    recovery: int
    damage: int
    reach: float          # hitbox centre, px ahead of the attacker's feet centre
    size: float           # hitbox side, px
    knockback: float      # initial knockback speed, px/step
    hitstun: int
    knockdown: bool = False
    hitstop: int = 4
    lunge: float = 0.0    # forward speed during startup and active steps
    cancel_from: int = 0  # steps after the start from which a buffered follow-up may cancel it
    sound: str = "punch"
    ranged: bool = False  # fires a projectile on its first active step instead of a hitbox

    @property
    def total(self) -> int:
        return self.startup + self.active + self.recovery

    def __deepcopy__(self, memo: dict) -> "Attack":
        return self  # immutable: a checkpoint's copy of the level shares it

    def phase(self, t: int) -> str:
        """'startup', 'active' or 'recovery' for step t (1-based since the attack began)."""
        if t <= self.startup:
            return "startup"
        if t <= self.startup + self.active:
            return "active"
        return "recovery"


def hitbox(fx: float, fy: float, ax: float, ay: float, attack: Attack) -> tuple[float, float, float, float]:
    """Square hitbox `attack.size` wide, centred `attack.reach` px along (ax, ay) from feet (fx, fy)."""
    s = attack.size
    cx, cy = fx + ax * attack.reach, fy - 3 + ay * attack.reach
    return (cx - s / 2, cy - s / 2, s, s)


def boxes_overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float],
                  pad: float = 0.0) -> bool:
    return (a[0] < b[0] + b[2] + pad and b[0] - pad < a[0] + a[2]
            and a[1] < b[1] + b[3] + pad and b[1] - pad < a[1] + a[3])


def unit(dx: float, dy: float) -> tuple[float, float]:
    d = math.hypot(dx, dy)
    return (dx / d, dy / d) if d > 1e-9 else (0.0, 0.0)


_EIGHTH = math.pi / 4
# The unit vector of each eighth of a turn, by round(atan2(dy, dx) / _EIGHTH) (-4 and 4 both point left):
# snap8's nine answers, worked out once (Ridzik's aim turns every step he moves).
_EIGHTHS = {k: (round(math.cos(k * _EIGHTH), 6), round(math.sin(k * _EIGHTH), 6)) for k in range(-4, 5)}


def snap8(dx: float, dy: float) -> tuple[float, float]:
    """The nearest of the eight directions, as a unit vector."""
    if dx == 0 and dy == 0:
        return (0.0, 1.0)
    return _EIGHTHS[round(math.atan2(dy, dx) / _EIGHTH)]


# snap8 of each held direction-key pair (dx, dy in -1, 0, 1), worked out once: Danko's aim every step.
SNAP8_KEYS: dict[tuple[int, int], tuple[float, float]] = {
    (dx, dy): snap8(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)}


def recover_step(fighter: Any, getup_iframes: int) -> None:
    """One step of a fighter's hitstun or lying down (Danko's, Ridzik's): braking, and free when it ends,
    blinking `getup_iframes` at least after a knockdown. The fighter has body, state, stun, iframes, _enter."""
    fighter.body.brake(0.25)
    fighter.stun -= 1
    if fighter.stun <= 0:
        if fighter.state == "down":
            fighter.iframes = max(fighter.iframes, getup_iframes)
        fighter._enter("free")


def take_blow(fighter: Any, damage: int, kx: float, ky: float, knockback: float) -> None:
    """The start of any hit on Danko or Ridzik: health down (never below 0), knocked back along (kx, ky),
    the attack he was making broken off."""
    fighter.health = max(0, fighter.health - damage)
    ux, uy = unit(kx, ky)
    fighter.body.vx, fighter.body.vy = ux * knockback, uy * knockback
    fighter.attack = None
