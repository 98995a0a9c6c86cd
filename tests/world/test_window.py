"""A large view drawn through the four shifted copies of the map around it (game.world.window): every frame
as the whole map shows it, whichever copy, after a scroll out of the copies, a jump, an animation frame."""
import numpy as np
import pygame
import pytest
from conftest import frame_map, tmx_text

from game.world.render import MapRenderer, render_full_map
from game.world.tilemap import load_tilemap
from game.world.window import MARGIN, Window

VIEW = (1280, 720)


def pixels(surface):
    w, h = surface.get_size()
    return np.frombuffer(pygame.image.tobytes(surface, "RGB"), np.uint8).reshape(h, w, 3)


def _shown_at(tilemap, time_ms, cache={}):
    """The whole map's pixels as Tiled shows it at `time_ms` (each animated gid at its frame then)."""
    frames = tuple(anim.frame_at(time_ms) for anim in tilemap.animations.values())
    key = (id(tilemap), frames)
    if key not in cache:
        cache.clear()
        cache[key] = pixels(render_full_map(frame_map(tilemap, time_ms)))
    return cache[key]


@pytest.fixture
def big_map(write_level):
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    rng = np.random.default_rng(4)
    ground = rng.choice([1, 3, 4, 9, 12], size=(120, 200)).tolist()  # gid 4: water, two 400 ms frames
    yield load_tilemap(write_level(tmx_text(ground)))
    pygame.display.quit()


def test_a_large_view_through_the_copies_shows_every_frame_as_the_whole_map(big_map):
    renderer = MapRenderer(big_map, chunk_px=512)  # several chunks: a large view is drawn through a copy
    view = pygame.Surface(VIEW).convert()
    cams = [(300 + 3 * i, 200 + i) for i in range(60)]  # past the margin: the copy moves
    cams += [(1500, 900), (1501, 900), (1502, 903), (1503, 903)]  # a jump, then a scroll there
    cams += [(1503 + 5 * i, 903 - 2 * i) for i in range(40)]
    origins = set()
    for i, cam in enumerate(cams):
        time_ms = 40.0 * i  # the water changes frame every 10 frames: the copies are filled again
        before = list(renderer._window.shown) if renderer._window else None
        view.fill((255, 0, 255))
        renderer.draw(view, cam, time_ms)
        window = renderer._window
        assert window is not None and window.usable
        if i == 0 or cam == (1500, 900):  # a jump (the first frame too) draws from the chunks, fills nothing
            assert window.shown == (before or [None] * 4)
        else:
            phase = (cam[0] - window.origin[0]) % 4
            assert window.shown[phase] == (window.origin, renderer.below._anim.version)
            left = window.origin[0] + phase  # that copy's rows start on a 16-byte boundary at the view's column
            assert (window.copies[phase]._pixels_address + 4 * (cam[0] - left)) % 16 == 0
            origins.add(window.origin)
        full = _shown_at(big_map, time_ms)
        assert (pixels(view) == full[cam[1]:cam[1] + 720, cam[0]:cam[0] + 1280]).all(), (cam, time_ms)
    assert len(origins) >= 3  # the copies followed the camera


def test_copies_only_for_large_views_and_given_up_where_the_map_leaves_pixels_unfilled(big_map, write_level):
    assert Window.wanted(VIEW, (3200, 1920)) and not Window.wanted((640, 360), (3200, 1920))
    assert not Window.wanted(VIEW, (1280 + 2 * MARGIN + 2, 1920))  # no room for the copies
    rng = np.random.default_rng(6)
    ground = rng.choice([1, 3, 9, 0], size=(120, 200), p=[0.4, 0.3, 0.29, 0.01]).tolist()  # holes
    tilemap = load_tilemap(write_level(tmx_text(ground), "holes.tmx"))
    renderer = MapRenderer(tilemap, chunk_px=512)
    view, expected = pygame.Surface(VIEW).convert(), pygame.Surface(VIEW).convert()
    full = render_full_map(tilemap)  # see-through where the holes are
    for cam in [(400 + 2 * i, 300) for i in range(6)]:
        for surface in (view, expected):
            surface.fill((255, 0, 255))
        renderer.draw(view, cam, 0.0)
        expected.blit(full, (-cam[0], -cam[1]))
        assert (pixels(view) == pixels(expected)).all(), cam
    assert renderer._window is not None and not renderer._window.usable
