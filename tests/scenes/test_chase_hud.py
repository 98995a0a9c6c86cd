"""The chase's HUD blocks and vehicle art are kept between frames: what is blitted is what drawing them
afresh gives, and it follows the state shown (his bus's damage, the catch bar, a restart, new art)."""
import pygame
import pytest
from conftest import level_map

from game.modes.chase import scene as chase_scene
from game.modes.chase.scene import ChaseScene
from game.ui import draw as ui
from game.ui.font import load_font
from game.ui.palette import GOLD, INK, RULE, WARN


@pytest.fixture(scope="module")
def tilemap():
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    return level_map("bus_chase")


def _floor():
    s = pygame.Surface((320, 180)).convert()
    for x in range(0, 320, 7):
        s.fill((x % 256, 90, 255 - x % 256), (x, 0, 3, 180))
    return s


def _direct_damage(surface, font, damage):
    ui.panel(surface, (3, 3, 86, 17))
    ui.label_on_backing(surface, font, "HIS BUS DAMAGE", (3, 3))
    ui.bar(surface, (5, 14, 82, 4), damage / 100, (220, 60, 40), (60, 60, 64), outline=None)


def _direct_catch(surface, font, left, steps):
    w = surface.get_width()
    x, y = (w - 96) // 2, 3
    label_h = font.size("CATCH HIM")[1]
    ui.panel(surface, (x - 4, y, 96 + 8, label_h + 11), edge=RULE)
    ui.label_on_backing(surface, font, "CATCH HIM", (w // 2, y + 1), INK, anchor="midtop")
    colour = GOLD if left > 0.5 else (250, 130, 40) if left > 0.25 else WARN
    if left <= 0.25 and (steps // 8) % 2:
        colour = RULE
    ui.bar(surface, (x, y + label_h + 5, 96, 4), left, colour, (60, 60, 64), outline=None)


def test_his_damage_and_the_catch_bar_blit_what_drawing_them_gives(tilemap):
    scene = ChaseScene(tilemap, seed=0)
    scene.enter()
    font = load_font()
    shown, replays = set(), 0
    kept, floor = _floor(), _floor()  # one canvas, as the game's: a frame like the last replays its blits
    for k in range(120):
        damage, steps = k * 0.87, 1000 + k
        scene.sim.rostavili.damage = damage
        scene.sim.steps = steps
        scene.sim.offscreen = round(k / 119 * scene.sim.tuning.lose_steps) if k > 3 else 0
        left = scene.sim.catch_left
        kept.blit(floor, (0, 0))
        fresh = _floor()
        before = scene._hud_kept.state
        scene._draw_hud(kept)
        replays += scene._hud_kept.state is before
        _direct_damage(fresh, font, damage)
        if left < 1.0:  # shown while he is off screen or the bar is not full
            _direct_catch(fresh, font, left, steps)
        window = (0, 0, 320, 24)  # both blocks; the rest of the HUD is drawn as before
        assert kept.subsurface(window).get_buffer().raw == fresh.subsurface(window).get_buffer().raw, k
        shown.add(kept.subsurface(window).copy().get_buffer().raw)
    assert len(shown) > 60 and replays >= 5  # the bars follow the damage and the time left


def test_the_obstacle_art_follows_a_restart_and_new_art(tilemap):
    scene = ChaseScene(tilemap, seed=0)
    scene.enter()
    first, reach = scene._obstacle_art(scene.sim)
    assert [ob for ob, _ in first] == scene.sim.obstacles
    assert reach == max(rot.reach for _, rot in first)  # the first look at each is with the largest
    assert scene._obstacle_art(scene.sim)[0] is first  # kept while the chase goes on
    scene.restart()
    again = scene._obstacle_art(scene.sim)[0]
    assert again is not first and [ob for ob, _ in again] == scene.sim.obstacles
    scene.enter()  # the art made again: the obstacles take the new art's frames
    fresh, reach = scene._obstacle_art(scene.sim)
    cars = {id(frames[0]) for frames in scene._cars}
    assert fresh is not again and all(id(rot) in cars for ob, rot in fresh if not ob.static)
    assert reach == max(rot.reach for _, rot in fresh)


def test_a_car_drawn_is_within_the_reach_its_art_gives(tilemap):
    scene = ChaseScene(tilemap, seed=0)
    scene.enter()
    cars, reach = scene._car_art()
    for frames in cars:
        for rot in frames:
            for heading in (0.0, 0.4, 0.8, 1.2, 2.0, 3.0):
                w, h = rot.at(heading).get_size()
                assert max(w, h) / 2 <= reach and (w * w + h * h) ** 0.5 / 2 <= rot.reach <= reach
    assert chase_scene.DAMAGE_BLOCK.collidepoint(chase_scene.DAMAGE_BAR[:2])


def test_the_speed_readout_is_its_label_at_every_speed(tilemap):
    # the labels made at enter up to top speed, label_on_backing past it: the same pixels, every reading
    scene = ChaseScene(tilemap, seed=0)
    scene.enter()
    font = load_font()
    top = chase_scene._kmh(scene.sim.player.spec.max_speed)
    shown = set()
    for k in range(0, 260):
        fx, fy = scene.sim.player.forward
        v = (-1) ** k * k / 50  # forward and reverse, past top speed
        scene.sim.player.vx, scene.sim.player.vy = v * fx, v * fy
        kept, fresh = _floor(), _floor()
        scene._draw_hud(kept)
        reading = round(abs(scene.sim.player.speed) * 60 / 16 * 3.6 * 2.2)
        window = ui.label_on_backing(fresh, font, f"{reading:3d} km/h", (318, 178), anchor="bottomright")
        assert kept.subsurface(window).get_buffer().raw == fresh.subsurface(window).get_buffer().raw, k
        shown.add(reading)
    assert len(scene._speed_labels) == top + 1 and max(shown) > top + 20 and len(shown) > 150


def test_the_message_is_the_label_its_words_and_the_controls_card_place(tilemap):
    # kept while the words, the card (the message moves clear of it) and the screen are the same
    from game.modes.chase.controls import DriveHint

    scene = ChaseScene(tilemap, seed=0)
    scene.enter()
    font = load_font()
    learned = DriveHint.learned
    try:
        for words, card, size in [("Catch Rostavili's bus!", False, (320, 180)), ("Catch Rostavili's bus!", True, (320, 180)),
                                  ("He crashed into the train!", True, (320, 180)), ("He crashed into the train!", True, (400, 240)),
                                  ("He crashed into the train!", False, (400, 240))]:
            DriveHint.learned = not card
            scene._message, scene._message_steps = words, 30
            kept, fresh = pygame.Surface(size).convert(), pygame.Surface(size).convert()
            w, h = size
            scene._draw_hud(kept)
            rect = ui.label_on_backing(fresh, font, words, (w - 4, h - 16) if card else (w // 2, h - 14), INK,
                                       anchor="bottomright" if card else "midbottom", pad=(3, 2))
            assert kept.subsurface(rect).get_buffer().raw == fresh.subsurface(rect).get_buffer().raw, (words, card)
            assert scene._message_label(font, size)[1] == rect
    finally:
        DriveHint.learned = learned


def test_the_marker_over_his_bus_is_its_triangles_anywhere_on_any_canvas(tilemap):
    # drawn once per pixel format and blitted: the pixels the two polygons give, part off the canvas too
    scene = ChaseScene(tilemap, seed=0)
    scene.enter()
    rost = scene.sim.rostavili
    for canvas_of in (lambda: pygame.Surface((320, 180)).convert(), lambda: pygame.Surface((320, 180), 0, 16)):
        for mx, my in [(4, 5), (3, 5), (4, 4), (315, 179), (316, 179), (315, 180), (160, 90), (-3, 2), (318, 183)]:
            rost.x, rost.y = 1000.0 + mx, 500.0 + my + 16
            kept, fresh = canvas_of(), canvas_of()
            for s in (kept, fresh):
                s.fill((90, 140, 30))
            scene._draw_effects(kept, (1000, 500))
            chase_scene._draw_marker(fresh, mx, my)
            assert kept.get_buffer().raw == fresh.get_buffer().raw, (kept.get_bitsize(), mx, my)
    assert len(scene._markers) == 2
