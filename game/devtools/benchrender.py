"""The bench's render figures: ours, pyscroll and two floors, each run solo over the camera paths play has.

A camera path is what play asks of a renderer: `smooth` (the camera following a walker, 1.5 px a step),
`chase` (a bus, 4 px a step) and `teleport` (a random position every frame: a respawn or a cut). Each
renderer draws the whole path on its own (solo: interleaving them evicts each other's pixels from the
CPU cache and flatters nobody), after a warm-up on the same path. The references:
- hot floor: one view-sized blit from a ready view-sized surface (no renderer can show a view for less);
- cold floor: one view-sized blit from a pre-rendered whole-map surface at the camera position.
Game time advances 1/60 s a frame for everyone (pyscroll's animations included), so animated tiles
change frame as often as in play.
"""
from __future__ import annotations

import logging
import math
import time
from typing import Any, Callable

import numpy as np

from game import STEP_HZ

log = logging.getLogger(__name__)

PATHS = ("smooth", "chase", "teleport")
STEP_PX = {"smooth": 1.5, "chase": 4.0}
RENDERERS = ("ours", "pyscroll", "hot_floor", "cold_floor")
START = (37.0, 23.0)
SMALL_VIEW = 320 * 180  # px: the view the ratio targets are read at; its frames take 10-20 us, so
SMALL_REPEATS = 5  # every renderer draws its paths this many times there (best median counts): the other
# processes' noise on a 12 us frame is the size of the margins sought, and five rounds cost ~0.1 s a map
HEADING = 0.4  # radians below the x axis: mostly sideways, like play


def camera_path(kind: str, map_px: tuple[int, int], view: tuple[int, int], frames: int,
                seed: int = 1) -> list[tuple[int, int]]:
    """`frames` whole-pixel top-left camera positions for path `kind`, on the map as the game's camera
    shows it (bouncing off the edges; an axis where the map is smaller than the view stays centred)."""
    lo = [0.0, 0.0]
    hi = [float(map_px[i] - view[i]) for i in (0, 1)]
    for i in (0, 1):
        if hi[i] <= 0:  # the game's camera centres a map smaller than the view
            lo[i] = hi[i] = (map_px[i] - view[i]) / 2
    if kind == "teleport":
        rng = np.random.default_rng(seed)
        xs = rng.uniform(lo[0], hi[0], frames) if hi[0] > lo[0] else np.full(frames, lo[0])
        ys = rng.uniform(lo[1], hi[1], frames) if hi[1] > lo[1] else np.full(frames, lo[1])
        return [(round(x), round(y)) for x, y in zip(xs.tolist(), ys.tolist())]
    if kind not in STEP_PX:
        raise ValueError(f"unknown camera path {kind!r}")
    speed = STEP_PX[kind]
    pos = [min(max(START[i], lo[i]), hi[i]) for i in (0, 1)]
    vel = [speed * math.cos(HEADING), speed * math.sin(HEADING)]
    out = []
    for _ in range(frames):
        out.append((round(pos[0]), round(pos[1])))
        for i in (0, 1):
            if hi[i] <= lo[i]:
                continue
            pos[i] += vel[i]
            if not lo[i] <= pos[i] <= hi[i]:
                vel[i] = -vel[i]
                pos[i] = min(max(pos[i], lo[i]), hi[i])
    return out


def display(size: tuple[int, int] = (320, 180)) -> Any:
    """The (dummy-driver) display every bench surface is converted for, at `size`."""
    import pygame

    if not pygame.display.get_init():
        pygame.display.init()
    surface = pygame.display.get_surface()
    if surface is None or surface.get_size() != size:
        surface = pygame.display.set_mode(size)
    return surface


def stats(wall: list[float], cpu: list[float]) -> dict[str, float]:
    """Median, p99, max and mean of per-frame wall times, and median/p99 of CPU times, in ms."""
    w = np.asarray(wall) * 1000.0
    c = np.asarray(cpu) * 1000.0
    return {"median_ms": round(float(np.median(w)), 4), "p99_ms": round(float(np.percentile(w, 99)), 4),
            "max_ms": round(float(w.max()), 4), "mean_ms": round(float(w.mean()), 4),
            "cpu_median_ms": round(float(np.median(c)), 4), "cpu_p99_ms": round(float(np.percentile(c, 99)), 4)}


