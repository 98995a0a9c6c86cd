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

from game.limits import DATA_MAX_BYTES, MAX_DEPTH, nesting_depth

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


class WriteError(Exception):
    """A file the user asked for cannot be written; the message names it and the problem, on one line."""


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader only ever sees the old or the complete new file."""
    _atomic(Path(path), lambda fh: fh.write(text.encode("utf-8")))


def atomic_save_image(surface: Any, path: Path) -> None:
    """Save a pygame surface as an image (format from the name's suffix) atomically; WriteError if not."""
    import pygame

    path = Path(path)
    try:
        _atomic(path, lambda fh: pygame.image.save(surface, fh, path.name))
    except (OSError, pygame.error) as exc:
        raise WriteError(f"{path}: cannot write image: {_reason(exc)}") from None


def _atomic(path: Path, write: Any) -> None:
    """Temp file beside `path`, written, flushed and fsynced, then renamed over it. On any failure
    (a full disk, Ctrl+C) the temp file is removed and `path` is untouched."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        raise
    _fsync_dir(path.parent)


def writable_problem(path: Path) -> str | None:
    """Why a file cannot be written at `path` (checked before a long run), or None when it can."""
    path = Path(path)
    if path.is_dir():
        return "is a folder; name a file"
    if not path.parent.is_dir():
        return f"folder '{path.parent}' does not exist"
    if not os.access(path.parent, os.W_OK):
        return f"folder '{path.parent}' is not writable"
    return None


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or _short(exc)  # type: ignore[arg-type]


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
        with open(path, "rb") as fh:
            raw = fh.read(DATA_MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        problems.append(set_aside(path, f"cannot read ({exc.strerror})"))
        return None
    if len(raw) > DATA_MAX_BYTES:
        problems.append(set_aside(path, f"larger than {DATA_MAX_BYTES >> 10} KB"))
        return None
    too_deep = False
    try:
        data = json.loads(raw.decode("utf-8"))
    except RecursionError:
        data, too_deep = None, True
    except (UnicodeDecodeError, ValueError) as exc:
        problems.append(set_aside(path, f"not valid JSON ({_short(exc)})"))
        return None
    if data is None and not too_deep:
        problems.append(set_aside(path, "holds null, not a JSON object"))
        return None
    if too_deep or nesting_depth(data) > MAX_DEPTH:
        problems.append(set_aside(path, f"nested more than {MAX_DEPTH} deep"))
        return None
    return data


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:80]
