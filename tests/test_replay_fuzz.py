"""Issue 17: Hypothesis fuzz for replay files. Any text or bytes gives the masks or one ReplayError line,
quickly, never another exception; whatever decodes encodes back to the same masks."""
import time

from conftest import utf8_text
from hypothesis import given, settings
from hypothesis import strategies as st

from game.input.replay import ALL_BITS, ReplayError, decode_replay, encode_replay, load_replay
from game.limits import REPLAY_MAX_STEPS

TOKENS = st.sampled_from(["0", "1", "ff", "fff", "1000", "-1", "0x1", "99999999999", "300000000",
                          str(REPLAY_MAX_STEPS), "1e3", "\u00b2", "\u0661", "#", "", " ", "\t", "a b c"])
LINE = st.lists(TOKENS | utf8_text(6), min_size=0, max_size=4).map(" ".join)
REPLAY = st.lists(LINE, max_size=12).map("\n".join)


@settings(max_examples=300, deadline=2000)
@given(text=REPLAY | utf8_text(80))
def test_fuzzed_replay_text_decodes_or_is_one_line(text):
    start = time.process_time()
    try:
        masks = decode_replay(text, "fuzz.rep")
    except ReplayError as exc:
        assert str(exc).startswith("fuzz.rep: ") and "\n" not in str(exc)
    else:
        assert len(masks) <= REPLAY_MAX_STEPS and all(0 <= m <= ALL_BITS for m in masks)
        assert decode_replay(encode_replay(masks)) == masks
    assert time.process_time() - start < 2


@settings(max_examples=100, deadline=2000)
@given(data=st.binary(max_size=200))
def test_fuzzed_replay_bytes_load_or_are_one_line(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("rep") / "fuzz.rep"
    path.write_bytes(data)
    try:
        load_replay(path)
    except ReplayError as exc:
        assert "fuzz.rep: " in str(exc) and "\n" not in str(exc)
