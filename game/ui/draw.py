"""The drawing every screen shares: panels, labels on a dark backing, bars, veils and titled overlays.

Labels are rendered once per (font, text, colour) and reused, so a HUD that shows the same text frame
after frame blits one cached surface instead of drawing its glyphs again. Cached surfaces are shared:
blit them, never draw on them.
"""
from __future__ import annotations

import functools
import logging
from typing import Any, Callable

import pygame

from game.ui.font import BitmapFont
from game.ui.palette import ACCENT, INK, PANEL, RULE, VEIL, Color

log = logging.getLogger(__name__)

LABEL_PAD = (2, 1)  # pixels of backing left/right and above/below a label's text
ANCHORS = ("topleft", "topright", "midtop", "center", "bottomleft", "bottomright", "midbottom")
BARS_KEPT = 512  # gauges drawn once per width, fill and colours (see `bar`)
_BARS: dict[tuple, pygame.Surface] = {}
PARTS_KEPT = 512  # painted parts of screens kept for reuse (see `painted_part`)
_PARTS: dict[tuple, pygame.Surface] = {}
LABELS_KEPT = 512  # labels label_on_backing keeps by its arguments as given (see label_image for the rest)
_LABELS: dict[tuple, pygame.Surface] = {}
_SEEN: set[tuple] = set()  # labels drawn in place once, kept as an image when seen again


def panel(surface: pygame.Surface, rect: pygame.Rect | tuple[int, int, int, int], fill: Color = PANEL,
          edge: Color | None = None, alpha: int = 255) -> pygame.Rect:
    """A filled rectangle (blended at `alpha` when below 255) with an optional one-pixel frame."""
    rect = pygame.Rect(rect)
    if alpha >= 255:
        surface.fill(fill, rect)
    elif alpha > 0:
        surface.blit(_layer(rect.size, tuple(fill), alpha), rect.topleft)
    if edge is not None:
        pygame.draw.rect(surface, edge, rect, 1)
    return rect


@functools.lru_cache(maxsize=32)
def _layer(size: tuple[int, int], fill: Color, alpha: int) -> pygame.Surface:
    """A `size` rectangle of `fill` at `alpha`, made once (a veil over every frame of a menu)."""
    layer = pygame.Surface(size)
    layer.fill(fill)
    layer.set_alpha(alpha)
    return layer


def painted_part(key: tuple, rect: pygame.Rect, surface: pygame.Surface, paint: Callable[..., None],
                 *args: Any) -> pygame.Surface:
    """`rect` of `surface` after `paint(sheet, *args)`, painted once per `key`, place and canvas format and
    reused: a HUD block or a board's card that looks the same frame after frame is one blit. It is
    painted in place on a copy of the canvas, so float outlines round to the pixels a draw in place
    gives; `paint` must cover all of `rect` (what it leaves is whatever the canvas held then).
    Shared: blit it, never draw on it."""
    full = (key, tuple(rect), surface.get_size(), surface.get_bitsize(), surface.get_masks())
    part = _PARTS.get(full)
    if part is None:
        if len(_PARTS) >= PARTS_KEPT:
            _PARTS.clear()
        sheet = surface.copy()
        paint(sheet, *args)
        part = _PARTS[full] = sheet.subsurface(rect.clip(sheet.get_rect())).copy()
    return part


def veil(surface: pygame.Surface, alpha: int, color: Color = VEIL) -> None:
    """Dim (or tint) the whole surface: `color` at `alpha` over everything drawn so far."""
    panel(surface, surface.get_rect(), color, alpha=alpha)


@functools.lru_cache(maxsize=256)
def label_image(font: BitmapFont, text: str, color: Color = INK, backing: Color = PANEL,
                pad: tuple[int, int] = LABEL_PAD) -> pygame.Surface:
    """`text` in `color` on an opaque `backing` rectangle `pad` pixels larger each side (cached)."""
    return made_label(font, text, color, backing, pad)


def made_label(font: BitmapFont, text: str, color: Color = INK, backing: Color = PANEL,
               pad: tuple[int, int] = LABEL_PAD) -> pygame.Surface:
    """`label_image` made afresh, for a caller that keeps its own set (a readout's every value)."""
    w, h = font.size(text)
    image = pygame.Surface((w + 2 * pad[0], h + 2 * pad[1]))
    image.fill(backing)
    font.draw_on_backing(image, text, pad, color, backing)
    return image


