"""FlowField.direction keeps each cell's step under one key, col + row j: asked in any order, as ints or whole
floats, on the map or just off it (where a row-major index would land on a cell of the next or last row), it
answers what `downhill` answers (off the map: (0, 0))."""
import random

import numpy as np

from game.world.navigation import FlowField, distance_map, downhill


def test_every_cell_and_its_neighbours_off_the_map_answer_as_downhill():
    rnd = random.Random(4)
    for _ in range(25):
        rows, cols = rnd.randint(1, 9), rnd.randint(1, 9)
        walkable = np.array([[rnd.random() < 0.75 for _ in range(cols)] for _ in range(rows)])
        target = (rnd.randrange(cols), rnd.randrange(rows))
        field, dist = FlowField(walkable, target), distance_map(walkable, target)
        cells = [(c, r) for r in range(-1, rows + 1) for c in range(-1, cols + 1)] * 3
        rnd.shuffle(cells)
        for c, r in cells:
            on_map = 0 <= r < rows and 0 <= c < cols
            want = downhill(dist, c, r) if on_map else (0, 0)
            ask = (float(c), float(r)) if rnd.random() < 0.5 else (c, r)
            assert field.direction(*ask) == want, (c, r, rows, cols)


def test_a_field_whose_steps_differ_from_cell_to_cell_in_both_axes():
    # A plus-shaped floor round the target: each arm steps its own way, so a key that dropped the row or
    # the column, or mixed them up, answers some arm with another's step.
    walkable = np.zeros((5, 5), dtype=bool)
    walkable[2, :] = walkable[:, 2] = True
    field = FlowField(walkable, (2, 2))
    asked = [(0, 2), (2, 0), (4, 2), (2, 4), (1, 2), (2, 1), (3, 2), (2, 3), (2, 2)]
    steps = [field.direction(c, r) for c, r in asked]
    assert steps == [(1, 0), (0, 1), (-1, 0), (0, -1), (1, 0), (0, 1), (-1, 0), (0, -1), (0, 0)]
    assert [field.direction(float(r), float(c)) for c, r in asked] == [steps[i] for i in (1, 0, 3, 2, 5, 4, 7, 6, 8)]
