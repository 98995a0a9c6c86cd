"""levels/red-heat.tiled-project: what Tiled offers designers is exactly what the game understands."""
import json

import pytest
from conftest import ROOT

from game.world.tiledproject import (
    ProjectError,
    find_project,
    load_project,
    parse_property_types,
)
from game.world.tilemap import OBJECT_TYPES, load_tilemap

PROJECT = ROOT / "levels" / "red-heat.tiled-project"


@pytest.fixture(scope="module")
def project():
    return load_project(PROJECT)


def test_enemy_kind_enum_equals_the_kinds_the_game_implements(project):
    from game.actors.enemies import KINDS

    assert list(project.enums["EnemyKind"]) == list(KINDS)


def test_difficulty_and_pickup_enums_equal_the_game(project):
    from game.actors.objects import DIFFICULTIES, PICKUP_KINDS

    assert project.enums["Difficulty"] == tuple(DIFFICULTIES)
    assert project.enums["PickupItem"] == tuple(PICKUP_KINDS)


def test_every_object_type_has_a_class_and_no_class_is_unknown(project):
    assert set(project.classes) == set(OBJECT_TYPES)
    for name in ("enemy", "trigger", "exit", "pickup", "door"):
        assert project.classes[name], f"class '{name}' declares no members"


def test_members_use_declared_enums(project):
    enemy = {m.name: m for m in project.classes["enemy"]}
    assert enemy["kind"].property_type == "EnemyKind" and enemy["min_difficulty"].property_type == "Difficulty"
    trigger = {m.name: m for m in project.classes["trigger"]}
    assert trigger["beat"].property_type == "BeatId"
    pickup = {m.name: m for m in project.classes["pickup"]}
    assert pickup["item"].property_type == "PickupItem"


def test_project_file_shape_for_tiled_1_8_and_newer():
    data = json.loads(PROJECT.read_text())
    assert data["folders"] == [".", "../assets"]  # levels/ and assets/, relative to the project file
    assert data["compatibilityVersion"] == 1080  # Tiled 1.10+ then saves maps Tiled 1.8 can read
    for entry in data["propertyTypes"]:
        assert isinstance(entry["id"], int) and entry["type"] in ("enum", "class")
        if entry["type"] == "class":
            assert entry["useAs"] == ["object"]
    ids = [e["id"] for e in data["propertyTypes"]]
    assert len(ids) == len(set(ids))


def test_maps_find_the_project_above_them(tmp_path):
    assert find_project(ROOT / "levels" / "bathhouse.tmx") == PROJECT
    assert find_project(tmp_path / "x.tmx") is None
    assert find_project(tmp_path / "x.tmx", fallback=PROJECT) == PROJECT
    assert load_tilemap(ROOT / "levels" / "bathhouse.tmx").project == PROJECT


@pytest.mark.parametrize("data, problem", [
    ([], "not a Tiled project"),
    ({"propertyTypes": [{"name": "E", "type": "enum", "values": [1]}]}, "values must be strings"),
    ({"propertyTypes": [{"name": "E", "type": "enum", "values": ["a"], "storageType": "int"}]},
     "only string storage"),
    ({"propertyTypes": [{"name": "c", "type": "class", "members": [{"name": "n", "type": "int", "value": "x"}]}]},
     "member 'n': 'x' is not an integer"),
    ({"propertyTypes": [{"name": "E", "type": "enum", "values": ["a"]},
                        {"name": "c", "type": "class",
                         "members": [{"name": "n", "type": "string", "propertyType": "E", "value": "b"}]}]},
     "default 'b' is not one of E"),
])
def test_broken_project_declarations_are_named(data, problem):
    with pytest.raises(ProjectError, match=problem):
        parse_property_types(None, data)


def test_a_broken_project_file_is_a_level_error_naming_it(write_level, level_dir):
    from conftest import room, tmx_text

    from game.world.tilemap import LevelError

    (level_dir / "red-heat.tiled-project").write_text("{ nope")
    with pytest.raises(LevelError, match=r"red-heat.tiled-project: malformed JSON"):
        load_tilemap(write_level(tmx_text(room())))


def _tiled_command(name):
    """A command of the project as Tiled runs it: its arguments split, %mapfile and %projectpath filled in."""
    import shlex

    commands = {c["name"]: c for c in json.loads(PROJECT.read_text())["commands"]}
    command = commands[name]
    assert command["enabled"] and command["saveBeforeExecute"] and command["shortcut"]
    level = ROOT / "levels" / "hotel.tmx"
    args = [a.replace("%mapfile", str(level)) for a in shlex.split(command["arguments"])]
    cwd = command["workingDirectory"].replace("%projectpath", str(PROJECT.parent))
    return command["command"], args, cwd


def test_check_this_map_command_checks_the_open_map():
    import subprocess
    import sys

    executable, args, cwd = _tiled_command("Check this map")
    assert executable == "python3"
    done = subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "checked 1 level(s): 0 problem(s)" in done.stderr


def test_play_this_map_command_opens_the_map_in_a_window():
    from game.cli import build_parser

    executable, args, cwd = _tiled_command("Play this map")
    assert executable == "python3" and args[:2] == ["-m", "game"]
    parsed = build_parser().parse_args(["play", *args[2:]])  # flags alone mean `play`, as in cli.main
    assert str(parsed.level).endswith("hotel.tmx") and parsed.windowed
