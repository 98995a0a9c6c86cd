"""The level step's kept rows answer as the plain reads they replace: the triggers' conditions, the searchable
couriers among the enemies (and whether a map has any), a route's Path."""
from __future__ import annotations

import copy
import random

from conftest import room, tmx_text
from level_arena import enemy_xml, level

from game.actors.drivers import Path
from game.input.actions import InputFrame
from game.modes.level import buses, props, search
from game.modes.level.sim import LevelSim
from game.world.tilemap import load_tilemap


def _plain_check_triggers(sim) -> None:
    """check_triggers as it reads with no kept rows: every trigger's own fields, in the map's order."""
    box = sim.player.body.box
    clear = None
    for t in list(sim.spec.triggers):
        if t.id in sim.fired:
            continue
        if t.rect is not None and not t.rect.contains_box(box) and not (t.after and sim.steps >= t.after):
            continue
        if not sim.flag_met(t.requires_flag):
            continue
        if t.requires_clear:
            if clear is None:
                clear = sim.area_clear
            if not clear:
                continue
        sim.fired.append(t.id)
        sim.checkpoint_due = sim.checkpoint_due or t.checkpoint
        props.fire(sim, t.beat, t.dialogue, t.wave, t.set_flag, t.objective)
        clear = None


def _trigger(i: int, rng: random.Random) -> str:
    rect = "" if rng.random() < 0.4 else f'width="{rng.choice((16, 40, 90))}" height="{rng.choice((16, 40, 90))}"'
    extra = {"set_flag": f"f{i}"}
    if rng.random() < 0.5:
        extra["requires_flag"] = f"f{rng.randint(2, 12)}"
    if rng.random() < 0.3:
        extra["requires_clear"] = "true"
    if rng.random() < 0.3:
        extra["after"] = str(rng.randint(1, 60))
    body = "".join(f'<property name="{k}" value="{v}"/>' for k, v in extra.items())
    x, y = rng.randint(16, 260), rng.randint(16, 150)
    return f'<object id="{i}" name="t{i}" type="trigger" x="{x}" y="{y}" {rect}><properties>{body}</properties></object>'


def test_triggers_fire_as_their_own_fields_say_over_random_maps_flags_places_and_steps(write_level):
    rng = random.Random(5)
    fired_some = set()
    for trial in range(40):
        objects = "".join(_trigger(i, rng) for i in range(2, 12)) + enemy_xml(40, "brawler", 200, 140)
        sim = level(write_level, objects)
        plain = LevelSim(sim.tilemap)  # the same map, checked the plain way: both must go on alike
        for _ in range(30):
            x, y, steps = rng.uniform(0, 300), rng.uniform(0, 180), rng.randint(0, 80)
            flag, value, beaten = f"f{rng.randint(2, 12)}", rng.random() < 0.8, rng.random() < 0.2
            flag = flag if rng.random() < 0.3 else None
            for each in (sim, plain):
                each.player.body.x, each.player.body.y, each.steps = x, y, steps
                if flag:
                    each.flags[flag] = value
                if beaten:
                    each.live[0].hp = 0 if each.live[0].hp else 5
            props.check_triggers(sim)
            _plain_check_triggers(plain)
            assert sim.fired == plain.fired and sim.flags == plain.flags, trial
            fired_some.update(sim.fired)
    assert len(fired_some) == 10  # every trigger of the maps fired somewhere


def test_searchable_couriers_are_the_enemies_of_the_list_the_level_holds_now(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 100, 96, search="leg_found") + enemy_xml(11, "brawler", 160, 96))
    search.bodies(sim)
    assert not any(n.role == "searchable" for n in sim.npcs)
    sim.enemies = copy.deepcopy(sim.enemies)  # another list (a copy's): its courier is the one beaten
    sim.enemies[0].hp = 0
    search.bodies(sim)
    assert [n.name for n in sim.npcs if n.role == "searchable"] == ["body10"]
    courier = sim.enemies[0]
    sim.enemies = [sim.enemies[1]]  # a list without him...
    sim.npcs.clear()
    search.bodies(sim)
    assert sim.npcs == []
    sim.enemies.append(courier)  # ...that grows to hold him
    search.bodies(sim)
    assert [n.name for n in sim.npcs] == ["body10"]


def test_a_route_path_is_made_once_per_route_object():
    route = ((0.0, 0.0), (30.0, 40.0), (30.0, 90.0))
    path = buses._path(route)
    assert path == Path(route) and buses._path(route) is path
    other = ((1.0, 0.0), (31.0, 40.0))
    buses._PATHS[id(other)] = (route, path)  # what a dead route of the same id left behind
    assert buses._path(other) == Path(other)


def test_the_couriers_flag_follows_the_map_through_a_reload_and_a_checkpoint_copy(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 100, 96))
    assert not sim.couriers
    spawn = '<object id="1" type="player_spawn" x="80" y="96"/>'
    searched = write_level(tmx_text(room(20, 12), objects=spawn + enemy_xml(10, "brawler", 100, 96, search="leg")),
                           "searched.tmx")
    sim.reload_map(load_tilemap(searched))  # the designer gave him something to find
    assert sim.couriers and copy.deepcopy(sim).couriers
    sim.enemies[0].hp = 0
    sim.step(InputFrame())
    assert [n.name for n in sim.npcs if n.role == "searchable"] == ["body10"]
