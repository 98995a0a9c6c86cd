"""One level's simulation: the fixed step that runs the level's systems, in order, over its state.

Pure logic on the fixed step: no pygame, no wall-clock time. The same tile map, seed, flags,
difficulty and input sequence always give the same `state_hash()`. The scene reads `events` (this
step's typed events from game.modes.events: dialogue, objectives, sounds, hits), `effects` (sparks,
flashes) and `shake` to present what happened; the sim never waits for it.

The state lives in `LevelState` (state.py); each system is a module of this package: crowd (flow field,
slots, tokens, separation), strikes (where blows and shots land), projectiles, hazards, props
(pickups, doors, triggers), script (scripted beats), buses (parked and driven vehicles) and outcome
(lives, exits). `LevelSim` is also the world the actors step in: the small protocols `PlayerWorld` and
`EnemyWorld` in game/actors.
"""
from __future__ import annotations

import hashlib
import logging
from typing import Any, Iterable

from game.actors.combat import Attack
from game.actors.enemies import Enemy, step_crowd
from game.actors.objects import read_level
from game.input.actions import NO_INPUT, P2_SHIFT, InputFrame, replay_frames
from game.modes.level import (buses, checkpoint, crowd, hazards, npcs, outcome, partners, projectiles, props,
                              script, search, strikes, ward)
from game.modes.level import escape  # the timed escape (cutoffs, countdown)
from game.modes.level.outcome import LOST, TIMEOUT, WON
from game.modes.level.state import LevelState
from game.world.collision import Grid
from game.world.navigation import FlowField
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

__all__ = ["LevelSim", "run_headless", "WON", "LOST", "TIMEOUT"]


