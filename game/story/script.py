"""levels/story.toml -> beats, their dialogue and cutscene scripts, and the derived play sequence.

The sequence is never typed by hand: each beat quotes the seed (`plot = [...]`), and beats are ordered by
where their first quote stands. The one beat whose quotes come from the filming section (the opening
scene, the bathhouse brawl) is by definition the film's opening and sorts before every plot beat.
`check_story` lists the derivation problems the tests guard: overlapping beats and plot sentences that
name an event but no beat covers.
"""
from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from game.limits import MAX_DEPTH, STORY_MAX_BYTES, nesting_depth, toml_key
from game.modes import registry as modes
from game.story import schema
from game.story.plot import Sentence, read_seed, section_span, sentences

log = logging.getLogger(__name__)

SCENE_KINDS = ("dialogue", "cutscene", "epilogue")  # told by the director itself; the playable kinds are modes
SOURCES = ("plot", "filming")
OPENING_MARK = "opening scene"  # the filming sentence the opening beat must quote
FACINGS = ("down", "left", "right", "up")
PLAYER_SPRITE = "danko"  # the player's sprite sheet when a beat names no costume

# Cutscene operations and the fields each one requires (designers edit these in story.toml).
OPS: Mapping[str, tuple[str, ...]] = {
    "fade_in": (), "fade_out": (), "wait": ("time",),
    "move": ("actor", "to"), "face": ("actor", "dir"), "pose": ("actor", "anim"),
    "show": ("actor",), "hide": ("actor",), "pan": ("to",),
    "say": ("speaker", "text"), "flash": (), "sound": ("name",),
}

# Plot sentences that name no event of the film, so no beat needs to cover them. Every sentence of
# this seed's plot section is an event, so the list is empty; add a sentence here (verbatim) only
# with a reason.
NOT_EVENTS: tuple[str, ...] = ()


def kinds() -> tuple[str, ...]:
    """Every beat kind a story may use: the playable modes (game.modes.registry), then the director's own."""
    return modes.kinds() + SCENE_KINDS


class StoryError(Exception):
    """A problem in story.toml, reported as one line naming the file and the beat."""


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    portrait: str | None  # sprite portrait name, or None for no portrait (the narrator)


@dataclass(frozen=True)
class Line:
    speaker: str  # speaker id ("narrator" has no name or portrait)
    text: str
    name: str = ""
    portrait: str | None = None  # the portrait file shown: NAME, or NAME_angry / NAME_hurt for a mood
    mood: str = "neutral"


@dataclass(frozen=True)
class Step:
    op: str
    args: Mapping[str, Any]
    lines: tuple[Line, ...] = ()  # for `say`: consecutive says merged into one dialogue


@dataclass(frozen=True)
class Actor:
    id: str
    sprite: str
    at: tuple[float, float]  # tiles
    facing: str = "down"
    hidden: bool = False


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    section: str


@dataclass(frozen=True)
class Beat:
    id: str
    kind: str
    title: str
    place: str
    plot: tuple[Quote, ...]
    source: str = "plot"
    level: str | None = None  # file name under levels/
    lines: tuple[Line, ...] = ()   # shown before the beat plays
    outro: tuple[Line, ...] = ()   # shown after it is won
    during: tuple[Line, ...] = ()  # a level's lines in mid-play, named by a trigger's `dialogue = "during"`
    summary: str = ""  # narration used when the beat's scene kind is not playable yet
    flags: Mapping[str, bool] = field(default_factory=dict)  # set when the beat completes
    stage: str = "street"
    actors: tuple[Actor, ...] = ()
    script: tuple[Step, ...] = ()
    costume: str = PLAYER_SPRITE  # Danko's sprite sheet in this beat (the level's player, the "danko" actor)

    @property
    def start(self) -> int:
        return min(q.start for q in self.plot)

    @property
    def end(self) -> int:
        return max(q.end for q in self.plot)

    @property
    def sort_key(self) -> tuple[int, int]:
        # The opening scene (filming section) precedes the whole plot; plot beats follow in quote order.
        return (0 if self.source == "filming" else 1, self.start)

    def all_lines(self) -> list[Line]:
        out = list(self.lines) + list(self.during) + list(self.outro)
        for step in self.script:
            out.extend(step.lines)
        return out


