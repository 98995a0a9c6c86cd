"""Crowd AI that runs before the enemies act: the shared flow field, slots on a ring round Danko, the
attack tokens the difficulty allows, and separation so the crowd never stacks on one spot."""
from __future__ import annotations

import logging
import math

from game.actors.enemies import OUT, Enemy
from game.modes.level.separation import pushes
from game.modes.level.state import LevelState

log = logging.getLogger(__name__)

SLOT_EVERY = 10            # steps between ring-slot assignments
SEPARATION = 13.0          # px between enemies' feet below which they push apart
SEPARATION_PUSH = 0.12
SEPARATE_EVERY = 3         # steps between crowd separation passes (the push persists in between)
PLAYER_ROOM = 11.0         # px round Danko's feet that enemies are pushed out of


def plan(level: LevelState) -> None:
    """This step's crowd decisions, in order: flow field, ring slots, tokens, separation."""
    fx, fy = level.player.body.feet
    level.flows.follow(level.solid, fx, fy)
    if level.steps % SLOT_EVERY == 0:
        assign_slots(level)
    count_tokens(level)
    if level.steps % SEPARATE_EVERY == 0:
        separate(level)


def assign_slots(level: LevelState) -> None:
    """Spread the enemies near Danko evenly around him, keeping their current order by angle."""
    px, py = level.player.body.feet
    melee: list[tuple[float, int, Enemy]] = []
    ranged: list[tuple[float, int, Enemy]] = []  # gunmen get a ring of their own
    atan2 = math.atan2
    for e in level.live:
        if e.aggro and e.hostile and e.hp > 0 and e.state not in OUT:  # Enemy.alive, inline
            b = e.body
            ex, ey = b.x + b.w / 2, b.y + b.h
            if -160 < ex - px < 160 and -120 < ey - py < 120:
                (melee if e.kind.gun is None else ranged).append((atan2(ey - py, ex - px), e.id, e))
    for near in (melee, ranged):
        if not near:
            continue
        near.sort()
        n = len(near)
        base = near[0][0]
        for i, (_, _, e) in enumerate(near):
            e.slot = base + i * 2 * math.pi / n


def count_tokens(level: LevelState) -> None:
    """Count the enemies holding an attack token (winding up or striking), melee and ranged apart."""
    melee = ranged = 0
    for e in level.live:
        if e.has_token:
            if e.attack is not None and e.attack.ranged:
                ranged += 1
            else:
                melee += 1
    level.tokens[0], level.tokens[1] = melee, ranged


def token_free(level: LevelState, ranged: bool) -> bool:
    """May one more enemy wind up? Never in the calm after a start or respawn; never more than the
    difficulty's `melee_tokens` at once, melee and ranged together (1 easy, 2 normal, 3 hard), and
    never more gunmen aiming than `ranged_tokens`."""
    if level.steps < level.calm_until:
        return False
    d = level.difficulty
    if level.tokens[0] + level.tokens[1] >= d.melee_tokens:
        return False
    return level.tokens[1] < d.ranged_tokens if ranged else True


def take_token(level: LevelState, ranged: bool) -> None:
    level.tokens[1 if ranged else 0] += 1


def cooldown(level: LevelState, base: int) -> int:
    """Rest after an attack: the kind's base scaled by difficulty, plus a seeded jitter."""
    jitter = int(level.rng.integers(0, 20))
    return int(base * level.difficulty.cooldown) + jitter


def separate(level: LevelState) -> None:
    """Push overlapping enemies apart (and off Danko) so they never stack on one spot.

    Only neighbours are looked at (a bucket grid), so a crowd of 200 costs 5x one of 40, not 25x."""
    live = level.live
    movers = [e for e in live if e.hp > 0 and e.state not in _UNPUSHED]
    if len(movers) < len(live):
        for e in live:
            if e.hp <= 0 or e.state in _UNPUSHED:
                e.push_x = e.push_y = 0.0
    bodies = [e.body for e in movers]
    xs = [b.x + b.w / 2 for b in bodies]
    ys = [b.y + b.h for b in bodies]
    if len(movers) >= 2:  # linear in the crowd: game.modes.level.separation
        push_x, push_y = pushes(xs, ys, SEPARATION, SEPARATION_PUSH)
    else:
        push_x = push_y = [0.0] * len(movers)
    px, py = level.player.body.feet
    room = PLAYER_ROOM
    room2 = room ** 2
    for e, x0, y0, ux, uy in zip(movers, xs, ys, push_x, push_y):
        ddx = x0 - px
        if -room < ddx < room:  # else too far to the side: d2 would be room2 or more
            ddy = y0 - py
            d2 = ddx * ddx + ddy * ddy
            if 1e-6 < d2 < room2:  # and off Danko
                dist = math.sqrt(d2)
                ux += ddx / dist * (room - dist) * 0.3
                uy += ddy / dist * (room - dist) * 0.3
        e.push_x = ux
        e.push_y = uy


_UNPUSHED = frozenset(("down", "dying"))  # states separation leaves alone (as the dead)


def enemy_gone(level: LevelState, e: Enemy) -> None:
    """An enemy left play (dead and faded, or fled): it gives up its token and leaves `live` at step end."""
    e.has_token = False
    level.gone = True


def prune(level: LevelState) -> None:
    """Drop the enemies that left play this step from `live`."""
    if level.gone:
        level.gone = False
        level.live = [e for e in level.live if e.state != "gone"]
