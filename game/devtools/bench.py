"""`python -m game bench`: our renderer, simulation and loader beside pyscroll and pytmx.

Everything is measured in one run on one machine, and the targets are ratios within that run, so a busy
machine slows both sides alike. Figures are medians of per-frame timings.

The bench map is generated into a temp folder: a tileset PNG + TSX and a TMX with three tile layers
(ground: every cell; props: 30% of cells, binary alpha; steam: 10% of cells, partly transparent pixels).
"""
from __future__ import annotations

import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np

from game import STEP_HZ
from game.devtools.benchmaps import TILE, VIEWS, BenchConfig, map_layers, write_map  # noqa: F401  (the bench's map)
from game.devtools.benchsim import bench_sim, write_sim_level  # noqa: F401

log = logging.getLogger(__name__)

SPEED = (3, 2)  # camera scroll, px per frame
START = (37, 23)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000.0


def camera_path(map_px: tuple[int, int], view: tuple[int, int], frames: int) -> Iterator[tuple[int, int]]:
    """Top-left camera positions scrolling SPEED px a frame, bouncing off the map edges."""
    x, y = START
    vx, vy = SPEED
    max_x, max_y = max(0, map_px[0] - view[0]), max(0, map_px[1] - view[1])
    for _ in range(frames):
        yield min(x, max_x), min(y, max_y)
        if not 0 <= x + vx <= max_x:
            vx = -vx
        if not 0 <= y + vy <= max_y:
            vy = -vy
        x, y = x + vx, y + vy


def _display(size: tuple[int, int] = (320, 180)) -> Any:
    import pygame

    if not pygame.display.get_init():
        pygame.display.init()
    surface = pygame.display.get_surface()
    if surface is None or surface.get_size() != size:
        surface = pygame.display.set_mode(size)
    return surface


def _loadavg() -> list[float]:
    try:
        return [round(v, 2) for v in os.getloadavg()]
    except OSError:
        return []


# --- rendering: ours, pyscroll's BufferedRenderer, and one full-screen blit ------------------------

def bench_render(tmx: Path, views: tuple[tuple[int, int], ...], cfg: BenchConfig,
                 ours_map: Any = None) -> list[dict[str, Any]]:
    """Per view: medians (and means) of ours, pyscroll and the floor over the same camera path.

    The three are timed in the same loop, frame by frame, in rotating order, so machine noise hits all
    of them alike. The floor blits a copy of a real rendered frame (not a blank surface: fresh
    surfaces are backed by zero pages, which read unrealistically fast).
    """
    import pygame
    import pyscroll
    import pytmx.util_pygame

    from game.world.render import MapRenderer
    from game.world.tilemap import load_tilemap

    _display()
    tilemap = ours_map if ours_map is not None else load_tilemap(tmx)
    ours = MapRenderer(tilemap)
    pys_data = pyscroll.TiledMapData(pytmx.util_pygame.load_pygame(str(tmx)))
    clock = time.perf_counter
    rows = []
    for view in views:
        theirs = pyscroll.BufferedRenderer(pys_data, view)
        ours_target = pygame.Surface(view).convert()
        pys_target = pygame.Surface(view).convert()
        floor_target = pygame.Surface(view).convert()
        first = next(camera_path(tilemap.pixel_size, view, 1))
        ours.draw(floor_target, first, 0.0)
        floor_source = floor_target.copy()
        half_w, half_h = view[0] // 2, view[1] // 2

        def draw_ours(cam: tuple[int, int]) -> None:
            ours.draw(ours_target, cam, 0.0)

        def draw_pyscroll(cam: tuple[int, int]) -> None:
            theirs.center((cam[0] + half_w, cam[1] + half_h))
            theirs.draw(pys_target, pys_target.get_rect())

        def draw_floor(cam: tuple[int, int]) -> None:
            floor_target.blit(floor_source, (0, 0))

        jobs: list[tuple[str, Callable[[tuple[int, int]], None]]] = [
            ("ours", draw_ours), ("pyscroll", draw_pyscroll), ("floor", draw_floor)]
        times: dict[str, list[float]] = {name: [] for name, _ in jobs}
        path = camera_path(tilemap.pixel_size, view, cfg.warmup + cfg.frames)
        for i, cam in enumerate(path):
            for k in range(3):
                name, job = jobs[(i + k) % 3]
                start = clock()
                job(cam)
                elapsed = clock() - start
                if i >= cfg.warmup:
                    times[name].append(elapsed)
        rows.append({
            "view": f"{view[0]}x{view[1]}",
            "ours_ms": round(median_ms(times["ours"]), 4),
            "pyscroll_ms": round(median_ms(times["pyscroll"]), 4),
            "floor_ms": round(median_ms(times["floor"]), 4),
            "ours_mean_ms": round(statistics.mean(times["ours"]) * 1000, 4),
            "pyscroll_mean_ms": round(statistics.mean(times["pyscroll"]) * 1000, 4),
            "ours_max_ms": round(max(times["ours"]) * 1000, 3),
            "pyscroll_max_ms": round(max(times["pyscroll"]) * 1000, 3),
            "same_picture": _agreement(ours_target, pys_target),
        })
    return rows


