"""Level objects read from the TMX into typed specs, and checked, for the action levels.

All level behaviour comes from here: enemy kinds and waves, triggers with beats, dialogue and small
scripts, doors opened by flags, exits, pickups, steam vents, NPCs and named markers. `python -m game
check` calls `validate` so a designer sees every broken reference as one `file: object: problem` line.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from game import DIFFICULTIES
from game.world.tilemap import MapObject, TileMap

log = logging.getLogger(__name__)

PICKUP_KINDS = ("first_aid", "ammo")
NPC_ROLES = ("", "nurse", "assassin", "patient", "car")
# Script commands and how many arguments each takes (None: the rest of the line is one text).
SCRIPT_ARGS: dict[str, int | None] = {
    "wait": 1, "dialogue": 1, "appear": 1, "walk": 2, "flee": 2, "shoot": 2, "fall": 1,
    "flag": 1, "unflag": 1, "objective": None, "sound": 1, "shake": 1, "fight": 1, "win": 0,
    "wave": 1, "arm": 0, "wound": 0, "alarm": 0, "drive": 2, "alert": 0, "aim": 3,
    "escape": 1,  # the timed escape: game/modes/level/escape.py
}
FACINGS = {"right": 0.0, "down": 90.0, "left": 180.0, "up": 270.0}  # a vehicle's nose, in degrees


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def contains_box(self, box: tuple[float, float, float, float]) -> bool:
        bx, by, bw, bh = box
        return bx < self.x + self.w and self.x < bx + bw and by < self.y + self.h and self.y < by + bh

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def cells(self, tile: int) -> tuple[int, int, int, int]:
        """The first and last column and row of the `tile`-px cells it covers: (c0, r0, c1, r1)."""
        return (int(self.x // tile), int(self.y // tile),
                int((self.x + self.w - 1e-6) // tile), int((self.y + self.h - 1e-6) // tile))


@dataclass(frozen=True)
class EnemySpawn:
    id: int
    kind: str
    name: str
    x: float
    y: float
    wave: int = 0            # 0: present at the start; N: spawned by a trigger with wave=N
    scripted: bool = False   # only a script's `appear` brings it in
    min_difficulty: str = "easy"  # present from this difficulty up
    drop: str = ""           # pickup kind left behind when beaten
    aggro: bool = False      # already hunting Danko when it appears
    search: str = ""         # beaten, he stays down; Danko's grab beside him searches him and sets this flag


@dataclass(frozen=True)
class Command:
    name: str
    args: tuple[str, ...]


@dataclass(frozen=True)
class TriggerSpec:
    id: int
    name: str
    rect: Rect | None        # None: fires wherever Danko is (conditions only)
    beat: str = ""
    dialogue: str = ""
    wave: int = 0
    set_flag: str = ""
    requires_flag: str = ""
    requires_clear: bool = False
    objective: str = ""
    script: tuple[Command, ...] = ()
    after: int = 0           # > 0: also fires by itself at this step, wherever Danko is (a timed beat)
    checkpoint: bool = False  # Continue after a game over resumes from where this fired (checkpoint.py)


@dataclass(frozen=True)
class DoorSpec:
    id: int
    name: str
    rect: Rect
    flag: str                # closed until this flag is set (Tiled property `requires`)
    locked: bool = False     # closed for good unless `requires` names a flag that opens it

    @property
    def starts_closed(self) -> bool:
        return bool(self.flag) or self.locked


@dataclass(frozen=True)
class ExitSpec:
    id: int
    rect: Rect
    requires_flag: str = ""  # Tiled property `requires`: the exit opens when this flag is set
    requires_clear: bool = False
    partner: bool = False    # Ridzik must go through it with Danko (game/modes/level/together.py)


@dataclass(frozen=True)
class PickupSpec:
    id: int
    kind: str
    x: float
    y: float


@dataclass(frozen=True)
class HazardSpec:
    id: int
    rect: Rect
    period: int = 180   # steps per cycle
    warn: int = 45      # hiss and wisps before the burst
    on: int = 50        # scalding steam
    phase: int = 0
    damage: int = 10

    def phase_at(self, step: int) -> str:
        t = (step + self.phase) % self.period
        if t < self.warn:
            return "warn"
        if t < self.warn + self.on:
            return "on"
        return "off"


@dataclass(frozen=True)
class NpcSpec:
    id: int
    name: str
    sprite: str
    x: float
    y: float
    hidden: bool = False     # out of sight until a script's `appear`
    facing: str = "down"
    role: str = ""           # nurse or assassin: the hospital's crowd (game/modes/level/ward.py); patient: in
                             # bed; car: a vehicle (sprite `vehicle:NAME`) that drives at a car's pace


@dataclass(frozen=True)
class VehicleSpec:
    id: int
    name: str
    sprite: str              # a vehicle of assets/sprites/vehicles (bus_a, bus_b, ...)
    rect: Rect               # its footprint: a wall while it stands
    heading: float           # degrees its nose points: 0 east, 90 south (Tiled property `facing`)
    driver: str = ""         # who sits in it (the view marks it while it drives)


@dataclass
class LevelSpec:
    enemies: list[EnemySpawn] = field(default_factory=list)
    triggers: list[TriggerSpec] = field(default_factory=list)
    doors: list[DoorSpec] = field(default_factory=list)
    exits: list[ExitSpec] = field(default_factory=list)
    pickups: list[PickupSpec] = field(default_factory=list)
    hazards: list[HazardSpec] = field(default_factory=list)
    npcs: list[NpcSpec] = field(default_factory=list)
    vehicles: list[VehicleSpec] = field(default_factory=list)
    markers: dict[str, tuple[float, float]] = field(default_factory=dict)
    routes: dict[str, tuple[tuple[float, float], ...]] = field(default_factory=dict)  # named polylines
    objective: str = ""
    default_flags: dict[str, bool] = field(default_factory=dict)  # story flags when played alone
    problems: list[tuple[MapObject | None, str]] = field(default_factory=list)


def _int(obj: MapObject, key: str, default: int, spec: LevelSpec) -> int:
    value = obj.properties.get(key, default)
    try:
        return int(value)
    except (TypeError, ValueError):
        spec.problems.append((obj, f"property '{key}' must be a whole number, got {value!r}"))
        return default


def _bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)


def _rect(obj: MapObject) -> Rect:
    return Rect(obj.x, obj.y, obj.width, obj.height)


def parse_script(text: str) -> tuple[list[Command], list[str]]:
    """'appear rostavili; walk rostavili key; flag key_stolen' -> commands, problems."""
    commands: list[Command] = []
    problems: list[str] = []
    for part in str(text).replace("\n", ";").split(";"):
        words = part.split()
        if not words:
            continue
        name, args = words[0].lower(), words[1:]
        if name not in SCRIPT_ARGS:
            problems.append(f"script: unknown command '{name}' (known: {', '.join(sorted(SCRIPT_ARGS))})")
            continue
        want = SCRIPT_ARGS[name]
        if want is None:
            args = [" ".join(args)] if args else []
            if not args:
                problems.append(f"script: '{name}' needs a text")
                continue
        elif len(args) != want:
            problems.append(f"script: '{name}' takes {want} argument(s), got {len(args)}")
            continue
        if name in ("wait", "shake", "wave", "escape") and not args[0].isdigit():
            problems.append(f"script: '{name}' needs a whole number, got '{args[0]}'")
            continue
        if name == "aim" and not args[2].isdigit():
            problems.append(f"script: 'aim' needs a whole number of steps, got '{args[2]}'")
            continue
        commands.append(Command(name, tuple(args)))
    return commands, problems


def read_level(tilemap: TileMap, enemy_kinds: frozenset[str] | None = None) -> LevelSpec:
    """Typed specs for every gameplay object; problems are collected, never raised."""
    if enemy_kinds is None:
        from game.actors.enemies import KINDS

        enemy_kinds = frozenset(KINDS)
    spec = LevelSpec(objective=str(tilemap.properties.get("objective", "")))
    for name in str(tilemap.properties.get("default_flags", "")).replace(",", " ").split():
        spec.default_flags[name] = True
    for obj in tilemap.objects:
        p = obj.properties
        if obj.type == "enemy":
            kind = str(p.get("kind", "")).strip()
            if kind not in enemy_kinds:
                spec.problems.append((obj, f"enemy kind '{kind}' is not one of {', '.join(sorted(enemy_kinds))}"))
                continue
            level = str(p.get("min_difficulty", "easy"))
            if level not in DIFFICULTIES:
                spec.problems.append((obj, f"min_difficulty '{level}' is not one of {', '.join(DIFFICULTIES)}"))
                level = "easy"
            drop = str(p.get("drop", ""))
            if drop and drop not in PICKUP_KINDS:
                spec.problems.append((obj, f"drop '{drop}' is not one of {', '.join(PICKUP_KINDS)}"))
                drop = ""
            spec.enemies.append(EnemySpawn(
                obj.id, kind, obj.name, obj.x, obj.y, wave=_int(obj, "wave", 0, spec),
                scripted=_bool(p.get("scripted", False)), min_difficulty=level, drop=drop,
                aggro=_bool(p.get("aggro", False)), search=str(p.get("search", ""))))
        elif obj.type == "trigger":
            commands, problems = parse_script(p.get("script", ""))
            spec.problems.extend((obj, msg) for msg in problems)
            has_area = obj.width > 0 and obj.height > 0
            spec.triggers.append(TriggerSpec(
                obj.id, obj.name, _rect(obj) if has_area else None, beat=str(p.get("beat", "")),
                dialogue=str(p.get("dialogue", "")), wave=_int(obj, "wave", 0, spec),
                set_flag=str(p.get("set_flag", "")), requires_flag=str(p.get("requires_flag", "")),
                requires_clear=_bool(p.get("requires_clear", False)),
                objective=str(p.get("objective", "")), script=tuple(commands),
                after=max(0, _int(obj, "after", 0, spec)), checkpoint=_bool(p.get("checkpoint", False))))
        elif obj.type == "door":
            flag = str(p.get("requires", "") or p.get("flag", ""))
            spec.doors.append(DoorSpec(obj.id, obj.name, _rect(obj), flag, _bool(p.get("locked", False))))
        elif obj.type == "exit":
            spec.exits.append(ExitSpec(obj.id, _rect(obj), requires_flag=str(p.get("requires", "")),
                                       requires_clear=_bool(p.get("requires_clear", False)),
                                       partner=_bool(p.get("partner", False))))
        elif obj.type == "pickup":
            kind = str(p.get("item", "") or p.get("kind", ""))
            if kind not in PICKUP_KINDS:
                spec.problems.append((obj, f"pickup kind '{kind}' is not one of {', '.join(PICKUP_KINDS)}"))
                continue
            spec.pickups.append(PickupSpec(obj.id, kind, obj.x + obj.width / 2, obj.y + obj.height / 2))
        elif obj.type == "hazard":
            period = max(1, _int(obj, "period", 180, spec))
            warn, on = _int(obj, "warn", 45, spec), _int(obj, "on", 50, spec)
            if warn + on > period:
                spec.problems.append((obj, f"warn ({warn}) + on ({on}) exceed period ({period})"))
            if warn < 20:
                spec.problems.append((obj, f"warn ({warn}) under 20 steps: the vent must be readable"))
            spec.hazards.append(HazardSpec(obj.id, _rect(obj), period, warn, on,
                                           _int(obj, "phase", 0, spec), _int(obj, "damage", 10, spec)))
        elif obj.type == "npc":
            name = obj.name or str(p.get("sprite", "npc"))
            role = str(p.get("role", ""))
            if role not in NPC_ROLES:
                spec.problems.append((obj, f"npc role '{role}' is not one of {', '.join(r or '(none)' for r in NPC_ROLES)}"))
                role = ""
            spec.npcs.append(NpcSpec(obj.id, name, str(p.get("sprite", name)), obj.x, obj.y,
                                     _bool(p.get("hidden", False)), str(p.get("facing", "down")), role))
        elif obj.type == "marker" and obj.name:
            spec.markers[obj.name] = (obj.x, obj.y)
        elif obj.type == "route" and obj.name and len(obj.points) >= 2:
            spec.routes[obj.name] = tuple(obj.points)
        elif obj.type == "vehicle":
            facing = str(p.get("facing", "up" if obj.height >= obj.width else "right"))
            if facing not in FACINGS or obj.width <= 0 or obj.height <= 0:
                spec.problems.append((obj, f"a vehicle needs an area and a facing of {', '.join(FACINGS)}"))
                continue
            spec.vehicles.append(VehicleSpec(obj.id, obj.name, str(p.get("sprite", "bus_a")), _rect(obj),
                                             FACINGS[facing], str(p.get("driver", ""))))
    _check_references(tilemap, spec)
    return spec


def _check_references(tilemap: TileMap, spec: LevelSpec) -> None:
    by_id = {o.id: o for o in tilemap.objects}
    waves = {e.wave for e in spec.enemies if e.wave}
    set_flags = {t.set_flag for t in spec.triggers if t.set_flag}
    actor_names = {e.name.lower() for e in spec.enemies if e.name} | {n.name.lower() for n in spec.npcs} | {"danko"}
    set_flags |= {e.search for e in spec.enemies if e.search}
    killer = next((n for n in spec.npcs if n.role == "assassin"), None)
    if killer is not None:  # the hospital's crowd (game/modes/level/ward.py) sets these and needs its markers
        set_flags |= {"alarm", "assassin_down"}
        for marker in ("code", "doors"):
            if marker not in spec.markers:
                spec.problems.append((by_id.get(killer.id), f"an assassin needs a marker named '{marker}'"))
    for t in spec.triggers:
        for c in t.script:
            if c.name in ("flag",):
                set_flags.add(c.args[0])
    called = {t.wave for t in spec.triggers if t.wave}
    for t in spec.triggers:
        obj = by_id.get(t.id)
        if t.wave and t.wave not in waves:
            spec.problems.append((obj, f"wave {t.wave} has no enemies (set 'wave' on enemy objects)"))
        if t.requires_flag and t.requires_flag not in set_flags:
            spec.problems.append((obj, f"requires_flag '{t.requires_flag}' is never set by a trigger"))
        if t.dialogue and not t.beat:
            spec.problems.append((obj, "dialogue needs a 'beat' naming the story beat it belongs to"))
        for c in t.script:
            if c.name in ("appear", "walk", "flee", "shoot", "fall", "fight", "aim") and c.args[0].lower() not in actor_names:
                spec.problems.append((obj, f"script: '{c.name}' names no enemy or npc '{c.args[0]}'"))
            if c.name in ("walk", "flee") and c.args[1] not in spec.markers:
                spec.problems.append((obj, f"script: '{c.name}' names no marker '{c.args[1]}'"))
            if c.name in ("shoot", "aim") and c.args[1].lower() not in actor_names:
                spec.problems.append((obj, f"script: '{c.name}' target '{c.args[1]}' is no actor"))
            if c.name == "wave":
                called.add(int(c.args[0]))
            if c.name == "drive" and c.args[0] not in {v.name for v in spec.vehicles}:
                spec.problems.append((obj, f"script: 'drive' names no vehicle '{c.args[0]}'"))
            if c.name == "drive" and c.args[1] not in spec.routes:
                spec.problems.append((obj, f"script: 'drive' names no route '{c.args[1]}' (a polyline)"))
    for e in spec.enemies:
        if e.wave and e.wave not in called:
            spec.problems.append((by_id.get(e.id), f"wave {e.wave} is never started by a trigger"))
    for d in spec.doors:
        if d.flag and d.flag not in set_flags:
            spec.problems.append((by_id.get(d.id), f"door requires '{d.flag}', which is never set by a trigger"))
    for x in spec.exits:
        if x.requires_flag and x.requires_flag not in set_flags:
            spec.problems.append((by_id.get(x.id), f"exit requires '{x.requires_flag}', which is never set"))


def validate(tilemap: TileMap) -> list[tuple[MapObject | None, str]]:
    """Problems with the gameplay objects of a level (for `python -m game check`)."""
    return read_level(tilemap).problems
