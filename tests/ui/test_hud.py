"""The level HUD and on-map labels: every piece of text on a dark backing at WCAG AA contrast, and an
unchanged HUD draws no glyphs (its labels are cached surfaces)."""
from types import SimpleNamespace
from typing import NamedTuple

import pygame
import pytest

from game.modes.events import LifeLost
from game.modes.level.hud import Hud
from game.modes.level.sim import LevelSim
from game.modes.level.view import LevelView
from game.paths import LEVELS
from game.ui import draw as ui
from game.ui.font import BitmapFont, load_font
from game.ui.palette import MIN_TEXT_CONTRAST, contrast_ratio
from game.world.tilemap import load_tilemap


@pytest.fixture(scope="module")
def sim():
    return LevelSim(load_tilemap(LEVELS / "bathhouse.tmx"), seed=3)


@pytest.fixture(autouse=True)
def fresh_parts():
    """The HUD's name-and-bar blocks are painted once and kept (game.ui.draw.painted_part): these tests
    watch the labels being painted, so each starts with none kept."""
    ui._PARTS.clear()


class Label(NamedTuple):
    text: str
    ink: tuple
    backing: tuple
    rect: pygame.Rect


@pytest.fixture
def labels(monkeypatch):
    """Every label_on_backing call: its text, ink, backing and the rect it covered."""
    calls = []
    real = ui.label_on_backing

    def record(surface, font, text, pos, color=ui.INK, **kw):
        rect = real(surface, font, text, pos, color, **kw)
        calls.append(Label(text, tuple(color), tuple(kw.get("backing", ui.PANEL)), rect))
        return rect

    monkeypatch.setattr(ui, "label_on_backing", record)
    return calls


def busy_states(sim, hud):
    """The HUD in each state that changes its text or colours."""
    p = sim.player
    yield "plain"
    p.armed, p.ammo = True, 5
    yield "armed"
    p.ammo = 0
    yield "no ammo"
    p.combo = 4
    yield "combo"
    sim.objective = sim.objective or "Take them down"
    hud.objective_flash = 150
    yield "objective flash on"
    hud.objective_flash = 140
    yield "objective flash off"
    sim.objective = "A very long objective that cannot share the top row with the health bar"
    yield "long objective"
    hud.on_event(LifeLost(lives=1))
    yield "banner"
    sim.last_hit, sim.last_hit_step = sim.enemies[0], sim.steps
    yield "enemy"
    p.health = 10
    yield "low health"


def test_every_hud_text_reads_at_wcag_aa_on_its_backing(sim, labels):
    hud = Hud(load_font())
    surface = pygame.Surface((320, 180))
    for state in busy_states(sim, hud):
        surface.fill((255, 255, 255))  # the brightest floor: the backing must carry the contrast alone
        hud.draw(surface, sim)
        assert labels, state
    inks = {label.ink for label in labels}
    assert len(inks) >= 4  # names, ammo (and its warning), the objective highlight, the enemy
    for label in labels:
        ratio = contrast_ratio(label.ink, label.backing)
        assert ratio >= MIN_TEXT_CONTRAST, f"{label.text!r}: {label.ink} on {label.backing} is {ratio:.2f}:1"


def test_the_pickup_label_on_the_map_reads_on_its_backing(labels):
    view = LevelView()
    view.font = load_font()
    surface = pygame.Surface((320, 180))
    fx = SimpleNamespace(kind="text", text="+AMMO", x=100, y=80, age=3, life=40)
    view._effect(surface, fx, 0, 0)
    assert [label.text for label in labels] == ["+AMMO"]
    assert all(contrast_ratio(label.ink, label.backing) >= MIN_TEXT_CONTRAST for label in labels)


def test_an_unchanged_hud_draws_no_glyphs(sim, monkeypatch):
    hud = Hud(load_font())
    sim.player.armed, sim.player.ammo, sim.player.combo = True, 3, 2
    sim.last_hit, sim.last_hit_step = sim.enemies[0], sim.steps
    hud.on_event(LifeLost(lives=2))
    surface = pygame.Surface((320, 180))
    hud.draw(surface, sim)  # the first frame may render its labels
    first = surface.copy()
    glyph_runs = []
    real = BitmapFont.draw
    monkeypatch.setattr(BitmapFont, "draw", lambda self, *a, **kw: (glyph_runs.append(a[1]), real(self, *a, **kw)))
    render_calls = []
    monkeypatch.setattr(BitmapFont, "render", lambda self, *a, **kw: render_calls.append(a[0]))
    for _ in range(3):
        hud.draw(surface, sim)
    assert glyph_runs == [] and render_calls == []
    assert pygame.image.tobytes(surface, "RGB") == pygame.image.tobytes(first, "RGB")  # and looks the same


