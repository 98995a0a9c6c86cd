"""Personas: the LaggedPilot wrapper, and the persona contract of issue 13 over the level kinds.

Contract (asserted over several seeds): `idle` never loses before 20 s of game time and never wins;
`novice` wins every playable level on normal within 3 tries and on hard within 10; `expert` wins every
level on hard at the first try; `masher` clears the bathhouse and the hotel on easy. A try after the first
continues from the last checkpoint the level reached, as Continue on the game-over menu does for a person.
Each row is its own test so xdist spreads them; the chase rows are the slow ones (about 10 s each).
"""
import pytest
from conftest import level_map

from game.devtools.personas import run_persona
from game.input.actions import Action
from game.modes.personas import LAG_STEPS, PERSONAS, LaggedPilot, release_repeats
from game.paths import LEVELS

SEEDS = (0, 1, 2)
TWENTY_S = 20 * 60

ACTION_LEVELS = ("bathhouse", "hotel", "bus_terminal")
STORY_LEVELS = ("moscow_sting", "transfer", "cat_trap", "hospital")  # the new playable beats of issue 14: in the contract from the start


# --- the wrapper ------------------------------------------------------------------------------

def _counter():
    n = [0]

    def pilot():
        n[0] += 1
        return n[0] % 256
    return pilot


def test_lagged_pilot_plays_the_decisions_of_fifteen_to_nineteen_steps_before():
    lagged = LaggedPilot(_counter(), seed=3, slip_every=(10**9, 10**9 + 1))
    out = [lagged() for _ in range(240)]
    assert out[:LAG_STEPS] == [0] * LAG_STEPS
    for step, mask in enumerate(out[40:], start=41):
        assert step - LAG_STEPS - 4 <= mask <= step - LAG_STEPS  # mask k was decided at step k


def test_lagged_pilot_is_deterministic_per_seed_and_slips_only_now_and_then():
    def run(seed):
        lagged = LaggedPilot(lambda: int(Action.UP), seed)
        return [lagged() for _ in range(3000)]
    a, b, c = run(7), run(7), run(8)
    assert a == b and a != c
    off = sum(1 for m in a[LAG_STEPS + 4:] if m != int(Action.UP))
    assert 0 < off < 0.15 * len(a)  # an imperfect direction now and then
    assert {m for m in a[LAG_STEPS + 4:] if m != int(Action.UP)} <= {int(Action.UP | Action.LEFT),
                                                                 int(Action.UP | Action.RIGHT)}


def test_release_repeats_makes_every_attack_a_fresh_press():
    held = release_repeats(lambda: int(Action.PUNCH | Action.RIGHT))
    assert [held() for _ in range(4)] == [int(Action.PUNCH | Action.RIGHT), int(Action.RIGHT)] * 2


def test_the_four_personas():
    assert PERSONAS == ("idle", "masher", "novice", "expert")


# --- the contract -------------------------------------------------------------------------------

ALL = [pytest.param("bus_chase", id="chase"), pytest.param("locksmith", id="puzzle")] + [
    pytest.param(name, id=name) for name in ACTION_LEVELS + STORY_LEVELS]


@pytest.mark.parametrize("level", ALL)
@pytest.mark.parametrize("seed", SEEDS)
def test_idle_never_loses_before_twenty_seconds_and_never_wins(level, seed):
    run = run_persona(level_map(level), "idle", "normal", seed=seed, tries=1, max_steps=60 * 60)
    assert run.outcome != "won"
    assert run.outcome in ("timeout",) or run.steps >= TWENTY_S


@pytest.mark.parametrize("level", ALL)
@pytest.mark.parametrize("seed", SEEDS[:2])
def test_expert_wins_on_hard_at_the_first_try(level, seed, expert_run):
    run = expert_run(level, "hard", seed)  # conftest: test_levels' autopilot rows on hard share the seed-0 ones
    assert run.outcome == "won" and run.tries == 1


NOVICE_ROWS = [pytest.param("bus_chase", "normal", 3, 0, id="chase-normal-0"),
               pytest.param("bus_chase", "normal", 3, 1, id="chase-normal-1"),
               pytest.param("bus_chase", "hard", 10, 2, id="chase-hard-2")] + [
    pytest.param(level, difficulty, tries, seed, id=f"{level}-{difficulty}-{seed}")
    for level in ("locksmith",) + ACTION_LEVELS + STORY_LEVELS for difficulty, tries in (("normal", 3), ("hard", 10))
    for seed in SEEDS[:2]]


@pytest.mark.parametrize("level,difficulty,tries,seed", NOVICE_ROWS)
def test_novice_wins_within_its_tries(level, difficulty, tries, seed):
    run = run_persona(level_map(level), "novice", difficulty, seed=seed, tries=tries)
    assert run.outcome == "won" and run.tries <= tries


@pytest.mark.parametrize("level", ["bathhouse", "hotel"])
@pytest.mark.parametrize("seed", SEEDS)
def test_masher_clears_the_bathhouse_and_the_hotel_on_easy(level, seed):
    run = run_persona(level_map(level), "masher", "easy", seed=seed, tries=3)
    assert run.outcome == "won"


def test_cli_prints_outcome_steps_lives_and_tries(capsys):
    from game.cli import main

    code = main(["autoplay", str(LEVELS / "locksmith.tmx"), "--persona", "expert", "--tries", "2"])
    out = capsys.readouterr().out
    assert code == 0
    assert out.startswith("won (expert, normal) after ") and "lives lost 0, tries used 1" in out


def test_every_mode_in_the_registry_plays_the_personas():
    from game.modes.registry import modes

    assert all(callable(m.personas) for m in modes())


def test_the_persona_table_command_prints_a_row_per_persona_and_difficulty(capsys):
    from game.cli import main
    from game.devtools.personatable import story_levels, tries_allowed

    assert main(["personas", str(LEVELS / "locksmith.tmx")]) == 0
    rows = capsys.readouterr().out.strip().splitlines()
    assert len(rows) == 2 + 4 * 3 and rows[0].startswith("| level | persona | difficulty | outcome")
    assert "| locksmith | novice | hard | won | 1/10 |" in "\n".join(rows)
    assert (tries_allowed("novice", "hard"), tries_allowed("novice", "normal"), tries_allowed("idle", "hard")) == (10, 3, 1)
    assert [p.stem for p in story_levels()][0] == "bathhouse" and "bus_chase" in [p.stem for p in story_levels()]
