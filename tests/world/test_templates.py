"""Templates and class defaults resolve as Tiled shows them (Tiled's own export is the reference)."""
import os
import shutil
import subprocess

import pytest
from conftest import ROOT, room, tmx_text

from game.paths import level_files
from game.world.tiledproject import load_project
from game.world.tilemap import LevelError, load_tilemap

TEMPLATES = ROOT / "levels" / "templates"
PROJECT = ROOT / "levels" / "red-heat.tiled-project"

OBJECTS = """
  <object id="1" template="templates/player_spawn.tx" x="24" y="40"/>
  <object id="2" template="templates/enemy_knife.tx" x="60" y="40"/>
  <object id="3" template="templates/enemy_knife.tx" name="boss" x="70" y="40">
   <properties>
    <property name="kind" propertytype="EnemyKind" value="heavy"/>
    <property name="min_difficulty" propertytype="Difficulty" value="hard"/>
   </properties>
  </object>
  <object id="4" template="templates/trigger.tx" x="16" y="16" width="48"/>
  <object id="5" template="templates/trigger.tx" x="16" y="40" width="48" height="20" rotation="0"/>
  <object id="6" template="templates/exit.tx" x="96" y="32"/>
  <object id="7" template="templates/pickup_ammo.tx" x="40" y="60">
   <properties><property name="amount" type="int" value="12"/></properties>
  </object>
  <object id="8" template="templates/door.tx" type="exit" x="0" y="32"/>
"""


@pytest.fixture
def template_level(write_level, level_dir):
    shutil.copytree(TEMPLATES, level_dir / "templates")
    return write_level(tmx_text(room(), objects=OBJECTS))


def test_template_properties_with_instance_overrides(template_level):
    m = load_tilemap(template_level)
    by_id = {o.id: o for o in m.objects}
    assert by_id[1].type == "player_spawn" and by_id[1].shape == "point" and by_id[1].name == "danko"
    assert by_id[2].properties["kind"] == "knife" and by_id[2].name == "knife"
    assert by_id[3].name == "boss" and by_id[3].properties["kind"] == "heavy"
    assert by_id[3].properties["min_difficulty"] == "hard" and by_id[3].shape == "point"
    assert (by_id[3].x, by_id[3].y) == (70, 40)
    assert by_id[2].template == "templates/enemy_knife.tx"
    # Tiled takes an instance's size only when both sides are given
    assert (by_id[4].width, by_id[4].height) == (32, 32)
    assert (by_id[5].width, by_id[5].height) == (48, 20)
    assert by_id[6].type == "exit" and (by_id[6].width, by_id[6].height) == (16, 32)
    assert by_id[7].properties == {"item": "ammo", "amount": 12}
    assert by_id[8].type == "exit" and by_id[8].name == "door"  # a type override keeps the template's name


def test_class_defaults_fill_what_the_map_does_not_write(template_level):
    m = load_tilemap(template_level)
    by_id = {o.id: o for o in m.objects}
    # enemy class: kind from the template, the rest from the project's defaults
    assert by_id[2].properties == {"kind": "knife", "min_difficulty": "easy", "wave": 0, "scripted": False,
                                   "aggro": False, "drop": "", "search": ""}
    assert by_id[4].properties == {"beat": "", "dialogue": "", "objective": "", "requires_clear": False,
                                   "requires_flag": "", "script": "", "set_flag": "", "wave": 0, "after": 0,
                                   "checkpoint": False}
    assert by_id[1].properties == {}
    project = load_project(PROJECT)
    for kind in ("enemy", "trigger", "exit", "pickup"):
        assert set(project.class_defaults(kind)) <= set(
            next(o for o in m.objects if o.type == kind).properties), kind


def test_every_shipped_template_loads(write_level, level_dir):
    shutil.copytree(TEMPLATES, level_dir / "templates")
    files = sorted(p.name for p in TEMPLATES.glob("*.tx"))
    kinds = {"player_spawn", "enemy_brawler", "enemy_knife", "enemy_gunman", "enemy_heavy",
             "enemy_rostavili", "trigger", "exit", "pickup_first_aid", "pickup_ammo"}
    assert kinds <= {f[:-3] for f in files}
    objects = "".join(f'<object id="{i + 1}" template="templates/{f}" x="{24 + i}" y="40"/>'
                      for i, f in enumerate(files))
    m = load_tilemap(write_level(tmx_text(room(), objects=objects)))
    enemy_kinds = {o.properties["kind"] for o in m.objects_of("enemy")}
    assert enemy_kinds == set(load_project(PROJECT).enums["EnemyKind"])


