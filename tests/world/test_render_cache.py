import numpy as np
import pygame
import pytest
from conftest import frame_map, tmx_text

from game.world.render import MapRenderer, render_full_map
from game.world.tilemap import FLIP_H, load_tilemap


def pixels(surface):
    w, h = surface.get_size()
    return np.frombuffer(pygame.image.tobytes(surface, "RGBA"), np.uint8).reshape(h, w, 4)


@pytest.fixture
def layered_map(write_level):
    rng = np.random.default_rng(11)
    ground = rng.choice([1, 3, 9, 12, 13], size=(48, 80)).tolist()
    over = np.where(rng.random((48, 80)) < 0.3, rng.choice([7, 8, 7 | FLIP_H], size=(48, 80)), 0)
    data = ",\n".join(",".join(str(int(v)) for v in row) for row in over)
    extra = (f'<layer id="2" name="over" width="80" height="48" opacity="0.6">'
             f'<data encoding="csv">\n{data}\n</data></layer>')
    return load_tilemap(write_level(tmx_text(ground, extra_layers=extra)))


def test_a_tiny_chunk_cache_evicts_and_rebuilds_without_changing_a_pixel(layered_map):
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    full = pixels(render_full_map(layered_map))
    renderer = MapRenderer(layered_map, chunk_px=256, max_bytes=1)  # room for only a few chunks
    view = pygame.Surface((320, 180))
    path = [(0, 0), (900, 500), (10, 20), (1280 - 320, 768 - 180), (0, 0), (517, 301)]
    for cam in path:
        view.fill((255, 0, 255))
        renderer.draw(view, cam, time_ms=0)
        crop = full[cam[1]:cam[1] + 180, cam[0]:cam[0] + 320, :3]
        assert (pixels(view)[..., :3] == crop).all(), cam
    assert len(renderer.below._chunks) <= renderer.below.max_chunks < 20


def test_prepare_builds_exactly_the_chunks_a_view_shows(layered_map):
    renderer = MapRenderer(layered_map, chunk_px=256, prebuild=False)
    renderer.prepare((250, 0), (320, 180))
    assert set(renderer.below._chunks) == {(0, 0), (1, 0), (2, 0)}


def test_animated_cells_stamped_into_chunks_match_tiled_at_every_frame(write_level):
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    rng = np.random.default_rng(5)
    ground = rng.choice([1, 3, 4, 9, 12], size=(40, 70)).tolist()  # gid 4 is the animated water
    tilemap = load_tilemap(write_level(tmx_text(ground)))
    assert tilemap.animations
    renderer = MapRenderer(tilemap, chunk_px=256, max_bytes=1)  # evictions rebuild chunks mid-animation
    view = pygame.Surface((320, 180))
    path = [(0, 0, 0), (0, 0, 450), (300, 200, 450), (0, 0, 800), (700, 400, 1250), (0, 0, 1250), (5, 9, 2000), (5, 9, 450)]  # and back: a restart
    for cam_x, cam_y, time_ms in path:
        full = pixels(render_full_map(frame_map(tilemap, time_ms)))
        view.fill((255, 0, 255))
        renderer.draw(view, (cam_x, cam_y), time_ms=time_ms)
        crop = full[cam_y:cam_y + 180, cam_x:cam_x + 320, :3]
        assert (pixels(view)[..., :3] == crop).all(), (cam_x, cam_y, time_ms)


