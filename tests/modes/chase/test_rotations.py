"""Vehicles turned pixel-art style (issue 15 item 4): many headings, no new colours, no stair-steps."""
import math

import numpy as np
import pygame
import pytest

from game.modes.chase.rotations import ANGLES, Rotations, rotsprite


@pytest.fixture(scope="module")
def bus():
    pygame.init()
    img = pygame.Surface((40, 14), pygame.SRCALPHA)
    img.fill((240, 240, 236, 255))
    img.fill((200, 30, 40, 255), (0, 3, 40, 1))  # a one-pixel stripe along the side
    img.fill((30, 40, 90, 255), (34, 0, 6, 14))  # the windscreen end
    return img


def _colours(surface):
    px = pygame.surfarray.pixels3d(surface).reshape(-1, 3)
    alpha = pygame.surfarray.pixels_alpha(surface).reshape(-1)
    return {tuple(c) for c in px[alpha > 0]}


def test_at_least_sixteen_headings():
    assert ANGLES >= 16


def test_quarter_turns_are_exact(bus):
    for deg in (0, 90, 180, 270):
        plain = pygame.transform.rotate(bus, deg)
        turned = rotsprite(bus, deg)
        assert turned.get_size() == plain.get_size()
        assert pygame.image.tobytes(turned, "RGBA") == pygame.image.tobytes(plain, "RGBA")


@pytest.mark.parametrize("k", range(1, ANGLES // 4))
def test_a_turned_sprite_keeps_its_palette_and_size(bus, k):
    deg = k * 360 / ANGLES
    turned = rotsprite(bus, deg)
    assert _colours(turned) <= _colours(bus)  # no blended, invented colours
    plain = pygame.transform.rotate(bus, deg)
    assert abs(turned.get_width() - plain.get_width()) <= 1 and abs(turned.get_height() - plain.get_height()) <= 1


def _stripe_thickness(surface):
    """Stripe pixels per pixel of the stripe's extent: 1.0 is a clean one-pixel line."""
    px = pygame.surfarray.pixels3d(surface)
    xs, ys = np.nonzero((px[..., 0] == 200) & (px[..., 1] == 30))
    return xs.size / (max(np.ptp(xs), np.ptp(ys)) + 1)


@pytest.mark.parametrize("k", range(1, ANGLES // 4))
def test_a_one_pixel_stripe_stays_one_pixel_at_every_heading(bus, k):
    assert _stripe_thickness(rotsprite(bus, k * 360 / ANGLES)) <= 1.35


def test_a_plain_rotation_would_double_the_stripe_on_the_diagonal(bus):
    """What the pixel-art rotation is for: nearest-neighbour rotation at 45 degrees stair-steps the line."""
    assert _stripe_thickness(pygame.transform.rotate(bus, 45)) > 1.5
    assert _stripe_thickness(rotsprite(bus, 45)) <= 1.1


def test_rotations_cache_one_image_per_heading_bin(bus):
    rot = Rotations(bus)
    a = rot.at(0.3)
    assert rot.at(0.3 + 0.01) is a  # same bin
    assert rot.at(math.pi) is not a
    assert len(rot.cache) == 2


def test_crash_debris_flies_out_then_lies_still_the_same_every_time():
    from game.modes.chase import debris

    start = debris.pieces(100, 50, 0.0, 0)
    assert all((x, y) == (100, 50) for x, y, _, _ in start)
    landed = debris.pieces(100, 50, 0.0, debris.FLIGHT)
    assert landed == debris.pieces(100, 50, 0.0, debris.FLIGHT + 200)  # at rest once landed
    assert landed == debris.pieces(100, 50, 0.0, debris.FLIGHT)  # same crash, same debris
    assert min(math.hypot(x - 100, y - 50) for x, y, _, _ in landed) >= 10
    assert sum(x > 100 for x, _, _, _ in landed) > len(landed) // 2  # mostly thrown the way he was going


def test_turned_art_is_kept_in_the_display_format_and_blits_the_same_pixels():
    # the art loads in RGBA byte order, which SDL blits by its slow conversion path (150 us a turned bus):
    # each heading is kept in the display's format, and draws what the turned art as loaded draws
    from game.sprites import load_vehicle

    pygame.display.init()
    pygame.display.set_mode((320, 180))
    art = load_vehicle("bus_a")[0]
    rot = Rotations(art)
    canvas = pygame.Surface((320, 180)).convert()
    canvas.fill((90, 140, 60))
    for k in range(0, 64, 5):
        heading = k * 2 * math.pi / 64
        kept = rot.at(heading)
        assert kept.get_masks() == pygame.display.get_surface().convert_alpha().get_masks()
        loaded = rotsprite(art, -k * 360.0 / 64)
        a, b = canvas.copy(), canvas.copy()
        a.blit(kept, (100, 50))
        b.blit(loaded, (100, 50))
        assert pygame.image.tobytes(a, "RGB") == pygame.image.tobytes(b, "RGB"), k
