"""Tile layers read in bulk (game.world.layerdata) give the map pytmx's cell-by-cell read gives, flips
and every encoding included; what the bulk read cannot take is left to pytmx and fails as it did."""
from __future__ import annotations

import base64
import xml.etree.ElementTree as ET
import zlib

import numpy as np
import pytest

from game.world import layerdata
from game.world.tilemap import FLIP_D, FLIP_H, FLIP_V, LevelError, load_tilemap
from tests.conftest import room, tmx_text


def _both(path, monkeypatch):
    bulk = load_tilemap(path)
    monkeypatch.setattr(layerdata, "decode_cells", lambda layer: None)  # every layer read by pytmx
    cell_by_cell = load_tilemap(path)
    monkeypatch.undo()
    return bulk, cell_by_cell


def _layer(name: str, cells: np.ndarray, encoding: str) -> str:
    h, w = cells.shape
    if encoding == "csv":
        data = f'<data encoding="csv">{",".join(str(int(v)) for v in cells.ravel())}</data>'
    else:
        packed = base64.b64encode(zlib.compress(cells.astype("<u4").tobytes())).decode()
        data = f'<data encoding="base64" compression="zlib">{packed}</data>'
    return f'<layer id="5" name="{name}" width="{w}" height="{h}">{data}</layer>'


@pytest.mark.parametrize("encoding", ["csv", "base64"])
def test_bulk_read_equals_the_cell_by_cell_read_flips_included(write_level, monkeypatch, encoding):
    ground = room(8, 6)
    props = np.array(ground, dtype=np.uint32)
    props[2, 2] = 1 | FLIP_H
    props[2, 3] = 2 | FLIP_V | FLIP_D
    props[3, 4] = 0
    path = write_level(tmx_text(ground, extra_layers=_layer("props", props, encoding)))
    bulk, cell_by_cell = _both(path, monkeypatch)
    assert [layer.name for layer in bulk.layers] == [layer.name for layer in cell_by_cell.layers]
    for a, b in zip(bulk.layers, cell_by_cell.layers):
        assert a.gids.dtype == b.gids.dtype and np.array_equal(a.gids, b.gids)
    assert np.array_equal(bulk.solid, cell_by_cell.solid)
    assert bulk.tile_properties == cell_by_cell.tile_properties
    assert int(bulk.layers[1].gids.view(np.uint32)[2, 2]) == 1 | FLIP_H


def test_a_layer_of_the_wrong_size_is_left_to_pytmx_and_fails_as_before(write_level, monkeypatch):
    short = _layer("props", np.ones((6, 8), dtype=np.uint32), "csv").replace('width="8"', 'width="9"')
    path = write_level(tmx_text(room(8, 6), extra_layers=short))
    layer = ET.fromstring(short)
    assert layerdata.decode_cells(layer) is None
    with pytest.raises(LevelError) as bulk:
        load_tilemap(path)
    monkeypatch.setattr(layerdata, "decode_cells", lambda layer: None)
    with pytest.raises(LevelError) as cell_by_cell:
        load_tilemap(path)
    assert str(bulk.value) == str(cell_by_cell.value)
