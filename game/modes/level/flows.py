"""The flow fields the crowd walks: toward Danko's tile (kept per tile he stood on) and toward fixed goals."""
from __future__ import annotations

import copy
import logging
import weakref
from collections import OrderedDict
from typing import Callable

import numpy as np

from game.modes.level.lazyfield import LazyField
from game.world.navigation import FlowField

log = logging.getLogger(__name__)


_PENDING = object()  # `Flows._field` while the field toward Danko's tile waits to be made


def _nowhere(col: float, row: float) -> tuple[int, int]:
    """`Flows.step_from` before there is a field: stay."""
    return (0, 0)


FIELD_BYTES = 8 << 20  # the fields kept toward tiles Danko stood on (their distance maps), at most
STORE_BYTES = 16 << 20  # the fields a map's store keeps (their distance maps), at most
_STORES: dict[int, "FieldStore"] = {}  # by the id of a tile map, while it lives


class FieldStore:
    """The flow fields made over one map (under any of its sets of walls: doors, buses, cutoffs), by walls
    and target, least recently used first out past STORE_BYTES. A field is a pure function of the walls
    and its target, so every sim of the map shares them: the tries of a run, a checkpoint's copy."""

    def __init__(self) -> None:
        self._walls: dict[bytes, int] = {}  # each set of walls asked over (its cells and shape): a number
        self._fields: OrderedDict[tuple[int, tuple[int, int]], FlowField] = OrderedDict()
        self._bytes = 0

    def __deepcopy__(self, memo: dict) -> "FieldStore":
        return self  # a checkpoint's copy shares it: what it answers never changes

    def field(self, solid: np.ndarray, target: tuple[int, int]) -> FlowField:
        """`FlowField(~solid, target)`'s answers, made once for these walls and this target (a LazyField:
        its search goes only as far out as it is asked)."""
        walls = solid.tobytes() + repr(solid.shape).encode()
        key = (self._walls.setdefault(walls, len(self._walls)), target)
        field = self._fields.get(key)
        if field is not None:
            self._fields.move_to_end(key)
            return field
        field = self._fields[key] = LazyField(~solid, target)
        self._bytes += field.nbytes
        while self._bytes > STORE_BYTES and len(self._fields) > 1:
            self._bytes -= self._fields.popitem(last=False)[1].nbytes
        return field


def store_of(tilemap: object) -> FieldStore:
    """The field store of a tile map, kept while the map lives (every LevelSim made from it shares it)."""
    key = id(tilemap)
    store = _STORES.get(key)
    if store is None:
        store = FieldStore()
        try:
            weakref.finalize(tilemap, _STORES.pop, key, None)
        except TypeError:  # (a stand-in map that cannot be watched: a store of its own sim's)
            return store
        _STORES[key] = store
    return store


class Flows:
    """A field is a pure function of the walls and its target tile, so the fields toward the tiles Danko
    stood on are kept (least recently used first out) until the walls change: a fight that circles
    over the same floor builds each field once (the directions it worked out stay with it)."""

    def __init__(self, tile: int, store: FieldStore | None = None) -> None:
        self.tile = tile
        self.store = store if store is not None else FieldStore()  # where fields are made (shared per map)
        self._field: FlowField | object | None = None  # toward Danko's tile
        self._player_tile: tuple[int, int] | None = None
        self._col = self._row = -1.5  # that tile's column and row as `follow` last worked them out (floats)
        self._kept: OrderedDict[tuple[int, int], FlowField] = OrderedDict()  # toward tiles he stood on
        self._goals: dict[tuple[int, int], FlowField] = {}
        # Unit step (dx, dy) toward Danko from a cell (whole numbers) along the shared flow field: that
        # field's own `direction`, set whenever it changes (one call on every chaser's think).
        self.step_from: Callable[[float, float], tuple[int, int]] = _nowhere
        self._solid: np.ndarray | None = None  # the walls a field not made yet will be made over

    def __deepcopy__(self, memo: dict) -> "Flows":
        """A checkpoint's copy: the fields themselves are shared (each is fixed once made, a pure function
        of the walls and its target, and the copy's walls are these), the bookkeeping is its own."""
        new = Flows.__new__(Flows)
        memo[id(self)] = new
        new.__dict__.update(self.__dict__)
        new._kept = OrderedDict(self._kept)
        new._goals = dict(self._goals)
        new._solid = copy.deepcopy(self._solid, memo)  # the copy's own walls (the level's, through memo)
        if self.step_from == self._make_then_step:
            new.step_from = new._make_then_step
        return new

    def forget(self) -> None:
        """The walls changed (a door, a reload): every field is rebuilt on next asking."""
        self._field = None
        self._solid = None
        self.step_from = _nowhere
        self._kept.clear()
        self._goals.clear()

    def follow(self, solid: np.ndarray, fx: float, fy: float) -> None:
        """Aim the shared field at the tile under feet (fx, fy); a no-op while that tile stays the same.
        A field not kept yet is only made when a walker first asks it (`step_from`): while Danko walks
        where nobody follows him, no field is made at all."""
        col, row = fx // self.tile, (fy - 1) // self.tile  # whole floats: the same tile as ints, compared
        if col != self._col or row != self._row or self._field is None:  # without int() or a tuple a step
            tile = self._player_tile = (int(col), int(row))
            self._col, self._row = col, row
            field = self._kept.get(tile)
            if field is None:
                self._field = _PENDING
                self._solid = solid
                self.step_from = self._make_then_step
                return
            self._kept.move_to_end(tile)
            self._field = field
            self.step_from = field.direction

    def _make_then_step(self, col: float, row: float) -> tuple[int, int]:
        """`step_from` while the field toward Danko's tile is not made yet: make it (the walls have not
        changed since `follow`: a change calls `forget`, which drops this), keep it, and step on it."""
        solid, tile = self._solid, self._player_tile
        assert solid is not None and tile is not None
        field = self._field = self._kept[tile] = self.store.field(solid, tile)
        self.step_from = field.direction
        if len(self._kept) > max(4, FIELD_BYTES // max(1, 4 * solid.size)):
            self._kept.popitem(last=False)
        return field.direction(col, row)

    def toward(self, solid: np.ndarray, gx: float, gy: float) -> FlowField:
        """A flow field toward a fixed point (scripted walks), cached per goal tile."""
        key = (int(gx // self.tile), int((gy - 1) // self.tile))
        if key not in self._goals:
            self._goals[key] = self.store.field(solid, key)
        return self._goals[key]
