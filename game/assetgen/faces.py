"""Portraits painted from a recipe (assets/src/portraits/NAME.toml): face shape, age, hair, hat, brows,
scars and clothes, in three expressions (neutral, angry, hurt), as 48x48 role grids coloured at the end.

A recipe is a handful of numbers and words (see assets/src/portraits/README.md); the painter draws the
same recipe the same way every time, so regeneration stays byte-identical. Hand-drawn text-grid
portraits (NAME.txt) are still built by game.assetgen.sprites and win over a recipe of the same name.
"""
from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from game.assetgen.faceparts import (
    CX,
    Canvas,
    draw_clothes,
    draw_facial_hair,
    draw_hair_back,
    draw_hair_front,
    draw_hat,
)
from game.assetgen.source import SourceError, parse_color

log = logging.getLogger(__name__)

MOODS = ("neutral", "angry", "hurt")
JAWS = {  # where the jaw starts tapering (0..1 down the face), the chin's half width (x face), curve power
    "square": (0.70, 0.62, 1.0), "round": (0.50, 0.40, 2.0), "narrow": (0.45, 0.30, 1.2),
    "heavy": (0.78, 0.78, 1.0), "pointed": (0.40, 0.18, 1.0), "soft": (0.55, 0.34, 1.6),
}


@dataclass(frozen=True)
class Face:
    """The geometry every part is placed by (pixels on the 48x48 canvas)."""
    top: int        # first row of the skull
    chin: int       # last row of the chin
    width: int      # half width at the cheekbones
    jaw: str
    eye_y: int
    eye_dx: int     # eye centre distance from the middle
    nose_y: int
    mouth_y: int
    mouth_w: int

    def half_width(self, y: int) -> int:
        """Half width of the face at row y (0 outside the face)."""
        if y < self.top or y > self.chin:
            return 0
        start, chin_frac, power = JAWS[self.jaw]
        t = (y - self.top) / max(1, self.chin - self.top)
        if y < self.top + 5:  # the crown rounds off
            k = (self.top + 5 - y) / 6
            return max(2, round(self.width * (1 - k * k) ** 0.5))
        if t <= start:
            return self.width
        u = (t - start) / (1 - start)
        return max(2, round(self.width * (1 - (1 - chin_frac) * u ** (1 / power))))


def load_recipe(path: Path) -> dict[str, Any]:
    try:
        recipe = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SourceError(f"{path}: cannot read the portrait recipe: {exc}") from None
    if recipe.get("jaw", "square") not in JAWS:
        raise SourceError(f"{path}: jaw must be one of {', '.join(JAWS)}, got {recipe.get('jaw')!r}")
    return recipe


