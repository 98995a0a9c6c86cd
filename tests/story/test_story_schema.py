"""Issue 17, item 8: story.toml is checked field by field; no value can crash or soft-lock a cutscene.

A bad optional value (a speed, a time, a text) falls back to its default with one problem line, which
`check` and `story` print (exit 1); a bad required value is one StoryError line. Hypothesis replaces
fields of the shipped story with junk: the result is a Story or a StoryError, and every cutscene of
a Story that loads runs to its end.
"""
from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest
from conftest import utf8_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.limits import TEXT_MAX_WORD
from game.scenes.cutscene import CutsceneScene
from game.scenes.stages import STAGE_H, STAGE_W
from game.story import schema
from game.story.script import StoryError, load_story, parse_story, read_seed, story_path

pytestmark = pytest.mark.usefixtures("display")  # every test here builds scenes

SEED = read_seed()
SHIPPED = tomllib.loads(story_path().read_text(encoding="utf-8"))
CUTSCENE = next(i for i, b in enumerate(SHIPPED["beat"]) if b.get("script") and b.get("actors"))


def parsed(data):
    return parse_story(data, Path("story.toml"), SEED)


def with_step(change):
    data = copy.deepcopy(SHIPPED)
    script = data["beat"][CUTSCENE]["script"]
    n = next((i for i, step in enumerate(script) if step["op"] == change["op"]), None)
    if n is None:  # the shipped cutscene has no such step: add one (a whole step, as the change gives it)
        n = 1
        script.insert(n, dict(change))
    script[n] = {**script[n], **change}
    return data, n + 1


def play_to_the_end(beat, dt=1 / 60, limit=60 * 120):
    """Run a beat's cutscene (closing each dialogue at once); the number of updates it took."""
    scene = CutsceneScene(beat.stage, beat.actors, beat.script)
    scene.enter()
    for n in range(limit):
        scene.update(dt)
        if scene.waiting:
            scene._said()
        if scene.finished:
            return n
    raise AssertionError(f"cutscene stuck at step {scene.step_index} after {limit} updates")


def test_the_stage_size_the_schema_checks_is_the_cutscene_stage():
    assert schema.STAGE_TILES == (STAGE_W, STAGE_H)


def test_speakers_not_a_table_is_one_line():
    data = copy.deepcopy(SHIPPED)
    data["speakers"] = 3
    with pytest.raises(StoryError, match=r"speakers: expected a \[speakers\] table, got 3"):
        parsed(data)


def test_a_key_with_a_newline_is_named_quoted_on_one_line():
    """Found by the fuzz test below: a quoted TOML key may hold a newline, and the message named it raw."""
    data = copy.deepcopy(SHIPPED)
    data["speakers"]["rid\nzik"] = 0
    data["costumes"]["Mos\ncow"] = ""  # not a name
    with pytest.raises(StoryError) as err:
        parsed(data)
    assert str(err.value) == 'story.toml: speakers."rid\\nzik": expected a table'
    del data["speakers"]["rid\nzik"]
    assert [p for p in parsed(data).problems if "costumes" in p][0].startswith('story.toml: costumes."Mos\\ncow": ')


def test_deep_nesting_is_one_line(tmp_path):
    path = tmp_path / "story.toml"
    path.write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(StoryError, match="nested too deeply"):
        load_story(path, SEED)
    path.write_text("x = " + "[" * 40 + "]" * 40 + "\n")
    with pytest.raises(StoryError, match="nested more than 32 deep"):
        load_story(path, SEED)


@pytest.mark.parametrize("to", [[1e308, 5], [float("nan"), 5], [5, float("inf")], [-1, 5], [5, STAGE_H]])
def test_a_position_off_the_stage_is_one_line(to):
    data, n = with_step({"op": "move", "to": to})
    with pytest.raises(StoryError, match=rf"script step {n}: 'to': "):
        parsed(data)


@pytest.mark.parametrize("change, problem", [
    ({"op": "move", "speed": 0}, "speed: expected a speed above 0"),
    ({"op": "move", "speed": -5}, "speed: expected a speed above 0"),
    ({"op": "move", "speed": float("nan")}, "speed: expected a speed above 0"),
    ({"op": "fade_in", "time": 1e308}, "time: expected seconds from 0 to 600"),
    ({"op": "wait", "time": float("nan")}, "time: expected seconds from 0 to 600"),
    ({"op": "wait", "time": "long"}, "time: expected seconds from 0 to 600"),
])
def test_a_bad_speed_or_time_falls_back_and_the_cutscene_ends(display, change, problem):
    data, n = with_step(change)
    story = parsed(data)
    assert len(story.problems) == 1 and f"script step {n}: {problem}" in story.problems[0]
    beat = story.beats[CUTSCENE]
    assert play_to_the_end(beat) < 60 * 60  # it used to wait forever


def test_a_huge_word_is_cut_with_a_problem():
    data = copy.deepcopy(SHIPPED)
    beat = next(b for b in data["beat"] if b.get("lines"))
    beat["lines"][0]["text"] = "Hey " + "x" * 2_000_000
    story = parsed(data)
    assert "a word of 2000000 characters" in story.problems[0]
    line = story.beat(beat["id"]).lines[0]
    assert line.text.startswith("Hey x") and max(len(w) for w in line.text.split()) <= TEXT_MAX_WORD


