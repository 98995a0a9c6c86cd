"""Separation under FEW enemies tests each pair once and still gives numpy's all-pairs row sums bit for bit
(signs of zero included): packed crowds where a row has several close terms (their order shows in the last
bits), points on one line, on top of each other, and exactly at the push radius."""
import math
import random

from test_separation import all_pairs

from game.modes.level.crowd import SEPARATION, SEPARATION_PUSH
from game.modes.level.separation import FEW, Work, pushes


def test_every_size_under_few_sums_as_numpy_does_with_each_pair_tested_once():
    rng = random.Random(11)
    packed = 0
    for trial in range(1500):
        n = rng.randint(2, FEW - 1)
        span = rng.choice((2.0, 6.0, 13.0, 30.0))
        xs = [rng.uniform(100, 100 + span) for _ in range(n)]
        ys = [rng.uniform(50, 50 + span) for _ in range(n)]
        if rng.random() < 0.3:  # some on one vertical line
            xs[: n // 2] = [xs[0]] * (n // 2)
        if rng.random() < 0.2:  # two on one spot
            xs[-1], ys[-1] = xs[0], ys[0]
        if rng.random() < 0.2:  # one exactly at the push radius from another
            xs[-1], ys[-1] = xs[0] + SEPARATION, ys[0]
        Work.pairs = 0
        want, got = all_pairs(xs, ys), pushes(xs, ys, SEPARATION, SEPARATION_PUSH)
        assert Work.pairs == n * (n - 1) // 2
        for a, b in zip(want[0] + want[1], got[0] + got[1]):
            assert a == b and math.copysign(1.0, a) == math.copysign(1.0, b), (trial, xs, ys)
        packed += span <= 6.0 and n >= 4
    assert packed > 180  # rows with several close terms were summed often
