"""The level's scripted beats: what a trigger does when it fires (dialogue, wave, flag, objective) and the
small script interpreter its commands run on (wait, dialogue, walk, flee, fight, shoot, fall, arm, wound,
alarm, alert, drive, win, ...)."""
from __future__ import annotations

import logging

from game.actors.combat import Attack
from game.actors.enemies import Enemy
from game.actors.objects import Command
from game.modes.events import Dialogue, ObjectiveChanged
from game.modes.level import aiming, buses, escape, npcs, ward
from game.modes.level.outcome import WON
from game.modes.level.state import Effect, LevelState, Npc, Script
from game.modes.level.strikes import hurt_player

log = logging.getLogger(__name__)

# A scripted shot at Danko (Rostavili's derringer at the sting): it floors him, and never kills him.
SCRIPTED_SHOT = Attack("derringer", 0, 1, 0, 35, 0, 0, knockback=3.0, hitstun=24, hitstop=6, knockdown=True)


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
    if not level.scripts:
        return
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
    elif name == "arm":
        arm(level)
    elif name == "wound":
        wound(level)
    elif name == "alarm":
        ward.alarm(level)
    elif name == "drive":
        buses.depart(level, args[0], args[1])
    elif name == "escape":
        escape.start(level, int(args[0]))
    elif name == "aim":  # the shot to come, shown: game/modes/level/aiming.py
        target = None if args[1].lower() == "danko" else actor(level, args[1])
        aiming.aim(level, actor(level, args[0]), target, int(args[2]))
    elif name == "alert":  # everyone standing about in play turns on Danko
        for e in level.live:
            if e.hostile and e.state == "idle":
                e.make_aggro()
    else:
        actor_command(level, name, args)


def actor_command(level: LevelState, name: str, args: tuple[str, ...]) -> None:
    who = actor(level, args[0])
    if who is None:
        log.warning("script: no actor named %r", args[0])
        return
    if isinstance(who, Npc):
        if name == "fall":
            who.state, who.goal = "fallen", None
            level.effects.append(Effect("dust", who.x, who.y, 16))
        elif name == "appear":
            who.state = "stand"
        elif name in ("walk", "flee"):
            npcs.send(who, level.spec.markers[args[1]], vanish=name == "flee")
        elif name == "shoot":
            shoot(level, who, args[1])
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


def arm(level: LevelState) -> None:
    """Danko gets his pistol (the map's `ammo` rounds): the sting hands it to him after the leg."""
    p = level.player
    if not p.armed:
        p.arm(int(level.tilemap.properties.get("ammo", 8)))  # a magazine loaded, the rest carried
    level.flags["has_gun"] = True


def wound(level: LevelState) -> None:
    """Danko is hit and stays down (the sting's end: "recovering from his injuries"); never a life lost."""
    p = level.player
    p.health = max(1, p.health // 3)
    p.state, p.timer, p.stun, p.attack, p.buffered = "down", 0, 10 ** 6, None, None
    p.body.vx = p.body.vy = 0.0
    fx, fy = p.body.feet
    level.effects.append(Effect("spark", fx, fy - 12, 8))
    level.effects.append(Effect("dust", fx, fy, 16))
    level.shake = max(level.shake, 4.0)
    level.emit_sound("down")


def shoot(level: LevelState, shooter: Enemy | Npc, target_name: str) -> None:
    """A scripted shot (the sting's derringer): always lands; `danko` names the player."""
    target = actor(level, target_name) if target_name.lower() != "danko" else None
    aim, (ox, oy), (tx, ty) = aiming.take_aim(level, shooter, target)
    level.effects.append(Effect("flash", ox, oy, 6))
    level.effects.append(Effect("tracer", ox, oy, 6, x2=tx, y2=ty))
    level.emit_sound("derringer")
    level.shake = max(level.shake, 3.0)
    if isinstance(target, Npc):
        target.state, target.goal = "fallen", None
    elif isinstance(target, Enemy):
        target._die(aim[0], aim[1], 2.0)
    elif level.player.vulnerable and level.player.health > 2:  # Danko: floored, never by the last blow
        dealt = min(SCRIPTED_SHOT.damage, max(0, level.player.health - 2))  # rounding keeps him up
        hurt_player(level, SCRIPTED_SHOT, aim[0], aim[1], round(dealt / level.difficulty.damage_taken))
