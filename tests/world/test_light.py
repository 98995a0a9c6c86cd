"""Light and weather: baked per chunk (animated cells included), seeded by the step, translucent."""
import numpy as np
import pygame
import pytest
from conftest import frame_map, room, tmx_text

from game.world.light import RES, Light, flicker_on, lighting_of
from game.world.render import MapRenderer, render_full_map
from game.world.tilemap import load_tilemap
from game.world.weather import Weather


def pixels(surface):
    w, h = surface.get_size()
    return np.frombuffer(pygame.image.tobytes(surface, "RGBA"), np.uint8).reshape(h, w, 4).astype(int)


LIGHTS = """<object id="1" type="player_spawn" x="40" y="40"/>
<object id="2" type="light" x="90" y="70"><properties>
 <property name="radius" type="float" value="60"/><property name="color" type="color" value="#ffffd080"/>
 <property name="intensity" type="float" value="1.6"/></properties><point/></object>
<object id="3" type="light" x="300" y="150"><properties>
 <property name="radius" type="float" value="40"/><property name="flicker" type="float" value="1"/>
</properties><point/></object>"""


def _lit_map(write_level, weather="", wall=None, name="level.tmx"):
    ground = room(30, 16)
    for r in range(3, 12):
        for c in range(4, 20, 3):
            ground[r][c] = 4  # animated water between floor columns
    ground[8][11] = 2  # a free-standing block: it casts a shadow
    if wall:
        ground[wall[0]][wall[1]] = 2
    props = '<properties><property name="ambient" type="color" value="#ff806c9c"/>' + (
        f'<property name="weather" value="{weather}"/>' if weather else "") + "</properties>"
    text = tmx_text(ground, objects=LIGHTS).replace('<tileset', props + '\n <tileset', 1)
    return load_tilemap(write_level(text, name))


def test_a_map_without_light_is_drawn_exactly_as_tiled_draws_it(write_level):
    tilemap = load_tilemap(write_level(tmx_text(room(30, 16))))
    assert lighting_of(tilemap) is None
    view = pygame.Surface((320, 180))
    MapRenderer(tilemap).draw(view, (40, 30), 0)
    assert (pixels(view)[..., :3] == pixels(render_full_map(tilemap))[30:210, 40:360, :3]).all()


def test_the_light_is_baked_into_every_chunk_and_every_stamped_animation_frame(write_level):
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    tilemap = _lit_map(write_level)
    lighting = lighting_of(tilemap)
    assert lighting is not None and lighting.flickering and lighting.steady
    lighting.flickering = []  # the per-frame glow is checked on its own below
    renderer = MapRenderer(tilemap, chunk_px=128, max_bytes=1)
    renderer.lighting = renderer.below.lighting = renderer.above.lighting = lighting
    view = pygame.Surface((320, 180))
    mult, add = (a.repeat(RES, axis=0).repeat(RES, axis=1) for a in lighting.layers(0, 0, *tilemap.pixel_size))
    shade = lighting.shade(0, 0, *tilemap.pixel_size)
    for cam, time_ms in [((0, 0), 0), ((0, 0), 450), ((150, 60), 450), ((0, 0), 1250), ((101, 37), 2000)]:
        renderer.draw(view, cam, time_ms)
        window = (slice(cam[1], cam[1] + 180), slice(cam[0], cam[0] + 320))
        base = pixels(render_full_map(frame_map(tilemap, time_ms)))[window][..., :3]
        expected = base * mult[window] / 255 * (shade[window][..., None] / 255) + add[window]
        diff = np.abs(pixels(view)[..., :3] - np.minimum(255, expected))
        assert diff.max() <= 3, (cam, time_ms, np.unravel_index(diff.argmax(), diff.shape))


