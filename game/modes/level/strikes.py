"""Combat resolution: where Danko's blows and shots and the enemies' strikes land, and what a hit does
(damage, knockback, hitstop, shake, sparks, sounds, drops). Called by the actors as they strike."""
from __future__ import annotations

import logging
import math

from game.actors.combat import HURT_PAD, Attack, boxes_overlap, hitbox, unit
from game.actors.enemies import Enemy
from game.actors.player import PISTOL, SHOT_DAMAGE, SHOT_RANGE
from game.modes.events import EnemyHit, Knockout, PlayerHit
from game.modes.level.state import Effect, LevelState, Pickup

log = logging.getLogger(__name__)

SHOT_ATTACK = PISTOL  # levels/player.toml
ASSIST_REACH = 34.0        # px: a swing turns toward an enemy this close...
ASSIST_COS = 0.5           # ...within 60 degrees of the stick
SHOT_ASSIST_DEG = 25       # an enemy this close to the aim (and in sight) draws the shot


def aim_assist(level: LevelState, aim: tuple[float, float]) -> tuple[float, float]:
    """Turn a swing toward the nearest enemy within reach and 60 degrees of the stick."""
    fx, fy = level.player.body.feet
    best, best_d = aim, ASSIST_REACH ** 2
    for e in level.live:
        if not e.hittable or not e.hostile:
            continue
        ex, ey = e.body.feet
        dx, dy = ex - fx, ey - fy
        d2 = dx * dx + dy * dy
        if d2 < best_d and d2 > 0:
            d = math.sqrt(d2)
            if (dx * aim[0] + dy * aim[1]) / d > ASSIST_COS:
                best, best_d = (dx / d, dy / d), d2
    return best


def player_strike(level: LevelState, attack: Attack, body_contact: bool = False) -> None:
    """Danko's active frames: every hittable enemy in the hitbox not yet struck by this attack is hit."""
    p = level.player
    p.combo += strike_from(level, p.body.feet, p.aim, attack, p.hit_ids, body_contact)
    level.best_combo = max(level.best_combo, p.combo)  # the result card's best chain


def strike_from(level: LevelState, feet: tuple[float, float], aim: tuple[float, float], attack: Attack,
                hit_ids: list[int], body_contact: bool = False) -> int:
    """A fighter's active frames at `feet` along `aim`: every hittable enemy in the hitbox not yet in
    `hit_ids` is hit (and added to it); how many were."""
    fx, fy = feet
    box = hitbox(fx, fy, aim[0], aim[1], attack)
    hits = 0
    for e in level.live:
        if not e.hittable or e.id in hit_ids:
            continue
        if boxes_overlap(box, e.body.box, HURT_PAD):
            ex, ey = e.body.feet
            kx, ky = aim if body_contact else unit(ex - fx, ey - fy)
            if kx == 0 and ky == 0:
                kx, ky = aim
            hit_enemy(level, e, attack, kx, ky, attack.damage)
            hit_ids.append(e.id)
            hits += 1
    return hits


def hit_enemy(level: LevelState, e: Enemy, attack: Attack, kx: float, ky: float, damage: int) -> None:
    """Apply a hit to an enemy and its feedback; a knockout counts, shakes harder and drops its item."""
    was_alive = e.hp > 0
    dealt = e.take_hit(attack, kx, ky, damage, attack.knockback)
    level.last_hit, level.last_hit_step = e, level.steps
    e.make_aggro()
    level.hitstop = max(level.hitstop, attack.hitstop)
    level.shake = max(level.shake, 2.0 + attack.hitstop * 0.4)
    ex, ey = e.body.feet
    big = attack.knockdown or dealt >= 14
    level.effects.append(Effect("bigspark" if big else "spark", ex - kx * 4, ey - 12, 10 if big else 7))
    level.emit(EnemyHit(e.id, attack.name, dealt, ex, ey))
    level.emit_sound(attack.sound if not e.kind.armored or attack.knockdown else "block")
    if was_alive and e.hp <= 0:
        level.kills += 1
        level.emit(Knockout(e.id, e.name, ex, ey))
        level.emit_sound("ko")
        level.shake = max(level.shake, 5.0)
        if e.drop:
            level.pickup_ids += 1
            level.pickups.append(Pickup(level.pickup_ids, e.drop, ex, ey - 4))


