"""The bench's chase figure: ChaseSim.step driven by the chase's own autopilot, in steps per CPU second."""
from __future__ import annotations

import logging
import statistics
import time
from typing import Any

from game import STEP_HZ
from game.devtools.benchmaps import BenchConfig

log = logging.getLogger(__name__)


def bench_chase(cfg: BenchConfig) -> dict[str, Any]:
    """Steps of bus_chase.tmx with its autopilot (the input computed outside the timing); a finished
    chase starts again with the next seed. Medians over one game second (STEP_HZ steps) each."""
    from game.input.actions import EdgeTracker
    from game.modes.chase.autopilot import autopilot_mask
    from game.modes.chase.sim import ChaseSim
    from game.paths import LEVELS
    from game.world.tilemap import load_tilemap

    tilemap = load_tilemap(LEVELS / "bus_chase.tmx")
    seed = 0
    sim, edges = ChaseSim(tilemap, seed=seed), EdgeTracker()
    wall, cpu = [], []
    batch = cpu_batch = 0.0
    for i in range(cfg.sim_steps):
        frame = edges.frame(autopilot_mask(sim))
        start, start_cpu = time.perf_counter(), time.thread_time()
        outcome = sim.step(frame)
        batch += time.perf_counter() - start
        cpu_batch += time.thread_time() - start_cpu
        if i % STEP_HZ == STEP_HZ - 1:
            wall.append(batch)
            cpu.append(cpu_batch)
            batch = cpu_batch = 0.0
        if outcome is not None:
            seed += 1
            sim, edges = ChaseSim(tilemap, seed=seed), EdgeTracker()
    per_step = statistics.median(wall) / STEP_HZ if wall else 1.0
    per_cpu_step = statistics.median(cpu) / STEP_HZ if cpu else per_step
    return {"chase_steps_per_s": round(1.0 / max(per_step, 1e-9), 1),
            "chase_steps_per_cpu_s": round(1.0 / max(per_cpu_step, 1e-9), 1), "chase_runs": seed + 1}