def label_on_backing(surface: pygame.Surface, font: BitmapFont, text: str, pos: tuple[int, int],
                     color: Color = INK, *, anchor: str = "topleft", backing: Color = PANEL,
                     pad: tuple[int, int] = LABEL_PAD) -> pygame.Rect:
    """Draw `text` on a dark backing so it reads over any floor; `pos` places the backing's `anchor`
    (topleft, topright, midtop, center, ...). Returns the rectangle it covered."""
    key: tuple | None = (font, text, color, backing, pad)
    try:
        image = _LABELS.get(key)  # the HUD's every frame: one dict look-up
    except TypeError:  # a colour given as a list or a pygame.Color: drawn, just not kept under that key
        image, key = None, None
    if image is None:
        if anchor not in ANCHORS:
            raise ValueError(f"unknown anchor {anchor!r}")
        if key is not None and key not in _SEEN and type(surface) is pygame.Surface:
            # a text shown once (a speed passed through) is drawn in place, not made into a kept image;
            # seen again, it is kept. Not while a screen part is noted to be replayed (game.ui.kept):
            # there its image is one blit to replay, its glyphs one each
            if len(_SEEN) >= LABELS_KEPT:
                _SEEN.clear()
            _SEEN.add(key)
            w, h = font.size(text)
            size = (w + 2 * pad[0], h + 2 * pad[1])
            rect = pygame.Rect(pos, size) if anchor == "topleft" else pygame.Rect((0, 0), size)
            if anchor != "topleft":
                setattr(rect, anchor, pos)
            surface.fill(backing, rect)
            font.draw_on_backing(surface, text, (rect.x + pad[0], rect.y + pad[1]), color, backing)
            return rect
        image = label_image(font, text, tuple(color), tuple(backing), tuple(pad))  # type: ignore[arg-type]
        if key is not None:
            if len(_LABELS) >= LABELS_KEPT:
                _LABELS.clear()
            _LABELS[key] = image
    if anchor == "topleft":
        rect = pygame.Rect(pos, image.get_size())
    elif anchor in ANCHORS:
        rect = image.get_rect(**{anchor: pos})
    else:
        raise ValueError(f"unknown anchor {anchor!r}")
    surface.blit(image, rect)
    return rect


def bar(surface: pygame.Surface, rect: pygame.Rect | tuple[int, int, int, int], frac: float,
        color: Color, back: Color, outline: Color | None = PANEL) -> None:
    """A horizontal gauge filled to `frac` (0..1) of its width, with a highlight along its top edge."""
    x, y, w, h = pygame.Rect(rect)
    fill = max(0, min(w, round(w * frac)))
    if w > 0 and h > 0 and not surface.get_flags() & pygame.SRCALPHA:
        # one blit of the gauge drawn once per fill: SDL fills a wide rectangle with streaming stores,
        # so the three fills took 11 us a bar and the copy takes 1.5
        key = (w, h, fill, tuple(color), tuple(back), None if outline is None else tuple(outline),
               surface.get_bitsize())
        image = _BARS.get(key)
        if image is None:
            if len(_BARS) >= BARS_KEPT:
                _BARS.clear()
            pad = 0 if outline is None else 1
            image = _BARS[key] = pygame.Surface((w + 2 * pad, h + 2 * pad), 0, surface)
            _fill_bar(image, pad, pad, w, h, fill, color, back, outline)
        surface.blit(image, (x, y) if outline is None else (x - 1, y - 1))
        return
    _fill_bar(surface, x, y, w, h, fill, color, back, outline)


def _fill_bar(surface: pygame.Surface, x: int, y: int, w: int, h: int, fill: int, color: Color, back: Color,
              outline: Color | None) -> None:
    if outline is not None:
        surface.fill(outline, (x - 1, y - 1, w + 2, h + 2))
    surface.fill(back, (x, y, w, h))
    if fill:
        surface.fill(color, (x, y, fill, h))
        surface.fill(_highlight(tuple(color)), (x, y, fill, 1))


@functools.lru_cache(maxsize=64)
def _highlight(color: Color) -> Color:
    """A bar's top edge: `color` lightened."""
    return tuple(min(255, c + 50) for c in color[:3])  # type: ignore[return-value]


def blit_centered(surface: pygame.Surface, image: pygame.Surface, centerx: int, y: int) -> None:
    """Blit `image` with its top edge at `y`, centred on `centerx`."""
    surface.blit(image, (centerx - image.get_width() // 2, y))


def titled_panel(surface: pygame.Surface, rect: pygame.Rect, title: str, font: BitmapFont) -> int:
    """Dim what lies beneath, then a dark framed panel with a centred title over a rule; returns the
    y of the rule (the body starts below it)."""
    veil(surface, 150)
    panel(surface, rect, PANEL, RULE)
    blit_centered(surface, font.render(title, ACCENT), rect.centerx, rect.y + 5)
    y = rect.y + 8 + font.line_height
    pygame.draw.line(surface, RULE, (rect.x + 6, y), (rect.right - 7, y))
    return y
