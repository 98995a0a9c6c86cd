"""The content tables of levels/: the shipped files pass their schema, bad fields give `file: key: problem`
lines, the game builds its records from the files, and a changed file changes what the game loads."""
from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
import sys

import pytest

import game
from game.content import loader
from game.content.loader import check_tables, load, read
from game.content.schema import ContentError
from game.content.tables import ATTACK, BOARD, CARD, CHECKS, DIFFICULTY, ENEMY, KEY, TUNING
from game.paths import LEVELS, ROOT

NAMES = tuple(CHECKS)


@pytest.fixture
def levels(tmp_path):
    """A copy of the shipped tables in a temp folder, and a helper that edits one of them as text."""
    for name in NAMES:
        shutil.copy(LEVELS / f"{name}.toml", tmp_path / f"{name}.toml")

    def edit(name: str, old: str, new: str) -> os.PathLike:
        path = tmp_path / f"{name}.toml"
        text = path.read_text()
        assert old in text, f"{old!r} is not in {name}.toml"
        path.write_text(text.replace(old, new, 1))
        return path

    edit.folder = tmp_path
    return edit


def problems_of(levels, name):
    return read(name, levels.folder / f"{name}.toml")[1]


def test_shipped_tables_have_no_problems():
    assert check_tables() == []


@pytest.mark.parametrize("name", NAMES)
def test_every_table_is_parsed_once(name):
    assert load(name) is load(name)


def test_bad_values_give_one_line_each_naming_file_and_key(levels, monkeypatch):
    monkeypatch.chdir(levels.folder)
    levels("enemies", "hp = 44", "hp = -4")
    levels("enemies", "speed = 0.85", 'speed = "fast"')
    levels("enemies", "lunge = 0.8", "lunge = nan\nweight = 3")
    levels("enemies", "knockdown = true", "knockdown = 1")
    assert problems_of(levels, "enemies") == [
        "enemies.toml: brawler.hp: -4 is out of range: expected from 1 to 10000",
        "enemies.toml: brawler.speed: expected a number above 0 and at most 8, got 'fast'",
        "enemies.toml: brawler.attacks.haymaker.lunge: expected a finite number, got nan",
        "enemies.toml: brawler.attacks.haymaker.weight: unknown key (known: startup, active, recovery, damage, "
        "reach, size, knockback, hitstun, knockdown, hitstop, lunge, cancel_from, sound, ranged)",
        "enemies.toml: heavy.attacks.slam.knockdown: expected true or false, got 1",
    ]


def test_durations_whole_and_positive(levels, monkeypatch):
    monkeypatch.chdir(levels.folder)
    levels("player", "active = 3", "active = 0")
    levels("player", "recovery = 12", "recovery = 12.5")
    levels("player", "iframes = 70", "iframes = inf")
    assert problems_of(levels, "player") == [
        "player.toml: tuning.iframes: expected a whole number from 0 to 600, got inf",
        "player.toml: attacks.punch1.active: 0 is out of range: expected from 1 to 600",
        "player.toml: attacks.punch2.recovery: expected a whole number from 0 to 600, got 12.5",
    ]


def test_missing_and_unknown_names(levels, monkeypatch):
    monkeypatch.chdir(levels.folder)
    levels("difficulty", "[hard]", "[brutal]")
    levels("difficulty", "lives = 5\n", "")
    levels("player", "[attacks.kick]", "[attacks.flying_kick]")
    assert problems_of(levels, "difficulty") == [
        "difficulty.toml: brutal: unknown name (known: easy, normal, hard)",
        "difficulty.toml: hard: missing",
        "difficulty.toml: easy.lives: missing",
    ]
    assert problems_of(levels, "player") == [
        "player.toml: attacks.flying_kick: unknown name (known: punch1, punch2, kick, combo_kick, charge, shoot, "
        "pistol)",
        "player.toml: attacks.kick: missing",
    ]


