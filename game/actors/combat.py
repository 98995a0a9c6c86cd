"""Combat rules shared by Danko and his enemies: attack frame data, hitboxes, a cheap grid mover.

Everything here is pure logic on the fixed 60 Hz step (lengths in steps, speeds in px/step). The mover
works on a plain list-of-lists copy of the solid grid so that forty enemies stay cheap per step, and it
never leaves a box overlapping a wall: knockback goes through it like every other move.
"""
from __future__ import annotations

import logging
import math
from dataclasses import dataclass

import numpy as np

log = logging.getLogger(__name__)

MAX_SUBSTEP = 7.0  # px: below the smallest box side, so a sweep can never skip a wall cell
HURT_PAD = 3.0     # targets are hit a little outside their feet box (they have a body above the feet)


@dataclass(frozen=True)
class Attack:
    """Frame data of one attack. For enemies `startup` is the visible tell before the strike."""

    name: str
    startup: int
    active: int
    recovery: int
    damage: int
    reach: float          # hitbox centre, px ahead of the attacker's feet centre
    size: float           # hitbox side, px
    knockback: float      # initial knockback speed, px/step
    hitstun: int
    knockdown: bool = False
    hitstop: int = 4
    lunge: float = 0.0    # forward speed during startup and active steps
    cancel_from: int = 0  # steps after the start from which a buffered follow-up may cancel it
    sound: str = "punch"
    ranged: bool = False  # fires a projectile on its first active step instead of a hitbox

    @property
    def total(self) -> int:
        return self.startup + self.active + self.recovery

    def phase(self, t: int) -> str:
        """'startup', 'active' or 'recovery' for step t (1-based since the attack began)."""
        if t <= self.startup:
            return "startup"
        if t <= self.startup + self.active:
            return "active"
        return "recovery"


def hitbox(fx: float, fy: float, ax: float, ay: float, attack: Attack) -> tuple[float, float, float, float]:
    """Square hitbox `attack.size` wide, centred `attack.reach` px along (ax, ay) from feet (fx, fy)."""
    s = attack.size
    cx, cy = fx + ax * attack.reach, fy - 3 + ay * attack.reach
    return (cx - s / 2, cy - s / 2, s, s)


def boxes_overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float],
                  pad: float = 0.0) -> bool:
    return (a[0] < b[0] + b[2] + pad and b[0] - pad < a[0] + a[2]
            and a[1] < b[1] + b[3] + pad and b[1] - pad < a[1] + a[3])


def unit(dx: float, dy: float) -> tuple[float, float]:
    d = math.hypot(dx, dy)
    return (dx / d, dy / d) if d > 1e-9 else (0.0, 0.0)


def snap8(dx: float, dy: float) -> tuple[float, float]:
    """The nearest of the eight directions, as a unit vector."""
    if dx == 0 and dy == 0:
        return (0.0, 1.0)
    angle = round(math.atan2(dy, dx) / (math.pi / 4)) * (math.pi / 4)
    return (round(math.cos(angle), 6), round(math.sin(angle), 6))


