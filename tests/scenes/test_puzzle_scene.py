"""The puzzle scene: plays to the end on actions, draws every board, and reports "won" once."""
import pygame

from game.input.actions import EdgeTracker
from game.modes.puzzle.scene import PuzzleScene, bow_points
from game.modes.puzzle.autopilot import autopilot_mask
from game.paths import LEVELS
from game.world.tilemap import load_tilemap


def test_scene_solves_and_reports_won_once():
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    outcomes = []
    scene = PuzzleScene(load_tilemap(LEVELS / "locksmith.tmx"), on_done=lambda o: outcomes.append(o))
    scene.enter()
    surface = pygame.Surface((320, 180))
    edges = EdgeTracker()
    boards_seen = set()
    for step in range(600):
        scene.handle(edges.frame(autopilot_mask(scene.state, step)))
        scene.update(1 / 60)
        scene.draw(surface)
        boards_seen.add(scene.state.board)
        if outcomes:
            break
    assert outcomes == ["won"]
    assert boards_seen >= {0, 1, 2}


def test_bow_shapes_differ_in_outline_not_only_colour():
    counts = {shape: len(bow_points(shape, 0, 0, 6)) for shape in ("square", "hexagon", "triangle")}
    assert counts == {"square": 4, "hexagon": 6, "triangle": 3}
