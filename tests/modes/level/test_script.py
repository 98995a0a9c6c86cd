"""The script interpreter: commands in order, waits, actor commands, waves."""
from level_arena import enemy_xml, level

from game.actors.objects import parse_script
from game.modes import events as ev
from game.modes.level import script
from game.modes.level.outcome import WON
from game.modes.level.state import Script


def run_script(sim, text, steps):
    commands, problems = parse_script(text)
    assert not problems
    sim.scripts.append(Script("beat", tuple(commands)))
    for _ in range(steps):
        script.run(sim)


def test_commands_run_in_order_and_wait_holds_the_rest(write_level):
    sim = level(write_level)
    run_script(sim, "flag a; wait 2; dialogue hello; objective Find him; sound door", 1)
    assert sim.flags == {"a": True} and not sim.events
    script.run(sim)
    script.run(sim)
    assert sim.events == [ev.Dialogue("beat", "hello"), ev.ObjectiveChanged("Find him"), ev.Sound("door")]
    assert sim.objective == "Find him" and sim.scripts == []


def test_win_ends_the_level(write_level):
    sim = level(write_level)
    run_script(sim, "win", 1)
    assert sim.outcome == WON


def test_wave_brings_in_its_dormant_enemies_chasing(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 200, 96, wave=2))
    e = sim.enemies[0]
    assert e.state == "dormant" and e not in sim.live
    run_script(sim, "wave 2", 1)
    assert e.state == "chase" and e.aggro and e in sim.live and ev.Sound("wave") in sim.events


def test_actor_commands_walk_fight_and_shoot(write_level):
    sim = level(write_level, enemy_xml(10, "rostavili", 200, 96, scripted="true") +
                enemy_xml(11, "brawler", 240, 96))
    boss, thug = sim.enemies
    sim.spec.markers["gate"] = (280.0, 60.0)
    run_script(sim, "flee rostavili10 gate", 1)
    assert boss.state == "script" and boss.goal == (280.0, 60.0) and boss.vanish and not boss.hostile
    run_script(sim, "shoot rostavili10 brawler11", 1)
    assert thug.state == "dying" and ev.Sound("derringer") in sim.events
    run_script(sim, "fight rostavili10", 1)
    assert boss.state == "chase" and boss.hostile and boss.aggro


def test_alert_turns_everyone_standing_about_on_danko(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 200, 96) + enemy_xml(11, "knife", 240, 96))
    assert [e.state for e in sim.enemies] == ["idle", "idle"]
    run_script(sim, "alert", 1)
    assert [e.state for e in sim.enemies] == ["chase", "chase"] and all(e.aggro for e in sim.enemies)
