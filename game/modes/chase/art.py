"""The chase's vehicle art: the art's vehicle sheets turned to face east, and drawn placeholders where a
sheet is missing (the buses, the cars, the barriers, the train)."""
from __future__ import annotations

import logging

import pygame

log = logging.getLogger(__name__)

BUS_BODY = (226, 222, 210)
PLAYER_STRIPE = (40, 80, 170)      # Danko's bus: a blue stripe and a pale roof hatch
ROSTAVILI_STRIPE = (170, 30, 30)   # his bus: a red stripe, a black roof and a marker over it
CAR_COLOURS = ((150, 40, 40), (60, 110, 60), (200, 170, 60), (70, 90, 140), (120, 120, 128))
CAR_ART = ("sedan", "wagon", "taxi", "sedan", "wagon", "police")


def placeholder_vehicle(kind: str, length: int, width: int, index: int = 0) -> pygame.Surface:
    """A top-down vehicle facing east (nose at the right), until the art's vehicle sheets land."""
    s = pygame.Surface((length, width), pygame.SRCALPHA)
    if kind in ("bus", "rostavili_bus"):
        stripe = PLAYER_STRIPE if kind == "bus" else ROSTAVILI_STRIPE
        s.fill((30, 30, 34), (0, 0, length, width))
        s.fill(BUS_BODY, (1, 1, length - 2, width - 2))
        roof = (200, 198, 190) if kind == "bus" else (60, 58, 62)
        s.fill(roof, (6, 4, length - 14, width - 8))
        s.fill(stripe, (1, 1, length - 2, 2))
        s.fill(stripe, (1, width - 3, length - 2, 2))
        s.fill((90, 140, 170), (length - 5, 3, 3, width - 6))  # windscreen
        for x in range(10, length - 10, 10):  # roof vents
            s.fill((150, 150, 150) if kind == "bus" else (30, 30, 30), (x, width // 2 - 1, 4, 2))
    elif kind == "car":
        colour = CAR_COLOURS[index % len(CAR_COLOURS)]
        s.fill((20, 20, 22), (0, 0, length, width))
        s.fill(colour, (1, 1, length - 2, width - 2))
        s.fill((90, 140, 170), (length - 9, 2, 3, width - 4))
        s.fill((70, 110, 140), (5, 2, 3, width - 4))
        s.fill(tuple(max(0, c - 40) for c in colour), (9, 2, length - 18, width - 4))
    elif kind == "barrier":
        for x in range(0, length, 4):
            s.fill((230, 120, 20) if (x // 4) % 2 == 0 else (240, 240, 240), (x, 0, 4, width))
        pygame.draw.rect(s, (40, 30, 20), s.get_rect(), 1)
    elif kind == "train":
        s.fill((30, 30, 30), (0, 0, length, width))
        car = 72
        for x0 in range(0, length, car + 2):
            body = (120, 40, 30) if x0 + car >= length else (70, 75, 80)
            s.fill(body, (x0 + 1, 1, min(car, length - x0 - 1), width - 2))
            s.fill((40, 40, 44), (x0 + 4, width // 2 - 2, min(car, length - x0 - 1) - 8, 4))
        s.fill((250, 230, 140), (length - 3, 3, 2, width - 6))  # headlight
    return s


def art_frames(name: str) -> tuple[pygame.Surface, ...] | None:
    """The art's frames for a vehicle (drawn pointing up), turned to face east; None if missing."""
    try:
        from game.sprites import load_vehicle

        return tuple(pygame.transform.rotate(f, -90) for f in load_vehicle(name))
    except Exception as exc:  # no sheet: placeholders keep the chase playable
        log.warning("vehicle sprite %s unavailable (%s); using a placeholder", name, exc)
        return None


def train_image(length: int, width: int) -> pygame.Surface:
    """Locomotive at the nose (east), cars behind it, from the art when present."""
    loco, car = art_frames("locomotive"), art_frames("train_car")
    if not loco or not car:
        return placeholder_vehicle("train", length, width)
    lw, lh = loco[0].get_size()
    out = pygame.Surface((length, lh), pygame.SRCALPHA)
    x = length - lw
    out.blit(loco[0], (x, 0))
    while x > 0:
        x -= car[0].get_width()
        out.blit(car[0], (x, 0))
    return out
