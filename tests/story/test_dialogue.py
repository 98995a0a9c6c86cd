from __future__ import annotations

import pygame
import pytest
from storyutil import audio  # noqa: F401  (fixture)

from game.input.actions import NO_INPUT, Action
from game.scenes import dialogue as dlg
from game.scenes.dialogue import DialogueScene, layout, text_area
from game.scenes.stack import BaseScene, Pop, Replace, SceneStack
from game.story.script import Line, load_story
from game.ui.font import load_font
from game.ui.palette import GOLD, INK

pytestmark = pytest.mark.usefixtures("display")  # every test here builds scenes

DT = 1 / 60


def press(action):
    from game.input.actions import InputFrame

    return InputFrame(held=int(action), pressed=int(action))


def lines():
    return [Line("danko", "Where is Rostavili?", "Danko", "danko"),
            Line("ridzik", "Search me. I just work here.", "Ridzik", "ridzik")]


def step(scene, frame=NO_INPUT):
    scene.handle(frame)
    return scene.update(DT)


def test_typewriter_reveals_text_on_the_game_clock_with_blips(audio):
    scene = DialogueScene(lines(), audio=audio, chars_per_second=30)
    scene.enter()
    assert scene.shown == 0 and scene.typing
    for _ in range(30):  # half a second: 15 characters
        step(scene)
    assert 14 <= int(scene.shown) <= 15
    assert audio.played.count("blip") == 5  # one blip every three characters
    for _ in range(60):
        step(scene)
    assert not scene.typing and scene.index == 0


def test_confirm_completes_the_line_then_advances_then_ends():
    done = []
    scene = DialogueScene(lines(), on_done=lambda: done.append(1) or Replace(BaseScene()))
    scene.enter()
    step(scene)
    assert step(scene, press(Action.CONFIRM)) is None
    assert not scene.typing and scene.index == 0  # completed, still on the first line
    step(scene, press(Action.CONFIRM))
    assert scene.index == 1 and scene.typing  # advanced
    step(scene, press(Action.CONFIRM))
    result = step(scene, press(Action.CONFIRM))
    assert isinstance(result, Replace) and done == [1] and not scene.skipped


def test_skip_ends_the_whole_dialogue_at_once():
    scene = DialogueScene(lines())
    scene.enter()
    result = step(scene, press(Action.SKIP))
    assert isinstance(result, Pop) and scene.skipped and scene.finished


class Backdrop(BaseScene):
    def __init__(self) -> None:
        self.updates = 0
        self.draws = 0

    def update(self, dt):
        self.updates += 1

    def draw(self, surface):
        self.draws += 1
        surface.fill((0, 200, 0))


def test_overlay_over_any_scene_draws_it_pauses_it_and_pops_back():
    stack = SceneStack()
    base = Backdrop()
    stack.push(base)
    overlay = DialogueScene(lines())
    assert overlay.opaque is False
    stack.push(overlay)
    canvas = pygame.Surface((320, 180))
    stack.draw(canvas)
    assert base.draws == 1
    assert canvas.get_at((160, 20))[:3] == (0, 200, 0)  # the scene shows above the box
    assert canvas.get_at((160, 170))[:3] != (0, 200, 0)  # the box covers the bottom
    for _ in range(10):
        stack.handle(press(Action.SKIP))
        stack.update(DT)
    assert stack.top is base and base.updates == 9


def test_box_draws_portrait_name_and_text():
    scene = DialogueScene(lines())
    scene.enter()
    step(scene, press(Action.CONFIRM))
    canvas = pygame.Surface((320, 180))
    canvas.fill((0, 0, 0))
    scene.draw(canvas)
    name_x, _, _, _ = text_area(scene.line, scene.font)
    box = canvas.subsurface(dlg.BOX)
    colors = {box.get_at((x, y))[:3] for x in range(box.get_width()) for y in range(box.get_height())}
    assert GOLD in colors and INK in colors  # the name and the text, in their palette inks


def test_every_story_line_fits_the_dialogue_box_at_the_real_font():
    font = load_font()
    story = load_story()
    checked = 0
    for beat in story.beats:
        for line in beat.all_lines() + ([Line("narrator", beat.summary)] if beat.summary else []):
            x, y, width, max_rows = text_area(line, font)
            rows = layout(line, font)
            assert len(rows) <= max_rows, f"{beat.id}: {line.text!r} needs {len(rows)} rows, box has {max_rows}"
            assert all(font.size(row)[0] <= width for row in rows), (beat.id, line.text)
            assert x + width <= dlg.BOX.right and y + len(rows) * font.line_height <= dlg.BOX.bottom
            checked += 1
    assert checked > 80
