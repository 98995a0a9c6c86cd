"""Readable fights: Danko never leaves the frame, the hurt flash and the wind-up tell never share a
colour, steam over the fighters is see-through, and every floor warning stands out from its floor."""
from __future__ import annotations

import numpy as np
import pygame
import pytest
from combat_arena import arena, enemy_xml

from game.modes.level import view as level_view
from game.modes.level.sim import LevelSim
from game.modes.level.view import FLASH, TELL_RED, LevelView
from game.paths import LEVELS
from game.world.render import render_full_map
from game.world.tilemap import load_tilemap

ACTION_LEVELS = ("bathhouse", "hotel", "bus_terminal")
SLAM_R = 12  # the smallest heavy-blow mark: int(size 18 * 0.7)


def luminance(rgb) -> float:
    c = np.asarray(rgb, dtype=float) / 255.0
    c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2])


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def pixels(surface: pygame.Surface) -> np.ndarray:
    return pygame.surfarray.pixels3d(surface).copy().transpose(1, 0, 2)


@pytest.fixture(scope="module")
def maps():
    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((1, 1))
    out = {}
    for name in ACTION_LEVELS:
        tilemap = load_tilemap(LEVELS / f"{name}.tmx")
        out[name] = (tilemap, render_full_map(tilemap))
    return out


def blit_sprites(surface: pygame.Surface, sprites) -> None:
    for s in sprites:
        surface.blit(s.image, (s.x, s.y))


def region_check(floor: np.ndarray, marked: np.ndarray, label: str, mark_image: pygame.Surface) -> None:
    """The mark must differ clearly from the floor it lies on: its brightest or darkest pixel reaches
    3:1 contrast with the floor's mean colour, and most pixels it covers moved far (RGB distance 80+)
    from the floor pixel beneath them."""
    covered = pygame.surfarray.pixels_alpha(mark_image).T[: floor.shape[0], : floor.shape[1]] > 0
    floor_mean = floor.reshape(-1, 3).mean(axis=0)
    mark = marked[covered].astype(float)
    under = floor[covered].astype(float)
    lum = np.array([luminance(p) for p in mark])
    best = max(contrast(floor_mean, mark[lum.argmax()]), contrast(floor_mean, mark[lum.argmin()]))
    moved = float((np.linalg.norm(mark - under, axis=1) >= 80).mean())
    assert best >= 3.0, f"{label}: best contrast {best:.2f}:1 with floor {floor_mean.round()}"
    assert moved >= 0.6, f"{label}: only {moved:.0%} of the mark stands out from floor {floor_mean.round()}"


@pytest.mark.parametrize("name", ACTION_LEVELS)
def test_every_vent_warning_stands_out_from_its_floor(maps, name):
    tilemap, full = maps[name]
    sim = LevelSim(tilemap, seed=0, difficulty="normal")
    view = LevelView()
    for h in sim.spec.hazards:
        for t in (0, h.warn - 1, h.warn):  # the faintest warning, the last, the burst
            sim.steps = (t - h.phase) % h.period
            plates = [s for s in view._hazard_plates(sim) if abs(s.x - (h.rect.x - 2)) < 1 and abs(s.y - (h.rect.y - 2)) < 1]
            assert plates, f"{name} vent {h.id}: no floor plate at step {t} of its cycle"
            area = pygame.Rect(plates[0].x, plates[0].y, *plates[0].image.get_size())
            canvas = full.copy()
            blit_sprites(canvas, plates)
            region_check(pixels(full.subsurface(area)), pixels(canvas.subsurface(area)),
                         f"{name} vent {h.id} t={t}", plates[0].image)


