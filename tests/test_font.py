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


def reference_wrap(font, text, max_width):
    """The wrap as it was before issue 17 (re-measuring every candidate): the behaviour to keep."""
    out = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = word if not line else f"{line} {word}"
            if font.line_width(candidate) <= max_width:
                line = candidate
                continue
            if line:
                out.append(line)
            line = ""
            while font.line_width(word) > max_width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and font.line_width(word[:cut]) > max_width:
                    cut -= 1
                out.append(word[:cut])
                word = word[cut:]
            line = word
        out.append(line)
    return out


@settings(max_examples=200, deadline=None)
@given(text=st.text(st.sampled_from("aW i.,\n~\u00e9"), max_size=60), width=st.integers(0, 120))
def test_linear_wrap_gives_the_same_lines_as_before(text, width):
    font = load_font()
    assert font.wrap(text, width) == reference_wrap(font, text, width)


def test_wrap_is_linear_in_the_length_of_a_word():
    """Issue 17, item 9: one 2,000-character word took 4 s (cubic); 200,000 now take well under one."""
    import time

    font = load_font()
    start = time.process_time()
    lines = font.wrap("x" * 200_000, 200)
    assert time.process_time() - start < 5  # the cubic wrap would take days here
    assert "".join(lines) == "x" * 200_000 and all(font.line_width(line) <= 200 for line in lines)


def test_render_draws_a_text_once_and_reuses_it(font):
    # a HUD shows the same words every frame: one surface, rendered once (shared: blit it, never draw on it)
    first = font.render("AMMO 6 +12", (232, 184, 72))
    assert font.render("AMMO 6 +12", (232, 184, 72)) is first
    assert font.render("AMMO 6 +12", (232, 184, 72, 255)) is not first  # another colour key, another image
    assert font.render("AMMO 6 +12", (232, 184, 72), scale=2).get_size() == (first.get_width() * 2,
                                                                              first.get_height() * 2)
    fresh = font._render("AMMO 6 +12", (232, 184, 72), 1)
    assert pygame.image.tobytes(fresh, "RGBA") == pygame.image.tobytes(first, "RGBA")


def test_the_render_cache_stays_bounded(font):
    from game.ui.font import RENDER_CACHE

    for i in range(RENDER_CACHE + 10):  # a typewriter's growing line makes a new text every frame
        font.render(f"line {i}", (255, 255, 255))
    assert len(font._rendered) <= RENDER_CACHE and len(font._sizes) <= RENDER_CACHE
    assert font.size("line 3") == (font.line_width("line 3"), font.cell_h)


def test_a_text_on_its_backing_is_its_glyphs_drawn_one_by_one(font):
    # draw_on_backing copies glyph tiles kept per colour, backing and pixel format: each the pixels that
    # font.draw blending the glyphs onto the backing gives, whatever was drawn before it
    text = "".join(chr(c) for c in range(32, 127)) + "\u00e9\n" + "Tank 3 km/h? [ok]"
    w, h = font.size(text)
    for like in (pygame.Surface((1, 1)), pygame.Surface((1, 1), 0, 16), pygame.Surface((1, 1), 0, 24)):
        for color in ((240, 230, 210), (200, 40, 40, 128), (10, 200, 30)):
            for backing in ((20, 20, 24), (255, 255, 255), (90, 140, 170)):
                tiled, drawn = pygame.Surface((w + 3, h + 2), 0, like), pygame.Surface((w + 3, h + 2), 0, like)
                for s in (tiled, drawn):
                    s.fill(backing)
                font.draw_on_backing(tiled, text, (2, 1), color, backing)
                font.draw(drawn, text, (2, 1), color)
                assert tiled.get_buffer().raw == drawn.get_buffer().raw, (like.get_bitsize(), color, backing)
