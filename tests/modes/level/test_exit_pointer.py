"""An open exit off screen is shown by a green arrow at the screen edge, pointing its way."""
import pygame
import pytest
from level_arena import level

from game.modes.level.view import LevelView

GREEN = (120, 230, 120)


@pytest.fixture(scope="module", autouse=True)
def display():
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    yield
    pygame.display.quit()


def greens(surface, box):
    x0, y0, x1, y1 = box
    return sum(1 for x in range(x0, x1) for y in range(y0, y1) if surface.get_at((x, y))[:3] == GREEN)


@pytest.mark.parametrize("exit_x, edge", [(1200, (280, 60, 320, 120)), (40, (0, 60, 40, 120))])
def test_an_open_exit_off_screen_gets_an_arrow_at_the_edge_toward_it(write_level, exit_x, edge):
    sim = level(write_level, f'<object id="9" type="exit" x="{exit_x}" y="80" width="16" height="32"/>',
                w=90, spawn=(640, 96))
    surface = pygame.Surface((320, 180))
    LevelView().draw_over(surface, sim, (480, 0))  # the camera round Danko: the exit is far to one side
    assert greens(surface, edge) > 5
    assert greens(surface, (100, 40, 220, 140)) == 0  # nothing in the middle of the screen


def test_an_open_exit_on_screen_gets_its_arrow_over_it(write_level):
    sim = level(write_level, '<object id="9" type="exit" x="120" y="80" width="16" height="32"/>')
    surface = pygame.Surface((320, 180))
    LevelView().draw_over(surface, sim, (0, 0))
    assert greens(surface, (118, 60, 138, 90)) > 3
