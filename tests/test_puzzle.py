"""The locksmith puzzle: the hint path, no dead end, and input through Actions only."""
import itertools

import pytest

from game.input.actions import Action, EdgeTracker, InputFrame
from game.modes.puzzle.autopilot import autopilot_mask
from game.modes.puzzle.sim import LOCKSMITH, PuzzleState


def press(state, *actions):
    for a in actions:
        state.step(InputFrame(held=int(a), pressed=int(a)))
        state.step(InputFrame())


def pick(state, card_id):
    """Move the cursor to a card with arrow presses, then confirm (as a player would)."""
    board = state.current
    target = [c.id for c in board.cards].index(card_id)
    while state.cursor % 3 != target % 3:
        press(state, Action.RIGHT)
    while state.cursor // 3 != target // 3:
        press(state, Action.DOWN)
    press(state, Action.CONFIRM)


def test_the_right_cards_solve_it_with_no_hints():
    state = PuzzleState()
    for board in LOCKSMITH.boards:
        pick(state, board.answer)
    assert state.done and state.total_wrong == 0
    assert state.solved[-1] == "Bus terminal lockers"


def test_wrong_tries_give_reasons_then_a_tip_then_point_at_the_answer():
    state = PuzzleState()
    board = state.current
    wrongs = [c for c in board.cards if c.id != board.answer]
    pick(state, wrongs[0].id)
    assert state.message == wrongs[0].why_not and "six sides" in state.message
    assert state.tip == "" and state.pointed is None
    pick(state, wrongs[1].id)
    assert state.tip == board.tip  # second wrong try: the locksmith's general tip
    assert state.pointed is None
    pick(state, wrongs[2].id)
    assert state.pointed == board.answer  # third: he taps the right card
    assert set(state.crossed) == {w.id for w in wrongs[:3]}
    pick(state, board.answer)
    assert state.board == 1 and state.tip == "" and not state.crossed  # hints reset per board


def test_a_ruled_out_card_cannot_be_picked_twice():
    state = PuzzleState()
    wrong = next(c for c in state.current.cards if c.id != state.current.answer)
    pick(state, wrong.id)
    pick(state, wrong.id)
    assert state.wrong == 1 and "ruled out" in state.message


@pytest.mark.parametrize("order", list(itertools.islice(itertools.permutations(range(6)), 0, 720, 37)))
def test_it_cannot_dead_end_whatever_order_cards_are_tried(order):
    state = PuzzleState()
    for _ in range(3):
        ids = [state.current.cards[i].id for i in order]
        board = state.board
        for card_id in ids:
            if card_id in state.crossed:
                continue
            pick(state, card_id)
            if state.board != board:
                break
        assert state.board == board + 1  # every board falls within its six cards
    assert state.done


def test_autopilot_walks_the_hint_path_to_the_end():
    state = PuzzleState()
    edges = EdgeTracker()
    for step in range(1000):
        if state.step(edges.frame(autopilot_mask(state, step))) == "won":
            break
    assert state.done and state.total_wrong > 0


def test_cursor_wraps_and_gamepad_style_held_input_does_not_repeat():
    state = PuzzleState()
    press(state, Action.LEFT)
    assert state.cursor == 2  # wraps around the row
    held = InputFrame(held=int(Action.RIGHT), pressed=0)
    for _ in range(10):
        state.step(held)  # a held stick moves once (on the press edge), not every step
    assert state.cursor == 2


def test_every_card_text_fits_its_card_at_the_real_font():
    import pygame

    pygame.display.init()
    from game.ui.font import load_font

    font = load_font()
    for board in LOCKSMITH.boards:
        assert font.size(board.question)[0] <= 310
        for card in board.cards:
            for text in (card.title,) + card.lines:
                assert font.size(text)[0] <= 70, (board.title, text)
