"""The weapons of the seed's weapons section: Danko's oversized Podbyrin 9.2 mm (few rounds, a heavy hit
that floors and throws back, a slow reload) and Rostavili's sleeve derringer, whose wrist flick is his
tell before it slides into his hand, in every fight with him."""
from __future__ import annotations

import pygame
from combat_arena import arena, enemy_xml

from game import STEP_HZ
from game.actors.enemies import KINDS
from game.actors.partner import REVOLVER
from game.actors.player import MAGAZINE, PISTOL, RELOAD_STEPS, SHOT_COOLDOWN
from game.input.actions import Action, InputFrame, NO_INPUT
from game.modes.events import EnemyHit
from game.modes.level import derringer
from game.modes.level.view import TELL_RED, LevelView
from game.paths import LEVELS
from game.world.tilemap import load_tilemap

SHOOT = InputFrame(int(Action.SHOOT), int(Action.SHOOT))


def armed_arena(write_level, enemies="", ammo=12):
    sim = arena(write_level, enemies, flags={"has_gun": True})
    sim.player.arm(ammo)
    sim.calm_until = 0
    return sim


def fire_all(sim, presses):
    for _ in range(presses):
        sim.step(SHOOT)
        for _ in range(SHOT_COOLDOWN + 1):
            sim.step(NO_INPUT)


def test_the_podbyrin_is_heavy_with_few_rounds():
    assert MAGAZINE <= 6 and RELOAD_STEPS >= STEP_HZ * 1.5
    assert PISTOL.damage >= 60 and PISTOL.knockdown and PISTOL.knockback >= 5
    assert PISTOL.damage > 2 * REVOLVER.damage and PISTOL.knockback > 2 * REVOLVER.knockback


def test_a_magazine_runs_dry_then_a_slow_reload(write_level):
    sim = armed_arena(write_level, ammo=8)
    p = sim.player
    assert p.loaded == MAGAZINE
    fire_all(sim, MAGAZINE)
    assert p.ammo == 8 - MAGAZINE and p.loaded == 0 and p.reload > 0
    sim.step(SHOOT)  # nothing comes out while he reloads
    assert p.ammo == 8 - MAGAZINE
    for _ in range(RELOAD_STEPS):
        sim.step(NO_INPUT)
    assert p.reload == 0 and p.loaded == 8 - MAGAZINE
    fire_all(sim, 5)
    assert p.ammo == 0 and p.loaded == 0


def test_one_round_floors_a_thug_and_throws_him_back(write_level):
    sim = armed_arena(write_level, enemy_xml(2, "brawler", 160, 96))
    e = sim.enemies[0]
    sim.player.aim = (1.0, 0.0)
    x0 = e.body.x
    hit = None
    for _ in range(30):
        sim.step(SHOOT if hit is None else NO_INPUT)
        hit = hit or next((ev for ev in sim.events if isinstance(ev, EnemyHit)), None)
    assert hit is not None and hit.damage == PISTOL.damage
    assert e.state in ("down", "dying") and e.body.x > x0 + 8


def test_rostavili_carries_the_derringer_with_a_flick_then_an_aim_tell():
    gun = KINDS["rostavili"].gun
    assert gun is not None and gun.name == derringer.ATTACK
    flick_ms = derringer.FLICK_STEPS * 1000 / STEP_HZ
    aim_ms = (gun.startup - derringer.FLICK_STEPS) * 1000 / STEP_HZ
    assert flick_ms >= 250 and aim_ms >= 250  # both halves of the tell readable before the shot


def test_every_level_with_rostavili_fights_him_with_the_derringer():
    found = 0
    for path in sorted(LEVELS.glob("*.tmx")):
        for o in load_tilemap(path).objects_of("enemy"):
            if o.properties.get("kind") == "rostavili":
                found += 1
                assert KINDS["rostavili"].gun.name == "derringer", path.name
    assert found >= 2


def tell_picture(sim, view, at_timer):
    e = sim.enemies[0]
    for _ in range(900):
        sim.step(NO_INPUT)
        if derringer.is_derringer(e) and e.timer >= at_timer:
            break
    assert derringer.is_derringer(e), e.state
    surface = pygame.Surface((320, 180))
    surface.fill((40, 40, 40))
    for s in view.sprites(sim):
        surface.blit(s.image, (s.x, s.y))
    view.draw_over(surface, sim, (0, 0))
    return e, pygame.surfarray.array3d(surface).transpose(1, 0, 2)


def count(pixels, colour):
    return int(((pixels == colour).all(axis=2)).sum())


def aim_line(pixels, e):
    """Red pixels well away from him (his outline and "!" hug his sprite): the dotted aim line."""
    fx = round(e.body.feet[0])
    away = pixels.copy()
    away[:, max(0, fx - 16): fx + 16] = 0
    return count(away, TELL_RED)


def test_the_flick_shows_the_gun_sliding_out_before_the_aim_line(write_level):
    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((1, 1))
    enemies = enemy_xml(2, "rostavili", 230, 96, aggro="true")
    view = LevelView()
    sim = arena(write_level, enemies)
    e, flick = tell_picture(sim, view, 4)
    assert derringer.flicking(e)
    assert count(flick, derringer.STEEL) > 0 and count(flick, derringer.FLICK) > 0  # the gun, the flick
    assert count(flick, TELL_RED) > 0 and aim_line(flick, e) == 0  # the red outline and "!", no aim yet
    sim = arena(write_level, enemies)
    e, aiming = tell_picture(sim, view, derringer.FLICK_STEPS + 2)
    assert not derringer.flicking(e)
    assert count(aiming, derringer.STEEL) > 0 and aim_line(aiming, e) > 10  # the gun in hand, the aim line
