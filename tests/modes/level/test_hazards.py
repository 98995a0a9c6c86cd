"""Steam vents: they scald Danko only while on, and the enemies in them every half second."""
from level_arena import enemy_xml, level

from game.actors.objects import HazardSpec, Rect
from game.modes import events as ev
from game.modes.level import hazards


def vent_under(sim, x, y, **kw):
    vent = HazardSpec(99, Rect(x - 16, y - 16, 32, 32), **kw)
    sim.spec.hazards.append(vent)
    return vent


def test_a_vent_scalds_danko_only_in_its_on_phase(write_level):
    sim = level(write_level)
    vent = vent_under(sim, *sim.player.body.feet, period=100, warn=20, on=30, damage=10)
    for step, phase in ((5, "warn"), (60, "off")):
        sim.steps = step
        assert vent.phase_at(step) == phase
        hazards.scald(sim)
        assert sim.player.health == sim.player.tuning.max_health
    sim.steps = 25
    hazards.scald(sim)
    assert sim.player.health == sim.player.tuning.max_health - 10
    assert ev.Sound("hurt") in sim.events and sim.player.state == "hurt"


def test_enemies_in_the_jet_are_scalded_every_thirty_steps(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 200, 96, aggro="true"))
    e = sim.enemies[0]
    vent_under(sim, *e.body.feet, period=200, warn=20, on=100, damage=10)
    hit_at = []
    for step in range(20, 120):
        sim.steps = step
        before = e.hp
        hazards.scald(sim)
        if e.hp < before:
            hit_at.append(step)
            e.state = "chase"  # up again at once, so the next burst finds it hittable
    assert hit_at == [20, 50, 80, 110]
