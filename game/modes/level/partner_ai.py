"""Ridzik's mind when no second player holds him: pick a target (thugs before Rostavili), shoot it from a distance (a jab or a kick
only when a thug is on him), hold fire when Danko is in the line, follow Danko when the fight is done,
and never stand in a doorway Danko is coming through.

Pure and deterministic: it reads the level and draws from the level's seeded RNG, and decides a few
steps at a time (staggered like the thugs' thinking), keeping its intent in between.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from game.actors.combat import unit
from game.actors.enemies import Enemy
from game.actors.partner import IDLE, Intent, Partner
from game.modes.level.doorways import is_narrow, step_aside
from game.modes.level.state import LevelState

log = logging.getLogger(__name__)

THINK_EVERY = 4        # steps between decisions
SIGHT = 170.0          # px: enemies further than this are not his business yet
CLOSE = 20.0           # px: a thug this close gets a jab or a kick (or Ridzik backs off)
SHOOT_MIN = 26.0       # px: closer than this he does not draw
FOLLOW_BEHIND = 22.0   # px behind Danko where he likes to walk
FOLLOW_SIDE = 12.0
FOLLOW_SLACK = 10.0    # px from that spot where he stops
FAR = 90.0             # px: beyond this (or out of sight) he walks Danko's flow field back to him
CATCH_UP = 300.0       # px: beyond this he rejoins Danko out of view (he took another door)
MAKE_WAY = 44.0        # px: Danko this close while Ridzik stands in a doorway -> Ridzik steps aside
FIRE_REST = (50, 100)   # steps between the AI's shots (seeded jitter): he shoots more, not all the time
CLEAR_LINE = 12.0      # px: Danko this near the line of fire and in front -> hold fire
BOSS_LATER = 80.0      # px added to Rostavili's distance: Ridzik deals with the thugs first
MELEE_CHANCE = 0.35    # a thug on him: this often he swings; otherwise he backs off to shoot


@dataclass
class Brain:
    target: int | None = None
    intent: Intent = IDLE
    fire_rest: int = 0
    aside: tuple[int, int] | None = None   # the cell he is stepping aside to
    pending: str | None = None             # a second player's buffered move (game.modes.level.partners)
    pending_age: int = 0
    before: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # Danko's and his x, y before the step


def decide(level: LevelState, brain: Brain) -> Intent:
    """This step's intent for the AI partner."""
    r = level.partner
    assert r is not None
    if brain.fire_rest:
        brain.fire_rest -= 1
    if r.state != "free":  # (out, down, hurt or striking)
        brain.intent = IDLE
        return IDLE
    if (level.steps + 1) % THINK_EVERY != 0 and brain.intent.move is None:
        return _keep_moving(level, r, brain)
    brain.intent = _think(level, r, brain)
    return brain.intent


def _keep_moving(level: LevelState, r: Partner, brain: Brain) -> Intent:
    """Between decisions: the same direction, no new move (a move is asked for once)."""
    intent = brain.intent
    return intent if intent.move is None else Intent(intent.dx, intent.dy)


def _think(level: LevelState, r: Partner, brain: Brain) -> Intent:
    p = level.player
    rx, ry = r.body.feet
    px, py = p.body.feet
    if math.hypot(px - rx, py - ry) > CATCH_UP:
        rejoin(level)
        return IDLE
    way = _make_way(level, r, brain)
    if way is not None:
        return way
    if p.state != "dead":
        target = _pick_target(level, r, brain)
        if target is not None:
            fight = _fight(level, r, brain, target)
            if fight is not None:
                return fight
    return _follow(level, r)


def _pick_target(level: LevelState, r: Partner, brain: Brain) -> Enemy | None:
    """The thug after him first, then one winding up on Danko, then the nearest; he keeps his target."""
    rx, ry = r.body.feet
    best, best_score = None, SIGHT
    for e in level.live:
        if not (e.aggro and e.hostile and e.hittable):  # (the cheap tests first)
            continue
        b = e.body
        ex, ey = b.x + b.w / 2, b.y + b.h  # (Body.feet, inlined)
        d = math.hypot(ex - rx, ey - ry)
        if d >= SIGHT:
            continue
        score = d - (40 if e.foe == 1 else 0) - (30 if e.state == "tell" and e.foe == 0 else 0)
        score += BOSS_LATER if e.kind.key == "rostavili" else 0  # Rostavili is Danko's to take down
        score -= 20 if e.id == brain.target else 0
        if score < best_score and level.grid.line_of_sight(rx, ry - 3, ex, ey - 3):
            best, best_score = e, score
    brain.target = best.id if best is not None else None
    return best


