"""Action levels read as places: room to fight, and no screen that is mostly one repeated tile.

A screen is the game's view, 320x180 px (20x12 cells of 16 px, the last row partly shown). Every
screen-sized window of the map, at every cell offset, is checked: the most common cell look (the stack
of all visible tile layers in that cell) may cover at most MAX_SHARE of it.
"""
import numpy as np
import pytest

from game.paths import level_files
from game.world.render import unique_stacks
from game.world.tilemap import load_tilemap

VIEW = (320, 180)
MAX_SHARE = 0.5  # of a screen's cells showing the same tile stack
MIN_SCREENS = 6  # screens of floor (cells that do not block) to fight across


def action_levels():
    """The maps played on foot (not the chase, not the puzzle): the fights and the hospital's hunt."""
    out = []
    for path in level_files():
        tilemap = load_tilemap(path)
        if tilemap.properties.get("mode", "level") == "level":
            out.append(path)
    return out


ACTION_LEVELS = action_levels()  # worked out once at collection: each level is loaded to read its mode


def cell_looks(tilemap) -> np.ndarray:
    """int (H, W): one id per distinct stack of visible tile gids."""
    layers = [layer for layer in tilemap.layers if layer.visible]
    raws = np.stack([layer.gids.view(np.uint32) for layer in layers], axis=-1)
    _, inverse = unique_stacks(raws.reshape(-1, raws.shape[-1]))
    return inverse.reshape(tilemap.height, tilemap.width)


def worst_window(looks: np.ndarray, rows: int, cols: int) -> tuple[float, tuple[int, int]]:
    """The largest share one look has in any rows x cols window, and that window's top-left cell."""
    h, w = looks.shape
    best, where = 0.0, (0, 0)
    for look in np.unique(looks):
        hits = np.pad((looks == look).cumsum(0).cumsum(1), ((1, 0), (1, 0)))
        counts = (hits[rows:, cols:] - hits[:-rows, cols:] - hits[rows:, :-cols] + hits[:-rows, :-cols])
        r, c = np.unravel_index(counts.argmax(), counts.shape)
        if counts[r, c] / (rows * cols) > best:
            best, where = counts[r, c] / (rows * cols), (int(c), int(r))
    return best, where


@pytest.mark.parametrize("level", ACTION_LEVELS, ids=lambda p: p.name)
def test_no_screen_is_mostly_one_repeated_tile(level):
    tilemap = load_tilemap(level)
    rows, cols = -(-VIEW[1] // tilemap.tile_h), VIEW[0] // tilemap.tile_w
    share, (c, r) = worst_window(cell_looks(tilemap), rows, cols)
    assert share <= MAX_SHARE, (f"{level.name}: the screen at cell ({c},{r}) is {share:.0%} one tile stack")


@pytest.mark.parametrize("level", ACTION_LEVELS, ids=lambda p: p.name)
def test_every_action_level_has_room_to_fight(level):
    tilemap = load_tilemap(level)
    screens = (~tilemap.solid).sum() * tilemap.tile_w * tilemap.tile_h / (VIEW[0] * VIEW[1])
    assert screens >= MIN_SCREENS, f"{level.name}: {screens:.1f} screens of floor"


def test_worst_window_finds_a_uniform_patch():
    looks = np.arange(40 * 30).reshape(30, 40) % 7
    looks[5:17, 10:30] = 99
    share, where = worst_window(looks, 12, 20)
    assert share == 1.0 and where == (10, 5)
