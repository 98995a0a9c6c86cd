"""Where blows and shots land: hitboxes, once per attack, knockouts and drops, difficulty on Danko."""
from level_arena import enemy_xml, level

from game.actors import player as P
from game.modes import events as ev
from game.modes.level import strikes


def test_a_punch_hits_an_enemy_in_reach_once_per_attack(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 92, 96))
    e = sim.enemies[0]
    sim.player.aim = (1.0, 0.0)
    strikes.player_strike(sim, P.PUNCH_1)
    strikes.player_strike(sim, P.PUNCH_1)  # still the same attack: no second hit
    assert e.hp == e.max_hp - P.PUNCH_1.damage
    assert sim.player.hit_ids == [e.id] and sim.last_hit is e
    assert ev.of_type(sim.events, ev.EnemyHit) == [ev.EnemyHit(e.id, "punch1", P.PUNCH_1.damage, *e.body.feet)]
    assert ev.Sound("punch") in sim.events and sim.hitstop == P.PUNCH_1.hitstop


def test_a_punch_misses_behind_danko(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 68, 96))
    sim.player.aim = (1.0, 0.0)
    strikes.player_strike(sim, P.PUNCH_1)
    assert sim.enemies[0].hp == sim.enemies[0].max_hp and not sim.events


def test_a_knockout_counts_and_drops_its_item(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 92, 96, drop="first_aid"))
    e = sim.enemies[0]
    strikes.hit_enemy(sim, e, P.KICK, 1.0, 0.0, e.hp)
    assert e.hp == 0 and e.state == "dying" and sim.kills == 1
    assert ev.of_type(sim.events, ev.Knockout) == [ev.Knockout(e.id, e.name, *e.body.feet)]
    assert [p.kind for p in sim.pickups] == ["first_aid"]


def test_aim_assist_turns_a_swing_toward_a_near_enemy_only(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 100, 110))
    ax, ay = strikes.aim_assist(sim, (1.0, 0.0))
    assert ax > 0 and ay > 0  # turned down toward it
    assert strikes.aim_assist(sim, (-1.0, 0.0)) == (-1.0, 0.0)  # behind him: left alone


def test_the_shot_hits_the_enemy_along_the_aim(write_level):
    sim = level(write_level, enemy_xml(10, "heavy", 160, 96), flags={"has_gun": True})
    strikes.player_shoot(sim, (1.0, 0.0))
    e = sim.enemies[0]
    assert e.hp == e.max_hp - strikes.SHOT_ATTACK.damage
    assert [fx.kind for fx in sim.effects] == ["flash", "tracer", "bigspark"]


def test_damage_to_danko_follows_the_difficulty(write_level):
    dealt = {}
    for name in ("easy", "normal", "hard"):
        sim = level(write_level, difficulty=name)
        strikes.hurt_player(sim, P.KICK, 1.0, 0.0, 20)
        dealt[name] = sim.player.tuning.max_health - sim.player.health
        assert ev.of_type(sim.events, ev.PlayerHit)[0].damage == dealt[name]
    assert dealt["easy"] < dealt["normal"] == 20 < dealt["hard"]


def test_the_result_card_figures_count_hits_taken_and_the_best_chain(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 92, 96))
    sim.player.aim = (1.0, 0.0)
    for attack in (P.PUNCH_1, P.PUNCH_2, P.COMBO_KICK):  # one chain of three hits
        sim.player.hit_ids = []
        strikes.player_strike(sim, attack)
    sim.player.combo = 0  # the chain ends; a shorter one does not lower the best
    sim.player.hit_ids = []
    strikes.player_strike(sim, P.PUNCH_1)
    assert sim.best_combo == 3
    assert sim.hits_taken == 0
    strikes.hurt_player(sim, P.PUNCH_1, 1.0, 0.0, 5)
    strikes.hurt_player(sim, P.PUNCH_1, 1.0, 0.0, 5)
    assert sim.hits_taken == 2
