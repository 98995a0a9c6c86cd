"""The partner system: Ridzik in the levels the film gives him (map property `partner = "ridzik"` or a
`partner_spawn` object), driven by the partner AI or by a second player who drops in with Confirm on
the second keyboard set or gamepad and out with Skip; which thugs go for him; helping him up; and the
leash that keeps two players on one screen.

Runs inside the level's fixed step (after Danko moves, before the crowd plans), on the second half of
the step's input frame, so two-player runs replay bit for bit like one-player runs.
"""
from __future__ import annotations

import logging
import math

from game.actors.body import Body
from game.actors.combat import Attack, unit
from game.actors.partner import REVOLVER, Intent, Partner
from game.input.actions import Action, InputFrame
from game.modes.level import partner_ai
from game.modes.level.doorways import door_cells, step_aside
from game.modes.level.state import Effect, LevelState
from game.modes.level.strikes import shoot_from, strike_from

log = logging.getLogger(__name__)

PARTNERS = ("ridzik",)      # the values the map property `partner` may take
FOE_EVERY = 10              # steps between choosing which thugs go for Ridzik
HELP_REACH = 24.0           # px: Danko's feet this close to Ridzik's to help him up
NOTE_STEPS = 180            # the "P2 waits" note stays 3 s
LEASH_W, LEASH_H = 240.0, 110.0  # two players stay this close (px) so both fit on the 320x180 screen
BUFFER_STEPS = 8            # a second player's press waits this long for Ridzik's move to end
_MOVE_OF = ((int(Action.PUNCH), "jab"), (int(Action.KICK), "kick"), (int(Action.SHOOT), "shoot"))


