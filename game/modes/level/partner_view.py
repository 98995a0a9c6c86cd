"""How Ridzik looks in a level: his sprite (blinking after a hit, lying when out), a P2 tag over him while
a second player holds him, the "hold Confirm" prompt beside him when he is out, his health and rounds
in the corner, and the "P2 waits" note where the film has Danko alone. Draw-only: reads the LevelSim."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import pygame

from game.input import devices
from game.input.actions import Action
from game.modes.level.partners import HELP_REACH
from game.modes.level.view import LevelView, pose
from game.ui import draw as ui
from game.ui.kept import Kept
from game.ui.palette import GOLD, GREEN, HEALTH, HEALTH_BACK, INK, PANEL, WARN
from game.world.render import Sprite

if TYPE_CHECKING:  # pragma: no cover
    from game.modes.level.sim import LevelSim

log = logging.getLogger(__name__)

P2_BLUE = (110, 170, 255)   # player 2's colour: his tag and his name
BAR_W = 44
MARGIN = 2


def sprites(view: LevelView, sim: "LevelSim") -> list[Sprite]:
    """Ridzik's sprite for the renderer's y-sorted pass (none in a level without him)."""
    r = sim.partner
    if r is None:
        return []
    step = sim.steps
    b = r.body
    if r.state == "attack" and r.attack is not None:
        anim = "shoot" if r.attack.name == "shoot" else "kick" if r.attack.name == "kick" else "punch"
    else:
        anim = pose(r.state, b)
    image = view.sheet("ridzik").frame(anim, b.facing, step + 3)
    if r.iframes:
        image = view.blink(image, r.state == "hurt", step)
    fx, fy = b.feet
    return [Sprite(image, round(fx - 8), round(fy - 24), fy)]


def _key_name(action: Action, player2: bool) -> str:
    """The first key (or pad button, with a pad in) bound to `action` for player 1 or 2; named again only
    when the bindings change (the app's reader replaces its bindings tuples on a rebind; they are kept
    in the key, so their identity cannot be reused) or a pad comes or goes."""
    reader = devices._ACTIVE[0]
    key = (action, player2, reader, None if reader is None else (reader.bindings, reader.bindings2),
           devices.pad_in_use())
    held = _NAMES.get(key[:2])
    if held is not None and held[0][2] is key[2] and held[0][3] == key[3] and held[0][4] == key[4]:
        return held[1]
    name = _name_key(action, player2)
    _NAMES[key[:2]] = (key, name)
    return name


_NAMES: dict[tuple, tuple[tuple, str]] = {}  # (action, player2) -> (what it was named from, the name)


def _name_key(action: Action, player2: bool) -> str:
    reader = devices._ACTIVE[0]
    if player2:
        keys, pad = reader.bindings2 if reader is not None else (
            devices.KeyBindings(dict(devices.DEFAULT_KEYS_P2)), devices.PadBindings(dict(devices.DEFAULT_PAD_P2)))
    else:
        keys, pad = devices.active_bindings()
    table = pad.buttons if devices.pad_in_use() and not player2 else keys.keys
    names = table.get(action, ())
    return devices.display_name(names[0]) if names else "?"


def draw_over(surface: pygame.Surface, sim: "LevelSim", cam: tuple[int, int], font: Any) -> None:
    """The P2 tag, the help-up prompt, his corner gauge and the P2-waits note."""
    if font is None:
        return
    r = sim.partner
    if r is None:
        if sim.p2_note:
            ui.label_on_backing(surface, font, "P2 waits: Danko is alone here",
                                (surface.get_width() - MARGIN, surface.get_height() - MARGIN), P2_BLUE,
                                anchor="bottomright")
        return
    cx, cy = cam
    fx, fy = r.body.feet
    x, y = round(fx - cx), round(fy - cy)
    if r.driver == "p2" and not r.out:
        ui.label_on_backing(surface, font, "P2", (x, y - 26), P2_BLUE, anchor="midbottom", pad=(1, 0))
    if r.out:
        px, py = sim.player.body.feet
        near = (px - fx) ** 2 + (py - fy) ** 2 <= (HELP_REACH * 2) ** 2
        text = f"HOLD {_key_name(Action.CONFIRM, False)}: HELP HIM UP" if near else "RIDZIK IS DOWN"
        label = ui.label_on_backing(surface, font, text, (x, y - 20), GOLD if near else WARN, anchor="midbottom")
        if r.help:
            frac = r.help / max(1, r.tuning.help_steps)
            ui.bar(surface, (label.x + 2, label.bottom + 1, label.width - 4, 2), frac, GREEN, PANEL, outline=None)
    _corner(surface, sim, font)


def _corner(surface: pygame.Surface, sim: "LevelSim", font: Any) -> None:
    """Ridzik's name, health and rounds at the bottom right; the join hint while the AI has him: the
    last frame's blits again while they show the same (game.ui.kept)."""
    r = sim.partner
    assert r is not None
    hint = _key_name(Action.CONFIRM, True) if r.driver == "ai" and sim.steps < 600 else None
    shown = (font, surface.get_size(), r.reload, r.rounds, r.driver, r.health, r.tuning.max_health, r.out, hint)
    _KEPT.draw(surface, shown, _draw_corner, font, r, hint)


_KEPT = Kept()  # the corner's last drawing (one Ridzik on screen at a time)


def _draw_corner(surface: pygame.Surface, font: Any, r: Any, hint: str | None) -> None:
    right, bottom = surface.get_width() - MARGIN, surface.get_height() - MARGIN
    rounds = "RELOAD" if r.reload else "o" * r.rounds
    text, ink = f"RIDZIK {rounds}", P2_BLUE if r.driver == "p2" else INK
    label = ui.label_image(font, text, ink).get_rect(bottomright=(right - BAR_W - 6, bottom))
    block = label.union((label.right, label.y, BAR_W + 6, label.height))
    surface.blit(ui.painted_part(("ridzik", font, text, ink, r.health, r.tuning.max_health, r.out), block, surface,
                                 _paint_corner, font, text, ink, r.health / r.tuning.max_health, r.out),
                 block.topleft)
    if hint is not None:
        ui.label_on_backing(surface, font, f"P2: {hint} to play Ridzik", (right, label.y - 1), P2_BLUE,
                            anchor="bottomright")


def _paint_corner(surface: pygame.Surface, font: Any, text: str, ink: tuple, frac: float, out: bool) -> None:
    """Ridzik's name (his rounds in it) and his health bar, at the bottom right."""
    right, bottom = surface.get_width() - MARGIN, surface.get_height() - MARGIN
    label = ui.label_on_backing(surface, font, text, (right - BAR_W - 6, bottom), ink, anchor="bottomright")
    strip = ui.panel(surface, (label.right, label.y, BAR_W + 6, label.height), PANEL)
    ui.bar(surface, (strip.x + 2, strip.y + 3, BAR_W, strip.height - 6), frac, HEALTH if not out else WARN,
           HEALTH_BACK, outline=None)
