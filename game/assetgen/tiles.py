"""Tilesets: assets/src/tiles/NAME.txt -> assets/tiles/NAME.png + NAME.tsx (Tiled 1.8 format).

Every tile gets a string property `name` (its name in the source) so level authors find tiles by
name; `solid=true` becomes a bool property; `anim=a:ms,b:ms` becomes a Tiled tile animation;
`p=0.3` becomes the tile's probability (how often Tiled's random mode and terrain brush pick it), and
`terrain=NAME` puts the tile in the tileset's corner Wang set "terrains" with all four corners NAME, so
painting NAME with Tiled's terrain brush scatters that terrain's variants by their probabilities.
"""
from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

import numpy as np

from game.assetgen.source import SourceError, grid_to_rgba, parse_source

TILE = 16
TILESETS = ("bathhouse", "hotel", "locksmith", "streets", "moscow", "hospital", "city", "apartment", "road")


def build(src: Path, palettes: dict, writer) -> None:
    for name in TILESETS:
        path = src / "tiles" / f"{name}.txt"
        source = parse_source(path, keyword="tile")
        palette = source.palette or palettes.get(source.header.get("palette", ""))
        if palette is None:
            raise SourceError(f"{path}: unknown palette '{source.header.get('palette')}'")
        columns = int(source.header.get("columns", "8"))
        image, tsx = render_tileset(name, source, palette, columns)
        writer.png(f"tiles/{name}.png", image)
        writer.write(f"tiles/{name}.tsx", tsx.encode("utf-8"))
        readme_rows = [(i, f.name, f.props.get("solid") == "true", "anim" in f.props)
                       for i, f in enumerate(source.frames)]
        writer.tile_index = getattr(writer, "tile_index", {})
        writer.tile_index[name] = readme_rows
        for i, f in enumerate(source.frames):
            writer.show(f"{name}:{i} {f.name}", image[(i // columns) * TILE:(i // columns + 1) * TILE,
                                                       (i % columns) * TILE:(i % columns + 1) * TILE])
    writer.write("tiles/README.md", tiles_readme(writer.tile_index).encode("utf-8"))


def render_tileset(name: str, source, palette, columns: int) -> tuple[np.ndarray, str]:
    frames = source.frames
    rows = (len(frames) + columns - 1) // columns
    image = np.zeros((rows * TILE, columns * TILE, 4), dtype=np.uint8)
    index = {f.name: i for i, f in enumerate(frames)}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<tileset version="1.8" tiledversion="1.8.2" name="{name}" tilewidth="{TILE}" tileheight="{TILE}" '
        f'tilecount="{len(frames)}" columns="{columns}">',
        f' <image source="{name}.png" width="{columns * TILE}" height="{rows * TILE}"/>',
    ]
    for i, frame in enumerate(frames):
        if frame.size != (TILE, TILE):
            raise SourceError(f"{source.path}:{frame.line}: tile '{frame.name}' is "
                              f"{frame.size[0]}x{frame.size[1]}, not {TILE}x{TILE}")
        r, c = divmod(i, columns)
        image[r * TILE:(r + 1) * TILE, c * TILE:(c + 1) * TILE] = grid_to_rgba(frame, palette, source.path)
        probability = frame.props.get("p")
        if probability is not None:
            try:
                if not 0.0 < float(probability) <= 100.0:
                    raise ValueError
            except ValueError:
                raise SourceError(f"{source.path}:{frame.line}: p={probability} is not a probability") from None
        lines.append(f' <tile id="{i}"' + (f' probability="{probability}"' if probability else "") + ">")
        lines.append("  <properties>")
        lines.append(f'   <property name="name" value={quoteattr(frame.name)}/>')
        if frame.props.get("solid") == "true":
            lines.append('   <property name="solid" type="bool" value="true"/>')
        lines.append("  </properties>")
        if "anim" in frame.props:
            lines.append("  <animation>")
            for step in frame.props["anim"].split(","):
                tile, _, ms = step.partition(":")
                if tile not in index or not ms.isdigit():
                    raise SourceError(f"{source.path}:{frame.line}: bad animation step '{step}'")
                lines.append(f'   <frame tileid="{index[tile]}" duration="{ms}"/>')
            lines.append("  </animation>")
        lines.append(" </tile>")
    lines += wangsets(frames, image, columns)
    lines.append("</tileset>")
    return image, "\n".join(lines) + "\n"


def wangsets(frames, image: np.ndarray, columns: int) -> list[str]:
    """A corner Wang set with one colour per `terrain=NAME` (all four corners of its tiles)."""
    terrains: dict[str, list[int]] = {}
    for i, frame in enumerate(frames):
        if "terrain" in frame.props:
            terrains.setdefault(frame.props["terrain"], []).append(i)
    if not terrains:
        return []
    out = [" <wangsets>", '  <wangset name="terrains" type="corner" tile="-1">']
    for name, ids in terrains.items():
        r, c = divmod(ids[0], columns)
        tile = image[r * TILE:(r + 1) * TILE, c * TILE:(c + 1) * TILE]
        rgb = tile[tile[..., 3] > 0][:, :3].mean(axis=0) if (tile[..., 3] > 0).any() else (0, 0, 0)
        color = "#" + "".join(f"{int(v):02x}" for v in rgb)
        out.append(f'   <wangcolor name={quoteattr(name)} color="{color}" tile="{ids[0]}" probability="1"/>')
    for n, ids in enumerate(terrains.values(), 1):
        out += [f'   <wangtile tileid="{i}" wangid="0,{n},0,{n},0,{n},0,{n}"/>' for i in ids]
    out += ["  </wangset>", " </wangsets>"]
    return out


def tiles_readme(index: dict[str, list[tuple[int, str, bool, bool]]]) -> str:
    out = ["# Tilesets", "",
           "Generated by `python -m game assets` from `assets/src/tiles/*.txt`; edit the sources, not the",
           "PNG/TSX. Each tile has a `name` property (search for it in Tiled's tile properties);",
           "`solid` tiles block movement; animated tiles play in Tiled and in the game.",
           "In a map, gid = the tileset's firstgid + id (firstgid 1 for the first tileset).", ""]
    for name, rows in index.items():
        out += [f"## {name}.tsx", "", "| id | name | solid | animated |", "| --- | --- | --- | --- |"]
        out += [f"| {i} | {n} | {'yes' if s else ''} | {'yes' if a else ''} |" for i, n, s, a in rows]
        out.append("")
    return "\n".join(out)
