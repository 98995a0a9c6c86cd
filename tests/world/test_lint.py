"""`python -m game check`: every shipped level passes, and a broken copy of a level fails each rule
with the message a designer needs (`file: object N 'type' at (x,y): problem`)."""
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from conftest import ROOT, room, tmx_text

from game.cli import main, story_refs
from game.paths import first_level, level_files
from game.world.lint import StoryRefs, check_level
from game.world.tilemap import load_tilemap


def test_clean_level_has_no_problems(write_level):
    objects = ('<object id="1" type="player_spawn" x="24" y="24"/>'
               '<object id="2" type="exit" x="96" y="32" width="16" height="16"/>')
    assert check_level(write_level(tmx_text(room(), objects=objects))) == []


def test_spawn_in_wall_is_reported(write_level):
    objects = '<object id="1" type="player_spawn" x="4" y="4"/>'
    problems = check_level(write_level(tmx_text(room(), objects=objects)))
    assert len(problems) == 1
    assert "object 1 'player_spawn' at (4,4): inside a wall" in str(problems[0])


def test_unreachable_exit_is_reported(write_level):
    ground = room(10, 6)
    for y in range(6):
        ground[y][5] = 2  # a wall splits the room
    objects = ('<object id="1" type="player_spawn" x="24" y="24"/>'
               '<object id="7" type="exit" x="112" y="32" width="16" height="16"/>')
    problems = check_level(write_level(tmx_text(ground, objects=objects)))
    assert [p.message for p in problems] == ["not reachable on foot from the player spawn"]
    assert "object 7 'exit' at (112,32)" in str(problems[0])


def test_load_errors_are_reported_as_problems(write_level):
    problems = check_level(write_level(tmx_text(room()).replace("</map>", "")))
    assert len(problems) == 1 and "malformed XML" in str(problems[0])


def test_door_in_a_wall_is_reachable_from_beside_it(write_level):
    objects = ('<object id="1" type="player_spawn" x="24" y="24"/>'
               '<object id="2" type="door" x="112" y="32" width="16" height="16"/>')
    assert check_level(write_level(tmx_text(room(), objects=objects))) == []


@pytest.mark.parametrize("level", level_files(), ids=lambda p: p.name)
def test_every_shipped_level_passes_check(level):
    story, problem = story_refs()
    assert problem is None, str(problem)
    assert [str(p) for p in check_level(level, story)] == []


def test_check_command_covers_story_references(capsys):
    assert main(["check"]) == 0
    assert "problem" in capsys.readouterr().err


def test_project_beat_enum_matches_the_story():
    from game.story.script import load_story
    from game.world.tiledproject import load_project

    project = load_project(ROOT / "levels" / "red-heat.tiled-project")
    assert list(project.enums["BeatId"]) == [b.id for b in load_story().sequence]


# --- a deliberately broken copy of a real level, one per rule ---------------------------------

def broken_copy(tmp_path: Path, mutate) -> Path:
    """The first level copied into tmp_path (file references made absolute), then `mutate(root, tilemap)`."""
    level = first_level()
    tilemap = load_tilemap(level)
    tree = ET.parse(level)
    root = tree.getroot()
    for node in root.iter():
        for key in ("source", "template"):
            if node.tag in ("tileset", "object") and node.get(key):
                node.set(key, str((level.parent / node.get(key)).resolve()))
    mutate(root, tilemap)
    out = tmp_path / level.name
    tree.write(out, encoding="unicode")
    return out


def wall_cell(tilemap) -> tuple[float, float]:
    """Centre of a solid cell with floor somewhere: any wall will do."""
    r, c = np.argwhere(tilemap.solid)[0]
    return (c * tilemap.tile_w + tilemap.tile_w / 2, r * tilemap.tile_h + tilemap.tile_h / 2)


def add_object(root: ET.Element, **attrs) -> ET.Element:
    group = root.find("objectgroup[@name='lint-test']")
    if group is None:
        group = ET.SubElement(root, "objectgroup", {"id": "990", "name": "lint-test"})
    props = attrs.pop("props", {})
    obj = ET.SubElement(group, "object", {k: str(v) for k, v in attrs.items()})
    if props:
        block = ET.SubElement(obj, "properties")
        for name, value in props.items():
            ET.SubElement(block, "property", {"name": name, "value": str(value)})
    if "width" not in attrs:
        ET.SubElement(obj, "point")
    return obj


def move_spawn_into_wall(root, tilemap):
    x, y = wall_cell(tilemap)
    for node in root.iter("object"):
        if int(node.get("id")) == tilemap.player_spawn.id:
            node.set("x", f"{x:g}")
            node.set("y", f"{y:g}")


def wall_in_exits(root, tilemap):
    """A collision layer that rings every exit with walls."""
    ring = np.zeros_like(tilemap.solid)
    for exit_ in tilemap.objects_of("exit"):
        c0, r0 = tilemap.tile_at_pixel(exit_.x, exit_.y)
        c1, r1 = tilemap.tile_at_pixel(exit_.x + exit_.width - 1e-6, exit_.y + exit_.height - 1e-6)
        ring[max(r0 - 1, 0):r1 + 2, max(c0 - 1, 0):c1 + 2] = True
        ring[r0:r1 + 1, c0:c1 + 1] = False
    gid = tilemap.tilesets[0].firstgid
    layer = ET.SubElement(root, "layer", {"id": "991", "name": "collision", "width": str(tilemap.width),
                                          "height": str(tilemap.height), "visible": "0"})
    data = ET.SubElement(layer, "data", {"encoding": "csv"})
    data.text = ",".join(str(gid if v else 0) for v in ring.ravel())
    root.remove(layer)
    root.insert(list(root).index(root.find("objectgroup")), layer)


