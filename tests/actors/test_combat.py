"""Danko's moves: combo timing and cancel windows, hitstun, i-frames, the pistol, hitstop."""
from combat_arena import arena, enemy_xml

from game.actors import player as P
from game.input.actions import Action, InputFrame
from game.modes.events import Sound

NONE = InputFrame()


def press(action: Action) -> InputFrame:
    return InputFrame(held=int(action), pressed=int(action))


def run(sim, steps, frame=NONE):
    for _ in range(steps):
        sim.step(frame)


def test_punch_punch_kick_chains_inside_the_cancel_windows(write_level):
    sim = arena(write_level)
    sim.step(press(Action.PUNCH))
    p = sim.player
    assert p.state == "attack" and p.attack.name == "punch1"
    run(sim, 2)                                # step 3 of punch1: too early to cancel, so buffered
    sim.step(press(Action.PUNCH))
    assert p.attack.name == "punch1"
    run(sim, P.PUNCH_1.cancel_from - 4)
    assert p.attack.name == "punch1"
    sim.step(NONE)                             # the buffered press comes out exactly at cancel_from
    assert p.attack.name == "punch2" and p.timer == 0
    run(sim, P.PUNCH_2.cancel_from + 1)
    sim.step(press(Action.PUNCH))              # third press: the finishing kick
    assert p.attack.name == "combo_kick" and p.attack.knockdown


def test_kick_cancels_punch_into_the_finisher(write_level):
    sim = arena(write_level)
    sim.step(press(Action.PUNCH))
    run(sim, P.PUNCH_1.cancel_from)
    sim.step(press(Action.KICK))
    assert sim.player.attack.name == "combo_kick"


def test_a_press_after_the_attack_ended_starts_a_new_combo(write_level):
    sim = arena(write_level)
    sim.step(press(Action.PUNCH))
    run(sim, P.PUNCH_1.total + P.BUFFER_STEPS + 2)
    assert sim.player.state == "free"
    sim.step(press(Action.PUNCH))
    assert sim.player.attack.name == "punch1"


def test_a_press_buffered_too_long_is_dropped(write_level):
    sim = arena(write_level)
    sim.step(press(Action.KICK))               # kick has no cancel window
    sim.step(press(Action.PUNCH))
    run(sim, P.KICK.total)
    assert sim.player.state == "free"          # the punch pressed 29 steps ago did not come out


def test_punch_hitstun_stops_an_enemy_and_hitstop_freezes_the_world(write_level):
    sim = arena(write_level, enemy_xml(2, "brawler", 96, 96), spawn=(80, 96))
    e = sim.enemies[0]
    e.cooldown = 999
    sim.player.aim = (1.0, 0.0)
    sim.step(press(Action.PUNCH))
    for _ in range(P.PUNCH_1.startup + 1):
        sim.step(NONE)
        if e.state == "hurt":
            break
    assert e.state == "hurt" and e.hp < e.max_hp
    assert sim.hitstop == P.PUNCH_1.hitstop
    frozen = (e.body.x, e.timer)
    run(sim, P.PUNCH_1.hitstop)
    assert (e.body.x, e.timer) == frozen       # hitstop: nothing moved
    stun = e.stun
    assert stun == P.PUNCH_1.hitstun - 1        # the step of the hit counts as the first
    run(sim, stun - 1)
    assert e.state == "hurt"                   # still reeling, cannot wind up an attack
    run(sim, 2)
    assert e.state != "hurt"


def test_kick_knocks_down_and_the_heavy_only_falls_to_knockdowns(write_level):
    sim = arena(write_level, enemy_xml(2, "heavy", 98, 96))
    heavy = sim.enemies[0]
    heavy.cooldown = 999
    sim.player.aim = (1.0, 0.0)
    sim.step(press(Action.PUNCH))
    run(sim, 12)
    assert heavy.state != "hurt" and heavy.max_hp - heavy.hp <= 2   # armor: a punch barely tells
    run(sim, 30)
    heavy.body.x, heavy.body.y = sim.player.body.x + 14, sim.player.body.y  # it backed off; bring it near
    sim.player.aim = (1.0, 0.0)
    hp = heavy.hp
    sim.step(press(Action.KICK))
    run(sim, 20)
    assert heavy.state == "down" and hp - heavy.hp >= P.KICK.damage


