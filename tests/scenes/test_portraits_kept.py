"""Dialogue portraits are kept as a blit draws them (game.scenes.storyart.as_drawn): opaque, in the display's
format, and blitting one gives the pixels blitting the art as loaded gives, on any floor."""
import glob
import os

import pygame
import pytest

from game.paths import ASSETS
from game.scenes.storyart import as_drawn, portrait

pytestmark = pytest.mark.usefixtures("display")

FLOORS = ((0, 0, 0), (255, 255, 255), (30, 200, 90), (128, 7, 250))


def _on(floor, image):
    canvas = pygame.Surface((60, 60)).convert()
    canvas.fill(floor)
    canvas.blit(image, (5, 7))
    return pygame.image.tobytes(canvas, "RGB")  # the colours (the padding byte of XRGB is never shown)


def test_every_portrait_kept_blits_what_the_art_blits():
    names = sorted({os.path.basename(p).split(".")[0] for p in glob.glob(str(ASSETS / "portraits" / "*.png"))})
    assert len(names) > 10
    for name in names:
        art = portrait(name)
        kept = as_drawn(art)
        assert not kept.get_flags() & pygame.SRCALPHA, name  # the fast path: a plain copy
        for floor in FLOORS:
            assert _on(floor, kept) == _on(floor, art), (name, floor)


def test_see_through_art_is_left_as_it_is():
    art = pygame.Surface((8, 8), pygame.SRCALPHA)
    art.fill((200, 30, 30, 255))
    art.fill((0, 0, 0, 0), (0, 0, 2, 2))
    assert as_drawn(art) is art and as_drawn(None) is None
    plain = pygame.Surface((8, 8))
    assert as_drawn(plain) is plain
