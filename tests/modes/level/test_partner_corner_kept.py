"""Ridzik's corner (name, rounds, health, the join hint) replays the last frame's blits while it shows the
same: every frame equals the one drawn afresh, as his health, rounds, reload, driver and state change."""
import pygame
import pytest

from game.modes.level import partner_view
from game.modes.level.sim import LevelSim
from game.paths import LEVELS
from game.ui.font import load_font
from game.ui.kept import Kept
from game.world.tilemap import load_tilemap

pytestmark = pytest.mark.usefixtures("display")


def test_the_corner_shows_each_frames_ridzik(monkeypatch):
    sim = LevelSim(load_tilemap(LEVELS / "transfer.tmx"), seed=0)
    r = sim.partner
    assert r is not None
    font = load_font()
    canvas = pygame.Surface((320, 180)).convert()
    kept = partner_view._KEPT
    changes = [("health", 60), ("rounds", 2), ("reload", 30), ("reload", 0), ("driver", "p2"), ("state", "out"),
               ("state", "idle"), ("driver", "ai"), ("health", 5)]
    replays, step = 0, 0
    for attr, value in [(None, None)] + changes:
        if attr is not None:
            setattr(r, attr, value)
        for again in range(3):
            step += 100  # the join hint goes after 600 steps
            sim.steps = step
            shade = (step // 7) % 256
            canvas.fill((shade, 90, 255 - shade))
            before = kept.state
            partner_view._corner(canvas, sim, font)
            replays += kept.state is before
            fresh = pygame.Surface((320, 180)).convert()
            fresh.fill((shade, 90, 255 - shade))
            monkeypatch.setattr(partner_view, "_KEPT", Kept())
            partner_view._corner(fresh, sim, font)
            monkeypatch.setattr(partner_view, "_KEPT", kept)
            assert canvas.get_buffer().raw == fresh.get_buffer().raw, (attr, value, again)
    assert replays >= 10
