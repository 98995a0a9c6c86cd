"""The drawing every screen shares: panels, labels on a dark backing, bars, veils and titled overlays.

Labels are rendered once per (font, text, colour) and reused, so a HUD that shows the same text frame
after frame blits one cached surface instead of drawing its glyphs again. Cached surfaces are shared:
blit them, never draw on them.
"""
from __future__ import annotations

import functools
import logging

import pygame

from game.ui.font import BitmapFont
from game.ui.palette import ACCENT, INK, PANEL, RULE, VEIL, Color

log = logging.getLogger(__name__)

LABEL_PAD = (2, 1)  # pixels of backing left/right and above/below a label's text
ANCHORS = ("topleft", "topright", "midtop", "center", "bottomleft", "bottomright", "midbottom")


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


def veil(surface: pygame.Surface, alpha: int, color: Color = VEIL) -> None:
    """Dim (or tint) the whole surface: `color` at `alpha` over everything drawn so far."""
    panel(surface, surface.get_rect(), color, alpha=alpha)


@functools.lru_cache(maxsize=256)
def label_image(font: BitmapFont, text: str, color: Color = INK, backing: Color = PANEL,
                pad: tuple[int, int] = LABEL_PAD) -> pygame.Surface:
    """`text` in `color` on an opaque `backing` rectangle `pad` pixels larger each side (cached)."""
    w, h = font.size(text)
    image = pygame.Surface((w + 2 * pad[0], h + 2 * pad[1]))
    image.fill(backing)
    font.draw(image, text, pad, color)
    return image


def label_on_backing(surface: pygame.Surface, font: BitmapFont, text: str, pos: tuple[int, int],
                     color: Color = INK, *, anchor: str = "topleft", backing: Color = PANEL,
                     pad: tuple[int, int] = LABEL_PAD) -> pygame.Rect:
    """Draw `text` on a dark backing so it reads over any floor; `pos` places the backing's `anchor`
    (topleft, topright, midtop, center, ...). Returns the rectangle it covered."""
    if anchor not in ANCHORS:
        raise ValueError(f"unknown anchor {anchor!r}")
    image = label_image(font, text, tuple(color), tuple(backing), tuple(pad))  # type: ignore[arg-type]
    rect = image.get_rect(**{anchor: pos})
    surface.blit(image, rect)
    return rect


def bar(surface: pygame.Surface, rect: pygame.Rect | tuple[int, int, int, int], frac: float,
        color: Color, back: Color, outline: Color | None = PANEL) -> None:
    """A horizontal gauge filled to `frac` (0..1) of its width, with a highlight along its top edge."""
    x, y, w, h = pygame.Rect(rect)
    if outline is not None:
        surface.fill(outline, (x - 1, y - 1, w + 2, h + 2))
    surface.fill(back, (x, y, w, h))
    fill = max(0, min(w, round(w * frac)))
    if fill:
        surface.fill(color, (x, y, fill, h))
        surface.fill(tuple(min(255, c + 50) for c in color[:3]), (x, y, fill, 1))


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
