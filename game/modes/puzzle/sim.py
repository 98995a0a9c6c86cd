"""The locksmith's puzzle: match Danko's drawing of the key to a blank, a lock maker, and a locker bank.

Pure logic on the fixed step (no pygame). The boards are data (levels/puzzles.toml), three in order: key
blanks (bow shape and number of cuts), lock makers (which blanks they cut and how deep), and the maker's installations (the number
stamped on the key). A wrong pick crosses that card out and says why it is wrong; the second wrong pick
on a board adds the locksmith's general tip; from the third the locksmith taps the right card. Crossed
cards cannot be picked again, so every board is solved in at most (cards - 1) wrong tries: the puzzle
cannot dead-end.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.loader import load
from game.input.actions import Action, InputFrame
from game.modes.events import CursorMoved, Event, Picked

log = logging.getLogger(__name__)

COLUMNS = 3  # cards in a row; levels/puzzles.toml allows at most two rows (content.tables.MAX_CARDS)


@dataclass(frozen=True)
class Key:
    bow: str
    cuts: tuple[int, ...]  # depth of each cut, tip last
    stamp: str


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    lines: tuple[str, ...] = ()
    bow: str | None = None      # drawn as a shape (board 1)
    cuts: int | None = None     # drawn as notches (board 1)
    why_not: str = ""           # said when picked wrongly


@dataclass(frozen=True)
class Board:
    title: str
    question: str
    cards: tuple[Card, ...]
    answer: str
    tip: str                    # the locksmith's general tip after two wrong tries
    found: str                  # what the notes record when solved

    def __post_init__(self) -> None:
        if self.answer not in {c.id for c in self.cards}:
            raise ValueError(f"board {self.title!r}: answer {self.answer!r} is not one of its cards")


@dataclass(frozen=True)
class Puzzle:
    key: Key
    boards: tuple[Board, ...]


def _card(row: dict[str, Any]) -> Card:
    return Card(**{**row, "lines": tuple(row.get("lines", ()))})


def puzzles_from(table: dict[str, Any]) -> dict[str, Puzzle]:
    """The checked table of levels/puzzles.toml as puzzles, by name."""
    return {name: Puzzle(
        key=Key(bow=p["key"]["bow"], cuts=tuple(p["key"]["cuts"]), stamp=p["key"]["stamp"]),
        boards=tuple(Board(cards=tuple(_card(c) for c in b["cards"]),
                           **{k: v for k, v in b.items() if k != "cards"}) for b in p["boards"]))
        for name, p in table.items()}


def load_puzzles(path: Path | None = None) -> dict[str, Puzzle]:
    return puzzles_from(load("puzzles", path))


PUZZLES = load_puzzles()
LOCKSMITH = PUZZLES["locksmith"]


@dataclass
class PuzzleState:
    """Where the player is in the puzzle; `step` applies one fixed step of input."""

    puzzle: Puzzle = LOCKSMITH
    board: int = 0
    cursor: int = 0
    wrong: int = 0                           # wrong tries on this board
    crossed: set[str] = field(default_factory=set)
    message: str = ""
    tip: str = ""
    pointed: str | None = None               # the card the locksmith taps after three wrong tries
    solved: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # this step's moves and picks, for the scene
    done: bool = False
    total_wrong: int = 0
    steps: int = 0                           # steps played (the result card's time)
    picks: int = 0                           # cards picked, right or wrong (its moves)

    @property
    def current(self) -> Board:
        return self.puzzle.boards[min(self.board, len(self.puzzle.boards) - 1)]

    def step(self, frame: InputFrame) -> str | None:
        """Returns "won" when the last board is solved."""
        self.events = []
        if self.done:
            return "won"
        self.steps += 1
        cards = self.current.cards
        n = len(cards)
        rows = (n + COLUMNS - 1) // COLUMNS
        col, row = self.cursor % COLUMNS, self.cursor // COLUMNS
        if frame.was_pressed(Action.LEFT):
            col = (col - 1) % COLUMNS
        elif frame.was_pressed(Action.RIGHT):
            col = (col + 1) % COLUMNS
        elif frame.was_pressed(Action.UP):
            row = (row - 1) % rows
        elif frame.was_pressed(Action.DOWN):
            row = (row + 1) % rows
        moved = min(row * COLUMNS + col, n - 1)
        if moved != self.cursor:
            self.cursor = moved
            self.events.append(CursorMoved(cards[moved].id))
        if frame.was_pressed(Action.CONFIRM) or frame.was_pressed(Action.PUNCH):
            return self.pick(cards[self.cursor].id)
        return None

    def pick(self, card_id: str) -> str | None:
        board = self.current
        card = next(c for c in board.cards if c.id == card_id)
        self.picks += 1
        if card_id in self.crossed:
            self.message = f"{card.title} is already ruled out."
            self.events.append(Picked(card_id, right=False))
            return None
        if card_id != board.answer:
            self.crossed.add(card_id)
            self.wrong += 1
            self.total_wrong += 1
            self.message = card.why_not or "No. That one does not match."
            if self.wrong >= 2:
                self.tip = board.tip
            if self.wrong >= 3:
                self.pointed = board.answer
            self.events.append(Picked(card_id, right=False))
            return None
        self.solved.append(board.found)
        self.events.append(Picked(card_id, right=True))
        self.message = f"Yes: {board.found}."
        self.board += 1
        self.cursor, self.wrong, self.crossed, self.tip, self.pointed = 0, 0, set(), "", None
        if self.board >= len(self.puzzle.boards):
            self.done = True
            return "won"
        return None

    def state(self) -> tuple:
        return (self.board, self.cursor, self.wrong, tuple(sorted(self.crossed)), tuple(self.solved),
                self.done, self.total_wrong)

