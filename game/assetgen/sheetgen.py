"""The contact sheet: every generated image at x3 with a label, for review (assets/preview.png)."""
from __future__ import annotations

import numpy as np

SCALE = 3
WIDTH = 1200
PAD = 6
BG = (34, 30, 38, 255)
TILE_BG = (58, 54, 64, 255)
INK = (236, 226, 206, 255)


def text_image(text: str, glyphs: dict[str, np.ndarray]) -> np.ndarray:
    inks = [glyphs.get(c, glyphs["?"]) for c in text]
    h = inks[0].shape[0] if inks else 9
    w = sum(i.shape[1] + 1 for i in inks)
    out = np.zeros((h, max(w, 1), 4), dtype=np.uint8)
    x = 0
    for ink in inks:
        out[:, x:x + ink.shape[1]][ink] = INK
        x += ink.shape[1] + 1
    return out


def blit(dst: np.ndarray, src: np.ndarray, x: int, y: int) -> None:
    h, w = src.shape[:2]
    region = dst[y:y + h, x:x + w]
    a = src[..., 3:4].astype(np.uint16)
    region[..., :3] = (src[..., :3] * a + region[..., :3] * (255 - a)) // 255
    region[..., 3] = 255


def contact_sheet(items: list[tuple[str, np.ndarray]], glyphs: dict[str, np.ndarray]) -> np.ndarray:
    """Lay the items out left to right in rows, each scaled x3 on a panel with its label below."""
    placed = []
    x = y = PAD
    row_h = 0
    for label, rgba in items:
        img = rgba.repeat(SCALE, 0).repeat(SCALE, 1)
        text = text_image(label, glyphs)
        w = max(img.shape[1], text.shape[1]) + PAD
        h = img.shape[0] + text.shape[0] + 2 + PAD
        if x + w > WIDTH and x > PAD:
            x, y, row_h = PAD, y + row_h, 0
        placed.append((x, y, img, text))
        x += w
        row_h = max(row_h, h)
    height = y + row_h + PAD
    sheet = np.zeros((height, WIDTH, 4), dtype=np.uint8)
    sheet[:] = BG
    for x, y, img, text in placed:
        sheet[y:y + img.shape[0], x:x + img.shape[1]] = TILE_BG
        blit(sheet, img, x, y)
        blit(sheet, text, x, y + img.shape[0] + 2)
    return sheet
