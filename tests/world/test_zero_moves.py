"""A zero move (a body standing still) only remembers where the body stands: Grid.move_body and move_bodies
answer it as the full mover does, bit for bit, from anywhere (in its room, outside it, across a wall that
appeared under it), and a crowd's moves mixing zero and real ones come out as each moved alone."""
import random

import numpy as np

from game.actors.body import Body
from game.world.collision import Grid

TILE = 16


def world(seed):
    rnd = random.Random(seed)
    rows, cols = rnd.randint(4, 12), rnd.randint(4, 12)
    grid = Grid(np.array([[rnd.random() < 0.3 for _ in range(cols)] for _ in range(rows)]), TILE)
    bodies = [Body(rnd.uniform(0, cols * TILE - 10), rnd.uniform(0, rows * TILE - 6), 10.0, 6.0)
              for _ in range(8)]  # anywhere: some overlap walls, as a body a door shut on does
    return rnd, grid, bodies


def velocity(rnd):
    return rnd.choice([(0.0, 0.0), (-0.0, 0.0), (0.0, rnd.uniform(-2, 2)), (rnd.uniform(-2, 2), 0.0),
                       (rnd.uniform(-2, 2), rnd.uniform(-2, 2)), (rnd.uniform(-9, 9), -0.0)])


def test_zero_and_real_moves_come_out_as_the_full_movers_bit_for_bit():
    still = 0
    for seed in range(20):
        rnd, grid, bodies = world(seed)
        for _ in range(200):
            moves = [velocity(rnd) for _ in bodies]
            want = []
            for b, (dx, dy) in zip(bodies, moves):
                b.vx, b.vy = dx, dy
                x, y, hit_x, hit_y = grid.move(b.x, b.y, b.w, b.h, dx, dy)
                want.append((x, y, 0.0 if hit_x else dx, 0.0 if hit_y else dy, b.x, b.y))
                still += not (dx or dy)
            if rnd.random() < 0.5:
                grid.move_bodies(bodies, [m[0] for m in moves], [m[1] for m in moves])
            else:
                for b, (dx, dy) in zip(bodies, moves):
                    grid.move_body(b, dx, dy)
            assert [(b.x, b.y, b.vx, b.vy, b.prev_x, b.prev_y) for b in bodies] == want
            if rnd.random() < 0.05:  # a door shuts or opens, maybe under a body standing still
                grid.set_solid(rnd.randrange(grid.cols), rnd.randrange(grid.rows), rnd.random() < 0.5)
            if rnd.random() < 0.05:  # a body put elsewhere leaves its room behind
                b = rnd.choice(bodies)
                b.x, b.y = rnd.uniform(0, grid.cols * TILE - 10), rnd.uniform(0, grid.rows * TILE - 6)
    assert still > 20 * 200 * 8 // 4  # zero moves were asked often (else this proved little)


def test_a_body_standing_still_keeps_its_sign_of_zero_speed_and_its_prev_is_where_it_stands():
    grid = Grid(np.zeros((4, 4), dtype=bool), TILE)
    b = Body(20.0, 20.0, 10.0, 6.0, vx=-0.0, vy=0.0, prev_x=3.0, prev_y=4.0)
    grid.move_body(b, b.vx, b.vy)
    assert (b.x, b.y, b.prev_x, b.prev_y) == (20.0, 20.0, 20.0, 20.0)
    assert repr((b.vx, b.vy)) == repr((-0.0, 0.0))  # a wall never stopped it: its velocity is as it was
