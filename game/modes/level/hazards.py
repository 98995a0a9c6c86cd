"""Steam vents: while a vent is on it scalds Danko (when vulnerable) and, every half second, any enemy
standing in it; both are blown out of the jet."""
from __future__ import annotations

import logging

from game.actors.combat import Attack, unit
from game.actors.objects import HazardSpec
from game.modes.level.state import LevelState
from game.modes.level.strikes import hit_enemy, hurt_player

log = logging.getLogger(__name__)

STEAM_ATTACK = Attack("steam", 0, 1, 0, 0, 0, 0, knockback=3.0, hitstun=16, hitstop=2, sound="hiss")
ENEMY_SCALD_EVERY = 30     # steps of an "on" phase between scalds of the enemies inside


def scald(level: LevelState) -> None:
    hazards = level.spec.hazards
    if not hazards:
        return
    steps = level.steps
    kept = level.vents_on
    if kept is None or kept[0] is not hazards or not kept[1] <= steps < kept[2]:
        kept = level.vents_on = vents(hazards, steps)
    if not kept[3]:
        return
    p = level.player
    b = p.body
    vulnerable = p.vulnerable
    for h in kept[3]:
        t = (steps + h.phase) % h.period - h.warn  # h.phase_at(steps) is "on" for 0 <= t < h.on
        r = h.rect  # r.contains_box(b.box), inlined
        if vulnerable and b.x < r.x + r.w and r.x < b.x + b.w and b.y < r.y + r.h and r.y < b.y + b.h:
            cx, cy = h.rect.center
            fx, fy = p.body.feet
            kx, ky = unit(fx - cx, fy - cy)
            if kx == 0 and ky == 0:
                kx, ky = 0.0, 1.0
            hurt_player(level, STEAM_ATTACK, kx, ky, h.damage)
            vulnerable = p.vulnerable  # (blinking now)
        if t % ENEMY_SCALD_EVERY == 0:
            for e in level.live:
                if e.hittable and h.rect.contains_box(e.body.box):
                    ex, ey = e.body.feet
                    cx, cy = h.rect.center
                    kx, ky = unit(ex - cx, ey - cy)
                    hit_enemy(level, e, STEAM_ATTACK, kx or 0.0, ky or 1.0, h.damage)


def vents(hazards: list[HazardSpec], step: int, warned: bool = False) -> tuple:
    """(hazards, step, until, the vents): those whose phase at `step` is "on" (with `warned`: "warn" or
    "on"), in the map's order, and the first step after `step` at which any of that can change (a cache
    for every step from `step` up to `until`)."""
    found, left = [], None
    for h in hazards:
        u = (step + h.phase) % h.period
        lo, hi = (0 if warned else h.warn), min(h.warn + h.on, h.period)  # the phase asked: lo <= u < hi
        if lo <= u < hi:
            found.append(h)
            wait = hi - u
        elif u < lo:
            wait = lo - u
        else:  # past it: until the next cycle's
            wait = h.period - u + lo
        left = wait if left is None or wait < left else left
    return (hazards, step, step + max(1, left or 1), found)
