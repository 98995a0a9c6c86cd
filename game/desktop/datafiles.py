"""The player's data folder and safe file handling for settings, saves and screenshots.

Everything the game writes goes into one folder: `REDHEAT_DATA_DIR` when set (tests, portable installs),
else SDL's per-user preference folder (`pygame.system.get_pref_path`). Writes are atomic (temp file,
flush, fsync, `os.replace`), so a crash or kill leaves either the old file or the new one, never half.
A file that cannot be read or parsed is renamed aside (never deleted, never overwritten) and the caller
goes on with defaults.
"""
from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ENV_DATA_DIR = "REDHEAT_DATA_DIR"
ORG, APP = "redheat", "Red Heat"


def data_dir() -> Path:
    """The folder for settings, saves and screenshots; created if missing."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        path = Path(override)
    else:
        try:
            import pygame

            path = Path(pygame.system.get_pref_path(ORG, APP))
        except Exception as exc:  # no SDL pref path on this platform: fall back to the home folder
            log.warning("no SDL preference folder (%s); using ~/.redheat", exc)
            path = Path.home() / ".redheat"
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # reads then find nothing and writes report their own failure: never fatal
        log.warning("%s: cannot create the data folder (%s); settings and saves will not be kept",
                    path, exc.strerror or exc)
    return path


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader only ever sees the old or the complete new file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    # The rename itself is durable only once the directory entry is on disk (POSIX only).
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def set_aside(path: Path, reason: str) -> str:
    """Rename an unusable file to `NAME.bad`, `NAME.bad2`, ... (never over another); return a message."""
    path = Path(path)
    n = 1
    while True:
        target = path.with_name(f"{path.name}.bad" + (str(n) if n > 1 else ""))
        if not target.exists():
            break
        n += 1
    try:
        os.replace(path, target)
    except OSError as exc:
        message = f"{path}: {reason}; could not move it aside ({exc.strerror}), using defaults"
    else:
        message = f"{path}: {reason}; kept as {target.name}, using defaults"
    log.warning("%s", message)
    return message


def read_json(path: Path, problems: list[str]) -> Any | None:
    """Parsed JSON of `path`, or None when it is missing or unusable (then set aside, with a message)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        problems.append(set_aside(path, f"cannot read ({exc.strerror})"))
        return None
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        problems.append(set_aside(path, f"not valid JSON ({_short(exc)})"))
        return None


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:80]
