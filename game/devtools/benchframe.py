"""The bench's frame figures: a synthetic full frame, and every level's real frame split into simulation / draw / present.

The synthetic frame is the map + 100 animated y-sorted sprites + a stand-in HUD at 320x180, scaled x4 on
the CPU. The real frame is each levels/*.tmx's own scene stepped by its autopilot, drawn and presented
as the game presents (SDL's renderer where there is one, see FramePresenter), in CPU time.
"""
from __future__ import annotations

import logging
import statistics
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np

from game import STEP_HZ
from game.devtools.benchmaps import BenchConfig
from game.devtools.benchrender import camera_path, display

log = logging.getLogger(__name__)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000.0


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

    window = display((1280, 720))
    canvas = pygame.Surface((320, 180)).convert()
    renderer = MapRenderer(tilemap)
    hud = _BenchHud()
    cycles = _walk_cycles()
    rng = np.random.default_rng(3)
    base = rng.uniform(0, 1, size=(cfg.sprites, 2)) * (320 + 64, 180 + 64) - 32  # around the view
    phase = rng.uniform(0, 6.28, size=cfg.sprites)
    clock = time.perf_counter
    times = []
    path = camera_path("smooth", tilemap.pixel_size, (320, 180), cfg.warmup + cfg.frames)
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


# --- the real frame of every level: simulation / draw / present ---------------------------------

FRAME_LIMIT_MS = 0.5  # issue 16: sim + draw + present, CPU, median, on every level at 320x180 x4


class FramePresenter:
    """How the bench puts a level's canvas on screen, as the game does: through SDL's renderer (the
    texture path of game.desktop.present) where one exists. A renderer that scales on the GPU is timed
    whole (upload, draw, present); SDL's software renderer (the only one the dummy driver has) scales on
    the CPU, which a GPU would not, so there only the texture upload is timed; with no renderer at all,
    the game's CPU-scale fallback is timed whole. `kind` says which."""

    def __init__(self) -> None:
        import pygame

        from game.desktop.present import GpuPresenter

        pygame.display.quit()  # a SCALED display with a renderer needs a fresh video system
        pygame.display.init()
        self.driver = pygame.display.get_driver()
        self.cpu: Any = None
        try:
            self.gpu = GpuPresenter((1280, 720), False)
        except (pygame.error, RuntimeError, AttributeError) as exc:  # no renderer: the game's CPU scale
            from game.desktop.present import CpuPresenter

            pygame.display.quit()
            pygame.display.init()
            self.cpu = CpuPresenter(headless=False)
            self.cpu.set_mode((1280, 720), False)
            self.renderer, self.whole = "none", True
            self.kind = f"no SDL renderer ({exc}): the CPU x4 scale, timed whole"
            return
        info = pygame.display._get_renderer_info() if hasattr(pygame.display, "_get_renderer_info") else None
        self.renderer = str(info[0]) if info else "?"
        self.whole = self.renderer != "software"
        self.kind = (f"renderer '{self.renderer}': upload + draw + present" if self.whole else
                     f"renderer '{self.renderer}' ({self.driver} driver): texture upload only, the x4 scale "
                     "is the GPU's and cannot be timed here")

    def present(self, canvas: Any) -> None:
        if self.cpu is not None:
            self.cpu.present(canvas)
        elif self.whole:
            import pygame

            self.gpu.present(canvas)
            pygame.event.pump()  # a real window: the loop reads its events every frame
        else:
            self.gpu.upload(canvas)

    def close(self) -> None:
        import pygame

        pygame.display.quit()  # the rest of the bench opens its own plain display again
        pygame.display.init()


def cpu_present_ms(frames: int) -> float:
    """CPU ms of the fallback present (game.desktop.present.CpuPresenter, x4 into 1280x720)."""
    import pygame

    from game.desktop.present import CpuPresenter

    presenter = CpuPresenter(headless=False)
    presenter.set_mode((1280, 720), False)
    canvas = pygame.Surface((320, 180)).convert()
    canvas.fill((40, 60, 80), (20, 20, 200, 100))
    times = []
    for _ in range(frames):
        start = time.thread_time()
        presenter.present(canvas)
        times.append(time.thread_time() - start)
    return round(median_ms(times), 4)