def test_i_frames_after_a_hit_then_vulnerable_again(write_level):
    sim = arena(write_level, enemy_xml(2, "brawler", 96, 96))
    e = sim.enemies[0]
    attack = e.kind.attacks[0]
    e.attack, e.aim = attack, (-1.0, 0.0)
    sim.enemy_strike(e)
    p = sim.player
    first = p.health
    assert first < 100 and p.iframes == P.IFRAMES and not p.vulnerable
    e.hit_player = False
    sim.enemy_strike(e)
    assert p.health == first                   # blinking: the second blow passes through
    e.cooldown = 999
    e.state = "passive"
    run(sim, P.IFRAMES + attack.hitstop)         # the freeze frames do not count
    assert p.vulnerable
    sim.enemy_strike(e)
    assert p.health < first


def test_pistol_only_when_the_story_gives_danko_a_gun(write_level):
    unarmed = arena(write_level, enemy_xml(2, "brawler", 160, 96))
    unarmed.player.aim = (1.0, 0.0)
    unarmed.step(press(Action.SHOOT))
    assert unarmed.player.ammo == 0 and unarmed.enemies[0].hp == unarmed.enemies[0].max_hp
    armed = arena(write_level, enemy_xml(2, "brawler", 160, 96), flags={"has_gun": True})
    armed.player.aim = (1.0, 0.0)
    ammo = armed.player.ammo
    armed.step(press(Action.SHOOT))
    assert armed.player.ammo == ammo - 1
    assert armed.enemies[0].hp < armed.enemies[0].max_hp


def test_empty_gun_clicks(write_level):
    sim = arena(write_level, flags={"has_gun": True})
    sim.player.ammo = 0
    sim.step(press(Action.SHOOT))
    assert Sound("click") in sim.events


def test_shoulder_charge_travels_and_knocks_down(write_level):
    sim = arena(write_level, enemy_xml(2, "brawler", 150, 96), w=24)
    sim.enemies[0].cooldown = 999
    sim.player.aim = (1.0, 0.0)
    x0 = sim.player.body.x
    sim.step(press(Action.SPECIAL))
    run(sim, 30)
    assert sim.player.body.x - x0 > 30
    assert sim.enemies[0].state == "down"


def test_difficulty_scales_damage_taken(write_level):
    taken = {}
    for level in ("easy", "normal", "hard"):
        sim = arena(write_level, enemy_xml(2, "brawler", 96, 96), difficulty=level)
        e = sim.enemies[0]
        e.attack, e.aim = e.kind.attacks[0], (-1.0, 0.0)
        sim.enemy_strike(e)
        taken[level] = 100 - sim.player.health
    assert taken["easy"] < taken["normal"] < taken["hard"]


def test_min_difficulty_controls_enemy_count(write_level):
    enemies = enemy_xml(2, "brawler", 200, 96) + enemy_xml(3, "knife", 220, 96, min_difficulty="normal") \
        + enemy_xml(4, "heavy", 240, 96, min_difficulty="hard")
    counts = [len(arena(write_level, enemies, w=24, difficulty=d).enemies) for d in ("easy", "normal", "hard")]
    assert counts == [1, 2, 3]


def test_steam_vent_warns_before_it_scalds_and_only_hurts_while_blowing(write_level):
    vent = ('<object id="5" type="hazard" x="64" y="80" width="16" height="16"><properties>'
            '<property name="period" type="int" value="120"/><property name="warn" type="int" value="40"/>'
            '<property name="on" type="int" value="30"/></properties></object>')
    sim = arena(write_level, vent, spawn=(72, 94))
    h = sim.spec.hazards[0]
    phases = [h.phase_at(s) for s in range(120)]
    first_on = phases.index("on")
    assert first_on == 40 and all(p == "warn" for p in phases[:40])  # a readable build-up first
    health = []
    for _ in range(first_on - 1):
        sim.step(NONE)
        health.append(sim.player.health)
    assert set(health) == {100}
    run(sim, 3)
    assert sim.player.health < 100


def test_pickups_heal_and_ammo_only_when_armed(write_level):
    items = ('<object id="5" type="pickup" x="76" y="86" width="12" height="12"><properties>'
             '<property name="item" value="first_aid"/></properties></object>'
             '<object id="6" type="pickup" x="76" y="86" width="12" height="12"><properties>'
             '<property name="item" value="ammo"/></properties></object>')
    sim = arena(write_level, items)
    sim.player.health = 30
    sim.step(NONE)
    assert sim.player.health == 70 and not sim.pickups[1].taken   # no gun, no use for bullets
    armed = arena(write_level, items, flags={"has_gun": True})
    armed.player.ammo = 1
    armed.step(NONE)
    assert armed.player.ammo == 7 and not armed.pickups[0].taken  # full health: the kit stays
