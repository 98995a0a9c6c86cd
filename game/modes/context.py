"""The contract between the game and its modes: the typed contexts a mode's scene is built from, its entry points.

A mode (see game.modes.registry) hands the game one `Mode`: how to build its scene for a story beat
(`BeatContext`, from the director) and for a map opened with `--level` (`MapContext`, from the CLI), how its
autopilot plays one map headless, how the whole-game autopilot drives its scenes, how a recorded input
stream replays on it, and how each persona plays it. Every autopilot or replay run reports a `RunResult`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol

from game.scenes.stack import Push, Scene, Transition
from game.world.tilemap import LevelError, TileMap, load_tilemap

log = logging.getLogger(__name__)

OnDone = Callable[[str], "Transition | None"]  # called with an outcome: "won" or "lost"


class BeatInfo(Protocol):
    """What a mode may read of the story beat it plays (game.story.script.Beat has these and more)."""

    @property
    def id(self) -> str: ...

    @property
    def kind(self) -> str: ...

    @property
    def level(self) -> str | None: ...


@dataclass
class BeatContext:
    """What a story beat's scene is built from: the beat, the flags in force, and the callback that ends it."""

    beat: BeatInfo
    flags: dict[str, bool]
    seed: int
    on_done: OnDone
    fallback: Callable[[], Scene]  # the beat told as a cutscene, for a map that is missing or broken
    audio: Any = None
    difficulty: str | None = None
    levels_dir: Path | None = None
    pause: Any = None  # PauseHooks for this beat (restart it, quit to the title), when the app gives them
    shake_enabled: Callable[[], bool] | None = None  # the player's screen-shake option, read live

    @property
    def level_path(self) -> Path | None:
        """The beat's level file when it exists, else None."""
        if not self.beat.level:
            return None
        from game.paths import LEVELS

        path = (self.levels_dir or LEVELS) / self.beat.level
        return path if path.is_file() else None

    def load_map(self) -> TileMap | None:
        """The beat's map, or None when it is not built yet or does not load (logged: the story goes on)."""
        path = self.level_path
        if path is None:
            log.info("beat %s: level %s not built yet", self.beat.id, self.beat.level)
            return None
        try:
            return load_tilemap(path)
        except LevelError as exc:
            log.error("%s", exc)  # one line naming the file
            return None


@dataclass
class MapContext:
    """What the scene for a map opened with `--level` is built from."""

    tilemap: TileMap
    seed: int
    on_done: OnDone  # the CLI restarts the map when it ends
    difficulty: str = "normal"
    audio: Any = None
    pause: Any = None
    shake_enabled: Callable[[], bool] | None = None
    to_title: Callable[[], "Transition | None"] | None = None  # the title screen, offered by the result card

    def on_win(self, result: Callable[[], Any]) -> OnDone:
        """The map scene's `on_done`: a win pushes the result card (its figures from `result()`, a
        game.scenes.result.Result) offering Retry (`on_done`'s transition: the map again) and Title; any
        other outcome goes straight to `on_done`."""
        def done(outcome: str) -> Transition | None:
            after = self.on_done(outcome)  # heard at once (--record-input saves then); Retry applies it
            if outcome != "won":
                return after
            from game.scenes.result import ResultScene

            return Push(ResultScene(result(), on_retry=lambda: after, on_title=self.to_title, audio=self.audio))
        return done


@dataclass
class RunResult:
    """How a headless run ended: the outcome, the steps it took, a line of detail; for one map, the final
    state hash and the input stream (`masks`, replayable with `seed`) when the mode can record it."""

    outcome: str
    steps: int
    detail: str = ""
    beats: list[str] = field(default_factory=list)
    state_hash: str = ""
    masks: list[int] | None = None
    seed: int = 0


class Pilot(Protocol):
    """Drives this mode's scenes in the whole-game autopilot."""

    def decide(self, scene: Any, step: int) -> int | None:
        """The held action mask for this step, or None when `scene` is not one of this mode's."""


Autoplay = Callable[[TileMap, int, str, int], RunResult]  # (map, seed, difficulty, max steps)
Replay = Callable[[TileMap, list[int], int, str, int], RunResult]  # (map, masks, seed, difficulty, max steps)
# (map, persona, difficulty=, seed=, tries=, max_steps=) -> game.modes.personas.PersonaRun
PersonaPlay = Callable[..., Any]


@dataclass(frozen=True)
class Mode:
    """One playable kind: what the registry hands the director, the CLI and the whole-game autopilot."""

    kind: str
    story_scene: Callable[[BeatContext], Scene]
    map_scene: Callable[[MapContext], Scene]
    autoplay: Autoplay
    pilot: Callable[[], Pilot]
    replay: Replay
    personas: PersonaPlay | None = None  # plays one map as idle, masher, novice or expert (game.modes.personas)
