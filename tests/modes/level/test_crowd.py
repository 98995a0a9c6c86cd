"""Crowd AI before the enemies act: ring slots, attack tokens by difficulty, separation, pruning."""
import math

from level_arena import enemy_xml, level

from game.modes.level import crowd


def brawlers(write_level, n: int, x0: float = 120, **kw):
    return level(write_level, "".join(enemy_xml(10 + i, "brawler", x0 + 2 * i, 96, aggro="true")
                                      for i in range(n)), **kw)


def test_slots_spread_the_near_crowd_evenly_round_danko(write_level):
    sim = brawlers(write_level, 4)
    crowd.assign_slots(sim)
    slots = sorted(e.slot for e in sim.live)
    gaps = [b - a for a, b in zip(slots, slots[1:])]
    assert all(math.isclose(g, math.pi / 2) for g in gaps)


def test_tokens_count_who_is_attacking_and_follow_the_difficulty(write_level):
    easy = brawlers(write_level, 3, difficulty="easy")
    easy.calm_until = 0  # past the calm start
    easy.live[0].has_token = True
    crowd.count_tokens(easy)
    assert easy.tokens == [1, 0]
    assert not crowd.token_free(easy, ranged=False)  # easy: one attacker winding up at a time...
    assert not crowd.token_free(easy, ranged=True)   # ...melee and ranged together
    hard = brawlers(write_level, 3, difficulty="hard")
    assert not crowd.token_free(hard, ranged=False)  # nobody winds up in the first 2 s
    hard.calm_until = 0
    hard.live[0].has_token = True
    crowd.count_tokens(hard)
    assert crowd.token_free(hard, ranged=False)
    crowd.take_token(hard, ranged=False)
    crowd.take_token(hard, ranged=False)
    assert not crowd.token_free(hard, ranged=False)


def test_separation_pushes_stacked_enemies_apart_and_off_danko(write_level):
    sim = brawlers(write_level, 2)
    a, b = sim.live
    crowd.separate(sim)
    assert a.push_x < 0 < b.push_x  # two px apart: pushed away from each other along x
    far = brawlers(write_level, 1, x0=200)
    crowd.separate(far)
    assert far.live[0].push_x == far.live[0].push_y == 0.0
    on_top = level(write_level, enemy_xml(10, "brawler", 84, 96, aggro="true"))
    crowd.separate(on_top)
    assert on_top.live[0].push_x > 0  # 4 px right of Danko's feet: pushed further right


def test_cooldown_scales_with_difficulty_plus_a_seeded_jitter(write_level):
    a, b = brawlers(write_level, 1, seed=3), brawlers(write_level, 1, seed=3)
    assert crowd.cooldown(a, 100) == crowd.cooldown(b, 100)
    hard = brawlers(write_level, 1, difficulty="hard")
    assert 75 <= crowd.cooldown(hard, 100) < 95


def test_gone_enemies_leave_live_at_the_end_of_the_step(write_level):
    sim = brawlers(write_level, 2)
    gone = sim.live[0]
    gone.state, gone.has_token = "gone", True
    crowd.enemy_gone(sim, gone)
    assert not gone.has_token and gone in sim.live
    crowd.prune(sim)
    assert gone not in sim.live and len(sim.live) == 1 and not sim.gone


def test_the_push_off_danko_skips_only_those_too_far_to_the_side(write_level):
    """separate() leaves out the distance to Danko of an enemy PLAYER_ROOM or more to his side: the same
    pushes, bit for bit, as working it out for every enemy."""
    import random

    rnd = random.Random(11)
    sim = brawlers(write_level, 12)
    px, py = sim.player.body.feet
    for _ in range(300):
        for e in sim.live:  # round Danko, many right on the edge of his room
            edge = crowd.PLAYER_ROOM * rnd.choice([-1, 1]) + rnd.choice([0.0, 1e-12, -1e-12, rnd.uniform(-3, 3)])
            e.body.x = px + rnd.choice([edge, rnd.uniform(-14, 14)]) - e.body.w / 2
            e.body.y = py + rnd.choice([edge, rnd.uniform(-14, 14)]) - e.body.h
        crowd.separate(sim)
        xs = [e.body.x + e.body.w / 2 for e in sim.live]
        ys = [e.body.y + e.body.h for e in sim.live]
        push_x, push_y = crowd.pushes(xs, ys, crowd.SEPARATION, crowd.SEPARATION_PUSH)
        for e, x0, y0, ux, uy in zip(sim.live, xs, ys, push_x, push_y):
            ddx, ddy = x0 - px, y0 - py  # the plain form: every enemy's distance
            d2 = ddx * ddx + ddy * ddy
            if 1e-6 < d2 < crowd.PLAYER_ROOM ** 2:
                dist = math.sqrt(d2)
                ux += ddx / dist * (crowd.PLAYER_ROOM - dist) * 0.3
                uy += ddy / dist * (crowd.PLAYER_ROOM - dist) * 0.3
            assert (e.push_x, e.push_y) == (ux, uy)
