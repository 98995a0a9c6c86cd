"""Where the level goes next (an open exit, or a trigger Danko can walk into) is shown by a green arrow,
at the screen edge pointing its way when off screen; only the nearest, never during a fight."""
import pygame
import pytest
from level_arena import enemy_xml, level

from game.modes.level.view import LevelView

GREEN = (120, 230, 120)


pytestmark = pytest.mark.usefixtures("display")  # every test draws (conftest.display)


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


def _trigger(ident, x, **props):
    extra = "".join(f'<property name="{k}" value="{v}"/>' for k, v in props.items())
    return (f'<object id="{ident}" name="t{ident}" type="trigger" x="{x}" y="80" width="16" height="32">'
            f'<properties>{extra}</properties></object>')


def test_only_the_nearest_place_to_go_gets_an_arrow(write_level):
    sim = level(write_level, _trigger(9, 1200) + _trigger(10, 40) + _trigger(11, 900, requires_flag="later"),
                w=90, spawn=(640, 96))
    surface = pygame.Surface((320, 180))
    LevelView().draw_over(surface, sim, (480, 0))
    assert greens(surface, (0, 60, 40, 120)) == 0            # the far one, left: not shown
    assert greens(surface, (280, 60, 320, 120)) > 5          # the near one, right (the flagged one waits)


def test_no_arrow_while_a_fight_is_on_but_an_idle_thug_is_no_fight(write_level):
    """Someone coming for Danko hides the arrow; a thug standing idle across the lobby does not (the hotel's
    first-timer saw no way on while two of them stood about)."""
    surface = pygame.Surface((320, 180))
    sim = level(write_level, _trigger(9, 1200) + enemy_xml(10, "brawler", 700, 96, aggro="true"),
                w=90, spawn=(640, 96))
    LevelView().draw_over(surface, sim, (480, 0))
    assert greens(surface, (0, 0, 320, 180)) == 0
    surface.fill((0, 0, 0))
    sim = level(write_level, _trigger(9, 1200) + enemy_xml(10, "brawler", 700, 96), w=90, spawn=(640, 96))
    LevelView().draw_over(surface, sim, (480, 0))
    assert greens(surface, (280, 40, 320, 150)) > 5


def test_the_arrow_points_at_ridzik_while_he_is_out_cold(write_level):
    """At an exit that waits for him ("NOT WITHOUT RIDZIK!") a player must find him: the arrow shows him."""
    sim = level(write_level, '<object id="9" type="exit" x="1200" y="80" width="16" height="32"/>'
                + '<object id="10" type="partner_spawn" x="40" y="96"/>', w=90, spawn=(640, 96))
    sim.partner.state = "out"
    surface = pygame.Surface((320, 180))
    LevelView().draw_over(surface, sim, (480, 0))
    assert greens(surface, (0, 40, 40, 150)) > 5 and greens(surface, (280, 40, 320, 150)) == 0
