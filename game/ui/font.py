"""The game's bitmap font (generated: assets/font.png + font.json from assets/src/font.txt).

Proportional ASCII glyphs about 5x7 with descenders, drawn at 1:1 on the 320x180 screen.
`load_font()` is the one way to get the UI font: a shared BitmapFont whose `render` gives an SRCALPHA
surface in any colour (and any whole scale); a missing or broken font file is one FontError line.
"""
from __future__ import annotations

import functools
import json
import logging
from pathlib import Path

import pygame

from game.paths import ASSETS

log = logging.getLogger(__name__)

Color = tuple[int, int, int] | tuple[int, int, int, int]
RENDER_CACHE = 512  # rendered texts kept for reuse (see BitmapFont.render)


class FontError(Exception):
    """The font files are missing or unreadable (one line naming the file)."""


class BitmapFont:
    def __init__(self, sheet: pygame.Surface, meta: dict) -> None:
        self.cell_w, self.cell_h = meta["cell"]
        self.columns = int(meta["columns"])
        self.first = int(meta["first"])
        self.widths = {chr(int(k)): int(v) for k, v in meta["widths"].items()}
        self.line_height = self.cell_h + 1
        self.spacing = 1
        self._advances = {ch: w + self.spacing for ch, w in self.widths.items()}
        self._sheet = sheet
        self._tinted: dict[tuple[int, ...], pygame.Surface] = {}
        self._rendered: dict[tuple, pygame.Surface] = {}
        self._sizes: dict[str, tuple[int, int]] = {}
        self._tiles: dict[tuple, dict[str, pygame.Surface]] = {}  # see `draw_on_backing`

    def _advance(self, ch: str) -> int:
        return self.widths.get(ch, self.widths["?"]) + self.spacing

    def _measure(self, text: str) -> int:
        """Sum of the characters' advances (line_width plus one spacing), by lookups only."""
        advances, unknown = self._advances, self._advance("?")
        return sum(advances.get(c, unknown) for c in text)

    def line_width(self, line: str) -> int:
        return max(0, self._measure(line) - self.spacing)

    def size(self, text: str) -> tuple[int, int]:
        """Pixel size of `text` as render() draws it (newlines start new lines); remembered, as a HUD
        measures the same objective every frame."""
        found = self._sizes.get(text)
        if found is None:
            if len(self._sizes) >= RENDER_CACHE:
                self._sizes.clear()
            lines = text.split("\n")
            found = self._sizes[text] = (max(self.line_width(line) for line in lines),
                                         (len(lines) - 1) * self.line_height + self.cell_h)
        return found

    def _sheet_in(self, color: Color) -> pygame.Surface:
        key = tuple(color)
        sheet = self._tinted.get(key)
        if sheet is None:
            sheet = self._sheet.copy()
            rgba = tuple(color) + ((255,) if len(color) == 3 else ())
            sheet.fill(rgba, special_flags=pygame.BLEND_RGBA_MULT)
            self._tinted[key] = sheet
        return sheet

    def render(self, text: str, color: Color = (255, 255, 255), scale: int = 1) -> pygame.Surface:
        """An SRCALPHA surface with `text` in `color`, blown up `scale` times (whole pixels);
        unknown characters draw as '?'. Rendered once per (text, colour, scale) and reused, so a screen
        that shows the same words frame after frame blits one surface instead of drawing its glyphs:
        the surface is shared, blit it, never draw on it."""
        key = (text, tuple(color), scale)
        image = self._rendered.get(key)
        if image is None:
            if len(self._rendered) >= RENDER_CACHE:  # a typewriter's growing lines: start afresh
                self._rendered.clear()
            image = self._rendered[key] = self._render(text, color, scale)
        return image

    def _render(self, text: str, color: Color, scale: int) -> pygame.Surface:
        w, h = self.size(text)
        surface = pygame.Surface((max(1, w), h), pygame.SRCALPHA)
        self.draw(surface, text, (0, 0), color)
        if scale != 1:
            surface = pygame.transform.scale(surface, (surface.get_width() * scale, h * scale))
        return surface

    def draw(self, target: pygame.Surface, text: str, pos: tuple[int, int],
             color: Color = (255, 255, 255)) -> None:
        """Draw `text` straight onto `target` at `pos` (top-left)."""
        sheet = self._sheet_in(color)
        for ch, x, y in self._placed(text, pos):
            target.blit(sheet, (x, y), self._area(ch))

    def draw_on_backing(self, target: pygame.Surface, text: str, pos: tuple[int, int], color: Color,
                        backing: Color) -> None:
        """`draw`, onto a part of `target` that is all `backing` under the text (a label just filled):
        each glyph is copied as a tile already blended onto `backing` in `target`'s pixel format, made
        once per glyph, colour, backing and format. Glyph boxes never overlap (a spacing apart), so each
        pixel is blended once, as `draw` blends it: the same pixels, one `fblits` of opaque copies."""
        key = (tuple(color), tuple(backing), target.get_bitsize(), target.get_masks())
        tiles = self._tiles.get(key)
        if tiles is None:
            tiles = self._tiles[key] = {}
        blits = []
        x0, y = pos
        for line in text.split("\n"):
            x = x0
            for ch in line:
                got = tiles.get(ch)
                if got is None:
                    got = tiles[ch] = self._tile(ch if ch in self.widths else "?", target, color, backing)
                blits.append((got[0], (x, y)))
                x += got[1]
            y += self.line_height
        target.fblits(blits)

    def _tile(self, ch: str, target: pygame.Surface, color: Color, backing: Color) -> tuple[pygame.Surface, int]:
        """Glyph `ch` blended onto `backing` in `target`'s pixel format, and its advance."""
        area = self._area(ch)
        tile = pygame.Surface(area.size, 0, target)
        tile.fill(backing)
        tile.blit(self._sheet_in(color), (0, 0), area)
        return tile, self._advances[ch]

    def _placed(self, text: str, pos: tuple[int, int]) -> list[tuple[str, int, int]]:
        """Each character `draw` draws ('?' for one the font lacks) and its top-left."""
        out = []
        x0, y = pos
        widths, advances = self.widths, self._advances
        for line in text.split("\n"):
            x = x0
            for ch in line:
                if ch not in widths:
                    ch = "?"
                out.append((ch, x, y))
                x += advances[ch]
            y += self.line_height
        return out

    def _area(self, ch: str) -> pygame.Rect:
        """The glyph's box on the sheet."""
        row, col = divmod(ord(ch) - self.first, self.columns)
        return pygame.Rect(col * self.cell_w, row * self.cell_h, self.widths[ch], self.cell_h)

    def wrap(self, text: str, max_width: int) -> list[str]:
        """Greedy word wrap so every line's width is <= max_width (long words are split).

        Linear in the text's length: widths are summed as the line grows, never re-measured (a
        2,000,000-character word takes about a second, where re-measuring took hours)."""
        out: list[str] = []
        space = self._advance(" ")
        measure = self._measure
        limit = max_width + self.spacing  # widths below are advance sums, one spacing more than drawn
        for paragraph in text.split("\n"):
            line, width = "", 0
            for word in paragraph.split(" "):
                word_width = measure(word)
                if not line and word_width <= limit or line and width + space + word_width <= limit:
                    line, width = (f"{line} {word}", width + space + word_width) if line else (word, word_width)
                    continue
                if line:
                    out.append(line)
                pieces = self._split(word, limit) if word_width > limit else [word]
                out.extend(pieces[:-1])
                line = pieces[-1]
                width = measure(line)
            out.append(line)
        return out

    def _split(self, word: str, limit: int) -> list[str]:
        """`word` cut into pieces that each fit `limit` (advance sum), at least one character each."""
        pieces: list[str] = []
        start, width = 0, 0
        advances, unknown = self._advances, self._advance("?")
        for i, ch in enumerate(word):
            advance = advances.get(ch, unknown)
            if width + advance > limit and i > start:
                pieces.append(word[start:i])
                start, width = i, 0
            width += advance
        pieces.append(word[start:])
        return pieces


@functools.lru_cache(maxsize=4)
def load_font(folder: Path | None = None) -> BitmapFont:
    """The game font from `folder` (default: assets/). Raises FontError naming the file."""
    folder = Path(folder or ASSETS)
    png, meta_path = folder / "font.png", folder / "font.json"
    for path in (png, meta_path):
        if not path.is_file():
            raise FontError(f"{path}: font file missing; run `python -m game assets`")
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
        return BitmapFont(pygame.image.load(str(png)), meta)
    except (OSError, ValueError, KeyError, TypeError, pygame.error) as exc:
        raise FontError(f"{folder}: unreadable font ({exc}); run `python -m game assets`") from exc
