"""The hospital's crowd (ward.py): the alarm, the nurses' flow and the assassin against it, the grab that
costs time on an innocent, her draw and Danko's one shot, and the doors that lose the level."""
from level_arena import level

from game.input.actions import Action, InputFrame
from game.modes import events as ev
from game.modes.level import ward
from game.modes.level.outcome import LOST

GRAB = InputFrame(held=int(Action.SPECIAL), pressed=int(Action.SPECIAL))
SHOOT = InputFrame(held=int(Action.SHOOT), pressed=int(Action.SHOOT))


def npc_xml(ident, name, x, y, role):
    return (f'<object id="{ident}" name="{name}" type="npc" x="{x}" y="{y}"><properties>'
            f'<property name="sprite" value="nurse"/><property name="role" value="{role}"/></properties></object>')


def marker_xml(ident, name, x, y):
    return f'<object id="{ident}" name="{name}" type="marker" x="{x}" y="{y}"/>'


def hospital(write_level, nurse_x=150, killer_x=180):
    objects = (npc_xml(2, "nurse1", nurse_x, 96, "nurse") + npc_xml(3, "assassin", killer_x, 96, "assassin")
               + marker_xml(4, "code", 280, 96) + marker_xml(5, "doors", 24, 96))
    return level(write_level, objects, w=20, h=12, spawn=(120, 96), flags={"has_gun": True})


def by_name(sim, name):
    return next(n for n in sim.npcs if n.name == name)


def test_no_assassin_no_ward(write_level):
    assert level(write_level).ward is None


def test_the_alarm_sends_the_nurses_to_the_code_and_her_the_other_way(write_level):
    sim = hospital(write_level)
    for _ in range(30):
        sim.step(InputFrame())
    assert by_name(sim, "nurse1").state == "stand" and by_name(sim, "assassin").state == "stand"
    ward.alarm(sim)
    sim.step(InputFrame())
    nurse, killer = by_name(sim, "nurse1"), by_name(sim, "assassin")
    assert sim.flags["alarm"] and nurse.vx > 0 and killer.vx < 0   # the flow, and her against it
    assert abs(killer.vx) < abs(nurse.vx)                           # she does not hurry


def test_an_innocent_nurse_costs_time_and_never_the_level(write_level):
    sim = hospital(write_level, nurse_x=134, killer_x=260)
    ward.alarm(sim)
    sim.step(GRAB)
    nurse = by_name(sim, "nurse1")
    assert nurse.state == "held" and sim.ward.wrong == 1
    x0 = sim.player.body.x
    for _ in range(ward.HOLD_STEPS - 2):
        sim.step(InputFrame(held=int(Action.LEFT)))
    assert sim.player.body.x == x0 and sim.outcome is None  # he holds her: time lost
    for _ in range(5):
        sim.step(InputFrame())
    assert nurse.state == "walk" and sim.outcome is None


def test_the_gun_never_fires_until_she_draws_and_then_his_shot_is_the_plots(write_level):
    sim = hospital(write_level, nurse_x=60, killer_x=134)
    ammo = sim.player.ammo
    for _ in range(20):
        sim.step(SHOOT if sim.steps % 2 else InputFrame())
    assert ev.Sound("gunshot") not in sim.events and sim.player.ammo == ammo and not sim.bullets
    sim.step(GRAB)
    assert sim.ward.caught == "struggle"
    while sim.ward.caught == "struggle":
        sim.step(InputFrame())
    killer = by_name(sim, "assassin")
    assert sim.ward.caught == "draw" and killer.state == "draw"
    sim.step(SHOOT)
    assert killer.state == "fallen" and sim.flags["assassin_down"] and ev.Sound("gunshot") in sim.events
    assert by_name(sim, "nurse1").state != "fallen"


def test_a_missed_draw_hurts_danko_and_she_runs_for_the_doors(write_level):
    sim = hospital(write_level, nurse_x=60, killer_x=134)
    ward.alarm(sim)
    sim.step(GRAB)
    health = sim.player.health
    for _ in range(ward.STRUGGLE_STEPS + sim.ward.draw_steps + 4):
        sim.step(InputFrame())
    killer = by_name(sim, "assassin")
    assert sim.player.health < health and sim.ward.caught == "fled" and killer.state == "walk"
    assert killer.speed == ward.RUN


def test_if_she_reaches_the_doors_the_level_is_lost(write_level):
    sim = hospital(write_level, nurse_x=250, killer_x=60)
    ward.alarm(sim)
    for _ in range(600):
        if sim.step(InputFrame()):
            break
    assert sim.outcome == LOST and by_name(sim, "assassin").state == "gone"


def test_she_walks_with_her_hand_in_her_pocket_and_the_others_swing_their_arms(write_level):
    """The tell a player can read: the assassin's walk is the nurse sheet's `pocket` anim (arms still, a
    dark hand at her hip); an innocent nurse walks with the plain walk. A sheet without it walks plainly."""
    import pygame

    from game.modes.level import marks
    from game.modes.level.view import LevelView

    sim = hospital(write_level)
    ward.alarm(sim)
    sim.step(InputFrame())
    killer, nurse = by_name(sim, "assassin"), by_name(sim, "nurse1")
    assert (marks.npc_anim(killer), marks.npc_anim(nurse)) == ("pocket", "walk")
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    try:
        view = LevelView()
        sheet = view.sheet("nurse").sprites
        pocket, walk = sheet.frames("pocket", "down"), sheet.frames("walk", "down")
        assert len(pocket) == len(walk) == 4
        assert all(pygame.image.tobytes(p, "RGBA") != pygame.image.tobytes(w, "RGBA") for p, w in zip(pocket, walk))
        ridzik = view.sheet("ridzik")  # a sheet with no pocket anim: her plain walk, never a failure
        plain = ridzik.sprites.frames("walk", "down")[1]
        assert pygame.image.tobytes(ridzik.frame("pocket", "down", 8), "RGBA") == pygame.image.tobytes(plain, "RGBA")
    finally:
        pygame.display.quit()
