"""Sprites: characters, portraits, effects, vehicles and the title logo, from assets/src/ grids.

Characters (assets/src/chars/NAME.txt: every file there is one character, frames of the file's `size`
(16x24 unless it says otherwise) named ANIM_FACING_N, `mirror=OTHER` to reuse a frame flipped) become
assets/sprites/NAME.png (one row per facing) + NAME.json (frame rects by anim and facing), each frame
ringed by a one-pixel dark outline. Effects and vehicles are sheets with a JSON index of named frame lists; portraits are
48x48 PNGs; the logo is one PNG.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np

from game.assetgen.source import Source, SourceError, grid_to_rgba, parse_source

FACINGS = ("down", "left", "right", "up")
ANIMS = ("idle", "walk", "punch", "kick", "hurt", "down", "shoot")
OPTIONAL_ANIMS = ("pocket",)  # a character's own extras: the assassin's walk with her hand in her pocket
PORTRAIT = 48
OUTLINE = (22, 22, 26, 255)  # for a character whose palette has no 'o'

FRAME_NAME = re.compile(r"^([a-z]+)_(down|left|right|up)_(\d+)$")


def build(src: Path, palettes: dict, writer) -> None:
    for path in sorted((src / "chars").glob("*.txt")):  # one text-grid file per character
        build_character(path, path.stem, palettes, writer)
    build_portraits(src / "portraits", palettes, writer)
    for kind in ("effects", "vehicles"):
        build_strips(src / f"{kind}.txt", kind, palettes, writer)
    build_logo(src / "logo.txt", palettes, writer)
    from game.assetgen import redsquare

    redsquare.build(writer)


def palette_of(source: Source, palettes: dict) -> dict:
    if source.palette is not None:
        return source.palette
    name = source.header.get("palette", "")
    if name not in palettes:
        raise SourceError(f"{source.path}: unknown palette '{name}'")
    return palettes[name]


def frame_images(source: Source, palette: dict, size: tuple[int, int] | None) -> dict[str, np.ndarray]:
    """Every frame as RGBA; `mirror=OTHER` frames are OTHER flipped left-right."""
    images: dict[str, np.ndarray] = {}
    for frame in source.frames:
        if "mirror" not in frame.props:
            images[frame.name] = grid_to_rgba(frame, palette, source.path, size)
    for frame in source.frames:
        if "mirror" in frame.props:
            other = frame.props["mirror"]
            if other not in images:
                raise SourceError(f"{source.path}:{frame.line}: mirror of unknown frame '{other}'")
            images[frame.name] = images[other][:, ::-1].copy()
    return images


def build_character(path: Path, name: str, palettes: dict, writer) -> None:
    source = parse_source(path)
    if "frames" in source.header:  # a dress of another character: its frames, this file's palette
        other = path.with_name(source.header["frames"] + ".txt")
        if not other.is_file():
            raise SourceError(f"{path}: 'frames: {source.header['frames']}' names no file {other.name}")
        drawn = parse_source(other)
        source.frames, source.header = drawn.frames, {**drawn.header, **source.header}
    fw, fh = (int(v) for v in source.header.get("size", "16x24").split("x"))
    palette = palette_of(source, palettes)
    images = {n: outlined(img, palette.get("o", OUTLINE)) for n, img in
              frame_images(source, palette, (fw, fh)).items()}
    layout: dict[str, dict[str, list[str]]] = {a: {f: [] for f in FACINGS} for a in ANIMS + OPTIONAL_ANIMS}
    for frame_name in images:
        m = FRAME_NAME.match(frame_name)
        if not m or m.group(1) not in layout:
            raise SourceError(f"{path}: frame '{frame_name}' is not ANIM_FACING_N with a known anim")
        layout[m.group(1)][m.group(2)].append(frame_name)
    anims = ANIMS + tuple(a for a in OPTIONAL_ANIMS if any(layout[a].values()))
    columns = []
    for anim in anims:
        counts = {len(layout[anim][f]) for f in FACINGS}
        if len(counts) != 1 or 0 in counts:
            raise SourceError(f"{path}: anim '{anim}' needs the same number (>0) of frames in every facing")
        columns += [(anim, i) for i in range(counts.pop())]
    sheet = np.zeros((fh * len(FACINGS), fw * len(columns), 4), dtype=np.uint8)
    rects: dict[str, dict[str, list[list[int]]]] = {a: {f: [] for f in FACINGS} for a in anims}
    for row, facing in enumerate(FACINGS):
        for col, (anim, i) in enumerate(columns):
            x, y = col * fw, row * fh
            sheet[y:y + fh, x:x + fw] = images[f"{anim}_{facing}_{i}"]
            rects[anim][facing].append([x, y, fw, fh])
    writer.png(f"sprites/{name}.png", sheet)
    meta = {"frame": [fw, fh], "anims": rects, "description": source.header.get("description", "")}
    writer.write(f"sprites/{name}.json", (json.dumps(meta, sort_keys=True) + "\n").encode())
    writer.show(name, sheet)


def outlined(image: np.ndarray, colour: tuple[int, int, int, int]) -> np.ndarray:
    """The frame with a one-pixel dark outline wherever the figure (not its own outline) meets
    transparency or the frame's edge, so every character reads against any floor."""
    opaque = image[..., 3] > 0
    figure = opaque & ~(image[..., :3] == colour[:3]).all(axis=-1)
    ring = np.zeros_like(figure)
    ring[1:] |= figure[:-1]
    ring[:-1] |= figure[1:]
    ring[:, 1:] |= figure[:, :-1]
    ring[:, :-1] |= figure[:, 1:]
    border = np.zeros_like(figure)
    border[[0, -1], :] = border[:, [0, -1]] = True
    out = image.copy()
    out[(ring & ~opaque) | (figure & border)] = colour  # a figure touching the frame's edge gets it there
    return out


