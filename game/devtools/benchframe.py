"""The bench's whole-frame figure: map + animated y-sorted sprites + HUD at 320x180, scaled x4 to the window.

(The frame split into simulation / draw / present belongs here too: one module per part of the bench.)
"""
from __future__ import annotations

import logging
import statistics
import time
from typing import Any

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
