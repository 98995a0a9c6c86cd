"""Enemy bullets: leave the muzzle, fly, stop at walls, hurt a vulnerable Danko, pass a blinking one."""
from level_arena import enemy_xml, level

from game.actors.enemies import BULLET_SPEED
from game.modes import events as ev
from game.modes.level import projectiles
from game.modes.level.state import Bullet


def test_a_gunman_fires_a_bullet_along_his_aim(write_level):
    sim = level(write_level, enemy_xml(10, "gunman", 160, 96))
    gunman = sim.enemies[0]
    gunman.aim, gunman.attack = (-1.0, 0.0), gunman.kind.gun
    projectiles.enemy_fire(sim, gunman)
    (b,) = sim.bullets
    assert (b.vx, b.vy) == (-BULLET_SPEED, 0.0) and b.damage == gunman.kind.gun.damage
    assert b.x < gunman.body.feet[0] and sim.effects[-1].kind == "flash"


def test_a_bullet_hits_danko_once_then_is_gone(write_level):
    sim = level(write_level)
    fx, fy = sim.player.body.feet
    sim.bullets.append(Bullet(fx + 6, fy - 10, -BULLET_SPEED, 0.0, 12))
    for _ in range(5):
        projectiles.fly(sim)
    assert not sim.bullets and sim.player.health < sim.player.tuning.max_health
    assert [e.attack for e in ev.of_type(sim.events, ev.PlayerHit)] == ["bullet"]


def test_a_blinking_danko_lets_bullets_through_and_walls_stop_them(write_level):
    sim = level(write_level)
    sim.player.iframes = 100
    fx, fy = sim.player.body.feet
    sim.bullets.append(Bullet(fx + 6, fy - 10, -BULLET_SPEED, 0.0, 12))
    for _ in range(60):
        projectiles.fly(sim)
    assert sim.player.health == sim.player.tuning.max_health
    assert not sim.bullets and sim.effects[-1].kind == "spark"  # into the west wall


def test_bullets_run_out_of_life(write_level):
    sim = level(write_level)
    sim.bullets.append(Bullet(150, 40, 0.0, 0.0, 12, life=3))
    for _ in range(3):
        projectiles.fly(sim)
    assert not sim.bullets and not sim.effects
