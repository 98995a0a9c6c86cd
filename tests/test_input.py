import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.input.actions import Action, EdgeTracker, replay_frames
from game.input.replay import (
    ReplayError,
    decode_replay,
    encode_replay,
    load_replay,
    save_replay,
)


@given(st.lists(st.integers(0, 4095), max_size=300))
def test_replay_text_round_trips(masks):
    assert decode_replay(encode_replay(masks)) == masks


def test_empty_replay_is_no_input(tmp_path):
    path = tmp_path / "empty.rep"
    path.write_text("")
    assert load_replay(path) == []
    frames = replay_frames([])
    assert all(next(frames).held == 0 for _ in range(10))


def test_save_is_atomic_and_loads_back(tmp_path):
    path = tmp_path / "run.rep"
    save_replay(path, [1, 1, 0, 16])
    assert load_replay(path) == [1, 1, 0, 16]
    assert not list(tmp_path.glob("*.tmp"))


def test_corrupt_replay_names_file_and_line(tmp_path):
    path = tmp_path / "bad.rep"
    path.write_text("# header\n1 3\nzz\n")
    with pytest.raises(ReplayError, match=r"bad.rep: line 3"):
        load_replay(path)


def test_press_edges_come_from_held_masks():
    edges = EdgeTracker()
    a = edges.frame(int(Action.PUNCH))
    b = edges.frame(int(Action.PUNCH))
    c = edges.frame(0)
    d = edges.frame(int(Action.PUNCH | Action.LEFT))
    assert a.was_pressed(Action.PUNCH) and not b.was_pressed(Action.PUNCH)
    assert not c.is_held(Action.PUNCH)
    assert d.was_pressed(Action.PUNCH) and d.move == (-1, 0)
