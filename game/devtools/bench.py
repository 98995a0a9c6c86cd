"""`python -m game bench`: our renderer, simulation and loader beside pyscroll, pytmx and the floors.

Everything is measured in one run on one machine, and the targets are ratios within that run, so a busy
machine slows both sides alike. The render figures (game.devtools.benchrender) run every levels/*.tmx and
a synthetic map on the camera paths play has, each renderer solo; the whole frame (benchframe), the
simulation (benchsim) and memory (benchmem) have their own modules; this one runs them all and reports.

The synthetic map is generated into a temp folder: a tileset PNG + TSX and a TMX with three tile layers
(ground: every cell; props: 30% of cells, binary alpha; steam: 10% of cells, partly transparent pixels).
"""
from __future__ import annotations

import logging
import os
import statistics
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable

import numpy as np

from game.devtools.benchframe import bench_frame, bench_levels_frame, format_real_frame
from game.devtools.benchmaps import VIEWS, BenchConfig, map_layers, write_map  # noqa: F401  (the bench's map)
from game.devtools.benchmem import bench_memory
from game.devtools.benchrender import PATHS, STEP_PX, RenderBench, camera_path, chunk_builds, display  # noqa: F401
from game.devtools.benchchase import bench_chase
from game.devtools.benchsim import bench_sim, write_sim_level  # noqa: F401

log = logging.getLogger(__name__)

FLOOR_VIEW = "320x180"  # the view the floor targets are set at
SMOOTH_LIMIT = 1.2  # smooth and chase: at most this many hot floors
TELEPORT_LIMIT = 1.0  # teleport: at most one cold floor


def _loadavg() -> list[float]:
    try:
        return [round(v, 2) for v in os.getloadavg()]
    except OSError:
        return []


def _machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "model": model, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def animated_cells(tilemap: Any) -> int:
    from game.world.tilemap import GID_MASK

    anim = np.array(sorted(tilemap.animations), dtype=np.uint32)
    return sum(int(np.isin(layer.gids.view(np.uint32) & GID_MASK, anim).sum())
               for layer in tilemap.layers if layer.visible)


def bench_map(name: str, tmx: Path, cfg: BenchConfig, tilemap: Any = None, views: tuple | None = None,
              paths: tuple[str, ...] = PATHS, cold_floor: bool = True) -> dict[str, Any]:
    """One map's render figures: every path and view, ours beside pyscroll and the floors."""
    from game.world.tilemap import load_tilemap

    display()
    tilemap = load_tilemap(tmx) if tilemap is None else tilemap
    bench = RenderBench(str(tmx), tilemap, cold_floor=cold_floor)
    views = cfg.views if views is None else views
    out = {"map": name, "tiles": f"{tilemap.width}x{tilemap.height}", "animated_cells": animated_cells(tilemap),
           "paths": bench.run(views, cfg.frames, cfg.warmup, cfg.repeats, paths),
           "chunks": chunk_builds(tilemap), "chunk_px": [bench.ours.below.chunk_w, bench.ours.below.chunk_h]}
    del bench
    return out


def bench_load(tmx: Path, cfg: BenchConfig, extras: bool = True) -> tuple[dict[str, Any], Any]:
    """Seconds from TMX path to a ready TileMap + renderer with the chunks of the first view built,
    beside pytmx's own parse (TiledMap, no images); with `extras`, also every chunk built up front and
    pyscroll's load (load_pygame + renderer) for reference."""
    import gc

    import pyscroll
    import pytmx
    import pytmx.util_pygame

    from game.world.render import MapRenderer
    from game.world.tilemap import load_tilemap

    display()
    clock = time.perf_counter
    runs: dict[str, list[float]] = {"pytmx_s": [], "ours_s": []}
    if extras:
        runs.update(pyscroll_s=[], ours_all_chunks_s=[])
    tilemap = None
    cpu = time.thread_time  # also CPU time: what the work costs when other processes preempt us
    runs.update(pytmx_cpu_s=[], ours_cpu_s=[])
    for _ in range(cfg.load_repeats):
        gc.collect()
        start, start_cpu = clock(), cpu()
        pytmx.TiledMap(str(tmx))
        runs["pytmx_s"].append(clock() - start)
        runs["pytmx_cpu_s"].append(cpu() - start_cpu)
        gc.collect()
        start, start_cpu = clock(), cpu()
        tilemap = load_tilemap(tmx)
        renderer = MapRenderer(tilemap)  # prebuilds what the first frames show
        runs["ours_s"].append(clock() - start)
        runs["ours_cpu_s"].append(cpu() - start_cpu)
        if not extras:
            continue
        start = clock()  # every chunk of the map, for reference (the game builds them as it scrolls)
        renderer.prepare((0, 0), tilemap.pixel_size)
        runs["ours_all_chunks_s"].append(clock() - start + runs["ours_s"][-1])
        del renderer
        gc.collect()
        start = clock()
        data = pyscroll.TiledMapData(pytmx.util_pygame.load_pygame(str(tmx)))
        pyscroll.BufferedRenderer(data, (320, 180))
        runs["pyscroll_s"].append(clock() - start)
        del data
    out = {k: round(statistics.median(v), 4) for k, v in runs.items()}
    out["ratio"] = round(out["ours_s"] / out["pytmx_s"], 3)
    out["ratio_cpu"] = round(out["ours_cpu_s"] / out["pytmx_cpu_s"], 3)
    return out, tilemap


