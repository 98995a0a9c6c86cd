"""The bitmap font: every ASCII glyph, sizes agree with rendering, wrap fits the width."""
import pygame
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.ui.font import load_font


@pytest.fixture(scope="module")
def font():
    return load_font()


def test_every_printable_ascii_glyph_has_ink_except_space(font):
    for code in range(33, 127):
        surface = font.render(chr(code), (255, 255, 255))
        alpha = pygame.surfarray.pixels_alpha(surface)
        assert alpha.any(), f"glyph {chr(code)!r} is blank"
    assert font.size(" ")[0] > 0


def test_cell_is_small_enough_for_320x180(font):
    assert font.line_height <= 10
    w, h = font.size("M")
    assert w <= 5 and h <= 9


def test_render_matches_size_and_colour(font):
    text = "Danko: Capitalism!\nRidzik: Yeah."
    surface = font.render(text, (200, 40, 40))
    assert surface.get_size() == font.size(text)
    assert surface.get_flags() & pygame.SRCALPHA
    px = pygame.surfarray.pixels3d(surface)
    alpha = pygame.surfarray.pixels_alpha(surface)
    inked = px[alpha > 0]
    assert len(inked) > 50 and (inked == (200, 40, 40)).all()


def test_unknown_characters_draw_as_question_mark(font):
    assert font.size("\u0416") == font.size("?")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=200),
       st.integers(min_value=6, max_value=300))
def test_wrap_fits_width_and_keeps_the_words(text, width):
    font = load_font()
    lines = font.wrap(text, width)
    for line in lines:
        assert font.size(line)[0] <= width, (line, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_wrap_breaks_at_spaces(font):
    lines = font.wrap("Do not mess with the Soviet militia", 60)
    assert len(lines) > 1
    assert all(not line.startswith(" ") for line in lines)
