"""The shared UI layer: WCAG contrast, panels, labels on a backing (cached), bars and the menu overlay."""
import pygame
import pytest

from game.ui import draw as ui
from game.ui.font import FontError, load_font
from game.ui.menu import Item, Menu, menu_panel
from game.ui.palette import (
    ACCENT,
    DIM,
    ENEMY,
    GOLD,
    GREEN,
    INK,
    MIN_TEXT_CONTRAST,
    NARRATION,
    PANEL,
    WARN,
    contrast_ratio,
    over,
    relative_luminance,
)


@pytest.fixture(scope="module")
def font():
    return load_font()


def test_contrast_matches_the_wcag_reference_values():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((90, 90, 90), (90, 90, 90)) == pytest.approx(1.0)
    # WebAIM's checker: #777777 on white is 4.48:1, #767676 on white 4.54:1 (the AA boundary).
    assert contrast_ratio((0x77, 0x77, 0x77), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio((255, 0, 0), (255, 255, 255)) == pytest.approx(4.0, abs=0.01)
    assert contrast_ratio((10, 20, 30), (200, 100, 50)) == contrast_ratio((200, 100, 50), (10, 20, 30))
    assert relative_luminance((255, 255, 255)) == pytest.approx(1.0)


@pytest.mark.parametrize("ink", [INK, DIM, GOLD, ACCENT, WARN, ENEMY, NARRATION, GREEN])
def test_every_text_ink_reads_on_the_label_backing(ink):
    assert contrast_ratio(ink, PANEL) >= MIN_TEXT_CONTRAST


def test_panel_blends_at_alpha_and_frames(font):
    surface = pygame.Surface((20, 20))
    surface.fill((200, 200, 200))
    ui.panel(surface, (2, 2, 10, 10), (0, 0, 0), edge=(255, 0, 0), alpha=128)
    assert surface.get_at((2, 2))[:3] == (255, 0, 0)  # the frame
    inside = surface.get_at((6, 6))[:3]
    assert all(abs(c - v) <= 2 for c, v in zip(inside, over((0, 0, 0), 128, (200, 200, 200))))
    assert surface.get_at((15, 15))[:3] == (200, 200, 200)  # outside untouched


def test_label_is_rendered_once_and_reused(font):
    a = ui.label_image(font, "AMMO 3", GOLD)
    assert ui.label_image(font, "AMMO 3", GOLD) is a
    assert ui.label_image(font, "AMMO 4", GOLD) is not a
    w, h = font.size("AMMO 3")
    assert a.get_size() == (w + 2 * ui.LABEL_PAD[0], h + 2 * ui.LABEL_PAD[1])


def test_label_on_backing_covers_its_rect_with_backing_and_ink(font):
    surface = pygame.Surface((100, 40))
    surface.fill((255, 255, 255))  # the brightest floor there is
    rect = ui.label_on_backing(surface, font, "DANKO", (98, 2), INK, anchor="topright")
    assert rect.right == 98 and rect.top == 2
    colours = {surface.get_at((x, y))[:3] for x in range(rect.left, rect.right) for y in range(rect.top, rect.bottom)}
    assert colours == {PANEL, INK}  # nothing of the floor shows through
    with pytest.raises(ValueError):
        ui.label_on_backing(surface, font, "x", (0, 0), anchor="nowhere")


def test_bar_fills_its_fraction():
    surface = pygame.Surface((40, 10))
    ui.bar(surface, (5, 3, 20, 4), 0.5, (200, 0, 0), (40, 0, 0))
    assert surface.get_at((5, 5))[:3] == (200, 0, 0)
    assert surface.get_at((14, 5))[:3] == (200, 0, 0) and surface.get_at((15, 5))[:3] == (40, 0, 0)
    assert surface.get_at((5, 3))[:3] == (250, 50, 50)  # the highlight edge
    assert surface.get_at((4, 5))[:3] == PANEL  # the outline


def test_menu_panel_is_centred_and_draws_the_items(font):
    surface = pygame.Surface((320, 180))
    surface.fill((0, 120, 0))
    rect = menu_panel(surface, font, "PAUSED", Menu([Item("Resume"), Item("Quit")]), "Esc: resume")
    assert rect.center == (160, 90)
    assert surface.get_at((5, 5))[:3] != (0, 120, 0)  # the veil dims what lies beneath
    inside = {surface.get_at((x, y))[:3] for x in range(rect.left, rect.right) for y in range(rect.top, rect.bottom)}
    assert INK in inside and DIM in inside and ACCENT in inside


def test_a_missing_font_is_one_clear_error(tmp_path):
    with pytest.raises(FontError, match="font.png: font file missing"):
        load_font(tmp_path)
    (tmp_path / "font.png").write_bytes(b"not a png")
    (tmp_path / "font.json").write_text("{}")
    with pytest.raises(FontError, match="unreadable font"):
        load_font(tmp_path)


def test_render_scales_by_whole_pixels(font):
    one, three = font.render("RED", INK), font.render("RED", INK, scale=3)
    assert three.get_size() == (one.get_width() * 3, one.get_height() * 3)


def test_label_on_backing_draws_the_same_however_its_colour_is_given(font):
    # kept by its arguments as given: a tuple, a list or a pygame.Color all draw the one label
    shots = []
    for ink in (GOLD, list(GOLD), pygame.Color(*GOLD), GOLD):
        surface = pygame.Surface((60, 20))
        rect = ui.label_on_backing(surface, font, "AMMO 3", (58, 18), ink, anchor="bottomright")
        assert rect.bottomright == (58, 18)
        shots.append(pygame.image.tobytes(surface, "RGB"))
    assert len(set(shots)) == 1
    assert ui.label_on_backing(pygame.Surface((60, 20)), font, "AMMO 3", (1, 2), GOLD).topleft == (1, 2)


def test_a_gauge_drawn_again_is_the_same_pixels_as_its_fills():
    # bar() blits a gauge it drew once per width, fill and colours: the pixels of the fills, any place
    import random

    from game.ui.draw import _fill_bar

    rng = random.Random(4)
    filled, drawn = pygame.Surface((160, 90)), pygame.Surface((160, 90))
    for _ in range(300):
        x, y, w, h = rng.randint(-20, 170), rng.randint(-20, 100), rng.randint(-3, 80), rng.randint(-2, 9)
        color, back = (rng.randint(0, 255), 40, 200), (20, rng.randint(0, 255), 30)
        outline, frac = rng.choice([None, (250, 250, 0)]), rng.uniform(-0.2, 1.2)
        _fill_bar(filled, x, y, w, h, max(0, min(w, round(w * frac))), color, back, outline)
        ui.bar(drawn, (x, y, w, h), frac, color, back, outline=outline)
        assert pygame.image.tobytes(filled, "RGB") == pygame.image.tobytes(drawn, "RGB")


def test_a_label_drawn_in_place_is_its_image_blitted(font):
    # a label shown the first time is drawn straight onto the surface (no image kept); seen again its image
    # is kept: both the pixels that blitting label_image there gives, on any floor, anchor and format
    import random

    rng = random.Random(7)
    for like in (pygame.Surface((1, 1)), pygame.Surface((1, 1), 0, 16), pygame.Surface((1, 1), pygame.SRCALPHA)):
        for n in range(40):
            text, anchor = f"{rng.randrange(1000):3d} km/h" + "\nx" * (n % 3 == 0), rng.choice(ui.ANCHORS)
            ink, pad = rng.choice([INK, GOLD, (200, 40, 40, 128)]), (rng.randrange(4), rng.randrange(3))
            pos = (rng.randrange(-10, 110), rng.randrange(-10, 50))
            floor = pygame.Surface((100, 40), 0, like)
            floor.fill((rng.randrange(256), 90, 200, 100))
            for _ in range(2):  # in place, then kept
                drawn, blitted = floor.copy(), floor.copy()
                rect = ui.label_on_backing(drawn, font, text, pos, ink, anchor=anchor, pad=pad)
                image = ui.label_image(font, text, ink, pad=pad)
                assert rect == image.get_rect(**{anchor: pos})
                blitted.blit(image, rect)
                assert drawn.get_buffer().raw == blitted.get_buffer().raw, (like.get_flags(), text, anchor)
            assert ui._LABELS.get((font, text, ink, PANEL, pad)) is not None


def test_a_label_in_a_kept_part_is_noted_as_its_one_image(font):
    # a HUD part replayed by game.ui.kept replays one blit per label: a label first shown there is made
    # into its image (kept), not drawn in place glyph by glyph
    from game.ui.kept import Kept

    kept, canvas = Kept(), pygame.Surface((100, 40))
    kept.draw(canvas, "a", lambda surface: ui.label_on_backing(surface, font, "Reach the gantry 7", (3, 3)))
    image = ui._LABELS[(font, "Reach the gantry 7", INK, PANEL, ui.LABEL_PAD)]
    assert kept._blits == [(image, (3, 3))]
