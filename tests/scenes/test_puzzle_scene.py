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


def test_a_frame_drawn_again_from_the_last_one_is_the_picture_drawn_whole():
    # the scene reuses its last frame while nothing it shows has changed: at every step of a solve
    # (moves, wrong picks, the shake, the locksmith's tapping, the next board) it equals a whole draw
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    scene = PuzzleScene(load_tilemap(LEVELS / "locksmith.tmx"), on_done=lambda o: None)
    scene.enter()
    reused, whole = pygame.Surface((320, 180)), pygame.Surface((320, 180))
    edges = EdgeTracker()
    blits = 0
    for step in range(1200):  # a move or pick every 20 steps, as a person picks, and idle between
        scene.handle(edges.frame(autopilot_mask(scene.state, step) if step % 20 < 2 else 0))
        scene.update(1 / 60)
        before = scene._frame
        reused.fill((255, 0, 255))
        scene.draw(reused)
        blits += scene._frame is before
        scene._draw(whole)
        assert pygame.image.tobytes(reused, "RGB") == pygame.image.tobytes(whole, "RGB"), step
        if scene.state.board >= len(scene.state.puzzle.boards):
            break
    assert blits > 0
