"""How a level ends: lives spent after a knockout, the last one loses, open exits win."""
from level_arena import enemy_xml, level

from game.actors.objects import ExitSpec, Rect
from game.modes import events as ev
from game.modes.level import outcome


def knock_out(sim):
    sim.player.take_hit(sim.player.health, 1.0, 0.0, 0.0, 0, False)
    assert sim.player.state == "dead"


def test_a_life_is_spent_after_the_pause_and_the_crowd_is_shoved_back(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 100, 96, aggro="true"))
    lives = sim.player.lives
    knock_out(sim)
    for _ in range(outcome.DEATH_STEPS - 1):
        outcome.player_fate(sim)
    assert sim.player.state == "dead" and sim.player.lives == lives
    outcome.player_fate(sim)
    assert sim.player.lives == lives - 1 and sim.player.state == "free"
    assert sim.events == [ev.LifeLost(lives - 1)] and sim.enemies[0].body.vx > 0


def test_the_last_life_loses_the_level(write_level):
    sim = level(write_level)
    sim.player.lives = 1
    knock_out(sim)
    for _ in range(outcome.DEATH_STEPS):
        outcome.player_fate(sim)
    assert sim.outcome == outcome.LOST


def test_an_exit_wins_once_its_flag_is_set_and_the_area_is_clear(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 250, 96))
    fx, fy = sim.player.body.feet
    sim.spec.exits.append(ExitSpec(70, Rect(fx - 8, fy - 8, 16, 16), requires_flag="key", requires_clear=True))
    outcome.exits(sim)
    assert sim.outcome is None and not outcome.exit_open(sim, 70)
    sim.flags["key"] = True
    outcome.exits(sim)
    assert sim.outcome is None and outcome.exit_open(sim, 70)  # the brawler still stands
    sim.enemies[0].hp = 0
    outcome.exits(sim)
    assert sim.outcome == outcome.WON