def test_a_frame_where_no_animation_changes_stamps_nothing(write_level):
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    ground = [[4 if (r + c) % 3 == 0 else 1 for c in range(30)] for r in range(20)]
    renderer = MapRenderer(load_tilemap(write_level(tmx_text(ground))))
    anim = renderer.below._anim
    stamped = []
    real_stamp = anim.stamp
    anim.stamp = lambda key, chunk, *light: stamped.append(key) or real_stamp(key, chunk, *light)
    view = pygame.Surface((320, 180))
    renderer.draw(view, (0, 0), time_ms=0)
    first = dict(anim._stamped)
    assert first and stamped
    stamped.clear()
    for time_ms in (20, 100, 300):  # the same water frame as at 0 ms (400 ms frames), camera moving
        renderer.draw(view, (time_ms // 20, 0), time_ms=time_ms)
    assert stamped == []  # no stamping, not even a look at the animated cells
    assert anim._stamped == first
    renderer.draw(view, (0, 0), time_ms=450)  # the water changes frame: its chunks are restamped
    assert stamped and anim._stamped != first


def test_animated_cells_are_grouped_by_stack_not_kept_one_by_one(write_level):
    ground = [[4 if (r + c) % 3 == 0 else 1 for c in range(30)] for r in range(20)]
    renderer = MapRenderer(load_tilemap(write_level(tmx_text(ground))))
    groups = renderer.below._anim.cells[(0, 0)]
    assert len(groups) == 1 and len(groups[0][1]) == sum(row.count(4) for row in ground)


def test_a_map_narrower_than_the_view_leaves_the_rest_of_the_canvas_alone(write_level):
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    ground = [[[1, 3, 9, 12, 13][(r + c) % 5] for c in range(10)] for r in range(8)]
    tilemap = load_tilemap(write_level(tmx_text(ground)))
    full = pixels(render_full_map(tilemap))
    renderer = MapRenderer(tilemap)
    view = pygame.Surface((320, 180))
    for cam in [(-80, -26), (0, 0), (-80, -26), (-1, 0)]:  # centred, then at the map's corner
        view.fill((255, 0, 255))
        renderer.draw(view, cam, time_ms=0)
        shown = pixels(view)[..., :3]
        x0, y0 = -cam[0], -cam[1]
        assert (shown[y0:y0 + 128, x0:x0 + 160] == full[..., :3]).all(), cam
        outside = np.ones((180, 320), bool)
        outside[y0:y0 + 128, x0:x0 + 160] = False
        assert (shown[outside] == (255, 0, 255)).all(), cam


@pytest.mark.parametrize("chunk_px", [None, 256])
def test_a_real_level_with_several_animations_matches_tiled_at_every_frame(chunk_px):
    """bus_chase: six animations of different periods, some sharing chunks, stamped as each moves on."""
    from game.paths import LEVELS

    pygame.display.init()
    pygame.display.set_mode((320, 180))
    tilemap = load_tilemap(LEVELS / "bus_chase.tmx")
    assert len(tilemap.animations) >= 3
    renderer = MapRenderer(tilemap, chunk_px=chunk_px, lit=False)  # the tiles alone: Tiled has no light
    view = pygame.Surface((640, 360))
    rng = np.random.default_rng(3)
    w, h = tilemap.pixel_size
    times = [0, 60, 95, 190, 260, 700, 1490, 1600, 3000, 450]  # and back: a restart
    for time_ms in times:
        full = pixels(render_full_map(frame_map(tilemap, time_ms)))
        for _ in range(3):
            cam = (int(rng.integers(0, w - 640)), int(rng.integers(0, h - 360)))
            renderer.draw(view, cam, time_ms=time_ms)
            crop = full[cam[1]:cam[1] + 360, cam[0]:cam[0] + 640, :3]
            assert (pixels(view)[..., :3] == crop).all(), (cam, time_ms)


def test_a_scroll_at_plays_pace_shows_every_animation_frame_as_tiled_does():
    """bus_terminal: one whole-map chunk, its tileset's sixteen animations of which the map shows one (the
    others are not followed); each frame drawn between two changes of frame is a blit and nothing else."""
    from game.paths import LEVELS

    pygame.display.init()
    pygame.display.set_mode((320, 180))
    tilemap = load_tilemap(LEVELS / "bus_terminal.tmx")
    renderer = MapRenderer(tilemap, lit=False)
    view = pygame.Surface((320, 180)).convert()
    w, h = tilemap.pixel_size
    fulls = {}
    for i in range(0, 240, 2):
        time_ms = i * 1000 / 60
        cam = (min(i * 3, w - 320), (i * 2) % (h - 180))
        shown = tuple(anim.frame_at(time_ms) for anim in tilemap.animations.values())
        if shown not in fulls:
            fulls[shown] = pixels(render_full_map(frame_map(tilemap, time_ms)))
        renderer.draw(view, cam, time_ms=time_ms)
        crop = fulls[shown][cam[1]:cam[1] + 180, cam[0]:cam[0] + 320, :3]
        assert (pixels(view)[..., :3] == crop).all(), (cam, time_ms)


def test_animation_frames_follow_the_clock_to_the_millisecond_and_back():
    """AnimatedCells works out again only the animations due; their frames are Animation.frame_at's at
    every time, an odd clock and a restart included, and nothing changes frame inside `span`."""
    from game.paths import LEVELS

    tilemap = load_tilemap(LEVELS / "bus_terminal.tmx")
    renderer = MapRenderer(tilemap, prebuild=False)
    anim = renderer.below._anim
    animations = [tilemap.animations[gid] for gid in anim.animated]  # the ones its layers show
    assert animations
    times = [i * 1000 / 60 for i in range(400)] + [i * 7.3 for i in range(300)] + [5.0, 3999.5, 4000.0, 12.0]
    for time_ms in times:
        if not anim.span[0] <= time_ms < anim.span[1]:
            anim.update(time_ms)
        assert anim.frames == tuple(a.frame_at(time_ms) for a in animations), time_ms


def test_a_view_wider_than_a_large_map_draws_its_unpadded_copy_animations_included():
    """cat_trap in a 1280x720 view: the whole-map chunk is swapped for an unpadded copy (SDL's aligned
    copy), and the animation frames are stamped into the copy; a 320x180 view swaps the padded rows back."""
    from game.paths import LEVELS

    pygame.display.init()
    pygame.display.set_mode((320, 180))
    tilemap = load_tilemap(LEVELS / "cat_trap.tmx")
    renderer = MapRenderer(tilemap, lit=False)
    w, h = tilemap.pixel_size
    assert w < 1280 and h < 720 and tilemap.animations
    view = pygame.Surface((1280, 720)).convert()
    cam = ((w - 1280) // 2, (h - 720) // 2)
    for time_ms in (0, 450, 700, 1500, 4400, 10):
        view.fill((255, 0, 255))
        renderer.draw(view, cam, time_ms=time_ms)
        full = pixels(render_full_map(frame_map(tilemap, time_ms)))
        shown = pixels(view)[-cam[1]:-cam[1] + h, -cam[0]:-cam[0] + w, :3]
        assert (shown == full[..., :3]).all(), time_ms
    assert renderer.below._chunks[(0, 0)].get_parent() is None  # the copy, not the padded chunk
    small = pygame.Surface((320, 180)).convert()  # a narrower view again: the padded rows are back
    for cam, time_ms in (((100, 60), 4400), ((w - 320, h - 180), 700)):
        renderer.draw(small, cam, time_ms=time_ms)
        full = pixels(render_full_map(frame_map(tilemap, time_ms)))
        assert (pixels(small)[..., :3] == full[cam[1]:cam[1] + 180, cam[0]:cam[0] + 320, :3]).all(), cam
    assert renderer.below._chunks[(0, 0)].get_parent() is not None