# --- targets and the whole run -------------------------------------------------------------------

def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 16 with its measured value and whether it is met (ratios from this run)."""
    out = []
    for name, level in result["maps"].items():
        paths = level["paths"]
        if level["real"]:
            for kind in ("smooth", "chase"):
                value = paths[kind][FLOOR_VIEW]["ours/hot_floor"]
                out.append({"name": f"{name} {kind} {FLOOR_VIEW} ours/hot floor", "limit": f"<= {SMOOTH_LIMIT}",
                            "value": value, "met": value <= SMOOTH_LIMIT})
            value = paths["teleport"][FLOOR_VIEW]["ours/cold_floor"]
            out.append({"name": f"{name} teleport {FLOOR_VIEW} ours/cold floor", "limit": f"<= {TELEPORT_LIMIT}",
                        "value": value, "met": value <= TELEPORT_LIMIT})
        worst = max((row["ours/pyscroll"], f"{kind} {view}") for kind, rows in paths.items()
                    for view, row in rows.items())
        out.append({"name": f"{name} ours/pyscroll, worst ({worst[1]})", "limit": "<= 1.0",
                    "value": worst[0], "met": worst[0] <= 1.0})
        if "reload" in level:
            value = level["reload"]["step_max_ms"]
            out.append({"name": f"{name} hot reload, slowest build step (CPU ms)", "limit": "<= 2.0",
                        "value": value, "met": value <= 2.0})
    builds = sum(level["play_builds"] for level in result["maps"].values() if level["real"])
    out.append({"name": "chunks built in play, real levels", "limit": "= 0", "value": builds, "met": builds == 0})
    real_frame = result["frame"]["levels"]
    for name, level in real_frame["levels"].items():  # None: no frame with the level's own scene on top
        value = level["frame_ms"]
        out.append({"name": f"{name} frame sim+draw+present ({level['mode']}, CPU ms)",
                    "limit": f"<= {real_frame['limit_ms']}", "value": value,
                    "met": value is not None and value <= real_frame["limit_ms"]})
    s = result["sim"]
    out.append({"name": "action sim, 40 enemies, steps/CPU s", "limit": ">= 10000",
                "value": s["sim_steps_per_cpu_s"],
                "met": s["sim_steps_per_cpu_s"] >= 10000 and s["sim_enemies_at_start"] >= 40})
    out.append({"name": "chase sim with its autopilot, steps/CPU s", "limit": ">= 2500",
                "value": s["chase_steps_per_cpu_s"], "met": s["chase_steps_per_cpu_s"] >= 2500})
    out.append({"name": "load ours/pytmx", "limit": "<= 1.5", "value": result["load"]["ratio"],
                "met": result["load"]["ratio"] <= 1.5})
    return out


def play_builds(tmx: Path) -> int:
    """Chunks built by the frames of a level's first second, a chase across it and a respawn: the
    renderer prebuilds at load, so play should build none (tests/world/test_render_builds.py too)."""
    import pygame

    from game.world.render import MapRenderer
    from game.world.tilemap import load_tilemap

    tilemap = load_tilemap(tmx)
    renderer = MapRenderer(tilemap)
    before = renderer.builds
    view = pygame.Surface((320, 180)).convert()
    spawn = tilemap.player_spawn
    start = (int(spawn.x) - 160, int(spawn.y) - 90)
    cams = camera_path("smooth", tilemap.pixel_size, (320, 180), 60) + \
        camera_path("chase", tilemap.pixel_size, (320, 180), 600) + [start] * 60
    for i, cam in enumerate(cams):  # the layer groups alone: the per-frame light and weather build nothing
        for group in renderer.groups():
            group.draw(view, *cam, i * 1000.0 / 60)
    return renderer.builds - before


def reload_steps(tmx: Path, repeats: int = 3) -> dict[str, Any]:
    """A hot reload's build of the level, as the level scene runs it (game.scenes.hotreload): the steps,
    and the CPU ms of each (median over `repeats` builds), so the worst step can be held to 2 ms."""
    from game.scenes.hotreload import new_build
    from game.world.render import MapRenderer
    from game.world.tilemap import load_tilemap

    display()
    tilemap = load_tilemap(tmx)
    current = MapRenderer(tilemap)
    runs: list[list[float]] = []
    for _ in range(repeats):
        build = new_build(tilemap, current, [])
        times = []
        while True:
            start = time.thread_time()
            done = next(build.steps, None) is None
            times.append(time.thread_time() - start)
            if done:
                break
        runs.append(times)
    steps = [statistics.median(t) * 1000 for t in zip(*runs)]
    return {"steps": len(steps), "step_median_ms": round(statistics.median(steps), 3),
            "step_max_ms": round(max(steps), 3)}


def run_bench(cfg: BenchConfig, progress: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Everything, in one process and one run; returns the JSON-ready result."""
    from game.paths import level_files

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    load_before = _loadavg()
    started = time.perf_counter()
    maps: dict[str, Any] = {}
    memory: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="redheat-bench-") as tmp:
        folder = Path(tmp)
        progress(f"generating the {cfg.map_size}x{cfg.map_size} map")
        tmx = write_map(folder, cfg.map_size)
        progress("load")
        load, tilemap = bench_load(tmx, cfg)
        levels = [(f"synthetic {cfg.map_size}x{cfg.map_size}", tmx, False)]
        if cfg.levels:
            levels += [(path.stem, path, True) for path in level_files()]
        for name, path, real in levels:
            progress(f"render {name}")
            maps[name] = bench_map(name, path, cfg, tilemap if not real else None)
            maps[name]["real"] = real
            maps[name]["play_builds"] = play_builds(path)
            if real:
                maps[name]["reload"] = reload_steps(path, cfg.reload_repeats)
        progress("full frame")
        frame = bench_frame(tilemap, cfg)
        progress("real frame of every level")
        frame["levels"] = bench_levels_frame(cfg, [p for _, p, real in levels if real])
        progress("simulation")
        sim = bench_sim(write_sim_level(folder, cfg.sim_enemies), cfg)
        sim.update(bench_chase(cfg))  # the chase with its autopilot (game.devtools.benchchase)
        if cfg.memory:
            largest = max((p for _, p, real in levels if real), default=None,
                          key=lambda p: p.stat().st_size)
            for name, path, real in levels:
                if cfg.memory_all or not real or path == largest:
                    progress(f"memory {name}")
                    memory[name] = bench_memory(path, cfg.frames)
        scaling: dict[str, Any] = {}
        for size in cfg.scaling_sizes:
            progress(f"scaling {size}x{size}")
            big = write_map(folder, size)
            big_load, big_map = bench_load(big, BenchConfig(load_repeats=1), extras=False)
            scaling[f"{size}x{size}"] = {
                "render": bench_map(f"{size}x{size}", big, cfg, big_map, cfg.scaling_views,
                                    ("smooth", "teleport"), cold_floor=False),
                "load": {k: big_load[k] for k in ("ours_s", "pytmx_s", "ratio", "ratio_cpu")},
            }
            big.unlink()
            del big_map
    result: dict[str, Any] = {
        "map": f"{cfg.map_size}x{cfg.map_size}",
        "maps": maps,
        "frame_ms": frame["frame_ms"],
        "frame": frame,
        "sim_steps_per_s": sim["sim_steps_per_s"],
        "sim": sim,
        "load": load,
        "memory": memory,
        "scaling": scaling,
        "config": asdict(cfg),
        "machine": {**_machine(), "loadavg_before": load_before, "loadavg_after": _loadavg(),
                    "seconds": round(time.perf_counter() - started, 1)},
    }
    result["targets"] = targets(result)
    return result