@dataclass(frozen=True)
class Story:
    beats: tuple[Beat, ...]  # in file order
    sequence: tuple[Beat, ...]  # in play order, derived
    speakers: Mapping[str, Speaker]
    seed_text: str
    path: Path
    problems: tuple[str, ...] = ()  # bad fields that fell back to their defaults, one line each

    def beat(self, beat_id: str) -> Beat:
        for beat in self.beats:
            if beat.id == beat_id:
                return beat
        raise KeyError(beat_id)

    def index(self, beat_id: str) -> int:
        return [b.id for b in self.sequence].index(beat_id)


def story_path() -> Path:
    from game.paths import LEVELS

    return LEVELS / "story.toml"


def costume_for_level(level: str) -> str:
    """Danko's costume in the beat that plays the map file `level` (for `--level`); the default one when
    no beat plays it or the story cannot be read."""
    try:
        story = load_story()
    except StoryError as exc:
        log.warning("%s", exc)
        return PLAYER_SPRITE
    return next((b.costume for b in story.beats if b.level == level), PLAYER_SPRITE)


def load_story(path: Path | None = None, seed_text: str | None = None) -> Story:
    path = path or story_path()
    try:
        with open(path, "rb") as fh:
            raw = fh.read(STORY_MAX_BYTES + 1)
        if len(raw) > STORY_MAX_BYTES:
            raise StoryError(f"{path}: larger than {STORY_MAX_BYTES >> 20} MB")
        data = tomllib.loads(raw.decode("utf-8"))
    except FileNotFoundError:
        raise StoryError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoryError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise StoryError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise StoryError(f"{path}: arrays or tables nested too deeply") from None
    if nesting_depth(data) > MAX_DEPTH:
        raise StoryError(f"{path}: arrays or tables nested more than {MAX_DEPTH} deep")
    return parse_story(data, path, read_seed() if seed_text is None else seed_text)


def parse_story(data: Mapping[str, Any], path: Path, seed_text: str) -> Story:
    problems: list[str] = []
    speakers = _parse_speakers(data.get("speakers", {}), path, problems)
    costumes = _parse_costumes(data.get("costumes", {}), path, problems)
    raw_beats = data.get("beat", [])
    if not isinstance(raw_beats, list) or not raw_beats:
        raise StoryError(f"{path}: no [[beat]] tables")
    beats: list[Beat] = []
    seen: set[str] = set()
    for i, raw in enumerate(raw_beats):
        if not isinstance(raw, Mapping):
            raise StoryError(f"{path}: beat #{i + 1}: expected a [[beat]] table")
        beat = _parse_beat(raw, i, path, seed_text, speakers, problems, costumes)
        if beat.id in seen:
            raise StoryError(f"{path}: beat {beat.id!r}: id used twice")
        seen.add(beat.id)
        beats.append(beat)
    sequence = tuple(sorted(beats, key=lambda b: b.sort_key))
    for problem in problems:  # `check` and `story` print them; play goes on with the defaults
        log.info("%s", problem)
    return Story(tuple(beats), sequence, speakers, seed_text, path, tuple(problems))


def _parse_costumes(raw: Any, path: Path, problems: list[str]) -> dict[str, str]:
    """[costumes]: place -> Danko's sprite sheet there (a beat's own `costume` wins)."""
    if not isinstance(raw, Mapping):
        _note(problems, f"{path}: costumes", f"expected a table of place = sprite, got {schema._brief(raw)}")
        return {}
    out = {}
    for place, sprite in raw.items():
        name, problem = schema.name(sprite, None)
        _note(problems, f"{path}: costumes.{toml_key(place)}", problem)
        if name:
            out[str(place)] = name
    return out


