"""A body's free room (Grid.move_body's shortcut) moves it exactly as the full mover does: bit for bit, with
the same hits, over long random walks among random walls that doors change under it and teleports that
leave a room behind."""
import random

import numpy as np

from game.actors.body import Body
from game.world.collision import EPS, GAP, Grid

TILE = 16


def walls(rnd, rows, cols, density):
    solid = np.array([[rnd.random() < density for _ in range(cols)] for _ in range(rows)])
    solid[rows // 2, :] = False  # a corridor through, so the walkers have room to walk
    solid[:, cols // 2] = False
    return solid


def free_spot(rnd, grid, w, h):
    while True:
        x, y = rnd.uniform(0, grid.cols * TILE - w), rnd.uniform(0, grid.rows * TILE - h)
        cells = [(c, r) for c in range(int(x // TILE), int((x + w - 1e-6) // TILE) + 1)
                 for r in range(int(y // TILE), int((y + h - 1e-6) // TILE) + 1)]
        if not any(grid.solid_at(c, r) for c, r in cells):
            return x, y


def step(rnd):
    """A velocity as the game makes them: mostly small, sometimes zero on an axis, now and then a shove
    beyond one sub-step, and tiny pushes that leave a body flush on a wall."""
    kind = rnd.randrange(6)
    if kind == 0:
        return rnd.uniform(-12, 12), rnd.uniform(-12, 12)
    if kind == 1:
        return rnd.choice([0.0, rnd.uniform(-2, 2)]), rnd.choice([0.0, rnd.uniform(-2, 2)])
    if kind == 2:
        return rnd.uniform(-1e-4, 1e-4) * rnd.choice([1, 2, 3]), rnd.uniform(-3e-4, 3e-4)
    if kind == 3:  # from flush on a wall (GAP off it), a push that ends within EPS of entering it, or not
        edge = [GAP + EPS * rnd.uniform(-2, 2) for _ in range(2)]
        return rnd.choice([-1, 1]) * edge[0], rnd.choice([-1, 1, 0]) * edge[1]
    return rnd.uniform(-3, 3), rnd.uniform(-3, 3)


def walk(seed, steps=3000, doors=True, teleports=True):
    rnd = random.Random(seed)
    rows, cols = rnd.randint(4, 14), rnd.randint(4, 14)
    solid = walls(rnd, rows, cols, rnd.choice([0.0, 0.15, 0.35, 0.6]))
    grid = Grid(solid, TILE)
    sizes = [(10.0, 6.0), (12.0, 7.0), (rnd.uniform(2, 15), rnd.uniform(2, 15))]
    bodies = []
    for w, h in sizes * 3:
        x, y = free_spot(rnd, grid, w, h)
        bodies.append(Body(x, y, w, h))
    shortcuts = 0
    for _ in range(steps):
        b = rnd.choice(bodies)
        if rnd.random() < 0.7:  # keep going the same way for a while: it runs into walls and rests on them
            b.vx, b.vy = step(rnd)
        want_x, want_y, hit_x, hit_y = grid.move(b.x, b.y, b.w, b.h, b.vx, b.vy)
        start, v = (b.x, b.y), (b.vx, b.vy)
        shortcuts += b.room[0] == grid.era
        grid.move_body(b, b.vx, b.vy)
        assert (b.x, b.y) == (want_x, want_y), (start, v, b.room)
        assert (b.prev_x, b.prev_y) == start
        assert (b.vx, b.vy) == (0.0 if hit_x else v[0], 0.0 if hit_y else v[1])
        if doors and rnd.random() < 0.01:  # a door shuts or opens somewhere, maybe right beside a walker
            near = rnd.choice(bodies)
            c, r = int(near.x // TILE) + rnd.choice([-1, 0, 1, 2]), int(near.y // TILE) + rnd.choice([-1, 0, 1])
            covered = any(int(o.x // TILE) <= c <= int((o.x + o.w) // TILE)
                          and int(o.y // TILE) <= r <= int((o.y + o.h) // TILE) for o in bodies)
            if not covered:
                grid.set_solid(c, r, not grid.solid_at(c, r))
        if teleports and rnd.random() < 0.01:  # a respawn or a script puts a body elsewhere
            t = rnd.choice(bodies)
            t.x, t.y = free_spot(rnd, grid, t.w, t.h)
    return shortcuts


def test_moves_through_rooms_are_the_full_movers_moves_bit_for_bit():
    used = sum(walk(seed) for seed in range(40))
    assert used > 40 * 3000 // 2  # the shortcut was taken on most moves (else this proved nothing)


def test_a_wall_that_appears_in_a_room_stops_the_body_there():
    grid = Grid(np.zeros((6, 6), dtype=bool), TILE)
    b = Body(20.0, 20.0, 10.0, 6.0)
    grid.move_body(b, 1.0, 0.0)  # its room is worked out: the open floor round it
    assert b.room[0] == grid.era and b.room[2] > 40
    grid.set_solid(2, 1, True)  # a door shuts in the column ahead
    x = b.x
    for _ in range(20):
        x, _, hit_x, _ = grid.move(x, b.y, b.w, b.h, 1.0, 0.0)
        b.vx = 1.0
        grid.move_body(b, 1.0, 0.0)
        assert b.x == x and (b.vx == 0.0) == hit_x
    assert 2 * TILE - 10 - GAP <= b.x <= 2 * TILE - 10 and hit_x  # it stopped at the door


def test_a_copy_of_the_grid_keeps_the_rooms_its_walls_allow():
    import copy

    grid = Grid(np.zeros((6, 6), dtype=bool), TILE)
    b = Body(20.0, 20.0, 10.0, 6.0)
    grid.move_body(b, 1.0, 0.0)
    twin = copy.deepcopy(grid)
    assert twin.era == grid.era  # the same walls: the rooms worked out under them still hold
    twin.set_solid(3, 1, True)
    assert twin.era != grid.era  # the copy's walls changed, the original's did not
    grid.move_body(b, 1.0, 0.0)
    assert b.room[0] == grid.era


def test_the_doorway_test_answers_the_same_with_the_walkers_room():
    from game.world.corners import gap_side

    rnd = random.Random(3)
    asked = 0
    for seed in range(30):
        rnd = random.Random(seed)
        rows, cols = rnd.randint(4, 12), rnd.randint(4, 12)
        grid = Grid(walls(rnd, rows, cols, rnd.choice([0.1, 0.3, 0.5])), TILE)
        b = Body(*free_spot(rnd, grid, 10.0, 6.0), 10.0, 6.0)
        for _ in range(400):
            b.vx, b.vy = rnd.uniform(-2, 2), rnd.uniform(-2, 2)
            grid.move_body(b, b.vx, b.vy)
            if rnd.random() < 0.02:  # a door changes: the room it holds is stale until it moves again
                grid.set_solid(rnd.randrange(cols), rnd.randrange(rows), rnd.random() < 0.5)
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                asked += grid.holds(b.room, b.x + dx * 2.0, b.y + dy * 2.0)
                assert (gap_side(grid, b.x, b.y, b.w, b.h, dx, dy, room=b.room)
                        == gap_side(grid, b.x, b.y, b.w, b.h, dx, dy))
    assert asked > 1000  # the room answered often (else this proved nothing)
