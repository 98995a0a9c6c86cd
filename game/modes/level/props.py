"""The level's props as Danko meets them: pickups (first aid, ammo), doors that open on a story flag, and
the triggers that fire a beat when he walks in (and, if they ask, once the area is clear)."""
from __future__ import annotations

import logging

from game.actors.objects import Rect
from game.modes.level.script import fire
from game.modes.level.state import Effect, LevelState, Script

log = logging.getLogger(__name__)

PICKUP_SIZE = 12.0
FIRST_AID = 40
AMMO_CLIP = 6


CLEAR_MARGIN = 1e-6  # px kept off the room `collect_pickups` works out: far more than any rounding of a box edge


def collect_pickups(level: LevelState) -> None:
    """Danko takes a pickup he touches, unless it would do nothing (full health, full or no gun).

    Each scan keeps how far his box may move on either axis before it could touch a pickup not taken yet
    (the least gap to one, less CLEAR_MARGIN): until it has, or a pickup is dropped, nothing is scanned."""
    p = level.player
    if p.state == "dead":
        return
    b = p.body
    bx, by = b.x, b.y
    pickups = level.pickups
    kept = level.pickups_clear  # (the list, its length, the box's x and y at the scan, the room)
    if (kept is not None and kept[0] is pickups and kept[1] == len(pickups)
            and -kept[4] < bx - kept[2] < kept[4] and -kept[4] < by - kept[3] < kept[4]):
        return
    bx1, by1 = bx + b.w, by + b.h
    half = PICKUP_SIZE / 2
    room = 1e9
    for item in pickups:
        if item.taken:
            continue
        ix, iy = item.x - half, item.y - half  # its box overlaps Danko's (boxes_overlap, inlined)
        if not (bx < ix + PICKUP_SIZE and ix < bx1 and by < iy + PICKUP_SIZE and iy < by1):
            gap = max(ix - bx1, bx - (ix + PICKUP_SIZE), iy - by1, by - (iy + PICKUP_SIZE))
            room = gap if gap < room else room
            continue
        room = 0.0  # touching one it did not take: asked again next step
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
    level.pickups_clear = (pickups, len(pickups), bx, by, room - CLEAR_MARGIN)


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
        if door.flag and level.flags.get(door.flag) and door.id not in level.doors_open:
            level.doors_open.append(door.id)
            set_door(level, door.rect, False)
            level.emit_sound("door")


def check_triggers(level: LevelState) -> None:
    """Fire each trigger once, when Danko is inside it and its flag and clear-area conditions hold."""
    b = level.player.body
    bx, by = b.x, b.y
    bx1, by1 = bx + b.w, by + b.h
    steps = level.steps
    flags = level.flags
    clear: bool | None = None
    fired_now = False
    for t, x0, y0, x1, y1, after, flag, needs_clear in _unfired(level):
        if fired_now and t.id in level.fired:  # (ids are unique in a map: never, but as it was)
            continue
        # Danko's box overlaps the trigger's rectangle (Rect.contains_box, inlined), or its time came.
        if x0 is not None and not (bx < x1 and x0 < bx1 and by < y1 and y0 < by1) and not (
                after and steps >= after):
            continue
        if flag and not flags.get(flag):  # level.flag_met, inlined
            continue
        if needs_clear:
            if clear is None:
                clear = level.area_clear
            if not clear:
                continue
        level.fired.append(t.id)
        fired_now = True
        level.checkpoint_due = level.checkpoint_due or t.checkpoint
        fire(level, t.beat, t.dialogue, t.wave, t.set_flag, t.objective)
        if t.script:
            level.scripts.append(Script(t.beat, t.script))
        clear = None


def _unfired(level: LevelState) -> list[tuple]:
    """The triggers not fired yet in the map's order, each with its rectangle's edges (x0, y0, x1, y1;
    None without one), its `after`, `requires_flag` and `requires_clear`, worked out again only when one
    fires or the map is reloaded."""
    spec, fired = level.spec, level.fired
    kept = level.unfired_triggers
    if kept is None or kept[0] is not spec or kept[1] != len(fired):
        rows = [((t, None, None, None, None) if t.rect is None else
                 (t, t.rect.x, t.rect.y, t.rect.x + t.rect.w, t.rect.y + t.rect.h))
                + (t.after, t.requires_flag, t.requires_clear)
                for t in spec.triggers if t.id not in fired]
        kept = level.unfired_triggers = (spec, len(fired), rows)
    return kept[2]