def _parse_speakers(raw: Any, path: Path, problems: list[str]) -> dict[str, Speaker]:
    out = {"narrator": Speaker("narrator", "", None)}
    if not isinstance(raw, Mapping):  # every line names a speaker: nothing would load without them
        raise StoryError(f"{path}: speakers: expected a [speakers] table, got {schema._brief(raw)}")
    for sid, spec in raw.items():
        where = f"{path}: speakers.{toml_key(sid)}"
        if not isinstance(spec, Mapping):
            raise StoryError(f"{where}: expected a table")
        name, problem = schema.text(spec.get("name", sid.title()), sid.title())
        _note(problems, f"{where}.name", problem)
        portrait, problem = schema.name(spec.get("portrait", sid), sid) if spec.get("portrait", sid) else (None, None)
        _note(problems, f"{where}.portrait", problem)
        out[sid] = Speaker(sid, name, portrait)
    return out


def _note(problems: list[str], where: str, problem: str | None) -> None:
    if problem:
        problems.append(f"{where}: {problem}")


def find_quote(seed_text: str, quote: str, section: str) -> Quote | None:
    """The quote's unique position inside `section`, or None when absent or ambiguous."""
    start, end = section_span(seed_text, section)
    body = seed_text[start:end]
    at = body.find(quote)
    if at < 0 or body.find(quote, at + 1) >= 0:
        return None
    return Quote(quote, start + at, start + at + len(quote), section)


def _parse_beat(raw: Mapping[str, Any], i: int, path: Path, seed_text: str,
                speakers: Mapping[str, Speaker], problems: list[str],
                costumes: Mapping[str, str] | None = None) -> Beat:
    bid = raw.get("id")
    if not isinstance(bid, str) or not bid or len(bid) > schema.MAX_NAME:
        raise StoryError(f"{path}: beat #{i + 1}: missing id (or longer than {schema.MAX_NAME} characters)")
    where = f"{path}: beat {bid!r}"

    def need(key: str, kind: type) -> Any:
        value = raw.get(key)
        if not isinstance(value, kind):
            raise StoryError(f"{where}: '{key}' must be a {kind.__name__}")
        return value

    def shown(key: str, default: str) -> str:  # an optional text: a bad one falls back with a problem
        value, problem = schema.text(raw.get(key, default), default)
        _note(problems, f"{where}: {key}", problem)
        return value

    kind = need("kind", str)
    if kind not in kinds():
        raise StoryError(f"{where}: unknown kind {kind!r} (expected one of {', '.join(kinds())})")
    source = raw.get("source", "plot")
    if not isinstance(source, str) or source not in SOURCES:
        raise StoryError(f"{where}: unknown source {schema._brief(source)}")
    quotes = need("plot", list)
    if not quotes:
        raise StoryError(f"{where}: 'plot' needs at least one quote")
    plot = []
    for text in quotes:
        quote = find_quote(seed_text, text, source) if isinstance(text, str) else None
        if quote is None:
            raise StoryError(f"{where}: quote not found once in the seed's {source} section: {schema._brief(text)}")
        plot.append(quote)
    if source == "filming":
        opening = [s for s in sentences(seed_text, "filming") if OPENING_MARK in s.text]
        if not opening or not opening[0].contains(plot[0].start, plot[0].end):
            raise StoryError(f"{where}: a filming-section beat must quote the opening-scene sentence first")
    flags = raw.get("flags", {})
    if not isinstance(flags, Mapping) or not all(isinstance(v, bool) for v in flags.values()):
        raise StoryError(f"{where}: 'flags' must map names to true/false")
    level = raw.get("level")
    if level is not None and (not isinstance(level, str) or not level.endswith(".tmx")):
        raise StoryError(f"{where}: 'level' must name a .tmx file")

    def lines(key: str) -> tuple[Line, ...]:
        specs = raw.get(key, [])
        if not isinstance(specs, list):
            raise StoryError(f"{where}: '{key}' must be a list of lines")
        return tuple(_parse_line(spec, f"{where}: {key}", speakers, problems) for spec in specs)

    raw_actors = raw.get("actors", {})
    if not isinstance(raw_actors, Mapping):
        raise StoryError(f"{where}: 'actors' must be a table")
    actors = tuple(_parse_actor(aid, spec, where, problems) for aid, spec in raw_actors.items())
    script = _parse_script(raw.get("script", []), where, speakers, {a.id for a in actors}, problems)
    stage, problem = schema.name(raw.get("stage", "street"), "street")
    _note(problems, f"{where}: stage", problem)
    place = shown("place", "")
    default = (costumes or {}).get(place, PLAYER_SPRITE)
    costume, problem = schema.name(raw.get("costume", default), default)
    _note(problems, f"{where}: costume", problem)
    actors = tuple(replace(a, sprite=costume) if a.sprite == PLAYER_SPRITE else a for a in actors)
    script = tuple(replace(step, lines=tuple(_dress(line, costume) for line in step.lines)) for step in script)
    return Beat(
        id=bid, kind=kind, title=shown("title", bid), place=place,
        plot=tuple(plot), source=source, level=level, outro=tuple(_dress(line, costume) for line in lines("outro")),
        lines=tuple(_dress(line, costume) for line in lines("lines")),
        during=tuple(_dress(line, costume) for line in lines("during")),
        summary=shown("summary", ""), flags=dict(flags), stage=stage or "street",
        actors=actors, script=script, costume=costume or PLAYER_SPRITE,
    )


