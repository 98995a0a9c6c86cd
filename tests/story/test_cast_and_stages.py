"""Issue 15 (the cast, the stages, the title): props stand on the stage's floor without squares of
another floor under them; no cutscene actor stands hidden behind another; Danko wears the beat's
costume in its level; the title stands in Red Square under the logo."""
from __future__ import annotations

import numpy as np
import pygame
import pytest

from game.paths import LEVELS
from game.scenes.stages import LAYOUTS, paint_tiles, tileset_tiles
from game.story.script import load_story
from game.world.tilemap import load_tilemap

pytestmark = pytest.mark.usefixtures("display")  # every test here builds scenes

TILE = 16


def rgb(surface):
    return pygame.surfarray.array3d(surface)


@pytest.mark.parametrize("name", [n for n, lay in LAYOUTS.items() if lay.props])
def test_no_floor_squares_under_props(name):
    layout = LAYOUTS[name]
    tiles = tileset_tiles(layout.tileset)
    stage = paint_tiles(layout)
    grounds = [rgb(tiles[g]) for g in ("carpet", "carpet_worn") if g in tiles and g not in layout.floor]
    for prop, x, y in layout.props:
        if y < 3 or not grounds:  # on the wall rows a prop covers the wall
            continue
        cell = rgb(stage.subsurface((x * TILE, y * TILE, TILE, TILE)))
        for ground in grounds:
            same = (cell == ground).all(axis=-1).sum()
            assert same < 8, f"stage {name}: {prop} at {x},{y} shows {same} pixels of another floor"


def _positions(beat):
    """Every actor's place after each step that moves or shows one: (step, {actor: (x, y)})."""
    where = {a.id: (tuple(a.at), not a.hidden) for a in beat.actors}
    yield -1, {k: p for k, (p, shown) in where.items() if shown}
    for n, step in enumerate(beat.script):
        actor = step.args.get("actor")
        if step.op == "move":
            where[actor] = (tuple(step.args["to"]), where[actor][1])
        elif step.op == "show":
            where[actor] = (tuple(step.args.get("at", where[actor][0])), True)
        elif step.op == "hide":
            where[actor] = (where[actor][0], False)
        else:
            continue
        yield n, {k: p for k, (p, shown) in where.items() if shown}


def test_no_cutscene_actor_stands_hidden_behind_another():
    """Two actors less than a tile apart across and a tile and a half in depth overlap: the one
    drawn first (further up the screen) shows only its head."""
    for beat in load_story().beats:
        for n, shown in _positions(beat):
            names = sorted(shown)
            for i, a in enumerate(names):
                for b in names[i + 1:]:
                    (ax, ay), (bx, by) = shown[a], shown[b]
                    assert abs(ax - bx) >= 1 or abs(ay - by) >= 1.5, \
                        f"beat {beat.id} step {n}: {a} at {shown[a]} and {b} at {shown[b]} hide each other"


def test_the_level_draws_danko_in_the_costume_of_the_beat(display):
    from game.modes.context import BeatContext, MapContext
    from game.modes.level import entry

    story = load_story()
    bathhouse = next(b for b in story.beats if b.id == "bathhouse")
    ctx = BeatContext(bathhouse, {}, 1, on_done=lambda outcome: None, fallback=lambda: None)
    assert entry.story_scene(ctx).view.costume == "danko_towel"
    tilemap = load_tilemap(LEVELS / "bathhouse.tmx")
    assert entry.map_scene(MapContext(tilemap, 1, on_done=lambda o: None)).view.costume == "danko_towel"
    hotel = next(b for b in story.beats if b.level == "hotel.tmx")
    assert hotel.costume == "danko_suit"


def test_title_stands_in_red_square_under_the_logo(display):
    from game.scenes.title import TitleScene

    scene = TitleScene(lambda: None)
    scene.enter()
    surface = pygame.Surface((320, 180))
    scene.draw(surface)
    px = rgb(surface).astype(int)  # (x, y, 3)
    sky, square = px[:, 4], px[:, 170]
    assert (sky[:, 2] > sky[:, 0]).mean() > 0.8, "a dark blue dawn sky at the top"
    assert len(np.unique(px.reshape(-1, 3), axis=0)) > 60, "a picture, not a flat colour"
    assert abs(square[:, 0] - square[:, 2]).mean() < 40, "grey cobbles at the bottom"
    brick = ((px[:, 95:110, 0] > 120) & (px[:, 95:110, 1] < 80)).mean()
    assert brick > 0.3, "the red Kremlin wall along the square"
