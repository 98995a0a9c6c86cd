"""Reads the content tables of levels/ (TOML), checks them against their schemas, and keeps them: parsed once.

`load("enemies")` gives the checked table of levels/enemies.toml (raising `ContentError`, one line, when it
is broken); the code that owns a table builds its typed records from it. `check_tables()` lists every
problem of every table as `file: key: problem` lines, for `python -m game check`.
"""
from __future__ import annotations

import functools
import logging
import os
import tomllib
from pathlib import Path
from typing import Any

from game.content.schema import ContentError
from game.content.tables import CHECKS
from game.paths import LEVELS
from game.world.tiledproject import PROJECT_NAME, ProjectError, load_project

log = logging.getLogger(__name__)


def table_path(name: str, folder: Path | None = None) -> Path:
    return (folder if folder is not None else LEVELS) / f"{name}.toml"


def _shown(path: Path) -> str:
    """The path as a designer reads it: relative to the current folder when it is below it."""
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def read(name: str, path: Path) -> tuple[dict[str, Any], list[str]]:
    """The parsed table and its problems, each `file: key: problem` (a file that does not parse: one line)."""
    shown = _shown(path)
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except OSError as exc:
        return {}, [f"{shown}: cannot read: {exc.strerror or exc}"]
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return {}, [f"{shown}: not valid TOML: {exc}"]
    return data, [f"{shown}: {key}: {problem}" for key, problem in CHECKS[name](data)]


@functools.lru_cache(maxsize=None)
def load(name: str, path: Path | None = None) -> dict[str, Any]:
    """The checked table `name` (levels/NAME.toml unless `path` is given); shared, so never modify it."""
    data, problems = read(name, path if path is not None else table_path(name))
    if problems:
        more = f" (and {len(problems) - 1} more; `python -m game check` lists them)" if len(problems) > 1 else ""
        raise ContentError(problems[0] + more)
    log.debug("content table %s: %d entries", name, len(data))
    return data


def check_tables(folder: Path | None = None) -> list[str]:
    """Every problem of every content table, one `file: key: problem` line each."""
    problems = []
    for name in CHECKS:
        path = table_path(name, folder)
        data, found = read(name, path)
        problems += found
        if name == "enemies" and not found:
            problems += _enum_problems(path, data, "EnemyKind")
    return problems


def _enum_problems(path: Path, data: dict[str, Any], enum: str) -> list[str]:
    """The table's names against the Tiled project's enum of them, which Tiled offers designers as choices."""
    project = path.parent / PROJECT_NAME
    try:
        names = load_project(project).enums.get(enum, ())
    except (OSError, ProjectError):
        return []  # the level check reports a broken project file
    where = f"the {enum} enum of {_shown(project)}"
    return ([f"{_shown(path)}: {key}: not in {where}" for key in data if key not in names]
            + [f"{_shown(path)}: {key}: missing ({where} lists it)" for key in names if key not in data])
