"""Fair fights: nobody is struck in the first 2 s of a level or of a new life, the difficulty caps how
many enemies wind up at once, a landed blow breaks a wind-up, and punch, punch, kick out-damages every
other button pattern against a lone thug."""
from __future__ import annotations

import math

import pytest
from combat_arena import arena, enemy_xml
from conftest import level_map

from game.actors.player import PUNCH_1
from game.input.actions import Action, InputFrame, NO_INPUT
from game.modes.events import EnemyHit, LifeLost, PlayerHit
from game.modes.level.sim import LOST, WON, LevelSim
from game.modes.level.state import CALM_STEPS
from game.paths import LEVELS

ACTION_LEVELS = ("bathhouse", "hotel", "bus_terminal")
WINDUPS = {"easy": 1, "normal": 2, "hard": 3}
P, K = int(Action.PUNCH), int(Action.KICK)


@pytest.mark.parametrize("difficulty", sorted(WINDUPS))
@pytest.mark.parametrize("name", ACTION_LEVELS)
def test_idle_start_is_calm_capped_and_undecided_for_20_s(name, difficulty):
    """Standing still: no hit in the first 2 s or the 2 s after a new life, never more enemies winding
    up than the difficulty allows, and no win or loss in the first 20 s."""
    sim = LevelSim(level_map(name), seed=0, difficulty=difficulty)
    calm_until = CALM_STEPS
    most = 0
    for _ in range(20 * 60):
        result = sim.step(NO_INPUT)
        assert result not in (WON, LOST), f"{name} {difficulty}: {result} at step {sim.steps} standing still"
        for event in sim.events:
            if isinstance(event, PlayerHit):
                assert sim.steps > calm_until, f"{name} {difficulty}: hit at step {sim.steps} (calm until {calm_until})"
            if isinstance(event, LifeLost):
                calm_until = sim.steps + CALM_STEPS
        most = max(most, sum(1 for e in sim.live if e.state == "tell"))
        assert most <= WINDUPS[difficulty], f"{name} {difficulty}: {most} enemies winding up at once"


@pytest.mark.parametrize("kind", ["brawler", "heavy"])
def test_a_landed_blow_breaks_a_wind_up(write_level, kind):
    sim = arena(write_level, enemy_xml(2, kind, 104, 96), seed=2, difficulty="normal")
    for _ in range(400):
        sim.step(NO_INPUT)
        e = sim.live[0]
        if e.state == "tell":
            break
    assert e.state == "tell", f"the {kind} never wound up"
    e.take_hit(PUNCH_1, 1.0, 0.0, PUNCH_1.damage, PUNCH_1.knockback)
    assert e.state != "tell" and not e.has_token


def _dps(write_level, pattern: list[int], gap: int, steps: int = 600) -> float:
    """Damage a second against one brawler (who cannot die) walking at him and pressing `pattern`'s
    next button every `gap` steps while within reach; the pattern moves on when a move starts."""
    sim = arena(write_level, enemy_xml(2, "brawler", 130, 96), seed=3, difficulty="normal")
    for e in sim.live:
        e.hp = e.max_hp = 10 ** 6
    dealt = i = prev = 0
    for t in range(steps):
        e = sim.live[0]
        fx, fy = sim.player.body.feet
        ex, ey = e.body.feet
        held = 0
        if abs(ex - fx) > 12:
            held |= int(Action.RIGHT if ex > fx else Action.LEFT)
        if abs(ey - fy) > 4:
            held |= int(Action.DOWN if ey > fy else Action.UP)
        if t % gap == 0 and math.hypot(ex - fx, ey - fy) < 30:
            held |= pattern[i % len(pattern)]
        before = (sim.player.attack, sim.player.timer)
        sim.step(InputFrame(held, held & ~prev))
        prev = held
        a = sim.player.attack
        if a is not None and sim.player.state == "attack" and (a is not before[0] or sim.player.timer < before[1]):
            i += 1
        dealt += sum(ev.damage for ev in sim.events if isinstance(ev, EnemyHit))
    return dealt / steps * 60


def test_punch_punch_kick_out_damages_every_other_pattern(write_level):
    patterns = {"PPK": [P, P, K], "K": [K], "PK": [P, K], "PPPK": [P, P, P, K], "KKP": [K, K, P],
                "KP": [K, P], "PKK": [P, K, K]}
    best = {name: max(_dps(write_level, p, gap) for gap in (3, 5, 8, 12)) for name, p in patterns.items()}
    ppk = best.pop("PPK")
    for name, dps in best.items():
        assert ppk >= dps, f"{name} {dps:.1f} dps beats punch, punch, kick {ppk:.1f} ({best})"
    assert ppk >= 1.5 * best["K"], f"kick alone {best['K']:.1f} dps too close to the combo {ppk:.1f}"
