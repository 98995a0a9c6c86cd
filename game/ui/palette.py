"""The colours of the game's screens, named once, and the WCAG contrast of text against its backing.

Art colours (sprites, placeholders, skylines) stay with the art; these are the inks, panels and bars
every screen shares. `contrast_ratio` is the WCAG 2 formula, so a test can hold text to 4.5:1.
"""
from __future__ import annotations

import logging

log = logging.getLogger(__name__)

Color = tuple[int, int, int]

# Text.
INK = (240, 230, 210)        # body text, the selected menu row
DIM = (150, 140, 128)        # secondary text, unselected rows, hints
DISABLED = (110, 104, 104)   # a menu entry that cannot be chosen (not meant to be read as text)
GOLD = (240, 196, 90)        # names, values, highlights, a new objective
ACCENT = (230, 64, 48)       # titles of panels, the menu marker: Red Heat red that reads as text
WARN = (255, 110, 90)        # text that warns (no ammo left)
ENEMY = (224, 120, 56)       # the enemy's name and bar
NARRATION = (190, 200, 214)  # the narrator's lines
GREEN = (120, 220, 116)      # good news: a pickup, the right card, the way out

# Surfaces.
PANEL = (14, 12, 16)         # panel fill, the backing of every label, bar outlines
RULE = (120, 36, 30)         # panel frames, rules, the selected row's bar
RED = (206, 36, 30)          # the brand red: logo, headings, the dialogue frame
VEIL = (0, 0, 0)             # what dims the screen under an overlay

# Bars.
HEALTH = (208, 44, 40)
HEALTH_LOW = (255, 120, 100)  # the blink of a nearly empty health bar
HEALTH_BACK = (80, 20, 24)
ENEMY_BACK = (60, 30, 16)

MIN_TEXT_CONTRAST = 4.5  # WCAG AA for normal text


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: Color) -> float:
    """WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white)."""
    r, g, b = color[:3]
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio of two colours, 1 (same) to 21 (black on white)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(color: Color, alpha: int, under: Color) -> Color:
    """`color` at `alpha` (0-255) composited over `under`, as pygame blends it (rounded)."""
    a = alpha / 255
    return tuple(round(c * a + u * (1 - a)) for c, u in zip(color[:3], under[:3]))  # type: ignore[return-value]
