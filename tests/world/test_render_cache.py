import numpy as np
import pygame
import pytest
from conftest import tmx_text

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
    renderer = MapRenderer(layered_map, chunk_px=256)
    renderer.prepare((250, 0), (320, 180))
    assert set(renderer.below._chunks) == {(0, 0), (1, 0), (2, 0)}