def build_portraits(folder: Path, palettes: dict, writer) -> None:
    """Hand-drawn grids (NAME.txt, one frame per expression) and painted recipes (NAME.toml)."""
    from game.assetgen import faces

    faces.build(folder, writer, hand_drawn={p.stem for p in folder.glob("*.txt")})
    for path in sorted(folder.glob("*.txt")):
        source = parse_source(path)
        images = frame_images(source, palette_of(source, palettes), (PORTRAIT, PORTRAIT))
        for frame_name, image in images.items():
            writer.png(f"portraits/{frame_name}.png", image)
            writer.show(f"portrait {frame_name}", image)


def build_strips(path: Path, kind: str, palettes: dict, writer) -> None:
    """Frames named NAME_N are grouped into animation NAME; all packed in one sheet, left to right."""
    source = parse_source(path)
    images = frame_images(source, palette_of(source, palettes), None)
    index: dict[str, list[list[int]]] = {}
    height = max(img.shape[0] for img in images.values())
    width = sum(img.shape[1] for img in images.values())
    sheet = np.zeros((height, width, 4), dtype=np.uint8)
    x = 0
    for frame in source.frames:
        img = images[frame.name]
        h, w = img.shape[:2]
        sheet[:h, x:x + w] = img
        group = re.sub(r"_\d+$", "", frame.name)
        index.setdefault(group, []).append([x, 0, w, h])
        x += w
    writer.png(f"sprites/{kind}.png", sheet)
    writer.write(f"sprites/{kind}.json", (json.dumps(index, sort_keys=True) + "\n").encode())
    for group, rects in index.items():
        strip = np.concatenate([np.pad(sheet[y:y + h, x:x + w], ((0, height - h), (0, 1), (0, 0)))
                                for x, y, w, h in rects], axis=1)
        writer.show(f"{kind}: {group}", strip)


def build_logo(path: Path, palettes: dict, writer) -> None:
    source = parse_source(path)
    images = frame_images(source, palette_of(source, palettes), None)
    image = images["logo"]
    writer.png("logo.png", image)
    writer.show("logo", image)
