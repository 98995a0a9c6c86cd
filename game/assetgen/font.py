"""The bitmap font: assets/src/font.txt -> assets/font.png (a 16x6 grid of cells, white ink) and
assets/font.json (cell size and each glyph's advance width)."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from game.assetgen.source import SourceError, parse_source

FIRST, LAST = 32, 126
COLUMNS = 16


def load_glyphs(src: Path) -> tuple[dict[str, np.ndarray], tuple[int, int]]:
    """Each printable ASCII character's ink as a bool (cell_h, width) array, and the cell size."""
    path = src / "font.txt"
    source = parse_source(path, keyword="glyph")
    cw, ch = (int(v) for v in source.header.get("cell", "5x9").split("x"))
    glyphs: dict[str, np.ndarray] = {}
    for frame in source.frames:
        char = " " if frame.name == "space" else frame.name
        if len(char) != 1:
            raise SourceError(f"{path}:{frame.line}: glyph name '{frame.name}' is not one character")
        w, h = frame.size
        if w > cw or h > ch:
            raise SourceError(f"{path}:{frame.line}: glyph '{char}' is {w}x{h}, the cell {cw}x{ch}")
        ink = np.zeros((ch, w), dtype=bool)
        for y, row in enumerate(frame.rows):
            if len(row) != w or set(row) - {"#", "."}:
                raise SourceError(f"{path}:{frame.line + 1 + y}: glyph '{char}' rows must be equal "
                                  "length, '#' and '.' only")
            ink[y] = [c == "#" for c in row]
        glyphs[char] = ink
    missing = [chr(c) for c in range(FIRST, LAST + 1) if chr(c) not in glyphs]
    if missing:
        raise SourceError(f"{path}: glyphs missing for {''.join(missing)!r}")
    return glyphs, (cw, ch)


def build(src: Path, writer) -> dict[str, np.ndarray]:
    glyphs, (cw, ch) = load_glyphs(src)
    rows = (LAST - FIRST + 1 + COLUMNS - 1) // COLUMNS
    image = np.zeros((rows * ch, COLUMNS * cw, 4), dtype=np.uint8)
    widths = {}
    for code in range(FIRST, LAST + 1):
        ink = glyphs[chr(code)]
        r, c = divmod(code - FIRST, COLUMNS)
        cell = image[r * ch:(r + 1) * ch, c * cw:c * cw + ink.shape[1]]
        cell[ink] = (255, 255, 255, 255)
        widths[str(code)] = int(ink.shape[1])
    meta = {"cell": [cw, ch], "columns": COLUMNS, "first": FIRST, "last": LAST,
            "baseline": 7, "widths": widths}
    writer.png("font.png", image)
    writer.write("font.json", (json.dumps(meta, indent=1, sort_keys=True) + "\n").encode())
    return glyphs