def test_ambient_dims_lights_brighten_and_blocks_cast_shadows_below(write_level):
    tilemap = _lit_map(write_level)
    lighting = lighting_of(tilemap)
    light = lighting.light_map(0, 0, *tilemap.pixel_size)  # on the RES px grid
    assert np.allclose(light[200 // RES, 400 // RES], (0x80 / 255, 0x6c / 255, 0x9c / 255), atol=1e-3)  # no light reaches it
    assert light[70 // RES, 90 // RES].min() > 1.0  # the centre of the 1.6 light blooms
    shade = lighting.shade(0, 0, *tilemap.pixel_size)
    foot_y, x = 9 * 16, 11 * 16 + 8  # the block at cell (11, 8): its foot is the top of the cell below
    assert shade[foot_y, x] < shade[foot_y + 4, x] < shade[foot_y + 9, x] == 255
    assert shade[foot_y - 5, x] == 255  # the block itself is not shaded
    assert shade[8 * 16 + 4, 12 * 16] < 255 and shade[8 * 16 + 4, 12 * 16 + 4] == 255  # a thin one to its right


def test_flicker_is_a_pure_function_of_the_step_and_mostly_on():
    light = Light(0, 0, 10, (1, 1, 1), flicker=1.0, seed=7)
    pattern = [flicker_on(light, s) for s in range(6000)]
    assert pattern == [flicker_on(light, s) for s in range(6000)]
    assert 0.8 < sum(pattern) / len(pattern) < 0.95
    assert all(flicker_on(Light(0, 0, 10, (1, 1, 1), flicker=0.0, seed=3), s) for s in range(600))


@pytest.mark.parametrize("kind", ["steam", "snow", "rain"])
def test_weather_is_seeded_by_the_step_translucent_and_kept_inside_its_zone(write_level, kind):
    tilemap = _lit_map(write_level, weather=kind)
    weather = Weather.of(tilemap)

    def frame(step, cam=(20, 10), fill=(0, 0, 0)):
        view = pygame.Surface((320, 180))
        view.fill(fill)
        weather.draw(view, cam, step)
        return pixels(view)[..., :3]

    assert (frame(500) == frame(500)).all()
    assert (frame(500) != frame(530)).any()
    assert (frame(500) > 0).any()
    white = frame(500, fill=(255, 255, 255))
    assert (white == 255).all() or white.min() > 0  # over white nothing turns black
    red = frame(500, fill=(255, 0, 0))
    assert (red[..., 0] > 0).all()  # nothing hides what is under it
    # the map is 480x256: a view hanging off its bottom-right gets weather only over the map
    off = frame(500, cam=(300, 150))
    assert not off[256 - 150:, :].any() and not off[:, 480 - 300:].any()


def test_glows_and_steam_puffs_are_in_the_displays_format_and_draw_the_same_pixels(write_level):
    """Converted for the display (SDL's fast blitters: a 69x69 puff 100 -> 5 us), with the pixels the
    unconverted images give."""
    from game.world.weather import _blob

    pygame.display.init()
    pygame.display.set_mode((320, 180))
    display = pygame.display.get_surface()
    rng = np.random.default_rng(2)
    under = pygame.Surface((120, 120)).convert()
    pygame.surfarray.blit_array(under, rng.integers(0, 256, (120, 120, 3)))
    puff = _blob(34, 26, (236, 232, 222))
    raw = pygame.image.frombuffer(pygame.image.tobytes(puff, "RGBA"), puff.get_size(), "RGBA")
    assert puff.get_masks()[:3] == display.get_masks()[:3] and puff.get_masks()[3]  # ARGB, as the display
    shown, expected = under.copy(), under.copy()
    shown.blit(puff, (10, 20))
    expected.blit(raw, (10, 20))
    assert (pixels(shown) == pixels(expected)).all()
    lighting = lighting_of(_lit_map(write_level))
    for image, _, _ in lighting._glow(lighting.flickering[0]):
        assert image.get_bitsize() == display.get_bitsize() and image.get_masks()[:3] == display.get_masks()[:3]


def _whole_glow(light):
    """A flickering light's glow as one square (radius, flicker share, bloom, colour), unconverted."""
    from game.world.light import BLOOM, falloff

    r = int(light.radius)
    axis = np.arange(-r, r + 1, dtype=np.float32) ** 2
    f = falloff(axis[:, None] + axis[None, :], light.radius) * light.intensity * light.flicker * BLOOM
    rgb = np.clip(f[..., None] * np.asarray(light.color, np.float32) * 255.0, 0, 255).astype(np.uint8)
    return pygame.image.frombuffer(rgb.tobytes(), (2 * r + 1, 2 * r + 1), "RGB")


def test_flickering_glows_add_what_their_whole_squares_add_on_the_steps_they_show(write_level):
    """Drawn cut to the box of pixels they light, picked once per flicker slot: the frame is the one the
    whole glow squares, added on the steps `flicker_on` says, give (any camera, steps in any order)."""
    from game.world.light import Light

    pygame.display.init()
    pygame.display.set_mode((320, 180))
    lighting = lighting_of(_lit_map(write_level))
    lighting.weather = None
    lighting.flickering = [Light(300, 150, 40, (1.0, 0.85, 0.6), 1.0, flicker=1.0, seed=3),
                           Light(90, 60, 75.5, (0.4, 0.9, 1.0), 1.6, flicker=0.6, seed=8),
                           Light(330, 170, 23, (1.0, 0.2, 0.1), 0.7, flicker=0.3, seed=11)]
    rng = np.random.default_rng(4)
    under = pygame.Surface((320, 180)).convert()
    pygame.surfarray.blit_array(under, rng.integers(0, 200, (320, 180, 3)))
    blinks = 0
    switch = next(s for s in range(1, 10_000) if flicker_on(lighting.flickering[0], s) != flicker_on(
        lighting.flickering[0], s - 1))  # play's pace across a glow going off or on
    run = list(range(switch - 8, switch + 8))
    for step in run + [0, 40, 3, 700, 706, 705] + [int(s) for s in rng.integers(0, 100_000, 60)]:
        cam = (150, 60) if step in run else (int(rng.integers(-100, 300)), int(rng.integers(-80, 200)))
        shown, expected = under.copy(), under.copy()
        lighting.draw(shown, cam, step * 1000 / 60)
        for light in lighting.flickering:
            r = int(light.radius)
            if not (-r < light.x - cam[0] < 320 + r and -r < light.y - cam[1] < 180 + r):
                continue
            if flicker_on(light, step):
                expected.blit(_whole_glow(light), (int(light.x - r) - cam[0], int(light.y - r) - cam[1]),
                              special_flags=pygame.BLEND_RGB_ADD)
            else:
                blinks += 1
        assert (pixels(shown) == pixels(expected)).all(), (step, cam)
    assert blinks  # some glows were off on some of these steps


@pytest.mark.parametrize("weather", ["rain", ""])
def test_a_block_is_lit_once_and_a_map_rebuilt_with_the_same_light_reuses_it(write_level, weather):
    """Light is static: `layers` works a block out once (an animated cell's every frame reads it again);
    a map rebuilt with the same light (a hot reload of a tile edit) reuses the blocks, one with other light
    (or, when wet, other floor under the reflections) does not."""
    tilemap = _lit_map(write_level, weather=weather)  # rain: wet, the reflections read the floor too
    first = lighting_of(tilemap)
    block = (32, 16, 64, 48)
    mult, add = first.layers(*block)
    assert first.layers(*block)[0] is mult
    again = lighting_of(load_tilemap(tilemap.path))
    assert again.layers(*block)[0] is mult
    fresh_mult, fresh_add = again._compute_layers(*block)
    assert (fresh_mult == mult).all() and (add is None) == (fresh_add is None)
    text = tilemap.path.read_text()
    wider = text.replace('value="60"', 'value="64"')  # the light at (90, 70) reaches further into the block
    bluer = text.replace('#ff806c9c', '#ff806c9d')  # the ambient
    floor = _lit_map(write_level, weather, wall=(13, 7), name="wall.tmx").path.read_text()  # a wall on the floor
    assert wider != text and bluer != text and floor != text
    for changed in (wider, bluer) + ((floor,) if weather else ()):
        base = lighting_of(load_tilemap(write_level(text, "same.tmx"))).layers(*block)[0]  # the last map's light
        other = lighting_of(load_tilemap(write_level(changed, "changed.tmx")))
        got = other.layers(*block)
        assert got[0] is not base and (got[0] == other._compute_layers(*block)[0]).all()
        if changed is wider:
            assert not (got[0] == mult).all()


def test_a_lit_cell_keeps_its_light_and_a_larger_block_does_not(write_level):
    """An animated cell's every frame at one place is lit the same: the second bake there reuses what the
    first worked out, with the pixels a fresh lighting gives; blocks bigger than a cell (chunk builds) keep
    nothing."""
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    tilemap = _lit_map(write_level, weather="rain")
    kept, fresh = lighting_of(tilemap), lighting_of(tilemap)
    rng = np.random.default_rng(7)
    for x, y in [(80, 48), (176, 144), (48, 160), (80, 48)]:  # under lights, a block's shadow, again
        frames = [pygame.Surface((16, 16)).convert() for _ in range(3)]
        for cell in frames:
            pygame.surfarray.blit_array(cell, rng.integers(0, 256, (16, 16, 3)))
        for cell in frames:
            expected = cell.copy()
            fresh._stamps.clear()
            fresh.bake_cells(expected, x, y, [(0, 0)], (16, 16))
            kept.bake_cells(cell, x, y, [(0, 0)], (16, 16))
            assert (pixels(cell) == pixels(expected)).all()
    assert len(kept._stamps) == 3
    block = pygame.Surface((64, 48)).convert()
    kept.bake_cells(block, 0, 0, [(0, 0)], (64, 48))
    assert len(kept._stamps) == 3


@pytest.mark.parametrize("weather", ["rain", ""])
def test_a_cell_inside_a_block_worked_out_is_cut_from_it_with_the_layers_lit_alone_gives(write_level, weather):
    """An animated cell first lit at a place takes its part of the chunk's layers (a grid point's light is
    the same whatever block holds it): the multiply layer, and the bloom only where that part is over full
    brightness; a cell no block holds is worked out alone; shadows are the map's patterns cut likewise."""
    from game.world import light

    light._LAYERS.clear()  # no blocks kept from a map lit the same way before
    tilemap = _lit_map(write_level, weather=weather, name=f"cut{weather}.tmx")
    lighting, alone = lighting_of(tilemap), lighting_of(tilemap)
    t = tilemap.tile_w
    assert lighting._cut(0, 0, t, t) is None  # nothing worked out yet
    lighting.layers(0, 0, 20 * t, 16 * t)  # a chunk's block: the map's left 20 columns
    blooms = plain = 0
    for y in range(0, 16 * t, t):
        for x in range(0, 30 * t, t):
            got = lighting.layers(x, y, t, t)
            mult, add = alone._compute_layers(x, y, t, t)
            assert (got[0] == mult).all() and (got[1] is None) == (add is None), (x, y)
            if add is not None:
                assert (got[1] == add).all(), (x, y)
            blooms, plain = blooms + (add is not None), plain + (add is None)
            assert (lighting.shadow_cells(x, y, t, t) == alone.shadow_cells(x, y, 2 * t, t)[:, :1]).all()
        assert lighting._cut(20 * t, y, t, t) is None  # right of the block: worked out alone
    assert blooms and plain
    assert (lighting.shadow_cells(-t, -t, 4 * t, 3 * t) == alone.shadow_cells(-t, -t, 4 * t, 3 * t)).all()