Draw = Callable[[tuple[int, int], float], None]


def time_solo(draw: Draw, path: list[tuple[int, int]], warmup: int) -> tuple[list[float], list[float]]:
    """Draw the path's first `warmup` frames untimed, then time every frame of the path (game time
    1/60 s a frame from 0 both times): per-frame wall and CPU seconds."""
    step_ms = 1000.0 / STEP_HZ
    for i, cam in enumerate(path[:warmup]):
        draw(cam, i * step_ms)
    wall, cpu = [], []
    clock, cpu_clock = time.perf_counter, time.process_time
    for i, cam in enumerate(path):
        t = i * step_ms
        c0 = cpu_clock()
        w0 = clock()
        draw(cam, t)
        w1 = clock()
        c1 = cpu_clock()
        wall.append(w1 - w0)
        cpu.append(c1 - c0)
    return wall, cpu


def best_of(runs: list[tuple[list[float], list[float]]]) -> dict[str, float]:
    """Stats of the run with the lowest median (other processes only ever slow a run down), with the
    worst frame of all runs beside them."""
    best = min(runs, key=lambda run: float(np.median(run[0])))
    out = stats(*best)
    out["max_all_ms"] = round(max(max(wall) for wall, _ in runs) * 1000.0, 4)
    out["runs"] = len(runs)
    return out


def _game_time_data(tmx: str) -> Any:
    """pyscroll's map data with its animation clock on the bench's game time (it reads time.time())."""
    import pyscroll
    import pytmx.util_pygame

    class GameTimeData(pyscroll.TiledMapData):  # type: ignore[misc]
        game_ms = 0.0

        def _update_time(self) -> None:
            self._last_time = self.game_ms

    return GameTimeData(pytmx.util_pygame.load_pygame(tmx))


