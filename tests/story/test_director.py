"""The director walks the derived sequence: title -> cards -> every beat -> credits -> title."""
from __future__ import annotations

import pygame
import pytest
from storyutil import audio  # noqa: F401  (fixture)

from game.input.actions import Action, InputFrame
from game.modes.context import BeatContext
from game.modes.level.scene import LevelScene
from game.scenes.card import CardScene
from game.scenes.credits import CreditsScene
from game.scenes.cutscene import CutsceneScene
from game.scenes.dialogue import DialogueScene
from game.scenes.director import (
    Director,
    TitleHooks,
    WithIntro,
    build_title,
    default_registry,
    map_plays,
)
from game.scenes.stack import BaseScene, SceneStack
from game.scenes.title import TitleScene
from game.story.script import load_story

pytestmark = pytest.mark.usefixtures("display")  # every test here builds scenes

DT = 1 / 60


class ScriptedLevel(BaseScene):
    """Stands in for a playable level in the full-run test: finishes ("won") on a confirm press."""

    def __init__(self, ctx: BeatContext, log: list) -> None:
        self.ctx = ctx
        self.frame = None
        log.append((ctx.beat.id, dict(ctx.flags)))

    def handle(self, frame):
        self.frame = frame

    def update(self, dt):
        if self.frame is not None and self.frame.was_pressed(Action.CONFIRM):
            return self.ctx.on_done("won")
        return None


def scripted(log):
    registry = default_registry()
    for kind in ("level", "puzzle", "chase"):
        registry[kind] = lambda ctx: ScriptedLevel(ctx, log)
    return registry


def run_until(stack, predicate, max_steps=60 * 60 * 6, confirm_every=3, canvas=None):
    for n in range(max_steps):
        pressed = int(Action.CONFIRM) if n % confirm_every == 0 else 0
        stack.handle(InputFrame(held=pressed, pressed=pressed))
        stack.update(DT)
        if canvas is not None and n % 9 == 0:
            stack.draw(canvas)  # drawing must work at every stage, and never change state
        if predicate(n):
            return n
    raise AssertionError(f"not reached in {max_steps} steps; top is {type(stack.top).__name__}")


def test_new_game_runs_every_beat_in_order_from_title_to_credits_and_back():
    story = load_story()
    levels: list = []
    progress: list = []
    title = build_title(story=story, registry=scripted(levels), hooks=TitleHooks(on_progress=progress.append))
    stack = SceneStack()
    stack.push(title)
    seen_kinds: set[str] = set()
    cards: list[str] = []

    def watch(n):
        top = stack.top
        seen_kinds.add(type(top).__name__)
        if isinstance(top, CardScene) and (not cards or cards[-1] != top.title):
            cards.append(top.title)
        return isinstance(top, TitleScene) and top is not title

    canvas = pygame.Surface((320, 180))
    run_until(stack, watch, canvas=canvas)
    order = [b.id for b in story.sequence]
    assert [p["beat"] for p in progress] == order  # every beat began, in the derived order
    assert cards == [b.title for b in story.sequence]  # a card before every beat, the opening first
    assert {"CardScene", "DialogueScene", "CutsceneScene", "CreditsScene", "WithIntro"} <= seen_kinds
    assert [beat for beat, _ in levels] == [b.id for b in story.sequence if b.kind in ("level", "puzzle", "chase")]
    assert len(stack) == 1
    # Flags carried into gameplay: no gun in the bathhouse, Ridzik's spare at the hotel, key stolen there.
    flags = dict(levels)
    assert flags["bathhouse"] == {}
    assert flags["hotel"] == {"has_gun": True, "has_key": True}
    assert flags["locksmith"]["has_key"] is False and flags["bus_chase"]["knows_lockers"] is True


def test_level_beat_builds_a_level_scene_with_the_story_flags():
    story = load_story()
    director = Director(story, seed=7)
    director.flags = {"has_gun": True}
    scene = director._play(story.index("bathhouse"))
    assert isinstance(scene, WithIntro) and isinstance(scene.inner, LevelScene)
    sim = scene.inner.sim
    assert sim.flags == {"has_gun": True} and sim.seed == 7
    assert sim.tilemap.path.name == "bathhouse.tmx"
    # The intro lines play over the level first, then the level runs itself.
    stack = SceneStack()
    stack.push(scene)
    stack.update(DT)
    assert isinstance(stack.top, DialogueScene) and stack.top.opaque is False
    # Winning shows the closing lines over the finished level, then the next beat's card.
    result = scene.inner.on_done("won")
    if map_plays(scene.inner, story.beat("bathhouse"), "outro"):
        after = result  # the map showed the closing lines itself, from a trigger: not repeated
    else:
        assert isinstance(result.scene, DialogueScene) and result.scene.backdrop is scene.inner
        after = result.scene.on_done()
    assert isinstance(after.scene, CardScene) and after.scene.title == story.sequence[1].title


def test_lost_level_restarts_the_beat_without_the_intro():
    story = load_story()
    director = Director(story)
    scene = director._play(0)
    again = scene.inner.on_done("lost")
    assert isinstance(again.scene, LevelScene) and again.scene is not scene.inner
    assert director.started == ["bathhouse", "bathhouse"]


