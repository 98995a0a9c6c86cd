"""The custom property types of a Tiled project file, read the way Tiled reads them.

`levels/red-heat.tiled-project` declares enums (enemy kinds, difficulties, beat ids...) and classes (one per
object type, with member defaults). Tiled offers them as choices but writes into a map only the values a
designer changed, so the loader applies the same declarations: class defaults fill in what is missing and
every value is checked against its declared type.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

PROJECT_NAME = "red-heat.tiled-project"
BASIC_TYPES = ("string", "int", "float", "bool", "color", "file", "object")


class ProjectError(Exception):
    """The project file itself is broken; the message names the problem (the caller adds the file)."""


@dataclass(frozen=True)
class Member:
    name: str
    type: str  # one of BASIC_TYPES, or "class"
    value: Any  # the default, already converted
    property_type: str = ""  # enum or class name, when the member uses one


@dataclass(frozen=True)
class PropertyTypes:
    path: Path | None
    enums: dict[str, tuple[str, ...]] = field(default_factory=dict)
    classes: dict[str, tuple[Member, ...]] = field(default_factory=dict)

    def class_defaults(self, name: str) -> dict[str, Any]:
        return {m.name: m.value for m in self.classes.get(name, ())}

    def member(self, class_name: str, name: str) -> Member | None:
        for m in self.classes.get(class_name, ()):
            if m.name == name:
                return m
        return None


EMPTY = PropertyTypes(path=None)
_cache: dict[Path, tuple[int, int, PropertyTypes]] = {}


def find_project(start: Path, fallback: Path | None = None) -> Path | None:
    """The nearest `*.tiled-project` in `start`'s folder or above it, else `fallback` if it exists."""
    for folder in [start.parent, *start.parent.parents]:
        preferred = folder / PROJECT_NAME
        if preferred.is_file():
            return preferred
        found = sorted(folder.glob("*.tiled-project")) if folder.is_dir() else []
        if found:
            return found[0]
    if fallback is not None and fallback.is_file():
        return fallback
    return None


def load_project(path: Path) -> PropertyTypes:
    """Parse the project's `propertyTypes`; cached by mtime. Raises ProjectError on a broken file."""
    path = Path(path).resolve()
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ProjectError(f"cannot read: {exc.strerror}") from exc
    cached = _cache.get(path)
    if cached and cached[:2] == (st.st_mtime_ns, st.st_size):
        return cached[2]
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectError(f"cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ProjectError(f"malformed JSON: {exc}") from exc
    types = parse_property_types(path, data)
    _cache[path] = (st.st_mtime_ns, st.st_size, types)
    return types


def parse_property_types(path: Path | None, data: Any) -> PropertyTypes:
    if not isinstance(data, dict) or not isinstance(data.get("propertyTypes", []), list):
        raise ProjectError("not a Tiled project (expected an object with a 'propertyTypes' list)")
    enums: dict[str, tuple[str, ...]] = {}
    raw_classes: list[dict[str, Any]] = []
    for entry in data.get("propertyTypes", []):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ProjectError("a property type has no name")
        if entry.get("type") == "enum":
            values = entry.get("values", [])
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise ProjectError(f"enum '{entry['name']}' values must be strings")
            if entry.get("storageType", "string") != "string" or entry.get("valuesAsFlags"):
                raise ProjectError(f"enum '{entry['name']}': only string storage without flags is supported")
            enums[entry["name"]] = tuple(values)
        elif entry.get("type") == "class":
            raw_classes.append(entry)
        else:
            raise ProjectError(f"property type '{entry['name']}' has unknown kind {entry.get('type')!r}")
    classes: dict[str, tuple[Member, ...]] = {}
    for entry in raw_classes:
        members = []
        for m in entry.get("members", []) or []:
            if not isinstance(m, dict) or not isinstance(m.get("name"), str):
                raise ProjectError(f"class '{entry['name']}' has a member without a name")
            mtype = m.get("type", "string")
            ptype = m.get("propertyType", "") or ""
            if mtype == "class" or (ptype and ptype not in enums):
                # Nested classes are not used by the game; keep their raw default.
                members.append(Member(m["name"], "class", m.get("value", {}), ptype))
                continue
            if mtype not in BASIC_TYPES:
                raise ProjectError(f"class '{entry['name']}' member '{m['name']}' has unknown type {mtype!r}")
            try:
                value = convert(mtype, m.get("value", default_of(mtype)))
            except ValueError as exc:
                raise ProjectError(f"class '{entry['name']}' member '{m['name']}': {exc}") from exc
            if ptype and value not in enums[ptype] and value != "":
                raise ProjectError(f"class '{entry['name']}' member '{m['name']}' default {value!r} "
                                   f"is not one of {ptype}")
            members.append(Member(m["name"], mtype, value, ptype))
        classes[entry["name"]] = tuple(members)
    return PropertyTypes(path=path, enums=enums, classes=classes)


def default_of(type_name: str) -> Any:
    return {"int": 0, "float": 0.0, "bool": False, "object": 0}.get(type_name, "")


def convert(type_name: str, value: Any) -> Any:
    """A property value (text from a TMX, or JSON from the project) as the Python value of its type."""
    if type_name in ("int", "object"):
        if isinstance(value, bool):
            raise ValueError(f"{value!r} is not an {type_name}")
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer():
            return int(value)
        try:
            return int(str(value).strip())
        except ValueError:
            # Tiled writes whole floats as ints, but accept "3.0" from hand edits.
            try:
                f = float(str(value))
            except ValueError:
                raise ValueError(f"{str(value)!r} is not an {'integer' if type_name == 'int' else 'object id'}")
            if f.is_integer():
                return int(f)
            raise ValueError(f"{str(value)!r} is not an integer")
    if type_name == "float":
        if isinstance(value, bool):
            raise ValueError(f"{value!r} is not a number")
        try:
            f = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{str(value)!r} is not a number")
        if f != f or f in (float("inf"), float("-inf")):
            raise ValueError(f"{str(value)!r} is not a finite number")
        return f
    if type_name == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("true", "1"):
            return True
        if text in ("false", "0", ""):
            return False
        raise ValueError(f"{str(value)!r} is not true or false")
    if value is None:
        return ""
    return str(value)
