"""A body on the tile grid: a feet hitbox with a velocity that steers, brakes and faces; the grid moves it."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from game.world.collision import NO_ROOM

FACINGS = ("down", "left", "right", "up")


@dataclass(slots=True)  # read and written by every mover every step: slots are the quickest attributes
class Body:
    x: float  # feet hitbox top-left, map pixels
    y: float
    w: float = 10.0
    h: float = 6.0
    vx: float = 0.0
    vy: float = 0.0
    facing: str = "down"
    prev_x: float = 0.0  # position at the previous step, for draw interpolation only
    prev_y: float = 0.0
    # The free room round it the grid worked out (Grid.move_body): a cache, never part of its state, made
    # for its w and h (a body keeps its size: one that changed would need its room dropped, NO_ROOM).
    room: tuple = field(default=NO_ROOM, compare=False, repr=False)

    @classmethod
    def at_feet(cls, fx: float, fy: float, w: float = 10.0, h: float = 6.0) -> "Body":
        """A body whose feet stand centred on (fx, fy)."""
        return cls(x=fx - w / 2, y=fy - h, w=w, h=h, prev_x=fx - w / 2, prev_y=fy - h)

    def __deepcopy__(self, memo: dict) -> "Body":
        """A checkpoint's copy: every field is an immutable value (its room a tuple of them), so the copy
        takes them as they are (copy.deepcopy of a slotted class would rebuild each through its reduce)."""
        new = memo[id(self)] = Body(self.x, self.y, self.w, self.h, self.vx, self.vy, self.facing,
                                    self.prev_x, self.prev_y, self.room)
        return new

    @property
    def feet(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h)

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    @property
    def box(self) -> tuple[float, float, float, float]:
        return (self.x, self.y, self.w, self.h)

    def steer(self, dx: float, dy: float, accel: float, max_speed: float, friction: float) -> None:
        """Accelerate toward direction (dx, dy) (any length, normalised here) or brake when zero."""
        length = math.hypot(dx, dy)
        if length > 0:
            self.vx += dx / length * accel
            self.vy += dy / length * accel
            speed = math.hypot(self.vx, self.vy)
            if speed > max_speed:
                self.vx *= max_speed / speed
                self.vy *= max_speed / speed
            self.face(dx, dy)
        else:
            self.brake(friction)

    def brake(self, friction: float) -> None:
        """Slow down by `friction` px/step, stopping rather than reversing."""
        speed = math.hypot(self.vx, self.vy)
        if speed <= friction:
            self.vx = self.vy = 0.0
        else:
            self.vx -= self.vx / speed * friction
            self.vy -= self.vy / speed * friction

    def face(self, dx: float, dy: float) -> None:
        if abs(dx) > abs(dy):
            self.facing = "right" if dx > 0 else "left"
        elif dy:
            self.facing = "down" if dy > 0 else "up"

    def overlaps(self, x: float, y: float, w: float, h: float) -> bool:
        return self.x < x + w and x < self.x + self.w and self.y < y + h and y < self.y + self.h

    def state(self) -> tuple[float, ...]:
        return (self.x, self.y, self.vx, self.vy)
