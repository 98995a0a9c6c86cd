"""Tileset features made in Tiled: collision-editor shapes block their cells; tile animations play at
Tiled's frame durations on the game clock."""
import pygame
import pytest
from conftest import room, tmx_text

from game.world.render import MapRenderer
from game.world.tilemap import LevelError, load_tilemap

SHAPES = {
    # tile id: collision objectgroup body
    8: '<object id="1" x="0" y="12" width="16" height="4"/>',                        # low ledge
    9: '<object id="1" x="4" y="4" width="8" height="8"><ellipse/></object>',        # round pillar
    10: '<object id="1" x="0" y="0"><polygon points="0,0 16,0 0,16"/></object>',      # diagonal corner
    11: '<object id="1" x="8" y="0"><polyline points="0,0 0,16"/></object>',          # thin fence
    12: '<object id="1" x="8" y="8"><point/></object>',                                # a point: no area
    13: '<object id="1" x="20" y="-4" width="4" height="4"/>',                         # outside the tile
}


def with_shapes(level_dir):
    tsx = level_dir / "base.tsx"
    tiles = "".join(f'<tile id="{tid}"><objectgroup draworder="index">{body}</objectgroup></tile>'
                    for tid, body in SHAPES.items())
    tsx.write_text(tsx.read_text().replace("</tileset>", tiles + "</tileset>"))


def test_collision_shapes_make_their_cells_solid(write_level, level_dir):
    with_shapes(level_dir)
    ground = room(10, 6)
    for col, tid in enumerate(SHAPES, start=1):
        ground[2][col] = tid + 1  # gid = tile id + firstgid
    m = load_tilemap(write_level(tmx_text(ground)))
    row = m.solid[2, 1:7].tolist()
    assert row == [True, True, True, True, False, False]
    assert not m.solid[3, 1:7].any()
    masks = m.tile_shapes
    assert masks[9][12:, :].all() and not masks[9][:12, :].any()  # ledge: bottom 4 rows
    assert masks[10][8, 8] and not masks[10][0, 0]  # ellipse: centre in, corner out
    assert masks[11][0, 0] and not masks[11][15, 15]  # triangle above the diagonal
    # a line on the pixel boundary x=8 touches the pixels on both sides: never a gap to walk through
    assert masks[12][:, 7:9].all() and masks[12].sum() == 32
    assert not masks[13].any() and not masks[14].any()


def test_collision_shape_rotation(write_level, level_dir):
    tsx = level_dir / "base.tsx"
    body = '<object id="1" x="0" y="0" width="16" height="4" rotation="90"/>'  # turns into a left strip
    tsx.write_text(tsx.read_text().replace(
        "</tileset>", f'<tile id="8"><objectgroup>{body}</objectgroup></tile></tileset>'))
    ground = room()
    ground[2][2] = 9
    mask = load_tilemap(write_level(tmx_text(ground))).tile_shapes[9]
    # rotating 90 degrees clockwise about (0,0) sweeps the strip to x in [-4,0]: outside the tile
    assert not mask.any()
    tsx.write_text(tsx.read_text().replace('x="0" y="0" width="16" height="4" rotation="90"',
                                           'x="4" y="0" width="16" height="4" rotation="90"'))
    mask = load_tilemap(write_level(tmx_text(ground))).tile_shapes[9]
    assert mask[:, :4].all() and not mask[:, 4:].any()


def test_bad_collision_shape_numbers_are_level_errors(write_level, level_dir):
    tsx = level_dir / "base.tsx"
    tsx.write_text(tsx.read_text().replace(
        "</tileset>", '<tile id="8"><objectgroup><object id="1" x="a" width="4" height="4"/>'
        '</objectgroup></tile></tileset>'))
    with pytest.raises(LevelError, match=r"base.tsx: tile 8: collision shape: could not convert"):
        load_tilemap(write_level(tmx_text(room())))


def pixel(surface, x, y):
    return tuple(surface.get_at((x, y)))[:3]


def test_animation_frames_follow_tiled_durations(write_level, level_dir):
    tsx = level_dir / "base.tsx"
    anim = ('<tile id="14"><animation><frame tileid="1" duration="100"/><frame tileid="2" duration="300"/>'
            '<frame tileid="5" duration="50"/></animation></tile>')
    tsx.write_text(tsx.read_text().replace("</tileset>", anim + "</tileset>"))
    ground = room()
    ground[2][2] = 15
    m = load_tilemap(write_level(tmx_text(ground)))
    assert [d for _, d in m.animations[15].frames] == [100, 300, 50]
    renderer = MapRenderer(m)
    view = pygame.Surface((128, 96))
    colours = {1: (30, 32, 42), 2: (96, 72, 50), 5: (80, 56, 30)}
    for t, tile in [(0, 1), (99, 1), (100, 2), (399, 2), (400, 5), (449, 5), (450, 1), (450 * 7 + 120, 2)]:
        renderer.draw(view, (0, 0), time_ms=t)
        assert pixel(view, 40, 40) == colours[tile], t


def test_level_time_is_the_game_clock():
    from game.input.actions import NO_INPUT
    from game.modes.level.sim import LevelSim
    from game.paths import first_level

    sim = LevelSim(load_tilemap(first_level()), seed=1)
    for _ in range(30):
        sim.step(NO_INPUT)
    assert sim.time_ms == pytest.approx(500.0)