def _agreement(a: Any, b: Any) -> float:
    """Share of pixels on which two renders of the same view agree within 2 levels a channel."""
    import pygame

    w, h = a.get_size()
    pa = np.frombuffer(pygame.image.tobytes(a, "RGB"), np.uint8).reshape(h, w, 3).astype(np.int16)
    pb = np.frombuffer(pygame.image.tobytes(b, "RGB"), np.uint8).reshape(h, w, 3).astype(np.int16)
    return round(float((np.abs(pa - pb).max(axis=2) <= 2).mean()), 4)


# --- a full frame: map + sprites + HUD, scaled x4 -------------------------------------------------

def _stand_in_frames(count: int = 4) -> list[Any]:
    """A 16x24 walker in `count` poses (legs swing), per-pixel alpha like real sheets."""
    import pygame

    frames = []
    for i in range(count):
        s = pygame.Surface((16, 24), pygame.SRCALPHA)
        s.fill((58, 42, 30), (4, 0, 8, 4))
        s.fill((224, 176, 140), (5, 4, 6, 5))
        s.fill((110, 114, 120), (3, 9, 10, 11))
        swing = (i % 2) * 2 - 1 if i % 2 else 0
        s.fill((40, 40, 48), (4 + swing, 20, 3, 4))
        s.fill((40, 40, 48), (9 - swing, 20, 3, 4))
        s.fill((0, 0, 0, 90), (2, 22, 12, 2))  # soft shadow: real alpha blending
        frames.append(s)
    return frames


def _walk_cycles() -> list[list[Any]]:
    """The game's own thug sprites walking in each facing; stand-ins if the sheets cannot load."""
    try:
        from game.sprites import load_character

        cycles = []
        for name in ("thug_brawler", "thug_knife", "thug_gunman", "thug_heavy"):
            character = load_character(name)
            for facing in ("down", "left", "right", "up"):
                # convert_alpha: the sheets load in RGBA byte order, and blitting that onto the canvas
                # takes SDL's slow per-pixel conversion path (measured: about 2x the whole frame)
                frames = [frame.convert_alpha() for frame in character.frames("walk", facing)]
                if frames:
                    cycles.append(frames)
        if cycles:
            return cycles
    except Exception as exc:  # the bench must run without the art (and say so)
        log.warning("bench: game sprites unavailable (%s); using stand-ins", exc)
    return [_stand_in_frames()]


