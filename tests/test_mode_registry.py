"""The mode registry is the one list of playable kinds: a throwaway mode added there alone plays in the story.

The test writes a new mode package in a temporary folder and adds it with one registry entry (the line a
developer would add to game/modes/registry.py); no other file of the game changes. The story may then
name its kind, the director builds its scene, and the whole-game autopilot plays it with the mode's pilot.
"""
from __future__ import annotations

import textwrap

import pytest

from game.modes import registry
from game.paths import LEVELS
from game.scenes.stack import SceneStack
from game.story.script import SCENE_KINDS, StoryError, kinds, load_story

THROWAWAY = '''
"""A throwaway mode: a scene that is won by three kicks (confirm presses do nothing)."""
from game.input.actions import Action
from game.modes.context import Mode, RunResult
from game.scenes.stack import BaseScene

BUILT = []


class KickScene(BaseScene):
    def __init__(self, on_done, beat_id=None):
        self.on_done, self.beat_id, self.kicks, self.frame = on_done, beat_id, 0, None
        BUILT.append(self)

    def handle(self, frame):
        self.frame = frame

    def update(self, dt):
        if self.frame is not None and self.frame.was_pressed(Action.KICK):
            self.kicks += 1
            if self.kicks == 3:
                return self.on_done("won")
        return None


class Pilot:
    def decide(self, scene, step):
        if not isinstance(scene, KickScene):
            return None
        return int(Action.KICK) if step % 2 == 0 else 0


def autoplay(tilemap, seed, difficulty, max_steps):
    return RunResult("won", 6, "three kicks", state_hash="k" * 16, masks=[int(Action.KICK), 0] * 3)


def replay(tilemap, masks, seed, difficulty, max_steps):
    kicks = sum(1 for m in masks if m & int(Action.KICK))
    return RunResult("won" if kicks >= 3 else "timeout", len(masks), state_hash="k" * 16)


def mode():
    return Mode("throwaway", lambda ctx: KickScene(ctx.on_done, ctx.beat.id),
                lambda ctx: KickScene(ctx.on_done), autoplay, Pilot, replay)
'''


@pytest.fixture
def throwaway(tmp_path, monkeypatch):
    package = tmp_path / "throwaway_mode"
    package.mkdir()
    (package / "__init__.py").write_text(textwrap.dedent(THROWAWAY))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(registry.MODES, "throwaway", "throwaway_mode")  # the one registry line
    import importlib

    return importlib.import_module("throwaway_mode")


def story_with_locksmith_as(kind, tmp_path):
    text = (LEVELS / "story.toml").read_text(encoding="utf-8")
    before = 'id = "locksmith"\nkind = "puzzle"'
    assert before in text
    path = tmp_path / "story.toml"
    path.write_text(text.replace(before, f'id = "locksmith"\nkind = "{kind}"'), encoding="utf-8")
    return path


def test_the_story_kinds_are_the_registry_modes_and_the_directors_own():
    assert kinds() == registry.kinds() + SCENE_KINDS
    assert registry.kinds() == ("level", "chase", "puzzle")
    assert {mode.kind for mode in registry.modes()} == set(registry.kinds())


def test_a_kind_missing_from_the_registry_is_a_story_error(tmp_path):
    with pytest.raises(StoryError, match="unknown kind 'throwaway'"):
        load_story(story_with_locksmith_as("throwaway", tmp_path))


def test_a_throwaway_mode_added_by_one_registry_line_plays_through_the_director(throwaway, tmp_path):
    from game.devtools.playthrough import _Pilot
    from game.input.actions import EdgeTracker
    from game.scenes.director import Director

    story = load_story(story_with_locksmith_as("throwaway", tmp_path))  # the story check knows the kind
    director = Director(story)
    beat = story.index("locksmith")
    stack = SceneStack()
    stack.push(director.resume("locksmith", {"has_key": True}))
    pilot, edges = _Pilot(), EdgeTracker()
    for step in range(60 * 60):
        stack.handle(edges.frame(pilot.decide(stack.top, step)))
        stack.update(1 / 60)
        if director.index > beat:
            break
    assert director.index == beat + 1, f"stuck in {type(stack.top).__name__}"
    assert [scene.beat_id for scene in throwaway.BUILT] == ["locksmith"]
    assert throwaway.BUILT[0].kicks == 3  # won by its own pilot's kicks, not by the confirm presses
    assert director.flags.get("knows_lockers")  # the beat's flags applied: the director saw it won


def test_a_map_names_the_throwaway_mode_and_the_cli_tools_find_it(throwaway):
    import dataclasses

    from game.world.tilemap import LevelError, load_tilemap

    tilemap = load_tilemap(LEVELS / "locksmith.tmx")
    mapped = dataclasses.replace(tilemap, properties={**tilemap.properties, "mode": "throwaway"})
    mode = registry.mode_of(mapped)
    assert mode.kind == "throwaway"
    result = mode.autoplay(mapped, 0, "normal", 100)
    assert mode.replay(mapped, result.masks, 0, "normal", 100).outcome == result.outcome == "won"
    unknown = dataclasses.replace(tilemap, properties={**tilemap.properties, "mode": "racing"})
    with pytest.raises(LevelError, match="mode='racing' is not one of level, chase, puzzle, throwaway"):
        registry.mode_of(unknown)


def test_every_mode_pilot_ignores_scenes_of_other_modes():
    from game.scenes.stack import BaseScene

    for mode in registry.modes():
        assert mode.pilot().decide(BaseScene(), 0) is None, mode.kind
