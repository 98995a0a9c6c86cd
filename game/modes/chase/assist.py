"""Steering assist for the player's bus: with the wheel let go at speed, it settles onto the road.

A touch, not an autopilot: only while no steering key is held, only at speed, and only when the line
the bus is on meets a wall within its lookahead while the street's own direction (the nearest of the
four compass directions) stays clear. Then the heading and the direction of travel turn together, a
little per step, toward that direction. Pure: reads the solid grid, changes the vehicle.
"""
from __future__ import annotations

import logging
import math

import numpy as np

from game.actors.vehicles import Vehicle, angle_diff, solid_samples

log = logging.getLogger(__name__)

ASSIST_RATE = 0.022   # most radians per step the assist turns the bus
MIN_SPEED = 1.2       # px/step: below this the bus turns tightly enough on its own
LOOK_STEPS = 24.0     # how far ahead it reads the road, in steps of travel at the current speed
MAX_OFF_AXIS = math.radians(40)  # further off the street's direction than this, it is a turn: hands off


def road_assist(v: Vehicle, steer: float, solid: np.ndarray, tile: int) -> float:
    """Turn `v` a little toward the street it drives along if it is heading for a wall; returns the turn."""
    if steer != 0.0:
        return 0.0
    speed = v.speed
    if speed < MIN_SPEED:
        return 0.0
    axis = round(v.heading / (math.pi / 2)) * (math.pi / 2)
    off = angle_diff(axis, v.heading)
    if abs(off) < 1e-3 or abs(off) > MAX_OFF_AXIS:
        return 0.0
    reach = speed * LOOK_STEPS
    if _clear(v, v.heading, reach, solid, tile) or not _clear(v, axis, reach, solid, tile):
        return 0.0
    turn = max(-ASSIST_RATE, min(ASSIST_RATE, off))
    c, s = math.cos(turn), math.sin(turn)
    v.heading = angle_diff(v.heading + turn, 0.0)  # wrapped into [-pi, pi)
    v.vx, v.vy = v.vx * c - v.vy * s, v.vx * s + v.vy * c
    return turn


def _clear(v: Vehicle, heading: float, reach: float, solid: np.ndarray, tile: int) -> bool:
    """True when the bus's box, slid `reach` px along `heading` (at its own heading), meets no wall."""
    fx, fy = math.cos(heading), math.sin(heading)
    for k in (0.5, 1.0):
        x, y = v.x + fx * reach * k, v.y + fy * reach * k
        if solid_samples(solid, tile, x, y, heading, v.spec):
            return False
    return True
