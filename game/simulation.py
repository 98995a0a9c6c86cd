"""One level's simulation: the map, the actors, the seeded random generator, and the outcome.

Pure logic on the fixed step: no pygame display, no wall-clock time. The same tile map, seed and
input sequence always give the same `state_hash()`.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np

from game.actors.body import Body
from game.actors.player import Player
from game.input import InputFrame, replay_frames
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

WON, LOST, TIMEOUT = "won", "lost", "timeout"


@dataclass
class LevelSim:
    tilemap: TileMap
    seed: int = 0
    steps: int = 0
    outcome: str | None = None
    flags: dict[str, bool] = field(default_factory=dict)
    player: Player = field(init=False)
    rng: np.random.Generator = field(init=False)

    def __post_init__(self) -> None:
        self.rng = np.random.default_rng(self.seed)
        spawn = self.tilemap.player_spawn
        self.player = Player(Body.at_feet(spawn.x, spawn.y))

    @property
    def time_ms(self) -> float:
        """Game-clock time, for animations: steps at 60 Hz, never the wall clock."""
        return self.steps * 1000.0 / 60.0

    def step(self, frame: InputFrame) -> str | None:
        if self.outcome is not None:
            return self.outcome
        self.steps += 1
        self.player.step(frame, self.tilemap.solid, self.tilemap.tile_w)
        if self.player.health <= 0:
            self.outcome = LOST
        elif any(self.player.body.overlaps(o.x, o.y, o.width, o.height)
                 for o in self.tilemap.objects_of("exit")):
            self.outcome = WON
        return self.outcome

    def state(self) -> tuple:
        return (self.steps, self.outcome, tuple(sorted(self.flags.items())), self.player.state())

    def state_hash(self) -> str:
        """A digest of positions, health and flags: equal runs give equal hashes, bit for bit."""
        return hashlib.sha256(repr(self.state()).encode()).hexdigest()[:16]


def run_headless(sim: LevelSim, masks: Iterable[int], max_steps: int) -> str:
    """Feed recorded held masks (then no input) until the level ends or `max_steps` pass."""
    frames = replay_frames(masks)
    while sim.steps < max_steps:
        outcome = sim.step(next(frames))
        if outcome is not None:
            return outcome
    return TIMEOUT
