"""Rostavili's sleeve derringer, drawn: during his gun's wind-up a flick of the wrist (his arm snaps out,
two flick marks) slides the little gun from his sleeve into his hand, then the red aim line runs until
he fires. Draw-only, on the game clock; the tell's length is the attack's `startup` in levels/enemies.toml.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pygame

if TYPE_CHECKING:  # pragma: no cover
    from game.actors.enemies import Enemy

log = logging.getLogger(__name__)

ATTACK = "derringer"   # the attack name in levels/enemies.toml that draws this way
FLICK_STEPS = 18       # the wrist flick: the gun slides out over these first steps of the wind-up
STEEL = (176, 184, 196)
GRIP = (92, 60, 40)
INK = (16, 12, 10)
FLICK = (255, 236, 160)


def is_derringer(e: "Enemy") -> bool:
    return e.state == "tell" and e.attack is not None and e.attack.name == ATTACK


def flicking(e: "Enemy") -> bool:
    """True during the flick (before the gun is in his hand and the aim line shows)."""
    return is_derringer(e) and e.timer < FLICK_STEPS


def draw(surface: pygame.Surface, e: "Enemy", cam: tuple[int, int]) -> None:
    """The gun on its way from the sleeve to the hand (or in the hand), and the flick marks."""
    fx, fy = e.body.feet
    ax, ay = e.aim
    k = min(1.0, e.timer / FLICK_STEPS)
    # From under the cuff (a little behind the hand, up the forearm) to the hand held out along the aim.
    sx, sy = fx + ax * 2 - ay * 3, fy - 14
    hx, hy = fx + ax * 8, fy - 11 + ay * 4
    x = round(sx + (hx - sx) * k - cam[0])
    y = round(sy + (hy - sy) * k - cam[1])
    right = ax >= 0
    surface.fill(INK, (x - 3, y - 2, 6, 4))
    surface.fill(STEEL, (x - 2, y - 1, 4, 1))                     # the short barrel
    surface.fill(GRIP, (x - 2 if right else x + 1, y, 1, 1))
    if k < 1.0:
        # The flick: two bright strokes trailing off the wrist, the way the gun came.
        back = -1 if right else 1
        for i in (-1, 1):
            px = x + back * (5 + (e.timer // 3) % 2)
            surface.fill(FLICK, (px, y + i * 2, 2, 1))
