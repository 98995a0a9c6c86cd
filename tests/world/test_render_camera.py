import numpy as np
import pygame
import pytest
from conftest import room, tmx_text

from game.world.camera import Camera, CameraConfig
from game.world.render import MapRenderer, Sprite, flip_tile, render_full_map
from game.world.tilemap import FLIP_D, FLIP_H, FLIP_V, load_tilemap


def pixels(surface):
    w, h = surface.get_size()
    return np.frombuffer(pygame.image.tobytes(surface, "RGBA"), np.uint8).reshape(h, w, 4)


def test_flip_order_matches_tiled():
    tile = np.arange(16 * 16 * 4, dtype=np.uint32).reshape(16, 16, 4)
    # diagonal flip = transpose; H mirrors columns; V mirrors rows; D happens first
    assert (flip_tile(tile, FLIP_D) == tile.transpose(1, 0, 2)).all()
    assert (flip_tile(tile, FLIP_D | FLIP_H) == tile.transpose(1, 0, 2)[:, ::-1]).all()
    assert (flip_tile(tile, FLIP_H | FLIP_V) == tile[::-1, ::-1]).all()


def test_flipped_tile_renders_mirrored(write_level):
    ground = room()
    ground[2][2] = 7
    ground[2][3] = 7 | FLIP_H
    m = load_tilemap(write_level(tmx_text(ground)))
    px = pixels(render_full_map(m))
    a = px[32:48, 32:48]
    b = px[32:48, 48:64]
    assert (a[:, ::-1] == b).all() and not (a == b).all()


@pytest.fixture
def big_map(write_level):
    rng = np.random.default_rng(3)
    ground = rng.choice([1, 3, 9, 12, 13], size=(40, 70)).tolist()  # opaque tiles
    ground[5][5] = 4  # an animated tile
    return load_tilemap(write_level(tmx_text(ground)))


def test_chunked_camera_view_equals_the_full_map_crop(big_map):
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    full = pixels(render_full_map(big_map))
    renderer = MapRenderer(big_map, chunk_px=256)  # small chunks: views straddle chunk corners
    view = pygame.Surface((320, 180))
    for cam in [(0, 0), (250, 200), (1120 - 320, 640 - 180)]:
        view.fill((255, 0, 255))
        renderer.draw(view, cam, time_ms=0)
        crop = full[cam[1]:cam[1] + 180, cam[0]:cam[0] + 320, :3]
        assert (pixels(view)[..., :3] == crop).all(), cam


def test_animated_tile_changes_on_the_game_clock(big_map):
    renderer = MapRenderer(big_map)
    view = pygame.Surface((320, 180))
    renderer.draw(view, (0, 0), time_ms=0)
    first = pixels(view)[80:96, 80:96].copy()
    renderer.draw(view, (0, 0), time_ms=450)  # the water animation has 400 ms frames
    second = pixels(view)[80:96, 80:96].copy()
    renderer.draw(view, (0, 0), time_ms=800)
    third = pixels(view)[80:96, 80:96].copy()
    assert not (first == second).all() and (first == third).all()


def test_sprites_are_drawn_y_sorted(big_map):
    renderer = MapRenderer(big_map)
    view = pygame.Surface((320, 180))
    red, blue = pygame.Surface((8, 8)), pygame.Surface((8, 8))
    red.fill((255, 0, 0))
    blue.fill((0, 0, 255))
    # blue stands lower on screen, so it is drawn last even though it comes first
    renderer.draw(view, (0, 0), 0, [Sprite(blue, 10, 10, sort_y=50), Sprite(red, 12, 12, sort_y=40)])
    assert tuple(pixels(view)[14, 14, :3]) == (0, 0, 255)


def test_camera_dead_zone_and_clamp():
    cam = Camera(1000, 600, CameraConfig(view_w=320, view_h=180, dead_w=40, dead_h=20))
    cam.center_on(500, 300)
    x0 = cam.x
    cam.follow(510, 300)  # inside the dead zone: no movement
    assert cam.x == x0
    cam.follow(600, 300)
    assert cam.x == x0 + 600 - (500 + 20)
    cam.follow(-100, -100)
    assert (cam.x, cam.y) == (0, 0)
    cam.follow(5000, 5000)
    assert (cam.x, cam.y) == (1000 - 320, 600 - 180)


def test_small_map_is_centred():
    cam = Camera(160, 90)
    cam.follow(80, 45)
    assert cam.offset == (-80, -45)
