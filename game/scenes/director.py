"""The story director: walks the derived beat sequence, carries the story flags, builds each beat's scene.

Flow of a new game: a card naming the place (the first is the opening card, "Moscow"), then the beat's
scene, then the next card, ... the epilogue, the scrolling credits, and back to the title. Scenes never
touch the stack: every scene the director builds gets an `on_done` that returns the next transition.

A beat's scene comes from a table (kind -> factory(BeatContext) -> Scene), `default_registry()`: the
playable kinds (level, chase, puzzle, ...) are the modes of game.modes.registry, each building its own
scene from the typed BeatContext (game.modes.context); the kinds that only tell the story (dialogue,
cutscene, epilogue: game.story.script.SCENE_KINDS) are the director's own cutscenes. A new mode needs no
edit here: it is one package and one line in the mode registry. Tests may pass a table of their own. A
kind with no factory, or a beat whose level file does not exist yet, plays as a cutscene of its dialogue
and summary, so a new game always runs from the title to the credits.

Level beats: `lines` play as an overlay before the level, `outro` lines over the finished level. A
lost level restarts the beat. Story flags set by a beat apply when it completes; `on_progress(state)`
is called at the start of every beat (the save system stores it; `resume(beat_id, flags)` restores it).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from game.modes import registry as modes
from game.modes.context import BeatContext
from game.scenes.card import CardScene
from game.scenes.credits import CreditsScene
from game.scenes.cutscene import CutsceneScene
from game.scenes.dialogue import CHARS_PER_SECOND, DialogueScene
from game.scenes.stack import BaseScene, Push, Replace, Reset, Scene, Transition
from game.scenes.title import TitleScene
from game.story.script import SCENE_KINDS, Actor, Beat, Line, Step, Story, StoryError, load_story

log = logging.getLogger(__name__)

LOST = "lost"

Factory = Callable[[BeatContext], Scene]


# --- The director's own scenes ---------------------------------------------------------------

def cutscene_scene(beat: Beat, ctx: BeatContext, chars_per_second: float = CHARS_PER_SECOND) -> Scene:
    """A beat of the director's own kinds (dialogue, cutscene, epilogue): its script with all its lines."""
    if beat.script:
        # Lines before the script and closing lines after it, so a cutscene plays all of its beat.
        script = list(beat.script)
        if beat.lines:
            script.insert(1 if script[0].op == "fade_in" else 0, Step("say", {}, beat.lines))
        if beat.outro:
            script.insert(len(script) - (1 if script[-1].op == "fade_out" else 0), Step("say", {}, beat.outro))
    else:
        script = list(_say_script(beat.lines + beat.outro))
    return _told(beat, ctx, script, chars_per_second)


def fallback_scene(beat: Beat, ctx: BeatContext, chars_per_second: float = CHARS_PER_SECOND) -> Scene:
    """A beat whose scene is not playable yet: its lines, its summary narrated, its closing lines."""
    lines = list(beat.lines)
    if beat.summary:
        lines.append(Line("narrator", beat.summary))
    lines += list(beat.outro)
    script = _say_script(tuple(lines)) if lines else (Step("fade_in", {"time": 0.4}), Step("wait", {"time": 1.0}))
    return _told(beat, ctx, script, chars_per_second)


def _told(beat: Beat, ctx: BeatContext, script: Any, chars_per_second: float) -> Scene:
    return CutsceneScene(beat.stage, beat.actors or _default_cast(beat), script,
                         on_done=lambda: ctx.on_done("won"), audio=ctx.audio,
                         chars_per_second=chars_per_second, pause=ctx.pause)


def _say_script(lines: tuple[Line, ...]) -> tuple[Step, ...]:
    steps = [Step("fade_in", {"time": 0.4})]
    if lines:
        steps.append(Step("say", {}, tuple(lines)))
    steps.append(Step("fade_out", {"time": 0.4}))
    return tuple(steps)


def _default_cast(beat: Beat) -> tuple[Actor, ...]:
    cast = [Actor("danko", "danko", (9, 5), "right")]
    if beat.place.lower().startswith("chicago"):
        cast.append(Actor("ridzik", "ridzik", (11, 5), "left"))
    return tuple(cast)


def default_registry() -> dict[str, Factory]:
    """The playable kinds' factories: each mode's story scene, from the mode registry."""
    return {mode.kind: mode.story_scene for mode in modes.modes()}


