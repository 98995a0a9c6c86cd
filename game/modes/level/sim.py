"""One level's simulation: the map, Danko, enemies, waves, triggers and scripted beats, the outcome.

Pure logic on the fixed step: no pygame, no wall-clock time. The same tile map, seed, flags,
difficulty and input sequence always give the same `state_hash()`. The scene reads `events` (this
step's typed events from game.modes.events: dialogue, objectives, sounds, hits), `effects` (sparks,
flashes) and `shake` to present what happened; the sim never waits for it.
"""
from __future__ import annotations

import hashlib
import logging
import math
from dataclasses import dataclass
from typing import Any, Iterable

import numpy as np

from game.actors.body import Body
from game.actors.combat import HURT_PAD, Attack, boxes_overlap, hitbox, unit
from game.actors.enemies import BULLET_SPEED, KINDS, Enemy
from game.actors.objects import Command, LevelSpec, Rect, read_level
from game.actors.player import PISTOL, SHOT_DAMAGE, SHOT_RANGE, TUNING, Player
from game.input.actions import InputFrame, replay_frames
from game.modes.events import (
    Dialogue,
    EnemyHit,
    Event,
    Knockout,
    LifeLost,
    ObjectiveChanged,
    PlayerHit,
    Sound,
)
from game.modes.level.difficulty import difficulty_named, difficulty_rank
from game.world.collision import Grid
from game.world.navigation import FlowField
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

WON, LOST, TIMEOUT = "won", "lost", "timeout"
DEATH_STEPS = 90           # Danko lies on the floor this long before a life is spent
PICKUP_SIZE = 12.0
SEPARATION = 13.0          # px between enemies' feet below which they push apart
SEPARATION_PUSH = 0.12
SEPARATE_EVERY = 3         # steps between crowd separation passes (the push persists in between)
FIRST_AID = 40
AMMO_CLIP = 6
SHOT_ATTACK = PISTOL  # levels/player.toml
STEAM_ATTACK = Attack("steam", 0, 1, 0, 0, 0, 0, knockback=3.0, hitstun=16, hitstop=2, sound="hiss")


@dataclass
class Npc:
    name: str
    sprite: str
    x: float
    y: float
    state: str = "stand"   # stand, fallen, hidden
    facing: str = "down"


@dataclass
class Pickup:
    id: int
    kind: str
    x: float
    y: float
    taken: bool = False


@dataclass
class Bullet:
    x: float
    y: float
    vx: float
    vy: float
    damage: int
    life: int = 150


@dataclass
class Effect:
    kind: str          # spark, bigspark, flash, tracer, dust, steam, text
    x: float
    y: float
    life: int
    age: int = 0
    x2: float = 0.0    # tracer end
    y2: float = 0.0
    text: str = ""


@dataclass
class Script:
    beat: str
    commands: tuple[Command, ...]
    pc: int = 0
    wait: int = 0


