"""The numpy CSV check in the loader may only pass layer text that the cell-by-cell loop passes."""
import itertools
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game.world.tmxcheck import _csv_cells_ok

PIECES = ["1", "2", "0", "9", ",", " ", "\n", "\t", "\r", "\x0b", "x", "-", "+", "_", "\x1c", "\xa0", "²",
          "4294967295", "4294967296", "12345678901"]


def loop_passes(text: str) -> bool:
    for cell in text.split(","):
        cell = cell.strip()
        try:
            if not cell.isdigit() or int(cell) > 0xFFFFFFFF:
                return False
        except ValueError:
            return False
    return True


def test_fast_check_never_passes_what_the_loop_rejects_short_texts_all_of_them():
    """Every text of up to three pieces (8,421 of them)."""
    for size in range(4):
        for pieces in itertools.product(PIECES, repeat=size):
            text = "".join(pieces)
            if _csv_cells_ok(text):
                assert loop_passes(text), repr(text)


def test_fast_check_never_passes_what_the_loop_rejects_long_texts_seeded():
    """20,000 texts of four to twelve pieces, from a fixed seed (hypothesis's cost per drawn piece made
    its 3,000 examples the slowest seconds of the suite; plain draws check more texts for a tenth)."""
    rng = random.Random(16)
    for _ in range(20000):
        text = "".join(rng.choices(PIECES, k=rng.randint(4, 12)))
        if _csv_cells_ok(text):
            assert loop_passes(text), repr(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_fast_check_never_passes_what_the_loop_rejects(text):
    if _csv_cells_ok(text):
        assert loop_passes(text), repr(text)


def test_fast_check_passes_ordinary_tiled_csv():
    assert _csv_cells_ok("1,2,3,\n4,5,6,\n7,8,4294967295\n")
    assert not _csv_cells_ok("1,2\n3")  # a missing comma joins two cells across the line break
