"""Huge pages under big chunk surfaces: the advice never changes a pixel, and skips what it cannot cover."""
import numpy as np
import pygame

from game.world.hugepages import HUGE, advise


def test_advice_on_a_fresh_surface_keeps_it_clear_and_usable():
    surface = pygame.Surface((2209, 1664), 0, 32)
    advised = advise(surface)
    assert advised % HUGE == 0 and advised <= surface.get_pitch() * surface.get_height()
    pixels = np.frombuffer(surface.get_view("0"), np.uint8)
    assert not pixels.any()  # dropped pages read back as the zeros pygame made
    del pixels
    surface.fill((10, 20, 30))
    assert surface.get_at((2208, 1663))[:3] == (10, 20, 30) and surface.get_at((0, 0))[:3] == (10, 20, 30)


def test_a_surface_smaller_than_a_huge_page_is_left_alone():
    assert advise(pygame.Surface((320, 180), 0, 32)) == 0
