"""How the timed escape looks (draw-only, reads the LevelSim): the countdown bar and each way out's time at
the top of the screen, the warning banner before a way out closes, the flashing red floor marker over the
cells that are about to close, the barricade once they have, and green arrows to the exits still open."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pygame

from game.modes.level import escape, pointers, together
from game.ui import draw as ui
from game.ui.font import BitmapFont
from game.ui.kept import Kept
from game.ui.palette import DIM, GOLD, GREEN, HEALTH_BACK, INK, PANEL, WARN
from game.world.render import Sprite

if TYPE_CHECKING:  # pragma: no cover
    from game.modes.level.sim import LevelSim

log = logging.getLogger(__name__)

STEP_HZ = 60
BAR_W = 80
TOP = 14              # px from the top: right, under the objective (Danko's bar and ammo are on the left)
CUT_NEWS = 150        # steps the "CUT OFF" banner stays
LOW = 10 * STEP_HZ    # the last 10 s: the bar turns red and blinks
RED = (236, 56, 40)
BOARD = (112, 84, 56)
STEEL = (70, 74, 82)


def clock(steps: int) -> str:
    """0:42 for 42 s left (whole seconds, rounded up: 0:00 only when the time is up)."""
    s = -(-max(0, steps) // STEP_HZ)
    return f"{s // 60}:{s % 60:02d}"


# --- on the floor, under everyone ------------------------------------------------------------------
def sprites(sim: "LevelSim") -> list[Sprite]:
    e = escape.of(sim)
    if e is None:
        return []
    out = []
    for c in e.cutoffs:
        phase = e.phase(c, sim.steps)
        w, h = max(1, round(c.rect.w)), max(1, round(c.rect.h))
        if phase in ("warn", "due"):
            out.append(Sprite(_hatch(w, h, (sim.steps // 8) % 2), round(c.rect.x), round(c.rect.y), -1e9))
        elif phase == "closed":
            out.append(Sprite(_barricade(w, h), round(c.rect.x), round(c.rect.y), c.rect.y + c.rect.h))
    return out


_cache: dict[tuple, pygame.Surface] = {}


def _hatch(w: int, h: int, blink: int) -> pygame.Surface:
    """Red and black warning stripes at half strength, dark-rimmed: these cells are about to close."""
    key = ("hatch", w, h, blink)
    if key not in _cache:
        s = pygame.Surface((w, h), pygame.SRCALPHA)
        s.fill((*RED, 150 if blink else 105))
        for k in range(-h, w, 8):
            pygame.draw.line(s, (20, 12, 10, 170), (k, h), (k + h, 0), 3)
        pygame.draw.rect(s, (20, 12, 10, 235), s.get_rect(), 2)
        _cache[key] = s
    return _cache[key]


def _barricade(w: int, h: int) -> pygame.Surface:
    """A steel fire door barred with planks: the way out is cut."""
    key = ("bar", w, h)
    if key not in _cache:
        s = pygame.Surface((w, h), pygame.SRCALPHA)
        s.fill(STEEL)
        pygame.draw.rect(s, PANEL, s.get_rect(), 1)
        for k in range(0, max(w, h), 10):
            pygame.draw.line(s, BOARD, (0, k + 3), (w, k + 3 - min(w, 12)), 3)
        pygame.draw.line(s, RED, (3, 3), (w - 4, h - 4), 2)
        pygame.draw.line(s, RED, (w - 4, 3), (3, h - 4), 2)
        _cache[key] = s
    return _cache[key]


# --- over the map -----------------------------------------------------------------------------------
def draw_over(surface: pygame.Surface, sim: "LevelSim", cam: tuple[int, int], font: BitmapFont) -> None:
    """Each way out named where it stands, with a countdown while it is about to close, and green arrows
    to the exits Danko can still take."""
    e = escape.of(sim)
    if e is None or e.lost:
        return
    cx, cy = cam
    now = sim.steps
    for c in e.cutoffs:
        phase = e.phase(c, now)
        if phase == "closed":
            continue
        at = (round(c.rect.center[0] - cx), round(c.rect.y - cy - 2))
        if phase == "open":  # the way out by name, so a player finds the fire escape he is told of
            ui.label_on_backing(surface, font, c.label.upper(), at, GREEN, anchor="midbottom")
            continue
        left = c.after - e.elapsed(now)
        ui.label_on_backing(surface, font, f"CLOSING {clock(left)}", at, WARN if (now // 10) % 2 else GOLD,
                            anchor="midbottom")
    cut = e.cut_exits
    for x in sim.spec.exits:
        if x.id not in cut and sim.flag_met(x.requires_flag):  # open (exit ids are unique) and in reach
            mx, my = x.rect.center
            pointers.arrow_to(surface, (mx - cx, my - cy), now)


# --- the HUD ----------------------------------------------------------------------------------------
def draw_hud(surface: pygame.Surface, sim: "LevelSim", font: BitmapFont, below: int = 0) -> None:
    """GET OUT and the time left on a shrinking bar, under the HUD's right-hand column (which ends at
    `below`); under it each way out and when it closes; a banner while one is about to close or has just
    been cut."""
    e = escape.of(sim)
    if e is None:
        return
    _KEPT.draw(surface, _shown(e, sim, font, below, surface), _draw_hud, e, sim, font, below)


_KEPT = Kept()  # the escape HUD's last drawing, replayed while it shows the same (game.ui.kept)


def _shown(e: escape.Escape, sim: "LevelSim", font: BitmapFont, below: int, surface: pygame.Surface) -> tuple:
    """Everything the escape HUD reads to draw a frame: two frames with equal ones look the same."""
    now = sim.steps
    left = e.left(now)
    elapsed = now - e.start
    rows = tuple((e.phase(c, now), -(-max(0, c.after - elapsed) // STEP_HZ),
                  c.id in e.closed and now - e.closed[c.id] < CUT_NEWS) for c in e.cutoffs)
    waiting = not e.lost and sim.partner is not None and together.waiting_at(sim) is not None
    banner = waiting or any(phase != "open" and (phase != "closed" or news) for phase, _, news in rows)
    low = left <= LOW
    return (e, font, below, surface.get_size(), -(-left // STEP_HZ), low, low and (now // 8) % 2 == 0,
            round(BAR_W * (left / e.steps)), rows, e.lost, waiting and sim.partner.out, waiting,
            banner and (now // 12) % 4 != 0)


def _draw_hud(surface: pygame.Surface, e: escape.Escape, sim: "LevelSim", font: BitmapFont, below: int) -> None:
    now = sim.steps
    left = e.left(now)
    low = left <= LOW
    right = surface.get_width() - 2
    top = max(TOP, below + 1)
    strip = pygame.Rect(right - BAR_W - 5, top, BAR_W + 5, font.line_height + 2 * ui.LABEL_PAD[1])
    blink = low and (now // 8) % 2 == 0
    fill = max(0, min(BAR_W, round(BAR_W * (left / e.steps))))  # what the bar shows (ui.bar)
    surface.blit(ui.painted_part(("get out", fill, low, blink), strip, surface, _paint_strip, strip, left / e.steps,
                                 low, blink), strip)  # the strip and its bar: one block, one blit
    label = ui.label_on_backing(surface, font, f"GET OUT {clock(left)}", (strip.x, top), WARN if low else GOLD,
                                anchor="topright")
    y, mid = max(strip.bottom, label.bottom) + 1, surface.get_width() // 2
    banner = ""
    elapsed = now - e.start
    for c in e.cutoffs:
        phase = e.phase(c, now)
        name = c.label.upper()
        if phase == "closed":
            row, color = f"{name}: CUT OFF", DIM
            if now - e.closed[c.id] < CUT_NEWS:
                banner = f"{name} CUT OFF!"
        else:
            row, color = f"{name} {clock(c.after - elapsed)}", WARN if phase != "open" else INK
            if phase != "open" and not banner:
                banner = f"{name} CLOSING! {clock(c.after - elapsed)}"
        y = ui.label_on_backing(surface, font, row, (right, y), color, anchor="topright").bottom
    if not e.lost and sim.partner is not None and together.waiting_at(sim) is not None:
        banner = "NOT WITHOUT RIDZIK!" if not sim.partner.out else "RIDZIK IS DOWN! GET HIM UP"
    if banner and (now // 12) % 4 != 0:
        ui.label_on_backing(surface, font, banner, (mid, 58), WARN, anchor="midtop", pad=(4, 2))


def _paint_strip(surface: pygame.Surface, strip: pygame.Rect, frac: float, low: bool, blink: bool) -> None:
    """The escape clock's dark strip and its bar at `frac` (the time left), blinking in the last seconds."""
    ui.panel(surface, strip, PANEL)
    ui.bar(surface, (strip.x + 2, strip.y + 3, BAR_W, strip.height - 6), frac,
           INK if blink else (WARN if low else GOLD), HEALTH_BACK, outline=None)
