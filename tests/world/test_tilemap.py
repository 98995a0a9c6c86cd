import base64
import struct

import numpy as np
import pytest
from conftest import room, tmx_text

from game.cli import main
from game.world.tilemap import FLIP_H, LevelError, load_tilemap


def test_layers_become_int32_gid_arrays_and_solid_grid(write_level):
    ground = room()
    ground[2][3] = 6  # crate: solid by tileset property
    path = write_level(tmx_text(ground))
    m = load_tilemap(path)
    assert m.layers[0].gids.dtype == np.int32 and m.layers[0].gids.shape == (6, 8)
    assert m.solid.dtype == bool
    assert m.solid[0].all() and m.solid[2, 3] and not m.solid[2, 2]
    assert (m.layers[0].ids == np.array(ground)).all()


def test_flip_flags_are_kept_in_the_gids(write_level):
    ground = room()
    ground[2][2] = 7 | FLIP_H
    m = load_tilemap(write_level(tmx_text(ground)))
    raw = int(m.layers[0].gids.view(np.uint32)[2, 2])
    assert raw == 7 | FLIP_H and int(m.layers[0].ids[2, 2]) == 7


def test_base64_zlib_layers_load_like_csv(write_level):
    import zlib

    ground = room()
    blob = base64.b64encode(zlib.compress(struct.pack("<%dI" % 48, *sum(ground, [])))).decode()
    text = tmx_text(ground).replace('encoding="csv">', 'encoding="base64" compression="zlib">')
    text = text.split('compression="zlib">')[0] + f'compression="zlib">{blob}</data></layer>' + \
        text.split("</data></layer>")[1]
    m = load_tilemap(write_level(text))
    assert (m.layers[0].ids == np.array(ground)).all()


def test_hidden_collision_layer_adds_solids_and_is_not_drawn(write_level):
    ground = room()
    coll = [[0] * 8 for _ in range(6)]
    coll[3][4] = 1
    data = ",".join(str(v) for v in sum(coll, []))
    layer = (f'<layer id="2" name="collision" width="8" height="6" visible="0">'
             f'<data encoding="csv">{data}</data></layer>')
    m = load_tilemap(write_level(tmx_text(ground, extra_layers=layer)))
    assert m.solid[3, 4]
    assert [layer.name for layer in m.layers] == ["ground"]


def test_objects_become_typed_records_with_properties(write_level):
    objects = """
      <object id="1" type="player_spawn" x="24" y="24"/>
      <object id="2" name="thug" type="enemy" x="40" y="40">
        <properties><property name="kind" value="brawler"/><property name="hp" type="int" value="30"/></properties>
      </object>
      <object id="3" type="exit" x="96" y="32" width="16" height="16"/>"""
    m = load_tilemap(write_level(tmx_text(room(), objects=objects)))
    enemy = m.objects_of("enemy")[0]
    # kind and hp as written; the rest are the enemy class's defaults (project file)
    assert enemy.properties == {"kind": "brawler", "hp": 30, "min_difficulty": "easy", "wave": 0,
                                "scripted": False, "aggro": False, "drop": "", "search": ""}
    assert enemy.name == "thug"
    assert m.player_spawn.x == 24 and m.objects_of("exit")[0].width == 16


@pytest.mark.parametrize("mutate, problem", [
    (lambda t: t.replace("</map>", ""), "malformed XML"),
    (lambda t: t.replace('source="base.tsx"', 'source="nope.tsx"'), "tileset 'nope.tsx' not found"),
    (lambda t: t.replace('infinite="0"', 'infinite="1"'), "infinite maps are not supported"),
    (lambda t: t.replace('encoding="csv"', ''), "unsupported encoding 'xml'"),
    (lambda t: t.replace('type="player_spawn"', 'type="dragon"'), "unknown object type 'dragon'"),
    (lambda t: t.replace('type="player_spawn"', 'type="exit"'), "no 'player_spawn' object"),
    (lambda t: t.replace("2,2,2,2,2,2,2,2", "2,2,2,999,2,2,2,2", 1), "gid 999, which is in no tileset"),
])
def test_broken_levels_raise_one_level_error_naming_file_and_problem(write_level, mutate, problem):
    path = write_level(mutate(tmx_text(room())))
    with pytest.raises(LevelError) as info:
        load_tilemap(path)
    message = str(info.value)
    assert str(path) in message and problem in message
    assert "\n" not in message


def test_missing_file_and_missing_image(level_dir, write_level):
    with pytest.raises(LevelError, match="file not found"):
        load_tilemap(level_dir / "absent.tmx")
    (level_dir / "base.png").unlink()
    with pytest.raises(LevelError, match="tileset image 'base.png' not found"):
        load_tilemap(write_level(tmx_text(room())))


def test_cli_prints_level_error_on_one_line_and_exits_1(write_level, capsys):
    path = write_level(tmx_text(room()).replace('infinite="0"', 'infinite="1"'))
    assert main(["render", str(path), str(path.with_suffix(".png"))]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(path) in err and "infinite" in err
    assert "Traceback" not in err
