"""The level's props as Danko meets them: pickups (first aid, ammo), doors that open on a story flag, and
the triggers that fire a beat when he walks in (and, if they ask, once the area is clear)."""
from __future__ import annotations

import logging

from game.actors.combat import boxes_overlap
from game.actors.objects import Rect
from game.modes.level.script import fire
from game.modes.level.state import Effect, LevelState, Script

log = logging.getLogger(__name__)

PICKUP_SIZE = 12.0
FIRST_AID = 40
AMMO_CLIP = 6


def collect_pickups(level: LevelState) -> None:
    """Danko takes a pickup he touches, unless it would do nothing (full health, full or no gun)."""
    p = level.player
    if p.state == "dead":
        return
    box = p.body.box
    for item in level.pickups:
        if item.taken:
            continue
        half = PICKUP_SIZE / 2
        if not boxes_overlap(box, (item.x - half, item.y - half, PICKUP_SIZE, PICKUP_SIZE)):
            continue
        if item.kind == "first_aid" and p.health < p.tuning.max_health:
            p.health = min(p.tuning.max_health, p.health + FIRST_AID)
        elif item.kind == "ammo" and p.armed and p.ammo < p.tuning.max_ammo:
            p.gain_ammo(AMMO_CLIP)
        else:
            continue
        item.taken = True
        level.emit_sound("pickup")
        level.effects.append(Effect("text", item.x, item.y - 8, 40,
                                    text="+HEALTH" if item.kind == "first_aid" else "+AMMO"))


def set_door(level: LevelState, rect: Rect, closed: bool) -> None:
    """Close (wall) or open (back to the map's own walls) the cells under a door; flow fields are rebuilt."""
    level.set_walls(rect, closed)


def setup_doors(level: LevelState) -> None:
    """At the start: doors that start closed are walls, the others count as open."""
    for door in level.spec.doors:
        if door.starts_closed:
            set_door(level, door.rect, True)
        else:
            level.doors_open.append(door.id)


def close_doors(level: LevelState) -> None:
    """After a reload: doors that start closed and were not opened yet are walls again."""
    for door in level.spec.doors:
        if door.starts_closed and door.id not in level.doors_open:
            set_door(level, door.rect, True)


def open_doors(level: LevelState) -> None:
    """A closed door whose flag the story has set swings open."""
    for door in level.spec.doors:
        if door.id not in level.doors_open and door.flag and level.flags.get(door.flag):
            level.doors_open.append(door.id)
            set_door(level, door.rect, False)
            level.emit_sound("door")


def check_triggers(level: LevelState) -> None:
    """Fire each trigger once, when Danko is inside it and its flag and clear-area conditions hold."""
    pbox = level.player.body.box
    clear: bool | None = None
    for t in level.spec.triggers:
        if t.id in level.fired:
            continue
        if t.rect is not None and not t.rect.contains_box(pbox) and not (t.after and level.steps >= t.after):
            continue
        if not level.flag_met(t.requires_flag):
            continue
        if t.requires_clear:
            if clear is None:
                clear = level.area_clear
            if not clear:
                continue
        level.fired.append(t.id)
        level.checkpoint_due = level.checkpoint_due or t.checkpoint
        fire(level, t.beat, t.dialogue, t.wave, t.set_flag, t.objective)
        if t.script:
            level.scripts.append(Script(t.beat, t.script))
        clear = None