class RenderBench:
    """One map's renderers, built once and reused for every path and view (as a level keeps its own)."""

    def __init__(self, tmx: str, tilemap: Any, cold_floor: bool = True) -> None:
        import pygame

        from game.world.render import MapRenderer, render_full_map

        self.tmx = tmx
        self.tilemap = tilemap
        # unlit, so its picture can be checked against pyscroll's; the light is baked into the chunks (no
        # per-frame cost) and the weather's particles are not map rendering
        self.ours = MapRenderer(tilemap, lit=False)
        self.pys_data = _game_time_data(tmx)
        self.whole = None  # the cold floor's whole-map surface (skipped for the huge scaling maps)
        if cold_floor:
            whole = render_full_map(tilemap)
            self.whole = pygame.Surface(whole.get_size()).convert()  # a plain surface, display format
            self.whole.blit(whole, (0, 0))
        self.renderers = tuple(n for n in RENDERERS if cold_floor or n != "cold_floor")

    def drawers(self, view: tuple[int, int]) -> dict[str, tuple[Draw, Any]]:
        """Per renderer: its draw(cam, time_ms) and the surface it draws into."""
        import pygame
        import pyscroll

        targets = {name: pygame.Surface(view).convert() for name in RENDERERS}
        ours, whole, data = self.ours, self.whole, self.pys_data
        hot_source = pygame.Surface(view).convert()
        ours.draw(hot_source, camera_path("smooth", self.tilemap.pixel_size, view, 1)[0], 0.0)
        theirs = pyscroll.BufferedRenderer(data, view)
        half_w, half_h = view[0] // 2, view[1] // 2
        view_rect = pygame.Rect((0, 0), view)

        def draw_ours(cam: tuple[int, int], t: float) -> None:
            ours.draw(targets["ours"], cam, t)

        def draw_pyscroll(cam: tuple[int, int], t: float) -> None:
            data.game_ms = t
            theirs.center((cam[0] + half_w, cam[1] + half_h))
            theirs.draw(targets["pyscroll"], view_rect)

        def draw_hot(cam: tuple[int, int], t: float) -> None:
            targets["hot_floor"].blit(hot_source, (0, 0))

        def draw_cold(cam: tuple[int, int], t: float) -> None:
            targets["cold_floor"].blit(whole, (0, 0), (cam, view))

        jobs = {"ours": draw_ours, "pyscroll": draw_pyscroll, "hot_floor": draw_hot, "cold_floor": draw_cold}
        return {name: (jobs[name], targets[name]) for name in self.renderers}

    def run(self, views: tuple[tuple[int, int], ...], frames: int, warmup: int, repeats: int = 1,
            paths: tuple[str, ...] = PATHS) -> dict[str, Any]:
        """{path: {view: {renderer: stats, ..., ratios, same_picture}}} for this map. Each renderer
        draws the whole path solo, `repeats` times (at least `SMALL_REPEATS` for a view of at most
        `SMALL_VIEW` pixels), the order reversed every other round."""
        out: dict[str, Any] = {}
        for kind in paths:
            out[kind] = {}
            for view in views:
                path = camera_path(kind, self.tilemap.pixel_size, view, warmup + frames)
                drawers = self.drawers(view)
                runs: dict[str, list[tuple[list[float], list[float]]]] = {name: [] for name in drawers}
                rounds = max(repeats, SMALL_REPEATS) if view[0] * view[1] <= SMALL_VIEW else repeats
                for round_ in range(rounds):
                    order = list(drawers) if round_ % 2 == 0 else list(reversed(drawers))
                    for name in order:
                        if name == "pyscroll" and kind == "teleport" and runs[name]:
                            continue  # redrawing its whole buffer every frame: one run says enough
                        self.pys_data.game_ms = 0.0
                        self.pys_data.reload_animations()  # pyscroll's clock restarts with ours
                        runs[name].append(time_solo(drawers[name][0], path, warmup))
                row: dict[str, Any] = {name: best_of(r) for name, r in runs.items()}
                row.update(ratios(row))
                row["same_picture"] = agreement(drawers["ours"][1], drawers["pyscroll"][1])
                out[kind][f"{view[0]}x{view[1]}"] = row
        return out


def ratios(row: dict[str, Any]) -> dict[str, float]:
    """Ours against each reference, medians of the same run (wall and CPU time)."""
    ours = row["ours"]
    out = {}
    for ref in ("pyscroll", "hot_floor", "cold_floor"):
        if ref not in row:
            continue
        out[f"ours/{ref}"] = round(ours["median_ms"] / max(row[ref]["median_ms"], 1e-9), 3)
        out[f"ours/{ref} cpu"] = round(ours["cpu_median_ms"] / max(row[ref]["cpu_median_ms"], 1e-9), 3)
    return out


def agreement(a: Any, b: Any) -> float:
    """Share of pixels on which two renders of the same view agree within 2 levels a channel."""
    import pygame

    w, h = a.get_size()
    pa = np.frombuffer(pygame.image.tobytes(a, "RGB"), np.uint8).reshape(h, w, 3).astype(np.int16)
    pb = np.frombuffer(pygame.image.tobytes(b, "RGB"), np.uint8).reshape(h, w, 3).astype(np.int16)
    return round(float((np.abs(pa - pb).max(axis=2) <= 2).mean()), 4)


def chunk_builds(tilemap: Any) -> dict[str, float]:
    """Every chunk of the map built once, each timed: median and max ms a build (the 2 ms budget a
    frame may spend on chunks is checked here, not in a unit test)."""
    from game.world.render import MapRenderer

    renderer = MapRenderer(tilemap, prebuild=False)
    times = []
    for group in renderer.groups():
        for key in group.all_chunks():
            start = time.perf_counter()
            group.build_chunk(key)
            times.append(time.perf_counter() - start)
    if not times:
        return {"chunks": 0, "build_median_ms": 0.0, "build_max_ms": 0.0}
    return {"chunks": len(times), "build_median_ms": round(float(np.median(times)) * 1000, 3),
            "build_max_ms": round(max(times) * 1000, 3)}
