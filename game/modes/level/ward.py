"""The hospital's crowd: at the alarm the nurses (`npc` objects with role `nurse`) hurry out of the wards
to the code (marker `code`), glancing about; the assassin (role `assassin`) walks the other way, calmly,
to the doors (marker `doors`) and never looks back. Danko stops a nurse with his grab button: an innocent
one costs him time (he holds her, she protests), never the level; the assassin twists free and draws on
him, and his shot (the shoot button while she draws: the only shot the hospital allows) is the plot's.
If she reaches the doors the level is lost. The gun never fires at anyone else.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from game.actors.combat import Attack, unit
from game.input.actions import Action, InputFrame
from game.modes.level import npcs
from game.modes.level.outcome import LOST
from game.modes.level.state import Effect, LevelState, Npc
from game.modes.level.strikes import hurt_player

log = logging.getLogger(__name__)

REACH = 22.0          # px between feet for a grab to take hold
HOLD_STEPS = 50       # an innocent nurse held: the time it costs Danko
STRUGGLE_STEPS = 24   # the assassin in his grip before she twists free and draws
DRAW_STEPS = 80       # her draw on normal: his window to shoot first (about 1.3 s)
HURRY = (1.05, 0.9, 1.2, 0.95, 1.15, 1.0)  # the nurses' pace, px a step, by order in the map
CALM = 0.5            # the assassin's walk on normal: unhurried
RUN = 1.05            # the assassin running for the doors after a failed draw
JOSTLE = 0.8          # Danko's speed kept per step while he pushes through the crowd
GLANCE_EVERY = 47     # steps between an innocent's looks round
SHOT = Attack("derringer", 0, 1, 0, 0, 0, 0, knockback=3.0, hitstun=24, hitstop=6, knockdown=True)
SHOT_DAMAGE = 30
GRAB_BITS = int(Action.SPECIAL)
SHOOT_BITS = int(Action.SHOOT)


@dataclass
class Ward:
    code: tuple[float, float]    # where the alarm rings: the nurses hurry there
    doors: tuple[float, float]   # where the assassin leaves the building
    draw_steps: int = DRAW_STEPS  # her draw: longer on easy, shorter on hard (the difficulty's cooldown)
    pace: float = CALM           # her walk: a little quicker on hard
    alarm: bool = False
    hold: int = 0                # steps Danko still holds an innocent nurse
    held: Npc | None = None
    caught: str = ""             # "", struggle, draw, shot
    timer: int = 0               # steps in the `caught` stage
    wrong: int = 0               # innocent nurses grabbed
    quiet: int = 0               # steps until a refused shot says so again

    def snapshot(self) -> tuple:
        return (self.alarm, self.hold, self.caught, self.timer, self.wrong)


def setup(level: LevelState) -> Ward | None:
    """The ward of a level with an assassin among its NPCs (None elsewhere)."""
    if not any(n.role == "assassin" for n in level.npcs):
        return None
    marks = level.spec.markers
    spawn = level.player.body.feet
    slack = level.difficulty.cooldown
    return Ward(code=marks.get("code", spawn), doors=marks.get("doors", spawn),
                draw_steps=max(30, round(DRAW_STEPS * slack)), pace=CALM / math.sqrt(slack))


def assassin(level: LevelState) -> Npc | None:
    return next((n for n in level.npcs if n.role == "assassin"), None)


def alarm(level: LevelState) -> None:
    """The alarm: the nurses hurry to the code, the assassin walks for the doors."""
    ward = level.ward
    if ward is None or ward.alarm:
        return
    ward.alarm = True
    level.flags["alarm"] = True
    level.emit_sound("horn")
    level.shake = max(level.shake, 2.0)
    nurses = [n for n in level.npcs if n.role == "nurse" and n.state in ("stand", "walk")]
    for i, n in enumerate(nurses):
        npcs.send(n, _spot(ward, i), HURRY[i % len(HURRY)])
    killer = assassin(level)
    if killer is not None and killer.state in ("stand", "walk"):
        npcs.send(killer, ward.doors, ward.pace)


def _spot(ward: Ward, i: int) -> tuple[float, float]:
    """Where the i-th nurse stops at the code: a loose crowd round the marker, not one point."""
    cx, cy = ward.code
    return (cx + ((i % 4) - 1.5) * 10.0, cy + ((i // 4) % 3 - 1) * 9.0)


def intercept(level: LevelState, frame: InputFrame) -> InputFrame:
    """Before Danko steps: his holds and grabs, and the one shot allowed (at the assassin's draw)."""
    ward = level.ward
    if ward is None:
        return frame
    p = level.player
    if ward.hold > 0:
        ward.hold -= 1
        if ward.hold == 0:
            _release(level, ward)
        return InputFrame()
    pressed = int(frame.pressed)
    ward.quiet = max(0, ward.quiet - 1)
    if pressed & SHOOT_BITS and ward.caught == "draw" and p.state == "free":
        _shoot_her(level, ward)
    elif pressed & SHOOT_BITS and p.armed and not ward.quiet:
        ward.quiet = 90  # a hospital full of nurses: he keeps the gun down
        fx, fy = p.body.feet
        level.effects.append(Effect("text", fx, fy - 30, 60, text="NOT HERE. NOT YET."))
    elif pressed & GRAB_BITS and p.state == "free" and ward.caught in ("", "fled"):
        target = grab_target(level)
        if target is not None:
            _grab(level, ward, target)
            return InputFrame()
    keep = ~(GRAB_BITS | SHOOT_BITS)
    if not (frame.held | frame.pressed) & ~keep:
        return frame  # nothing to take out (most steps): the frame as it is, not an equal new one
    return InputFrame(held=frame.held & keep, pressed=frame.pressed & keep)


def grab_target(level: LevelState) -> Npc | None:
    """The nurse Danko's grab would take: the nearest one on her feet within reach."""
    fx, fy = level.player.body.feet
    best, best_d = None, REACH
    for n in level.npcs:
        if n.role in ("nurse", "assassin") and n.state in ("stand", "walk"):
            d = math.hypot(n.x - fx, n.y - fy)
            if d < best_d:
                best, best_d = n, d
    return best


def _grab(level: LevelState, ward: Ward, n: Npc) -> None:
    p = level.player
    p.body.vx = p.body.vy = 0.0
    p.body.face(n.x - p.body.feet[0], n.y - p.body.feet[1])
    ward.held = n
    n.state, n.timer = "held", 0
    n.facing = npcs.facing_of(p.body.feet[0] - n.x, p.body.feet[1] - n.y, n.facing)
    level.emit_sound("hit")
    if n.role == "assassin":
        ward.caught, ward.timer = "struggle", 0
        ward.hold = STRUGGLE_STEPS
        level.effects.append(Effect("text", n.x, n.y - 30, 40, text="CAUGHT!"))
        return
    ward.wrong += 1
    ward.hold = HOLD_STEPS
    level.effects.append(Effect("text", n.x, n.y - 30, HOLD_STEPS, text="LET GO OF ME!"))


def _release(level: LevelState, ward: Ward) -> None:
    n = ward.held
    ward.held = None
    if n is None:
        return
    if n.role == "assassin":
        # She twists free and draws on him.
        ward.caught, ward.timer = "draw", 0
        n.state = "draw"
        px, py = level.player.body.feet
        n.facing = npcs.facing_of(px - n.x, py - n.y, n.facing)
        level.effects.append(Effect("text", n.x, n.y - 30, ward.draw_steps, text="VISITING HOURS ARE OVER."))
        level.emit_sound("click")
        return
    if ward.alarm:
        npcs.send(n, _spot(ward, level.npcs.index(n)), HURRY[0])
    else:
        n.state = "stand"


def _shoot_her(level: LevelState, ward: Ward) -> None:
    killer = assassin(level)
    p = level.player
    if killer is None:
        return
    fx, fy = p.body.feet
    aim = unit(killer.x - fx, killer.y - fy)
    p.body.face(*aim)
    ox, oy = fx + aim[0] * 6, fy - 10 + aim[1] * 6
    level.effects.append(Effect("flash", ox, oy, 5))
    level.effects.append(Effect("tracer", ox, oy, 6, x2=killer.x, y2=killer.y - 10))
    level.emit_sound("gunshot")
    level.shake = max(level.shake, 3.0)
    killer.state, killer.goal = "fallen", None
    level.effects.append(Effect("dust", killer.x, killer.y, 16))
    ward.caught, ward.timer = "shot", 0
    level.flags["assassin_down"] = True
    log.info("step %d: the assassin shot (%d innocents grabbed)", level.steps, ward.wrong)


def step(level: LevelState) -> None:
    """After the walkers moved: looks round, the crush round Danko, her draw, and the doors."""
    ward = level.ward
    if ward is None or level.outcome is not None:
        return
    ward.timer += 1
    killer = assassin(level)
    for i, n in enumerate(level.npcs):
        if n.role == "nurse" and n.state == "walk" and (n.timer + 13 * i) % GLANCE_EVERY < 10:
            n.facing = "down" if (n.timer // GLANCE_EVERY + i) % 2 else "up"  # a look round
    _jostle(level)
    if killer is None:
        return
    if ward.caught == "draw":
        if ward.timer >= ward.draw_steps:
            _her_shot(level, ward, killer)
        return
    if killer.state in ("walk", "flee") and math.hypot(killer.x - ward.doors[0], killer.y - ward.doors[1]) < 8:
        killer.state = "gone"
        level.outcome = LOST
        level.objective = "She got away"
        log.info("step %d: the assassin left the building", level.steps)


def _her_shot(level: LevelState, ward: Ward, killer: Npc) -> None:
    """Danko did not shoot first: she fires, he goes down, and she runs for the doors."""
    fx, fy = level.player.body.feet
    aim = unit(fx - killer.x, fy - killer.y)
    level.effects.append(Effect("flash", killer.x + aim[0] * 7, killer.y - 10 + aim[1] * 7, 5))
    level.emit_sound("derringer")
    if level.player.vulnerable:
        hurt_player(level, SHOT, aim[0], aim[1], SHOT_DAMAGE)
    ward.caught, ward.timer = "fled", 0
    npcs.send(killer, ward.doors, RUN)


def _jostle(level: LevelState) -> None:
    """Nurses hurrying past slow Danko down and step round him."""
    p = level.player
    fx, fy = p.body.feet
    for n in level.npcs:
        if n.role in ("nurse", "assassin") and n.state == "walk":
            dx, dy = n.x - fx, n.y - fy
            if abs(dx) < 9 and abs(dy) < 7:
                p.body.vx *= JOSTLE
                p.body.vy *= JOSTLE
                side = 1.0 if dy >= 0 else -1.0
                n.y += side * 0.6
