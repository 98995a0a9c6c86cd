"""The renderer's frame against the whole map: every real level, the layers over the actors included (merged,
run-length-encoded parts: game.world.overlay), at camera positions a teleport and a scroll reach."""
import numpy as np
import pygame
import pytest

from game.paths import level_files
from game.world.overlay import cheap, encoded, merged
from game.world.render import MapRenderer, render_full_map
from game.world.tilemap import load_tilemap


def pixels(surface):
    w, h = surface.get_size()
    return np.frombuffer(pygame.image.tobytes(surface, "RGB"), np.uint8).reshape(h, w, 3)


def _display():
    pygame.display.init()
    pygame.display.set_mode((320, 180))


@pytest.mark.parametrize("level", level_files(), ids=lambda p: p.stem)
def test_every_level_draws_what_the_whole_map_shows_wherever_the_camera_is(level):
    _display()
    tilemap = load_tilemap(level)
    full = pixels(render_full_map(tilemap))
    renderer = MapRenderer(tilemap, lit=False)  # the tiles alone, at time 0 (the map's first frames)
    w, h = tilemap.pixel_size
    assert w >= 320 and h >= 180
    rng = np.random.default_rng(7)
    view = pygame.Surface((320, 180)).convert()
    cams = [(int(x), int(y)) for x, y in zip(rng.integers(0, max(1, w - 320), 12), rng.integers(0, max(1, h - 180), 12))]
    renderer.draw(view, cams[0], 0.0)
    above = [(x, y) for _, x, y, _, _ in renderer.above._sparse or []]  # the parts over the actors
    cams += [(max(0, min(x - 100, w - 320)), max(0, min(y - 50, h - 180))) for x, y in above[:6]]
    cams += [(min(cams[0][0] + dx, w - 320), cams[0][1]) for dx in (1, 2, 3)]  # a scroll inside the same box
    for cam in cams:
        renderer.draw(view, cam, 0.0)
        crop = full[cam[1]:cam[1] + 180, cam[0]:cam[0] + 320]
        assert (pixels(view) == crop).all(), (level.stem, cam)


def test_touching_parts_merge_and_all_or_nothing_alpha_is_encoded_with_the_same_pixels():
    _display()
    rng = np.random.default_rng(3)

    def part(w, h, alphas):
        s = pygame.Surface((w, h), pygame.SRCALPHA)
        px = pygame.surfarray.pixels3d(s)
        px[...] = rng.integers(0, 256, (w, h, 3))
        del px
        a = pygame.surfarray.pixels_alpha(s)
        a[...] = rng.choice(alphas, (w, h))
        del a
        return s

    solid, soft = part(12, 20, [0, 255]), part(12, 16, [0, 90, 255])
    far = part(8, 8, [0, 255])
    parts = [(solid, 10, 0, 22, 20), (soft, 10, 20, 22, 36), (far, 60, 60, 68, 68)]
    out = merged(parts)
    assert sorted(p[1:] for p in out) == [(10, 0, 22, 36), (60, 60, 68, 68)]
    background = pygame.Surface((80, 80)).convert()
    background.fill((40, 120, 200))
    expected, shown = background.copy(), background.copy()
    for s, x, y, _, _ in parts:
        expected.blit(s, (x, y))
    for s, x, y, _, _ in out:
        shown.blit(encoded(s), (x, y))
    assert (pixels(shown) == pixels(expected)).all()
    assert encoded(far).get_flags() & (pygame.RLEACCEL | pygame.RLEACCELOK)  # encoded at its first blit
    assert encoded(soft) is soft  # partial alpha: blended as it was