def test_a_key_or_name_with_a_newline_is_named_quoted_on_one_line(levels, monkeypatch):
    monkeypatch.chdir(levels.folder)
    levels("enemies", "hp = 44", 'hp = 44\n"we\\nird" = 1')
    levels("player", "[attacks.kick]", '[attacks."ki\\nck"]')
    assert [p for p in problems_of(levels, "enemies") if "we" in p] == [
        'enemies.toml: brawler."we\\nird": unknown key (known: ' + problems_of(levels, "enemies")[0].split("known: ")[1]]
    assert problems_of(levels, "player")[0].startswith('player.toml: attacks."ki\\nck": unknown name (known: ')
    assert all("\n" not in p for p in problems_of(levels, "enemies") + problems_of(levels, "player"))


def test_rules_across_keys(levels, monkeypatch):
    monkeypatch.chdir(levels.folder)
    levels("enemies", 'sprite = "thug_knife"', 'sprite = "thug_ninja"')
    levels("enemies", "keep_min = 64", "keep_min = 140")
    levels("enemies", "[heavy]\n", "[Heavy]\n")
    levels("enemies", "[heavy.attacks.slam]", "[Heavy.attacks.slam]")
    levels("player", "cancel_from = 6", "cancel_from = 17")
    assert problems_of(levels, "enemies") == [
        "enemies.toml: Heavy: names are lower case letters, digits and _, starting with a letter",
        "enemies.toml: knife.sprite: no sprite sheet 'thug_ninja' in assets/sprites",
        "enemies.toml: gunman.keep_min: is above keep_max",
    ]
    assert problems_of(levels, "player") == [
        "player.toml: attacks.punch1.cancel_from: is after the attack has ended (startup + active + recovery)",
    ]


def test_puzzle_boards_are_checked(levels, monkeypatch):
    monkeypatch.chdir(levels.folder)
    levels("puzzles", 'answer = "CL5"', 'answer = "CL7"')
    levels("puzzles", 'bow = "round"', 'bow = "star"')
    levels("puzzles", 'id = "illinois"', 'id = "yale"')
    levels("puzzles", "cuts = [3, 1, 4, 1, 5]", "cuts = [3, 1, 4, 1, 12]")
    assert problems_of(levels, "puzzles") == [
        "puzzles.toml: locksmith.key.cuts: item 5: 12 is out of range: expected from 0 to 9",
        "puzzles.toml: locksmith.boards[1].cards[1].bow: 'star' is not one of round, square, hexagon, clover, "
        "triangle",
        "puzzles.toml: locksmith.boards[1].answer: 'CL7' is not the id of one of its cards",
        "puzzles.toml: locksmith.boards[2].cards[2].id: 'yale' is used twice on this board",
    ]


def test_a_file_that_is_not_toml_is_one_line(levels, monkeypatch):
    monkeypatch.chdir(levels.folder)
    levels("puzzles", "[locksmith.key]", "[locksmith.key")
    (problem,) = problems_of(levels, "puzzles")
    assert problem.startswith("puzzles.toml: not valid TOML: ") and "\n" not in problem
    (levels.folder / "player.toml").unlink()
    assert problems_of(levels, "player") == ["player.toml: cannot read: No such file or directory"]


def test_load_of_a_broken_table_raises_one_line(levels, monkeypatch):
    monkeypatch.chdir(levels.folder)
    levels("difficulty", "lives = 5", "lives = 0")
    levels("difficulty", "lives = 3", "lives = -1")
    with pytest.raises(ContentError) as err:
        load("difficulty", levels.folder / "difficulty.toml")
    assert str(err.value) == ("difficulty.toml: easy.lives: 0 is out of range: expected from 1 to 99 "
                              "(and 1 more; `python -m game check` lists them)")


def test_a_changed_value_changes_the_loaded_tables(levels):
    from game.actors.enemies import KINDS, load_kinds
    from game.actors.player import PUNCH_1, TUNING as PLAYER, load_player
    from game.modes.level.difficulty import DIFFICULTY, load_difficulties
    from game.modes.puzzle.sim import LOCKSMITH, load_puzzles

    kinds = load_kinds(levels("enemies", "hp = 44", "hp = 45"))
    assert kinds["brawler"].hp == KINDS["brawler"].hp + 1 == 45
    assert kinds["knife"] == KINDS["knife"]
    tuning, attacks = load_player(levels("player", "damage = 7", "damage = 8"))
    assert attacks["punch1"].damage == PUNCH_1.damage + 1 and tuning == PLAYER
    assert load_difficulties(levels("difficulty", "lives = 5", "lives = 6"))["easy"].lives == 6
    assert DIFFICULTY["easy"].lives == 5
    puzzles = load_puzzles(levels("puzzles", 'stamp = "1217"', 'stamp = "1218"'))
    assert puzzles["locksmith"].key.stamp == "1218" and LOCKSMITH.key.stamp == "1217"