def _fight(level: LevelState, r: Partner, brain: Brain, e: Enemy) -> Intent | None:
    rx, ry = r.body.feet
    ex, ey = e.body.feet
    dx, dy = ex - rx, ey - ry
    d = math.hypot(dx, dy)
    aim = unit(dx, dy)
    if d < CLOSE:
        if float(level.rng.random()) < MELEE_CHANCE:
            return Intent(dx, dy, "kick" if e.state == "tell" else "jab", aim)
        return Intent(-dx, -dy)  # back off to shooting distance
    if d > SHOOT_MIN and d < r.tuning.shot_range * 0.9 and r.can_shoot and not brain.fire_rest:
        if not _danko_in_line(level, rx, ry, aim, d):
            lo, hi = FIRE_REST
            brain.fire_rest = int(level.rng.integers(lo, hi))
            return Intent(0.0, 0.0, "shoot", aim)
    if d < SHOOT_MIN + 14:
        return Intent(-dx, -dy)
    return None  # nothing to do at him now: keep with Danko


def _danko_in_line(level: LevelState, rx: float, ry: float, aim: tuple[float, float], reach: float) -> bool:
    px, py = level.player.body.feet
    t = (px - rx) * aim[0] + (py - ry) * aim[1]
    perp = abs((px - rx) * aim[1] - (py - ry) * aim[0])
    return 0 < t < reach and perp < CLEAR_LINE


def _follow(level: LevelState, r: Partner) -> Intent:
    """Walk to a spot behind Danko's shoulder; back along his flow field when far or out of sight."""
    p = level.player
    rx, ry = r.body.feet
    px, py = p.body.feet
    fx, fy = _facing_vector(p.body.facing)
    gx, gy = px - fx * FOLLOW_BEHIND - fy * FOLLOW_SIDE, py - fy * FOLLOW_BEHIND + fx * FOLLOW_SIDE
    tile = level.tile
    if level.grid.solid_at(int(gx // tile), int((gy - 1) // tile)):
        gx, gy = px, py
    d_danko = math.hypot(px - rx, py - ry)
    if d_danko > FAR or not level.grid.line_of_sight(rx, ry - 3, px, py - 3):
        col, row = int(rx // tile), int((ry - 1) // tile)
        sx, sy = level.flows.step_from(col, row)
        if sx or sy:
            return Intent((col + sx + 0.5) * tile - rx, (row + sy + 0.5) * tile + 3 - ry)
    dx, dy = gx - rx, gy - ry
    if math.hypot(dx, dy) < FOLLOW_SLACK:
        return _off_doorway(level, r)
    return Intent(dx, dy)


def _facing_vector(facing: str) -> tuple[float, float]:
    return {"down": (0.0, 1.0), "up": (0.0, -1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0)}[facing]


def _cell(level: LevelState, x: float, y: float) -> tuple[int, int]:
    return int(x // level.tile), int((y - 1) // level.tile)


def _off_doorway(level: LevelState, r: Partner) -> Intent:
    """Standing still: never in a doorway or a corridor; step to the nearest open cell instead."""
    here = _cell(level, *r.body.feet)
    if not is_narrow(level.solid, *here, level.door_cells):
        return IDLE
    spot = step_aside(level.solid, here, _cell(level, *level.player.body.feet), level.door_cells)
    return _toward_cell(level, r, spot) if spot is not None else IDLE


def _make_way(level: LevelState, r: Partner, brain: Brain) -> Intent | None:
    """Danko coming while Ridzik stands in a doorway or corridor: Ridzik steps aside out of his path."""
    rx, ry = r.body.feet
    here = _cell(level, rx, ry)
    pv = level.player.body
    px, py = pv.feet
    apart = math.hypot(px - rx, py - ry)
    coming = pv.vx * (rx - px) + pv.vy * (ry - py) > 0 or apart < 16
    near = coming and apart < MAKE_WAY
    if brain.aside is not None and (here == brain.aside or not near):
        brain.aside = None
    if brain.aside is None:
        if not near or not is_narrow(level.solid, *here, level.door_cells):
            return None
        brain.aside = step_aside(level.solid, here, _cell(level, px, py), level.door_cells)
        if brain.aside is None:
            return None
    return _toward_cell(level, r, brain.aside)


def _toward_cell(level: LevelState, r: Partner, cell: tuple[int, int]) -> Intent:
    rx, ry = r.body.feet
    t = level.tile
    return Intent((cell[0] + 0.5) * t - rx, (cell[1] + 0.5) * t + 3 - ry)


def rejoin(level: LevelState) -> None:
    """Ridzik took another way and fell far behind: he turns up at an open cell near Danko."""
    r = level.partner
    assert r is not None
    px, py = level.player.body.feet
    here = _cell(level, px, py)
    spot = step_aside(level.solid, here, (-99, -99), level.door_cells) or here
    t = level.tile
    fx, fy = (spot[0] + 0.5) * t, (spot[1] + 0.5) * t + 3
    b = r.body
    b.x, b.y = fx - b.w / 2, fy - b.h
    b.vx = b.vy = 0.0
    b.prev_x, b.prev_y = b.x, b.y
