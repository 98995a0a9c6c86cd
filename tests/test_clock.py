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
