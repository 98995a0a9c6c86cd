"""Ivan Danko, as the player steers him."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

import numpy as np

from game.actors.body import Body
from game.input import InputFrame

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlayerTuning:
    accel: float = 0.35      # px/step^2
    max_speed: float = 1.5   # px/step (90 px/s)
    friction: float = 0.5
    max_health: int = 100


@dataclass
class Player:
    body: Body
    tuning: PlayerTuning = field(default_factory=PlayerTuning)
    health: int = 100
    lives: int = 3

    def step(self, frame: InputFrame, solid: np.ndarray, tile: int) -> None:
        dx, dy = frame.move
        t = self.tuning
        self.body.steer(dx, dy, t.accel, t.max_speed, t.friction)
        self.body.move(solid, tile)

    def state(self) -> tuple[float, ...]:
        return self.body.state() + (float(self.health), float(self.lives))