def test_missing_level_file_or_unbuilt_kind_plays_as_a_cutscene(tmp_path):
    story = load_story()
    director = Director(story, levels_dir=tmp_path)  # no level files at all
    scene = director._play(story.index("hotel"))
    assert isinstance(scene, CutsceneScene)
    said = [line.text for step in scene.script for line in step.lines]
    hotel = story.beat("hotel")
    assert said == [l.text for l in hotel.lines] + [hotel.summary] + [l.text for l in hotel.outro]
    registry = default_registry()
    registry.pop("puzzle", None)
    director = Director(story, registry=registry)
    assert isinstance(director._play(story.index("locksmith")), CutsceneScene)


def test_resume_restores_beat_and_flags_and_state_round_trips():
    story = load_story()
    director = Director(story)
    director.resume("hotel", {"has_gun": True, "has_key": True})
    assert director.state() == {"beat": "hotel", "flags": {"has_gun": True, "has_key": True}}
    loaded = []
    hooks = TitleHooks(has_save=lambda: True, load_save=lambda: ("hotel", {"has_gun": True}),
                       on_progress=loaded.append)
    title = build_title(story=story, hooks=hooks)
    title.enter()
    assert title.labels[1] == "Continue"
    card = title.select("Continue").scene
    assert isinstance(card, CardScene) and card.title == "The hotel"


def test_credits_return_to_the_title():
    story = load_story()
    stack = SceneStack()
    stack.push(build_title(story=story))
    director = Director(story, on_finished=lambda: "back")
    result = director._advance(len(story.sequence) - 1)
    assert isinstance(result.scene, CreditsScene) and director.finished
    assert result.scene.on_done() == "back"


def test_lines_a_map_plays_from_a_trigger_are_not_repeated_by_the_director():
    from types import SimpleNamespace

    from game.scenes.director import map_plays

    story = load_story()
    hotel = story.beat("hotel")

    def scene_with(*props):
        triggers = [SimpleNamespace(properties=p) for p in props]
        tilemap = SimpleNamespace(objects_of=lambda kind: triggers if kind == "trigger" else [])
        return SimpleNamespace(sim=SimpleNamespace(tilemap=tilemap))

    assert map_plays(scene_with({"beat": "hotel", "dialogue": "outro"}), hotel, "outro")
    assert map_plays(scene_with({"dialogue": "hotel.outro"}), hotel, "outro")
    assert not map_plays(scene_with({"beat": "bathhouse", "dialogue": "outro"}), hotel, "outro")
    assert not map_plays(scene_with({"beat": "hotel", "dialogue": "outro"}), hotel, "lines")
    assert not map_plays(BaseScene(), hotel, "outro")
    # Won: the director goes straight to the next card instead of showing the outro again.
    director = Director(story)
    result = director._done(story.index("hotel"), "won",
                            {"scene": scene_with({"beat": "hotel", "dialogue": "outro"})})
    assert isinstance(result.scene, CardScene) and result.scene.title == "The locksmith"


def test_pause_in_a_cutscene_dialogue_restarts_or_quits_the_beat_cleanly():
    from game.scenes.pause import PauseHooks, PauseScene

    story = load_story()
    titles = []

    def hooks(restart=None, quit_to_title=None):
        return PauseHooks(restart=restart, quit_to_title=quit_to_title)

    def title():
        titles.append(1)
        return TitleScene(lambda: None)

    director = Director(story, pause_hooks=hooks, title=title)
    stack = SceneStack()
    stack.push(director._play(story.index("informant")))
    for _ in range(120):  # into the first dialogue of the cutscene
        stack.handle(InputFrame())
        stack.update(DT)
    assert isinstance(stack.top, DialogueScene) and len(stack) == 2
    stack.handle(InputFrame(held=int(Action.PAUSE), pressed=int(Action.PAUSE)))
    stack.update(DT)
    pause = stack.top
    assert isinstance(pause, PauseScene)
    assert [i.key for i in pause.menu.items] == ["Resume", "Restart level", "Quit to title"]
    restart = pause.hooks.restart()
    stack.apply(restart)  # Reset: the dialogue and the old cutscene both go
    assert len(stack) == 1 and isinstance(stack.top, CutsceneScene) and stack.top.step_index == 0
    assert director.started == ["informant", "informant"]
    stack.apply(pause.hooks.quit_to_title())
    assert len(stack) == 1 and isinstance(stack.top, TitleScene) and titles == [1]


def test_danko_is_armed_in_a_level_only_when_the_plot_gave_him_a_gun():
    story = load_story()
    armed = {}
    for beat_id in ("bathhouse", "hotel"):
        director = Director(story)
        i = story.index(beat_id)
        for beat in story.sequence[:i]:  # the flags a new game carries to this beat
            director.flags.update(beat.flags)
        scene = director._play(i)
        level = scene.inner if isinstance(scene, WithIntro) else scene
        assert isinstance(level, LevelScene)
        armed[beat_id] = level.sim.player.armed
    assert armed == {"bathhouse": False, "hotel": True}