def test_the_game_builds_its_records_from_the_files():
    from game.actors.enemies import KINDS
    from game.actors.player import ATTACKS
    from game.modes.level.difficulty import DIFFICULTY
    from game.modes.puzzle.sim import LOCKSMITH

    enemies, player = load("enemies"), load("player")
    assert list(KINDS) == list(enemies)
    for key, kind in KINDS.items():
        assert [a.name for a in kind.attacks] == list(enemies[key]["attacks"])
        assert all(getattr(kind, k) == v for k, v in enemies[key].items() if k != "attacks")
    for name, attack in ATTACKS.items():
        assert all(getattr(attack, k) == v for k, v in player["attacks"][name].items())
    assert tuple(DIFFICULTY) == game.DIFFICULTIES
    assert [b.answer for b in LOCKSMITH.boards] == [b["answer"] for b in load("puzzles")["locksmith"]["boards"]]


def _fields(cls, leave_out=()):
    return {f.name: f for f in dataclasses.fields(cls) if f.init and f.name not in leave_out}


def test_schemas_list_exactly_the_fields_of_the_records():
    """A field added to a record without its schema key (or the reverse) fails here, not in a designer's hands."""
    from game.actors.combat import Attack
    from game.actors.enemies import EnemyKind
    from game.actors.player import PlayerTuning
    from game.modes.level.difficulty import Difficulty
    from game.modes.puzzle.sim import Board, Card, Key

    no_default = dataclasses.MISSING
    for cls, schema, leave_out in ((Attack, ATTACK, ("name",)), (EnemyKind, ENEMY, ("key", "attacks")),
                                   (Difficulty, DIFFICULTY, ("name",)), (Key, KEY, ()), (Board, BOARD, ("cards",)),
                                   (Card, CARD, ())):
        fields = _fields(cls, leave_out)
        assert set(schema) == set(fields), cls.__name__
        required = {k for k, f in fields.items() if f.default is no_default and f.default_factory is no_default}
        assert {k for k, f in schema.items() if f.required} == required, cls.__name__
    assert set(_fields(PlayerTuning)) <= set(TUNING)


def test_difficulty_names_are_defined_once():
    from game.actors import objects
    from game.desktop import settings
    from game.modes.level import difficulty

    assert objects.DIFFICULTIES is settings.DIFFICULTIES is difficulty.DIFFICULTIES is game.DIFFICULTIES
    assert list(load("difficulty")) == list(game.DIFFICULTIES)


def test_check_command_prints_table_problems_and_fails(levels, monkeypatch, capsys):
    from game.cli import main

    levels("enemies", "hp = 44", "hp = 0")
    monkeypatch.setattr(loader, "LEVELS", levels.folder)
    assert main(["check"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{loader._shown(levels.folder / 'enemies.toml')}: brawler.hp: 0 is out of range: "
                   "expected from 1 to 10000"]


def test_the_tables_are_found_from_any_folder(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", "import game.actors.enemies, game.modes.puzzle.sim, "
                             "game.modes.level.difficulty; from game.content.loader import check_tables; "
                             "print(check_tables())"], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr


def test_enemy_kinds_must_match_the_tiled_enum(levels, monkeypatch):
    from game.world.tiledproject import PROJECT_NAME

    monkeypatch.chdir(levels.folder)
    shutil.copy(LEVELS / PROJECT_NAME, levels.folder / PROJECT_NAME)
    assert check_tables(levels.folder) == []
    levels("enemies", "[knife]\n", "[ninja]\n")
    levels("enemies", "[knife.attacks.slash]", "[ninja.attacks.slash]")
    assert check_tables(levels.folder) == [
        f"enemies.toml: ninja: not in the EnemyKind enum of {PROJECT_NAME}",
        f"enemies.toml: knife: missing (the EnemyKind enum of {PROJECT_NAME} lists it)",
    ]