def test_a_long_objective_never_covers_the_gun_or_combo_labels(labels):
    """The hospital's objective is too long for the top line: it goes below the gun's label, clear of it."""
    sim = LevelSim(load_tilemap(LEVELS / "hospital.tmx"), seed=0)
    sim.player.armed, sim.player.ammo, sim.player.loaded, sim.player.combo = True, 5, 5, 3
    sim.objective = "One nurse walks the wrong way. Stop her before the doors"
    Hud(load_font()).draw(pygame.Surface((320, 180)), sim)
    texts = {label.text: label.rect for label in labels}
    objective = texts[sim.objective]
    assert objective.top > texts["DANKO"].bottom and objective.right <= 320
    for label in labels:
        if label.text != sim.objective:
            assert not label.rect.colliderect(objective), label.text


def test_the_escape_clock_stands_under_a_two_line_objective(labels):
    """Cat's trap: the objective is too long for the top line and drops a line; GET OUT and the ways out
    go under it instead of across it (they sat at a fixed height and covered it)."""
    from game.input.actions import InputFrame
    from game.modes.level import escape, escape_view

    sim = LevelSim(load_tilemap(LEVELS / "cat_trap.tmx"), seed=0)
    sim.player.arm(8)
    escape.start(sim, 3600)
    sim.step(InputFrame())
    sim.objective = "Run! Down the main stairs or out the fire escape"
    surface, hud = pygame.Surface((320, 180)), Hud(load_font())
    hud.draw(surface, sim)
    escape_view.draw_hud(surface, sim, hud.font, below=hud.right_bottom)
    objective = {label.text: label.rect for label in labels}[sim.objective]
    assert objective.top > 10  # it did drop a line
    for label in labels:
        if label.text != sim.objective:
            assert not label.rect.colliderect(objective), label.text


def test_the_hud_blocks_show_the_health_lives_and_enemy_of_each_frame(sim, monkeypatch):
    # the name-and-bar blocks are painted once per state and reused: each state's frame is the one
    # painted afresh, whatever was shown before it
    hud = Hud(load_font())
    p = sim.player
    sim.last_hit = sim.enemies[0]
    kept, fresh = pygame.Surface((320, 180)), pygame.Surface((320, 180))
    real = ui.painted_part

    def unkept(key, rect, surface, paint, *args):
        sheet = surface.copy()
        paint(sheet, *args)
        return sheet.subsurface(rect).copy()

    for health, lives, hp in ((100, 3, 30), (64, 3, 30), (64, 2, 12), (20, 2, 12), (20, 0, 0), (64, 3, 30)):
        p.health, p.lives, sim.enemies[0].hp, sim.last_hit_step = health, lives, hp, sim.steps
        for step in (sim.steps, sim.steps + 8):  # low health blinks
            sim.steps = step
            kept.fill((255, 255, 255))
            hud.draw(kept, sim)
            monkeypatch.setattr(ui, "painted_part", unkept)
            fresh.fill((255, 255, 255))
            hud.draw(fresh, sim)
            monkeypatch.setattr(ui, "painted_part", real)
            assert pygame.image.tobytes(kept, "RGB") == pygame.image.tobytes(fresh, "RGB"), (health, lives, hp)


def test_a_frame_like_the_last_replays_the_hud_as_it_would_be_drawn():
    # one canvas, as the game's: a frame that shows what the last one showed replays its blits (game.ui.kept);
    # every frame equals the one a new HUD draws afresh, on any floor
    sim = LevelSim(load_tilemap(LEVELS / "bathhouse.tmx"), seed=3)  # its own: every busy state is a change
    hud = Hud(load_font())
    canvas = pygame.Surface((320, 180))
    replays = 0
    for n, state in enumerate(busy_states(sim, hud)):
        for again in range(3):
            shade = (n * 50 + again * 90) % 256
            canvas.fill((shade, 255 - shade, 128))
            before = hud._kept.state
            hud.draw(canvas, sim)
            replays += hud._kept.state is before
            fresh, other = pygame.Surface((320, 180)), Hud(load_font())
            other.objective_flash, other.banner, other.banner_steps = hud.objective_flash, hud.banner, hud.banner_steps
            fresh.fill((shade, 255 - shade, 128))
            other.draw(fresh, sim)
            assert pygame.image.tobytes(canvas, "RGB") == pygame.image.tobytes(fresh, "RGB"), (state, again)
            assert hud.right_bottom == other.right_bottom
    assert replays >= 20
