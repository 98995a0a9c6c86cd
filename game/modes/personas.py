"""Players, not just the autopilot: the persona names and the shared wrappers every mode's personas use.

`idle` presses nothing; `masher` is each mode's own crude player (a function in the mode package);
`novice` is the expert's decisions seen 250 ms late (LaggedPilot); `expert` is the mode's autopilot.
Everything here is deterministic: the imperfections come from a generator seeded by the run.
"""
from __future__ import annotations

import logging
from collections import deque
from dataclasses import dataclass
from typing import Callable

import numpy as np

from game.input.actions import Action

log = logging.getLogger(__name__)

PERSONAS = ("idle", "masher", "novice", "expert")
LAG_STEPS = 15           # 250 ms at 60 steps per second
DRAW_AHEAD = 64          # LaggedPilot's doubles drawn in one numpy call
DIRECTIONS = int(Action.UP | Action.DOWN | Action.LEFT | Action.RIGHT)
ATTACKS = int(Action.PUNCH | Action.KICK | Action.SHOOT | Action.SPECIAL)
# The eight directions clockwise from up, as direction-key masks, for "a little off" mistakes.
COMPASS = (int(Action.UP), int(Action.UP | Action.RIGHT), int(Action.RIGHT), int(Action.DOWN | Action.RIGHT),
           int(Action.DOWN), int(Action.DOWN | Action.LEFT), int(Action.LEFT), int(Action.UP | Action.LEFT))

Pilot = Callable[[], int]


@dataclass
class PersonaRun:
    """What `autoplay --persona` prints: the outcome, steps played in all, lives lost and tries used."""

    outcome: str          # won | lost | timeout
    steps: int
    lives_lost: int
    tries: int
    detail: str = ""

    @property
    def seconds(self) -> float:
        return self.steps / 60.0

    def line(self, persona: str, difficulty: str) -> str:
        return (f"{self.outcome} ({persona}, {difficulty}) after {self.steps} steps ({self.seconds:.0f} s), "
                f"lives lost {self.lives_lost}, tries used {self.tries}" + (f": {self.detail}" if self.detail else ""))


class LaggedPilot:
    """Any pilot's held masks, seen about LAG_STEPS late and played a little imperfectly.

    Each step the wrapped pilot decides on the current state; the mask played is one it decided
    LAG_STEPS (plus a drifting 0..`jitter`) steps earlier, from a ring buffer, so the player acts on the
    state of 250 ms before, never frame-perfectly (a press may come a step late, twice or not at all).
    Now and then (seeded) the direction held is one compass point off for a moment.
    """

    def __init__(self, pilot: Pilot, seed: int, lag: int = LAG_STEPS, jitter: int = 4,
                 slip_every: tuple[int, int] = (90, 240), slip_steps: tuple[int, int] = (6, 16)) -> None:
        self.pilot = pilot
        self.rng = np.random.default_rng([seed, 0x5EED])
        self.lag, self.jitter = lag, jitter
        self.history: deque[int] = deque([0] * (lag + jitter + 1), maxlen=lag + jitter + 1)
        self.extra = int(self.rng.integers(0, jitter + 1))
        self.slip_every, self.slip_steps = slip_every, slip_steps
        self.next_slip = int(self.rng.integers(*slip_every))
        self.slip_left, self.slip_turn = 0, 0
        # `rng.random()` a step costs a numpy call: doubles are drawn DRAW_AHEAD at a time (the same
        # doubles, in order), and the stream is put back where they were used up before `integers`.
        self._ahead: list[float] = []
        self._used = 0
        self._before: dict | None = None  # the bit generator's state before `_ahead` was drawn

    def __call__(self) -> int:
        self.history.append(int(self.pilot()))
        used = self._used  # self._random(), its usual case inlined
        if used < len(self._ahead):
            self._used = used + 1
            draw = self._ahead[used]
        else:
            draw = self._random()
        if draw < 0.15:
            self.extra = max(0, min(self.jitter, self.extra + (1 if self._random() < 0.5 else -1)))
        mask = self.history[-1 - self.lag - self.extra]
        self.next_slip -= 1
        if self.slip_left == 0 and self.next_slip > 0:  # (no slip now, none starting: the mask as decided)
            return mask
        return (mask & ~DIRECTIONS) | self._slip(mask & DIRECTIONS)

    def _slip(self, dirs: int) -> int:
        """The direction keys held, a compass point off while a slip lasts (`__call__` counted the step)."""
        if self.next_slip <= 0 and self.slip_left == 0:
            self.slip_left = self._integers(*self.slip_steps)
            self.slip_turn = 1 if self._random() < 0.5 else -1
            self.next_slip = self._integers(*self.slip_every)
        if self.slip_left == 0 or dirs not in COMPASS:
            return dirs
        self.slip_left -= 1
        return COMPASS[(COMPASS.index(dirs) + self.slip_turn) % len(COMPASS)]

    def _random(self) -> float:
        """The next `rng.random()`."""
        used = self._used
        if used == len(self._ahead):
            self._before = self.rng.bit_generator.state
            self._ahead, used = self.rng.random(DRAW_AHEAD).tolist(), 0
        self._used = used + 1
        return self._ahead[used]

    def _integers(self, low: int, high: int) -> int:
        """The next `int(rng.integers(low, high))`: first the stream goes back to just after the doubles
        used (each took one 64-bit draw; a 32-bit half kept from an earlier `integers` stays kept)."""
        if self._used < len(self._ahead):
            bits, before = self.rng.bit_generator, self._before
            assert before is not None
            bits.state = before
            bits.advance(self._used)  # (forgets the kept half)
            bits.state = {**bits.state, "has_uint32": before["has_uint32"], "uinteger": before["uinteger"]}
        self._ahead, self._used = [], 0
        return int(self.rng.integers(low, high))


def release_repeats(pilot: Pilot) -> Pilot:
    """A press only counts on its first step: let go of attack buttons held since the last step."""
    last = 0

    def decide() -> int:
        nonlocal last
        mask = pilot() & ~(last & ATTACKS)
        last = mask
        return mask

    return decide


def idle() -> int:
    """The idle persona: presses nothing, ever."""
    return 0
