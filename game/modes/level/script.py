"""The level's scripted beats: what a trigger does when it fires (dialogue, wave, flag, objective) and the
small script interpreter its commands run on (wait, dialogue, walk, flee, fight, shoot, fall, win, ...)."""
from __future__ import annotations

import logging

from game.actors.combat import unit
from game.actors.enemies import Enemy
from game.actors.objects import Command
from game.modes.events import Dialogue, ObjectiveChanged
from game.modes.level.outcome import WON
from game.modes.level.state import Effect, LevelState, Npc, Script

log = logging.getLogger(__name__)


def fire(level: LevelState, beat: str, dialogue: str, wave: int, flag: str, objective: str) -> None:
    """A trigger's own effects, in order: its dialogue, its wave, its flag, its objective."""
    if dialogue:
        level.emit(Dialogue(beat, dialogue))
    if wave:
        spawn_wave(level, wave)
    if flag:
        level.flags[flag] = True
    if objective:
        set_objective(level, objective)


def set_objective(level: LevelState, text: str) -> None:
    level.objective = text
    level.emit(ObjectiveChanged(text))


def spawn_wave(level: LevelState, wave: int) -> None:
    """Bring the dormant hostile enemies of `wave` into play, already chasing."""
    for e in level.enemies:
        if e.wave == wave and e.state == "dormant" and e.hostile:
            bring_in(level, e)
            e.aggro = True
            e.state = "chase"
    level.emit_sound("wave")


def bring_in(level: LevelState, e: Enemy) -> None:
    e.state, e.timer = "idle", 0
    level.live.append(e)
    fx, fy = e.body.feet
    level.effects.append(Effect("dust", fx, fy, 16))


def actor(level: LevelState, name: str) -> Enemy | Npc | None:
    """The enemy (first) or NPC a script names, case-insensitively."""
    key = name.lower()
    for e in level.enemies:
        if e.name.lower() == key:
            return e
    for n in level.npcs:
        if n.name.lower() == key:
            return n
    return None


def run(level: LevelState) -> None:
    """Advance every running script until it waits or ends; finished scripts are dropped."""
    for script in level.scripts:
        while script.pc < len(script.commands):
            if script.wait > 0:
                script.wait -= 1
                break
            c = script.commands[script.pc]
            script.pc += 1
            command(level, script, c)
    level.scripts = [s for s in level.scripts if s.pc < len(s.commands) or s.wait > 0]


def command(level: LevelState, script: Script, c: Command) -> None:
    name, args = c.name, c.args
    if name == "wait":
        script.wait = int(args[0])
    elif name == "dialogue":
        level.emit(Dialogue(script.beat, args[0]))
    elif name == "objective":
        set_objective(level, args[0])
    elif name == "flag":
        level.flags[args[0]] = True
    elif name == "unflag":
        level.flags[args[0]] = False
    elif name == "sound":
        level.emit_sound(args[0])
    elif name == "shake":
        level.shake = max(level.shake, float(args[0]))
    elif name == "win":
        level.outcome = WON
    elif name == "wave":
        spawn_wave(level, int(args[0]))
    else:
        actor_command(level, name, args)


def actor_command(level: LevelState, name: str, args: tuple[str, ...]) -> None:
    who = actor(level, args[0])
    if who is None:
        log.warning("script: no actor named %r", args[0])
        return
    if isinstance(who, Npc):
        if name == "fall":
            who.state = "fallen"
            level.effects.append(Effect("dust", who.x, who.y, 16))
        elif name == "appear":
            who.state = "stand"
        return
    if name == "appear" and who.state == "dormant":
        bring_in(level, who)
        who.state = "passive"
    elif name in ("walk", "flee"):
        if who.state == "dormant":
            bring_in(level, who)
        mx, my = level.spec.markers[args[1]]
        who.goal, who.vanish = (mx, my), name == "flee"
        who.hostile = False
        who.state, who.timer = "script", 0
    elif name == "fight":
        if who.state == "dormant":
            bring_in(level, who)
        who.hostile, who.aggro = True, True
        who.state, who.timer = "chase", 0
    elif name == "fall":
        who._die(0.0, 1.0, 0.0)
    elif name == "shoot":
        shoot(level, who, args[1])


def shoot(level: LevelState, shooter: Enemy, target_name: str) -> None:
    """A scripted shot (the sting's derringer): always lands; `danko` names the player."""
    target = actor(level, target_name) if target_name.lower() != "danko" else None
    ax, ay = shooter.body.feet
    tx, ty = (target.x, target.y) if isinstance(target, Npc) else (
        target.body.feet if isinstance(target, Enemy) else level.player.body.feet)
    shooter.aim = unit(tx - ax, ty - ay)
    shooter.body.face(*shooter.aim)
    ox, oy = ax + shooter.aim[0] * 7, ay - 10 + shooter.aim[1] * 7
    level.effects.append(Effect("flash", ox, oy, 6))
    level.effects.append(Effect("tracer", ox, oy, 6, x2=tx, y2=ty - 10))
    level.emit_sound("derringer")
    level.shake = max(level.shake, 3.0)
    if isinstance(target, Npc):
        target.state = "fallen"
    elif isinstance(target, Enemy):
        target._die(shooter.aim[0], shooter.aim[1], 2.0)