class LevelSim(LevelState):
    def __init__(self, tilemap: TileMap, seed: int = 0, flags: dict[str, Any] | None = None,
                 difficulty: str = "normal", log_combat: bool = False) -> None:
        super().__init__(tilemap, seed=seed, flags=flags, difficulty=difficulty, log_combat=log_combat)
        self.couriers = search.couriers_in(self.spec)  # (search's systems are called only where there are)
        props.setup_doors(self)
        partners.setup(self)
        self.ward = ward.setup(self)
        buses.park(self)

    def step(self, frame: InputFrame) -> str | None:
        """One fixed step: the systems in order. Strikes resolve inside the actors' steps, as they land.
        The frame carries both players: Danko's input in its low half, a second player's in its high half."""
        if self.outcome is not None:
            return self.outcome
        self.steps += 1
        self.events = []
        if self.effects or self.shake > 0:  # (nothing to age otherwise)
            self.age_effects()
        if (frame.held | frame.pressed) >> P2_SHIFT:
            p1, p2 = frame.player1(), frame.player2()
        else:  # player 2 silent (nearly always): what player1() and player2() answer then
            p1, p2 = frame, NO_INPUT
        if self.partner is not None or p2.pressed or self.p2_note:  # (nothing to do otherwise)
            partners.control(self, p2)      # a second player drops in or out
        if self.hitstop > 0:
            # The freeze frame on a connecting hit: nothing moves, but presses are still buffered.
            self.hitstop -= 1
            self.player._read_buttons(p1)
            return None
        # (The hospital's, Ridzik's, the couriers', the NPCs', the escape's and the buses' systems are only
        # called where the level has them: each returns at once otherwise.)
        if self.ward is not None:
            p1 = ward.intercept(self, p1)   # the hospital: grabbing nurses, the one shot allowed
        if self.couriers:
            p1 = search.intercept(self, p1)  # the grab beside a beaten courier searches him
        self.player.step(p1, self)          # input -> Danko (his blows and shots -> strikes)
        if self.partner is not None:
            partners.step(self, p1, p2)     # AI or player 2 -> Ridzik; the leash; who goes for him
        crowd.plan(self)                    # flow field, ring slots, attack tokens, separation
        step_crowd(self.live, self)         # crowd AI acts (their blows -> strikes, shots -> projectiles)
        if self.couriers:
            search.bodies(self)             # a beaten courier stays down to be searched
        if self.npcs:
            npcs.walk(self)                 # scripted walks and the hospital's nurses
        if self.ward is not None:
            ward.step(self)                 # the nurses' looks, the crush, the assassin's draw and exit
        projectiles.fly(self)
        hazards.scald(self)
        props.collect_pickups(self)
        props.open_doors(self)
        props.check_triggers(self)
        script.run(self)
        if self.escape is not None:
            escape.step(self)               # a timed escape: cutoffs close, the time runs out
        if self.buses:
            buses.drive(self)
        outcome.player_fate(self)
        outcome.exits(self)
        crowd.prune(self)
        if self.checkpoint_due and self.outcome is None:
            checkpoint.save(self)
        return self.outcome

    # --- public ------------------------------------------------------------------------------
    def reload_map(self, tilemap: TileMap) -> None:
        """Hot reload (a designer saved in Tiled): walls and tiles come from the new map; actors, flags
        and progress carry on; doors keep their state. Called by the level scene, never by game logic."""
        self.tilemap = tilemap
        self.spec = read_level(tilemap)  # vents, triggers and exits as saved; fired ids still count
        self.couriers = search.couriers_in(self.spec)
        self.solid = tilemap.solid.copy()
        self.grid = Grid(self.solid, self.tile)
        props.close_doors(self)
        buses.park(self)
        self.flows.forget()

    def fresh(self) -> "LevelSim":
        """The same level from its start: same seed, story flags and difficulty (restart, continue)."""
        return LevelSim(self.tilemap, seed=self.seed, flags=self.initial_flags,
                        difficulty=self.difficulty.name, log_combat=self.log_combat)

    def resume(self) -> "LevelSim":
        """Continue after a game over: from the last checkpoint, or from the start when none was reached."""
        return checkpoint.resume(self) or self.fresh()

    def state(self) -> tuple:
        state = (self.steps, self.outcome, tuple(sorted((k, repr(v)) for k, v in self.flags.items())),
                 self.player.snapshot(), tuple(e.snapshot() for e in self.enemies),
                 tuple(self.fired), tuple(p.taken for p in self.pickups), self.objective)
        if self.partner is not None:  # one-player levels keep the hashes they always had
            state += (self.partner.snapshot(), tuple(e.foe for e in self.enemies))
        if self.ward is not None or npcs.scripted_walkers(self.spec):
            state += (npcs.snapshot(self),)  # levels where NPCs move (older hashes stay as they were)
        if self.ward is not None:
            state += (self.ward.snapshot(),)
        if self.buses:  # levels without vehicles keep the hashes they always had
            state += (tuple(b.snapshot() for b in self.buses),)
        return state

    def state_hash(self) -> str:
        """A digest of positions, health and flags: equal runs give equal hashes, bit for bit."""
        return hashlib.sha256(repr(self.state()).encode()).hexdigest()[:16]

    @property
    def focus(self) -> tuple[float, float]:
        """Where the camera looks: Danko, or between the two players while a second one holds Ridzik."""
        return partners.focus(self)

    def door_closed(self, door_id: int) -> bool:
        return door_id not in self.doors_open

    def exit_open(self, exit_id: int) -> bool:
        return outcome.exit_open(self, exit_id)

    # --- the world the actors step in (PlayerWorld, EnemyWorld) -------------------------------
    def field_to(self, gx: float, gy: float) -> FlowField:
        """A flow field toward a fixed point (scripted walks), cached per goal tile."""
        return self.flows.toward(self.solid, gx, gy)

    def attack_token_free(self, ranged: bool) -> bool:
        return crowd.token_free(self, ranged)

    def take_token(self, ranged: bool) -> None:
        crowd.take_token(self, ranged)

    def enemy_cooldown(self, base: int) -> int:
        return crowd.cooldown(self, base)

    def on_enemy_gone(self, e: Enemy) -> None:
        crowd.enemy_gone(self, e)

    def aim_assist(self, aim: tuple[float, float]) -> tuple[float, float]:
        return strikes.aim_assist(self, aim)

    def player_strike(self, attack: Attack, body_contact: bool = False) -> None:
        strikes.player_strike(self, attack, body_contact)

    def player_shoot(self, aim: tuple[float, float]) -> None:
        strikes.player_shoot(self, aim)

    def enemy_strike(self, e: Enemy) -> None:
        strikes.enemy_strike(self, e)

    def enemy_fire(self, e: Enemy) -> None:
        projectiles.enemy_fire(self, e)

    def foe_of(self, e: Enemy) -> Any:
        """Whom an enemy set on the partner fights: Ridzik while he is on his feet, else Danko."""
        r = self.partner
        return r if e.foe and r is not None and r.state != "out" else self.player  # (not r.out, inlined)

    # --- the world the partner steps in (PartnerWorld) ----------------------------------------
    def partner_strike(self, attack: Attack) -> None:
        partners.partner_strike(self, attack)

    def partner_shoot(self, aim: tuple[float, float]) -> None:
        partners.partner_shoot(self, aim)


def run_headless(sim: LevelSim, masks: Iterable[int], max_steps: int) -> str:
    """Feed recorded held masks (then no input) until the level ends or `max_steps` pass."""
    frames = replay_frames(masks)
    while sim.steps < max_steps:
        result = sim.step(next(frames))
        if result is not None:
            return result
    return TIMEOUT
