"""Up-front size checks for a level's files: map cells and pixels, tile layer data, tileset images.

Each check returns a one-line problem or None (the loader raises it as a LevelError naming the file).
They run before anything big is allocated: compressed layer data is inflated only up to the size the
map needs, and an image's width and height are read from its PNG header before it is decoded.
"""
from __future__ import annotations

import base64
import binascii
import logging
import struct
import zlib
from pathlib import Path

from game.limits import (
    IMAGE_MAX_BYTES,
    IMAGE_MAX_SIDE,
    MAP_MAX_CELLS,
    RENDER_MAX_PIXELS,
    TILE_MAX_PX,
)

log = logging.getLogger(__name__)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def map_size_problem(width: int, height: int, tile_w: int, tile_h: int) -> str | None:
    """The map's cells, tile size and rendered pixels (what `render` allocates) against the limits."""
    if width * height > MAP_MAX_CELLS:
        return (f"map is too large: {width}x{height} is {width * height} cells, "
                f"the most is {MAP_MAX_CELLS} (e.g. 1024x1024)")
    if tile_w > TILE_MAX_PX or tile_h > TILE_MAX_PX:
        return f"tiles of {tile_w}x{tile_h} px are too large: the most is {TILE_MAX_PX}x{TILE_MAX_PX}"
    pixels = width * tile_w * height * tile_h
    if pixels > RENDER_MAX_PIXELS:
        return (f"map is too large to render: {width * tile_w}x{height * tile_h} px is {pixels} pixels, "
                f"the most is {RENDER_MAX_PIXELS} (16384x16384)")
    return None


def layer_data_problem(name: str, text: str, compression: str | None, cells: int) -> str | None:
    """A Base64 layer must decode (and inflate, at most to the size needed) to exactly 4 bytes a cell."""
    need = cells * 4
    try:
        raw = base64.b64decode(text.strip(), validate=False)
    except (binascii.Error, ValueError) as exc:
        return f"layer '{name}': Base64 data does not decode ({exc})"
    if compression in ("zlib", "gzip"):
        inflate = zlib.decompressobj(zlib.MAX_WBITS | (16 if compression == "gzip" else 0))
        try:
            data = inflate.decompress(raw, need + 1)  # stops there: a zlib bomb costs no more than the map
        except zlib.error as exc:
            return f"layer '{name}': {compression} data is corrupt ({exc})"
        if len(data) > need:
            return f"layer '{name}': tile data inflates to more than the {need} bytes {cells} cells need"
        if not inflate.eof:
            return f"layer '{name}': {compression} data is truncated"
    else:
        data = raw
    if len(data) != need:
        return f"layer '{name}' has {len(data) // 4} cells of tile data, the map needs {cells}"
    return None


def image_problem(path: Path) -> str | None:
    """A tileset image must be a readable image within the size limits (checked before decoding)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as fh:
            head = fh.read(24)
    except OSError as exc:
        return f"cannot read image '{path.name}' ({exc.strerror})"
    if size > IMAGE_MAX_BYTES:
        return f"image '{path.name}' is {size >> 20} MB, the most is {IMAGE_MAX_BYTES >> 20} MB"
    if head.startswith(PNG_SIGNATURE):
        if len(head) < 24 or head[12:16] != b"IHDR":
            return f"image '{path.name}' is not a valid PNG (no header)"
        w, h = struct.unpack(">II", head[16:24])
        if w > IMAGE_MAX_SIDE or h > IMAGE_MAX_SIDE:
            return f"image '{path.name}' is {w}x{h} px, the most is {IMAGE_MAX_SIDE}x{IMAGE_MAX_SIDE}"
    return decode_problem(path)


def decode_problem(path: Path) -> str | None:
    """Decode the image once, as the renderer will (a truncated PNG fails here, not mid-game)."""
    import pygame

    try:
        image = pygame.image.load(str(path))
    except (pygame.error, OSError, ValueError) as exc:
        return f"image '{path.name}' cannot be read: {exc}"
    w, h = image.get_size()
    if w > IMAGE_MAX_SIDE or h > IMAGE_MAX_SIDE:
        return f"image '{path.name}' is {w}x{h} px, the most is {IMAGE_MAX_SIDE}x{IMAGE_MAX_SIDE}"
    return None
