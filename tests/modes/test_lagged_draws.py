"""LaggedPilot draws its doubles ahead in batches, yet plays exactly as one numpy call per draw would."""
from __future__ import annotations

from collections import deque

import numpy as np
import pytest

from game.modes import personas
from game.modes.personas import COMPASS, DIRECTIONS, LaggedPilot


class _OneByOne:
    """LaggedPilot as it was written first: every random number its own numpy call."""

    def __init__(self, pilot, seed, lag=15, jitter=4, slip_every=(90, 240), slip_steps=(6, 16)):
        self.pilot, self.rng = pilot, np.random.default_rng([seed, 0x5EED])
        self.lag, self.jitter = lag, jitter
        self.history = deque([0] * (lag + jitter + 1), maxlen=lag + jitter + 1)
        self.extra = int(self.rng.integers(0, jitter + 1))
        self.slip_every, self.slip_steps = slip_every, slip_steps
        self.next_slip = int(self.rng.integers(*slip_every))
        self.slip_left, self.slip_turn = 0, 0

    def __call__(self):
        self.history.append(int(self.pilot()))
        if self.rng.random() < 0.15:
            self.extra = max(0, min(self.jitter, self.extra + (1 if self.rng.random() < 0.5 else -1)))
        mask = self.history[-1 - self.lag - self.extra]
        return (mask & ~DIRECTIONS) | self._slip(mask & DIRECTIONS)

    def _slip(self, dirs):
        self.next_slip -= 1
        if self.next_slip <= 0 and self.slip_left == 0:
            self.slip_left = int(self.rng.integers(*self.slip_steps))
            self.slip_turn = 1 if self.rng.random() < 0.5 else -1
            self.next_slip = int(self.rng.integers(*self.slip_every))
        if self.slip_left == 0 or dirs not in COMPASS:
            return dirs
        self.slip_left -= 1
        return COMPASS[(COMPASS.index(dirs) + self.slip_turn) % len(COMPASS)]


def _pilot(seed):
    rng = np.random.default_rng(seed)
    masks = [int(m) for m in rng.choice(list(COMPASS) + [0, 16, 32], size=5000)]
    it = iter(masks)
    return lambda: next(it)


@pytest.mark.parametrize("slips", [dict(), dict(slip_every=(1, 4), slip_steps=(1, 3)),
                                   dict(slip_every=(2, 70), slip_steps=(1, 200))])
def test_the_masks_and_the_generator_end_as_with_one_call_a_draw(slips):
    for seed in range(12):
        new, old = LaggedPilot(_pilot(seed), seed, **slips), _OneByOne(_pilot(seed), seed, **slips)
        assert [new() for _ in range(4000)] == [old() for _ in range(4000)]
        assert (new.extra, new.slip_left, new.slip_turn, new.next_slip) == (
            old.extra, old.slip_left, old.slip_turn, old.next_slip)
        # The stream is put back where the doubles used end, a kept 32-bit half included.
        assert new._integers(0, 1 << 20) == int(old.rng.integers(0, 1 << 20))
        assert new.rng.bit_generator.state == old.rng.bit_generator.state


def test_the_batch_size_does_not_matter(monkeypatch):
    runs = []
    for size in (1, 2, 7, 64):
        monkeypatch.setattr(personas, "DRAW_AHEAD", size)
        lagged = LaggedPilot(_pilot(3), 3, slip_every=(1, 5), slip_steps=(1, 4))
        runs.append([lagged() for _ in range(3000)])
    assert runs[0] == runs[1] == runs[2] == runs[3]