def player_shoot(level: LevelState, aim: tuple[float, float]) -> None:
    """Hitscan along the aim; an enemy within 25 degrees of it (and in sight) draws the shot."""
    p = level.player
    aim = shoot_from(level, p.body.feet, aim, SHOT_ATTACK, SHOT_DAMAGE, SHOT_RANGE)
    p.body.face(*aim)


def shoot_from(level: LevelState, feet: tuple[float, float], aim: tuple[float, float], attack: Attack,
               damage: int, reach: float) -> tuple[float, float]:
    """A hitscan shot from `feet`: an enemy within 25 degrees of the aim (and in sight) draws it; the
    first body along the line takes it. Returns the direction it flew."""
    grid = level.grid
    fx, fy = feet
    best_cos = math.cos(math.radians(SHOT_ASSIST_DEG))
    for e in level.live:
        if not e.hittable or not e.hostile:
            continue
        ex, ey = e.body.feet
        d = math.hypot(ex - fx, ey - fy)
        if 0 < d < reach:
            c = ((ex - fx) * aim[0] + (ey - fy) * aim[1]) / d
            if c > best_cos and grid.line_of_sight(fx, fy - 3, ex, ey - 3):
                best_cos, aim = c, ((ex - fx) / d, (ey - fy) / d)
    ox, oy = fx + aim[0] * 6, fy - 10 + aim[1] * 6
    length = grid.ray_length(fx, fy - 3, aim[0], aim[1], reach)
    target, best_t = None, length
    for e in level.live:
        if not e.hittable:
            continue
        ex, ey = e.body.center
        t = (ex - fx) * aim[0] + (ey - fy) * aim[1]
        if t <= 0 or t >= best_t:
            continue
        perp = abs((ex - fx) * aim[1] - (ey - fy) * aim[0])
        if perp < e.body.w / 2 + HURT_PAD + 2:
            target, best_t = e, t
    level.effects.append(Effect("flash", ox, oy, 5))
    level.effects.append(Effect("tracer", ox, oy, 6, x2=fx + aim[0] * best_t, y2=fy - 10 + aim[1] * best_t))
    level.shake = max(level.shake, 3.0)
    level.emit_sound("shot")
    if target is not None:
        hit_enemy(level, target, attack, aim[0], aim[1], damage)
    return aim


def enemy_strike(level: LevelState, e: Enemy) -> None:
    """An enemy's active frames: Danko (or Ridzik, when he is the one it went for) is hurt if he is
    vulnerable and in its hitbox."""
    attack = e.attack
    assert attack is not None
    r = level.partner
    target = r if e.foe and r is not None else level.player
    if not target.vulnerable:
        return
    fx, fy = e.body.feet
    box = hitbox(fx, fy, e.aim[0], e.aim[1], attack)
    if boxes_overlap(box, target.body.box, HURT_PAD):
        e.hit_player = True
        if target is r:
            hurt_partner(level, attack, e.aim[0], e.aim[1], attack.damage)
        else:
            hurt_player(level, attack, e.aim[0], e.aim[1], attack.damage)


def hurt_partner(level: LevelState, attack: Attack, kx: float, ky: float, damage: int) -> None:
    """Ridzik takes a hit (scaled by difficulty, like Danko's); the last one floors him, never kills him."""
    r = level.partner
    assert r is not None
    dealt = max(1, round(damage * level.difficulty.damage_taken))
    r.take_hit(dealt, kx, ky, attack.knockback, attack.hitstun, attack.knockdown)
    level.hitstop = max(level.hitstop, attack.hitstop // 2)
    x, y = r.body.feet
    level.effects.append(Effect("spark", x, y - 12, 8))
    level.emit_sound("hurt")
    if r.out:
        level.emit_sound("down")
        level.effects.append(Effect("text", x, y - 30, 90, text="RIDZIK IS DOWN"))


def hurt_player(level: LevelState, attack: Attack, kx: float, ky: float, damage: int) -> None:
    """Danko takes a hit (scaled by difficulty) with its feedback; the last one floors him."""
    p = level.player
    dealt = max(1, round(damage * level.difficulty.damage_taken))
    level.hits_taken += 1
    p.take_hit(dealt, kx, ky, attack.knockback, attack.hitstun, attack.knockdown)
    level.hitstop = max(level.hitstop, attack.hitstop)
    level.shake = max(level.shake, 4.0 if attack.knockdown else 3.0)
    px, py = p.body.feet
    level.effects.append(Effect("spark", px, py - 12, 8))
    level.emit(PlayerHit(attack.name, dealt, px, py))
    level.emit_sound("hurt")
    if p.state == "dead":
        level.emit_sound("down")
