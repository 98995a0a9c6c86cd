"""Fixed-timestep accumulator ("Fix Your Timestep"), pure and testable without a display.

The app feeds it real elapsed time; it answers how many fixed simulation steps are due and how far
between two steps the frame stands (for interpolation when drawing). Logic never sees wall time. With
vsync, frame times close to a whole number of steps are snapped to it, so a display refreshing at the
step rate shows exactly one new step per frame.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from game import DT

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClockConfig:
    dt: float = DT
    max_steps: int = 5          # a slow frame never spirals: it drops time instead
    max_frame_time: float = 0.25  # a stall (debugger, window drag) is clamped to this
    snap: float = 0.0           # a frame this close to a whole number of steps counts as exactly that

    def __post_init__(self) -> None:
        if self.dt <= 0 or self.max_steps < 1 or self.max_frame_time <= 0 or not 0 <= self.snap < self.dt / 4:
            raise ValueError(f"invalid clock config {self}")


class FixedStep:
    """Accumulates frame time and hands out whole steps of `dt`."""

    def __init__(self, config: ClockConfig = ClockConfig()) -> None:
        self.config = config
        self.accumulator = 0.0
        self.dropped = 0.0  # time thrown away by clamping, for diagnostics

    def advance(self, frame_time: float) -> int:
        """Add one frame's elapsed seconds; return how many steps to simulate now."""
        cfg = self.config
        if frame_time < 0:
            frame_time = 0.0
        if cfg.snap:
            # Vsync: a frame lasts a whole refresh, measured with jitter. At 60 Hz each frame then runs
            # exactly one step (the accumulator, and so alpha, stays put) instead of 0 or 2 on a jitter
            # across a step boundary; the time a snap throws away (a 59.94 Hz display) is never made up.
            whole = round(frame_time / cfg.dt)
            if whole >= 1 and abs(frame_time - whole * cfg.dt) <= cfg.snap:
                frame_time = whole * cfg.dt
        if frame_time > cfg.max_frame_time:
            self.dropped += frame_time - cfg.max_frame_time
            frame_time = cfg.max_frame_time
        self.accumulator += frame_time
        steps = int(self.accumulator // cfg.dt)
        if steps > cfg.max_steps:
            # Keep at most one step of backlog so the next frame does not start behind.
            self.dropped += (steps - cfg.max_steps) * cfg.dt
            steps = cfg.max_steps
            self.accumulator = min(self.accumulator - steps * cfg.dt, cfg.dt * 0.999)
        else:
            self.accumulator -= steps * cfg.dt
        return steps

    @property
    def alpha(self) -> float:
        """Fraction of a step left in the accumulator, in [0, 1): the interpolation factor."""
        return self.accumulator / self.config.dt