def enemy_in_wall(root, tilemap):
    x, y = wall_cell(tilemap)
    add_object(root, id=9001, type="enemy", x=f"{x:g}", y=f"{y:g}")


def pickup_in_wall(root, tilemap):
    x, y = wall_cell(tilemap)
    add_object(root, id=9002, type="pickup", x=f"{x:g}", y=f"{y:g}")


def trigger_at_spawn(props):
    def mutate(root, tilemap):
        s = tilemap.player_spawn
        add_object(root, id=9003, type="trigger", x=f"{s.x - 8:g}", y=f"{s.y - 8:g}", width=16, height=16,
                   props=props)
    return mutate


def enemy_kind(kind):
    def mutate(root, tilemap):
        s = tilemap.player_spawn
        add_object(root, id=9004, type="enemy", x=f"{s.x:g}", y=f"{s.y:g}", props={"kind": kind})
    return mutate


def bad_gid(root, tilemap):
    data = root.find("layer/data")
    cells = data.text.split(",")
    cells[0] = "99999"
    data.text = ",".join(cells)


RULES = [
    ("spawn on floor", move_spawn_into_wall, r"object \d+ 'player_spawn' at \([\d.]+,[\d.]+\): inside a wall"),
    ("exit reachable", wall_in_exits, r"object \d+ 'exit' at \([\d.]+,[\d.]+\): not reachable on foot"),
    ("enemy not in wall", enemy_in_wall, r"object 9001 'enemy' at \([\d.]+,[\d.]+\): inside a wall"),
    ("pickup not in wall", pickup_in_wall, r"object 9002 'pickup' at \([\d.]+,[\d.]+\): inside a wall"),
    ("trigger beat exists", trigger_at_spawn({"beat": "no_such_beat"}),
     r"object 9003 'trigger' at .*: property 'beat' is 'no_such_beat', not one of BeatId"),
    ("trigger dialogue exists", trigger_at_spawn({"beat": "hotel", "dialogue": "no_such_lines"}),
     r"object 9003 'trigger' at .*: dialogue 'hotel.no_such_lines' does not exist in levels/story.toml"),
    ("script dialogue exists", trigger_at_spawn({"beat": "hotel", "script": "wait 3; dialogue no_such_key"}),
     r"object 9003 'trigger' at .*: dialogue 'hotel.no_such_key' does not exist in levels/story.toml"),
    ("declared property types", enemy_kind("ninja"),
     r"object 9004 'enemy' at .*: property 'kind' is 'ninja', not one of EnemyKind"),
    ("tiles exist in their tileset", bad_gid, r"tile \(0,0\) uses gid 99999, which is in no tileset"),
    ("loads", lambda root, tilemap: root.set("width", "zero"), r"map width 'zero' is not a positive"),
]


@pytest.mark.parametrize("rule, mutate, message", RULES, ids=[r[0] for r in RULES])
def test_broken_copy_fails_with_the_right_message(tmp_path, rule, mutate, message, capsys, monkeypatch):
    import re

    path = broken_copy(tmp_path, mutate)
    monkeypatch.chdir(ROOT)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out and all(line.startswith(f"{path}: ") for line in out), out
    assert any(re.search(message, line) for line in out), (rule, out)


def test_beats_unknown_to_the_story_are_reported_even_when_the_enum_allows_them(tmp_path):
    path = broken_copy(tmp_path, trigger_at_spawn({"beat": "hotel"}))
    story = StoryRefs(beats=frozenset({"bathhouse"}), dialogue=frozenset())
    messages = [p.message for p in check_level(path, story)]
    assert "beat 'hotel' does not exist in levels/story.toml" in messages


def test_tiles_outside_their_image_are_reported(write_level, level_dir):
    tsx = level_dir / "base.tsx"
    tsx.write_text(tsx.read_text().replace('tilecount="16"', 'tilecount="24"'))
    ground = room()
    ground[2][2] = 20
    problems = check_level(write_level(tmx_text(ground)))
    assert len(problems) == 1 and "tile 19 of tileset 'base' (gid 20) lies outside its 128x32 image" \
        in problems[0].message


def test_check_includes_the_gameplay_object_rules(tmp_path, capsys, monkeypatch):
    """The actors' own rules (here: a wave no trigger starts) reach `python -m game check`."""
    def mutate(root, tilemap):
        s = tilemap.player_spawn
        add_object(root, id=9006, type="enemy", x=f"{s.x:g}", y=f"{s.y:g}", props={"wave": 77})

    path = broken_copy(tmp_path, mutate)
    monkeypatch.chdir(ROOT)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"object 9006 'enemy' at .*: wave 77 is never started by a trigger", out), out


def test_readme_documents_every_class_member():
    from game.world.tiledproject import load_project

    readme = (ROOT / "levels" / "README.md").read_text()
    project = load_project(ROOT / "levels" / "red-heat.tiled-project")
    for name, members in project.classes.items():
        assert f"`{name}`" in readme, name
        for member in members:
            assert f"`{member.name}`" in readme, (name, member.name)
    for enum, values in project.enums.items():
        assert f"`{enum}`" in readme, enum
