"""Art lookups for the story scenes: portraits, character frames and the logo from `game.sprites`,
with a drawn stand-in for a name that has no art yet, so every story scene still renders.
"""
from __future__ import annotations

import logging
from typing import Callable

import pygame

from game import sprites
from game.world.surfaces import display_ready

log = logging.getLogger(__name__)

# Placeholder colours per character: (skin, clothes, hair/hat).
_LOOKS: dict[str, tuple[tuple[int, int, int], ...]] = {
    "danko": ((224, 176, 140), (110, 114, 120), (58, 42, 30)),
    "ridzik": ((230, 184, 150), (128, 84, 48), (70, 50, 36)),
    "rostavili": ((214, 170, 132), (28, 28, 34), (20, 20, 20)),
    "ogarkov": ((226, 180, 146), (84, 100, 84), (90, 70, 50)),
    "gallagher": ((232, 190, 160), (70, 84, 120), (150, 110, 60)),
    "cat": ((236, 196, 170), (150, 40, 70), (30, 24, 24)),
    "nurse": ((232, 190, 160), (236, 236, 236), (120, 80, 40)),
    "locksmith": ((220, 176, 140), (90, 110, 90), (200, 200, 200)),
    "commander": ((226, 184, 150), (40, 56, 96), (110, 110, 110)),
    "colonel": ((224, 180, 146), (70, 86, 60), (120, 40, 40)),
}
_DEFAULT_LOOK = ((220, 176, 140), (96, 72, 64), (40, 32, 28))


def portrait(name: str | None) -> pygame.Surface | None:
    """The 48x48 portrait for `name`; None for no portrait (the narrator)."""
    if not name:
        return None
    try:
        return sprites.load_portrait(name)
    except Exception as exc:  # missing art must never stop the story
        log.debug("no portrait %r: %s", name, exc)
    return _placeholder_portrait(name)


def as_drawn(image: pygame.Surface | None) -> pygame.Surface | None:
    """`image` as a blit draws it onto the display's format, kept opaque in that format, when it has no
    see-through pixel: the art loads in RGBA byte order, which SDL blits by its slow conversion path (a
    48x48 portrait took 50 us a frame, the kept one 3), and with every alpha 255 that path's pixels do
    not depend on what lies beneath, so blitting the kept image gives the same pixels. Anything else
    (no display, a see-through pixel, a surface already plain) is returned as it is."""
    if image is None or not display_ready() or not image.get_flags() & pygame.SRCALPHA:
        return image
    w, h = image.get_size()
    if pygame.mask.from_surface(image, 254).count() != w * h:
        return image
    kept = pygame.Surface((w, h)).convert()
    kept.blit(image, (0, 0))
    return kept


def _placeholder_portrait(name: str) -> pygame.Surface:
    skin, clothes, hair = _LOOKS.get(name, _DEFAULT_LOOK)
    s = pygame.Surface((48, 48))
    s.fill((34, 30, 40))
    pygame.draw.rect(s, clothes, (6, 34, 36, 14))          # shoulders
    pygame.draw.rect(s, skin, (14, 12, 20, 24))            # face
    pygame.draw.rect(s, hair, (12, 6, 24, 8))              # hair or hat
    s.fill((20, 20, 24), (18, 20, 4, 3))                   # eyes
    s.fill((20, 20, 24), (26, 20, 4, 3))
    s.fill((150, 90, 80), (20, 29, 8, 2))                  # mouth
    return s


def character_frame(sprite: str, anim: str = "idle", facing: str = "down", time_ms: float = 0.0) -> pygame.Surface:
    """The frame of a character (16x24, feet on the bottom row) at `time_ms` on the game clock,
    falling back to idle for a missing animation and to a placeholder figure for a missing character."""
    try:
        sheet = sprites.load_character(sprite)
    except Exception as exc:  # missing art must never stop the story
        log.debug("no frames for %r: %s", sprite, exc)
    else:
        for name in (anim, "idle"):
            try:
                return sheet.frame(name, facing, time_ms)
            except (KeyError, AttributeError):
                continue
    return _placeholder_figure(sprite, anim, facing)


def _placeholder_figure(sprite: str, anim: str, facing: str) -> pygame.Surface:
    skin, clothes, hair = _LOOKS.get(sprite.split("_")[0] if sprite.startswith("thug") else sprite,
                                     _LOOKS.get(sprite, _DEFAULT_LOOK))
    if sprite.startswith("thug"):
        clothes = {"thug_gunman": (60, 60, 70), "thug_heavy": (90, 50, 40),
                   "thug_knife": (70, 90, 60)}.get(sprite, (100, 80, 60))
    if anim == "down":  # lying on the floor
        s = pygame.Surface((24, 12), pygame.SRCALPHA)
        s.fill(clothes, (6, 2, 14, 8))
        s.fill(skin, (0, 3, 6, 6))
        return s
    s = pygame.Surface((16, 24), pygame.SRCALPHA)
    s.fill(hair, (4, 0, 8, 4))
    s.fill(skin, (5, 4, 6, 5))
    if facing != "up":
        eye = {"left": (5, 6), "right": (9, 6)}.get(facing, None)
        if eye:
            s.fill((20, 20, 20), (*eye, 2, 1))
        else:
            s.fill((20, 20, 20), (6, 6, 1, 1))
            s.fill((20, 20, 20), (9, 6, 1, 1))
    s.fill(clothes, (3, 9, 10, 11))
    s.fill((40, 40, 48), (4, 20, 3, 4))
    s.fill((40, 40, 48), (9, 20, 3, 4))
    return s


def _optional_art(load: Callable[[], pygame.Surface], what: str) -> pygame.Surface | None:
    """`load()`, or None when the art cannot be loaded: missing art must never stop the title."""
    try:
        return load()
    except Exception as exc:
        log.debug("no %s: %s", what, exc)
    return None


def title_backdrop() -> pygame.Surface | None:
    """Red Square at dawn behind the title; None when it cannot be loaded."""
    return _optional_art(sprites.load_title_backdrop, "title backdrop")


def logo() -> pygame.Surface | None:
    """The title logo from the art; None when it cannot be loaded."""
    return _optional_art(sprites.load_logo, "logo")
