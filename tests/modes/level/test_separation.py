"""Crowd separation: linear work in the size of the crowd, and bit-for-bit the all-pairs numpy sums it
replaced (so recorded replays still agree)."""
import math
import random

import numpy as np
import pytest

from game.modes.level.crowd import SEPARATION, SEPARATION_PUSH
from game.modes.level.separation import ALL_PAIRS_MAX, Work, pushes


def all_pairs(xs, ys):
    """The former form: every pair in one numpy matrix, the rows summed by numpy."""
    n = len(xs)
    x, y = np.array(xs), np.array(ys)
    dx, dy = x[:, None] - x[None, :], y[:, None] - y[None, :]
    d2 = dx * dx + dy * dy
    close = (d2 < SEPARATION ** 2) & (d2 > 1e-6)
    if not close.any():
        return [0.0] * n, [0.0] * n
    d = np.sqrt(d2[close])
    strength = np.zeros_like(d2)
    strength[close] = (SEPARATION - d) / d * SEPARATION_PUSH
    return (dx * strength).sum(axis=1).tolist(), (dy * strength).sum(axis=1).tolist()


def crowd(rng, n, span):
    return [rng.uniform(0, span) for _ in range(n)], [rng.uniform(0, span) for _ in range(n)]


@pytest.mark.parametrize("n", [2, 7, 8, 9, 40, 127, 128, 129, 200, 300])
def test_sums_are_bit_for_bit_the_all_pairs_numpy_ones(n):
    rng = random.Random(n)
    for span in (8, 25, 60, 400):
        xs, ys = crowd(rng, n, span)
        xs[: n // 4] = [xs[0]] * (n // 4)  # some on one vertical line: zero terms among the others
        want, got = all_pairs(xs, ys), pushes(xs, ys, SEPARATION, SEPARATION_PUSH)
        for a, b in zip(want[0] + want[1], got[0] + got[1]):
            assert a == b and math.copysign(1.0, a) == math.copysign(1.0, b)


def test_work_is_linear_in_the_crowd_up_to_two_hundred():
    rng = random.Random(5)
    looked = {}
    for n in (10, 25, 50, 64, 65, 100, 150, 200):
        span = 30.0 * math.sqrt(n)  # the same density each time: a crowd spread over a bigger floor
        Work.pairs = 0
        for _ in range(5):
            pushes(*crowd(rng, n, span), SEPARATION, SEPARATION_PUSH)
        looked[n] = Work.pairs / 5
    assert all(looked[n] <= ALL_PAIRS_MAX * n for n in looked)  # a linear bound at every size
    grid = [looked[n] / n for n in (65, 100, 150, 200)]
    assert max(grid) < 1.5 * min(grid)  # past the all-pairs size: the same few pairs an enemy
    assert looked[200] < 200 * 200 / 10


def test_a_crowd_of_two_hundred_round_danko_is_pushed_exactly_as_before():
    rng = random.Random(9)
    xs = [160 + rng.gauss(0, 25) for _ in range(200)]  # packed round one spot, as they gather
    ys = [120 + rng.gauss(0, 18) for _ in range(200)]
    assert pushes(xs, ys, SEPARATION, SEPARATION_PUSH) == all_pairs(xs, ys)