class LevelSim:
    def __init__(self, tilemap: TileMap, seed: int = 0, flags: dict[str, Any] | None = None,
                 difficulty: str = "normal", log_combat: bool = False) -> None:
        self.tilemap = tilemap
        self.seed = seed
        self.difficulty = difficulty_named(difficulty)
        self.rng = np.random.default_rng(seed)
        self.steps = 0
        self.outcome: str | None = None
        self.tile = tilemap.tile_w
        self.spec: LevelSpec = read_level(tilemap)
        if flags is None:
            flags = dict(self.spec.default_flags)  # played on its own: the flags the story would give
        self.flags: dict[str, Any] = dict(flags)
        self.initial_flags = dict(self.flags)
        for obj, problem in self.spec.problems:
            log.warning("%s: %s: %s", tilemap.path.name, obj.label() if obj else "", problem)
        self.solid = tilemap.solid.copy()
        self.grid = Grid(self.solid, self.tile)
        spawn = tilemap.player_spawn
        self.player = Player(Body.at_feet(spawn.x, spawn.y), TUNING, lives=self.difficulty.lives)
        self.player.armed = bool(self.flags.get("has_gun", False))
        self.player.ammo = int(tilemap.properties.get("ammo", 8)) if self.player.armed else 0
        self.objective = self.spec.objective
        self.events: list[Event] = []
        self.effects: list[Effect] = []
        self.bullets: list[Bullet] = []
        self.shake = 0.0
        self.hitstop = 0
        self.last_hit: Enemy | None = None
        self.last_hit_step = 0
        self.kills = 0
        self.log_combat = log_combat
        self.combat_log: list[tuple[int, str, int]] = []
        self.fired: list[int] = []
        self.scripts: list[Script] = []
        self._tokens = [0, 0]  # melee, ranged attackers winding up or striking this step
        self._flow: FlowField | None = None  # toward Danko's tile
        self._flow_tile: tuple[int, int] | None = None
        self._goal_fields: dict[tuple[int, int], FlowField] = {}
        self._death_timer = 0
        self._gone = False
        rank = difficulty_rank(difficulty)
        self.enemies: list[Enemy] = []
        for i, s in enumerate(self.spec.enemies):
            if difficulty_rank(s.min_difficulty) > rank:
                continue
            kind = KINDS[s.kind]
            hp = max(1, round(kind.hp * self.difficulty.enemy_hp))
            body = Body.at_feet(s.x, s.y, kind.body_w, kind.body_h)
            e = Enemy(id=s.id, kind=kind, name=s.name or kind.label, body=body, hp=hp, drop=s.drop, wave=s.wave)
            e.cooldown = 40 + (i * 17) % 40  # stagger the first swings
            if s.scripted:
                e.hostile = False
            elif s.wave == 0:
                e.state = "chase" if s.aggro else "idle"
                e.aggro = s.aggro
            self.enemies.append(e)
        self.live: list[Enemy] = [e for e in self.enemies if e.state != "dormant"]
        self.npcs = [Npc(n.name, n.sprite, n.x, n.y, "hidden" if n.hidden else "stand", n.facing)
                     for n in self.spec.npcs]
        self.pickups = [Pickup(p.id, p.kind, p.x, p.y) for p in self.spec.pickups]
        self._pickup_ids = 100000
        self.doors_open: list[int] = []
        for door in self.spec.doors:
            if door.starts_closed:
                self._set_door(door.rect, True)
            else:
                self.doors_open.append(door.id)

    # --- public ------------------------------------------------------------------------------
    def reload_map(self, tilemap: TileMap) -> None:
        """Hot reload (a designer saved in Tiled): walls and tiles come from the new map; actors, flags
        and progress carry on; doors keep their state. Called by the level scene, never by game logic."""
        self.tilemap = tilemap
        self.spec = read_level(tilemap)  # vents, triggers and exits as saved; fired ids still count
        self.solid = tilemap.solid.copy()
        self.grid = Grid(self.solid, self.tile)
        for door in self.spec.doors:
            if door.starts_closed and door.id not in self.doors_open:
                self._set_door(door.rect, True)
        self._flow = None
        self._flow_tile = None
        self._goal_fields.clear()

    def fresh(self) -> "LevelSim":
        """The same level from its start: same seed, story flags and difficulty (restart, continue)."""
        return LevelSim(self.tilemap, seed=self.seed, flags=self.initial_flags,
                        difficulty=self.difficulty.name, log_combat=self.log_combat)

    @property
    def time_ms(self) -> float:
        """Game-clock time, for animations: steps at 60 Hz, never the wall clock."""
        return self.steps * 1000.0 / 60.0

    @property
    def player_targetable(self) -> bool:
        return self.player.state != "dead"

    def step(self, frame: InputFrame) -> str | None:
        if self.outcome is not None:
            return self.outcome
        self.steps += 1
        self.events = []
        self._age_effects()
        if self.hitstop > 0:
            # The freeze frame on a connecting hit: nothing moves, but presses are still buffered.
            self.hitstop -= 1
            self.player._read_buttons(frame)
            return None
        self.player.step(frame, self)
        self._refresh_flow()
        if self.steps % 10 == 0:
            self._assign_slots()
        self._count_tokens()
        if self.steps % SEPARATE_EVERY == 0:
            self._separate()
        for e in self.live:
            e.step(self)
        self._move_bullets()
        self._hazards()
        self._pickups()
        self._doors()
        self._triggers()
        self._run_scripts()
        self._player_fate()
        self._exits()
        if self._gone:
            self._gone = False
            self.live = [e for e in self.live if e.state != "gone"]
        return self.outcome

    def state(self) -> tuple:
        return (self.steps, self.outcome, tuple(sorted((k, repr(v)) for k, v in self.flags.items())),
                self.player.snapshot(), tuple(e.snapshot() for e in self.enemies),
                tuple(self.fired), tuple(p.taken for p in self.pickups), self.objective)

    def state_hash(self) -> str:
        """A digest of positions, health and flags: equal runs give equal hashes, bit for bit."""
        return hashlib.sha256(repr(self.state()).encode()).hexdigest()[:16]

    @property
    def area_clear(self) -> bool:
        return not any(e.active for e in self.live)

    # --- helpers the actors call -------------------------------------------------------------
    def emit(self, event: Event) -> None:
        self.events.append(event)

    def emit_sound(self, name: str) -> None:
        self.events.append(Sound(name))

    def log_event(self, kind: str, enemy: Enemy) -> None:
        if self.log_combat:
            self.combat_log.append((self.steps, kind, enemy.id))

    def flow_step(self, col: int, row: int) -> tuple[int, int]:
        """Unit step (dx, dy) toward Danko from a cell along the shared flow field."""
        return self._flow.direction(col, row) if self._flow is not None else (0, 0)

    def field_to(self, gx: float, gy: float) -> FlowField:
        """A flow field toward a fixed point (scripted walks), cached per goal tile."""
        key = (int(gx // self.tile), int((gy - 1) // self.tile))
        if key not in self._goal_fields:
            self._goal_fields[key] = FlowField(~self.solid, key)
        return self._goal_fields[key]

    def attack_token_free(self, ranged: bool) -> bool:
        d = self.difficulty
        return self._tokens[1] < d.ranged_tokens if ranged else self._tokens[0] < d.melee_tokens

    def take_token(self, ranged: bool) -> None:
        self._tokens[1 if ranged else 0] += 1

    def enemy_cooldown(self, base: int) -> int:
        jitter = int(self.rng.integers(0, 20))
        return int(base * self.difficulty.cooldown) + jitter

    def aim_assist(self, aim: tuple[float, float]) -> tuple[float, float]:
        """Turn a swing toward the nearest enemy within reach and 60 degrees of the stick."""
        fx, fy = self.player.body.feet
        best, best_d = aim, 34.0 ** 2
        for e in self.live:
            if not e.hittable or not e.hostile:
                continue
            ex, ey = e.body.feet
            dx, dy = ex - fx, ey - fy
            d2 = dx * dx + dy * dy
            if d2 < best_d and d2 > 0:
                d = math.sqrt(d2)
                if (dx * aim[0] + dy * aim[1]) / d > 0.5:
                    best, best_d = (dx / d, dy / d), d2
        return best

    def player_strike(self, attack: Attack, body_contact: bool = False) -> None:
        p = self.player
        fx, fy = p.body.feet
        box = hitbox(fx, fy, p.aim[0], p.aim[1], attack)
        for e in self.live:
            if not e.hittable or e.id in p.hit_ids:
                continue
            if boxes_overlap(box, e.body.box, HURT_PAD):
                ex, ey = e.body.feet
                kx, ky = p.aim if body_contact else unit(ex - fx, ey - fy)
                if kx == 0 and ky == 0:
                    kx, ky = p.aim
                self._hit_enemy(e, attack, kx, ky, attack.damage)
                p.hit_ids.append(e.id)
                p.combo += 1

    def _hit_enemy(self, e: Enemy, attack: Attack, kx: float, ky: float, damage: int) -> None:
        was_alive = e.hp > 0
        dealt = e.take_hit(attack, kx, ky, damage, attack.knockback)
        self.last_hit, self.last_hit_step = e, self.steps
        e.make_aggro()
        self.hitstop = max(self.hitstop, attack.hitstop)
        self.shake = max(self.shake, 2.0 + attack.hitstop * 0.4)
        ex, ey = e.body.feet
        big = attack.knockdown or dealt >= 14
        self.effects.append(Effect("bigspark" if big else "spark", ex - kx * 4, ey - 12, 10 if big else 7))
        self.emit(EnemyHit(e.id, attack.name, dealt, ex, ey))
        self.emit_sound(attack.sound if not e.kind.armored or attack.knockdown else "block")
        if was_alive and e.hp <= 0:
            self.kills += 1
            self.emit(Knockout(e.id, e.name, ex, ey))
            self.emit_sound("ko")
            self.shake = max(self.shake, 5.0)
            if e.drop:
                self._pickup_ids += 1
                self.pickups.append(Pickup(self._pickup_ids, e.drop, ex, ey - 4))

    def player_shoot(self, aim: tuple[float, float]) -> None:
        """Hitscan along the aim; an enemy within 25 degrees of it (and in sight) draws the shot."""
        p = self.player
        fx, fy = p.body.feet
        best_cos = math.cos(math.radians(25))
        for e in self.live:
            if not e.hittable or not e.hostile:
                continue
            ex, ey = e.body.feet
            d = math.hypot(ex - fx, ey - fy)
            if 0 < d < SHOT_RANGE:
                c = ((ex - fx) * aim[0] + (ey - fy) * aim[1]) / d
                if c > best_cos and self.grid.line_of_sight(fx, fy - 3, ex, ey - 3):
                    best_cos, aim = c, ((ex - fx) / d, (ey - fy) / d)
        ox, oy = fx + aim[0] * 6, fy - 10 + aim[1] * 6
        length = self.grid.ray_length(fx, fy - 3, aim[0], aim[1], SHOT_RANGE)
        target, best_t = None, length
        for e in self.live:
            if not e.hittable:
                continue
            ex, ey = e.body.center
            t = (ex - fx) * aim[0] + (ey - fy) * aim[1]
            if t <= 0 or t >= best_t:
                continue
            perp = abs((ex - fx) * aim[1] - (ey - fy) * aim[0])
            if perp < e.body.w / 2 + HURT_PAD + 2:
                target, best_t = e, t
        p.body.face(*aim)
        self.effects.append(Effect("flash", ox, oy, 5))
        self.effects.append(Effect("tracer", ox, oy, 6, x2=fx + aim[0] * best_t, y2=fy - 10 + aim[1] * best_t))
        self.shake = max(self.shake, 3.0)
        self.emit_sound("shot")
        if target is not None:
            self._hit_enemy(target, SHOT_ATTACK, aim[0], aim[1], SHOT_DAMAGE)

    def enemy_strike(self, e: Enemy) -> None:
        attack = e.attack
        assert attack is not None
        p = self.player
        if not p.vulnerable:
            return
        fx, fy = e.body.feet
        box = hitbox(fx, fy, e.aim[0], e.aim[1], attack)
        if boxes_overlap(box, p.body.box, HURT_PAD):
            e.hit_player = True
            self._hurt_player(attack, e.aim[0], e.aim[1], attack.damage)

    def _hurt_player(self, attack: Attack, kx: float, ky: float, damage: int) -> None:
        p = self.player
        dealt = max(1, round(damage * self.difficulty.damage_taken))
        p.take_hit(dealt, kx, ky, attack.knockback, attack.hitstun, attack.knockdown)
        self.hitstop = max(self.hitstop, attack.hitstop)
        self.shake = max(self.shake, 4.0 if attack.knockdown else 3.0)
        px, py = p.body.feet
        self.effects.append(Effect("spark", px, py - 12, 8))
        self.emit(PlayerHit(attack.name, dealt, px, py))
        self.emit_sound("hurt")
        if p.state == "dead":
            self.emit_sound("down")

    def enemy_fire(self, e: Enemy) -> None:
        fx, fy = e.body.feet
        ax, ay = e.aim
        ox, oy = fx + ax * 7, fy - 10 + ay * 7
        damage = e.attack.damage if e.attack else 10
        self.bullets.append(Bullet(ox, oy, ax * BULLET_SPEED, ay * BULLET_SPEED, damage))
        self.effects.append(Effect("flash", ox, oy, 5))
        self.shake = max(self.shake, 1.5)

    def on_enemy_gone(self, e: Enemy) -> None:
        e.has_token = False
        self._gone = True

    # --- per-step systems --------------------------------------------------------------------
    def _age_effects(self) -> None:
        if self.shake > 0:
            self.shake = max(0.0, self.shake * 0.85 - 0.05)
        if self.effects:
            for fx in self.effects:
                fx.age += 1
            self.effects = [fx for fx in self.effects if fx.age < fx.life]

    def _refresh_flow(self) -> None:
        fx, fy = self.player.body.feet
        tile = (int(fx // self.tile), int((fy - 1) // self.tile))
        if tile != self._flow_tile or self._flow is None:
            self._flow_tile = tile
            self._flow = FlowField(~self.solid, tile)

    def _assign_slots(self) -> None:
        """Spread the enemies near Danko evenly around him, keeping their current order by angle."""
        px, py = self.player.body.feet
        for ranged in (False, True):
            near = []
            for e in self.live:
                if e.aggro and e.hostile and e.alive and (e.kind.gun is not None) == ranged:
                    ex, ey = e.body.feet
                    if abs(ex - px) < 160 and abs(ey - py) < 120:
                        near.append((math.atan2(ey - py, ex - px), e.id, e))
            if not near:
                continue
            near.sort()
            n = len(near)
            base = near[0][0]
            for i, (_, _, e) in enumerate(near):
                e.slot = base + i * 2 * math.pi / n

    def _count_tokens(self) -> None:
        melee = ranged = 0
        for e in self.live:
            if e.has_token:
                if e.attack is not None and e.attack.ranged:
                    ranged += 1
                else:
                    melee += 1
        self._tokens[0], self._tokens[1] = melee, ranged

    def _separate(self) -> None:
        """Push overlapping enemies apart (and off Danko) so they never stack on one spot.

        One numpy pass over all pairs: cheaper than Python loops once a crowd gathers round Danko."""
        movers = []
        xs: list[float] = []
        ys: list[float] = []
        add_mover, add_x, add_y = movers.append, xs.append, ys.append
        for e in self.live:
            e.push_x = e.push_y = 0.0
            if e.hp <= 0 or e.state == "down" or e.state == "dying":
                continue
            b = e.body
            add_mover(e)
            add_x(b.x + b.w / 2)
            add_y(b.y + b.h)
        if len(movers) >= 2:
            x, y = np.array(xs), np.array(ys)
            dx = x[:, None] - x[None, :]
            dy = y[:, None] - y[None, :]
            d2 = dx * dx + dy * dy
            close = (d2 < SEPARATION ** 2) & (d2 > 1e-6)
            if close.any():
                d = np.sqrt(d2[close])  # only the close pairs: usually a few dozen of n*n
                strength = np.zeros_like(d2)
                strength[close] = (SEPARATION - d) / d * SEPARATION_PUSH
                push_x = (dx * strength).sum(axis=1).tolist()
                push_y = (dy * strength).sum(axis=1).tolist()
                for e, ux, uy in zip(movers, push_x, push_y):
                    e.push_x, e.push_y = ux, uy
        px, py = self.player.body.feet
        for e, x0, y0 in zip(movers, xs, ys):
            ddx, ddy = x0 - px, y0 - py
            d2 = ddx * ddx + ddy * ddy
            if 1e-6 < d2 < 11.0 ** 2:
                dist = math.sqrt(d2)
                e.push_x += ddx / dist * (11.0 - dist) * 0.3
                e.push_y += ddy / dist * (11.0 - dist) * 0.3

    def _move_bullets(self) -> None:
        if not self.bullets:
            return
        p = self.player
        keep = []
        pbox = p.body.box
        for b in self.bullets:
            b.life -= 1
            b.x += b.vx
            b.y += b.vy
            if b.life <= 0:
                continue
            if self.grid.solid_at(int(b.x // self.tile), int((b.y + 8) // self.tile)):
                self.effects.append(Effect("spark", b.x, b.y, 6))
                continue
            # Bullets fly at chest height (10 px above the feet).
            if p.vulnerable and boxes_overlap((b.x - 1, b.y + 9, 2, 2), pbox, HURT_PAD):
                shot = Attack("bullet", 0, 1, 0, b.damage, 0, 0, knockback=2.5, hitstun=18, hitstop=4)
                self._hurt_player(shot, b.vx, b.vy, b.damage)
                continue
            keep.append(b)
        self.bullets = keep

    def _hazards(self) -> None:
        p = self.player
        pbox = p.body.box
        for h in self.spec.hazards:
            phase = h.phase_at(self.steps)
            if phase != "on":
                continue
            t = (self.steps + h.phase) % h.period - h.warn
            if p.vulnerable and h.rect.contains_box(pbox):
                cx, cy = h.rect.center
                fx, fy = p.body.feet
                kx, ky = unit(fx - cx, fy - cy)
                if kx == 0 and ky == 0:
                    kx, ky = 0.0, 1.0
                self._hurt_player(STEAM_ATTACK, kx, ky, h.damage)
            if t % 30 == 0:
                for e in self.live:
                    if e.hittable and h.rect.contains_box(e.body.box):
                        ex, ey = e.body.feet
                        cx, cy = h.rect.center
                        kx, ky = unit(ex - cx, ey - cy)
                        self._hit_enemy(e, STEAM_ATTACK, kx or 0.0, ky or 1.0, h.damage)

    def _pickups(self) -> None:
        p = self.player
        if p.state == "dead":
            return
        box = p.body.box
        for item in self.pickups:
            if item.taken:
                continue
            half = PICKUP_SIZE / 2
            if not boxes_overlap(box, (item.x - half, item.y - half, PICKUP_SIZE, PICKUP_SIZE)):
                continue
            if item.kind == "first_aid" and p.health < p.tuning.max_health:
                p.health = min(p.tuning.max_health, p.health + FIRST_AID)
            elif item.kind == "ammo" and p.armed and p.ammo < p.tuning.max_ammo:
                p.ammo = min(p.tuning.max_ammo, p.ammo + AMMO_CLIP)
            else:
                continue
            item.taken = True
            self.emit_sound("pickup")
            self.effects.append(Effect("text", item.x, item.y - 8, 40,
                                       text="+HEALTH" if item.kind == "first_aid" else "+AMMO"))

    def _set_door(self, rect: Rect, closed: bool) -> None:
        t = self.tile
        c0, c1 = int(rect.x // t), int((rect.x + rect.w - 1e-6) // t)
        r0, r1 = int(rect.y // t), int((rect.y + rect.h - 1e-6) // t)
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if 0 <= r < self.grid.rows and 0 <= c < self.grid.cols:
                    value = closed or bool(self.tilemap.solid[r, c])
                    self.solid[r, c] = value
                    self.grid.set_solid(c, r, value)
        self._flow = None
        self._goal_fields.clear()

    def _doors(self) -> None:
        for door in self.spec.doors:
            if door.id not in self.doors_open and door.flag and self.flags.get(door.flag):
                self.doors_open.append(door.id)
                self._set_door(door.rect, False)
                self.emit_sound("door")

    def door_closed(self, door_id: int) -> bool:
        return door_id not in self.doors_open

    def _triggers(self) -> None:
        pbox = self.player.body.box
        clear: bool | None = None
        for t in self.spec.triggers:
            if t.id in self.fired:
                continue
            if t.rect is not None and not t.rect.contains_box(pbox):
                continue
            if t.requires_flag and not self.flags.get(t.requires_flag):
                continue
            if t.requires_clear:
                if clear is None:
                    clear = self.area_clear
                if not clear:
                    continue
            self.fired.append(t.id)
            self._fire(t.beat, t.dialogue, t.wave, t.set_flag, t.objective)
            if t.script:
                self.scripts.append(Script(t.beat, t.script))
            clear = None

    def _fire(self, beat: str, dialogue: str, wave: int, flag: str, objective: str) -> None:
        if dialogue:
            self.emit(Dialogue(beat, dialogue))
        if wave:
            self.spawn_wave(wave)
        if flag:
            self.flags[flag] = True
        if objective:
            self.set_objective(objective)

    def set_objective(self, text: str) -> None:
        self.objective = text
        self.emit(ObjectiveChanged(text))

    def spawn_wave(self, wave: int) -> None:
        for e in self.enemies:
            if e.wave == wave and e.state == "dormant" and e.hostile:
                self._bring_in(e)
                e.aggro = True
                e.state = "chase"
        self.emit_sound("wave")

    def _bring_in(self, e: Enemy) -> None:
        e.state, e.timer = "idle", 0
        self.live.append(e)
        fx, fy = e.body.feet
        self.effects.append(Effect("dust", fx, fy, 16))

    def _actor(self, name: str) -> Enemy | Npc | None:
        key = name.lower()
        for e in self.enemies:
            if e.name.lower() == key:
                return e
        for n in self.npcs:
            if n.name.lower() == key:
                return n
        return None

    def _run_scripts(self) -> None:
        for script in self.scripts:
            while script.pc < len(script.commands):
                if script.wait > 0:
                    script.wait -= 1
                    break
                command = script.commands[script.pc]
                script.pc += 1
                self._command(script, command)
        self.scripts = [s for s in self.scripts if s.pc < len(s.commands) or s.wait > 0]

    def _command(self, script: Script, c: Command) -> None:
        name, args = c.name, c.args
        if name == "wait":
            script.wait = int(args[0])
        elif name == "dialogue":
            self.emit(Dialogue(script.beat, args[0]))
        elif name == "objective":
            self.set_objective(args[0])
        elif name == "flag":
            self.flags[args[0]] = True
        elif name == "unflag":
            self.flags[args[0]] = False
        elif name == "sound":
            self.emit_sound(args[0])
        elif name == "shake":
            self.shake = max(self.shake, float(args[0]))
        elif name == "win":
            self.outcome = WON
        elif name == "wave":
            self.spawn_wave(int(args[0]))
        else:
            self._actor_command(name, args)

    def _actor_command(self, name: str, args: tuple[str, ...]) -> None:
        actor = self._actor(args[0])
        if actor is None:
            log.warning("script: no actor named %r", args[0])
            return
        if isinstance(actor, Npc):
            if name == "fall":
                actor.state = "fallen"
                self.effects.append(Effect("dust", actor.x, actor.y, 16))
            elif name == "appear":
                actor.state = "stand"
            return
        if name == "appear" and actor.state == "dormant":
            self._bring_in(actor)
            actor.state = "passive"
        elif name in ("walk", "flee"):
            if actor.state == "dormant":
                self._bring_in(actor)
            mx, my = self.spec.markers[args[1]]
            actor.goal, actor.vanish = (mx, my), name == "flee"
            actor.hostile = False
            actor.state, actor.timer = "script", 0
        elif name == "fight":
            if actor.state == "dormant":
                self._bring_in(actor)
            actor.hostile, actor.aggro = True, True
            actor.state, actor.timer = "chase", 0
        elif name == "fall":
            actor._die(0.0, 1.0, 0.0)
        elif name == "shoot":
            target = self._actor(args[1]) if args[1].lower() != "danko" else None
            ax, ay = actor.body.feet
            tx, ty = (target.x, target.y) if isinstance(target, Npc) else (
                target.body.feet if isinstance(target, Enemy) else self.player.body.feet)
            actor.aim = unit(tx - ax, ty - ay)
            actor.body.face(*actor.aim)
            ox, oy = ax + actor.aim[0] * 7, ay - 10 + actor.aim[1] * 7
            self.effects.append(Effect("flash", ox, oy, 6))
            self.effects.append(Effect("tracer", ox, oy, 6, x2=tx, y2=ty - 10))
            self.emit_sound("derringer")
            self.shake = max(self.shake, 3.0)
            if isinstance(target, Npc):
                target.state = "fallen"
            elif isinstance(target, Enemy):
                target._die(actor.aim[0], actor.aim[1], 2.0)

    def _player_fate(self) -> None:
        p = self.player
        if p.state != "dead":
            return
        self._death_timer += 1
        if self._death_timer < DEATH_STEPS:
            return
        self._death_timer = 0
        p.lives -= 1
        if p.lives <= 0:
            self.outcome = LOST
            return
        p.respawn()
        self.emit(LifeLost(p.lives))
        # Clear a little room so a new life does not start inside a beating.
        fx, fy = p.body.feet
        for e in self.live:
            if e.hittable and e.hostile:
                ex, ey = e.body.feet
                if (ex - fx) ** 2 + (ey - fy) ** 2 < 48 ** 2:
                    kx, ky = unit(ex - fx, ey - fy)
                    e.take_hit(STEAM_ATTACK, kx or 1.0, ky, 0, 4.0)

    def _exits(self) -> None:
        if self.outcome is not None or self.player.state == "dead":
            return
        pbox = self.player.body.box
        for x in self.spec.exits:
            if not x.rect.contains_box(pbox):
                continue
            if x.requires_flag and not self.flags.get(x.requires_flag):
                continue
            if x.requires_clear and not self.area_clear:
                continue
            self.outcome = WON
            return

    def exit_open(self, exit_id: int) -> bool:
        for x in self.spec.exits:
            if x.id == exit_id:
                return not x.requires_flag or bool(self.flags.get(x.requires_flag))
        return False


def run_headless(sim: LevelSim, masks: Iterable[int], max_steps: int) -> str:
    """Feed recorded held masks (then no input) until the level ends or `max_steps` pass."""
    frames = replay_frames(masks)
    while sim.steps < max_steps:
        outcome = sim.step(next(frames))
        if outcome is not None:
            return outcome
    return TIMEOUT
