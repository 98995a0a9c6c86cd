"""The scripted aim (game/modes/level/aiming.py): `aim SHOOTER TARGET STEPS` turns the shooter on his
target and shows the aim mark for exactly STEPS steps, drawn as a red line from him toward the target."""
import pygame
from level_arena import enemy_xml, level

from game.actors.objects import parse_script
from game.input.actions import InputFrame
from game.modes.level import marks
from game.modes.level.state import Script

NPC = ('<object id="5" name="max" type="npc" x="60" y="120"><properties>'
       '<property name="sprite" value="gallagher"/></properties></object>')


def _aims(sim):
    return [fx for fx in sim.effects if fx.kind == "aim"]


def test_an_aim_faces_the_target_and_stands_for_its_steps_then_the_shot_lands(write_level):
    sim = level(write_level, NPC + enemy_xml(10, "gunman", 200, 120, scripted="true"))
    commands, problems = parse_script("appear gunman10; aim gunman10 max 40; wait 40; shoot gunman10 max")
    assert not problems
    sim.scripts.append(Script("beat", tuple(commands)))
    sim.step(InputFrame())
    gunman = next(e for e in sim.enemies if e.name == "gunman10")
    (aim,) = _aims(sim)
    assert gunman.aim[0] < -0.99 and aim.x2 < -100  # he faces west, the line runs to Max
    for _ in range(38):
        sim.step(InputFrame())
    assert _aims(sim) and sim.npcs[0].state != "fallen"  # still aiming: nothing has landed
    for _ in range(3):
        sim.step(InputFrame())
    assert not _aims(sim) and sim.npcs[0].state == "fallen"


def test_the_aim_mark_is_a_red_line_toward_the_target():
    from game.modes.level.state import Effect

    surface = pygame.Surface((120, 60))
    fx = Effect("aim", 100, 40, 60, age=50, x2=-80, y2=0)
    assert marks.effect(surface, fx, 100, 40, None)
    reds = [x for x in range(0, 120) if surface.get_at((x, 40))[:3] == marks.TELL_RED]
    assert min(reds) < 30 and max(reds) >= 90  # dots all along the way to the target
    assert surface.get_at((100, 20))[:3] == marks.TELL_RED  # the "!" over the shooter (urgent: red)