@pytest.mark.parametrize("mutate, problem", [
    (lambda t: t.replace("templates/exit.tx", "templates/nope.tx"),
     "object 6 '' at (96,32): template 'templates/nope.tx' not found"),
    (lambda t: t.replace('value="heavy"', 'value="ninja"'),
     "object 3 'enemy' at (70,40): property 'kind' is 'ninja', not one of EnemyKind"),
    (lambda t: t.replace('type="int" value="12"', 'type="int" value="twelve"'),
     "object 7 'pickup' at (40,60): property 'amount': 'twelve' is not an integer"),
    (lambda t: t.replace('name="amount" type="int" value="12"', 'name="item" value="gold"'),
     "object 7 'pickup' at (40,60): property 'item' is 'gold', not one of PickupItem (first_aid, ammo)"),
    (lambda t: t.replace('name="min_difficulty" propertytype="Difficulty" value="hard"', 'name="wave" value="soon"'),
     "object 3 'enemy' at (70,40): property 'wave' should be int: 'soon' is not an integer"),
])
def test_broken_template_uses_are_level_errors(template_level, mutate, problem):
    template_level.write_text(mutate(template_level.read_text()))
    with pytest.raises(LevelError) as info:
        load_tilemap(template_level)
    assert problem in str(info.value) and str(template_level) in str(info.value)


def test_a_broken_template_file_is_named(template_level, level_dir):
    (level_dir / "templates" / "exit.tx").write_text("<template><object type='exit'")
    with pytest.raises(LevelError) as info:
        load_tilemap(template_level)
    assert str((level_dir / "templates" / "exit.tx").resolve()) in str(info.value)
    assert "malformed XML" in str(info.value)


def test_templates_are_listed_as_sources_for_hot_reload(template_level, level_dir):
    m = load_tilemap(template_level)
    assert (level_dir / "templates" / "enemy_knife.tx").resolve() in m.sources
    assert (level_dir / "base.tsx").resolve() in m.sources and PROJECT.resolve() in m.sources


def _tiled() -> str | None:
    found = shutil.which("tiled")
    if found is None and os.environ.get("CI"):
        pytest.fail("tiled is missing on CI: install Debian's 'tiled' package")
    return found


def tiled_detach(tool, source, target, tmp_path):
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home), XDG_RUNTIME_DIR=str(home))
    subprocess.run([tool, "--export-map", "--detach-templates", str(source), str(target)],
                   check=True, env=env, capture_output=True, timeout=120)
    assert "template=" not in target.read_text()


def as_shown(obj):
    return (obj.id, obj.type, obj.name, obj.x, obj.y, obj.width, obj.height, obj.shape, obj.properties)


def test_resolution_agrees_with_tiled_detach_templates(template_level, tmp_path):
    """Tiled (1.8 here) detaches the templates itself; our reading of both files must match."""
    tool = _tiled()
    if tool is None:
        pytest.skip("tiled not installed (apt-get install tiled)")
    detached = template_level.with_name("detached.tmx")
    tiled_detach(tool, template_level, detached, tmp_path)
    ours = load_tilemap(template_level).objects
    tiled = load_tilemap(detached).objects
    assert [as_shown(o) for o in ours] == [as_shown(o) for o in tiled]


@pytest.mark.parametrize("level", level_files(), ids=lambda p: p.name)
def test_tiled_reads_every_level_and_shows_the_same_objects(level, tmp_path):
    """Every shipped level opens in Tiled 1.8 (Debian's), and its objects, templates detached by
    Tiled, read the same as ours."""
    tool = _tiled()
    if tool is None:
        pytest.skip("tiled not installed (apt-get install tiled)")
    detached = tmp_path / level.name
    tiled_detach(tool, level, detached, tmp_path)
    ours, theirs = load_tilemap(level), load_tilemap(detached)
    assert [as_shown(o) for o in ours.objects] == [as_shown(o) for o in theirs.objects]
    assert [(layer.name, layer.gids.tolist()) for layer in ours.layers] == \
        [(layer.name, layer.gids.tolist()) for layer in theirs.layers]


def test_tmxrasterizer_renders_a_map_using_templates_like_the_game(template_level, tmp_path):
    import numpy as np
    import pygame
    from test_tiled_agreement import _rasterizer, premultiplied

    from game.world.render import render_full_map

    tool = _rasterizer()
    if tool is None:
        pytest.skip("tmxrasterizer not installed (apt-get install tiled)")
    ref = tmp_path / "ref.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([tool, "--no-smoothing", "--show-layer", "ground", str(template_level), str(ref)],
                   check=True, env=env, capture_output=True, timeout=120)
    ours = premultiplied(render_full_map(load_tilemap(template_level)))
    theirs = premultiplied(pygame.image.load(str(ref)))
    assert ours.shape == theirs.shape and int(np.abs(ours - theirs).max()) <= 2


def test_untyped_values_take_the_declared_member_type(write_level):
    """A designer without the project loaded types plain strings; the class declaration decides."""
    objects = ('<object id="1" type="player_spawn" x="24" y="24"/>'
               '<object id="2" type="enemy" x="40" y="40"><properties>'
               '<property name="wave" value="3"/><property name="aggro" value="true"/>'
               '<property name="kind" value="gunman"/></properties><point/></object>')
    enemy = load_tilemap(write_level(tmx_text(room(), objects=objects))).objects_of("enemy")[0]
    assert enemy.properties["wave"] == 3 and enemy.properties["aggro"] is True
    assert enemy.properties["kind"] == "gunman"
