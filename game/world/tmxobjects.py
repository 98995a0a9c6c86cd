"""Object layers of a TMX map, resolved as Tiled shows them: templates, class defaults, typed properties.

pytmx leaves an object's `template="..."` as a bare path, so objects are read here from the XML. The
value of each property is, in order of precedence: the instance's own, its template's, then the default
declared by the object's class in the project file. Every value is converted to its declared type; a
value that does not fit raises `BadObject` (the loader turns it into a LevelError naming the file).
"""
from __future__ import annotations

import logging
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from game.world.tiledproject import BASIC_TYPES, PropertyTypes, convert
from game.world.tmxcheck import xml_root

log = logging.getLogger(__name__)


class BadObject(Exception):
    """An object or template cannot be read. `path` is the file at fault."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@dataclass(frozen=True)
class MapObject:
    id: int
    type: str
    name: str
    x: float  # Tiled's position: top-left, or bottom-left for tile objects, as Tiled shows it
    y: float
    width: float
    height: float
    properties: dict[str, Any] = field(default_factory=dict)
    points: tuple[tuple[float, float], ...] = ()  # polyline/polygon points, absolute pixels
    shape: str = "rectangle"  # rectangle, point, ellipse, polygon, polyline, text, tile
    template: str = ""  # the template file, as written in the map
    gid: int = 0  # tile objects only
    rotation: float = 0.0
    visible: bool = True

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def label(self) -> str:
        return f"object {self.id} '{self.type}' at ({self.x:g},{self.y:g})"


def object_label(node: ET.Element, kind: str = "") -> str:
    """The same label as MapObject.label, from raw attributes (for errors before a record exists)."""
    def num(key: str) -> str:
        try:
            return f"{float(node.get(key, '0')):g}"
        except ValueError:
            return node.get(key, "?")
    return f"object {node.get('id', '?')} '{kind or node.get('type') or node.get('class') or ''}' " \
           f"at ({num('x')},{num('y')})"


class TemplateCache:
    """Templates read once per load; records every file read, for hot reload."""

    def __init__(self, on_read: Callable[[Path], None] = lambda p: None) -> None:
        self._nodes: dict[Path, ET.Element] = {}
        self.on_read = on_read

    def get(self, map_path: Path, source: str, where: str) -> tuple[Path, ET.Element]:
        path = (map_path.parent / source).resolve()
        if path not in self._nodes:
            self.on_read(path)
            if not path.is_file():
                raise BadObject(map_path, f"{where}: template '{source}' not found")
            root = xml_root(path, BadObject)
            obj = root.find("object") if root.tag == "template" else None
            if obj is None:
                raise BadObject(path, "not a Tiled object template (expected <template><object>)")
            if obj.get("gid") is not None:
                raise BadObject(path, "tile-object templates are not supported; use a shape")
            self._nodes[path] = obj
        return path, self._nodes[path]


def iter_object_nodes(root: ET.Element) -> Iterator[ET.Element]:
    """Objects of every object layer, in file order, including layers inside groups."""
    for child in root:
        if child.tag == "objectgroup":
            yield from child.findall("object")
        elif child.tag == "group":
            yield from iter_object_nodes(child)


def parse_objects(map_path: Path, root: ET.Element, types: PropertyTypes, known_kinds: frozenset[str],
                  templates: TemplateCache) -> list[MapObject]:
    out = []
    seen: set[int] = set()
    for node in iter_object_nodes(root):
        obj = parse_object(map_path, node, types, known_kinds, templates)
        if obj.id in seen:
            raise BadObject(map_path, f"{obj.label()}: duplicate object id {obj.id}")
        seen.add(obj.id)
        out.append(obj)
    return out


def parse_object(map_path: Path, node: ET.Element, types: PropertyTypes, known_kinds: frozenset[str],
                 templates: TemplateCache) -> MapObject:
    attrs: dict[str, str] = {}
    props: dict[str, Any] = {}
    shape_node: ET.Element | None = None
    source = node.get("template", "")
    where = object_label(node)
    if source:
        tpath, tnode = templates.get(map_path, source, where)
        attrs.update({k: v for k, v in tnode.attrib.items() if k not in ("id", "x", "y")})
        props.update(parse_properties(tpath, "template", tnode, types))
        shape_node = _shape_node(tnode)
        attrs.update(_instance_overrides(node))
    else:
        attrs.update(node.attrib)
    kind = (attrs.get("type") or attrs.get("class") or "").strip()
    where = object_label(node, kind)
    if not kind:
        raise BadObject(map_path, f"{where} has no type; set its Class/Type to one of "
                        f"{', '.join(sorted(known_kinds))}")
    if kind not in known_kinds:
        raise BadObject(map_path, f"{where}: unknown object type '{kind}'")
    props.update(parse_properties(map_path, where, node, types))
    shape_node = _shape_node(node) if _shape_node(node) is not None else shape_node
    props = apply_class(map_path, where, kind, props, types)

    nums = {}
    for key, default in (("id", None), ("x", 0.0), ("y", 0.0), ("width", 0.0), ("height", 0.0),
                         ("rotation", 0.0)):
        text = attrs.get(key)
        if text is None:
            if default is None:
                raise BadObject(map_path, f"{where}: has no id")
            nums[key] = default
            continue
        try:
            value = float(text)
        except ValueError:
            raise BadObject(map_path, f"{where}: {key} {text!r} is not a number") from None
        if not math.isfinite(value):
            raise BadObject(map_path, f"{where}: {key} {text!r} is not a finite number")
        nums[key] = value
    if not nums["id"].is_integer() or nums["id"] < 1:
        raise BadObject(map_path, f"{where}: id {attrs.get('id')!r} is not a positive integer")
    if nums["width"] < 0 or nums["height"] < 0:
        raise BadObject(map_path, f"{where}: negative size")
    gid = 0
    if attrs.get("gid") is not None:
        try:
            gid = int(attrs["gid"]) & 0x1FFFFFFF
        except ValueError:
            raise BadObject(map_path, f"{where}: gid {attrs['gid']!r} is not a tile id") from None
    shape, points = _shape(map_path, where, shape_node, nums["x"], nums["y"], gid)
    if points:  # Tiled's size of a poly object is its points' bounding box
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        nums["width"], nums["height"] = max(xs) - min(xs), max(ys) - min(ys)
    return MapObject(
        id=int(nums["id"]), type=kind, name=attrs.get("name", ""), x=nums["x"], y=nums["y"],
        width=nums["width"], height=nums["height"], properties=props, points=points, shape=shape,
        template=source, gid=gid, rotation=nums["rotation"], visible=attrs.get("visible", "1") != "0",
    )


def _instance_overrides(node: ET.Element) -> dict[str, str]:
    """What a template instance overrides, by Tiled's reader: a non-empty name or type, a size only
    when both sides are positive, rotation and visibility when present, position always."""
    own = dict(node.attrib)
    out = {k: own[k] for k in ("id", "x", "y", "rotation", "visible", "gid", "template") if k in own}
    for key in ("name", "type", "class"):
        if own.get(key):
            out[key] = own[key]
    try:
        sized = float(own.get("width", "0")) > 0 and float(own.get("height", "0")) > 0
    except ValueError:
        sized = True  # let the number check below name the bad value
    if sized:
        out["width"], out["height"] = own.get("width", "0"), own.get("height", "0")
    return out


def _shape_node(node: ET.Element) -> ET.Element | None:
    for tag in ("point", "ellipse", "polygon", "polyline", "text"):
        found = node.find(tag)
        if found is not None:
            return found
    return None


def _shape(map_path: Path, where: str, node: ET.Element | None, x: float, y: float,
           gid: int) -> tuple[str, tuple[tuple[float, float], ...]]:
    if node is None:
        return ("tile" if gid else "rectangle"), ()
    if node.tag in ("polygon", "polyline"):
        try:
            pts = tuple((x + float(a), y + float(b)) for a, b in
                        (pair.split(",") for pair in (node.get("points") or "").split()))
        except ValueError:
            raise BadObject(map_path, f"{where}: bad {node.tag} points {node.get('points')!r}") from None
        if not pts or not all(math.isfinite(c) for p in pts for c in p):
            raise BadObject(map_path, f"{where}: {node.tag} has no points")
        return node.tag, pts
    return node.tag, ()


def parse_properties(path: Path, where: str, node: ET.Element, types: PropertyTypes) -> dict[str, Any]:
    """`<properties>` of a node as Python values, converted by `type` and checked by `propertytype`."""
    out: dict[str, Any] = {}
    block = node.find("properties")
    if block is None:
        return out
    for prop in block.findall("property"):
        name = prop.get("name")
        if not name:
            raise BadObject(path, f"{where}: a property has no name")
        ptype = prop.get("type", "string")
        custom = prop.get("propertytype", "")
        if ptype == "class":
            out[name] = parse_properties(path, f"{where}: property '{name}'", prop, types)
            continue
        if ptype not in BASIC_TYPES:
            raise BadObject(path, f"{where}: property '{name}' has unknown type '{ptype}'")
        text = prop.get("value")
        if text is None:
            text = prop.text or ""  # multi-line strings are stored as element text
        try:
            value = convert(ptype, text)
        except ValueError as exc:
            raise BadObject(path, f"{where}: property '{name}': {exc}") from None
        if custom:
            check_enum(path, where, name, value, custom, types)
        out[name] = value
    return out


def check_enum(path: Path, where: str, name: str, value: Any, enum: str, types: PropertyTypes) -> None:
    values = types.enums.get(enum)
    if values is None:
        if enum in types.classes:
            return
        raise BadObject(path, f"{where}: property '{name}' uses type '{enum}', "
                        "which the project file does not declare")
    if value not in values and value != "":  # an empty enum value means "not set"
        raise BadObject(path, f"{where}: property '{name}' is {value!r}, not one of {enum} "
                        f"({', '.join(values)})")


def apply_class(path: Path, where: str, kind: str, props: dict[str, Any],
                types: PropertyTypes) -> dict[str, Any]:
    """Class defaults under the given values, each value converted to the member's declared type."""
    out = types.class_defaults(kind)
    for name, value in props.items():
        member = types.member(kind, name)
        if member is not None and member.type != "class":
            try:
                value = convert(member.type, value)
            except ValueError as exc:
                raise BadObject(path, f"{where}: property '{name}' should be {member.type}: {exc}") from None
            if member.property_type:
                check_enum(path, where, name, value, member.property_type, types)
        out[name] = value
    return out
