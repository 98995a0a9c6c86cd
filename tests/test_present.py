"""Presenting the 320x180 canvas: SDL's renderer scales it by a whole number into a letterbox (window,
resized, full screen); the dummy driver falls back to the CPU scale and says so once."""
import logging

import numpy as np
import pygame

from game.desktop.app import App, AppConfig
from game.desktop.present import CpuPresenter, GpuPresenter, letterbox, open_presenter
from game.modes.level.scene import LevelScene
from game.modes.level.sim import LevelSim
from game.paths import first_level
from game.world.tilemap import load_tilemap


def pattern() -> pygame.Surface:
    """A canvas where every pixel differs from its neighbours: any blur or off-by-one shows."""
    rng = np.random.default_rng(7)
    canvas = pygame.Surface((320, 180)).convert()
    pygame.surfarray.blit_array(canvas, rng.integers(0, 1 << 24, (320, 180), dtype=np.uint32))
    return canvas


def pixels(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.array3d(surface)


def assert_shows(gpu: GpuPresenter, canvas: pygame.Surface, window: tuple[int, int]) -> None:
    gpu.compose(canvas)
    shot = gpu.grab()
    assert shot.get_size() == window
    box = letterbox(window)
    got = pixels(shot)
    want = pixels(pygame.transform.scale(canvas, box.size))  # nearest neighbour, whole-number factor
    assert (got[box.left:box.right, box.top:box.bottom] == want).all()
    outside = got.copy()
    outside[box.left:box.right, box.top:box.bottom] = 0
    assert not outside.any()  # black bars round it


def test_the_renderer_scales_by_whole_numbers_into_a_letterbox(display):
    # SDL's software renderer stands in for a GPU here: the same SDL calls, read back exactly.
    gpu = GpuPresenter((640, 360), fullscreen=False)
    canvas = pattern()
    assert_shows(gpu, canvas, (640, 360))
    gpu.set_mode((1001, 703), fullscreen=False)  # a resized window: x3, centred, bars on all sides
    assert_shows(gpu, canvas, (1001, 703))
    gpu.set_mode((640, 360), fullscreen=True)  # full screen: still a whole number, whatever the desktop
    full = gpu.window_size()
    assert full[0] >= 320 and full[1] >= 180
    assert_shows(gpu, canvas, full)
    gpu.set_mode((960, 540), fullscreen=False)
    assert_shows(gpu, canvas, (960, 540))
    gpu.present(canvas)


def test_a_canvas_in_another_pixel_format_still_shows_exactly(display):
    # the texture is made in the first canvas's format and its bytes copied as they are: a canvas in
    # another format gets a texture of its own
    gpu = GpuPresenter((640, 360), fullscreen=False)
    assert_shows(gpu, pattern(), (640, 360))
    assert_shows(gpu, pattern().convert_alpha(), (640, 360))
    assert_shows(gpu, pattern(), (640, 360))


def test_the_display_surface_keeps_the_view_size_and_a_pixel_format(display):
    GpuPresenter((1280, 720), fullscreen=False)
    assert pygame.display.get_surface().get_size() == (320, 180)
    pygame.Surface((8, 8)).convert_alpha()  # sprites still convert to the display format


def test_dummy_driver_falls_back_to_the_cpu_scale_and_says_so_once(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("REDHEAT_DATA_DIR", str(tmp_path))
    tilemap = load_tilemap(first_level())
    app = App(AppConfig(scale=2, frames=3))
    app.first_scene = lambda: LevelScene(LevelSim(tilemap), pause=app.pause_hooks())
    with caplog.at_level(logging.INFO, logger="game.desktop.present"):
        assert app.run() == 0
    said = [r.getMessage() for r in caplog.records if r.name == "game.desktop.present"]
    assert said == ["presenting with the CPU scale: no renderer with SDL's 'dummy' video driver"]
    assert isinstance(app.presenter, CpuPresenter)


def test_cpu_presenter_letterboxes_by_whole_numbers(display):
    cpu = open_presenter((1001, 703), fullscreen=False, headless=False)
    assert isinstance(cpu, CpuPresenter)
    canvas = pattern()
    window = pygame.display.get_surface()
    window.fill((255, 255, 255))  # what a resize leaves: the bars are painted black, not assumed so
    cpu.present(canvas)
    box = letterbox(window.get_size())
    assert box.topleft == (20, 81)
    assert (pixels(window.subsurface(box)) == pixels(pygame.transform.scale(canvas, box.size))).all()
    outside = pixels(window).copy()
    outside[box.left:box.right, box.top:box.bottom] = 0
    assert not outside.any()


def test_bench_present_counts_steps_per_presented_frame(tmp_path, monkeypatch):
    import argparse

    from game.cli import build_app
    from game.devtools.benchpresent import bench_present, format_present

    monkeypatch.setenv("REDHEAT_DATA_DIR", str(tmp_path))
    app = build_app(argparse.Namespace(level=first_level(), seed=0, headless=False, frames=None,
                                       save_frame=None, scale=2, fullscreen=False, windowed=True, mute=True))
    result = bench_present(app, seconds=0.5)
    assert result["presenter"] == "cpu" and not result["present_vsync"]  # the dummy driver
    frames = result["present_frames"]
    assert frames >= 1
    assert frames == (result["frames_without_step"] + result["frames_with_one_step"]
                      + result["frames_with_more_steps"])
    assert result["steps_per_frame"] == round(result["present_steps"] / frames, 3)
    assert "steps per presented frame" in format_present(result)
