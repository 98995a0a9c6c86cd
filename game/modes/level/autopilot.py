"""An autopilot for the action levels: walks to the objectives and fights, using only what a player
sees (positions, tells, the map). It produces held-input masks, so its runs record as replays.

`python -m game autoplay LEVEL [--difficulty easy|normal|hard]` exits 0 when it won. It proves each
level can be finished; its recorded run on normal is the replay stored in tests/replays/.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field


from game.actors.combat import unit
from game.actors.enemies import OUT, Enemy
from game.input.actions import Action, EdgeTracker
from game.modes.level import escape_pilot, goals, search, ward_pilot
from game.modes.level.hazards import vents
from game.modes.level.sight import Sight
from game.modes.level.sim import LevelSim
from game.world.navigation import UNREACHABLE, FlowField

log = logging.getLogger(__name__)

ENGAGE_RANGE = 150.0
STRIKE_RANGE = 17.0
PRESS_EVERY = 7
INTERRUPT_MARGIN = 14  # steps a heavy's slam must still be off for a kick to beat it
LOOK_CELLS = 4  # cells down the flow field the walker may aim at when it sees them
TURN_CELLS = 3  # a right-angle turn (a doorway off a corridor) this close is taken on the diagonal
_UP, _DOWN, _LEFT, _RIGHT = int(Action.UP), int(Action.DOWN), int(Action.LEFT), int(Action.RIGHT)
_BUTTONS = int(Action.PUNCH | Action.KICK | Action.SHOOT | Action.SPECIAL)
_PUNCH, _KICK, _SHOOT, _SPECIAL = int(Action.PUNCH), int(Action.KICK), int(Action.SHOOT), int(Action.SPECIAL)
_WANDER = (_UP, _RIGHT, _DOWN, _LEFT)  # the unsticking walk, a quarter second each way


@dataclass
class Autopilot:
    sim: LevelSim
    masks: list[int] = field(default_factory=list)
    _fields: dict[tuple, FlowField] = field(default_factory=dict)
    _solid_version: int = 0
    _last_pos: tuple[float, float] = (0.0, 0.0)
    _stuck: int = 0
    _target_id: int | None = None
    # The last walk's inputs (Danko's box, the goal, the grid and its walls' era) and answer: while Danko
    # stands still (pinned, in a crowd) the same rays would be cast again for the same keys.
    _walk: tuple | None = None
    _sight: Sight = field(default_factory=Sight)  # free boxes answer the walker's corner rays in a group
    _vents: tuple | None = None  # the vents blowing or about to, and till when (hazards.vents)

    def decide(self) -> int:
        sim = self.sim
        p = sim.player
        if p.state in ("dead", "down"):
            return 0
        step = sim.steps
        b = p.body
        fx, fy = b.x + b.w / 2, b.y + b.h  # (Body.feet, inlined on the autopilot's path)
        if sim.spec.hazards:
            out = self._off_vents(step, fx, fy)
            if out is not None:
                return out
        if sim.ward is not None:  # (ward_pilot and escape_pilot answer None on a level without either)
            hospital = ward_pilot.decide(self)
            if hospital is not None:
                return hospital
        if sim.escape is not None:
            running = escape_pilot.decide(self)  # a timed escape: for the exit that stays open long enough
            if running is not None:
                return running
        enemy = self._pick_enemy()
        if enemy is not None:
            return self._fight(enemy)
        body = next((n for n in sim.npcs if n.role == "searchable"), None) if sim.couriers else None
        if body is not None:  # a beaten courier to search: walk up and grab
            if math.hypot(body.x - fx, body.y - fy) < search.REACH - 6:
                return _SPECIAL if step % 2 == 0 else 0
            return self._go(body.x, body.y)
        if p.health < 60:
            item = self._nearest_pickup("first_aid")
            if item is not None:
                return self._go(item.x, item.y + 3)
        goal = self._objective()
        if goal is None:
            return 0
        return self._go(*goal)

    def _off_vents(self, step: int, fx: float, fy: float) -> int | None:
        """Keys out of a vent that is about to blow or blowing (phase_at(step + 20) is not "off"), if
        Danko (feet at fx, fy) stands near one."""
        hazards = self.sim.spec.hazards
        kept = self._vents
        if kept is None or kept[0] is not hazards or not kept[1] <= step + 20 < kept[2]:
            kept = self._vents = vents(hazards, step + 20, warned=True)
        if kept[3]:
            b = self.sim.player.body  # h.rect.contains_box(b.box grown by 6 px), inlined: the same sums
            x0, y0 = b.x - 6, b.y - 6
            x1, y1 = x0 + (b.w + 2 * 6), y0 + (b.h + 2 * 6)
            for h in kept[3]:
                r = h.rect
                if x0 < r.x + r.w and r.x < x1 and y0 < r.y + r.h and r.y < y1:
                    cx, cy = r.center
                    return _keys(fx - cx or 1.0, fy - cy)
        return None

    # --- fighting ----------------------------------------------------------------------------
    def _pick_enemy(self) -> Enemy | None:
        sim = self.sim
        pb = sim.player.body
        fx, fy = pb.x + pb.w / 2, pb.y + pb.h
        best, best_d = None, ENGAGE_RANGE
        nearest, nearest_d = None, 0.0  # the nearest aggressive enemy anywhere (the first of equals)
        for e in sim.live:
            # Only an aggressive enemy is picked (the cheap test first; e.active, inlined).
            if not (e.aggro and e.hostile and e.hp > 0 and e.state not in OUT):
                continue
            b = e.body
            ex, ey = b.x + b.w / 2, b.y + b.h  # its feet
            d = math.hypot(ex - fx, ey - fy)
            if nearest is None or d < nearest_d:
                nearest, nearest_d = e, d
            if e.id == self._target_id:
                d -= 25  # stick with the current target unless another is much closer
            if e.kind.gun is not None:
                d -= 40  # gunmen first: they are fragile and dangerous at range
            elif e.kind.armored:
                d += 30  # the heavy last
            if d < best_d and (d < 60 or sim.grid.line_of_sight(fx, fy - 3, ex, ey - 3)):
                best, best_d = e, d
        if best is None:
            best = nearest  # nobody close in sight: hunt the nearest aggressive enemy wherever it is
        self._target_id = best.id if best is not None else None
        return best

    def _fight(self, e: Enemy) -> int:
        sim = self.sim
        p = sim.player
        pb, eb = p.body, e.body
        fx, fy = pb.x + pb.w / 2, pb.y + pb.h
        ex, ey = eb.x + eb.w / 2, eb.y + eb.h
        dx, dy = ex - fx, ey - fy
        dist = math.hypot(dx, dy)
        step = sim.steps
        # The pistol for gunmen and Rostavili, from a distance, when lined up on one of 8 directions.
        if (p.armed and p.ammo > 0 and e.hittable and 30 < dist < 180 and p.state == "free"
                and (e.kind.gun is not None or e.kind.armored) and p.shot_cooldown == 0
                and sim.grid.line_of_sight(fx, fy - 3, ex, ey - 3)):
            return _keys(dx, dy) | (_SHOOT if step % 2 == 0 else 0)
        # Bullets in flight toward us: step off their line.
        for b in sim.bullets:
            bdx, bdy = fx - b.x, fy - 10 - b.y
            if bdx * b.vx + bdy * b.vy > 0 and math.hypot(bdx, bdy) < 90:
                ux, uy = unit(b.vx, b.vy)
                if abs(bdx * uy - bdy * ux) < 12:
                    side = 1 if bdx * uy - bdy * ux >= 0 else -1
                    return _keys(uy * side, -ux * side)
        # Wind-ups aimed at us: hit first if we can interrupt, otherwise get out of reach.
        for other in sim.live:
            if other.state not in ("tell", "attack") or other.attack is None:
                continue
            ob = other.body
            ox, oy = ob.x + ob.w / 2, ob.y + ob.h
            odx, ody = fx - ox, fy - oy
            odist = math.hypot(odx, ody)
            a = other.attack
            if a.ranged:
                ax, ay = other.aim
                off_line = abs(odx * ay - ody * ax)
                locked = other.state == "tell" and other.timer > a.startup * 0.6
                if odist < 200 and locked and off_line < 16:
                    return _keys(-ay, ax) if self._clear_side(-ay, ax) else _keys(ay, -ax)
                continue
            danger = a.reach + a.size / 2 + a.lunge * a.active + 16
            if odist > danger + 14:
                continue
            if odist > danger:
                return 0  # just out of reach: let the blow whiff, then step in
            if other.state == "tell" and odist < STRIKE_RANGE + 2 and p.state == "free":
                # A landed blow breaks a wind-up: a jab for a thug, the knockdown kick for a heavy
                # while his slam is still far off (a heavy shrugs off punches).
                if not other.kind.armored:
                    return _keys(-odx, -ody) | (_PUNCH if step % 2 == 0 else 0)
                if other.timer < a.startup - INTERRUPT_MARGIN:
                    return _keys(-odx, -ody) | (_KICK if step % 2 == 0 else 0)
            if p.state == "free":
                if not self._clear_side(*unit(odx, ody)):
                    ax, ay = unit(odx, ody)
                    return _keys(-ay, ax) if self._clear_side(-ay, ax) else _keys(ay, -ax)
                return _keys(odx, ody)
        if not e.hittable:
            # Downed: wait beside it, not on top of it.
            if dist < 24:
                return _keys(-dx, -dy) if dist < 14 else 0
            return self._go(ex, ey)
        if dist > STRIKE_RANGE:
            side = -1 if dx > 0 else 1
            tx, ty = ex + side * 12, ey
            if dist > 60 or not sim.grid.line_of_sight(fx, fy - 3, ex, ey - 3):
                return self._go(ex, ey)
            return _keys(tx - fx, ty - fy)
        if e.kind.armored:
            # Punches bounce off a heavy: open with the knockdown kick, and keep out of his slam.
            if e.state == "tell":
                return _keys(-dx, -dy)
            press = _KICK if step % PRESS_EVERY == 0 else 0
            return _keys(dx, dy) | press
        press = _PUNCH if step % PRESS_EVERY == 0 else 0
        return _keys(dx, dy) | press

    def _clear_side(self, dx: float, dy: float) -> bool:
        fx, fy = self.sim.player.body.feet
        return self.sim.grid.line_of_sight(fx, fy - 3, fx + dx * 20, fy - 3 + dy * 20)

    # --- walking -----------------------------------------------------------------------------
    def _nearest_pickup(self, kind: str):
        sim = self.sim
        fx, fy = sim.player.body.feet
        items = [i for i in sim.pickups if not i.taken and i.kind == kind
                 and math.hypot(i.x - fx, i.y - fy) < 220]
        return min(items, key=lambda i: math.hypot(i.x - fx, i.y - fy)) if items else None

    def _objective(self) -> tuple[float, float] | None:
        choices = goals.next_goals(self.sim)
        return min(choices, key=lambda c: self._path_length(*c)) if choices else None

    def _field(self, gx: float, gy: float) -> FlowField:
        sim = self.sim
        key = (int(gx // sim.tile), int(gy // sim.tile), tuple(sim.doors_open))
        if key not in self._fields:
            if len(self._fields) > 64:
                self._fields.clear()
            self._fields[key] = sim.flows.store.field(sim.solid, key[:2])  # over the walls as they are now
        return self._fields[key]

    def _path_length(self, gx: float, gy: float) -> float:
        fx, fy = self.sim.player.body.feet
        d = self._field(gx, gy).steps(int(fx // self.sim.tile), int((fy - 1) // self.sim.tile))
        return float(d) if d < UNREACHABLE else 1e9

    def _go(self, gx: float, gy: float) -> int:
        sim = self.sim
        b = sim.player.body
        fx, fy = b.x + b.w / 2, b.y + b.h
        t = sim.tile
        moved = math.hypot(fx - self._last_pos[0], fy - self._last_pos[1])
        self._last_pos = (fx, fy)
        self._stuck = self._stuck + 1 if moved < 0.05 else 0
        if self._stuck > 30:
            k = (sim.steps // 15) % 4
            return _WANDER[k]
        grid = sim.grid
        at = (b.x, b.y, b.w, b.h, gx, gy, grid, grid.era)
        walk = self._walk
        if walk is not None and walk[0] == at:  # as on the last walk: its answer, if the field is too
            if walk[1] is None:
                return walk[3]
            if self._field(gx, gy) is walk[1]:
                return walk[2]
        # Near and in sight of both corners of the feet box (the cheap test first: rays cost).
        if math.hypot(gx - fx, gy - fy) < 120 and (
                self._sight.boxes_clear(grid, b.x + 1, b.y + 1, b.x + b.w - 1, b.y + b.h - 1, gx, gy - 3, gx, gy - 3)
                or grid.line_of_sight(b.x + 1, b.y + 1, gx, gy - 3)
                and grid.line_of_sight(b.x + b.w - 1, b.y + b.h - 1, gx, gy - 3)):
            keys = _keys(gx - fx, gy - fy)
            self._walk = (at, None, None, keys)
            return keys
        field = self._field(gx, gy)
        keys = self._follow(field, gx, gy)
        self._walk = (at, field, keys, None)
        return keys

    def _follow(self, field: FlowField, gx: float, gy: float) -> int:
        """`_go`'s keys down `field` toward (gx, gy) from where Danko stands."""
        sim = self.sim
        b = sim.player.body
        fx, fy = b.x + b.w / 2, b.y + b.h
        t = sim.tile
        col, row = int(fx // t), int((fy - 1) // t)
        best = field.direction(col, row)
        if best == (0, 0):
            return _keys(gx - fx, gy - fy)
        slant = _turn_slant(field, col, row)
        if slant:
            return slant
        # Aim for the furthest cell down the path that the whole feet box sees (at most LOOK_CELLS on),
        # so doorways are walked into on a slant, as a person does, rather than lined up to the pixel.
        tx, ty = (col + best[0] + 0.5) * t, (row + best[1] + 0.5) * t + b.h / 2
        c, r = col + best[0], row + best[1]
        grid, sight = sim.grid, self._sight
        for _ in range(LOOK_CELLS - 1):
            dc, dr = field.direction(c, r)
            if (dc, dr) == (0, 0):
                break
            c, r = c + dc, r + dr
            cx, cy = (c + 0.5) * t, (r + 0.5) * t + b.h / 2
            x0, x1, y0, y1 = cx - b.w / 2 + 1, cx + b.w / 2 - 1, cy - b.h + 1, cy - 1  # the box there
            if not (sight.boxes_clear(grid, b.x + 1, b.y + 1, b.x + b.w - 1, b.y + b.h - 1, x0, y0, x1, y1)
                    or (grid.line_of_sight(b.x + 1, b.y + 1, x0, y0)
                        and grid.line_of_sight(b.x + b.w - 1, b.y + b.h - 1, x1, y1)
                        and grid.line_of_sight(b.x + b.w - 1, b.y + 1, x1, y0)
                        and grid.line_of_sight(b.x + 1, b.y + b.h - 1, x0, y1))):
                break
            tx, ty = cx, cy
        return _keys(tx - fx, ty - fy)


def _turn_slant(field: FlowField, col: int, row: int) -> int:
    """Keys for a right-angle turn of the path within TURN_CELLS (a doorway in the wall being walked
    along): the diagonal of the way there and the way through, held early so the wall slides the walker
    into the opening. A person does this; a late hand gets through too, where lining up does not."""
    first = field.direction(col, row)
    if first[0] and first[1]:
        return 0
    c, r = col, row
    for _ in range(TURN_CELLS):
        d = field.direction(c, r)
        if d == (0, 0):
            return 0
        if d != first:
            square = d[0] * first[0] + d[1] * first[1] == 0 and not (d[0] and d[1])
            return _keys(first[0] + d[0], first[1] + d[1]) if square else 0
        c, r = c + d[0], r + d[1]
    return 0


def _keys(dx: float, dy: float) -> int:
    """Direction keys for a wish vector (8-way, with a dead zone so it does not jitter)."""
    length = math.hypot(dx, dy)
    if length < 0.5:
        return 0
    mask = 0  # plain ints: IntFlag arithmetic costs a Python call per `|`
    if dx > 0.38 * length:
        mask = _RIGHT
    elif dx < -0.38 * length:
        mask = _LEFT
    if dy > 0.38 * length:
        mask |= _DOWN
    elif dy < -0.38 * length:
        mask |= _UP
    return mask


def autoplay(sim: LevelSim, max_steps: int) -> tuple[str, list[int]]:
    """Play until the level ends or `max_steps` pass; returns the outcome and the held masks."""
    pilot = Autopilot(sim)
    edges = EdgeTracker()
    masks: list[int] = []
    last = 0
    while sim.steps < max_steps:
        mask = pilot.decide()
        # A press only counts on its first step: release attack buttons held from the last step.
        mask &= ~(last & _BUTTONS)
        masks.append(mask)
        last = mask
        outcome = sim.step(edges.frame(mask))
        if outcome is not None:
            return outcome, masks
    return "timeout", masks
