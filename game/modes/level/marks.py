"""Drawing for the level's scripted moments: the grab prompt (named from the grab key in effect), the
wooden leg and the spilled packets of the sting, Rostavili's car, and the hospital assassin's draw.
Draw-only, like view.py; it reads effects and NPCs and never changes them."""
from __future__ import annotations

import functools
import logging
from typing import Any

import pygame

from game.input import devices
from game.input.actions import Action
from game.ui import draw as ui
from game.world.render import Sprite
from game.world.surfaces import displayed

log = logging.getLogger(__name__)

WOOD = (150, 96, 48)
WOOD_DARK = (92, 56, 28)
PACKET = (246, 246, 240)
PACKET_EDGE = (40, 44, 56)
KEY = (232, 184, 72)
TELL_RED = (236, 56, 40)


def grab_key() -> str:
    """The name of the grab key (or pad button) in effect, for prompts."""
    keys, buttons = devices.active_bindings()
    table = buttons.buttons if devices.pad_in_use() else keys.keys
    names = table.get(Action.SPECIAL, ())
    return devices.display_name(names[0]) if names else "Grab"


def effect(surface: pygame.Surface, fx: Any, x: int, y: int, font: Any) -> bool:
    """Draw a moment's effect at screen (x, y); False when the kind is not one of these."""
    if fx.kind == "packet":
        surface.fill(PACKET_EDGE, (x - 2, y - 2, 5, 4))
        surface.fill(PACKET, (x - 1, y - 1, 3, 2))
    elif fx.kind == "leg":
        pygame.draw.line(surface, WOOD_DARK, (x - 7, y + 1), (x + 6, y - 2), 4)
        pygame.draw.line(surface, WOOD, (x - 7, y), (x + 6, y - 3), 2)
        surface.fill(WOOD_DARK, (x + 5, y - 5, 4, 5))  # the foot
    elif fx.kind == "aim":  # a scripted aim (aiming.py): the gunman's "!" and his dotted line, tightening
        urgent = fx.age > fx.life * 0.6
        color = TELL_RED if urgent or (fx.age // 6) % 2 == 0 else (255, 220, 120)
        surface.fill((20, 10, 10), (x - 2, y - 25, 5, 9))
        surface.fill(color, (x - 1, y - 24, 3, 5))
        surface.fill(color, (x - 1, y - 18, 3, 2))
        dot = 2 if urgent else 1
        for k in range(0, 100, 6 if urgent else 9):
            surface.fill(TELL_RED, (round(x + fx.x2 * k / 100), round(y + fx.y2 * k / 100), dot, dot))
    elif fx.kind == "prompt":
        if font is not None:
            ui.label_on_backing(surface, font, f"{grab_key()}: {fx.text}", (x, y - 6), KEY, anchor="midtop")
    else:
        return False
    return True


VEHICLE = "vehicle:"  # an NPC sprite naming a vehicle of assets/sprites/vehicles (a car that drives off)
TURNS = {"up": 0, "left": 90, "down": 180, "right": -90}


@functools.lru_cache(maxsize=32)
def _vehicle(name: str, facing: str) -> pygame.Surface:
    try:
        from game.sprites import load_vehicle

        image = load_vehicle(name)[0]
    except Exception as exc:  # a missing sheet must never stop the game
        log.warning("vehicle %r unavailable (%s); using a placeholder", name, exc)
        image = pygame.Surface((18, 32), pygame.SRCALPHA)
        image.fill((30, 32, 40))
    turned = pygame.transform.rotate(image, TURNS.get(facing, 0))
    # the display's format: the art loads in RGBA byte order, which SDL blits by its slow conversion path
    return displayed(turned)


def vehicle_sprite(npc: Any) -> Sprite:
    """A vehicle NPC seen from above, turned the way it faces, its middle on the NPC's point."""
    image = _vehicle(npc.sprite[len(VEHICLE):], npc.facing)
    w, h = image.get_size()
    return Sprite(image, round(npc.x - w / 2), round(npc.y - h / 2), npc.y + h / 2)


def npc_anim(npc: Any) -> str:
    """The animation an NPC shows: walking (the assassin with her hand in her pocket: her tell), held,
    drawing a gun, fallen or standing. The view walks a sheet with no `pocket` anim plainly."""
    if npc.state == "fallen" or npc.role == "patient":
        return "down"
    if npc.state in ("walk", "flee"):
        return "pocket" if npc.role == "assassin" and npc.state == "walk" else "walk"
    if npc.state == "held":
        return "hurt"
    if npc.state == "draw":
        return "shoot"
    return "idle"


def draw_marks(surface: pygame.Surface, sim: Any, cx: int, cy: int, step: int) -> None:
    """The assassin drawing on Danko: a red "!" over her and her aim at him."""
    ward = getattr(sim, "ward", None)
    if ward is None or ward.caught != "draw":
        return
    for n in sim.npcs:
        if n.role == "assassin" and n.state == "draw":
            x, y = round(n.x - cx), round(n.y - cy)
            color = TELL_RED if (step // 5) % 2 == 0 else (255, 220, 120)
            surface.fill((20, 10, 10), (x - 2, y - 35, 5, 9))
            surface.fill(color, (x - 1, y - 34, 3, 5))
            surface.fill(color, (x - 1, y - 28, 3, 2))
            px, py = sim.player.body.feet
            pygame.draw.line(surface, TELL_RED, (x, y - 10), (round(px - cx), round(py - cy - 10)), 1)


def feet_ring() -> pygame.Surface:
    """Danko's ring: a gold ellipse round his feet on a dark rim, readable on every floor."""
    ring = pygame.Surface((18, 7), pygame.SRCALPHA)
    pygame.draw.ellipse(ring, (16, 12, 10, 200), ring.get_rect(), 2)
    pygame.draw.ellipse(ring, (240, 200, 90, 230), ring.get_rect().inflate(-2, -2), 1)
    return ring
