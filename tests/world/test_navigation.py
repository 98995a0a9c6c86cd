from collections import deque

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from game.world.navigation import UNREACHABLE, FlowField, distance_map, downhill


def reference_bfs(walkable, start):
    rows, cols = walkable.shape
    open_ = walkable.tolist()  # plain lists: the same search, without numpy's per-element cost
    dist = [[UNREACHABLE] * cols for _ in range(rows)]
    c, r = start
    if not (0 <= r < rows and 0 <= c < cols) or not open_[r][c]:
        return np.array(dist, dtype=np.int32).reshape(rows, cols)
    dist[r][c] = 0
    queue = deque([(r, c)])
    while queue:
        r, c = queue.popleft()
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and open_[nr][nc] and dist[nr][nc] == UNREACHABLE:
                dist[nr][nc] = dist[r][c] + 1
                queue.append((nr, nc))
    return np.array(dist, dtype=np.int32).reshape(rows, cols)


@st.composite
def grids(draw):
    rows = draw(st.integers(1, 30))
    cols = draw(st.integers(1, 70))  # past 64 columns: rows span several machine words
    # One byte a cell, walkable below a drawn density: open floors, mazes and solid rock alike, in one
    # draw (a list of booleans costs hypothesis a draw per cell: most of this file's time).
    density = draw(st.integers(0, 256))
    cells = np.frombuffer(draw(st.binary(min_size=rows * cols, max_size=rows * cols)), dtype=np.uint8)
    start = (draw(st.integers(-1, cols)), draw(st.integers(-1, rows)))
    return (cells.astype(np.int32) < density).reshape(rows, cols), start


@settings(max_examples=300, deadline=None)
@given(grids())
def test_distance_map_equals_a_plain_breadth_first_search(case):
    walkable, start = case
    got = distance_map(walkable, start)
    assert got.dtype == np.int32
    assert (got == reference_bfs(walkable, start)).all()


def test_long_corridor_counts_past_many_bit_planes():
    walkable = np.zeros((3, 600), dtype=bool)
    walkable[1, :] = True
    dist = distance_map(walkable, (0, 1))
    assert dist[1, 599] == 599 and dist[0, 0] == UNREACHABLE


def test_downhill_steps_toward_the_start_without_cutting_corners():
    walkable = np.ones((5, 5), dtype=bool)
    walkable[1, 2] = False  # a pillar
    dist = distance_map(walkable, (2, 0))
    # straight up is the pillar and both upward diagonals would clip its corner: go round it
    assert downhill(dist, 2, 2) == (1, 0)
    dx, dy = downhill(dist, 4, 4)
    assert dist[4 + dy, 4 + dx] < dist[4, 4]
    assert downhill(dist, 2, 0) == (0, 0)


@settings(max_examples=150, deadline=None)
@given(grids())
def test_flow_field_agrees_with_downhill_everywhere(case):
    walkable, start = case
    field = FlowField(walkable, start)
    dist = distance_map(walkable, start)
    assert (field.dist == dist).all()
    rows, cols = walkable.shape
    for _ in range(2):  # worked out on first asking, then kept: the same answers
        for r in range(rows):
            for c in range(cols):
                assert field.direction(c, r) == downhill(dist, c, r), (c, r)
                assert field.steps(c, r) == dist[r, c]
    assert field.direction(-1, 0) == (0, 0) and field.direction(cols, rows) == (0, 0)
    assert field.steps(-1, 0) == UNREACHABLE and field.steps(cols, rows) == UNREACHABLE


@settings(max_examples=80, deadline=None)
@given(grids())
def test_following_the_flow_field_reaches_the_target(case):
    walkable, start = case
    field = FlowField(walkable, start)
    rows, cols = walkable.shape
    for r in range(rows):
        for c in range(cols):
            if field.steps(c, r) == UNREACHABLE:  # a wall or cut-off cell: out to reachable ground, if any
                dx, dy = field.direction(c, r)
                assert (dx, dy) == (0, 0) or field.steps(c + dx, r + dy) < UNREACHABLE
                continue
            col, row = c, r
            for _ in range(rows * cols):
                dx, dy = field.direction(col, row)
                if (dx, dy) == (0, 0):
                    break
                if dx and dy:  # a diagonal never cuts a wall's corner
                    assert walkable[row, col + dx] and walkable[row + dy, col]
                col, row = col + dx, row + dy
                assert walkable[row, col]
            assert (col, row) == start
