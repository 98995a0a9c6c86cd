"""Run every generator step and write the results, guarded by a manifest of what we made."""
from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from game.assetgen.png import png_bytes

log = logging.getLogger(__name__)

MANIFEST = "generated.json"


@dataclass
class GenerateResult:
    written: list[str] = field(default_factory=list)    # relative paths written (new or changed)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)       # not ours (replaced by hand): left alone


class Writer:
    """Writes files under `out`, refusing to overwrite any file the generator did not make."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.result = GenerateResult()
        path = out / MANIFEST
        self.old: dict[str, str] = json.loads(path.read_text("utf-8")) if path.is_file() else {}
        self.new: dict[str, str] = {}
        self.sheet_items: list[tuple[str, np.ndarray]] = []  # (label, rgba) for the contact sheet

    def write(self, rel: str, data: bytes) -> None:
        path = self.out / rel
        digest = hashlib.sha256(data).hexdigest()
        if path.exists():
            current = hashlib.sha256(path.read_bytes()).hexdigest()
            if current == digest:
                self.new[rel] = digest
                self.result.unchanged.append(rel)
                return
            if self.old.get(rel) != current:
                log.warning("%s: not made by the generator (or edited by hand); left alone", path)
                self.result.kept.append(rel)
                return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.new[rel] = digest
        self.result.written.append(rel)

    def png(self, rel: str, rgba: np.ndarray) -> None:
        self.write(rel, png_bytes(rgba))

    def show(self, label: str, rgba: np.ndarray) -> None:
        self.sheet_items.append((label, rgba))

    def finish(self, partial: bool = False) -> GenerateResult:
        entries = {**self.old, **self.new} if partial else self.new
        data = (json.dumps(dict(sorted(entries.items())), indent=1) + "\n").encode()
        (self.out / MANIFEST).write_bytes(data)
        return self.result


def generate(src: Path, out: Path, sheet: Path | None = None) -> GenerateResult:
    """Generate every asset from `src` (assets/src) into `out` (assets/); also the contact sheet
    `out/preview.png`, and a copy at `sheet` when given."""
    from game.assetgen import font, sheetgen, sounds, sprites, tiles

    out.mkdir(parents=True, exist_ok=True)
    writer = Writer(out)
    palettes_path = src / "palettes.txt"
    from game.assetgen.source import parse_palettes

    try:
        palettes = parse_palettes(palettes_path)
        glyphs = font.build(src, writer)
        tiles.build(src, palettes, writer)
        sprites.build(src, palettes, writer)
        sounds.build(src, palettes, writer)
        contact = sheetgen.contact_sheet(writer.sheet_items, glyphs)
        writer.png("preview.png", contact)
    except Exception:
        writer.finish(partial=True)  # remember what was written before the failure
        raise
    if sheet is not None:
        sheet.parent.mkdir(parents=True, exist_ok=True)
        sheet.write_bytes(png_bytes(contact))
    return writer.finish()
