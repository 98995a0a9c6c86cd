"""The parts a portrait recipe names around the face: the canvas, clothes, hair, hats and facial hair.

Every part paints roles (one character a pixel) on a 48x48 Canvas; game.assetgen.faces colours them.
"""
from __future__ import annotations

import logging
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

SIZE = 48
CX = 24  # the face's middle column: columns CX-w .. CX+w-1 are a face of half width w
BACKGROUND = ("z", "Z")


class Canvas:
    """A 48x48 grid of role characters; drawing outside it is clipped."""

    def __init__(self) -> None:
        self.grid = np.full((SIZE, SIZE), "z", dtype="<U1")

    def background(self) -> None:
        for y in range(SIZE // 2 + 7, SIZE):
            for x in range(SIZE):
                if (x + y) % 2:
                    self.grid[y, x] = "Z"

    def put(self, y: int, x: int, role: str) -> None:
        if 0 <= y < SIZE and 0 <= x < SIZE:
            self.grid[y, x] = role

    def span(self, y: int, x0: int, x1: int, role: str) -> None:
        """Columns x0..x1 inclusive on row y."""
        if 0 <= y < SIZE:
            self.grid[y, max(0, x0):max(0, min(SIZE, x1 + 1))] = role

    def rect(self, y0: int, x0: int, y1: int, x1: int, role: str) -> None:
        for y in range(y0, y1 + 1):
            self.span(y, x0, x1, role)

    def frame(self, y0: int, x0: int, y1: int, x1: int, role: str) -> None:
        self.span(y0, x0, x1, role)
        self.span(y1, x0, x1, role)
        for y in range(y0, y1 + 1):
            self.put(y, x0, role)
            self.put(y, x1, role)

    def is_bg(self, y: int, x: int) -> bool:
        return 0 <= y < SIZE and 0 <= x < SIZE and self.grid[y, x] in BACKGROUND

    def outline(self) -> None:
        """A dark line on the background around the figure."""
        fg = ~np.isin(self.grid, BACKGROUND)
        edge = np.zeros_like(fg)
        edge[1:] |= fg[:-1]
        edge[:-1] |= fg[1:]
        edge[:, 1:] |= fg[:, :-1]
        edge[:, :-1] |= fg[:, 1:]
        self.grid[edge & ~fg] = "o"

    def rgba(self, colours: dict[str, tuple[int, int, int, int]]) -> np.ndarray:
        out = np.zeros((SIZE, SIZE, 4), dtype=np.uint8)
        for role, colour in colours.items():
            out[self.grid == role] = colour
        return out


def _texture(x: int, y: int, kind: str) -> str:
    """Hair and fur texture: a fixed pattern, no randomness."""
    if kind == "curly":  # little arcs: lit on top, shaded below, staggered row to row
        u, v = (x + (y // 3) * 2) % 4, y % 3
        return {0: "H" if u in (1, 2) else "h", 1: "H" if u == 0 else ("k" if u == 3 else "h"),
                2: "k" if u in (1, 2) else "h"}[v]
    if kind == "wavy":  # long strands falling in a zigzag
        u = (x + (y // 3) % 2) % 4
        return "H" if u == 0 else ("k" if u == 2 else "h")
    if kind == "fur":  # short strokes
        u = (x + y // 2 * 2) % 3
        return "Q" if (u == 0 and y % 2 == 0) else ("j" if (u == 2 and y % 2 == 1) else "q")
    if kind == "slick":
        return "H" if (y % 3 == 0 and (x + y) % 5 < 3) else ("k" if (x + y) % 7 == 0 else "h")
    return "H" if (x + y * 2) % 9 == 0 else "h"


def draw_clothes(cv: Canvas, f: Any, recipe: dict[str, Any]) -> None:
    """Shoulders from row 39 down: the recipe's `clothes_style`."""
    style = recipe.get("clothes_style", "jacket")
    build = int(recipe.get("build", 0))  # 0 normal, 1 broad, 2 huge
    top = 38 - build
    for y in range(top, SIZE):
        half = min(23, 9 + (y - top) * 3 + build * 2)
        cv.span(y, CX - half, CX + half - 1, "c")
        cv.span(y, CX - half, CX - half + 2, "C")
        cv.span(y, CX + half - 4, CX + half - 1, "d")
    if style == "tank":  # bare shoulders, a vest
        for y in range(top, SIZE):
            half = min(23, 9 + (y - top) * 3 + build * 2)
            cv.span(y, CX - half, CX - 7, "s")
            cv.span(y, CX + 6, CX + half - 1, "s")
            cv.span(y, CX + half - 3, CX + half - 1, "S")
        for y in range(top + 2, SIZE):
            cv.span(y, CX - 6, CX + 5, "w")
        return
    if style == "bare":  # bare shoulders and chest (the bathhouse)
        for y in range(top, SIZE):
            half = min(23, 9 + (y - top) * 3 + build * 2)
            cv.span(y, CX - half, CX + half - 1, "s")
            cv.span(y, CX + half - 5, CX + half - 1, "S")
        cv.span(top + 6, CX - 7, CX - 2, "S")
        cv.span(top + 6, CX + 1, CX + 6, "S")
        return
    # a collar / neckline in the middle
    neck = int(recipe.get("neck", 5))
    if style in ("suit", "uniform", "jacket", "apron", "greatcoat", "leather"):
        for y in range(top, SIZE):
            k = y - top
            cv.span(y, CX - max(0, neck - k // 2) + 1, CX + max(0, neck - k // 2) - 2, "w")
        if style in ("suit", "uniform", "apron"):
            for y in range(top + 1, SIZE):
                cv.span(y, CX - 1, CX, "t")
            cv.span(top + 1, CX - 2, CX + 1, "t")
        for k in range(SIZE - top):  # lapels
            cv.put(top + k, CX - neck - 1 + k // 2, "d")
            cv.put(top + k, CX + neck - k // 2, "d")
    if style == "greatcoat":  # a fur collar
        for y in range(top - 1, top + 4):
            half = 9 + (y - top + 1) * 3
            for x in range(CX - half, CX + half):
                if abs(x - CX) > neck - 1:
                    cv.put(y, x, _texture(x, y, "fur"))
    if style == "uniform":  # shoulder boards
        cv.span(top + 3, CX - 17, CX - 12, "a")
        cv.span(top + 3, CX + 11, CX + 16, "a")
        cv.put(top + 7, CX - 8, "a")
    if style == "nurse":
        cv.rect(top, CX - 3, SIZE - 1, CX + 2, "w")
        for y in range(top, top + 4):
            cv.span(y, CX - 4 - (y - top), CX - 3 - (y - top), "C")
            cv.span(y, CX + 2 + (y - top), CX + 3 + (y - top), "C")
    if style == "apron":
        cv.rect(top + 4, CX - 8, SIZE - 1, CX + 7, "a")
    if style == "leather":
        cv.span(top + 4, CX - 14, CX - 10, "C")
        cv.span(top + 5, CX + 9, CX + 13, "C")
    if recipe.get("chain"):
        for k in range(-4, 5):
            cv.put(top + 3 + abs(k) // 2, CX + k, "a")


def draw_hair_back(cv: Canvas, f: Any, recipe: dict[str, Any]) -> None:
    """Long hair behind the head and shoulders."""
    style = recipe.get("hair_style", "crew")
    if style == "long":
        for y in range(f.top - 3, min(SIZE, f.chin + 9)):
            w = max(f.width + 4 - max(0, y - f.chin) // 2, f.half_width(y) + 3)
            w -= max(0, f.top - 1 - y)  # rounded on top
            for x in range(CX - w, CX + w):
                cv.put(y, x, _texture(x, y, "wavy"))
    elif style == "ponytail":
        for y in range(f.eye_y, f.chin + 3):
            for x in range(CX + f.width - 1, CX + f.width + 3):
                cv.put(y, x, "k" if x == CX + f.width + 2 else "h")


def draw_hair_front(cv: Canvas, f: Any, recipe: dict[str, Any]) -> None:
    """Hair over the skull: crew, flattop, slick, curly, receding, bald, long, bun, ponytail."""
    style = recipe.get("hair_style", "crew")
    line = f.top + int(recipe.get("hairline", 4))  # first row of forehead skin
    if style == "bald":
        for y in range(f.top, f.top + 3):
            cv.put(y, CX - f.half_width(y) + 3, "L")
        if recipe.get("fringe_sides", False):
            _sides(cv, f, f.eye_y - 3, f.eye_y + 2, "h")
        return
    if style == "receding":
        for y in range(f.top - 1, line + 1):
            w = f.half_width(y) if y >= f.top else f.width - 4
            for x in range(CX - w, CX + w):
                if abs(x - CX) >= max(2, w - 4 - (line - y)) or y < f.top:
                    cv.put(y, x, _texture(x, y, "plain"))
        _sides(cv, f, line, f.eye_y, "h")
        return
    if style == "flattop":
        flat = f.top - 3
        for y in range(flat, line):
            w = max(f.half_width(y), f.width - 1) if y < f.top + 3 else f.half_width(y)
            for x in range(CX - w, CX + w):
                cv.put(y, x, "H" if y == flat and x % 3 else _texture(x, y, "plain"))
        _sides(cv, f, line, f.eye_y - 1, "h")
        return
    if style in ("crew", "slick", "ponytail", "bun"):
        kind = "slick" if style != "crew" else "plain"
        rise = {"crew": 1, "slick": 2, "ponytail": 2, "bun": 2}[style]
        for y in range(f.top - rise, line):
            w = f.half_width(y) if y >= f.top else f.width - 3
            w = max(w, f.width - 2) if y >= f.top + 2 else w
            for x in range(CX - w, CX + w):
                cv.put(y, x, _texture(x, y, kind))
        if recipe.get("parting"):
            px = CX - 4
            for y in range(f.top - rise, line - 1):
                cv.put(y, px, "k")
        _sides(cv, f, line, f.eye_y + (2 if style == "slick" else 0), "h")
        if style == "bun":
            cv.rect(f.top - 6, CX - 4, f.top - 2, CX + 3, "h")
            cv.span(f.top - 6, CX - 3, CX + 2, "H")
        return
    if style in ("curly", "long"):
        volume = 3 if style == "curly" else 2
        for y in range(f.top - volume - 1, line + 1):
            w = (f.half_width(y) if y >= f.top else f.width - 2) + volume
            if y == f.top - volume - 1:
                w -= 3
            for x in range(CX - w, CX + w):
                if y < line or (x + y) % 3 != 0 or style == "long":
                    cv.put(y, x, _texture(x, y, "curly" if style == "curly" else "wavy"))
        _sides(cv, f, line, f.eye_y + (8 if style == "long" else 1), "h", extra=volume - 1)


def _sides(cv: Canvas, f: Any, y0: int, y1: int, role: str, extra: int = 0) -> None:
    """Hair down the temples, from row y0 to y1."""
    for y in range(y0, y1 + 1):
        w = f.half_width(y)
        for k in range(1 + extra):
            cv.put(y, CX - w + k - extra // 2, role)
            cv.put(y, CX + w - 1 - k + extra // 2, "k" if k == 0 else role)


def draw_hat(cv: Canvas, f: Any, recipe: dict[str, Any]) -> None:
    """papakha (tall fur), ushanka, peaked (officer's cap), nurse, flatcap, bandana."""
    hat = recipe.get("hat", "none")
    brim = f.top + int(recipe.get("hat_low", 3))
    if hat == "papakha":
        for y in range(f.top - 9, brim + 1):
            w = f.width + 2 - (1 if y == f.top - 9 else 0)
            for x in range(CX - w, CX + w):
                cv.put(y, x, _texture(x, y, "fur"))
    elif hat == "ushanka":
        for y in range(f.top - 6, brim + 1):
            w = f.width + 2 - (2 if y == f.top - 6 else 0)
            for x in range(CX - w, CX + w):
                cv.put(y, x, _texture(x, y, "fur"))
        cv.rect(brim - 3, CX - f.width - 3, brim + 5, CX - f.width, "q")  # the flaps tied up at the sides
        cv.rect(brim - 3, CX + f.width - 1, brim + 5, CX + f.width + 2, "j")
        cv.span(f.top - 3, CX - 1, CX, "n")
    elif hat == "peaked":
        for y in range(f.top - 6, brim - 1):
            w = f.width + 3 - max(0, (f.top - 4 - y))
            cv.span(y, CX - w, CX + w - 1, "q")
            cv.span(y, CX - w, CX - w + 2, "Q")
            cv.span(y, CX + w - 3, CX + w - 1, "j")
        cv.rect(brim - 1, CX - f.width - 1, brim, CX + f.width, "n")
        cv.rect(brim - 3, CX - 1, brim - 2, CX, "a")  # the badge
        cv.span(brim + 1, CX - f.width + 1, CX + f.width - 2, "g")  # the visor
        cv.span(brim + 2, CX - f.width + 3, CX + f.width - 4, "g")
        cv.span(brim + 1, CX - f.width + 3, CX - 2, "G")
    elif hat == "nurse":
        cv.rect(f.top - 5, CX - 6, f.top - 1, CX + 5, "w")
        cv.span(f.top - 1, CX - 6, CX + 5, "C")
        cv.rect(f.top - 4, CX - 1, f.top - 2, CX, "x")
        cv.span(f.top - 3, CX - 2, CX + 1, "x")
    elif hat == "flatcap":
        for y in range(f.top - 3, brim):
            w = f.width + 1 + (1 if y > f.top - 2 else 0)
            cv.span(y, CX - w, CX + w - 1, "q")
            cv.span(y, CX + w - 4, CX + w - 1, "j")
        cv.span(f.top - 3, CX - f.width + 2, CX + f.width - 3, "Q")
        cv.span(brim, CX - f.width - 1, CX + f.width - 2, "j")
    elif hat == "bandana":
        for y in range(f.top + 1, f.top + 4):
            cv.span(y, CX - f.half_width(y), CX + f.half_width(y) - 1, "n")
        cv.rect(f.top + 2, CX + f.width, f.top + 5, CX + f.width + 2, "n")
    elif hat == "beanie":
        for y in range(f.top - 3, brim + 1):
            w = f.width + 1 - (2 if y == f.top - 3 else 0)
            cv.span(y, CX - w, CX + w - 1, "q" if y < brim - 1 else "j")


def draw_facial_hair(cv: Canvas, f: Any, recipe: dict[str, Any], mood: str) -> None:
    """mustache, pencil, goatee, beard, stubble (lists allowed: ["stubble", "mustache"])."""
    kinds = recipe.get("facial_hair", [])
    kinds = [kinds] if isinstance(kinds, str) else list(kinds)
    y, w = f.mouth_y, f.mouth_w
    if "stubble" in kinds:
        for yy in range(f.nose_y + 1, f.chin + 1):
            half = f.half_width(yy)
            for x in range(CX - half + 1, CX + half - 1):
                if (x + yy) % 2 == 0 and cv.grid[yy, x] in ("s", "S", "L"):
                    cv.put(yy, x, "S" if cv.grid[yy, x] != "S" else "D")
    if "beard" in kinds:
        for yy in range(f.mouth_y - 1, f.chin + 2):
            half = f.half_width(yy) if yy <= f.chin else f.half_width(f.chin) - 1
            for x in range(CX - half, CX + half):
                if yy < y + 2 and abs(x - CX) <= w:
                    continue
                cv.put(yy, x, _texture(x, yy, "curly"))
    if "goatee" in kinds:  # a tuft on the chin, below the lip's dip
        cv.rect(y + 4, CX - 2, min(f.chin, y + 6), CX + 1, "h")
        cv.span(min(f.chin, y + 7), CX - 1, CX, "k")
    if "mustache" in kinds:
        cv.span(y - 2, CX - w - 1, CX + w + 1, "h")
        cv.span(y - 1, CX - w - 1, CX - 1, "h")
        cv.span(y - 1, CX + 1, CX + w + 1, "h")
        cv.put(y, CX - w - 1, "h")
        cv.put(y, CX + w + 1, "h")
    if "pencil" in kinds:
        cv.span(y - 1, CX - w, CX + w, "h")
