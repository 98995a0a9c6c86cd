"""The timed escape (Cat Manzetti's trap): a countdown started by the script command `escape STEPS`, the
`cutoff` ways out that close one after another at their announced steps, and the loss when the time runs
out or no open exit can be reached any more. Counts steps, never the wall clock.

Each step, after the scripts: a cutoff whose warning starts is announced (a sound; the HUD and the floor
show it); one whose step has come becomes a wall, unless someone stands in it (it closes the step they
leave), and then every open exit is checked for a way on foot from Danko.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from game.modes.level import outcome
from game.modes.level.cutoffs import CutoffSpec, read_cutoffs
from game.modes.level.outcome import LOST
from game.modes.level.state import LevelState
from game.world.navigation import UNREACHABLE, distance_map

log = logging.getLogger(__name__)

OUT_OF_TIME = "Time ran out"
CUT_OFF = "Every way out is cut off"
LOST_TITLE = "TRAPPED"


@dataclass
class Escape:
    start: int                          # the step the escape began
    steps: int                          # how long it lasts
    cutoffs: tuple[CutoffSpec, ...]
    warned: list[int] = field(default_factory=list)       # cutoff ids announced
    closed: dict[int, int] = field(default_factory=dict)  # cutoff id -> the step it closed
    cut_exits: list[int] = field(default_factory=list)    # exits out of reach since the last cutoff closed
    lost: str = ""                      # why the escape failed (the lose card's line)

    def elapsed(self, step: int) -> int:
        return step - self.start

    def left(self, step: int) -> int:
        """Steps of the escape left (0 when the time is up)."""
        return max(0, self.steps - self.elapsed(step))

    def phase(self, c: CutoffSpec, step: int) -> str:
        """open, warn (announced, closing soon), due (its step has come, someone stands in it), closed."""
        if c.id in self.closed:
            return "closed"
        t = self.elapsed(step)
        if t >= c.after:
            return "due"
        return "warn" if t >= c.warn_at else "open"

    def snapshot(self) -> tuple:
        return (self.start, self.steps, tuple(sorted(self.closed.items())), self.lost)


def of(level: LevelState) -> Escape | None:
    """The level's escape, once a script has started it."""
    return getattr(level, "escape", None)


def start(level: LevelState, steps: int) -> None:
    """`escape STEPS`: the countdown starts now; the map's cutoffs close at their steps from here."""
    level.escape = Escape(level.steps, max(1, steps), read_cutoffs(level.tilemap))  # type: ignore[attr-defined]
    level.emit_sound("wave")


def step(level: LevelState) -> None:
    """Announce, close and judge: the escape's share of the fixed step."""
    e = of(level)
    if e is None or level.outcome is not None or e.lost:
        return
    now = level.steps
    for c in e.cutoffs:
        phase = e.phase(c, now)
        if phase == "closed" and not level.solid[int(c.rect.y // level.tile), int(c.rect.x // level.tile)]:
            level.set_walls(c.rect, True)  # a hot reload gave the map's own cells back: it stays cut
        if phase == "warn" and c.id not in e.warned:
            e.warned.append(c.id)
            level.emit_sound("hiss")
        elif phase == "due" and not _occupied(level, c):
            close(level, e, c)
            if e.lost:
                return
    if e.left(now) <= 0:
        lose(level, e, OUT_OF_TIME)


def close(level: LevelState, e: Escape, c: CutoffSpec) -> None:
    """The way out is cut: its cells become a wall; with no open exit left in reach, the level is lost."""
    if c.id not in e.warned:
        e.warned.append(c.id)
    e.closed[c.id] = level.steps
    level.set_walls(c.rect, True)
    level.emit_sound("door")
    level.shake = max(level.shake, 2.0)
    reach = exits_in_reach(level)
    e.cut_exits = [x.id for x in level.spec.exits if x.id not in reach]
    if not reach:
        lose(level, e, CUT_OFF)


def lose(level: LevelState, e: Escape, why: str) -> None:
    e.lost = why
    level.outcome = LOST
    log.info("escape lost at step %d: %s", level.steps, why)


def exits_in_reach(level: LevelState) -> list[int]:
    """Ids of the open exits Danko can still walk to (closed cutoffs and doors are walls)."""
    t = level.tile
    fx, fy = level.player.body.feet
    dist = distance_map(~level.solid, (int(fx // t), int((fy - 1) // t)))
    out = []
    for x in level.spec.exits:
        if not outcome.exit_open(level, x.id):
            continue
        c0, r0, c1, r1 = x.rect.cells(t)
        area = dist[max(r0, 0):r1 + 1, max(c0, 0):c1 + 1]
        if area.size and (area < UNREACHABLE).any():
            out.append(x.id)
    return out


def lose_card(level: LevelState) -> dict[str, str]:
    """The lose card's title and line when the escape failed ("TRAPPED", why), else {} (a knockout)."""
    e = of(level)
    return {"title": LOST_TITLE, "reason": e.lost} if e is not None and e.lost else {}


def _occupied(level: LevelState, c: CutoffSpec) -> bool:
    """Someone on his feet stands in the cells that would close: Danko, Ridzik, or anyone alive in play."""
    bodies = [level.player.body] + ([level.partner.body] if level.partner is not None else [])
    bodies += [en.body for en in level.live if en.alive]
    return any(c.rect.contains_box(b.box) for b in bodies)
