"""The typed events every mode's simulation emits: frozen values, one step's worth, read by the scenes."""
import dataclasses

import pytest
from conftest import level_map

from game.input.actions import Action, EdgeTracker, InputFrame
from game.modes import events as ev
from game.modes.chase.sim import WON, ChaseSim
from game.modes.puzzle.sim import PuzzleState


def test_events_are_frozen_values_compared_by_content():
    sound = ev.Sound("punch")
    with pytest.raises(dataclasses.FrozenInstanceError):
        sound.name = "kick"  # type: ignore[misc]
    assert sound == ev.Sound("punch") and hash(sound) == hash(ev.Sound("punch"))
    assert ev.Dialogue("hotel", "outro") != ev.Dialogue("hotel", "intro")


def test_of_type_keeps_order_and_kind():
    events = [ev.Sound("a"), ev.LifeLost(2), ev.Sound("b"), ev.Picked("x", right=True)]
    assert ev.of_type(events, ev.Sound) == [ev.Sound("a"), ev.Sound("b")]
    assert ev.of_type(events, ev.Crashed) == []


def _press(state: PuzzleState, action: Action) -> None:
    state.step(InputFrame(held=int(action), pressed=int(action)))


def test_puzzle_reports_cursor_moves_and_picks_for_one_step_only():
    state = PuzzleState()
    board = state.current
    _press(state, Action.RIGHT)
    assert state.events == [ev.CursorMoved(board.cards[1].id)]
    state.step(InputFrame())
    assert state.events == []
    wrong = next(c for c in board.cards if c.id != board.answer)
    state.pick(wrong.id)
    state.pick(wrong.id)  # already ruled out: wrong again
    assert state.events == [ev.Picked(wrong.id, right=False)] * 2
    state.step(InputFrame())
    state.pick(board.answer)
    assert state.events == [ev.Picked(board.answer, right=True)]


def test_chase_calls_the_train_then_reports_the_crash():
    sim = ChaseSim(level_map("bus_chase"), seed=1)
    a = sim.approach
    r, p = sim.rostavili, sim.player
    r.x, r.y, r.heading, r.vx, r.vy = a.x - 70, a.y + a.height / 2, 0.0, 3.0, 0.0
    sim.driver.s = sim.driver.path.project(r.x, r.y)
    p.x, p.y, p.heading, p.vx, p.vy = r.x - 120, r.y, 0.0, 3.0, 0.0
    seen: list[ev.Event] = []
    edges = EdgeTracker()
    from game.modes.chase.autopilot import autopilot_mask

    for _ in range(900):
        outcome = sim.step(edges.frame(autopilot_mask(sim)))
        seen.extend(sim.events)
        if outcome is not None:
            break
    assert sim.outcome == WON
    kinds = [type(e) for e in seen if isinstance(e, (ev.TrainCalled, ev.Crashed, ev.Escaped, ev.LostSight))]
    assert kinds == [ev.TrainCalled, ev.Crashed]
    assert ev.of_type(seen, ev.TrainCalled) == [ev.TrainCalled(close=True)]