def _dress(line: Line, costume: str | None) -> Line:
    """Danko's portrait in his costume: his lines in a beat where he wears `danko_towel` show the
    danko_towel portrait (and its moods)."""
    if line.portrait is None or not costume or costume == PLAYER_SPRITE or \
            line.portrait.split("_" + line.mood)[0] != PLAYER_SPRITE:
        return line
    return replace(line, portrait=costume if line.mood == "neutral" else f"{costume}_{line.mood}")


def _parse_line(spec: Any, where: str, speakers: Mapping[str, Speaker], problems: list[str]) -> Line:
    if not isinstance(spec, Mapping) or not isinstance(spec.get("text"), str):
        raise StoryError(f"{where}: a line needs 'speaker' and 'text'")
    sid = spec.get("speaker", "narrator")
    speaker = speakers.get(sid) if isinstance(sid, str) else None
    if speaker is None:
        raise StoryError(f"{where}: unknown speaker {schema._brief(sid)} (declare it under [speakers])")
    portrait = spec.get("portrait", speaker.portrait) or None
    if portrait is not None:
        portrait, problem = schema.name(portrait, speaker.portrait)
        _note(problems, f"{where}: portrait", problem)
    text, problem = schema.text(spec["text"])
    _note(problems, f"{where}: text", problem)
    mood, problem = schema.mood(spec.get("mood", "neutral"))
    _note(problems, f"{where}: mood", problem)
    if portrait is not None and mood != "neutral":
        portrait = f"{portrait}_{mood}"
    return Line(sid, text, speaker.name, portrait, mood)


def _parse_actor(aid: str, spec: Any, where: str, problems: list[str]) -> Actor:
    if not isinstance(spec, Mapping) or not _is_point(spec.get("at")):
        raise StoryError(f"{where}: actor {aid!r} needs 'at = [x, y]' (tiles)")
    problem = schema.point(spec["at"])
    if problem:
        raise StoryError(f"{where}: actor {aid!r}: at: {problem}")
    facing = spec.get("facing", "down")
    if facing not in FACINGS:
        raise StoryError(f"{where}: actor {aid!r}: facing must be one of {', '.join(FACINGS)}")
    sprite, problem = schema.name(spec.get("sprite", aid), aid)
    _note(problems, f"{where}: actor {aid!r}: sprite", problem)
    hidden = spec.get("hidden", False)
    if not isinstance(hidden, bool):
        problems.append(f"{where}: actor {aid!r}: hidden: expected true or false; using false")
        hidden = False
    x, y = spec["at"]
    return Actor(aid, sprite or aid, (float(x), float(y)), facing, hidden)