def face_of(recipe: dict[str, Any]) -> Face:
    top, chin = int(recipe.get("top", 11)), int(recipe.get("chin", 36))
    eye_y = int(recipe.get("eye_y", top + (chin - top) * 9 // 20))
    return Face(top, chin, int(recipe.get("width", 10)), recipe.get("jaw", "square"), eye_y,
                int(recipe.get("eye_dx", 5)), int(recipe.get("nose_y", eye_y + 6)),
                int(recipe.get("mouth_y", eye_y + 9)), int(recipe.get("mouth_w", 3)))


def palette(recipe: dict[str, Any], where: str) -> dict[str, tuple[int, int, int, int]]:
    """Role -> colour: the recipe's colours and shades derived from them."""
    def col(key: str, default: str) -> np.ndarray:
        return np.array(parse_color(str(recipe.get(key, default)), f"{where}: {key}")[:3], float)

    def hexa(rgb: np.ndarray) -> tuple[int, int, int, int]:
        r, g, b = np.clip(np.round(rgb), 0, 255).astype(int)
        return (int(r), int(g), int(b), 255)

    skin, hair, cloth = col("skin", "e0b090"), col("hair", "4a3a2a"), col("clothes", "646a74")
    bg = col("background", "2e3a44")
    lips = col("lips", "%02x%02x%02x" % tuple(int(v) for v in skin * np.array([0.78, 0.56, 0.52])))
    out = {
        "z": hexa(bg), "Z": hexa(bg * 0.82), "o": (14, 12, 16, 255),
        "s": hexa(skin), "L": hexa(skin * 1.08 + 6), "S": hexa(skin * 0.82), "D": hexa(skin * 0.64),
        "r": hexa(skin * np.array([1.0, 0.78, 0.76])), "B": hexa(skin * np.array([0.72, 0.58, 0.72])),
        "h": hexa(hair), "H": hexa(hair * 1.3 + 18), "k": hexa(hair * 0.6),
        "b": hexa(col("brows", recipe.get("hair", "4a3a2a")) * 0.8),
        "W": (240, 236, 228, 255), "e": (20, 20, 26, 255), "i": hexa(col("eyes", "4a3a2a")),
        "m": hexa(lips), "M": hexa(lips * 0.55), "T": (236, 232, 220, 255),
        "c": hexa(cloth), "C": hexa(cloth * 1.25 + 10), "d": hexa(cloth * 0.7),
        "w": hexa(col("shirt", "e8e4dc")), "t": hexa(col("tie", "8a2a2a")), "a": hexa(col("accent", "c8a040")),
        "q": hexa(col("hat_color", recipe.get("hair", "4a3a2a"))), "Q": hexa(col("hat_color", recipe.get("hair", "4a3a2a")) * 1.3 + 14),
        "j": hexa(col("hat_color", recipe.get("hair", "4a3a2a")) * 0.65), "n": hexa(col("band", "a02a2a")),
        "g": (30, 30, 36, 255), "G": (120, 130, 140, 255), "x": (150, 40, 40, 255), "y": (200, 210, 220, 255),
    }
    return out


def paint(recipe: dict[str, Any], mood: str) -> Canvas:
    """The role grid of one expression."""
    f = face_of(recipe)
    cv = Canvas()
    cv.background()
    draw_hair_back(cv, f, recipe)
    draw_clothes(cv, f, recipe)
    _neck_and_ears(cv, f, recipe)
    _skin(cv, f, recipe)
    _features(cv, f, recipe, mood)
    draw_facial_hair(cv, f, recipe, mood)
    draw_hair_front(cv, f, recipe)
    draw_hat(cv, f, recipe)
    _marks(cv, f, recipe, mood)
    cv.outline()
    return cv


def _neck_and_ears(cv: Canvas, f: Face, recipe: dict[str, Any]) -> None:
    neck = int(recipe.get("neck", 5))
    for y in range(f.chin - 4, 41):
        cv.span(y, CX - neck, CX + neck - 1, "s")
        cv.span(y, CX + neck - 3, CX + neck - 1, "S")
    cv.span(f.chin + 1, CX - neck + 1, CX + neck - 2, "D")  # shadow under the chin
    if not recipe.get("ears", True):
        return
    for dy in range(-1, 4):
        y = f.eye_y + dy
        w = f.half_width(y)
        cv.put(y, CX - w - 1, "s" if dy in (0, 1, 2) else "S")
        cv.put(y, CX + w, "S")
        if dy in (0, 1, 2):
            cv.put(y, CX - w - 2, "S" if dy != 1 else "s")
            cv.put(y, CX + w + 1, "D" if dy != 1 else "S")


def _skin(cv: Canvas, f: Face, recipe: dict[str, Any]) -> None:
    age = int(recipe.get("age", 1))
    for y in range(f.top, f.chin + 1):
        w = f.half_width(y)
        cv.span(y, CX - w, CX + w - 1, "s")
        shade = max(1, w * 2 // 5)
        cv.span(y, CX + w - shade, CX + w - 1, "S")  # light from the left
        cv.put(y, CX - w + 1, "L") if y > f.top + 4 and y < f.mouth_y else None
    for y in range(f.eye_y + 2, f.mouth_y):  # cheekbone shadow
        w = f.half_width(y)
        cv.put(y, CX + w - shade - 1, "S") if y > f.nose_y else None
    if recipe.get("hollow"):  # hollow cheeks
        for y in range(f.nose_y - 1, f.mouth_y + 2):
            w = f.half_width(y)
            cv.put(y, CX - w + 2, "S")
            cv.put(y, CX + w - 3, "D")
    if age >= 2:  # forehead lines and folds beside the nose
        for dx in range(-4, 4):
            cv.put(f.eye_y - 5, CX + dx, "S") if dx % 3 else None
        for k in range(3):
            cv.put(f.nose_y + k, CX - 4 - (k + 1) // 2, "S")
            cv.put(f.nose_y + k, CX + 3 + (k + 1) // 2, "D")
    if age >= 3:
        for dx in range(-3, 3):
            cv.put(f.eye_y - 7, CX + dx, "S")
        cv.put(f.chin - 1, CX - f.half_width(f.chin - 1) + 1, "S")
    if f.jaw == "heavy":  # jowls
        for y in range(f.mouth_y, f.chin):
            w = f.half_width(y)
            cv.put(y, CX - w + 1, "S")


def _eye(cv: Canvas, x: int, y: int, mood: str, side: int, recipe: dict[str, Any]) -> None:
    """A 4x2 eye at (x, y) top-left; side -1 left eye, +1 right eye (from the viewer)."""
    narrow = recipe.get("eyes_narrow", False)
    iris = x + 1
    if mood == "hurt":  # squeezed half shut
        cv.span(y, x, x + 3, "D")
        cv.span(y + 1, x, x + 3, "W")
        cv.put(y + 1, iris + (1 if side < 0 else 0), "e")
        cv.span(y + 2, x, x + 3, "S")
        return
    cv.span(y, x, x + 3, "W")
    cv.span(y + 1, x, x + 3, "W")
    cv.span(y, iris, iris + 1, "i")
    cv.span(y + 1, iris, iris + 1, "e")
    cv.put(y, iris, "e")
    if narrow or mood == "angry":  # a heavy upper lid
        cv.span(y, x, x + 3, "e" if mood == "angry" else "D")
    cv.span(y - 1, x, x + 3, "D") if recipe.get("age", 1) >= 2 or mood == "angry" else None
    if recipe.get("age", 1) >= 2:  # bags
        cv.span(y + 2, x + (1 if side < 0 else 0), x + (3 if side < 0 else 2), "S")


def _brow(cv: Canvas, x: int, y: int, mood: str, side: int, recipe: dict[str, Any]) -> None:
    thick = int(recipe.get("brow_thick", 1))
    tilt = int(recipe.get("brow_tilt", 0)) + {"angry": 2, "hurt": -2}.get(mood, 0)
    for i in range(6):
        inner = (i if side < 0 else 5 - i) / 5  # 1 at the nose end
        dy = round(tilt * inner)
        for t in range(thick):
            cv.put(y + dy - t, x - 1 + i, "b")
    if recipe.get("brow_ridge"):
        cv.span(y + 1, x, x + 3, "S") if mood != "hurt" else None
    if mood == "angry":  # a knot between the brows
        cv.put(y + 1, CX - 1, "D")
        cv.put(y + 2, CX - 1, "S")


def _features(cv: Canvas, f: Face, recipe: dict[str, Any], mood: str) -> None:
    ex_l, ex_r = CX - f.eye_dx - 2, CX + f.eye_dx - 2
    brow_y = f.eye_y - 2 - int(recipe.get("brow_gap", 0))
    for x, side in ((ex_l, -1), (ex_r, 1)):
        if recipe.get("shades"):
            continue
        _eye(cv, x, f.eye_y, mood, side, recipe)
        _brow(cv, x, brow_y, mood, side, recipe)
    if recipe.get("shades"):
        cv.rect(f.eye_y - 1, ex_l - 1, f.eye_y + 2, ex_r + 4, "g")
        cv.span(f.eye_y - 1, ex_l, ex_l + 2, "G")
        cv.span(f.eye_y - 1, ex_r, ex_r + 2, "G")
        cv.span(f.eye_y - 2, ex_l - 1, ex_r + 4, "b") if mood == "angry" else None
    if recipe.get("glasses"):
        for x in (ex_l, ex_r):
            cv.frame(f.eye_y - 1, x - 1, f.eye_y + 2, x + 4, "g")
        cv.span(f.eye_y, ex_l + 4, ex_r - 1, "g")
    # the nose: a shaded ridge on the right, a tip and a nostril
    wide = int(recipe.get("nose_wide", 1))
    bent = int(recipe.get("nose_bent", 0))
    for y in range(f.eye_y + 1, f.nose_y):
        cv.put(y, CX + 1 + (bent if y > f.eye_y + 3 else 0), "S")
    cv.span(f.nose_y, CX - 1 - wide, CX + 1 + wide, "S")
    cv.put(f.nose_y, CX - 1 - wide, "D")
    cv.put(f.nose_y, CX + 1 + wide, "D")
    cv.span(f.nose_y - 1, CX - wide, CX, "L")
    cv.span(f.nose_y + 1, CX - wide, CX + wide, "S")
    _mouth(cv, f, recipe, mood)


def _mouth(cv: Canvas, f: Face, recipe: dict[str, Any], mood: str) -> None:
    y, w = f.mouth_y, f.mouth_w
    smirk = int(recipe.get("smirk", 0))
    if mood == "angry":  # bared, clenched teeth, the corners pulled down
        cv.span(y, CX - w + 1, CX + w - 1, "M")
        cv.span(y + 1, CX - w, CX + w, "M")
        cv.span(y + 1, CX - w + 1, CX + w - 1, "T" if recipe.get("teeth", True) else "M")
        cv.span(y + 2, CX - w, CX + w, "M")
        cv.put(y + 2, CX - w - 1, "D")
        cv.put(y + 2, CX + w + 1, "D")
        cv.span(y + 3, CX - w + 1, CX + w - 1, "m")
        return
    if mood == "hurt":  # a gasp of pain: open, dark, the corners dragged down
        cv.span(y, CX - w + 1, CX + w - 1, "M")
        cv.span(y + 1, CX - w, CX + w, "M")
        cv.span(y + 1, CX - w + 1, CX + w - 1, "e")
        cv.span(y + 2, CX - w + 1, CX + w - 1, "M")
        cv.put(y + 2, CX - w - 1, "D")
        cv.put(y + 2, CX + w + 1, "D")
        cv.span(y + 3, CX - w + 2, CX + w - 2, "m")
        return
    cv.span(y, CX - w, CX + w, "M")
    cv.span(y + 1, CX - w + 1, CX + w - 1, "m")
    if smirk:
        cv.put(y - 1, CX + w + 1, "M")
        cv.put(y, CX + w + 1, "D")
    elif recipe.get("frown"):
        cv.put(y + 1, CX - w - 1, "D")
        cv.put(y + 1, CX + w + 1, "D")
    if recipe.get("lipstick"):
        cv.span(y - 1, CX - w + 1, CX + w - 1, "x")
        cv.span(y + 1, CX - w + 1, CX + w - 1, "x")
    cv.span(y + 3, CX - 1, CX + 1, "S")  # the dip under the lip
    if recipe.get("cleft"):
        cv.put(f.chin - 1, CX - 1, "S")


def _marks(cv: Canvas, f: Face, recipe: dict[str, Any], mood: str) -> None:
    for scar in recipe.get("scars", []):
        x, y, length, dx = (int(v) for v in scar)
        for k in range(length):
            cv.put(y + k, x + k * dx, "r")
    if recipe.get("earrings"):
        for y in (f.eye_y + 4, f.eye_y + 5):
            cv.put(y, CX - f.half_width(f.eye_y + 3) - 1, "a")
            cv.put(y, CX + f.half_width(f.eye_y + 3), "a")
    if recipe.get("mole"):
        x, y = (int(v) for v in recipe["mole"])
        cv.put(y, x, "D")
    if mood == "hurt":  # a cut above the brow, a bruise on the cheek, sweat
        x = CX - f.eye_dx - 1
        cv.put(f.eye_y - 4, x, "x")
        cv.put(f.eye_y - 4, x + 1, "x")
        cv.put(f.eye_y - 3, x + 1, "x")
        for dx in range(3):
            cv.put(f.nose_y, CX + f.eye_dx - 1 + dx, "B")
            cv.put(f.nose_y + 1, CX + f.eye_dx + dx, "B")


def build(folder: Path, writer, hand_drawn: set[str]) -> None:
    """Write portraits/NAME.png (neutral) and NAME_angry.png, NAME_hurt.png for every recipe."""
    for path in sorted(folder.glob("*.toml")):
        name = path.stem
        if name in hand_drawn:
            log.info("%s: a hand-drawn %s.txt wins over the recipe", path, name)
            continue
        recipe = load_recipe(path)
        colours = palette(recipe, str(path))
        for mood in MOODS:
            image = paint(recipe, mood).rgba(colours)
            rel = name if mood == "neutral" else f"{name}_{mood}"
            writer.png(f"portraits/{rel}.png", image)
            writer.show(f"{rel}", image)

