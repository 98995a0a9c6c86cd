"""Chunk builds per frame, counted (the time a build takes is the bench's to measure, not a unit test's).

Issue 16: no frame of a level's first second, a respawn or a hot reload may build chunks for more than
2 ms. Real levels are one chunk, built when the renderer is made; a large map builds the spawn's chunks
up front and at most one chunk a frame ahead of the camera.
"""
import pygame
import pytest
from conftest import ChunkWork, tmx_text

from game.paths import level_files
from game.world.camera import Camera
from game.world.render import CHUNK_PX, MapRenderer
from game.world.tilemap import load_tilemap

VIEW = (320, 180)


@pytest.fixture(autouse=True)
def _display():
    pygame.display.init()
    pygame.display.set_mode(VIEW)
    yield
    pygame.display.quit()


def _builds_per_frame(renderer, cams, t0=0.0):
    view = pygame.Surface(VIEW)
    counts = []
    for i, cam in enumerate(cams):
        before = renderer.builds
        renderer.draw(view, cam, t0 + i * 1000 / 60)
        counts.append(renderer.builds - before)
    return counts


def _walk(tilemap, start, steps, speed):
    """Camera offsets following a walker from `start` to the right and down at `speed` px a step."""
    camera = Camera(*tilemap.pixel_size)
    camera.center_on(*start)
    cams = []
    x, y = start
    for _ in range(steps):
        x, y = x + speed, y + speed * 0.4
        camera.follow(x, y)
        cams.append(camera.offset)
    return cams


@pytest.mark.parametrize("level", level_files(), ids=lambda p: p.name)
def test_a_real_level_builds_no_chunk_after_its_load(level):
    tilemap = load_tilemap(level)
    renderer = MapRenderer(tilemap)
    spawn = tilemap.player_spawn
    first_second = _walk(tilemap, (spawn.x, spawn.y), 60, 1.5)
    assert _builds_per_frame(renderer, first_second) == [0] * 60
    chase = _walk(tilemap, (spawn.x, spawn.y), 600, 4.0)
    assert sum(_builds_per_frame(renderer, chase)) == 0
    respawn = _walk(tilemap, (spawn.x, spawn.y), 60, 1.5)  # the camera jumps back to the spawn
    assert _builds_per_frame(renderer, respawn, t0=1e4) == [0] * 60
    reloaded = MapRenderer(load_tilemap(level))  # a hot reload makes a new renderer: its load
    assert _builds_per_frame(reloaded, first_second) == [0] * 60


def _big_map(write_level, tiles=300):
    ground = [[1 + (r * 7 + c * 3) % 3 for c in range(tiles)] for r in range(tiles)]
    spawn = '<object id="1" type="player_spawn" x="2000" y="1800"/>'
    return load_tilemap(write_level(tmx_text(ground, objects=spawn)))


def test_a_large_map_builds_at_most_one_chunk_a_frame_and_none_at_a_respawn(write_level):
    tilemap = _big_map(write_level)
    renderer = MapRenderer(tilemap)
    assert renderer.below.chunk_w == CHUNK_PX  # too large to be one chunk
    spawn = (2000.0, 1800.0)
    first_second = _walk(tilemap, spawn, 60, 1.5)
    assert _builds_per_frame(renderer, first_second) == [0] * 60  # the spawn's ring was prebuilt
    chase = _walk(tilemap, spawn, 500, 4.0)  # 2,000 px: new chunks, built ahead one a frame
    counts = _builds_per_frame(renderer, chase)
    assert max(counts) == 1 and sum(counts) >= 4
    far = _walk(tilemap, (200.0, 300.0), 200, 4.0)  # elsewhere long enough to churn the cache
    _builds_per_frame(renderer, far)
    assert _builds_per_frame(renderer, first_second, t0=1e5)[:30] == [0] * 30  # respawn: kept


def test_a_camera_faster_than_the_lookahead_still_sees_every_chunk(write_level):
    tilemap = _big_map(write_level)
    renderer = MapRenderer(tilemap, max_bytes=1 << 20)  # a tiny cache: chunks come and go
    view = pygame.Surface(VIEW)
    for cam in [(0, 0), (3000, 3000), (1500, 40), (0, 0)]:
        view.fill((255, 0, 255))
        renderer.draw(view, cam, 0.0)
        pixels = pygame.surfarray.pixels2d(view)
        assert (pixels != view.map_rgb((255, 0, 255))).all(), cam
        del pixels


def _chunk_bytes(renderer):
    return [[None if c is None else pygame.image.tobytes(c, "RGBA") for c in group._chunks.values()]
            for group in renderer.groups()]


@pytest.mark.parametrize("level", level_files(), ids=lambda p: p.name)
def test_a_renderer_built_in_steps_stays_in_budget_and_draws_what_a_load_draws(level, monkeypatch):
    from game.scenes.hotreload import RELOAD_CELLS

    tilemap = load_tilemap(level)
    whole = MapRenderer(tilemap)
    from game.world.chunkbuild import Spares

    stepped = MapRenderer(tilemap, prebuild=False)
    for group, theirs in zip(stepped.groups(), whole.chunk_surfaces()):  # as a hot reload hands them over
        group.spares = Spares([pygame.Surface(s.get_size(), s.get_flags() & pygame.SRCALPHA, s) for s in theirs])
    work = ChunkWork(monkeypatch, tilemap.tile_w)
    per_step = [work.take() for _ in stepped.build_steps(RELOAD_CELLS)]
    per_step.append(work.take())  # the work of the call that ends the build
    assert max(per_step) <= RELOAD_CELLS, per_step
    cells = tilemap.width * tilemap.height
    assert len(per_step) >= cells // RELOAD_CELLS  # spread out, not done in one go
    assert _chunk_bytes(stepped) == _chunk_bytes(whole) and work.allocated == 0
    assert _builds_per_frame(stepped, _walk(tilemap, (tilemap.player_spawn.x, tilemap.player_spawn.y), 60, 1.5)) \
        == [0] * 60


def test_ranks_are_numpys_unique_with_its_inverse():
    import numpy as np

    from game.world.chunkbuild import ranks

    rng = np.random.default_rng(3)
    for count, shape in ((1, (1, 1)), (5, (3, 4)), (300, (40, 70)), (9000, (104, 138))):
        index = rng.integers(0, count, size=shape) if count > 5 else rng.choice([0, count - 1], size=shape)
        used, local = ranks(index, count)
        want_used, want_local = np.unique(index, return_inverse=True)
        assert used.tolist() == want_used.tolist()
        assert local.reshape(-1).tolist() == want_local.reshape(-1).tolist() and local.shape == index.shape
