"""The bench's simulation figures: an action level with a crowd of enemies, stepped with a scripted input."""
from __future__ import annotations

import logging
import statistics
import time
from pathlib import Path
from typing import Any

import numpy as np

from game import STEP_HZ
from game.devtools.benchmaps import BenchConfig

log = logging.getLogger(__name__)

ENEMY_KINDS = ("brawler", "knife", "gunman", "heavy")


def write_sim_level(folder: Path, enemies: int, seed: int = 5) -> Path:
    """The first level with chasing enemies added on reachable floor until `enemies` are active at the
    start (the level's own wave-0 enemies count; later waves and scripted ones do not).

    Enemies are added as Tiled objects, the way a designer would, so the bench measures whatever the
    simulation does with them without depending on its internals.
    """
    from game.modes.level.sim import LevelSim
    from game.paths import first_level
    from game.world.tilemap import load_tilemap

    src = first_level()
    path = folder / f"sim_{src.name}"
    added = 0
    active = _count_enemies(LevelSim(load_tilemap(src), seed=1))
    for _ in range(3):  # the level's rules decide what is active: add, count, top up
        if active >= enemies:
            break
        added += enemies - active
        path.write_text(_with_enemies(src, added, seed), encoding="utf-8")
        active = _count_enemies(LevelSim(load_tilemap(path), seed=1))
    if not added:
        path.write_text(_with_enemies(src, 0, seed), encoding="utf-8")
    return path


def _with_enemies(src: Path, count: int, seed: int) -> str:
    """The TMX text of `src` with `count` aggro enemies of the four kinds on reachable floor."""
    import re

    from game.world.navigation import UNREACHABLE, distance_map
    from game.world.tilemap import load_tilemap

    tilemap = load_tilemap(src)
    spawn = tilemap.player_spawn
    dist = distance_map(~tilemap.solid, tilemap.tile_at_pixel(spawn.x, spawn.y))
    cells = np.argwhere((dist != UNREACHABLE) & (dist >= 3))
    rng = np.random.default_rng(seed)
    picks = cells[rng.choice(len(cells), size=count, replace=count > len(cells))] if count else cells[:0]
    objects = "".join(
        f'  <object id="{90000 + i}" name="bench_{i}" type="enemy" x="{(c + 0.5) * tilemap.tile_w:g}" '
        f'y="{(r + 0.5) * tilemap.tile_h + 3:g}"><properties><property name="kind" propertytype="EnemyKind" '
        f'value="{ENEMY_KINDS[i % len(ENEMY_KINDS)]}"/><property name="aggro" type="bool" value="true"/>'
        f'</properties><point/></object>\n'
        for i, (r, c) in enumerate(picks.tolist()))
    text = src.read_text(encoding="utf-8")

    def absolute(match: re.Match[str]) -> str:  # the copy lives elsewhere: pin relative references
        return f'{match.group(1)}="{(src.parent / match.group(2)).resolve().as_posix()}"'

    text = re.sub(r'\b(source|template)="([^"/][^"]*)"', absolute, text)
    if "</objectgroup>" in text:
        return text.replace("</objectgroup>", objects + " </objectgroup>", 1)
    return text.replace("</map>", f' <objectgroup id="999" name="bench">\n{objects} </objectgroup>\n</map>')


def _input_script() -> list[int]:
    """Held masks that walk the player round and round (so the flow field keeps changing). No attacks:
    the 40 enemies stay alive and busy; when they win, the level restarts (untimed)."""
    from game.input.actions import Action

    legs = [(Action.RIGHT, 90), (Action.DOWN, 30), (Action.LEFT, 90), (Action.UP, 30)]
    masks: list[int] = []
    for action, steps in legs:
        for i in range(steps):
            masks.append(int(action))
    return masks


def _count_enemies(sim: Any) -> int:
    """Enemies the simulation is running now (its `live` list, else `enemies`), counting `active` ones."""
    group = getattr(sim, "live", None)
    if group is None:
        group = getattr(sim, "enemies", None)
    if group is None:
        return 0
    return sum(1 for e in group if getattr(e, "active", True))


def bench_sim(tmx: Path, cfg: BenchConfig) -> dict[str, Any]:
    """Steps per second of LevelSim.step with scripted input; a finished level restarts (untimed)."""
    from game.input.actions import EdgeTracker
    from game.modes.level.sim import LevelSim
    from game.world.tilemap import load_tilemap

    tilemap = load_tilemap(tmx)
    edges = EdgeTracker()
    frames = [edges.frame(m) for m in _input_script()]
    sim = LevelSim(tilemap, seed=1)
    enemies_at_start = _count_enemies(sim)
    clock = time.perf_counter
    restarts = 0
    enemies_seen = []
    cpu = time.thread_time
    batches = []  # one game second (STEP_HZ steps) each: the median batch shrugs off other processes
    cpu_batches = []  # the same in CPU time of this thread: what the steps cost when not preempted
    batch = cpu_batch = 0.0
    for i in range(cfg.sim_steps):
        frame = frames[i % len(frames)]
        start, start_cpu = clock(), cpu()
        outcome = sim.step(frame)
        batch += clock() - start
        cpu_batch += cpu() - start_cpu
        if i % STEP_HZ == STEP_HZ - 1:
            batches.append(batch)
            cpu_batches.append(cpu_batch)
            batch = cpu_batch = 0.0
        if i % 100 == 0:
            enemies_seen.append(_count_enemies(sim))
        if outcome is not None:
            sim = LevelSim(tilemap, seed=1 + restarts)
            restarts += 1
    per_step = statistics.median(batches) / STEP_HZ if batches else batch / max(1, cfg.sim_steps)
    per_cpu_step = statistics.median(cpu_batches) / STEP_HZ if cpu_batches else per_step
    return {"sim_steps_per_s": round(1.0 / per_step, 1), "sim_steps_per_cpu_s": round(1.0 / per_cpu_step, 1),
            "sim_enemies_at_start": enemies_at_start,
            "sim_enemies_median": statistics.median(enemies_seen) if enemies_seen else 0,
            "sim_restarts": restarts, "sim_level": tmx.name}


# --- loading, memory, scaling ---------------------------------------------------------------------
