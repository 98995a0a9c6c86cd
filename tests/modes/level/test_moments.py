"""The scripted moments of the sting: searching a beaten courier with the grab button, NPCs that walk,
timed triggers, Danko armed and wounded by a script (and a scripted shot that never kills him)."""
from level_arena import enemy_xml, level

from game.actors.objects import parse_script
from game.input.actions import Action, InputFrame
from game.modes.level import script, search
from game.modes.level.state import Script

GRAB = InputFrame(held=int(Action.SPECIAL), pressed=int(Action.SPECIAL))


def run_script(sim, text, steps):
    commands, problems = parse_script(text)
    assert not problems
    sim.scripts.append(Script("beat", tuple(commands)))
    for _ in range(steps):
        sim.step(InputFrame())


def npc_xml(ident, name, x, y, **props):
    extra = "".join(f'<property name="{k}" value="{v}"/>' for k, v in props.items())
    return (f'<object id="{ident}" name="{name}" type="npc" x="{x}" y="{y}"><properties>'
            f'<property name="sprite" value="ogarkov"/>{extra}</properties></object>')


def marker_xml(ident, name, x, y):
    return f'<object id="{ident}" name="{name}" type="marker" x="{x}" y="{y}"/>'


def test_a_beaten_courier_stays_down_and_the_grab_beside_him_searches_him(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 100, 96, search="leg_found"))
    courier = sim.enemies[0]
    courier._die(1.0, 0.0, 0.0)
    sim.step(InputFrame())
    body = next(n for n in sim.npcs if n.role == "searchable")
    assert body.state == "fallen" and not sim.flags.get("leg_found")
    sim.player.body.x, sim.player.body.y = body.x - 14, body.y - 6
    sim.step(InputFrame())
    assert any(fx.kind == "prompt" and fx.text == "search" for fx in sim.effects)
    sim.step(GRAB)
    assert sim.flags.get("leg_found") and body.role == "searched"
    assert sim.player.state == "free" and sim.player.charge_cooldown == 0  # the press was used up, no charge
    assert sum(fx.kind == "packet" for fx in sim.effects) == len(search.PACKETS)
    for _ in range(120):  # the body stays; nothing more to search
        sim.step(GRAB if sim.steps % 2 else InputFrame())
    assert body in sim.npcs and search.nearest_body(sim) is None


def test_far_from_a_body_the_grab_is_still_the_charge(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 260, 96, search="leg_found"))
    sim.enemies[0]._die(1.0, 0.0, 0.0)
    sim.step(InputFrame())
    sim.step(GRAB)
    assert sim.player.attack is not None and sim.player.attack.name == "charge"
    assert not sim.flags.get("leg_found")


def test_a_script_walks_an_npc_to_a_marker(write_level):
    sim = level(write_level, npc_xml(5, "ogarkov", 60, 120) + marker_xml(6, "cover", 200, 120))
    run_script(sim, "walk ogarkov cover", 60)
    yuri = sim.npcs[0]
    assert yuri.state == "walk" and 60 < yuri.x < 200 and yuri.facing == "right"
    for _ in range(200):
        sim.step(InputFrame())
    assert (yuri.x, yuri.y, yuri.state) == (200, 120, "stand")


def test_a_scripted_shot_floors_danko_but_never_kills_him(write_level):
    sim = level(write_level, enemy_xml(10, "rostavili", 200, 96, scripted="true"))
    sim.player.health = 20
    run_script(sim, "appear rostavili10; shoot rostavili10 danko", 1)
    p = sim.player
    assert p.state == "down" and 0 < p.health < 20
    p.health, p.iframes, p.state = 2, 0, "free"
    run_script(sim, "shoot rostavili10 danko", 1)
    assert p.health == 2 and p.state != "dead"


def test_arm_gives_danko_his_pistol_and_wound_leaves_him_down(write_level):
    sim = level(write_level)
    assert not sim.player.armed
    run_script(sim, "arm", 1)
    assert sim.player.armed and sim.player.loaded > 0 and sim.flags["has_gun"]
    run_script(sim, "wound", 1)
    for _ in range(600):
        sim.step(InputFrame(held=int(Action.RIGHT)))
    assert sim.player.state == "down" and sim.player.health > 0 and sim.outcome is None


def test_a_timed_trigger_fires_by_itself_at_its_step(write_level):
    trigger = ('<object id="7" name="late" type="trigger" x="288" y="16" width="16" height="16"><properties>'
               '<property name="set_flag" value="late"/><property name="after" type="int" value="30"/>'
               '</properties></object>')
    sim = level(write_level, trigger)
    for _ in range(29):
        sim.step(InputFrame())
    assert not sim.flags.get("late")
    sim.step(InputFrame())
    assert sim.flags.get("late")


def test_script_commands_are_known_to_the_checker():
    commands, problems = parse_script("arm; wound; alarm; walk ogarkov cover")
    assert not problems and [c.name for c in commands] == ["arm", "wound", "alarm", "walk"]
    assert script.SCRIPTED_SHOT.knockdown


def test_a_car_npc_drives_off_at_a_cars_pace_and_is_drawn_from_the_vehicle_sheet(write_level):
    from game.modes.level import marks, npcs

    car = ('<object id="5" name="volga" type="npc" x="60" y="120"><properties>'
           '<property name="sprite" value="vehicle:sedan"/><property name="role" value="car"/>'
           '<property name="facing" value="right"/></properties></object>')
    sim = level(write_level, car + marker_xml(6, "road_end", 280, 120))
    run_script(sim, "flee volga road_end", 10)
    volga = sim.npcs[0]
    assert volga.speed == npcs.DRIVE_SPEED and volga.x > 60 + 8 * npcs.WALK_SPEED
    sprite = marks.vehicle_sprite(volga)
    assert sprite.image.get_width() > sprite.image.get_height()  # turned to face right
    for _ in range(200):
        sim.step(InputFrame())
    assert volga.state == "gone"