class Grid:
    """The solid grid as nested Python lists, with a move-and-slide for boxes of any speed."""

    def __init__(self, solid: np.ndarray, tile: int) -> None:
        self.tile = tile
        self.rows, self.cols = solid.shape
        self.cells: list[list[bool]] = solid.tolist()

    def set_solid(self, col: int, row: int, value: bool) -> None:
        if 0 <= row < self.rows and 0 <= col < self.cols:
            self.cells[row][col] = value

    def solid_at(self, col: int, row: int) -> bool:
        if 0 <= row < self.rows and 0 <= col < self.cols:
            return self.cells[row][col]
        return True

    def box_blocked(self, x: float, y: float, w: float, h: float) -> bool:
        t = self.tile
        c0, c1 = int(x // t), int((x + w - 1e-6) // t)
        r0, r1 = int(y // t), int((y + h - 1e-6) // t)
        if c0 < 0 or r0 < 0 or c1 >= self.cols or r1 >= self.rows:
            return True
        cells = self.cells
        for r in range(r0, r1 + 1):
            row = cells[r]
            for c in range(c0, c1 + 1):
                if row[c]:
                    return True
        return False

    def move(self, x: float, y: float, w: float, h: float, dx: float,
             dy: float) -> tuple[float, float, bool, bool]:
        """Move the box by (dx, dy), x then y, in sub-steps; stop flush at walls. -> x, y, hit_x, hit_y.

        Only the cells newly entered by the leading edge are looked at, so a move inside the
        cells the box already covers costs a few float operations.
        """
        if abs(dx) <= MAX_SUBSTEP and abs(dy) <= MAX_SUBSTEP:
            return self.move_small(x, y, w, h, dx, dy)
        n = int(max(abs(dx), abs(dy)) / MAX_SUBSTEP) + 1
        sx, sy = dx / n, dy / n
        hit_x = hit_y = False
        t = self.tile
        cells = self.cells
        for _ in range(n):
            if sx and not hit_x:
                nx = x + sx
                if sx > 0:
                    old_c, new_c = int((x + w - 1e-6) // t), int((nx + w - 1e-6) // t)
                else:
                    old_c, new_c = int(x // t), int(nx // t)
                if new_c != old_c:
                    r0, r1 = int(y // t), int((y + h - 1e-6) // t)
                    blocked = new_c < 0 or new_c >= self.cols or r0 < 0 or r1 >= self.rows
                    if not blocked:
                        for r in range(r0, r1 + 1):
                            if cells[r][new_c]:
                                blocked = True
                                break
                    if blocked:
                        hit_x = True
                        nx = new_c * t - w - 1e-4 if sx > 0 else (new_c + 1) * t + 1e-4
                x = nx
            if sy and not hit_y:
                ny = y + sy
                if sy > 0:
                    old_r, new_r = int((y + h - 1e-6) // t), int((ny + h - 1e-6) // t)
                else:
                    old_r, new_r = int(y // t), int(ny // t)
                if new_r != old_r:
                    c0, c1 = int(x // t), int((x + w - 1e-6) // t)
                    blocked = new_r < 0 or new_r >= self.rows or c0 < 0 or c1 >= self.cols
                    if not blocked:
                        row = cells[new_r]
                        for c in range(c0, c1 + 1):
                            if row[c]:
                                blocked = True
                                break
                    if blocked:
                        hit_y = True
                        ny = new_r * t - h - 1e-4 if sy > 0 else (new_r + 1) * t + 1e-4
                y = ny
        return x, y, hit_x, hit_y

    def move_small(self, x: float, y: float, w: float, h: float, dx: float,
                   dy: float) -> tuple[float, float, bool, bool]:
        """`move` for a step of at most MAX_SUBSTEP on each axis (one sub-step): the same arithmetic,
        unrolled, because nearly every move of every actor is one of these."""
        t = self.tile
        hit_x = hit_y = False
        if dx:
            nx = x + dx
            if dx > 0:
                old_c, new_c = int((x + w - 1e-6) // t), int((nx + w - 1e-6) // t)
            else:
                old_c, new_c = int(x // t), int(nx // t)
            if new_c != old_c:
                r0, r1 = int(y // t), int((y + h - 1e-6) // t)
                blocked = new_c < 0 or new_c >= self.cols or r0 < 0 or r1 >= self.rows
                if not blocked:
                    cells = self.cells
                    for r in range(r0, r1 + 1):
                        if cells[r][new_c]:
                            blocked = True
                            break
                if blocked:
                    hit_x = True
                    nx = new_c * t - w - 1e-4 if dx > 0 else (new_c + 1) * t + 1e-4
            x = nx
        if dy:
            ny = y + dy
            if dy > 0:
                old_r, new_r = int((y + h - 1e-6) // t), int((ny + h - 1e-6) // t)
            else:
                old_r, new_r = int(y // t), int(ny // t)
            if new_r != old_r:
                c0, c1 = int(x // t), int((x + w - 1e-6) // t)
                blocked = new_r < 0 or new_r >= self.rows or c0 < 0 or c1 >= self.cols
                if not blocked:
                    row = self.cells[new_r]
                    for c in range(c0, c1 + 1):
                        if row[c]:
                            blocked = True
                            break
                if blocked:
                    hit_y = True
                    ny = new_r * t - h - 1e-4 if dy > 0 else (new_r + 1) * t + 1e-4
            y = ny
        return x, y, hit_x, hit_y

    def line_of_sight(self, x0: float, y0: float, x1: float, y1: float) -> bool:
        """Grid ray march (Amanatides-Woo) in pure Python: True when no solid cell lies between."""
        t = self.tile
        cx, cy = int(x0 // t), int(y0 // t)
        ex, ey = int(x1 // t), int(y1 // t)
        dx, dy = x1 - x0, y1 - y0
        step_x = 1 if dx > 0 else -1
        step_y = 1 if dy > 0 else -1
        t_dx = abs(t / dx) if dx else math.inf
        t_dy = abs(t / dy) if dy else math.inf
        nx = ((cx + (step_x > 0)) * t - x0) / dx if dx else math.inf
        ny = ((cy + (step_y > 0)) * t - y0) / dy if dy else math.inf
        for _ in range(abs(ex - cx) + abs(ey - cy) + 1):
            if self.solid_at(cx, cy):
                return False
            if cx == ex and cy == ey:
                return True
            if nx < ny:
                nx, cx = nx + t_dx, cx + step_x
            else:
                ny, cy = ny + t_dy, cy + step_y
        return True

    def ray_length(self, x0: float, y0: float, ux: float, uy: float, max_len: float) -> float:
        """Distance along unit (ux, uy) from (x0, y0) to the first solid cell, at most max_len."""
        d = 0.0
        while d < max_len:
            d = min(max_len, d + 4.0)
            if self.solid_at(int((x0 + ux * d) // self.tile), int((y0 + uy * d) // self.tile)):
                return max(0.0, d - 4.0)
        return max_len


def flow_directions(dist: np.ndarray, unreachable: int) -> tuple[list[list[int]], list[list[int]]]:
    """For every cell, the unit step (dx, dy) toward the lowest 8-neighbour of a distance map.

    Vectorized over the whole grid; diagonal steps never cut a corner. Computed once per player tile
    change and shared by every enemy, which then just indexes it. In-place masked copies on int32
    (no temporaries per neighbour): this runs every time Danko enters a new tile.
    """
    rows, cols = dist.shape
    big = min(int(unreachable), int(np.iinfo(np.int32).max))
    padded = np.full((rows + 2, cols + 2), big, dtype=np.int32)
    padded[1:-1, 1:-1] = np.minimum(dist, big)
    blocked = padded >= big  # cells a diagonal step may not cut past
    best = padded[1:-1, 1:-1].copy()
    bx = np.zeros((rows, cols), dtype=np.int8)
    by = np.zeros((rows, cols), dtype=np.int8)
    better = np.empty((rows, cols), dtype=bool)
    for ddx, ddy in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)):
        nb = padded[1 + ddy:1 + ddy + rows, 1 + ddx:1 + ddx + cols]
        np.less(nb, best, out=better)
        if ddx and ddy:  # best <= big, so a blocked neighbour (big) never wins: mask it out instead
            better &= ~blocked[1:1 + rows, 1 + ddx:1 + ddx + cols]
            better &= ~blocked[1 + ddy:1 + ddy + rows, 1:1 + cols]
        np.copyto(best, nb, where=better)
        if ddx:
            np.copyto(bx, ddx, where=better)
        else:
            bx[better] = 0
        if ddy:
            np.copyto(by, ddy, where=better)
        else:
            by[better] = 0
    return bx.tolist(), by.tolist()
