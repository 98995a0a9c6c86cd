from __future__ import annotations

import tomllib
from pathlib import Path

import pygame
import pytest
from storyutil import audio  # noqa: F401  (fixture)

from game.input.actions import NO_INPUT, Action, InputFrame
from game.scenes.cutscene import CutsceneScene, tile_to_px
from game.scenes.dialogue import DialogueScene
from game.scenes.stack import BaseScene, Push, Replace, SceneStack
from game.story.script import StoryError, parse_story, read_seed

pytestmark = pytest.mark.usefixtures("display")  # every test here builds scenes

DT = 1 / 60
QUOTE = "later, ridzik takes danko to the airport."


def press(action):
    return InputFrame(held=int(action), pressed=int(action))


def beat_from(toml_body: str):
    """A beat written as a designer would in story.toml."""
    text = '[speakers]\ndanko = {}\nridzik = {}\n' + f'[[beat]]\nid = "test"\nkind = "cutscene"\nplot = ["{QUOTE}"]\n' + toml_body
    story = parse_story(tomllib.loads(text), Path("story.toml"), read_seed())
    return story.beats[0]


SCRIPT = """
stage = "airport"
actors = { danko = { at = [2, 4] }, ridzik = { at = [6, 4], facing = "left", hidden = true } }
script = [
  { op = "fade_in", time = 0.5 },
  { op = "move", actor = "danko", to = [5, 4], speed = 48 },
  { op = "face", actor = "danko", dir = "up" },
  { op = "show", actor = "ridzik" },
  { op = "say", speaker = "ridzik", text = "You again." },
  { op = "say", speaker = "danko", text = "Me again." },
  { op = "pan", to = [20, 5], time = 1.0 },
  { op = "wait", time = 0.25 },
  { op = "hide", actor = "danko" },
  { op = "fade_out", time = 0.5 },
]
"""


def run(scene, frames, frame=NO_INPUT):
    out = None
    for _ in range(frames):
        scene.handle(frame)
        out = scene.update(DT)
        if out is not None:
            return out
    return out


def test_script_runs_fade_move_face_show_on_the_game_clock():
    scene = CutsceneScene(*_parts(beat_from(SCRIPT)))
    scene.enter()
    assert scene.fade == 1.0  # starts black because the script opens with a fade-in
    run(scene, 30)
    assert scene.fade == pytest.approx(0.0) and scene.step_index == 1
    danko = scene.actors["danko"]
    assert danko.x == tile_to_px((2, 4))[0] and not scene.actors["ridzik"].visible
    run(scene, 30)  # 3 tiles at 48 px/s takes one second: halfway now
    assert danko.anim == "walk" and danko.facing == "right"
    assert danko.x == pytest.approx(tile_to_px((2, 4))[0] + 24, abs=1)
    result = run(scene, 40)
    assert (danko.x, danko.y) == tile_to_px((5, 4)) and danko.facing == "up"
    assert scene.actors["ridzik"].visible
    # Consecutive says play as one dialogue overlay.
    assert isinstance(result, Push) and isinstance(result.scene, DialogueScene)
    assert [line.text for line in result.scene.lines] == ["You again.", "Me again."]


def _parts(beat):
    return beat.stage, beat.actors, beat.script


def drive(stack, frames, confirm_every=4):
    for n in range(frames):
        pressed = Action.CONFIRM if n % confirm_every == 0 else 0
        stack.handle(InputFrame(held=int(pressed), pressed=int(pressed)))
        stack.update(DT)
        if not len(stack):
            return n
    return frames


class Done(BaseScene):
    pass


def test_cutscene_resumes_after_dialogue_pans_and_finishes():
    done = Done()
    scene = CutsceneScene(*_parts(beat_from(SCRIPT)), on_done=lambda: Replace(done))
    stack = SceneStack()
    stack.push(scene)
    cameras = []
    for n in range(60 * 8):
        pressed = Action.CONFIRM if n % 4 == 0 and isinstance(stack.top, DialogueScene) else 0
        stack.handle(InputFrame(held=int(pressed), pressed=int(pressed)))
        stack.update(DT)
        cameras.append(scene.camera[0])
        if stack.top is done:
            break
    assert stack.top is done and len(stack) == 1
    assert max(cameras) > 0 and cameras[-1] == pytest.approx(max(cameras))  # panned right and stayed
    assert not scene.actors["danko"].visible and scene.fade == pytest.approx(1.0)


def test_skip_inside_the_dialogue_skips_the_whole_cutscene():
    done = Done()
    scene = CutsceneScene(*_parts(beat_from(SCRIPT)), on_done=lambda: Replace(done))
    stack = SceneStack()
    stack.push(scene)
    for _ in range(200):
        stack.handle(NO_INPUT)
        stack.update(DT)
        if isinstance(stack.top, DialogueScene):
            break
    assert isinstance(stack.top, DialogueScene)
    stack.handle(press(Action.SKIP))
    stack.update(DT)  # the dialogue ends ...
    stack.handle(NO_INPUT)
    stack.update(DT)  # ... and the cutscene with it
    assert stack.top is done and scene.skipped


def test_cutscene_draws_actors_over_the_stage():
    scene = CutsceneScene(*_parts(beat_from(SCRIPT)))
    scene.enter()
    scene.fade = 0.0
    canvas = pygame.Surface((320, 180))
    scene.draw(canvas)
    x, y = tile_to_px((2, 4))
    empty = CutsceneScene(scene.stage, (), ())
    empty.enter()
    blank = pygame.Surface((320, 180))
    empty.draw(blank)
    assert canvas.get_at((int(x), int(y) - 10)) != blank.get_at((int(x), int(y) - 10))


def test_script_errors_name_the_beat_and_step():
    with pytest.raises(StoryError, match=r"beat 'test': script step 1: unknown actor 'ghost'"):
        beat_from('actors = {}\nscript = [{ op = "move", actor = "ghost", to = [1, 1] }]\n')
    with pytest.raises(StoryError, match=r"script step 1: dir must be one of"):
        beat_from('actors = { danko = { at = [1, 1] } }\nscript = [{ op = "face", actor = "danko", dir = "north" }]\n')


def test_stages_are_composed_from_the_tilesets_by_tile_name():
    from game.scenes.stages import LAYOUTS, tileset_tiles

    for name, layout in LAYOUTS.items():
        tiles = tileset_tiles(layout.tileset)
        used = {layout.wall_top, layout.wall, *layout.floor, *(t for t, *_ in layout.wall_every),
                *(t for t, _ in layout.bands), *(t for t, *_ in layout.props), *(t for t, *_ in layout.repeat)}
        assert used <= set(tiles), (name, used - set(tiles))
    from game.scenes.cutscene import paint_stage

    hotel = paint_stage("hotel")
    carpet = tileset_tiles("hotel")["carpet"]
    assert hotel.get_size() == (32 * 16, 12 * 16)
    worn = tileset_tiles("hotel")["carpet_worn"]
    assert hotel.get_at((5, 8 * 16 + 5)) in (carpet.get_at((5, 5)), worn.get_at((5, 5)))
