"""LevelSim.step runs the level's systems once each, in the documented order; a hitstop step runs none."""
from level_arena import enemy_xml, level

from game.input.actions import Action, InputFrame
from game.modes.level import crowd, hazards, outcome, projectiles, props, script
from game.modes.level import sim as sim_module

ORDER = [(crowd, "plan"), (projectiles, "fly"), (hazards, "scald"), (props, "collect_pickups"),
         (props, "open_doors"), (props, "check_triggers"), (script, "run"), (outcome, "player_fate"),
         (outcome, "exits"), (crowd, "prune")]


def record(monkeypatch, sim, calls):
    for module, name in ORDER:
        real = getattr(module, name)

        def spy(level, _real=real, _name=f"{module.__name__.rsplit('.', 1)[1]}.{name}"):
            calls.append(_name)
            return _real(level)

        monkeypatch.setattr(module, name, spy)
    real_player_step = sim.player.step
    monkeypatch.setattr(sim.player, "step", lambda frame, world: (calls.append("player"),
                                                                    real_player_step(frame, world)))
    real_crowd_step = sim_module.step_crowd  # the whole crowd's step, one call
    monkeypatch.setattr(sim_module, "step_crowd", lambda crowd, world: (calls.append("enemies"),
                                                                         real_crowd_step(crowd, world)))


def test_one_step_runs_every_system_once_in_order(write_level, monkeypatch):
    sim = level(write_level, enemy_xml(10, "brawler", 200, 96, aggro="true"))
    calls: list[str] = []
    record(monkeypatch, sim, calls)
    sim.step(InputFrame())
    assert calls == ["player", "crowd.plan", "enemies", "projectiles.fly", "hazards.scald",
                     "props.collect_pickups", "props.open_doors", "props.check_triggers", "script.run",
                     "outcome.player_fate", "outcome.exits", "crowd.prune"]


def test_a_hitstop_step_runs_no_system_but_keeps_the_press(write_level, monkeypatch):
    sim = level(write_level)
    calls: list[str] = []
    record(monkeypatch, sim, calls)
    sim.hitstop = 2
    sim.step(InputFrame(held=int(Action.PUNCH), pressed=int(Action.PUNCH)))
    assert calls == [] and sim.hitstop == 1 and sim.steps == 1 and sim.player.buffered == "punch"
