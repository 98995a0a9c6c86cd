"""Ridzik beside Danko: he comes where the map asks for him, fights (shooting more than punching), is
floored rather than killed and helped up by Danko holding Confirm, steps out of doorways Danko comes
through, and all of it is part of the deterministic step."""
import numpy as np
from conftest import room, tmx_text
from level_arena import enemy_xml, level

from game.actors.partner import REVOLVER, Intent, Partner
from game.actors.body import Body
from game.input.actions import Action, InputFrame, NO_INPUT
from game.modes.events import EnemyHit
from game.modes.level import doorways, partners
from game.modes.level.sim import LevelSim
from game.world.tilemap import load_tilemap

PARTNER = '<object id="90" type="partner_spawn" x="100" y="96"/>'


def held(action, steps=1):
    return [InputFrame(int(action), int(action))] + [InputFrame(int(action), 0)] * (steps - 1)


def test_no_partner_unless_the_map_asks_and_one_player_hashes_keep_their_shape(write_level):
    alone = level(write_level, enemy_xml(2, "brawler", 250, 96))
    assert alone.partner is None and len(alone.state()) == 8
    withhim = level(write_level, enemy_xml(2, "brawler", 250, 96) + PARTNER)
    assert withhim.partner is not None and withhim.partner.body.feet == (100, 96)
    assert len(withhim.state()) == 10


def test_the_map_property_puts_him_on_open_floor_beside_danko(write_level):
    text = tmx_text(room(20, 12), objects='<object id="1" type="player_spawn" x="80" y="96"/>')
    text = text.replace('infinite="0" >', 'infinite="0" >\n <properties><property name="partner" value="ridzik"/>'
                        '</properties>')
    sim = LevelSim(load_tilemap(write_level(text)))
    assert sim.partner is not None
    (rx, ry), (px, py) = sim.partner.body.feet, sim.player.body.feet
    assert 0 < abs(rx - px) + abs(ry - py) <= 40
    assert not sim.solid[int((ry - 1) // 16), int(rx // 16)]


def test_the_ai_shoots_more_than_it_punches(write_level):
    thugs = "".join(enemy_xml(i, "brawler", 200 + 20 * (i % 3), 60 + 20 * i, aggro="true") for i in range(2, 6))
    sim = level(write_level, thugs + PARTNER, w=24, h=14)
    shots = blows = 0
    for _ in range(900):
        sim.step(NO_INPUT)
        for ev in sim.events:
            if isinstance(ev, EnemyHit):
                shots += ev.attack == "revolver"
                blows += ev.attack in ("jab", "kick")
        if sim.outcome:
            break
    assert shots >= 3 and shots > blows


def test_floored_not_killed_and_helped_up_by_holding_confirm(write_level):
    sim = level(write_level, enemy_xml(2, "brawler", 280, 150) + PARTNER)
    r = sim.partner
    r.take_hit(999, 1, 0, 2.0, 10, False)
    assert r.out and r.health == 0 and not r.vulnerable
    sim.player.body = Body.at_feet(r.body.feet[0] + 8, r.body.feet[1])
    half = r.tuning.help_steps // 2
    for frame in held(Action.CONFIRM, half):
        sim.step(frame)
    assert r.out and r.help > 0
    sim.step(NO_INPUT)  # let go: the help starts over
    assert r.out and r.help == 0
    for frame in held(Action.CONFIRM, r.tuning.help_steps + 1):
        sim.step(frame)
    assert r.state == "free" and r.health == r.tuning.helped_health


def test_thugs_go_for_him_only_while_he_is_on_his_feet(write_level):
    sim = level(write_level, enemy_xml(2, "brawler", 130, 96, aggro="true") + PARTNER, spawn=(40, 96))
    for _ in range(40):
        sim.step(NO_INPUT)
    e = sim.enemies[0]
    assert e.foe == 1 and sim.foe_of(e) is sim.partner
    sim.partner.take_hit(999, 1, 0, 0.0, 10, False)
    sim.step(NO_INPUT)
    assert sim.foe_of(e) is sim.player and (e.foe == 0 or e.state in ("tell", "attack"))


def walled_door(w=20, h=12, gap_row=5):
    """A room split by a wall at column 10 with a one-tile doorway at `gap_row`."""
    grid = room(w, h)
    for y in range(1, h - 1):
        if y != gap_row:
            grid[y][10] = 2
    return grid


def test_he_steps_out_of_a_doorway_danko_comes_through(write_level):
    objects = ('<object id="1" type="player_spawn" x="56" y="92"/>'
               '<object id="90" type="partner_spawn" x="168" y="92"/>')  # Ridzik in the doorway (10, 5)
    sim = LevelSim(load_tilemap(write_level(tmx_text(walled_door(), objects=objects))))
    assert doorways.is_narrow(sim.solid, 10, 5)
    right = InputFrame(int(Action.RIGHT), 0)
    cleared = None
    for step in range(240):
        sim.step(right)
        rx, ry = sim.partner.body.feet
        if cleared is None and not doorways.is_narrow(sim.solid, int(rx // 16), int((ry - 1) // 16)):
            cleared = step
        if sim.player.body.feet[0] > 200:
            break
    assert cleared is not None and sim.player.body.feet[0] > 200  # he made way, and Danko went through


def test_step_aside_never_leads_through_dankos_cell():
    solid = np.array(walled_door(), dtype=int) == 2
    spot = doorways.step_aside(solid, (10, 5), (8, 5))
    assert spot is not None and spot[0] > 10 and not doorways.is_narrow(solid, *spot)


def test_partner_runs_are_deterministic(write_level):
    thugs = "".join(enemy_xml(i, "brawler", 220, 40 + 30 * i, aggro="true") for i in range(2, 5))
    hashes = []
    for _ in range(2):
        sim = level(write_level, thugs + PARTNER, seed=7)
        for i in range(600):
            sim.step(InputFrame(int(Action.RIGHT) if i % 90 < 30 else 0, int(Action.PUNCH) if i % 20 == 0 else 0))
        hashes.append(sim.state_hash())
    assert hashes[0] == hashes[1]


def test_his_revolver_runs_dry_and_reloads(write_level):
    sim = level(write_level, PARTNER)
    r = sim.partner
    for _ in range(r.tuning.rounds):
        r.shot_cooldown = 0
        r.step(Intent(0, 0, "shoot", (1.0, 0.0)), sim)
        r.state, r.attack = "free", None
    assert r.rounds == 0 and r.reload == r.tuning.reload_steps and not r.can_shoot
    for _ in range(r.tuning.reload_steps):
        r.step(Intent(), sim)
    assert r.rounds == r.tuning.rounds and REVOLVER.damage < 40  # lighter than Danko's Podbyrin


def test_partner_actor_imports_nothing_of_the_modes():
    import inspect

    from game.actors import partner
    assert "game.modes" not in inspect.getsource(partner) and Partner
    assert partners.LEASH_W < 320 and partners.LEASH_H < 180
