"""Weather particles: the blits a frame gets are the ones the particles' formulas give, whatever order the steps come in."""
import math
import random

import pygame
import pytest

from game.world.weather import BLOCK, SPECS, Weather, Zone


def _reference(weather, zone, area, view, step):
    """The weather's placement spelled out one particle at a time (the formulas the game has always used):
    each particle's place on `step`, on every repeat of the period near the area, in the order repeat
    column, repeat row, particle; a blit where the image reaches into the area."""
    spec = SPECS[zone.kind]
    params = weather._params[zone.kind].tolist()
    sprites = weather._sprites[zone.kind]
    n = max(0, min(len(params), int(spec.count * zone.density + 0.5)))
    pw, ph = spec.period
    placed = []
    for bx, by, phase, speed, pick in params[:n]:
        x = (bx + spec.speed[0] * speed * step + spec.sway * math.sin(step * 0.021 * speed + phase)) % pw
        y = (by + spec.speed[1] * speed * step) % ph
        if zone.kind == "steam":
            age = ((step * speed + phase * 420.0) % 420.0) / 420.0
            index = int(min(pick * 3, 2)) * 4 + int(min(math.sin(age * math.pi) * 4, 3))
        elif zone.kind == "snow":
            index = int(min(pick * 4, 3))
        else:
            index = int(pick < 0.18)
            if index == 1:  # a splash
                y = (by + (step // 8) * 37.0 * speed) % ph
                x = (bx + (step // 8) * 53.0 * speed) % pw
        placed.append((x, y, index))
    out = []
    for ox in range((area.left - 40) // pw * pw, area.right + 40, pw):
        for oy in range((area.top - 40) // ph * ph, area.bottom + 40, ph):
            for x, y, index in placed:
                image = sprites[index]
                hx, hy = image.get_width() // 2, image.get_height() // 2
                px, py = int(ox + x) - hx, int(oy + y) - hy
                if area.left - 2 * hx <= px < area.right and area.top - 2 * hy <= py < area.bottom:
                    out.append((index, (px - view.x, py - view.y)))
    return out


ZONES = [Zone("steam", (0, 0, 300, 240), 1.3), Zone("steam", (352, 32, 416, 208), 0.5),
         Zone("snow", (0, 256, 1152, 320)), Zone("snow", (640, 0, 192, 608), 0.9), Zone("rain", (0, 0, 1600, 900), 0.8),
         Zone("rain", (1120, 0, 480, 352), 0.3)]


@pytest.mark.parametrize("kind", ["steam", "snow", "rain"])
def test_particles_are_the_ones_their_formulas_give_on_any_step_in_any_order(kind):
    weather = Weather([z for z in ZONES if z.kind == kind], seed=9)
    rng = random.Random(kind)
    steps = [0, 1, BLOCK - 1, BLOCK, BLOCK + 1, 5 * BLOCK - 1, 3, 100_003, 100_003, 99_999] + \
        [rng.randint(0, 400_000) for _ in range(40)] + list(range(700, 760))  # play's pace, jumps, backwards
    seen = 0
    for step in steps:
        cam = (rng.randint(-80, 1500), rng.randint(-80, 800)) if step % 3 else (rng.randint(-40, 40), -10)
        view = pygame.Rect(cam, (320, 180))
        for zone in weather.zones:
            area = view.clip(pygame.Rect(zone.rect))
            if not area.w or not area.h:
                continue
            blits = weather._particles(zone, area, view, step)
            sprites = weather._sprites[kind]
            got = [(next(i for i, s in enumerate(sprites) if s is image), pos) for image, pos in blits]
            assert got == _reference(weather, zone, area, view, step), (step, cam, zone)
            seen += len(got)
    assert seen > 200  # the views did show weather


def test_a_frame_draws_every_zone_and_keeps_the_surface_clip():
    weather = Weather(ZONES, seed=4)
    view = pygame.Surface((320, 180))
    view.set_clip(pygame.Rect(10, 10, 300, 100))
    weather.draw(view, (200, 150), 1234)
    assert view.get_clip() == pygame.Rect(10, 10, 300, 100)
    assert view.get_at((5, 170))[:3] == (0, 0, 0) and view.get_bounding_rect().w > 0


def test_a_zone_of_more_than_63_particles_gets_the_blits_its_formulas_give():
    # the masks of a kind with 64 particles or more are Python ints, not int64 (density 2 snow: 88)
    weather = Weather([Zone("snow", (0, 0, 900, 700), 2.0), Zone("snow", (300, 100, 500, 300), 0.4)], seed=3)
    rng = random.Random(11)
    seen = 0
    for step in [0, 31, 32, 7777] + [rng.randint(0, 90_000) for _ in range(25)]:
        view = pygame.Rect((rng.randint(-60, 700), rng.randint(-60, 600)), (320, 180))
        for zone in weather.zones:
            area = view.clip(pygame.Rect(zone.rect))
            if area.w and area.h:
                blits = weather._particles(zone, area, view, step)
                got = [(weather._sprites["snow"].index(image), pos) for image, pos in blits]
                assert got == _reference(weather, zone, area, view, step), (step, view, zone)
                seen += len(got)
    assert len(weather._params["snow"]) == 88 and seen > 500
