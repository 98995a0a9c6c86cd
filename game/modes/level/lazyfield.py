"""A flow field whose breadth-first search goes only as far out as it is asked: FlowField's answers.

The crowd asks the field toward Danko's tile from the cells of the thugs near him: about a quarter of the
rings a search of the whole map makes (measured on the bathhouse, the hotel and the transfer). The first
FIRST_RINGS rings come from `distance_map(..., within)`; further out the same bitboard search goes on,
each stretch of rings written into the distances at once. A direction out of a cell is the whole map's
as soon as the cell's own distance is known: so are its neighbours' nearer the target (the only ones
`downhill` may pick); one not known yet is further out, and a floor cell beside a reachable one is never
cut off (UNREACHABLE), which is all its corner test asks of the four beside it.
"""
from __future__ import annotations

import logging

import numpy as np

from game.world import navigation
from game.world.navigation import PENDING, UNREACHABLE, WEIGHTS, FlowField, downhill, from_bits, to_bits

log = logging.getLogger(__name__)

FIRST_RINGS = 24   # the first stretch of a search
_ALL = 1 << 62     # `_reach` once the search is over


class LazyField(FlowField):
    """`FlowField(walkable, target)`'s `direction`, `steps` and `dist`, searching only as far as asked."""

    def __init__(self, walkable: np.ndarray, target: tuple[int, int]) -> None:
        self.target = target
        self.rows, self.cols = walkable.shape
        self.nbytes = walkable.size * 4  # (the whole distance map's)
        self._steps: dict[complex, tuple[int, int]] = {}  # by col + row j, as asked
        self._dist = navigation.distance_map(walkable, target, FIRST_RINGS)  # the distances known so far
        self._reach = FIRST_RINGS if (self._dist == PENDING).any() else _ALL  # (known up to this many steps)
        self._search: tuple[int, int, np.ndarray] | None = None  # the search's frontier, floor not reached yet

    @property
    def dist(self) -> np.ndarray:
        """The whole distance map (searched to the end first)."""
        if self._reach < _ALL:
            self._go_on(_ALL)
        return self._dist

    def direction(self, col: float, row: float) -> tuple[int, int]:
        """FlowField.direction (whole floats allowed, kept by col + row j), searching as far as the cell."""
        try:
            return self._steps[col + row * 1j]
        except KeyError:
            if not (0 <= row < self.rows and 0 <= col < self.cols):
                return (0, 0)
            c, r = int(col), int(row)
            while not self._dist.item(r, c) <= self._reach:  # (a wall or a cut-off cell: to the end)
                self._go_on(2 * self._reach)
            step = self._steps[col + row * 1j] = downhill(self._dist, c, r)
            return step

    def steps(self, col: int, row: int) -> int:
        """FlowField.steps: steps from (col, row) to the target; UNREACHABLE when cut off or off the map."""
        if not (0 <= row < self.rows and 0 <= col < self.cols):
            return UNREACHABLE
        while not self._dist.item(row, col) <= self._reach:
            self._go_on(2 * self._reach)
        return self._dist.item(row, col)

    def _go_on(self, reach: int) -> None:
        """Search on until every cell at most `reach` steps away (or every reachable one) is known.

        rings[j] holds the floor cells further than `_reach + j` steps (and the cut-off ones), so a cell
        found in this stretch is in the first v of them, v its steps past `_reach`: bit i of v is the
        parity of how many of rings[k * 2**i - 1] (k = 1, 2, ...) hold it."""
        if self._search is None:  # (the bitboards, one bit a cell and a wall column after each row)
            flat = np.full((self.rows, self.cols + 1), UNREACHABLE, dtype=np.int32)
            flat[:, :-1] = self._dist
            self._dist = flat[:, :-1]
            self._search = (to_bits(flat == self._reach), to_bits(flat == PENDING), flat.ravel())
        frontier, unseen, flat = self._search
        stride, base = self.cols + 1, self._reach
        rings = [unseen]
        while frontier and base + len(rings) - 1 < reach:
            frontier = ((frontier << 1) | (frontier >> 1) | (frontier << stride) | (frontier >> stride)) & unseen
            unseen ^= frontier
            rings.append(unseen)
        self._search = (frontier, unseen, flat)
        found = [rings[0] ^ unseen]
        span = 1
        while span < len(rings):
            plane = 0
            for ring in rings[span - 1::span]:
                plane ^= ring
            found.append(plane)
            span *= 2
        bits = from_bits(found, flat.size)
        new = bits[0].view(bool)
        flat[new] = (WEIGHTS[:len(found) - 1] @ bits[1:])[new] + base
        self._reach = base + len(rings) - 1
        if not frontier:  # the search is over: the floor it never reached is cut off
            flat[flat == PENDING] = UNREACHABLE
            self._reach = _ALL
