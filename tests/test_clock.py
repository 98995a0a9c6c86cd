from game.desktop.clock import ClockConfig, FixedStep

DT = 1 / 60


def test_steady_frames_step_once_each():
    clock = FixedStep(ClockConfig(dt=DT))
    steps = [clock.advance(DT) for _ in range(120)]
    # float accumulation may put a step one frame late, never lose one
    assert sum(steps) in (119, 120)
    assert max(steps) <= 2


def test_slow_frames_catch_up_with_several_steps():
    clock = FixedStep(ClockConfig(dt=DT))
    assert clock.advance(3 * DT + 1e-9) == 3
    assert 0 <= clock.alpha < 1


def test_stalled_frame_is_capped_at_max_steps_and_drops_time():
    clock = FixedStep(ClockConfig(dt=DT, max_steps=5, max_frame_time=0.25))
    assert clock.advance(10.0) == 5
    assert clock.dropped > 9.0
    # the next ordinary frame does not inherit the stall
    assert clock.advance(DT) <= 2


def test_half_frames_alternate_and_alpha_tracks_remainder():
    clock = FixedStep(ClockConfig(dt=DT))
    assert clock.advance(DT / 2) == 0
    assert abs(clock.alpha - 0.5) < 1e-9
    assert clock.advance(DT / 2 + 1e-12) == 1


def test_negative_frame_time_is_ignored():
    clock = FixedStep(ClockConfig(dt=DT))
    assert clock.advance(-1.0) == 0
    assert clock.accumulator == 0


def _jittery_60hz(n, seed=1):
    import random

    rng = random.Random(seed)
    return [DT + rng.uniform(-0.0008, 0.0008) for _ in range(n)]  # vsync'd frames, measured with jitter


def test_vsync_snap_gives_one_step_per_frame_at_the_step_rate():
    frames = _jittery_60hz(600)
    plain = FixedStep(ClockConfig(dt=DT))
    plain_steps = [plain.advance(t) for t in frames]
    assert plain_steps.count(0) > 5 and plain_steps.count(2) > 5  # unsnapped: judder, 0 then 2
    snapped = FixedStep(ClockConfig(dt=DT, snap=0.001))
    steps = [snapped.advance(t) for t in frames]
    assert steps == [1] * 600
    assert len({round(snapped.alpha, 9)}) == 1  # alpha stays put: every frame the same phase


def test_vsync_snap_leaves_other_refresh_rates_to_interpolation():
    clock = FixedStep(ClockConfig(dt=DT, snap=0.001))
    steps, alphas = [], []
    for _ in range(144 * 4):
        steps.append(clock.advance(1 / 144))
        alphas.append(clock.alpha)
    assert abs(sum(steps) - 240) <= 1 and set(steps) == {0, 1}
    assert min(alphas) < 0.1 and max(alphas) > 0.9  # the drawing in between is interpolated
    assert clock.advance(2 * DT + 0.0005) == 2  # a missed refresh is two whole steps


def test_snap_must_be_small_against_a_step():
    import pytest

    with pytest.raises(ValueError):
        ClockConfig(dt=DT, snap=DT / 2)
