"""The level's vehicles: a parked bus is a wall; `drive` takes it along its route, shoving Danko aside, off the map."""
import math

from level_arena import level

from game.actors.objects import parse_script, read_level
from game.input.actions import NO_INPUT
from game.modes.level import buses, script
from game.modes.level.state import Script

T = 16


def bus_xml(route_y=150):
    """A bus facing right in a 40x12 room, and a route from its centre east along y = route_y, out of the room."""
    return ('<object id="5" name="coach" type="vehicle" x="200" y="40" width="72" height="28"><properties>'
            '<property name="facing" value="right"/><property name="driver" value="Rostavili"/></properties></object>'
            f'<object id="6" name="away" type="route" x="236" y="54"><polyline points="0,0 0,{route_y - 54} '
            f'500,{route_y - 54}"/></object>')


def drive(sim, steps):
    commands, problems = parse_script("drive coach away")
    assert not problems
    sim.scripts.append(Script("beat", tuple(commands)))
    for _ in range(steps):
        sim.step(NO_INPUT)


def test_a_parked_bus_is_a_wall_where_it_stands_and_its_cells_free_up_when_it_drives(write_level):
    sim = level(write_level, bus_xml(), w=40)
    bus = sim.buses[0]
    assert (bus.name, bus.state, bus.driver, bus.sprite) == ("coach", "parked", "Rostavili", "bus_a")
    assert math.isclose(bus.heading, 0.0) and (bus.length, bus.width) == (72, 28)
    assert sim.solid[40 // T, 220 // T] and sim.solid[60 // T, 260 // T]
    drive(sim, 1)
    assert bus.state == "driving" and not sim.solid[40 // T, 220 // T]


def test_a_driving_bus_gathers_speed_turns_along_its_route_and_leaves_the_map(write_level):
    sim = level(write_level, bus_xml(), w=40)
    bus = sim.buses[0]
    drive(sim, 30)
    assert 0 < bus.speed < buses.TOP_SPEED and bus.y > 54 and abs(bus.heading - math.pi / 2) < 0.3  # pulling down
    drive(sim, 200)
    assert bus.speed == buses.TOP_SPEED and abs(bus.heading) < 0.05 and bus.x > 300  # heading east
    for _ in range(400):
        sim.step(NO_INPUT)
    assert bus.state == "gone"
    assert sim.state()[-1] == (bus.snapshot(),)  # where the buses are is part of the level's state


def test_danko_standing_in_its_way_is_shoved_aside_unharmed(write_level):
    sim = level(write_level, bus_xml(route_y=150), w=40, spawn=(330, 152))
    health = sim.player.health
    drive(sim, 400)
    box = buses.footprint(sim.buses[0])
    x, y, w, h = sim.player.body.box
    assert sim.player.health == health
    assert sim.buses[0].state == "gone" or not (x < box.x + box.w and box.x < x + w and y < box.y + box.h and box.y < y + h)
    assert abs(sim.player.body.feet[1] - 152) > 10  # pushed off the bus's line


def test_drive_names_a_vehicle_and_a_route_or_check_says_so(write_level):
    from conftest import room, tmx_text

    from game.world.tilemap import load_tilemap

    objects = ('<object id="1" type="player_spawn" x="40" y="40"/>'
               '<object id="2" type="trigger" x="16" y="16" width="32" height="32"><properties>'
               '<property name="script" value="drive nobus nowhere"/></properties></object>')
    problems = [p for _, p in read_level(load_tilemap(write_level(tmx_text(room(8, 6), objects=objects)))).problems]
    assert "script: 'drive' names no vehicle 'nobus'" in problems
    assert "script: 'drive' names no route 'nowhere' (a polyline)" in problems


def test_script_drive_on_a_missing_bus_is_a_warning_not_a_crash(write_level):
    sim = level(write_level)
    script.command(sim, Script("beat", ()), parse_script("drive coach away")[0][0])
    assert sim.buses == [] and sim.outcome is None