def setup(level: LevelState) -> None:
    """Ridzik beside Danko when the map asks for him; the door cells every level's partner avoids."""
    level.door_cells = door_cells([(d.rect.x, d.rect.y, d.rect.w, d.rect.h) for d in level.spec.doors],
                                  level.tile)
    level.brain = partner_ai.Brain()
    spawns = level.tilemap.objects_of("partner_spawn")
    wanted = str(level.tilemap.properties.get("partner", "")).strip().lower()
    if not spawns and wanted not in PARTNERS:
        return
    if spawns:
        fx, fy = spawns[0].x, spawns[0].y
    else:
        px, py = level.player.body.feet
        t = level.tile
        c, r = step_aside(level.solid, (int(px // t), int((py - 1) // t)), (-99, -99), level.door_cells) \
            or (int(px // t), int((py - 1) // t))
        fx, fy = (c + 0.5) * t, (r + 0.5) * t + 3
    level.partner = Partner(Body.at_feet(fx, fy))


def control(level: LevelState, p2: InputFrame) -> None:
    """A second player's drop-in (Confirm) and drop-out (Skip); where the film has Danko alone, a note."""
    if level.p2_note:
        level.p2_note -= 1
    r = level.partner
    if r is not None:  # where both stood before this step's moves: the leash compares against it
        level.brain.before = (level.player.body.x, level.player.body.y, r.body.x, r.body.y)
    if not p2.pressed:
        return
    if r is not None and r.driver == "p2":
        _buffer(level.brain, int(p2.pressed))  # read here, so a press in a hit's freeze frame still counts
    if r is None:
        if p2.was_pressed(Action.CONFIRM):
            level.p2_note = NOTE_STEPS
        return
    x, y = r.body.feet
    if r.driver == "ai" and p2.was_pressed(Action.CONFIRM):
        r.driver = "p2"
        level.brain.intent = partner_ai.IDLE
        level.effects.append(Effect("text", x, y - 30, 90, text="P2 IS RIDZIK"))
        log.info("player 2 took Ridzik over at step %d", level.steps)
    elif r.driver == "p2" and p2.was_pressed(Action.SKIP):
        r.driver = "ai"
        level.brain.pending = None
        level.effects.append(Effect("text", x, y - 30, 90, text="RIDZIK ON HIS OWN"))
        log.info("player 2 left Ridzik to the AI at step %d", level.steps)


def step(level: LevelState, p1: InputFrame, p2: InputFrame) -> None:
    """Ridzik's step: his intent (a second player's or the AI's), his move, a helping hand, the leash."""
    r = level.partner
    if r is None:
        return
    intent = from_frame(level, p2) if r.driver == "p2" else partner_ai.decide(level, level.brain)
    r.step(intent, level)
    if r.state == "out":  # (r.out: only then can Danko help him up)
        _help_up(level, p1)
    if r.driver == "p2":
        leash(level, level.brain.before)
    if level.steps % FOE_EVERY == 0 or r.out:
        assign_foes(level)


def from_frame(level: LevelState, p2: InputFrame) -> Intent:
    """A second player's frame as Ridzik's intent: the stick, and a press buffered until he can act."""
    brain = level.brain
    if brain.pending is not None and not p2.pressed:
        brain.pending_age += 1
        if brain.pending_age > BUFFER_STEPS:
            brain.pending = None
    dx, dy = p2.move
    r = level.partner
    assert r is not None
    if brain.pending is None or r.state != "free":
        return Intent(dx, dy)
    move, brain.pending = brain.pending, None
    return Intent(dx, dy, move, unit(dx, dy) if dx or dy else None)


def _buffer(brain: partner_ai.Brain, pressed: int) -> None:
    for bit, move in _MOVE_OF:
        if pressed & bit:
            brain.pending, brain.pending_age = move, 0
            return


def _help_up(level: LevelState, p1: InputFrame) -> None:
    """Danko holding Confirm beside Ridzik while he is out puts him back on his feet; letting go starts over."""
    r = level.partner
    assert r is not None
    if not r.out:
        return
    p = level.player
    px, py = p.body.feet
    rx, ry = r.body.feet
    if p.state in ("dead", "down", "hurt") or not p1.is_held(Action.CONFIRM) \
            or math.hypot(px - rx, py - ry) > HELP_REACH:
        r.help = 0
        return
    if r.helped():
        level.effects.append(Effect("text", rx, ry - 30, 90, text="RIDZIK IS UP"))
        level.emit_sound("door")


def assign_foes(level: LevelState) -> None:
    """Which thugs go for Ridzik: those nearer him than Danko, no more than the difficulty lets attack at
    once; none while he is out. A thug winding up keeps its target."""
    r = level.partner
    assert r is not None
    rx, ry = r.body.feet
    px, py = level.player.body.feet
    cap = 0 if r.out else level.difficulty.melee_tokens
    count = sum(1 for e in level.live if e.foe == 1 and e.alive)
    for e in level.live:
        if e.state in ("tell", "attack") or not e.alive:
            continue
        ex, ey = e.body.feet
        dr = math.hypot(ex - rx, ey - ry)
        dd = math.hypot(ex - px, ey - py)
        if e.foe == 1 and (cap == 0 or dr > dd * 1.25 or dr > 140):
            e.foe, count = 0, count - 1
        elif e.foe == 0 and e.aggro and e.hostile and count < cap and dr < dd * 0.75 and dr < 90:
            e.foe, count = 1, count + 1


def leash(level: LevelState, before: tuple[float, float, float, float]) -> None:
    """Two players stay on one screen: whoever moved away past the leash this step waits at its end."""
    r = level.partner
    assert r is not None
    d, rb = level.player.body, r.body
    for axis, limit in (("x", LEASH_W), ("y", LEASH_H)):
        i = 0 if axis == "x" else 1
        sep = getattr(rb, axis) - getattr(d, axis)
        excess = abs(sep) - limit
        if excess <= 0:
            continue
        sign = 1.0 if sep > 0 else -1.0
        r_away = sign * (getattr(rb, axis) - before[2 + i])      # Ridzik's share of the pulling apart
        d_away = -sign * (getattr(d, axis) - before[i])          # Danko's
        for body, away, back in ((rb, r_away, -sign), (d, d_away, sign)) if r_away >= d_away else \
                ((d, d_away, sign), (rb, r_away, -sign)):
            if away <= 0 or excess <= 0:
                continue
            pull = min(away, excess)
            setattr(body, axis, getattr(body, axis) + back * pull)
            setattr(body, "v" + axis, 0.0)
            excess -= pull


def partner_strike(level: LevelState, attack: Attack) -> None:
    r = level.partner
    assert r is not None
    strike_from(level, r.body.feet, r.aim, attack, r.hit_ids)


def partner_shoot(level: LevelState, aim: tuple[float, float]) -> None:
    r = level.partner
    assert r is not None
    flew = shoot_from(level, r.body.feet, aim, REVOLVER, REVOLVER.damage, r.tuning.shot_range)
    r.aim = flew
    r.body.face(*flew)


def focus(level: LevelState) -> tuple[float, float]:
    """Where the camera looks: Danko, or between the two players while a second one holds Ridzik."""
    px, py = level.player.body.feet
    r = level.partner
    if r is None or r.driver != "p2":
        return px, py
    rx, ry = r.body.feet
    return (px + rx) / 2, (py + ry) / 2
