"""Searching a beaten man: an enemy with a `search` flag (the sting's courier) stays lying where he fell,
and Danko's grab button beside him searches him: the film's wooden leg comes off and the packets of
cocaine hidden in it spill on the snow. The grab press is used up (no shoulder charge); the flag is set."""
from __future__ import annotations

import logging
import math

from game.actors.objects import LevelSpec
from game.input.actions import Action, InputFrame
from game.modes.level.state import Effect, LevelState, Npc

log = logging.getLogger(__name__)

REACH = 24.0          # px from Danko's feet to the body's for the grab to take hold
PROMPT = "search"     # the word the view shows after the grab key's name
PACKETS = ((-14, 4), (-8, 9), (-2, 3), (5, 10), (11, 5), (16, 11), (-11, 13), (8, 1))
EVIDENCE_STEPS = 60 * 60 * 10  # the packets stay on the snow for the rest of the level


def couriers_in(spec: LevelSpec) -> bool:
    """Whether any enemy of the map has something to find (else no body is ever left to search)."""
    return any(s.search for s in spec.enemies)


def _searchable(level: LevelState) -> dict[int, str]:
    """The flag each searchable enemy's id sets (read-only), worked out once per map."""
    kept = level.searchable
    if kept is None or kept[0] is not level.spec:
        kept = level.searchable = (level.spec, {s.id: s.search for s in level.spec.enemies if s.search}, None, 0, ())
    return kept[1]


def _couriers(level: LevelState, wanted: dict[int, str]) -> tuple:
    """The enemies of `level.enemies` whose id is searchable, in its order (kept while that list is)."""
    kept = level.searchable
    enemies = level.enemies
    if kept[2] is not enemies or kept[3] != len(enemies):
        kept = level.searchable = kept[:2] + (enemies, len(enemies), tuple(e for e in enemies if e.id in wanted))
    return kept[4]


def bodies(level: LevelState) -> None:
    """A beaten enemy who has something to find leaves his body behind (an NPC lying where he fell)."""
    wanted = _searchable(level)
    if not wanted:
        return
    for e in _couriers(level, wanted):
        if e.hp <= 0 and not any(n.name == _body_name(e.id) for n in level.npcs):
            fx, fy = e.body.feet
            level.npcs.append(Npc(_body_name(e.id), e.kind.sprite, fx, fy, "fallen", e.body.facing,
                                  role="searchable"))


def _body_name(enemy_id: int) -> str:
    return f"body{enemy_id}"


def nearest_body(level: LevelState) -> Npc | None:
    """The unsearched body within reach of Danko's feet, if any."""
    best, best_d = None, REACH
    feet = None
    for n in level.npcs:
        if n.role == "searchable":
            if feet is None:  # (worked out only where there is a body: most levels have none)
                fx, fy = feet = level.player.body.feet
            d = math.hypot(n.x - fx, n.y - fy)
            if d < best_d:
                best, best_d = n, d
    return best


def intercept(level: LevelState, frame: InputFrame) -> InputFrame:
    """Before Danko steps: a grab press beside a body searches it (and is used up); near one, a prompt."""
    if level.player.state != "free" or not _searchable(level):  # (no searchable enemy: no body to search)
        return frame
    body = nearest_body(level)
    if body is None:
        return frame
    level.effects.append(Effect("prompt", body.x, body.y - 26, 2, text=PROMPT))
    if not frame.was_pressed(Action.SPECIAL):
        return frame
    search(level, body)
    special = int(Action.SPECIAL)
    return InputFrame(held=frame.held & ~special, pressed=frame.pressed & ~special)


def search(level: LevelState, body: Npc) -> None:
    """The leg comes off: wood, and packed with cocaine. Sets the enemy's `search` flag."""
    body.role = "searched"
    enemy_id = int(body.name[len("body"):])
    flag = _searchable(level)[enemy_id]
    level.flags[flag] = True
    level.effects.append(Effect("leg", body.x + 10, body.y - 2, EVIDENCE_STEPS))
    for dx, dy in PACKETS:
        level.effects.append(Effect("packet", body.x + dx, body.y + dy - 4, EVIDENCE_STEPS))
    level.effects.append(Effect("text", body.x, body.y - 30, 90, text="A WOODEN LEG!"))
    level.shake = max(level.shake, 2.0)
    level.emit_sound("knockdown")
    log.info("step %d: the courier's leg searched, flag %s", level.steps, flag)
