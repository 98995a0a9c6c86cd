"""The backdrop fill under the map is left out only where the map's blit paints the whole view
(game.world.cover): a frame is then the same whatever was on the canvas before it."""
import pygame
import pytest

from game.input.actions import EdgeTracker
from game.modes import registry
from game.modes.context import MapContext
from game.paths import LEVELS
from game.world.cover import MapCover
from game.world.render import MapRenderer
from game.world.tilemap import load_tilemap


@pytest.fixture(scope="module", autouse=True)
def display():
    pygame.display.init()
    pygame.display.set_mode((320, 180))


def test_the_map_covers_the_view_only_once_its_one_opaque_chunk_is_built():
    tilemap = load_tilemap(LEVELS / "bus_chase.tmx")
    cover = MapCover()
    inside = (200, 100)
    assert cover.covers(MapRenderer(tilemap), inside, (320, 180))
    fresh = MapRenderer(tilemap, prebuild=False)  # another renderer, nothing built yet
    assert not cover.covers(fresh, inside, (320, 180))
    for _ in fresh.build_steps(0):
        pass
    assert cover.covers(fresh, inside, (320, 180))
    mw, mh = tilemap.pixel_size
    for off in ((-1, 100), (200, -1), (mw - 319, 100), (200, mh - 179)):  # a pixel off an edge: the fill stays
        assert not cover.covers(fresh, off, (320, 180)), off
    built = fresh.builds
    many = MapRenderer(tilemap, chunk_px=128, prebuild=False)  # many chunks: not looked into, the fill stays
    keys = iter([(group, key) for group in many.groups() for key in group.all_chunks()])
    while many.builds < built:  # as many builds as the last renderer: only its being another tells
        group, key = next(keys)
        group.chunk(*key)
    assert many.builds == built and not cover.covers(many, inside, (320, 180))


@pytest.mark.parametrize("name", ["bathhouse", "transfer", "bus_chase"])
def test_a_frame_is_the_same_on_any_canvas(name):
    tilemap = load_tilemap(LEVELS / f"{name}.tmx")
    mode = registry.mode_of(tilemap)
    scene = mode.map_scene(MapContext(tilemap, seed=0, on_done=lambda outcome: None))
    scene.enter()
    camera = scene.sim.camera if mode.kind == "chase" else scene.camera
    pilot, edges = mode.pilot(), EdgeTracker()
    mw, mh = tilemap.pixel_size
    skipped = 0
    for step in range(180):
        scene.handle(edges.frame(pilot.decide(scene, step) or 0))
        scene.update(1 / 60)
        if step % 3 == 0:  # views off the map's edges (as a shake makes them): there the backdrop shows
            camera.x, camera.y = (-6, 30, mw - 316, 5)[step % 4], (-3, mh - 177)[step % 2]
        shots = []
        for floor in ((255, 0, 255), (0, 255, 0)):
            canvas = pygame.Surface((320, 180)).convert()
            canvas.fill(floor)
            scene.draw(canvas)
            shots.append(canvas.get_buffer().raw)
        assert shots[0] == shots[1], step
        skipped += scene.cover.covers(scene.renderer, camera.offset, (320, 180))
    assert 60 < skipped < 180