@pytest.mark.parametrize("name", ACTION_LEVELS)
def test_heavy_slam_mark_stands_out_on_every_floor_enemies_stand_on(maps, name):
    tilemap, full = maps[name]
    sim = LevelSim(tilemap, seed=0, difficulty="normal")
    for spawn in sim.spec.enemies:
        for alpha in (180, 240):  # the faintest and the strongest stage
            mark = level_view._slam_mark(SLAM_R, alpha // 30 * 30)
            area = pygame.Rect(round(spawn.x - SLAM_R), round(spawn.y - SLAM_R // 2), *mark.get_size())
            area = area.clip(full.get_rect())
            canvas = full.copy()
            canvas.blit(mark, area.topleft)
            region_check(pixels(full.subsurface(area)), pixels(canvas.subsurface(area)),
                         f"{name} slam mark at {spawn.name} alpha {alpha}", mark)


def test_hurt_flash_and_tell_never_share_a_colour():
    assert contrast(FLASH, TELL_RED) >= 3.0
    image = pygame.Surface((16, 24), pygame.SRCALPHA)
    image.fill((90, 60, 50, 255), (4, 4, 8, 16))
    told = level_view._outlined(image, TELL_RED)
    inside = pixels(told)[5:21, 5:13]
    assert (inside == (90, 60, 50)).all(), "the tell must leave the enemy's own colours inside"
    rim = pixels(told)[4, 6]
    assert tuple(rim) == TELL_RED


def test_danko_is_in_every_frame_of_his_after_hit_blink(write_level):
    sim = arena(write_level, enemy_xml(2, "brawler", 300, 96), seed=1, difficulty="normal")
    view = LevelView()
    p = sim.player
    base = view._player_sprite(sim, 0).image
    solid = pygame.mask.from_surface(base).count()
    faint_seen = solid_seen = 0
    for iframes in range(120, 0, -1):
        p.iframes = iframes
        for step in range(16):
            sim.steps = step
            image = view._player_sprite(sim, step).image
            assert pygame.mask.from_surface(image).count() >= solid * 0.9, f"Danko gone at iframes={iframes}"
            alpha = image.get_alpha()
            if alpha is not None and alpha < 255:
                assert alpha >= 150
                faint_seen += 1
            else:
                solid_seen += 1
    # a blink, but mostly solid: in a crowd a half-translucent Danko read as a ghost (a first-time player said so)
    assert faint_seen and solid_seen >= 3 * faint_seen


def test_danko_stands_in_a_ring_on_the_floor(write_level):
    """Under everyone else, a gold ring at his feet: the player is never lost in the crowd."""
    sim = arena(write_level, enemy_xml(2, "brawler", 300, 96), seed=1, difficulty="normal")
    fx, fy = sim.player.body.feet
    marks = LevelView()._ground_marks(sim)
    rings = [m for m in marks if abs(m.x + m.image.get_width() / 2 - fx) <= 1 and abs(m.y - fy) <= 6]
    assert len(rings) == 1 and rings[0].image.get_width() > 12 and rings[0].sort_y < -1e8


def test_danko_hidden_by_a_thug_in_front_is_outlined_over_everyone(write_level):
    """A thug standing just in front of Danko (lower on the screen, so drawn after him) hides most of him: then,
    and only then, his gold contour is drawn over everyone, the line round his own sprite."""
    sim = arena(write_level, enemy_xml(2, "brawler", 300, 96), seed=1, difficulty="normal")
    view, p, thug = LevelView(), sim.player.body, sim.live[0].body

    def contours():
        return [s for s in view.sprites(sim) if s.sort_y >= 1e8]

    assert contours() == []  # the thug far off
    for dy, hidden in ((5.0, True), (-5.0, False), (30.0, False)):  # in front, behind, well below his feet
        thug.x, thug.y = p.x, p.y + dy
        assert bool(contours()) == hidden, dy
    thug.x, thug.y = p.x, p.y + 5.0
    danko = view._player_sprite(sim, sim.steps)
    (contour,) = contours()
    assert (contour.x, contour.y) == (danko.x - 1, danko.y - 1)
    line = pygame.mask.from_surface(contour.image)
    inside = pygame.mask.from_surface(danko.image)
    assert line.overlap_area(inside, (1, 1)) == 0 and line.count() > 40  # round him, never on him
    assert {tuple(contour.image.get_at(pt))[:3] for pt in line.outline()} == {level_view.GOLD}
    sim.player.state = "dead"
    assert contours() == []


def test_steam_column_over_the_fighters_is_see_through(maps):
    tilemap, _ = maps["bathhouse"]
    sim = LevelSim(tilemap, seed=0, difficulty="normal")
    view = LevelView()
    h = sim.spec.hazards[0]
    for on_t in range(0, h.on, 3):
        sim.steps = (h.warn + on_t - h.phase) % h.period
        canvas = pygame.Surface((640, 360))
        canvas.fill((0, 0, 0))
        cam = (round(h.rect.x - 320), round(h.rect.y - 180))
        view._hazards(canvas, sim, cam[0], cam[1], sim.steps)
        top = pixels(canvas).max()
        assert 0 < top <= level_view.STEAM_ALPHA + 10, f"steam {top}/255 opaque over the fighters at on+{on_t}"
