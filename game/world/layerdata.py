"""Tile layer cells read in bulk: pytmx registers every cell of every layer one Python call at a time
(about half of a level's load); here each layer's cells are decoded once with numpy and pytmx registers
each distinct gid once. A layer this cannot read whole is left to pytmx, which reads it (or fails) as before.
"""
from __future__ import annotations

import logging
import warnings
import xml.etree.ElementTree as ET
from typing import Any

import numpy as np

log = logging.getLogger(__name__)


def decode_cells(layer: ET.Element) -> np.ndarray | None:
    """The raw Tiled gids of a `<layer>` as a (height, width) uint32 array, or None to leave it to pytmx
    (no data, chunks, per-tile elements, an encoding pytmx would refuse, or a cell count that is not
    width x height)."""
    import pytmx

    data = layer.find("data")
    if data is None or data.find("chunk") is not None or data.find("tile") is not None or not data.text:
        return None
    try:
        w, h = int(layer.get("width", "0")), int(layer.get("height", "0"))
        text, encoding, compression = data.text.strip(), data.get("encoding"), data.get("compression")
        cells = csv_gids(text) if encoding == "csv" and compression is None else None
        if cells is None:
            cells = pytmx.pytmx.unpack_gids(text, encoding, compression)
        if cells is None or w <= 0 or len(cells) != w * h:
            return None
        return np.asarray(cells, dtype=np.uint32).reshape(h, w)
    except (ValueError, OverflowError, TypeError):  # pytmx reports the same data its own way
        return None


def csv_gids(text: str) -> np.ndarray | None:
    """The cells of CSV layer text parsed by numpy in one call (a tenth of pytmx's int() a cell), or None
    when the text is not plain whole numbers below 2**32 between commas (then pytmx reads it as before)."""
    from game.world.tmxcheck import csv_cells_ok

    if not csv_cells_ok(text):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # numpy only warns when it stops short of the end
        return np.fromstring(text, dtype=np.int64, sep=",")


def stand_in(layer: ET.Element) -> ET.Element:
    """A copy of `layer` whose data is one empty cell: pytmx reads its attributes and properties only."""
    copy = ET.Element(layer.tag, layer.attrib)
    for child in layer:
        if child.tag != "data":
            copy.append(child)
    ET.SubElement(copy, "data", {"encoding": "csv"}).text = "0"
    return copy


def register_cells(tmx: Any, raw: np.ndarray) -> np.ndarray:
    """pytmx's gids for `raw` (what its own cell-by-cell read gives, up to its numbering), each distinct
    raw gid registered once."""
    distinct, where = np.unique(raw, return_inverse=True)
    ids = np.array([tmx.register_gid_check_flags(int(gid)) for gid in distinct.tolist()], dtype=np.int64)
    return ids[where].reshape(raw.shape)