def _render_table(level: dict[str, Any], indent: str = "") -> list[str]:
    out = [f"{indent}{'path':<9}{'view':<10}{'ours':>8}{'p99':>8}{'max':>8}{'cpu':>8}{'pyscroll':>9}"
           f"{'hot fl.':>8}{'cold fl.':>9}{'/pys':>6}{'/hot':>6}{'/cold':>6}"]
    for kind, rows in level["paths"].items():
        for view, row in rows.items():
            o = row["ours"]
            cold = row.get("cold_floor", {}).get("median_ms", float("nan"))
            out.append(f"{indent}{kind:<9}{view:<10}{o['median_ms']:>8.3f}{o['p99_ms']:>8.3f}{o['max_ms']:>8.3f}"
                       f"{o['cpu_median_ms']:>8.3f}{row['pyscroll']['median_ms']:>9.3f}"
                       f"{row['hot_floor']['median_ms']:>8.3f}{cold:>9.3f}{row['ours/pyscroll']:>6.2f}"
                       f"{row['ours/hot_floor']:>6.2f}{row.get('ours/cold_floor', float('nan')):>6.2f}")
    return out


def format_report(r: dict[str, Any]) -> str:
    c = r["config"]
    lines = [f"Red Heat bench: render medians in ms of {c['frames']} frames (best of {c['repeats']} solo runs), "
             f"camera paths smooth {STEP_PX['smooth']:g} px/step, chase {STEP_PX['chase']:g} px/step, teleport "
             f"(random position every frame); p99/max of the same run; cpu = process time", ""]
    for name, level in r["maps"].items():
        ch = level["chunks"]
        lines.append(f"{name} ({level['tiles']} tiles, {level['animated_cells']} animated cells; "
                     f"chunk {level['chunk_px'][0]}x{level['chunk_px'][1]} px, {ch['chunks']} built at "
                     f"{ch['build_median_ms']:.2f} ms median, {ch['build_max_ms']:.2f} max; "
                     f"{level['play_builds']} built in play)")
        if "reload" in level:
            rl = level["reload"]
            lines.append(f"  hot reload: the map builds in {rl['steps']} steps while the old one is drawn, "
                         f"{rl['step_median_ms']:.2f} ms CPU median a step, {rl['step_max_ms']:.2f} max")
        lines += _render_table(level, "  ") + [""]
    f = r["frame"]
    lines.append(f"full frame (map + {f['sprites']} animated y-sorted sprites + HUD, 320x180 scaled to "
                 f"1280x720): {f['frame_ms']:.3f} ms median ({f['scale_only_ms']:.3f} ms of it the x4 scale)")
    lines += format_real_frame(f["levels"])
    s = r["sim"]
    lines.append(f"simulation ({s['sim_level']}, {s['sim_enemies_at_start']} enemies live at start): "
                 f"{s['sim_steps_per_s']:.0f} steps/s wall clock, {s['sim_steps_per_cpu_s']:.0f} per CPU "
                 f"second (median {s['sim_enemies_median']:g} live while timed, "
                 f"{s['sim_restarts']} restarts after the player fell); the chase with its autopilot "
                 f"{s['chase_steps_per_s']:.0f} steps/s wall clock, {s['chase_steps_per_cpu_s']:.0f} per CPU second")
    ld = r["load"]
    lines.append(f"load {r['map']}: ours {ld['ours_s']:.3f} s (TileMap + the spawn's chunks), pytmx "
                 f"{ld['pytmx_s']:.3f} s -> {ld['ratio']:.2f}x ({ld['ratio_cpu']:.2f}x in CPU time); every "
                 f"chunk {ld['ours_all_chunks_s']:.3f} s; pyscroll load {ld['pyscroll_s']:.3f} s")
    for name, m in r["memory"].items():
        lines.append(f"peak memory {name} (load + {c['frames']} teleport frames at 320x180): ours "
                     f"{m['ours_peak_mb']:.1f} MB, pyscroll {m['pyscroll_peak_mb']:.1f} MB")
    for size, data in r["scaling"].items():
        sl = data["load"]
        lines += ["", f"scaling {size}: load ours {sl['ours_s']:.3f} s, pytmx {sl['pytmx_s']:.3f} s "
                  f"({sl['ratio']:.2f}x, {sl['ratio_cpu']:.2f}x in CPU time)"]
        lines += _render_table(data["render"], "  ")
    lines += ["", "targets (ratios from this run):"]
    for t in r["targets"]:
        lines.append(f"  {'met ' if t['met'] else 'MISS'}  {t['name']:<58} {t['value']:>8} {t['limit']}")
    m = r["machine"]
    lines += ["", f"machine: {m['cpus']} cpus ({m['model']}), {m['date']}, load average {m['loadavg_before']} "
              f"before, {m['loadavg_after']} after; {m['seconds']} s"]
    return "\n".join(lines)
