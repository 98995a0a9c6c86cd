"""`new-level NAME [--dir DIR]`: a starter map and a copy of the Tiled project that point at the game's tilesets.

The map references the installed tilesets by a path relative to the map (absolute when no relative path
exists, e.g. another drive), so Tiled and `python -m game --level` / `check` find them from any folder.
The project copy lists the designer's folder, the installed assets and the object templates, keeps the
game's property types and classes, and runs its Play / Check commands with the Python that has the game.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shlex
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from game.devtools.errors import ToolError

log = logging.getLogger(__name__)

PROJECT = "red-heat.tiled-project"
TILESET = "hotel"  # the starter room's tiles: carpet floor, walls
SIZE = (24, 14)
NAME = re.compile(r"^[A-Za-z0-9_-]+$")


class NewLevelError(ToolError):
    """A bad name, an existing map or an unwritable folder: one line for the designer."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("new-level", help="write a starter map and a Tiled project for the installed game")
    parser.add_argument("name", help="the level's name: letters, digits, _ and - (writes NAME.tmx)")
    parser.add_argument("--dir", type=Path, default=Path("."), help="folder for the map (default: here)")
    parser.set_defaults(run=main)


def main(args: argparse.Namespace) -> list[str]:
    """Write the files; the lines to show (NewLevelError for one line and exit 1)."""
    written = new_level(args.name, args.dir)
    tmx = shlex.quote(str(args.dir / f"{args.name}.tmx"))
    return [f"wrote {path}" for path in written] + [
        f"next: open {shlex.quote(str(args.dir / PROJECT))} in Tiled; then `python -m game check {tmx}` "
        f"and `python -m game --level {tmx}`"]


def link(target: Path, folder: Path) -> str:
    """`target` as Tiled stores it for a file in `folder`: relative when possible, with forward slashes."""
    try:
        return Path(os.path.relpath(target.resolve(), folder.resolve())).as_posix()
    except ValueError:  # different drives on Windows
        return target.resolve().as_posix()


def tile_ids(tsx: Path, *names: str) -> list[int]:
    """The local ids of the tiles named `names` in a tileset (its `name` tile property)."""
    found: dict[str, int] = {}
    for tile in ET.parse(tsx).getroot().findall("tile"):
        prop = tile.find("properties/property[@name='name']")
        if prop is not None:
            found.setdefault(prop.get("value", ""), int(tile.get("id", "0")))
    missing = [n for n in names if n not in found]
    if missing:
        raise NewLevelError(f"{tsx}: no tile named {', '.join(missing)}")
    return [found[n] for n in names]


def starter_map(tileset_source: str, floor: int, wall: int) -> str:
    """A walled room with Danko, one brawler and an exit that opens when the room is clear."""
    w, h = SIZE
    rows = [",".join(str((wall if x in (0, w - 1) or y in (0, h - 1) else floor) + 1) for x in range(w))
            for y in range(h)]
    data = ",\n".join(rows)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down" width="{w}" height="{h}" tilewidth="16" tileheight="16" infinite="0" nextlayerid="3" nextobjectid="4">
 <properties>
  <property name="objective" value="Clear the room, then reach the exit"/>
 </properties>
 <tileset firstgid="1" source="{tileset_source}"/>
 <layer id="1" name="ground" width="{w}" height="{h}">
  <data encoding="csv">
{data}
</data>
 </layer>
 <objectgroup id="2" name="objects">
  <object id="1" name="danko" type="player_spawn" x="40" y="{h * 8}">
   <point/>
  </object>
  <object id="2" type="enemy" x="{w * 8}" y="{h * 8}">
   <properties>
    <property name="kind" propertytype="EnemyKind" value="brawler"/>
   </properties>
   <point/>
  </object>
  <object id="3" name="exit" type="exit" x="{(w - 3) * 16}" y="{(h // 2 - 1) * 16}" width="32" height="32">
   <properties>
    <property name="requires_clear" type="bool" value="true"/>
   </properties>
  </object>
 </objectgroup>
</map>
"""


def project_copy(folder: Path) -> str:
    """The game's Tiled project with its folders pointing at `folder`, the installed assets and templates."""
    from game.paths import ASSETS, LEVELS

    data = json.loads((LEVELS / PROJECT).read_text(encoding="utf-8"))
    data["folders"] = [".", link(ASSETS, folder), link(LEVELS / "templates", folder)]
    for command in data.get("commands", []):  # Play / Check this map: with the Python that has the game
        if command.get("command") in ("python", "python3"):
            command["command"] = sys.executable
            command["workingDirectory"] = "%projectpath"
    return json.dumps(data, indent=4) + "\n"


def new_level(name: str, folder: Path) -> list[Path]:
    """Write NAME.tmx (never over an existing file) and, unless one is there, the project copy."""
    from game.paths import ASSETS

    if not NAME.match(name):
        raise NewLevelError(f"{name!r}: a level name is letters, digits, _ and - only")
    tsx = ASSETS / "tiles" / f"{TILESET}.tsx"
    floor, wall = tile_ids(tsx, "carpet", "wall")
    tmx, project = folder / f"{name}.tmx", folder / PROJECT
    if tmx.exists():
        raise NewLevelError(f"{tmx}: already exists (pick another name or remove it)")
    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmx.write_text(starter_map(link(tsx, folder), floor, wall), encoding="utf-8")
        written.append(tmx)
        if not project.exists():  # a designer's edited project is theirs
            project.write_text(project_copy(folder), encoding="utf-8")
            written.append(project)
    except OSError as exc:
        raise NewLevelError(f"{folder}: cannot write: {exc.strerror or exc}") from None
    return written
