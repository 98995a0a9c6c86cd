"""Closed doors off the screen are not blitted: every view of the bathhouse's doors is the one blitting
each closed door gives, the culled ones included."""
import pygame
import pytest

from game.modes.level import view as level_view
from game.modes.level.sim import LevelSim
from game.modes.level.view import LevelView
from game.paths import LEVELS
from game.world.tilemap import load_tilemap

pytestmark = pytest.mark.usefixtures("display")


def _every_door(view, surface, sim, cx, cy, step):
    for d in sim.spec.doors:
        if sim.door_closed(d.id):
            x, y = round(d.rect.x - cx), round(d.rect.y - cy)
            w, h = round(d.rect.w), round(d.rect.h)
            lit = (step // 20) % 2 == 1
            surface.blit(view._cached(("door", w, h, lit), level_view._door, w, h, lit), (x, y))


def test_doors_off_screen_are_left_out_and_the_view_is_the_same():
    sim = LevelSim(load_tilemap(LEVELS / "bathhouse.tmx"), seed=0)
    assert sim.spec.doors
    view = LevelView()
    mw, mh = sim.tilemap.pixel_size
    seen = 0
    for cx in range(-40, mw, 37):
        for cy in range(-40, mh, 29):
            culled, every = pygame.Surface((320, 180)), pygame.Surface((320, 180))
            view._doors(culled, sim, cx, cy, cx + cy)
            _every_door(view, every, sim, cx, cy, cx + cy)
            assert culled.get_buffer().raw == every.get_buffer().raw, (cx, cy)
            seen += any(culled.get_buffer().raw)  # a door on this screen
    assert seen > 0
