"""The escape clock's strip and bar are kept between frames (one painted block), and a frame that shows what
the last one showed replays its blits: the HUD blits what drawing it afresh gives, as the time runs down,
blinks in the last seconds, the ways out close and Ridzik is waited for."""
import pygame
import pytest

from game.modes.level import escape, escape_view, together
from game.modes.level.escape_view import BAR_W, CUT_NEWS, LOW, TOP, clock
from game.modes.level.sim import LevelSim
from game.paths import LEVELS
from game.ui import draw as ui
from game.ui.font import load_font
from game.ui.palette import DIM, GOLD, HEALTH_BACK, INK, PANEL, WARN
from game.world.tilemap import load_tilemap

pytestmark = pytest.mark.usefixtures("display")  # conftest.display: the canvas in the display's format


def _direct(surface, sim, font, below=0):
    """The escape HUD as it was drawn before its strip was kept (every part drawn each frame)."""
    e = escape.of(sim)
    now = sim.steps
    left = e.left(now)
    low = left <= LOW
    right = surface.get_width() - 2
    top = max(TOP, below + 1)
    strip = ui.panel(surface, (right - BAR_W - 5, top, BAR_W + 5, font.line_height + 2 * ui.LABEL_PAD[1]), PANEL)
    label = ui.label_on_backing(surface, font, f"GET OUT {clock(left)}", (strip.x, top), WARN if low else GOLD,
                                anchor="topright")
    blink = low and (now // 8) % 2 == 0
    ui.bar(surface, (strip.x + 2, strip.y + 3, BAR_W, strip.height - 6), left / e.steps,
           INK if blink else (WARN if low else GOLD), HEALTH_BACK, outline=None)
    y, mid = max(strip.bottom, label.bottom) + 1, surface.get_width() // 2
    banner = ""
    for c in e.cutoffs:
        phase = e.phase(c, now)
        name = c.label.upper()
        if phase == "closed":
            row, color = f"{name}: CUT OFF", DIM
            if now - e.closed[c.id] < CUT_NEWS:
                banner = f"{name} CUT OFF!"
        else:
            row, color = f"{name} {clock(c.after - e.elapsed(now))}", WARN if phase != "open" else INK
            if phase != "open" and not banner:
                banner = f"{name} CLOSING! {clock(c.after - e.elapsed(now))}"
        y = ui.label_on_backing(surface, font, row, (right, y), color, anchor="topright").bottom
    if not e.lost and together.waiting_at(sim) is not None:
        banner = "NOT WITHOUT RIDZIK!" if not sim.partner.out else "RIDZIK IS DOWN! GET HIM UP"
    if banner and (now // 12) % 4 != 0:
        ui.label_on_backing(surface, font, banner, (mid, 58), WARN, anchor="midtop", pad=(4, 2))


def _floor():
    s = pygame.Surface((320, 180)).convert()
    for x in range(0, 320, 5):
        s.fill((x % 256, 120, 255 - x % 256), (x, 0, 2, 180))
    return s


def test_the_escape_hud_blits_what_drawing_it_gives_all_the_way_down():
    sim = LevelSim(load_tilemap(LEVELS / "cat_trap.tmx"), seed=0)
    escape.start(sim, 1530)  # its clock turns a second apart from the ways out' (3600 and 1500 steps)
    e = escape.of(sim)
    font = load_font()
    start = sim.steps
    looks = set()
    replays, shown = 0, None
    kept, floor = _floor(), _floor()  # one canvas, as the game's: a frame like the last replays its blits
    for k in range(1550):
        sim.steps = start + k
        first = e.cutoffs[0]
        if k >= first.after and first.id not in e.closed:
            e.closed[first.id] = sim.steps  # the first way out closes on time
        below = 10 if 400 <= k < 420 else 0
        if k == 1200:  # Danko at the street door without Ridzik: the banner says why he is not out
            x = next(x for x in sim.spec.exits if x.partner)
            sim.flags[x.requires_flag] = True
            sim.player.body.x, sim.player.body.y = x.rect.x + 2, x.rect.y + 2
            sim.partner.body.x = sim.player.body.x + 200
            assert together.waiting_at(sim) is x
        if k == 1310:
            sim.partner.state = "out"  # knocked out: the banner asks for help
        kept.blit(floor, (0, 0))
        fresh = _floor()
        escape_view.draw_hud(kept, sim, font, below=below)
        _direct(fresh, sim, font, below=below)
        assert kept.get_buffer().raw == fresh.get_buffer().raw, k
        looks.add(kept.subsurface((200, 10, 120, 20)).copy().get_buffer().raw)
        replays += escape_view._KEPT.state is shown
        shown = escape_view._KEPT.state
    assert len(looks) > 40 and replays > 1000  # the clock and its bar run down: the kept strip follows them