class _BenchHud:
    """Stand-in HUD of the real one's size: health bars, lives, ammo, objective, enemy name."""

    def __init__(self) -> None:
        from game.ui.font import load_font

        font = load_font()
        self.texts = [font.render(t, (240, 230, 210)) for t in ("Reach the snow", "x3", "AMMO 7", "BRAWLER")]

    def draw(self, surface: Any, health: int) -> None:
        surface.fill((20, 20, 24), (4, 4, 52, 6))
        surface.fill((200, 40, 40), (5, 5, max(0, health // 2), 4))
        surface.fill((20, 20, 24), (4, 168, 52, 6))
        surface.fill((220, 160, 40), (5, 169, 30, 4))
        w = surface.get_width()
        surface.fblits([(self.texts[0], (w - self.texts[0].get_width() - 4, 3)), (self.texts[1], (60, 3)),
                        (self.texts[2], (4, 12)), (self.texts[3], (60, 166))])


def bench_frame(tilemap: Any, cfg: BenchConfig) -> dict[str, Any]:
    """Median ms of one whole frame at 320x180 scaled x4 into a 1280x720 window."""
    import pygame

    from game.world.render import MapRenderer, Sprite

    window = _display((1280, 720))
    canvas = pygame.Surface((320, 180)).convert()
    renderer = MapRenderer(tilemap)
    hud = _BenchHud()
    cycles = _walk_cycles()
    rng = np.random.default_rng(3)
    base = rng.uniform(0, 1, size=(cfg.sprites, 2)) * (320 + 64, 180 + 64) - 32  # around the view
    phase = rng.uniform(0, 6.28, size=cfg.sprites)
    clock = time.perf_counter
    times = []
    path = camera_path(tilemap.pixel_size, (320, 180), cfg.warmup + cfg.frames)
    for i, (cx, cy) in enumerate(path):
        start = clock()
        t = i / STEP_HZ
        xs = base[:, 0] + cx + 12 * np.cos(phase + t)
        ys = base[:, 1] + cy + 12 * np.sin(phase + 1.3 * t)
        sprites = []
        for k, (x, y) in enumerate(zip(xs.tolist(), ys.tolist())):
            cycle = cycles[k % len(cycles)]
            image = cycle[(i // 8 + k) % len(cycle)]
            sprites.append(Sprite(image, int(x), int(y), y + image.get_height()))
        canvas.fill((0, 0, 0))
        renderer.draw(canvas, (cx, cy), i * 1000.0 / STEP_HZ, sprites)
        hud.draw(canvas, 100 - i % 100)
        pygame.transform.scale(canvas, (1280, 720), window)
        if i >= cfg.warmup:
            times.append(clock() - start)
    scale_only = []
    for _ in range(min(cfg.frames, 200)):
        start = clock()
        pygame.transform.scale(canvas, (1280, 720), window)
        scale_only.append(clock() - start)
    return {"frame_ms": round(median_ms(times), 4), "frame_mean_ms": round(statistics.mean(times) * 1000, 4),
            "scale_only_ms": round(median_ms(scale_only), 4), "sprites": cfg.sprites}


# --- simulation: the first level with 40 enemies, headless ----------------------------------------

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

    _display()
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
        renderer = MapRenderer(tilemap)
        renderer.prepare(START, (320, 180))
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


def _status_kb(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def _reset_peak_kb() -> int:
    """Reset the process's peak RSS to its current RSS (Linux) and return that: the baseline."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass
    current = _status_kb("VmRSS")
    return current if current is not None else _peak_rss_kb()


def _peak_rss_kb() -> int:
    peak = _status_kb("VmHWM")
    if peak is not None:
        return peak
    import resource

    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def memory_probe(kind: str, tmx: str, frames: int) -> dict[str, float]:
    """In a fresh process: peak resident memory added by loading `tmx` and scrolling a 320x180 view
    along the bench path, for our renderer or pyscroll's. Run through `bench_memory`."""
    _display()
    view = (320, 180)
    import pygame

    target = pygame.Surface(view).convert()
    if kind == "ours":
        from game.world.render import MapRenderer
        from game.world.tilemap import load_tilemap

        base = _reset_peak_kb()
        tilemap = load_tilemap(tmx)
        renderer = MapRenderer(tilemap)
        for cam in camera_path(tilemap.pixel_size, view, frames):
            renderer.draw(target, cam, 0.0)
    else:
        import pyscroll
        import pytmx.util_pygame

        base = _reset_peak_kb()
        data = pyscroll.TiledMapData(pytmx.util_pygame.load_pygame(tmx))
        theirs = pyscroll.BufferedRenderer(data, view)
        w, h = data.map_size[0] * data.tile_size[0], data.map_size[1] * data.tile_size[1]
        for cx, cy in camera_path((w, h), view, frames):
            theirs.center((cx + view[0] // 2, cy + view[1] // 2))
            theirs.draw(target, target.get_rect())
    return {"peak_mb": round((_peak_rss_kb() - base) / 1024.0, 1)}


def bench_memory(tmx: Path, cfg: BenchConfig) -> dict[str, Any]:
    from game.paths import CODE_ROOT as root
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1",
               PYTHONPATH=os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")]))
    out: dict[str, Any] = {}
    for kind in ("ours", "pyscroll"):
        code = ("import json, game.devtools.bench as b; "
                f"print(json.dumps(b.memory_probe({kind!r}, {str(tmx)!r}, {cfg.frames})))")
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root,
                              env=env, timeout=300)
        if proc.returncode != 0:
            raise RuntimeError(f"memory probe ({kind}) failed: {proc.stderr.strip().splitlines()[-1:]}")
        out[f"{kind}_peak_mb"] = json.loads(proc.stdout.strip().splitlines()[-1])["peak_mb"]
    return out


# --- the whole run --------------------------------------------------------------------------------

def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of issue 9 with its measured value and whether it is met (ratios from this run)."""
    out = []
    for row in result["render"]:
        floor_limit = 6.0 if row["view"] == "320x180" else 3.0
        out.append({"name": f"render {row['view']} ours/pyscroll", "limit": "<= 0.25",
                    "value": round(row["ours_ms"] / row["pyscroll_ms"], 3),
                    "met": row["ours_ms"] <= 0.25 * row["pyscroll_ms"]})
        out.append({"name": f"render {row['view']} ours/floor", "limit": f"<= {floor_limit:g}",
                    "value": round(row["ours_ms"] / row["floor_ms"], 3),
                    "met": row["ours_ms"] <= floor_limit * row["floor_ms"]})
    out.append({"name": "full frame ms", "limit": "<= 1.5", "value": result["frame_ms"],
                "met": result["frame_ms"] <= 1.5})
    out.append({"name": "simulation steps/s", "limit": ">= 3000", "value": result["sim_steps_per_s"],
                "met": result["sim_steps_per_s"] >= 3000 and result["sim"]["sim_enemies_at_start"] >= 40})
    out.append({"name": "load ours/pytmx", "limit": "<= 1.5", "value": result["load"]["ratio"],
                "met": result["load"]["ratio"] <= 1.5})
    return out


def run_bench(cfg: BenchConfig, progress: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Everything, in one process and one run; returns the JSON-ready result."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    load_before = _loadavg()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="redheat-bench-") as tmp:
        folder = Path(tmp)
        progress(f"generating the {cfg.map_size}x{cfg.map_size} map")
        tmx = write_map(folder, cfg.map_size)
        progress("load")
        load, tilemap = bench_load(tmx, cfg)
        progress("render")
        render = bench_render(tmx, VIEWS, cfg, tilemap)
        progress("full frame")
        frame = bench_frame(tilemap, cfg)
        progress("simulation")
        sim_tmx = write_sim_level(folder, cfg.sim_enemies)
        sim = bench_sim(sim_tmx, cfg)
        memory = {}
        if cfg.memory:
            progress("memory")
            memory = bench_memory(tmx, cfg)
        scaling: dict[str, Any] = {}
        for size in cfg.scaling_sizes:
            progress(f"scaling {size}x{size}")
            big = write_map(folder, size)
            big_load, big_map = bench_load(big, BenchConfig(load_repeats=1), extras=False)
            scaling[f"{size}x{size}"] = {
                "render": bench_render(big, cfg.scaling_views, cfg, big_map),
                "load": {k: big_load[k] for k in ("ours_s", "pytmx_s", "ratio", "ratio_cpu")},
            }
            big.unlink()
            del big_map
    result: dict[str, Any] = {
        "map": f"{cfg.map_size}x{cfg.map_size}",
        "render": render,
        "frame_ms": frame["frame_ms"],
        "frame": frame,
        "sim_steps_per_s": sim["sim_steps_per_s"],
        "sim": sim,
        "load": load,
        "memory": memory,
        "scaling": scaling,
        "config": asdict(cfg),
        "machine": {"cpus": os.cpu_count(), "loadavg_before": load_before, "loadavg_after": _loadavg(),
                    "seconds": round(time.perf_counter() - started, 1)},
    }
    result["targets"] = targets(result)
    return result


def format_report(r: dict[str, Any]) -> str:
    lines = [f"Red Heat bench: {r['map']} map, 3 tile layers, camera scrolling {SPEED[0]},{SPEED[1]} px/frame, "
             f"medians of {r['config']['frames']} frames (ms)", ""]

    def table(rows: list[dict[str, Any]], indent: str = "") -> list[str]:
        out = [f"{indent}{'view':<10} {'ours':>8} {'pyscroll':>9} {'floor':>8} {'ours/pys':>9} "
               f"{'ours/floor':>10} {'mean ours':>10} {'mean pys':>9}"]
        for row in rows:
            out.append(f"{indent}{row['view']:<10} {row['ours_ms']:>8.3f} {row['pyscroll_ms']:>9.3f} "
                       f"{row['floor_ms']:>8.3f} {row['ours_ms'] / row['pyscroll_ms']:>9.2f} "
                       f"{row['ours_ms'] / row['floor_ms']:>10.2f} {row['ours_mean_ms']:>10.3f} "
                       f"{row['pyscroll_mean_ms']:>9.3f}")
        return out

    lines += table(r["render"])
    f = r["frame"]
    lines += ["", f"full frame (map + {f['sprites']} animated y-sorted sprites + HUD, 320x180 scaled to "
              f"1280x720): {f['frame_ms']:.3f} ms median ({f['scale_only_ms']:.3f} ms of it the x4 scale)"]
    s = r["sim"]
    lines.append(f"simulation ({s['sim_level']}, {s['sim_enemies_at_start']} enemies live at start): "
                 f"{s['sim_steps_per_s']:.0f} steps/s wall clock, {s['sim_steps_per_cpu_s']:.0f} per CPU "
                 f"second (median {s['sim_enemies_median']:g} live while timed, "
                 f"{s['sim_restarts']} restarts after the player fell)")
    ld = r["load"]
    lines.append(f"load {r['map']}: ours {ld['ours_s']:.3f} s (TileMap + chunks of the first view), pytmx "
                 f"{ld['pytmx_s']:.3f} s -> {ld['ratio']:.2f}x ({ld['ratio_cpu']:.2f}x in CPU time); every chunk {ld['ours_all_chunks_s']:.3f} s; "
                 f"pyscroll load {ld['pyscroll_s']:.3f} s")
    if r["memory"]:
        m = r["memory"]
        lines.append(f"peak memory (load + {r['config']['frames']} frames at 320x180): ours "
                     f"{m['ours_peak_mb']:.1f} MB, pyscroll {m['pyscroll_peak_mb']:.1f} MB")
    for size, data in r["scaling"].items():
        sl = data["load"]
        lines += ["", f"scaling {size}: load ours {sl['ours_s']:.3f} s, pytmx {sl['pytmx_s']:.3f} s "
                  f"({sl['ratio']:.2f}x, {sl['ratio_cpu']:.2f}x in CPU time)"]
        lines += table(data["render"], "  ")
    lines += ["", "targets (ratios from this run):"]
    for t in r["targets"]:
        lines.append(f"  {'met ' if t['met'] else 'MISS'}  {t['name']:<32} {t['value']:>10} {t['limit']}")
    m = r["machine"]
    lines += ["", f"machine: {m['cpus']} cpus, load average {m['loadavg_before']} before, "
              f"{m['loadavg_after']} after; {m['seconds']} s"]
    return "\n".join(lines)
