"""The numpy CSV check in the loader may only pass layer text that the cell-by-cell loop passes, and what it
passes numpy parses to the numbers pytmx's int() a cell gives."""
import itertools
import xml.etree.ElementTree as ET
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from game.world.layerdata import csv_gids
from game.world.tmxcheck import csv_cells_ok

PIECES = ["1", "2", "0", "9", ",", " ", "\n", "\t", "\r", "\x0b", "\x0c", "x", "-", "+", "_", "\x1c", "\xa0", "²",
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
    """Every text of up to three pieces (9,724 of them)."""
    for size in range(4):
        for pieces in itertools.product(PIECES, repeat=size):
            text = "".join(pieces)
            if csv_cells_ok(text):
                assert loop_passes(text), repr(text)
                assert csv_gids(text).tolist() == [int(cell) for cell in text.split(",")], repr(text)


def test_fast_check_never_passes_what_the_loop_rejects_long_texts_seeded():
    """20,000 texts of four to twelve pieces, from a fixed seed (hypothesis's cost per drawn piece made
    its 3,000 examples the slowest seconds of the suite; plain draws check more texts for a tenth)."""
    rng = random.Random(16)
    for _ in range(20000):
        text = "".join(rng.choices(PIECES, k=rng.randint(4, 12)))
        if csv_cells_ok(text):
            assert loop_passes(text), repr(text)
            assert csv_gids(text).tolist() == [int(cell) for cell in text.split(",")], repr(text)
        else:
            assert csv_gids(text) is None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_fast_check_never_passes_what_the_loop_rejects(text):
    if csv_cells_ok(text):
        assert loop_passes(text), repr(text)


def test_fast_check_passes_ordinary_tiled_csv():
    assert csv_cells_ok("1,2,3,\n4,5,6,\n7,8,4294967295\n")
    assert not csv_cells_ok("1,2\n3")  # a missing comma joins two cells across the line break


def test_numpy_parses_every_level_as_pytmx_does():
    from game.paths import level_files

    for path in level_files():
        for data in ET.parse(path).getroot().iter("data"):
            text = data.text.strip()
            assert csv_gids(text).tolist() == [int(cell) for cell in text.split(",")], path.name
