"""A small schema language for the content tables: typed fields with ranges, checked into `key: problem` pairs.

A record is a TOML table; its schema maps each known key to a `Field`. `check_record` reports unknown keys,
missing required keys and every value of the wrong type or out of range, one pair per bad key, and never
raises. Values are not converted: a whole number stays an `int`, so the tables build exactly the constants
the code used to spell out.
"""
from __future__ import annotations

import logging
import math
import re
from dataclasses import dataclass
from typing import Any, Mapping

from game.limits import toml_key

log = logging.getLogger(__name__)

NAME = re.compile(r"[a-z][a-z0-9_]*\Z")  # table keys that name things (kinds, attacks, puzzles)


class ContentError(Exception):
    """A content table that cannot be used, as one line: `file: key: problem`."""


@dataclass(frozen=True)
class Field:
    """One key of a record. kind: int, num (int or float), bool, str, ints, strs (lists of those)."""

    kind: str
    lo: float | None = None       # inclusive bounds for numbers, list items and list lengths
    hi: float | None = None
    required: bool = True
    choices: tuple[str, ...] = ()  # allowed strings (for str and strs)
    above: bool = False           # lo itself is not allowed (a positive duration, a speed)
    size: tuple[int, int] = (0, 99)  # allowed list length (ints, strs)


def Int(lo: int, hi: int, required: bool = True) -> Field:
    return Field("int", lo, hi, required)


def Num(lo: float, hi: float, required: bool = True, above: bool = False) -> Field:
    return Field("num", lo, hi, required, above=above)


def Bool(required: bool = False) -> Field:
    return Field("bool", required=required)


def Str(choices: tuple[str, ...] = (), required: bool = True) -> Field:
    return Field("str", required=required, choices=choices)


def _range(f: Field) -> str:
    if f.lo is None or f.hi is None:
        return ""
    return f"above {f.lo:g} and at most {f.hi:g}" if f.above else f"from {f.lo:g} to {f.hi:g}"


def _number(f: Field, value: Any, whole: bool) -> str | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (whole and not isinstance(value, int)):
        what = "a whole number" if whole else "a number"
        return f"expected {what} {_range(f)}, got {value!r}".replace("  ", " ")
    if not math.isfinite(value):
        return f"expected a finite number, got {value!r}"
    too_low = f.lo is not None and (value <= f.lo if f.above else value < f.lo)
    if too_low or (f.hi is not None and value > f.hi):
        return f"{value!r} is out of range: expected {_range(f)}"
    return None


def _text(f: Field, value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected text, got {value!r}"
    if f.choices and value not in f.choices:
        return f"{value!r} is not one of {', '.join(f.choices)}"
    if not f.choices and not value.strip():
        return "is empty"
    return None


def check_value(f: Field, value: Any) -> str | None:
    """The problem with `value` for field `f`, or None when it fits."""
    if f.kind == "int":
        return _number(f, value, whole=True)
    if f.kind == "num":
        return _number(f, value, whole=False)
    if f.kind == "bool":
        return None if isinstance(value, bool) else f"expected true or false, got {value!r}"
    if f.kind == "str":
        return _text(f, value)
    if not isinstance(value, list):
        return f"expected a list, got {value!r}"
    if not f.size[0] <= len(value) <= f.size[1]:
        return f"expected {f.size[0]} to {f.size[1]} items, got {len(value)}"
    item = Field("int" if f.kind == "ints" else "str", f.lo, f.hi, choices=f.choices)
    for i, v in enumerate(value):
        problem = check_value(item, v)
        if problem:
            return f"item {i + 1}: {problem}"
    return None


def check_record(record: Any, schema: Mapping[str, Field], where: str,
                 nested: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """(key, problem) for every bad key of `record`; keys in `nested` are checked by the caller."""
    if not isinstance(record, dict):
        return [(where, f"expected a table, got {record!r}")]
    problems = []
    for key, value in record.items():
        if key in nested:
            continue
        field = schema.get(key)
        if field is None:
            known = ", ".join(list(schema) + list(nested))
            problems.append((f"{where}.{toml_key(key)}", f"unknown key (known: {known})"))
            continue
        problem = check_value(field, value)
        if problem:
            problems.append((f"{where}.{key}", problem))
    for key, field in schema.items():
        if field.required and key not in record:
            problems.append((f"{where}.{key}", "missing"))
    for key in nested:
        if key not in record:
            problems.append((f"{where}.{key}", "missing"))
    return problems


def check_names(table: Any, where: str, required: tuple[str, ...] = (),
                only: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Problems with the keys of a table of named records: their spelling, missing and unknown names."""
    if not isinstance(table, dict):
        return [(where or "(top)", f"expected a table, got {table!r}")]
    prefix = f"{where}." if where else ""
    problems = []
    for name in table:
        if only and name not in only:
            problems.append((prefix + toml_key(name), f"unknown name (known: {', '.join(only)})"))
        elif not NAME.match(name):
            problems.append((prefix + toml_key(name), "names are lower case letters, digits and _, starting with a letter"))
    problems += [(prefix + name, "missing") for name in required if name not in table]
    return problems
