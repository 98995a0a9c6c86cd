"""A scripted second player for the action levels: beside the combat autopilot (Danko), it takes Ridzik
over after a second, fights with him (keeps a gun's distance from the nearest thug and shoots, punches
one that gets close, else follows Danko), hands him back to the AI at 20 s and takes him again at 24 s.

Both streams go into one mask a step (game.input.actions.two_players), so a two-player run records as a
replay: `python -m game autoplay LEVEL --two-players --record FILE`. Deterministic: it reads only the sim.
"""
from __future__ import annotations

import logging
import math

from game.input.actions import Action, EdgeTracker, two_players
from game.modes.context import RunResult
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

JOIN_AT, LEAVE_AT, REJOIN_AT = 60, 20 * 60, 24 * 60   # steps: drop in, drop out, drop in again
SHOOT_EVERY = 16       # steps between his trigger presses
CLOSE, FAR = 40.0, 110.0  # px: the distance he keeps from his thug
FOLLOW = 40.0          # px: with no thug about, he keeps this near Danko
_UP, _DOWN, _LEFT, _RIGHT = int(Action.UP), int(Action.DOWN), int(Action.LEFT), int(Action.RIGHT)


def _toward(dx: float, dy: float, slack: float = 4.0) -> int:
    mask = 0
    if abs(dx) > slack:
        mask |= _RIGHT if dx > 0 else _LEFT
    if abs(dy) > slack:
        mask |= _DOWN if dy > 0 else _UP
    return mask


def decide(sim) -> int:
    """Player 2's held mask for this step (his joins alone where the level has no Ridzik)."""
    r = sim.partner
    step = sim.steps + 1  # the step this mask will be played on
    if step in (JOIN_AT, REJOIN_AT):
        return int(Action.CONFIRM)  # where Danko is alone, this only shows "P2 waits"
    if r is None:
        return 0
    if step == LEAVE_AT:
        return int(Action.SKIP)
    if r.driver != "p2" or r.out:
        return 0
    rx, ry = r.body.feet
    near, best = None, FAR * 1.5
    for e in sim.live:
        if e.active and e.hittable:
            d = math.hypot(e.body.feet[0] - rx, e.body.feet[1] - ry)
            if d < best:
                near, best = e, d
    if near is None:
        px, py = sim.player.body.feet
        dx, dy = px - rx, py - ry
        return _toward(dx, dy) if math.hypot(dx, dy) > FOLLOW else 0
    dx, dy = near.body.feet[0] - rx, near.body.feet[1] - ry
    if best < CLOSE / 2:
        return _toward(dx, dy, 1.0) | (int(Action.PUNCH) if step % 10 == 0 else 0)
    if abs(dy) > 6 and abs(dx) > 6:  # line up on a row or a column, where the shot flies true
        mask = _toward(0.0, dy) if abs(dy) < abs(dx) else _toward(dx, 0.0)
    else:
        mask = _toward(-dx, -dy) if best < CLOSE else _toward(dx, dy) if best > FAR else 0
    if step % SHOOT_EVERY == 0:
        mask = _toward(dx, dy, 1.0) | int(Action.SHOOT)  # face him as the trigger goes
    return mask


def play_two(sim, max_steps: int) -> list[int]:
    """The level to its end (or `max_steps`) by the autopilot and this second player; the masks played."""
    from game.modes.level.entry import Pilot

    pilot, edges, masks = Pilot(), EdgeTracker(), []
    while sim.outcome is None and len(masks) < max_steps:
        masks.append(two_players(pilot.fight(sim), decide(sim)))
        sim.step(edges.frame(masks[-1]))
    return masks


def autoplay_two(tilemap: TileMap, seed: int, difficulty: str, max_steps: int) -> RunResult:
    """`autoplay --two-players`: one two-player run of an action level, recordable as a v2 replay; a
    LevelError (one line) for a map of another mode, which has no Ridzik to take over."""
    from game.modes.level.sim import LevelSim
    from game.world.tilemap import LevelError

    kind = str(tilemap.properties.get("mode") or "level")  # the map's mode (game.modes.registry.map_kind)
    if kind != "level":
        raise LevelError(tilemap.path, f"--two-players plays action levels only, not a {kind} map")

    sim = LevelSim(tilemap, seed=seed, difficulty=difficulty)
    masks = play_two(sim, max_steps)
    p = sim.player
    who = "Ridzik with player 2" if sim.partner is not None else "no Ridzik here: player 2 waited"
    return RunResult(sim.outcome or "timeout", sim.steps,
                     f"{sim.kills} enemies down, health {p.health}, lives {p.lives}; {who}",
                     state_hash=sim.state_hash(), masks=masks, seed=seed)
