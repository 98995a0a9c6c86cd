"""The level view keeps each enemy kind's sheet in the map's dress (the bathhouse's towels) between frames,
and takes them again when the map, or its dress, changes."""
import pytest

from game.modes.level.sim import LevelSim
from game.modes.level.view import LevelView
from game.paths import LEVELS
from game.sprites import dressed, map_dress
from game.world.tilemap import load_tilemap

pytestmark = pytest.mark.usefixtures("display")


def test_enemy_sheets_follow_the_maps_dress():
    view = LevelView()
    bath = LevelSim(load_tilemap(LEVELS / "bathhouse.tmx"), seed=0)
    plain = LevelSim(load_tilemap(LEVELS / "hotel.tmx"), seed=0)
    assert map_dress(bath.tilemap) == "bath" and map_dress(plain.tilemap) == ""
    for sim in (bath, plain, bath):
        for e in sim.enemies:
            e.body.x, e.body.y = sim.player.body.x + 10, sim.player.body.y  # in view
        view.sprites(sim, (0, 0, 100000, 100000))
        kinds = {e.kind.sprite for e in sim.live}
        assert kinds and set(view._dressed) == kinds
        for kind in kinds:
            assert view._dressed[kind] is view.sheet(dressed(kind, map_dress(sim.tilemap)))
