"""The schemas of the content tables in levels/ (enemies, player, partner, difficulty, puzzles) and their cross-key rules.

Each `check_*` function takes the parsed TOML of one file and returns (key, problem) pairs, one per bad
key; an empty list means the code can build its tables from it. Ranges are generous but keep the game
sane: finite numbers, positive durations and speeds, boxes the grid mover can handle.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

from game import DIFFICULTIES, STEP_HZ
from game.content.schema import Bool, Field, Int, Num, Str, check_names, check_record
from game.limits import toml_key
from game.paths import ASSETS

log = logging.getLogger(__name__)

Problems = list[tuple[str, str]]
SECOND = STEP_HZ  # steps in a second: the ranges below read as time

# Frame data of an attack (game.actors.combat.Attack, less its name, which is the table key).
ATTACK: dict[str, Field] = {
    "startup": Int(0, 10 * SECOND), "active": Int(1, 10 * SECOND), "recovery": Int(0, 10 * SECOND),
    "damage": Int(0, 1000), "reach": Num(0, 64), "size": Num(0, 64), "knockback": Num(0, 16),
    "hitstun": Int(0, 10 * SECOND), "knockdown": Bool(), "hitstop": Int(0, SECOND, required=False),
    "lunge": Num(0, 8, required=False), "cancel_from": Int(0, 10 * SECOND, required=False),
    "sound": Str(required=False), "ranged": Bool(),
}

# An enemy kind (game.actors.enemies.EnemyKind, less its key and the `attacks` sub-table).
ENEMY: dict[str, Field] = {
    "label": Str(), "sprite": Str(), "hp": Int(1, 10000), "speed": Num(0, 8, above=True),
    "accel": Num(0, 1, required=False, above=True), "ring": Num(0, 128, required=False, above=True),
    "reach": Num(0, 128, required=False, above=True), "cooldown": Int(0, 60 * SECOND, required=False),
    "armored": Bool(), "ranged": Bool(), "keep_min": Num(0, 1000, required=False),
    "keep_max": Num(0, 1000, required=False), "aggro_range": Num(0, 2000, required=False, above=True),
    "hit_and_run": Int(0, 60 * SECOND, required=False),
    "body_w": Num(4, 16, required=False), "body_h": Num(4, 16, required=False),
}

# Danko's movement, health and timing (game.actors.player.PlayerTuning).
TUNING: dict[str, Field] = {
    "accel": Num(0, 4, above=True), "max_speed": Num(0, 8, above=True), "friction": Num(0, 1, above=True),
    "max_health": Int(1, 10000), "max_ammo": Int(0, 999), "buffer_steps": Int(0, 2 * SECOND),
    "iframes": Int(0, 10 * SECOND), "down_steps": Int(1, 10 * SECOND), "respawn_iframes": Int(0, 10 * SECOND),
    "charge_speed": Num(0, 8, above=True), "charge_cooldown": Int(0, 60 * SECOND),
    "shot_cooldown": Int(1, 60 * SECOND), "shot_range": Num(0, 2000, above=True),
    "magazine": Int(1, 99), "reload_steps": Int(1, 30 * SECOND),  # the Podbyrin: few rounds, a slow reload
}
PLAYER_ATTACKS = ("punch1", "punch2", "kick", "combo_kick", "charge", "shoot", "pistol")  # the code uses each

# Ridzik, the partner (game.actors.partner.PartnerTuning) and his moves.
PARTNER_TUNING: dict[str, Field] = {
    "accel": Num(0, 4, above=True), "max_speed": Num(0, 8, above=True), "friction": Num(0, 1, above=True),
    "max_health": Int(1, 10000), "iframes": Int(0, 10 * SECOND), "down_steps": Int(1, 10 * SECOND),
    "rounds": Int(1, 99), "reload_steps": Int(1, 30 * SECOND), "shot_cooldown": Int(1, 60 * SECOND),
    "shot_range": Num(0, 2000, above=True), "help_steps": Int(1, 30 * SECOND), "helped_health": Int(1, 10000),
}
PARTNER_ATTACKS = ("jab", "kick", "shoot", "revolver")

# One difficulty (game.modes.level.difficulty.Difficulty, less its name, which is the table key).
DIFFICULTY: dict[str, Field] = {
    "damage_taken": Num(0, 10, above=True), "melee_tokens": Int(1, 20), "ranged_tokens": Int(1, 20),
    "cooldown": Num(0, 10, above=True), "lives": Int(1, 99), "enemy_hp": Num(0, 10, above=True),
}

# The locksmith's puzzle (game.modes.puzzle.sim: Key, Board, Card).
BOWS = ("round", "square", "hexagon", "clover", "triangle")  # the shapes the puzzle screen can draw
MAX_CARDS = 6      # two rows of three fit on the screen
KEY: dict[str, Field] = {"bow": Str(BOWS), "cuts": Field("ints", 0, 9, size=(1, 8)), "stamp": Str()}
BOARD: dict[str, Field] = {"title": Str(), "question": Str(), "answer": Str(), "tip": Str(), "found": Str()}
CARD: dict[str, Field] = {
    "id": Str(), "title": Str(), "lines": Field("strs", required=False, size=(0, 3)),
    "bow": Str(BOWS, required=False), "cuts": Int(1, 8, required=False), "why_not": Str(required=False),
}
PUZZLES = ("locksmith",)  # the puzzles the story plays


def _attacks(table: Any, where: str, required: tuple[str, ...] = (), only: tuple[str, ...] = ()) -> Problems:
    problems = check_names(table, where, required, only)
    if not isinstance(table, dict):
        return problems
    if not table:
        problems.append((where, "needs at least one attack"))
    for name, attack in table.items():
        here = f"{where}.{toml_key(name)}"
        found = check_record(attack, ATTACK, here)
        problems += found
        if not found and attack.get("cancel_from", 0) > attack["startup"] + attack["active"] + attack["recovery"]:
            problems.append((f"{here}.cancel_from", "is after the attack has ended (startup + active + recovery)"))
    return problems


def check_enemies(data: dict[str, Any]) -> Problems:
    problems = check_names(data, "")
    for key, kind in data.items():
        found = check_record(kind, ENEMY, key, nested=("attacks",))
        if isinstance(kind, dict) and "attacks" in kind:
            found += _attacks(kind["attacks"], f"{key}.attacks")
        problems += found
        if found:
            continue
        sprite = kind["sprite"]
        if not (ASSETS / "sprites" / f"{sprite}.json").is_file():
            problems.append((f"{key}.sprite", f"no sprite sheet '{sprite}' in assets/sprites"))
        guns = [name for name, a in kind["attacks"].items() if a.get("ranged", False)]
        if len(guns) > 1:
            problems.append((f"{key}.attacks", f"more than one ranged attack ({', '.join(guns)}): only the first fires"))
        if kind.get("ranged", False) and not guns:
            problems.append((f"{key}.ranged", "a ranged kind needs a ranged attack"))
        if guns and kind.get("keep_max", 0) <= 0:
            problems.append((f"{key}.keep_max", "a kind with a ranged attack needs keep_max above 0"))
        if kind.get("keep_min", 0) > kind.get("keep_max", 0):
            problems.append((f"{key}.keep_min", "is above keep_max"))
    return problems


def _fighter(data: dict[str, Any], tuning: dict[str, Field], attacks: tuple[str, ...]) -> Problems:
    """A `[tuning]` record and exactly the named `[attacks.*]` (Danko's table, Ridzik's)."""
    problems = check_names(data, "", required=("tuning", "attacks"), only=("tuning", "attacks"))
    if "tuning" in data:
        problems += check_record(data["tuning"], tuning, "tuning")
    if "attacks" in data:
        problems += _attacks(data["attacks"], "attacks", required=attacks, only=attacks)
    return problems


def check_player(data: dict[str, Any]) -> Problems:
    return _fighter(data, TUNING, PLAYER_ATTACKS)


def check_partner(data: dict[str, Any]) -> Problems:
    return _fighter(data, PARTNER_TUNING, PARTNER_ATTACKS)


def check_difficulty(data: dict[str, Any]) -> Problems:
    problems = check_names(data, "", required=DIFFICULTIES, only=DIFFICULTIES)
    for name, record in data.items():
        if name in DIFFICULTIES:
            problems += check_record(record, DIFFICULTY, name)
    return problems


def _list_of_tables(value: Any, where: str, most: int) -> Problems:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        return [(where, "expected a list of tables ([[...]] sections)")]
    if not 1 <= len(value) <= most:
        return [(where, f"expected 1 to {most}, got {len(value)}")]
    return []


def _board(board: dict[str, Any], where: str) -> Problems:
    problems = check_record(board, BOARD, where, nested=("cards",))
    cards = board.get("cards")
    found = _list_of_tables(cards, f"{where}.cards", MAX_CARDS) if cards is not None else []
    problems += found
    if found or cards is None:
        return problems
    ids: list[Any] = []
    for j, card in enumerate(cards):
        here = f"{where}.cards[{j + 1}]"
        problems += check_record(card, CARD, here)
        if card.get("id") in ids:
            problems.append((f"{here}.id", f"'{card['id']}' is used twice on this board"))
        ids.append(card.get("id"))
        if ("bow" in card) != ("cuts" in card):
            problems.append((here, "a key blank card needs both bow and cuts"))
    if isinstance(board.get("answer"), str) and board["answer"] not in ids:
        problems.append((f"{where}.answer", f"'{board['answer']}' is not the id of one of its cards"))
    return problems


def check_puzzles(data: dict[str, Any]) -> Problems:
    problems = check_names(data, "", required=PUZZLES)
    for name, puzzle in data.items():
        problems += check_record(puzzle, {}, name, nested=("key", "boards"))
        if not isinstance(puzzle, dict):
            continue
        if "key" in puzzle:
            problems += check_record(puzzle["key"], KEY, f"{name}.key")
        boards = puzzle.get("boards")
        found = _list_of_tables(boards, f"{name}.boards", 9) if boards is not None else []
        problems += found
        if not found and boards is not None:
            for i, board in enumerate(boards):
                problems += _board(board, f"{name}.boards[{i + 1}]")
    return problems


# File stem under levels/ -> its check.
CHECKS: dict[str, Callable[[dict[str, Any]], Problems]] = {
    "enemies": check_enemies, "player": check_player, "difficulty": check_difficulty, "puzzles": check_puzzles,
    "partner": check_partner,
}
