"""Issue 17, items 5 and 6: corrupt tileset images and oversized maps are refused at load, by `check` too.

A truncated PNG passed `check` and then crashed `render`, `--level` and a running level's hot reload;
a 2048x2048 map passed `check` and then needed 4 GiB in `render`; a 1 MB zlib bomb layer took 15 s and
3.2 GB before its error. Each is now one line from the loader, before anything large is allocated.
"""
import base64
import struct
import time
import zlib

import pygame
import pytest
from conftest import room, tmx_text
from test_watch import OBJECTS, run, save

from game.cli import main
from game.limits import MAP_MAX_CELLS, RENDER_MAX_PIXELS, TILE_MAX_PX
from game.modes.level.scene import LevelScene
from game.modes.level.sim import LevelSim
from game.world.sizes import map_size_problem
from game.world.tilemap import LevelError, load_tilemap


def base64_layer_map(w, h, payload, compression="zlib"):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.8" orientation="orthogonal" renderorder="right-down" width="{w}" height="{h}"
 tilewidth="16" tileheight="16" infinite="0">
 <tileset firstgid="1" source="base.tsx"/>
 <layer id="1" name="ground" width="{w}" height="{h}"><data encoding="base64" compression="{compression}">
{payload}
</data></layer>
 <objectgroup id="9" name="objects"><object id="1" type="player_spawn" x="24" y="24"/></objectgroup>
</map>
"""


@pytest.mark.parametrize("cut", [0, 40, 300])
def test_a_truncated_tileset_png_fails_check_render_and_play_with_one_line(write_level, level_dir, capsys, cut):
    path = write_level(tmx_text(room()))
    png = level_dir / "base.png"
    png.write_bytes(png.read_bytes()[:cut])
    with pytest.raises(LevelError, match=r"base.tsx: image 'base.png'"):
        load_tilemap(path)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "base.png" in out and out.count("\n") == 1
    for args in (["render", str(path), str(level_dir / "out.png")], ["--headless", "--frames", "1", "--level", str(path)]):
        assert main(args) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: ") and "base.png" in err and "Traceback" not in err
    assert not (level_dir / "out.png").exists()


def test_hot_reload_keeps_the_running_level_when_its_png_is_rewritten_truncated(write_level, level_dir):
    pygame.display.init()
    path = write_level(tmx_text(room(12, 8), objects=OBJECTS))
    scene = LevelScene(LevelSim(load_tilemap(path), seed=1))
    scene.enter()
    good = scene.sim.tilemap
    png = level_dir / "base.png"
    whole = png.read_bytes()
    save_bytes(png, whole[:200])
    run(scene, 30)
    assert scene.sim.tilemap is good and "base.png" in scene.hot_reload.error
    scene.draw(pygame.Surface((320, 180)))
    save_bytes(png, whole)
    run(scene, 30 + 4)  # the poll, then the new map's renderer builds over a few steps (scenes.hotreload)
    assert scene.hot_reload.error is None and scene.sim.tilemap is not good


def test_a_png_changed_between_load_and_draw_keeps_the_last_good_map(write_level, level_dir):
    from game.scenes.hotreload import apply_reload

    pygame.display.init()
    path = write_level(tmx_text(room(12, 8), objects=OBJECTS))
    scene = LevelScene(LevelSim(load_tilemap(path), seed=1))
    scene.enter()
    good, renderer = scene.sim.tilemap, scene.renderer
    fresh = load_tilemap(path)
    (level_dir / "base.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")  # after the load, before the swap
    apply_reload(scene, fresh)
    assert scene.sim.tilemap is good and scene.renderer is renderer and "base.png" in scene.hot_reload.error


def save_bytes(path, data):
    save(path, "")
    before = path.stat().st_mtime_ns
    path.write_bytes(data)
    import os

    os.utime(path, ns=(before + 10**9, before + 10**9))


def test_a_png_header_claiming_a_huge_image_is_refused_before_decoding(write_level, level_dir):
    path = write_level(tmx_text(room()))
    png = level_dir / "base.png"
    data = bytearray(png.read_bytes())
    data[16:24] = struct.pack(">II", 100_000, 100_000)
    png.write_bytes(bytes(data))
    with pytest.raises(LevelError, match=r"100000x100000 px, the most is 16384x16384"):
        load_tilemap(path)


def test_map_size_limits_in_cells_tile_size_and_rendered_pixels():
    assert map_size_problem(1024, 1024, 16, 16) is None  # the bench's largest map: exactly at both limits
    assert 1024 * 1024 == MAP_MAX_CELLS and 1024 * 16 * 1024 * 16 == RENDER_MAX_PIXELS
    assert "4194304 cells" in map_size_problem(2048, 2048, 16, 16)
    assert "too large to render" in map_size_problem(1024, 1024, 32, 32)
    assert "too large" in map_size_problem(4, 4, TILE_MAX_PX + 1, 16)


def test_a_2048_square_map_is_refused_at_once_by_check(write_level, capsys):
    w = h = 2048
    payload = base64.b64encode(zlib.compress(struct.pack("<I", 1) * (w * h))).decode()
    path = write_level(base64_layer_map(w, h, payload))
    start = time.process_time()
    assert main(["check", str(path)]) == 1
    assert time.process_time() - start < 5  # it took 12 s to pass before
    assert "map is too large: 2048x2048 is 4194304 cells" in capsys.readouterr().out


@pytest.mark.parametrize("compression", ["zlib", "gzip"])
def test_a_zlib_bomb_layer_stops_at_the_size_the_map_needs(write_level, compression):
    inflate = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | (16 if compression == "gzip" else 0))
    chunk = b"\0" * (1 << 20)
    bomb = b"".join(inflate.compress(chunk) for _ in range(32)) + inflate.flush()  # 32 MB of zeros: 2,000x the map
    path = write_level(base64_layer_map(64, 64, base64.b64encode(bomb).decode(), compression))
    start = time.process_time()
    with pytest.raises(LevelError, match=r"layer 'ground': tile data inflates to more than the 16384 bytes"):
        load_tilemap(path)
    assert time.process_time() - start < 2


@pytest.mark.parametrize("payload, problem", [
    (base64.b64encode(zlib.compress(b"\1\0\0\0" * 10)).decode(), "has 10 cells of tile data, the map needs 4096"),
    (base64.b64encode(zlib.compress(b"\1\0\0\0" * 4096)[:-6]).decode(), "data is truncated"),
    (base64.b64encode(b"not zlib at all").decode(), "zlib data is corrupt"),
])
def test_base64_layers_of_the_wrong_size_or_corrupt_are_one_line(write_level, payload, problem):
    path = write_level(base64_layer_map(64, 64, payload))
    with pytest.raises(LevelError, match=problem):
        load_tilemap(path)