def map_plays(scene: Any, beat: Beat, key: str) -> bool:
    """Whether the scene's level map shows the beat's `key` lines itself, from a trigger's `dialogue`
    (as `key` with the trigger's `beat`, or spelled `beat.key`); then the director does not repeat them."""
    tilemap = getattr(getattr(scene, "sim", None), "tilemap", None)
    if tilemap is None or not hasattr(tilemap, "objects_of"):
        return False
    for trigger in tilemap.objects_of("trigger"):
        props = getattr(trigger, "properties", {}) or {}
        ref = str(props.get("dialogue", ""))
        if ref == f"{beat.id}.{key}" or (ref == key and str(props.get("beat", "")) in ("", beat.id)):
            return True
    return False


# --- Wrappers -------------------------------------------------------------------------------

class WithIntro(BaseScene):
    """Shows dialogue lines over a scene before it starts; then the scene runs as itself."""

    def __init__(self, inner: Scene, lines: tuple[Line, ...], audio: Any = None,
                 chars_per_second: float = CHARS_PER_SECOND, pause: Any = None) -> None:
        self.inner = inner
        self.pause = pause
        self.lines = lines
        self.audio = audio
        self.cps = chars_per_second
        self.opaque = getattr(inner, "opaque", True)
        self.pause_on_focus_loss = getattr(inner, "pause_on_focus_loss", False)
        self._intro_done = not lines

    def enter(self) -> None:
        self.inner.enter()

    def exit(self) -> None:
        self.inner.exit()

    def handle(self, frame: object) -> None:
        if self._intro_done:
            self.inner.handle(frame)

    def update(self, dt: float) -> Transition | None:
        if not self._intro_done:
            self._intro_done = True
            return Push(DialogueScene(self.lines, audio=self.audio, chars_per_second=self.cps, pause=self.pause))
        return self.inner.update(dt)

    def draw(self, surface: object) -> None:
        self.inner.draw(surface)


# --- The director ---------------------------------------------------------------------------

@dataclass
class Director:
    story: Story
    seed: int = 0
    registry: dict[str, Factory] = field(default_factory=default_registry)
    audio: Any = None
    difficulty: str | None = None
    chars_per_second: float = CHARS_PER_SECOND
    on_progress: Callable[[dict], None] | None = None
    on_finished: Callable[[], Transition | None] | None = None  # after the credits (back to the title)
    levels_dir: Path | None = None
    # From the app, when present: settings() gives text speed and difficulty as the player set them;
    # pause_hooks(restart=, quit_to_title=) gives a level's pause menu; title() builds the title scene.
    settings: Callable[[], Any] | None = None
    pause_hooks: Callable[..., Any] | None = None
    title: Callable[[], Scene] | None = None
    flags: dict[str, bool] = field(default_factory=dict)
    index: int = 0
    started: list[str] = field(default_factory=list)  # beat ids in the order they began (for tests)
    finished: bool = False

    # -- entry points ------------------------------------------------------------------------
    def new_game(self) -> Scene:
        self.flags, self.index, self.finished = {}, 0, False
        return self._card(0)

    def resume(self, beat_id: str, flags: Mapping[str, bool]) -> Scene:
        """Continue at a beat with the flags saved when it began."""
        self.flags, self.index, self.finished = dict(flags), self.story.index(beat_id), False
        return self._card(self.index)

    def state(self) -> dict:
        """What a save needs to resume here."""
        return {"beat": self.story.sequence[self.index].id, "flags": dict(self.flags)}

    @property
    def beat(self) -> Beat:
        return self.story.sequence[self.index]

    # -- the walk ----------------------------------------------------------------------------
    def _card(self, i: int) -> Scene:
        beat = self.story.sequence[i]
        return CardScene(beat.place or "Red Heat", beat.title, on_done=lambda: Replace(self._play(i)))

    def _play(self, i: int, intro: bool = True) -> Scene:
        self.index = i
        beat = self.story.sequence[i]
        self.started.append(beat.id)
        if self.on_progress is not None:
            self.on_progress(self.state())
        holder: dict[str, Scene] = {}
        pause = None
        if self.pause_hooks is not None:
            # Reset, not Replace: the beat may be paused under its own dialogue overlay.
            pause = self.pause_hooks(restart=lambda: Reset(self._play(i, intro=False)),
                                     quit_to_title=(lambda: Reset(self.title())) if self.title else None)
        cps = self._cps()
        ctx = BeatContext(beat, dict(self.flags), self.seed, lambda outcome: self._done(i, outcome, holder),
                          fallback=lambda: fallback_scene(beat, ctx, cps), audio=self.audio,
                          difficulty=self._difficulty(), levels_dir=self.levels_dir, pause=pause,
                          shake_enabled=self._shake_enabled())
        factory = self.registry.get(beat.kind)
        if beat.kind in SCENE_KINDS:
            scene = cutscene_scene(beat, ctx, cps)
        elif factory is None:
            log.info("beat %s: no scene for kind %r yet; playing it as a cutscene", beat.id, beat.kind)
            scene = ctx.fallback()
        else:
            scene = factory(ctx)
        holder["scene"] = scene
        if isinstance(scene, CutsceneScene) or not (intro and beat.lines) or map_plays(scene, beat, "lines"):
            return scene  # a cutscene plays its own lines; so may a map, from a trigger
        return WithIntro(scene, beat.lines, audio=self.audio, chars_per_second=cps, pause=pause)

    def _done(self, i: int, outcome: str, holder: dict[str, Scene]) -> Transition | None:
        beat = self.story.sequence[i]
        if outcome == LOST:
            return Replace(self._play(i, intro=False))
        scene = holder.get("scene")
        played_outro = isinstance(scene, CutsceneScene) or map_plays(scene, beat, "outro")
        if beat.outro and not played_outro:
            return Replace(DialogueScene(beat.outro, on_done=lambda: self._advance(i),
                                         backdrop=holder.get("scene"), audio=self.audio,
                                         chars_per_second=self._cps()))
        return self._advance(i)

    def _cps(self) -> float:
        if self.settings is not None:
            return float(getattr(self.settings(), "text_cps", self.chars_per_second))
        return self.chars_per_second

    def _shake_enabled(self) -> Callable[[], bool] | None:
        settings = self.settings
        if settings is None:
            return None
        return lambda: bool(getattr(settings(), "screen_shake", True))

    def _difficulty(self) -> str | None:
        if self.settings is not None:
            return getattr(self.settings(), "difficulty", self.difficulty)
        return self.difficulty

    def _advance(self, i: int) -> Transition:
        self.flags.update(self.story.sequence[i].flags)
        if i + 1 < len(self.story.sequence):
            self.index = i + 1
            return Replace(self._card(i + 1))
        self.finished = True
        return Replace(CreditsScene(on_done=self.on_finished, audio=self.audio))


