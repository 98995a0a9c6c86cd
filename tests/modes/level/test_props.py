"""Pickups, doors opened by flags and triggers that fire once when their conditions hold."""
from level_arena import enemy_xml, level

from game.actors.objects import DoorSpec, Rect, TriggerSpec
from game.modes import events as ev
from game.modes.level import props
from game.modes.level.state import Pickup


def test_first_aid_heals_only_a_hurt_danko(write_level):
    sim = level(write_level)
    fx, fy = sim.player.body.feet
    sim.pickups.append(Pickup(7, "first_aid", fx, fy - 3))
    props.collect_pickups(sim)
    assert not sim.pickups[0].taken  # full health: it stays for later
    sim.player.health = 50
    props.collect_pickups(sim)
    assert sim.pickups[0].taken and sim.player.health == 50 + props.FIRST_AID
    assert sim.events == [ev.Sound("pickup")] and sim.effects[-1].text == "+HEALTH"


def test_ammo_needs_a_gun(write_level):
    unarmed = level(write_level)
    fx, fy = unarmed.player.body.feet
    unarmed.pickups.append(Pickup(7, "ammo", fx, fy - 3))
    props.collect_pickups(unarmed)
    assert not unarmed.pickups[0].taken
    armed = level(write_level, flags={"has_gun": True})
    armed.player.ammo = 0
    armed.pickups.append(Pickup(7, "ammo", fx, fy - 3))
    props.collect_pickups(armed)
    assert armed.player.ammo == props.AMMO_CLIP


def test_a_door_is_a_wall_until_its_flag_is_set(write_level):
    sim = level(write_level)
    door = DoorSpec(50, "gate", Rect(160, 32, 16, 32), flag="gate_open")
    sim.spec.doors.append(door)
    props.setup_doors(sim)
    assert sim.solid[2, 10] and sim.solid[3, 10] and sim.door_closed(50)
    props.open_doors(sim)
    assert sim.door_closed(50)
    sim.flags["gate_open"] = True
    props.open_doors(sim)
    assert not sim.solid[2, 10] and not sim.door_closed(50) and sim.events == [ev.Sound("door")]


def test_a_trigger_fires_once_and_waits_for_a_clear_area(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 250, 96, aggro="true"))
    trig = TriggerSpec(60, "t", None, beat="b", dialogue="d", set_flag="done", requires_clear=True,
                       objective="Go")
    sim.spec.triggers.append(trig)
    props.check_triggers(sim)
    assert not sim.fired  # the brawler is still standing
    sim.enemies[0].hp = 0
    props.check_triggers(sim)
    props.check_triggers(sim)
    assert sim.fired == [60] and sim.flags["done"] and sim.objective == "Go"
    assert sim.events == [ev.Dialogue("b", "d"), ev.ObjectiveChanged("Go")]
