"""The timed escape's map data: `cutoff` objects (a way out that closes at an announced step of the escape)
read into specs, and the `check` rules for them and for the script command `escape STEPS` that starts it."""
from __future__ import annotations

import logging
from dataclasses import dataclass

from game.actors.objects import Rect, parse_script
from game.world.tilemap import MapObject, TileMap

log = logging.getLogger(__name__)

MIN_WARN = 60        # steps: a closing way out is announced at least a second before it closes
DEFAULT_WARN = 300   # 5 s of warning unless the object says otherwise


@dataclass(frozen=True)
class CutoffSpec:
    id: int
    label: str         # what the HUD calls it: "Main stairs"
    rect: Rect         # the cells that become a wall when it closes (a doorway, a window)
    after: int         # steps after the escape starts at which it closes
    warn: int          # steps before that during which it is announced (floor marker, HUD warning)

    @property
    def warn_at(self) -> int:
        return max(0, self.after - self.warn)


def read_cutoffs(tilemap: TileMap) -> tuple[CutoffSpec, ...]:
    """The map's cutoffs, in the order they close (ties by object id)."""
    out = []
    for obj in tilemap.objects_of("cutoff"):
        p = obj.properties
        out.append(CutoffSpec(obj.id, str(p.get("label", "") or obj.name or "exit"),
                              Rect(obj.x, obj.y, obj.width, obj.height), _int(p.get("after", 0)),
                              _int(p.get("warn", DEFAULT_WARN))))
    return tuple(sorted(out, key=lambda c: (c.after, c.id)))


def escape_steps(tilemap: TileMap) -> list[tuple[MapObject, int]]:
    """Every `escape STEPS` command in the map's trigger scripts, with its trigger."""
    out = []
    for obj in tilemap.objects_of("trigger"):
        commands, _ = parse_script(obj.properties.get("script", ""))
        out += [(obj, int(c.args[0])) for c in commands if c.name == "escape" and c.args[0].isdigit()]
    return out


def validate(tilemap: TileMap) -> list[tuple[MapObject | None, str]]:
    """Problems with the map's timed escape (for `python -m game check`)."""
    problems: list[tuple[MapObject | None, str]] = []
    by_id = {o.id: o for o in tilemap.objects}
    cutoffs = read_cutoffs(tilemap)
    escapes = escape_steps(tilemap)
    longest = max((steps for _, steps in escapes), default=0)
    for obj, steps in escapes:
        if steps < 60:
            problems.append((obj, f"script: 'escape {steps}' is under a second (60 steps)"))
    if cutoffs and not escapes:
        problems.append((by_id.get(cutoffs[0].id), "a cutoff needs a trigger whose script starts the escape "
                                                   "('escape STEPS')"))
    if escapes and not tilemap.objects_of("exit"):
        problems.append((escapes[0][0], "an escape needs at least one exit"))
    for c in cutoffs:
        obj = by_id.get(c.id)
        if c.rect.w <= 0 or c.rect.h <= 0:
            problems.append((obj, "a cutoff needs an area (the cells that close)"))
        if c.after <= 0:
            problems.append((obj, "'after' must be above 0: the step of the escape at which it closes"))
        if c.warn < MIN_WARN:
            problems.append((obj, f"warn ({c.warn}) under {MIN_WARN} steps: a closing exit must be announced"))
        if escapes and c.after > longest:
            problems.append((obj, f"closes at {c.after}, after the escape's time runs out ({longest})"))
        if not str(c.label).strip():
            problems.append((obj, "a cutoff needs a label (what the HUD announces)"))
    return problems


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0
