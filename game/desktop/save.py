"""Story progress: the last beat reached and the story flags at that moment.

The story director calls `save_progress(beat_id, flags)` at every beat; the title's Continue calls
`load_progress()` and resumes at that beat with the same flags. The file is JSON in the data folder,
written atomically. A corrupt save is renamed aside with a message and treated as no save.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Mapping

from game.desktop.datafiles import atomic_write_text, data_dir, read_json, set_aside

log = logging.getLogger(__name__)

SAVE_NAME = "save.json"
SAVE_VERSION = 1
MAX_FLAGS, MAX_NAME = 256, 64  # story flags in a save; characters in a beat id or flag name


@dataclass(frozen=True)
class Progress:
    beat: str
    flags: Mapping[str, bool] = field(default_factory=dict)


def save_path(folder: Path | None = None) -> Path:
    return (folder or data_dir()) / SAVE_NAME


def save_progress(beat_id: str, flags: Mapping[str, bool], folder: Path | None = None) -> Path:
    """Record that the player reached `beat_id` with these story flags. Atomic; returns the file."""
    if not isinstance(beat_id, str) or not beat_id:
        raise ValueError(f"beat id must be a non-empty string, got {beat_id!r}")
    data = {"version": SAVE_VERSION, "beat": beat_id,
            "flags": {str(k): bool(v) for k, v in sorted(flags.items())}}
    path = save_path(folder)
    atomic_write_text(path, json.dumps(data, indent=1) + "\n")
    log.info("saved progress at beat %s to %s", beat_id, path)
    return path


def load_progress(folder: Path | None = None, problems: list[str] | None = None,
                  beats: Collection[str] | None = None) -> Progress | None:
    """The saved progress, or None when there is none (or it was unusable and has been set aside).

    With `beats` (the story's beat ids), a save naming another beat is set aside too, with a message,
    rather than silently replaced by a new game's first save."""
    problems = [] if problems is None else problems
    path = save_path(folder)
    data = read_json(path, problems)
    if data is None:
        return None
    problem = _validate(data)
    if not problem and beats is not None and data["beat"] not in beats:
        problem = f"names beat {data['beat']!r}, which the story does not have"
    if problem:
        problems.append(set_aside(path, problem))
        return None
    return Progress(beat=data["beat"], flags=dict(data.get("flags", {})))


def has_progress(folder: Path | None = None) -> bool:
    """Whether Continue should be offered (reads the file; sets a corrupt one aside)."""
    return load_progress(folder) is not None


def _validate(data: object) -> str | None:
    if not isinstance(data, dict):
        return "not a save (expected a JSON object)"
    if data.get("version") != SAVE_VERSION:
        return f"unknown save version {data.get('version')!r}"
    if not isinstance(data.get("beat"), str) or not data["beat"]:
        return "beat: no beat recorded"
    if len(data["beat"]) > MAX_NAME:
        return f"beat: longer than {MAX_NAME} characters"
    flags = data.get("flags", {})
    if not isinstance(flags, dict) or not all(isinstance(v, bool) for v in flags.values()):
        return "flags: not a map of true/false"
    if len(flags) > MAX_FLAGS or any(len(k) > MAX_NAME for k in flags):
        return f"flags: more than {MAX_FLAGS} flags or a name longer than {MAX_NAME} characters"
    return None