def _is_point(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value)


# Optional step fields with their defaults: a bad value falls back with a problem.
STEP_SECONDS = {"fade_in": 0.5, "fade_out": 0.5, "wait": 1.0, "pan": 1.0}
STEP_SPEED = 48.0  # px per second (game.scenes.cutscene.DEFAULT_SPEED)


def _parse_script(raw: Any, where: str, speakers: Mapping[str, Speaker], actors: set[str],
                  problems: list[str]) -> tuple[Step, ...]:
    if not isinstance(raw, list):
        raise StoryError(f"{where}: 'script' must be a list of steps")
    steps: list[Step] = []
    for n, spec in enumerate(raw, 1):
        at = f"{where}: script step {n}"
        op = spec.get("op") if isinstance(spec, Mapping) else None
        if not isinstance(op, str) or op not in OPS:
            raise StoryError(f"{at}: unknown op {schema._brief(op if isinstance(spec, Mapping) else spec)}"
                             f" (expected one of {', '.join(OPS)})")
        missing = [k for k in OPS[op] if k not in spec]
        if missing:
            raise StoryError(f"{at}: '{op}' needs {', '.join(missing)}")
        if "actor" in spec and (not isinstance(spec["actor"], str) or spec["actor"] not in actors):
            raise StoryError(f"{at}: unknown actor {schema._brief(spec['actor'])} (declare it under actors)")
        for key in ("to", "at"):
            problem = schema.point(spec[key]) if key in spec else None
            if problem:
                raise StoryError(f"{at}: '{key}': {problem}")
        if op == "face" and spec["dir"] not in FACINGS:
            raise StoryError(f"{at}: dir must be one of {', '.join(FACINGS)}")
        args = {k: v for k, v in spec.items() if k != "op"}
        if op in STEP_SECONDS and ("time" in args or op == "wait"):
            args["time"], problem = schema.seconds(args.get("time"), STEP_SECONDS[op])
            _note(problems, f"{at}: time", problem)
        if op == "move" and "speed" in args:
            args["speed"], problem = schema.speed(args["speed"], STEP_SPEED)
            _note(problems, f"{at}: speed", problem)
        for key in ("anim", "name"):
            if key in args:
                args[key], problem = schema.name(args[key], "idle" if key == "anim" else "")
                _note(problems, f"{at}: {key}", problem)
        if op == "say":
            line = _parse_line(spec, at, speakers, problems)
            if steps and steps[-1].op == "say":  # consecutive says play as one dialogue
                steps[-1] = Step("say", {}, steps[-1].lines + (line,))
                continue
            steps.append(Step("say", {}, (line,)))
            continue
        steps.append(Step(op, args))
    return tuple(steps)


# --- Derivation checks ----------------------------------------------------------------------

def overlaps(story: Story) -> list[str]:
    """Pairs of beats whose quoted spans interleave or share characters (so their order is unclear)."""
    problems = []
    seq = [b for b in story.sequence if b.source == "plot"]
    for a, b in zip(seq, seq[1:]):
        if b.start < a.end:
            problems.append(f"beats {a.id!r} and {b.id!r} overlap in the plot")
    return problems


def uncovered(story: Story) -> list[Sentence]:
    """Plot sentences naming an event that no beat quotes any part of."""
    out = []
    for sentence in sentences(story.seed_text, "plot"):
        if sentence.text in NOT_EVENTS:
            continue
        covered = any(q.start < sentence.end and sentence.start < q.end
                      for beat in story.beats if beat.source == "plot" for q in beat.plot)
        if not covered:
            out.append(sentence)
    return out


def check_story(story: Story) -> list[str]:
    problems = overlaps(story)
    problems += [f"plot sentence at {s.start} is in no beat: {s.text!r}" for s in uncovered(story)]
    openings = [b.id for b in story.sequence if b.source != "plot"]
    if len(openings) > 1:
        problems.append(f"only one beat may come from outside the plot section, found {openings}")
    return list(story.problems) + [f"{story.path}: {p}" for p in problems]
