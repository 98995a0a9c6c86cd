"""The bench's present figures: the real app in a real window for a few seconds, counting how many fixed
steps each presented frame shows (1.0 on a display refreshing at the step rate with vsync), and what a
present costs the CPU.

Needs a display (X11, Wayland, or Xvfb for a machine without one); under SDL's dummy driver there is no
renderer and the figure says so (presenter "cpu").
"""
from __future__ import annotations

import argparse
import collections
import logging
import statistics
import time
from typing import Any, Callable

log = logging.getLogger(__name__)

DEFAULT_SECONDS = 8.0
LEVEL_FRAMES = 300  # timed frames of each level's real frame in the window


def bench_present(app: Any, seconds: float = DEFAULT_SECONDS) -> dict[str, Any]:
    """Run the built (not yet opened) `app` for `seconds` after a second of warm-up, no input; return
    steps per presented frame and what drawing and presenting cost the CPU."""
    app._open_display()
    presented: list[int] = []  # steps run before each presented frame
    present_cpu: list[float] = []
    frame_wall: list[float] = []
    real_present = app._present

    def timed_present(alpha: float = 1.0) -> None:
        start = time.thread_time()
        real_present(alpha)
        present_cpu.append(time.thread_time() - start)

    app._present = timed_present  # type: ignore[method-assign]
    upload_cpu: list[float] = []
    real_upload = app.presenter.present

    def timed_upload(canvas: Any) -> None:
        start = time.thread_time()
        real_upload(canvas)
        upload_cpu.append(time.thread_time() - start)

    app.presenter.present = timed_upload
    try:
        frames = app._frames(pace=True)
        warm_until = time.perf_counter() + 1.0
        while time.perf_counter() < warm_until and next(frames) is None:
            pass
        present_cpu.clear()
        upload_cpu.clear()
        steps_before, last = app.steps_run, time.perf_counter()
        end = last + seconds
        while last < end:
            if next(frames) is not None:
                break
            now = time.perf_counter()
            presented.append(app.steps_run - steps_before)
            frame_wall.append(now - last)
            steps_before, last = app.steps_run, now
    finally:
        app._close()
    histogram = collections.Counter(presented)
    frames_n = len(presented)
    return {
        "present_level": getattr(app, "bench_level", "?"),
        "present_seconds": round(sum(frame_wall), 2),
        "presenter": getattr(app.presenter, "kind", "?"),
        "present_vsync": bool(getattr(app.presenter, "vsync", False)),
        "present_frames": frames_n,
        "present_fps": round(frames_n / max(sum(frame_wall), 1e-9), 1),
        "present_steps": sum(presented),
        "steps_per_frame": round(sum(presented) / max(frames_n, 1), 3),
        "frames_without_step": histogram.get(0, 0),
        "frames_with_one_step": histogram.get(1, 0),
        "frames_with_more_steps": sum(n for k, n in histogram.items() if k > 1),
        "draw_present_cpu_ms_median": _median_ms(present_cpu),
        "present_cpu_ms_median": _median_ms(upload_cpu),
    }


def _median_ms(samples: list[float]) -> float | None:
    return round(statistics.median(samples) * 1000, 3) if samples else None


def format_present(r: dict[str, Any]) -> str:
    return (f"present ({r['presenter']}, vsync {'on' if r['present_vsync'] else 'off'}, {r['present_level']}, "
            f"{r['present_seconds']:.1f} s): {r['present_frames']} frames at {r['present_fps']:.1f}/s, "
            f"{r['steps_per_frame']:.3f} steps per presented frame ({r['frames_without_step']} frames showed no "
            f"new step, {r['frames_with_one_step']} one, {r['frames_with_more_steps']} more than one); "
            f"CPU median per frame: draw + present {r['draw_present_cpu_ms_median']} ms, "
            f"present alone {r['present_cpu_ms_median']} ms")


def cmd_present(as_json: bool, build_app: Callable[[argparse.Namespace], Any]) -> int:
    """`python -m game bench --present`: the figure alone (it needs a window, the rest of the bench does
    not), from the app `play --level levels/bus_chase.tmx --scale 4 --windowed --mute` would run; then
    every level's real frame presented through the window's renderer."""
    import json
    import os

    import pygame

    from game.devtools.errors import ToolError
    from game.paths import LEVELS

    pygame.display.init()  # the app would refuse the same way (NoDisplay), but a tool error is the CLI's line
    driver = pygame.display.get_driver()
    pygame.display.quit()
    if not os.environ.get("SDL_VIDEODRIVER") and driver in ("offscreen", "dummy"):
        raise ToolError(f"bench --present needs a display (SDL fell back to its '{driver}' video driver): "
                        "set DISPLAY or WAYLAND_DISPLAY, or run it under Xvfb")
    level = LEVELS / "bus_chase.tmx"
    app = build_app(argparse.Namespace(level=level, seed=0, headless=False, frames=None, save_frame=None,
                                       scale=4, fullscreen=False, windowed=True, mute=True))
    app.bench_level = level.name
    result = bench_present(app)
    # every level's real frame in this window's renderer, its present timed whole (the bench's own run,
    # under the dummy driver, can time only the upload)
    from game.devtools.benchframe import bench_levels_frame, format_real_frame
    from game.devtools.benchmaps import BenchConfig

    result["frame_levels"] = bench_levels_frame(BenchConfig(frames=LEVEL_FRAMES, warmup=30))
    print(json.dumps(result) if as_json else "\n".join([format_present(result)]
                                                        + format_real_frame(result["frame_levels"])))
    return 0
