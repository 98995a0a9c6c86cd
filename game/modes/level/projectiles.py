"""Enemy bullets: fired from a gunman's muzzle, flown a step at a time, stopped by walls, Danko or Ridzik."""
from __future__ import annotations

import logging

from game.actors.combat import HURT_PAD, Attack, boxes_overlap
from game.actors.enemies import BULLET_SPEED, Enemy
from game.modes.level.state import Bullet, Effect, LevelState
from game.modes.level.strikes import hurt_partner, hurt_player

log = logging.getLogger(__name__)

MUZZLE = 7.0       # px from the feet along the aim where a shot leaves the gun
CHEST = 10.0       # bullets fly at chest height, this far above the feet


def enemy_fire(level: LevelState, e: Enemy) -> None:
    """A gunman's shot leaves the muzzle as a bullet (not hitscan: Danko can step out of its way)."""
    fx, fy = e.body.feet
    ax, ay = e.aim
    ox, oy = fx + ax * MUZZLE, fy - CHEST + ay * MUZZLE
    damage = e.attack.damage if e.attack else 10
    level.bullets.append(Bullet(ox, oy, ax * BULLET_SPEED, ay * BULLET_SPEED, damage))
    level.effects.append(Effect("flash", ox, oy, 5))
    level.shake = max(level.shake, 1.5)


def _bullet(damage: int) -> Attack:
    return Attack("bullet", 0, 1, 0, damage, 0, 0, knockback=2.5, hitstun=18, hitstop=4)


def fly(level: LevelState) -> None:
    """Move every bullet one step; a wall sparks it out, Danko or Ridzik (when vulnerable) takes it."""
    if not level.bullets:
        return
    p = level.player
    r = level.partner
    grid, tile = level.grid, level.tile
    keep = []
    pbox = p.body.box
    for b in level.bullets:
        b.life -= 1
        b.x += b.vx
        b.y += b.vy
        if b.life <= 0:
            continue
        if grid.solid_at(int(b.x // tile), int((b.y + 8) // tile)):
            level.effects.append(Effect("spark", b.x, b.y, 6))
            continue
        # Bullets fly at chest height (10 px above the feet).
        if p.vulnerable and boxes_overlap((b.x - 1, b.y + 9, 2, 2), pbox, HURT_PAD):
            hurt_player(level, _bullet(b.damage), b.vx, b.vy, b.damage)
            continue
        if r is not None and r.vulnerable and boxes_overlap((b.x - 1, b.y + 9, 2, 2), r.body.box, HURT_PAD):
            hurt_partner(level, _bullet(b.damage), b.vx, b.vy, b.damage)
            continue
        keep.append(b)
    level.bullets = keep