# --- The title, wired to the director -------------------------------------------------------

@dataclass
class TitleHooks:
    """What the save and options systems plug into the title (all optional)."""

    has_save: Callable[[], bool] = lambda: False
    load_save: Callable[[], tuple[str, Mapping[str, bool]] | None] | None = None  # (beat id, flags)
    on_options: Callable[[], Transition | None] | None = None
    on_progress: Callable[[dict], None] | None = None


def title_or_notice(seed: int, app: Any) -> TitleScene | None:
    """The title screen for the running app (a new game, or Title from a map opened with `--level`);
    None, with a notice over the game, when the story does not load."""
    try:
        story = load_story()
    except StoryError as exc:  # a map still plays; only the way to the title is shut
        app.notify(f"No title screen: {exc}")
        return None
    hooks = app.title_hooks(beats={b.id for b in story.beats})
    return build_title(seed=seed, story=story, audio=app.audio, hooks=hooks, settings=lambda: app.settings,
                       pause_hooks=app.pause_hooks)


def build_title(*, seed: int = 0, audio: Any = None, hooks: TitleHooks | None = None,
                registry: dict[str, Factory] | None = None, difficulty: str | None = None,
                story: Story | None = None, chars_per_second: float = CHARS_PER_SECOND,
                settings: Callable[[], Any] | None = None,
                pause_hooks: Callable[..., Any] | None = None) -> TitleScene:
    """The title screen; New game and Continue start a Director that returns here after the credits.

    `settings` (e.g. `lambda: app.settings`) supplies text speed and difficulty; `pause_hooks` (e.g.
    `app.pause_hooks`) gives levels their pause menu with restart and quit to title.
    """
    hooks = hooks or TitleHooks()
    story = story or load_story()

    def title() -> TitleScene:
        return build_title(seed=seed, audio=audio, hooks=hooks, registry=registry, difficulty=difficulty,
                           story=story, chars_per_second=chars_per_second, settings=settings,
                           pause_hooks=pause_hooks)

    def director() -> Director:
        return Director(story, seed=seed, registry=registry if registry is not None else default_registry(),
                        audio=audio, difficulty=difficulty, chars_per_second=chars_per_second,
                        on_progress=hooks.on_progress, on_finished=lambda: Replace(title()),
                        settings=settings, pause_hooks=pause_hooks, title=title)

    def new_game() -> Transition:
        return Replace(director().new_game())

    def continue_game() -> Transition | None:
        saved = hooks.load_save() if hooks.load_save is not None else None
        if saved is None:
            return None
        beat_id, flags = saved
        try:
            return Replace(director().resume(beat_id, flags))
        except ValueError:
            log.warning("save names an unknown beat %r; starting a new game", beat_id)
            return new_game()

    return TitleScene(new_game, on_continue=continue_game if hooks.load_save is not None else None,
                      has_save=hooks.has_save, on_options=hooks.on_options, audio=audio)
