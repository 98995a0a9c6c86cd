"""Hot reload: a saved TMX/TSX/template reloads; a broken save keeps the last good map and shows why."""
import os
import shutil

import pygame
from conftest import ROOT, room, tmx_text

from game.input.actions import NO_INPUT
from game.modes.level.scene import LevelScene
from game.modes.level.sim import LevelSim
from game.world.tilemap import load_tilemap
from game.world.watch import HotReload, LevelWatcher, feet_after_reload

OBJECTS = ('<object id="1" type="player_spawn" x="40" y="40"/>'
           '<object id="2" type="exit" x="160" y="32" width="16" height="16"/>')


def save(path, text):
    """Write like an editor, and make sure the file's stamp moves even on coarse-clock file systems."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    tmp = path.with_suffix(".saving")
    tmp.write_text(text)
    os.replace(tmp, path)
    os.utime(path, ns=(before + 10**9, before + 10**9))


def test_watcher_reloads_on_save_and_keeps_the_last_good_map_on_a_broken_one(write_level):
    ground = room(12, 8)
    path = write_level(tmx_text(ground, objects=OBJECTS))
    watcher = LevelWatcher(load_tilemap(path))
    assert watcher.poll() is None
    ground[3][6] = 2
    save(path, tmx_text(ground, objects=OBJECTS))
    result = watcher.poll()
    assert result.error is None and result.tilemap.solid[3, 6]
    assert watcher.poll() is None  # nothing changed since
    save(path, tmx_text(ground, objects=OBJECTS)[:200])
    broken = watcher.poll()
    assert broken.tilemap is None and str(path) in broken.error and "malformed XML" in broken.error
    assert "\n" not in broken.error
    save(path, tmx_text(ground, objects=OBJECTS))
    assert watcher.poll().tilemap is not None


def test_tileset_and_template_saves_reload_too(write_level, level_dir):
    shutil.copytree(ROOT / "levels" / "templates", level_dir / "templates")
    objects = OBJECTS + '<object id="3" template="templates/enemy_knife.tx" x="60" y="60"/>'
    path = write_level(tmx_text(room(12, 8), objects=objects))
    watcher = LevelWatcher(load_tilemap(path))
    tsx = level_dir / "base.tsx"
    save(tsx, tsx.read_text().replace('<tile id="1">', '<tile id="0"><properties><property name="solid" '
                                      'type="bool" value="true"/></properties></tile><tile id="1">'))
    assert watcher.poll().tilemap.solid.all()  # the floor tile is a wall now
    template = level_dir / "templates" / "enemy_knife.tx"
    save(template, template.read_text().replace('value="knife"', 'value="gunman"'))
    assert watcher.poll().tilemap.objects_of("enemy")[0].properties["kind"] == "gunman"


def test_poll_interval_is_under_a_second_of_game_steps(write_level):
    path = write_level(tmx_text(room(12, 8), objects=OBJECTS))
    reload = HotReload(load_tilemap(path))
    save(path, tmx_text(room(12, 8), objects=OBJECTS).replace('x="40" y="40"', 'x="56" y="40"'))
    results = [reload.step() for _ in range(60)]  # one second at 60 steps per second
    assert sum(r is not None for r in results) == 1


def test_player_keeps_his_place_when_still_floor_else_goes_to_the_new_spawn(write_level):
    m = load_tilemap(write_level(tmx_text(room(12, 8), objects=OBJECTS)))
    assert feet_after_reload(m, (60, 60, 10, 6)) is None
    assert feet_after_reload(m, (0, 0, 10, 6)) == (40, 40)  # in the wall
    assert feet_after_reload(m, (500, 60, 10, 6)) == (40, 40)  # off the map


def run(scene, steps):
    for _ in range(steps):
        scene.handle(NO_INPUT)
        scene.update(1 / 60)


def test_running_level_scene_swaps_the_map_and_shows_a_broken_save(write_level):
    pygame.display.init()
    ground = room(12, 8)
    path = write_level(tmx_text(ground, objects=OBJECTS))
    scene = LevelScene(LevelSim(load_tilemap(path), seed=1))
    scene.enter()
    run(scene, 5)
    feet = scene.sim.player.body.feet
    ground[5][8] = 2  # a new crate away from the player
    save(path, tmx_text(ground, objects=OBJECTS))
    run(scene, 30)
    assert scene.sim.tilemap.solid[5, 8] and scene.sim.player.body.feet == feet
    assert scene.sim.solid[5, 8] and scene.sim.grid.solid_at(8, 5)  # the walls the simulation collides with
    assert scene.renderer.tilemap is scene.sim.tilemap

    col, row = int(feet[0] // 16), int((feet[1] - 1) // 16)
    ground[row][col] = 2  # now a wall where he stands: back to the spawn
    save(path, tmx_text(ground, objects=OBJECTS.replace('x="40" y="40"', 'x="72" y="72"')))
    run(scene, 30)
    assert scene.sim.player.body.feet == (72, 72)

    good = scene.sim.tilemap
    save(path, "<map")
    run(scene, 30)
    assert scene.sim.tilemap is good and "malformed XML" in scene.hot_reload.error
    surface = pygame.Surface((320, 180))
    scene.draw(surface)
    assert surface.get_at((2, 178))[:3] != surface.get_at((2, 100))[:3]  # the error band
    save(path, tmx_text(ground, objects=OBJECTS))
    run(scene, 30)
    assert scene.hot_reload.error is None and scene.sim.tilemap is not good