def level_frame(tmx: Any, frames: int, warmup: int, present: Callable[[Any], None]) -> dict[str, Any]:
    """One level's real frame, CPU ms medians: its scene on a scene stack stepped with its mode's
    autopilot (the simulation), the stack drawn to the 320x180 canvas (map, sprites, light, weather,
    HUD: the draw) and `present`ed. Frames where an overlay (dialogue, result card) is on top are
    stepped but not timed; `frames_timed` counts the rest. A won level starts again (untimed)."""
    import pygame

    from game import DT
    from game.input.actions import Action, EdgeTracker
    from game.modes import registry
    from game.modes.context import MapContext
    from game.scenes.stack import Reset, SceneStack
    from game.world.tilemap import load_tilemap

    tilemap = load_tilemap(tmx)
    mode = registry.mode_of(tilemap)
    canvas = pygame.Surface((320, 180)).convert()
    ended: list[str] = []
    stack = SceneStack()
    scene = None
    pilot = mode.pilot()
    edges = EdgeTracker()
    clock = time.thread_time
    parts: dict[str, list[float]] = {"sim": [], "draw": [], "present": []}
    for step in range(warmup + frames):
        if scene is None or ended:  # won (a short puzzle is solved in a second): play it again, untimed
            ended.clear()
            stack.apply(Reset(mode.map_scene(MapContext(tilemap, seed=0, on_done=lambda o: ended.append(o)))))
            scene = stack.top
        top = stack.top
        mask = pilot.decide(top, step)
        timed = top is scene and step >= warmup
        stack.handle(edges.frame(int(Action.CONFIRM) if mask is None and step % 2 == 0 else mask or 0))
        t0 = clock()
        stack.update(DT)
        t1 = clock()
        stack.draw(canvas)
        t2 = clock()
        present(canvas)
        t3 = clock()
        if timed:
            parts["sim"].append(t1 - t0)
            parts["draw"].append(t2 - t1)
            parts["present"].append(t3 - t2)
    out: dict[str, Any] = {"mode": mode.kind, "frames_timed": len(parts["sim"])}
    for name, samples in parts.items():
        out[f"{name}_ms"] = round(median_ms(samples), 4) if samples else None
    totals = [sum(p) for p in zip(*parts.values())]
    out["frame_ms"] = round(median_ms(totals), 4) if totals else None
    out["frame_p99_ms"] = round(float(np.percentile(np.asarray(totals) * 1000, 99)), 4) if totals else None
    return out


def bench_levels_frame(cfg: BenchConfig, levels: list[Any] | None = None) -> dict[str, Any]:
    """Every level's real frame (see `level_frame`), presented through SDL's renderer; the CPU-scale
    fallback's present is measured beside it once (the game uses it where no renderer is to be had)."""
    from game.modes.level.controls import ControlsHint
    from game.paths import level_files

    levels = list(level_files()) if levels is None else levels
    presenter = FramePresenter()
    learned = ControlsHint.learned  # each level as a fresh launch shows it: the controls card up until learned
    try:
        per_level = {}
        for tmx in levels:
            ControlsHint.learned = False
            per_level[Path(tmx).stem] = level_frame(tmx, cfg.frames, cfg.warmup, presenter.present)
    finally:
        ControlsHint.learned = learned
        presenter.close()
    return {"presenter": presenter.kind, "renderer": presenter.renderer, "driver": presenter.driver,
            "present_whole": presenter.whole, "levels": per_level,
            "cpu_present_ms": cpu_present_ms(min(cfg.frames, 200)), "limit_ms": FRAME_LIMIT_MS}


def format_real_frame(rf: dict[str, Any]) -> list[str]:
    """Every level's real frame as report lines: CPU ms medians of its simulation, draw and present, their sum."""
    out = [f"real frame of every level (its scene stepped by its autopilot, drawn at 320x180, presented x4; "
           f"CPU ms medians; present: {rf['presenter']}; the CPU-scale fallback's present "
           f"{rf['cpu_present_ms']:.3f} ms)",
           f"  {'level':<14}{'mode':<8}{'frames':>7}{'sim':>8}{'draw':>8}{'present':>9}{'frame':>8}{'p99':>8}"]
    for name, lv in rf["levels"].items():
        cells = "".join(f"{lv[k]:>{w}.3f}" if lv[k] is not None else f"{'-':>{w}}" for k, w in
                        (("sim_ms", 8), ("draw_ms", 8), ("present_ms", 9), ("frame_ms", 8), ("frame_p99_ms", 8)))
        out.append(f"  {name:<14}{lv['mode']:<8}{lv['frames_timed']:>7}{cells}")
    return out