def test_check_and_story_report_the_problem_lines_and_exit_1(monkeypatch, capsys, tmp_path):
    data, _ = with_step({"op": "move", "speed": 0})
    text = story_path().read_text(encoding="utf-8")
    original = next(s for s in SHIPPED["beat"][CUTSCENE]["script"] if s["op"] == "move")
    needle = f'speed = {original["speed"]}'
    assert needle in text
    bad = tmp_path / "story.toml"
    bad.write_text(text.replace(needle, "speed = 0", 1), encoding="utf-8")
    monkeypatch.setattr("game.story.script.story_path", lambda: bad)
    assert main(["story"]) == 1
    assert "speed: expected a speed above 0" in capsys.readouterr().err
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert out.count("speed: expected a speed above 0") == 1 and "Traceback" not in out


JUNK = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20),
                 st.floats(allow_nan=True, allow_infinity=True), utf8_text(8),
                 st.lists(st.integers(-3, 40), max_size=3), st.dictionaries(utf8_text(4), st.integers(), max_size=2))


@st.composite
def mutated(draw):
    """The shipped story with a few values replaced by junk (any field of any beat or step)."""
    data = copy.deepcopy(SHIPPED)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(["beat", "line", "step", "actor", "speaker", "top"]))
        if not isinstance(data["beat"], list) or not data["beat"] or not isinstance(data["speakers"], dict):
            break  # the whole table was replaced: nothing left to reach into
        beat = draw(st.sampled_from(data["beat"]))
        if not isinstance(beat, dict):
            continue
        if where == "beat":
            beat[draw(st.sampled_from(["id", "kind", "title", "place", "plot", "flags", "level", "lines",
                                        "summary", "stage", "actors", "script", "source"]))] = draw(JUNK)
        elif where == "line" and beat.get("lines"):
            line = draw(st.sampled_from(beat["lines"]))
            if isinstance(line, dict):
                line[draw(st.sampled_from(["speaker", "text", "portrait"]))] = draw(JUNK)
        elif where == "step" and isinstance(beat.get("script"), list) and beat["script"]:
            step = draw(st.sampled_from(beat["script"]))
            if isinstance(step, dict):
                step[draw(st.sampled_from(["op", "time", "speed", "to", "at", "actor", "dir", "anim", "name",
                                           "text", "speaker"]))] = draw(JUNK)
        elif where == "actor" and isinstance(beat.get("actors"), dict) and beat["actors"]:
            actor = beat["actors"][draw(st.sampled_from(sorted(beat["actors"])))]
            if isinstance(actor, dict):
                actor[draw(st.sampled_from(["at", "sprite", "facing", "hidden"]))] = draw(JUNK)
        elif where == "speaker" and data["speakers"]:
            speaker = data["speakers"][draw(st.sampled_from(sorted(data["speakers"])))]
            if isinstance(speaker, dict):
                speaker[draw(st.sampled_from(["name", "portrait"]))] = draw(JUNK)
        elif where == "top":
            data[draw(st.sampled_from(["speakers", "beat"]))] = draw(JUNK)
    return data


@settings(max_examples=60, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(data=mutated())
def test_fuzzed_story_loads_or_is_one_line_and_every_cutscene_ends(display, data):
    try:
        story = parsed(data)
    except StoryError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("story.toml: ")
        return
    assert all("\n" not in p for p in story.problems)
    for beat in story.beats:
        if beat.script:
            play_to_the_end(beat, dt=2.0, limit=2000)  # big steps: a 600 s fade is 300 updates


def test_a_line_mood_picks_the_portrait_expression_and_a_bad_one_falls_back():
    data = copy.deepcopy(SHIPPED)
    beat = next(b for b in data["beat"] if b.get("lines"))
    beat["lines"][0] = {"speaker": "rostavili", "text": "Hm.", "mood": "angry"}
    beat["lines"].append({"speaker": "rostavili", "text": "Hm.", "mood": "furious"})
    story = parsed(data)
    lines = next(b for b in story.beats if b.id == beat["id"]).lines
    assert (lines[0].portrait, lines[0].mood) == ("rostavili_angry", "angry")
    assert (lines[-1].portrait, lines[-1].mood) == ("rostavili", "neutral")
    assert any("mood" in p and "furious" in p for p in story.problems)


def test_danko_wears_the_costume_of_each_beat():
    story = load_story()
    by_id = {b.id: b for b in story.beats}
    assert by_id["bathhouse"].costume == "danko_towel"
    assert by_id["moscow_sting"].costume == "danko"  # greatcoat and fur hat in the snow
    assert all(b.costume == "danko_suit" for b in story.beats if b.place == "Chicago")
    for beat in story.beats:  # the "danko" actor of a cutscene wears it too, and so does his portrait
        assert all(a.sprite == beat.costume for a in beat.actors if a.id == "danko")
        said = beat.lines + beat.outro + tuple(line for step in beat.script for line in step.lines)
        for line in (line for line in said if line.speaker == "danko"):
            assert line.portrait == (beat.costume if line.mood == "neutral" else f"{beat.costume}_{line.mood}")
    from game.story.script import costume_for_level
    assert costume_for_level("bathhouse.tmx") == "danko_towel"
    assert costume_for_level("no_such_map.tmx") == "danko"


def test_a_bad_costume_falls_back_to_the_greatcoat_with_a_problem():
    data = copy.deepcopy(SHIPPED)
    data["beat"][0]["costume"] = 7
    story = parsed(data)
    assert story.beats[0].costume == "danko" and any("costume" in p for p in story.problems)
