"""Parse the text-grid sources: palettes, and files of named frames drawn one character a pixel.

A source file looks like this (a blank line ends a grid; outside grids `#` starts a comment line):

    palette: moscow                 (a palette named in palettes.txt, or "palette:" followed by
    frame floor solid=true ...        indented "CHAR RRGGBB" lines: the file's own palette)
    aabbaabb...
    ...

`palette NAME` blocks in palettes.txt map one character to `RRGGBB` (or `transparent`); `.` is always
transparent. Every character in a grid must be in the file's palette: a mistake is a SourceError naming
file and line.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

Color = tuple[int, int, int, int]
TRANSPARENT: Color = (0, 0, 0, 0)


class SourceError(Exception):
    """A source file is malformed. The message names the file, the line and the problem."""


@dataclass
class Frame:
    name: str
    props: dict[str, str]
    rows: list[str]
    line: int  # where the frame header stands, for error messages

    @property
    def size(self) -> tuple[int, int]:
        return (max((len(r) for r in self.rows), default=0), len(self.rows))


@dataclass
class Source:
    path: Path
    header: dict[str, str]
    frames: list[Frame] = field(default_factory=list)
    palette: dict[str, Color] | None = None  # an inline "palette:" block, if the file has one

    def frame(self, name: str) -> Frame:
        for f in self.frames:
            if f.name == name:
                return f
        raise SourceError(f"{self.path}: no frame named '{name}'")


def parse_palettes(path: Path) -> dict[str, dict[str, Color]]:
    palettes: dict[str, dict[str, Color]] = {}
    current: dict[str, Color] | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        parts = line.split()
        if parts[0] == "palette":
            if len(parts) < 2:
                raise SourceError(f"{path}:{n}: 'palette' needs a name")
            current = palettes.setdefault(parts[1], {".": TRANSPARENT})
            if len(parts) > 3 and parts[2] == "extends":
                if parts[3] not in palettes:
                    raise SourceError(f"{path}:{n}: palette '{parts[3]}' is not defined above")
                current.update(palettes[parts[3]])
            continue
        if current is None or len(parts) != 2 or len(parts[0]) != 1:
            raise SourceError(f"{path}:{n}: expected 'CHAR RRGGBB' inside a palette block")
        current[parts[0]] = parse_color(parts[1], f"{path}:{n}")
    return palettes


def parse_color(text: str, where: str) -> Color:
    if text == "transparent":
        return TRANSPARENT
    try:
        value = int(text.lstrip("#"), 16)
    except ValueError:
        raise SourceError(f"{where}: bad colour '{text}'") from None
    if len(text.lstrip("#")) == 8:
        return ((value >> 24) & 255, (value >> 16) & 255, (value >> 8) & 255, value & 255)
    if len(text.lstrip("#")) != 6:
        raise SourceError(f"{where}: colour '{text}' is not RRGGBB")
    return ((value >> 16) & 255, (value >> 8) & 255, value & 255, 255)


def parse_source(path: Path, keyword: str = "frame") -> Source:
    """Read a grid file. `keyword` is the word that opens a grid ("frame", "tile", "glyph")."""
    source = Source(path, {})
    current: Frame | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip()
        if current is not None and line and not line.startswith(keyword + " "):
            current.rows.append(line)
            continue
        current = None
        if not line or line.startswith("#"):
            continue
        if raw[:1].isspace() and source.palette is not None:
            parts = line.split()
            if len(parts) != 2 or len(parts[0]) != 1:
                raise SourceError(f"{path}:{n}: expected 'CHAR RRGGBB' in the palette block")
            source.palette[parts[0]] = parse_color(parts[1], f"{path}:{n}")
            continue
        if line.startswith(keyword + " "):
            parts = line.split()
            if len(parts) < 2:
                raise SourceError(f"{path}:{n}: '{keyword}' needs a name")
            props = {}
            for item in parts[2:]:
                key, sep, value = item.partition("=")
                if not sep:
                    raise SourceError(f"{path}:{n}: expected key=value, got '{item}'")
                props[key] = value
            current = Frame(parts[1], props, [], n)
            source.frames.append(current)
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise SourceError(f"{path}:{n}: expected 'key: value' or '{keyword} NAME'")
        source.header[key.strip()] = value.strip()
        if key.strip() == "palette" and not value.strip():
            source.palette = {".": TRANSPARENT}  # the indented lines below define it
    names = [f.name for f in source.frames]
    dupes = sorted({x for x in names if names.count(x) > 1})
    if dupes:
        raise SourceError(f"{path}: duplicate {keyword} names: {', '.join(dupes)}")
    return source


def grid_to_rgba(frame: Frame, palette: dict[str, Color], path: Path,
                 size: tuple[int, int] | None = None) -> np.ndarray:
    """uint8 (h, w, 4) image of a frame; rows shorter than the width are padded transparent."""
    w, h = size or frame.size
    if size is not None and (frame.size[0] > w or frame.size[1] > h):
        raise SourceError(f"{path}:{frame.line}: '{frame.name}' is {frame.size[0]}x{frame.size[1]}, "
                          f"larger than {w}x{h}")
    index = {ch: i for i, ch in enumerate(palette)}
    colours = np.zeros((len(index) + 1, 4), dtype=np.uint8)  # the last row: padding, transparent
    colours[:len(index)] = list(palette.values())
    cells = np.full((h, w), len(index), dtype=np.intp)
    for y, row in enumerate(frame.rows):
        try:
            cells[y, :len(row)] = [index[ch] for ch in row]  # palette indices, then one lookup for the image
        except KeyError as missing:
            raise SourceError(f"{path}:{frame.line + 1 + y}: '{frame.name}' uses '{missing.args[0]}', "
                              "which is not in its palette") from None
    return colours[cells]
