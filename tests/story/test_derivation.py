"""The story is derived from the seed: quotes must exist, beats must not overlap, events must be covered."""
from __future__ import annotations

import copy
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from game.paths import ROOT
from game.story.plot import plot_sentences, read_seed, section_span
from game.story.script import (
    kinds,
    NOT_EVENTS,
    StoryError,
    check_story,
    load_story,
    overlaps,
    parse_story,
    story_path,
    uncovered,
)


@pytest.fixture(scope="module")
def seed() -> str:
    return read_seed()


@pytest.fixture(scope="module")
def raw() -> dict:
    return tomllib.loads(story_path().read_text(encoding="utf-8"))


def parse(data: dict, seed: str):
    return parse_story(data, Path("story.toml"), seed)


def test_plot_sentences_have_exact_offsets(seed):
    found = plot_sentences(seed)
    start, end = section_span(seed, "plot")
    assert len(found) == 21
    for s in found:
        assert seed[s.start:s.end] == s.text and start <= s.start and s.end <= end
    assert found[0].text.startswith("captain ivan danko and lieutenant yuri ogarkov")
    assert found[-1].text == "as a token of their new friendship, they exchange wristwatches."


def test_shipped_story_has_no_derivation_problems():
    story = load_story()
    assert check_story(story) == []
    assert {b.kind for b in story.beats} <= set(kinds())


def test_sequence_follows_quote_positions_with_the_opening_scene_first():
    story = load_story()
    seq = story.sequence
    assert seq[0].id == "bathhouse" and seq[0].source == "filming"
    assert "opening scene" in seq[0].plot[0].text
    plot_starts = [b.start for b in seq[1:]]
    assert plot_starts == sorted(plot_starts)
    # The film order the design calls for.
    order = [b.id for b in seq]
    for a, b in [("bathhouse", "moscow_sting"), ("moscow_sting", "interrogation"),
                 ("interrogation", "transfer_ambush"), ("transfer_ambush", "cat_ambush"),
                 ("cat_ambush", "hospital"), ("hospital", "hotel"), ("hotel", "locksmith"),
                 ("locksmith", "bus_chase"), ("bus_chase", "epilogue")]:
        assert order.index(a) < order.index(b), (a, b)
    assert seq[-1].kind == "epilogue"


def test_sequence_ignores_file_order(raw, seed):
    data = copy.deepcopy(raw)
    data["beat"] = list(reversed(data["beat"]))
    assert [b.id for b in parse(data, seed).sequence] == [b.id for b in load_story().sequence]


def test_every_quote_is_verbatim_in_its_section(seed):
    for beat in load_story().beats:
        for q in beat.plot:
            assert seed[q.start:q.end] == q.text
            lo, hi = section_span(seed, q.section)
            assert lo <= q.start and q.end <= hi


def test_missing_quote_is_an_error_naming_the_beat(raw, seed):
    data = copy.deepcopy(raw)
    data["beat"][3]["plot"] = ["danko drives a tank through red square."]
    with pytest.raises(StoryError, match=rf"beat '{data['beat'][3]['id']}': quote not found"):
        parse(data, seed)


def test_quote_from_the_wrong_section_is_an_error(raw, seed):
    data = copy.deepcopy(raw)
    # A plot sentence claimed as filming source; and a filming quote that is not the opening scene.
    data["beat"][0]["plot"] = ["the second half was shot in austria because budapest had no snow."]
    with pytest.raises(StoryError, match="opening-scene sentence"):
        parse(data, seed)
    data["beat"][0]["plot"] = ["danko kills him."]
    with pytest.raises(StoryError, match="quote not found"):
        parse(data, seed)


def test_overlapping_beats_are_reported(raw, seed):
    data = copy.deepcopy(raw)
    hotel = next(b for b in data["beat"] if b["id"] == "hotel")
    # The hotel beat also claims the locksmith sentence's start: the two beats now interleave.
    hotel["plot"] = hotel["plot"] + ["ridzik takes danko to visit a locksmith"]
    story = parse(data, seed)
    assert overlaps(story) == ["beats 'hotel' and 'locksmith' overlap in the plot"]
    assert check_story(story)


def test_uncovered_event_sentence_is_reported(raw, seed):
    data = copy.deepcopy(raw)
    data["beat"] = [b for b in data["beat"] if b["id"] != "spare_gun"]
    story = parse(data, seed)
    missing = uncovered(story)
    assert [s.text for s in missing] == [
        "however ridzik, who still wants to avenge his partner's murder, secretly gives ivan his spare gun."]
    assert any("is in no beat" in p for p in check_story(story))


def test_not_events_allow_list_is_short_and_verbatim(seed):
    texts = {s.text for s in plot_sentences(seed)}
    assert len(NOT_EVENTS) <= 3
    assert all(text in texts for text in NOT_EVENTS)


def test_story_flags_follow_the_plot():
    story = load_story()
    flags: dict[str, bool] = {}
    seen = {}
    for beat in story.sequence:
        seen[beat.id] = dict(flags)  # flags in force while the beat plays
        flags.update(beat.flags)
    assert not seen["bathhouse"].get("has_gun")           # a brawl between naked men
    assert seen["interrogation"].get("has_gun")
    assert seen["hotel"]["has_gun"] and seen["hotel"]["has_key"]   # Ridzik's spare; key still held
    assert not seen["spare_gun"]["has_gun"]               # the sidearm was confiscated
    assert not seen["locksmith"]["has_key"]               # stolen at the hotel


def _a_cutscene(data):
    return next(b for b in data["beat"] if b.get("script"))


def test_unknown_kind_speaker_or_op_is_one_clear_error(raw, seed):
    for mutate, expected in [
        (lambda d: d["beat"][0].update(kind="minigame"), "unknown kind 'minigame'"),
        (lambda d: d["beat"][2]["lines"].append({"speaker": "stalin", "text": "hi"}), "unknown speaker 'stalin'"),
        (lambda d: _a_cutscene(d)["script"].append({"op": "teleport"}), "unknown op 'teleport'"),
        (lambda d: _a_cutscene(d)["script"].append({"op": "move", "actor": "danko"}), "'move' needs to"),
    ]:
        data = copy.deepcopy(raw)
        mutate(data)
        with pytest.raises(StoryError, match=expected):
            parse(data, seed)


def test_broken_toml_is_one_line_from_the_cli(tmp_path):
    from game.story.script import load_story as load

    bad = tmp_path / "story.toml"
    bad.write_text("[[beat]\nid=", encoding="utf-8")
    with pytest.raises(StoryError, match="story.toml: not valid TOML"):
        load(bad)


def test_cli_story_prints_the_sequence_with_quotes():
    result = subprocess.run([sys.executable, "-m", "game", "story"], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    beats = [line.split()[1] for line in out if line[:3].strip().rstrip(".").isdigit()]
    assert beats == [b.id for b in load_story().sequence]
    assert "the first half of the opening scene" in out[1]
    assert "bathhouse.tmx" in out[0] and "level" in out[0]
