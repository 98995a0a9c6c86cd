"""`play --level LEVEL --record-input FILE`: the input a real-window session plays, saved as a replay.

Every simulation step the session plays (the action level's, the chase's and its fight on foot, the
puzzle's) is recorded with the held mask it was given, so `python -m game replay LEVEL FILE --seed S
--difficulty D` plays the same run headless. The file is the usual replay format (game.input.replay)
with the seed and difficulty in its comment lines, written atomically once: when the level ends (its
first outcome) or when the window closes. A chase restarted after he got away keeps only the last try
(its seed is the one written); a fight on foot started again keeps the chase and the last fight.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from game.input.replay import save_replay

log = logging.getLogger(__name__)


class InputRecorder:
    """Collects the held mask of each simulation step; `save` writes the replay once."""

    def __init__(self, path: Path, difficulty: str) -> None:
        self.path, self.difficulty = path, difficulty
        self.masks: list[int] = []
        self.seed = 0
        self.saved: str | None = None   # the outcome it was saved with
        self._current: Any = None        # the simulation being stepped
        self._chase_steps: int | None = None  # masks of a won chase, before its fight on foot

    def on_step(self, sim: Any, held: int) -> None:
        if self.saved is not None:
            return
        if sim is not self._current:
            self._start(sim)
        self.masks.append(int(held))

    def _start(self, sim: Any) -> None:
        from game.modes.chase.sim import ChaseSim
        from game.modes.level.sim import LevelSim

        if isinstance(sim, ChaseSim):  # a new try at the chase: start over with its seed
            self.masks, self._chase_steps, self.seed = [], None, sim.seed
        elif isinstance(sim, LevelSim) and isinstance(self._current, ChaseSim):
            self._chase_steps = len(self.masks)  # the fight on foot follows the chase in the stream
        elif isinstance(sim, LevelSim) and self._chase_steps is not None:
            self.masks = self.masks[:self._chase_steps]  # the fight on foot again, from the wreck
        elif isinstance(sim, LevelSim):
            self.masks, self.seed = [], sim.seed
        self._current = sim

    def save(self, outcome: str) -> str | None:
        """Write the replay (once); a line saying what was written, or None if nothing was played."""
        if self.saved is not None or not self.masks:
            return None
        self.saved = outcome
        save_replay(self.path, self.masks, notes=[f"seed {self.seed}", f"difficulty {self.difficulty}",
                                                  f"recorded from a real window: {outcome}"])
        return f"recorded {len(self.masks)} steps ({outcome}, seed {self.seed}, {self.difficulty}) to {self.path}"


@contextmanager
def recording(recorder: InputRecorder) -> Iterator[InputRecorder]:
    """While open, every simulation's `step` tells `recorder` its input first (the modes' simulations)."""
    from game.modes.chase.sim import ChaseSim
    from game.modes.level.sim import LevelSim
    from game.modes.puzzle.sim import PuzzleState

    originals = {cls: cls.step for cls in (LevelSim, ChaseSim, PuzzleState)}

    def wrap(original: Any) -> Any:
        def step(sim: Any, frame: Any) -> Any:
            recorder.on_step(sim, int(frame.held))
            return original(sim, frame)
        return step

    for cls, original in originals.items():
        cls.step = wrap(original)  # type: ignore[method-assign]
    try:
        yield recorder
    finally:
        for cls, original in originals.items():
            cls.step = original  # type: ignore[method-assign]


def play_recorded(args: Any, make_app: Callable[[Callable[[str], None]], Any], say: Callable[[str], None]) -> int:
    """`play` with `args.record_input`: run the app `make_app(on_level_end)` builds with its input recorded;
    `say` hears what was saved (at the level's first end or when the window closes) or the one-line error."""
    from game.desktop.datafiles import writable_problem

    path = Path(args.record_input)
    if args.level is None:
        say("error: --record-input needs --level LEVEL (a replay holds one map's input)")
        return 2
    problem = writable_problem(path)
    if problem:
        say(f"error: --record-input {path}: {problem}")
        return 1
    recorder = InputRecorder(path, "normal")

    def saved(outcome: str) -> None:
        line = recorder.save(outcome)
        if line:
            say(line)

    app = make_app(saved)
    recorder.difficulty = app.settings.difficulty  # what the map scene plays at
    with recording(recorder):
        try:
            return int(app.run())
        finally:
            saved("unfinished (window closed)")


def replay_notes(path: Path) -> dict[str, str]:
    """The `# key value` comment lines after a replay's header (seed, difficulty, ...)."""
    notes = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines()[1:]:
        if not line.startswith("#"):
            break
        key, _, value = line[1:].strip().partition(" ")
        notes[key] = value
    return notes