@pytest.mark.parametrize("chunk_px", [None, 128])
def test_a_scroll_across_chunk_edges_and_the_parts_over_the_actors_shows_every_frame_right(chunk_px):
    """transfer: pillars and a gantry over the actors; the camera crosses their edges and the chunks'
    a few px at a time, so each frame's box (what holds without a refresh) is tested at its edges."""
    from game.paths import LEVELS

    _display()
    tilemap = load_tilemap(LEVELS / "transfer.tmx")
    full = pixels(render_full_map(tilemap))
    renderer = MapRenderer(tilemap, chunk_px=chunk_px, lit=False)
    view = pygame.Surface((320, 180)).convert()
    w, h = tilemap.pixel_size
    cams = [(x, (x // 3) % (h - 180)) for x in range(430, 1130, 7)] + [(x, h - 180) for x in range(1100, 400, -9)]
    for cam in cams:
        renderer.draw(view, cam, 0.0)
        assert (pixels(view) == full[cam[1]:cam[1] + 180, cam[0]:cam[0] + 320]).all(), cam


def test_all_or_nothing_parts_on_the_same_rows_become_one_and_a_tall_one_stays_apart():
    _display()

    def solid(w, h):
        s = pygame.Surface((w, h), pygame.SRCALPHA)
        s.fill((200, 30, 30, 255))
        return s

    lamps = [(solid(8, 13), x, 51, x + 8, 64) for x in (97, 289, 481)]
    pillar = (solid(12, 352), 834, 0, 846, 352)
    far_lamp = (solid(8, 13), 1281, 51, 1289, 64)
    out = cheap(lamps + [pillar, far_lamp])
    # at most MERGED_W (320) px wide: an encoded part clipped to a view is walked along its whole rows
    assert sorted(p[1:] for p in out) == [(97, 51, 297, 64), (481, 51, 489, 64), (834, 0, 846, 352),
                                          (1281, 51, 1289, 64)]
    background = pygame.Surface((1300, 360)).convert()
    background.fill((0, 90, 0))
    expected, shown = background.copy(), background.copy()
    for s, x, y, _, _ in lamps + [pillar, far_lamp]:
        expected.blit(s, (x, y))
    for s, x, y, _, _ in out:
        shown.blit(s, (x, y))
    assert (pixels(shown) == pixels(expected)).all()


def test_a_part_with_far_apart_columns_is_split_and_an_opaque_one_is_a_plain_copy_with_the_same_pixels():
    """A chunk's box round a lamp and a pillar: drawn as two parts cut to their pixels (the gap's clear
    rows are not walked every frame); an all-opaque part is copied, not run-length encoded."""
    from game.world.overlay import SPLIT_GAP, split

    _display()
    rng = np.random.default_rng(5)
    box = pygame.Surface((80, 120), pygame.SRCALPHA)  # clear
    lamp = pygame.Surface((8, 13), pygame.SRCALPHA)
    lamp.fill((250, 200, 90, 255))
    lamp.fill((0, 0, 0, 0), (0, 0, 2, 2))
    pillar = pygame.Surface((12, 120))
    pygame.surfarray.blit_array(pillar, rng.integers(0, 256, (12, 120, 3)))
    box.blit(lamp, (0, 70))
    box.blit(pillar, (66, 0))
    parts = split((box, 300, 40, 380, 160))
    assert sorted(p[1:] for p in parts) == [(300, 110, 308, 123), (366, 40, 378, 160)]
    assert split((box.subsurface((0, 0, 30, 120)), 0, 0, 30, 120))[0][0].get_size() == (30, 120)  # one group: as it was
    assert SPLIT_GAP < 66 - 8
    out = cheap([(box, 300, 40, 380, 160)])
    plain = [s for s, x, y, _, _ in out if x == 366]
    assert plain and not plain[0].get_flags() & (pygame.RLEACCEL | pygame.RLEACCELOK) and plain[0].get_colorkey() is None
    background = pygame.Surface((400, 200)).convert()
    pygame.surfarray.blit_array(background, rng.integers(0, 256, (400, 200, 3)))
    expected, shown = background.copy(), background.copy()
    expected.blit(box, (300, 40))
    for s, x, y, _, _ in out:
        shown.blit(s, (x, y))
    assert (pixels(shown) == pixels(expected)).all()


def _unbaked(tilemap, lit):
    """A renderer whose chunks are built one by one (`build_chunk`), not by `build_steps`: nothing baked."""
    renderer = MapRenderer(tilemap, prebuild=False, lit=lit)
    for group in renderer.groups():
        for key in group.prebuild_keys():
            group.build_chunk(key)
    return renderer


def _sprite(w, h, seed):
    """A sprite image with see-through corners, in the display's format."""
    rng = np.random.default_rng(seed)
    image = pygame.Surface((w, h), pygame.SRCALPHA)
    image.fill((*rng.integers(0, 256, 3).tolist(), 255))
    image.fill((0, 0, 0, 0), (0, 0, 3, 3))
    image.fill((0, 0, 0, 0), (w - 3, h - 3, 3, 3))
    return image.convert_alpha()


@pytest.mark.parametrize("lit", [False, True])
@pytest.mark.parametrize("name", ["transfer", "bus_chase"])
def test_parts_baked_under_the_actors_still_show_over_every_sprite_that_reaches_them(name, lit):
    """The all-or-nothing parts over the actors are drawn into the chunk under them once; a frame draws
    one again only where a sprite's box reaches it. Sprites over a part's corner (their top-left outside
    it), inside it, touching its edge and far away: every frame as the renderer that bakes nothing draws it."""
    from game.paths import LEVELS
    from game.world.render import Sprite

    _display()
    tilemap = load_tilemap(LEVELS / f"{name}.tmx")
    baked, plain = MapRenderer(tilemap, lit=lit), _unbaked(tilemap, lit)
    assert baked._baked and not plain._baked
    w, h = tilemap.pixel_size
    a, b = pygame.Surface((320, 180)).convert(), pygame.Surface((320, 180)).convert()
    image = _sprite(14, 22, 1)
    for surface, x, y, x1, y1 in baked.above._sparse:
        cam = (max(0, min(x - 100, w - 320)), max(0, min(y - 60, h - 180)))
        spots = [(x - 10, y - 18), (x1 - 4, y1 - 20), (x - 14, y), (x1, y), (x + 2, y1), (x + 2, y1 - 22),
                 ((x + x1) // 2, (y + y1) // 2), (cam[0] + 5, cam[1] + 5)]
        for i, (sx, sy) in enumerate(spots):
            sprites = [Sprite(image, sx, sy, sy + 22), Sprite(image, cam[0] + 300, cam[1] + 150, 1e9)]
            for renderer, view in ((baked, a), (plain, b)):
                renderer.draw(view, cam, 1000.0 * i, sprites)
            assert (pixels(a) == pixels(b)).all(), (name, lit, (x, y), (sx, sy))
        for renderer, view in ((baked, a), (plain, b)):
            renderer.draw(view, cam, 9000.0)  # no sprite: nothing drawn over the chunk
        assert (pixels(a) == pixels(b)).all(), (name, lit, (x, y))
    baked.below.build_chunk((0, 0))  # as an eviction would: the chunk again without the parts
    for _, x, y, _, _ in baked.above._sparse[:3]:
        cam = (max(0, min(x - 100, w - 320)), max(0, min(y - 60, h - 180)))
        for renderer, view in ((baked, a), (plain, b)):
            renderer.draw(view, cam, 9500.0)
        assert (pixels(a) == pixels(b)).all(), (name, lit, "rebuilt", (x, y))


def test_a_part_over_an_animated_cell_or_partly_see_through_is_not_baked_and_a_rebuilt_chunk_drops_the_rest(write_level):
    """Over the water (animated, stamped into the chunk when it changes frame) a part stays drawn every
    frame, as does one with partial alpha (drawn twice it would blend twice); the all-opaque and the
    opaque-or-clear ones far from the water are baked. A chunk built again has nothing baked in it."""
    from conftest import tmx_text

    from game.world.render import Sprite

    _display()
    ground = [[1] * 40 for _ in range(30)]
    over = [[0] * 40 for _ in range(30)]
    ground[5][5] = 4  # the water
    over[5][5], over[20][30], over[25][10], over[12][20] = 7, 14, 2, 8
    rows = ",\n".join(",".join(map(str, row)) for row in over)
    layer = (' <layer id="2" name="over" width="40" height="30"><properties><property name="above" type="bool"'
             f' value="true"/></properties><data encoding="csv">\n{rows}\n</data></layer>')
    tilemap = load_tilemap(write_level(tmx_text(ground, extra_layers=layer)))
    baked, plain = MapRenderer(tilemap, lit=False), _unbaked(tilemap, lit=False)
    assert sorted((x, y) for s, x, y, _, _ in baked.above._sparse if s in baked._baked) == [(160, 400), (480, 320)]
    assert len(baked.above._sparse) == 4
    a, b = pygame.Surface((320, 180)).convert(), pygame.Surface((320, 180)).convert()
    image = _sprite(12, 12, 2)
    for cam, time_ms in (((0, 0), 0.0), ((0, 0), 450.0), ((0, 0), 850.0), ((300, 280), 0.0), ((10, 300), 450.0),
                         ((200, 100), 450.0)):
        for sprites in ([], [Sprite(image, x + 6, y + 6, 0) for x, y in ((80, 80), (480, 320), (160, 400), (320, 192))]):
            for renderer, view in ((baked, a), (plain, b)):
                renderer.draw(view, cam, time_ms, sprites)
            assert (pixels(a) == pixels(b)).all(), (cam, time_ms, len(sprites))
    baked.below.build_chunk((0, 0))  # as an eviction would: the chunk again without the parts
    for cam in ((300, 280), (10, 300)):
        for renderer, view in ((baked, a), (plain, b)):
            renderer.draw(view, cam, 0.0)
        assert (pixels(a) == pixels(b)).all(), cam
