from __future__ import annotations

import pygame
import pytest
from storyutil import audio  # noqa: F401  (fixture)

from game.input.actions import NO_INPUT, Action, InputFrame
from game.scenes.stack import BaseScene, Push, Replace, SceneStack
from game.scenes.title import TitleScene

pytestmark = pytest.mark.usefixtures("display")  # every test here builds scenes

DT = 1 / 60


def press(action):
    return InputFrame(held=int(action), pressed=int(action))


def step(scene, frame=NO_INPUT):
    scene.handle(frame)
    return scene.update(DT)


class Marker(BaseScene):
    def __init__(self, name):
        self.name = name


def title(has_save=False, with_continue=True, with_options=True, audio=None):
    return TitleScene(lambda: Replace(Marker("new")),
                      on_continue=(lambda: Replace(Marker("continue"))) if with_continue else None,
                      has_save=lambda: has_save,
                      on_options=(lambda: Push(Marker("options"))) if with_options else None,
                      audio=audio)


def test_continue_appears_only_when_a_save_exists():
    no_save = title(has_save=False)
    no_save.enter()
    assert no_save.labels == ["New game", "Options", "Quit"]
    saved = title(has_save=True)
    saved.enter()
    assert saved.labels == ["New game", "Continue", "Options", "Quit"]
    assert saved.labels[saved.cursor] == "Continue"
    unwired = title(has_save=True, with_continue=False)
    unwired.enter()
    assert "Continue" not in unwired.labels


def test_press_start_then_menu_hooks(audio):
    scene = title(has_save=True, audio=audio)
    scene.enter()
    assert audio.tracks == ["title"]
    assert step(scene, press(Action.DOWN)) is None and scene.cursor == 1  # menu not up yet
    step(scene, press(Action.CONFIRM))
    assert scene.started
    assert scene.labels[scene.cursor] == "Continue"  # with a save, the cursor starts on Continue
    result = step(scene, press(Action.CONFIRM))
    assert isinstance(result, Replace) and result.scene.name == "continue"
    step(scene, press(Action.DOWN))
    result = step(scene, press(Action.CONFIRM))
    assert isinstance(result, Push) and result.scene.name == "options"
    step(scene, press(Action.UP))
    step(scene, press(Action.UP))
    step(scene, press(Action.UP))  # wraps around to Quit
    assert scene.labels[scene.cursor] == "Quit"


def test_options_without_a_hook_is_disabled_and_quit_empties_the_stack():
    scene = title(with_options=False)
    stack = SceneStack()
    stack.push(scene)
    for frame in (press(Action.CONFIRM), press(Action.DOWN)):
        stack.handle(frame)
        stack.update(DT)
    assert scene.labels[scene.cursor] == "Options"
    stack.handle(press(Action.CONFIRM))
    stack.update(DT)
    assert stack.top is scene
    stack.handle(press(Action.DOWN))
    stack.update(DT)
    stack.handle(press(Action.CONFIRM))
    stack.update(DT)
    assert len(stack) == 0


def test_title_draws_logo_and_prompt():
    scene = title()
    scene.enter()
    canvas = pygame.Surface((320, 180))
    scene.draw(canvas)
    reds = sum(1 for x in range(0, 320, 2) for y in range(30, 90, 2) if _reddish(canvas.get_at((x, y))))
    assert reds > 50  # the logo


def _reddish(color) -> bool:
    return color[0] > 140 and color[1] < 90 and color[2] < 90


def test_python_m_game_with_no_arguments_starts_at_the_title(tmp_path, monkeypatch):
    from game.cli import main

    monkeypatch.setenv("REDHEAT_DATA_DIR", str(tmp_path))
    out = tmp_path / "frame.png"
    assert main(["--headless", "--frames", "40", "--save-frame", str(out)]) == 0
    frame = pygame.image.load(str(out))
    from game.sprites import load_title_backdrop
    assert frame.get_at((2, 2))[:3] == load_title_backdrop().get_at((2, 2))[:3]  # Red Square's dawn sky
    reds = sum(1 for x in range(0, 320, 2) for y in range(30, 90, 2) if _reddish(frame.get_at((x, y))))
    assert reds > 50  # the logo
