"""The level scene headless: it draws, pushes dialogue for a scripted beat, restarts on R, and offers
Continue on game over (which restarts the level from its start)."""
import pygame

from game.input.actions import Action, InputFrame
from game.modes.events import Dialogue
from game.modes.level.scene import LevelScene
from game.modes.level.sim import LOST, LevelSim
from game.paths import LEVELS
from game.scenes.gameover import GameOverScene
from game.scenes.stack import SceneStack
from game.world.tilemap import load_tilemap


class Beat:
    opaque = False

    def __init__(self, beat, key):
        self.beat, self.key = beat, key

    def enter(self): pass
    def exit(self): pass
    def handle(self, frame): pass
    def update(self, dt): return None
    def draw(self, surface): pass


def scene_for(name="bathhouse", **kw):
    sim = LevelSim(load_tilemap(LEVELS / f"{name}.tmx"), **kw)
    scene = LevelScene(sim, dialogue=lambda beat, key: Beat(beat, key))
    stack = SceneStack()
    stack.push(scene)
    return stack, scene


def step(stack, action=0, pressed=0):
    stack.handle(InputFrame(held=action, pressed=pressed))
    stack.update(1 / 60)


def test_draws_a_frame_with_hud_and_actors(display):
    stack, scene = scene_for()
    surface = pygame.Surface((320, 180))
    for _ in range(30):
        step(stack, int(Action.RIGHT))
    stack.draw(surface)
    colors = {surface.get_at((x, y))[:3] for x in range(0, 320, 7) for y in range(0, 180, 7)}
    assert len(colors) > 12


def test_r_restarts_the_level_at_once(display):
    stack, scene = scene_for()
    for _ in range(40):
        step(stack, int(Action.RIGHT))
    moved = scene.sim.player.body.x
    step(stack, int(Action.RESTART), int(Action.RESTART))
    assert scene.sim.steps == 0 and scene.sim.player.body.x < moved and scene.restarts == 1


def test_a_dialogue_event_pushes_the_story_overlay_and_pauses_the_fight(display):
    stack, scene = scene_for()
    scene.sim.emit(Dialogue("bathhouse", "outro"))
    scene._pending.append(("bathhouse", "outro"))
    step(stack)
    top = stack.top
    assert isinstance(top, Beat) and (top.beat, top.key) == ("bathhouse", "outro")
    steps = scene.sim.steps
    step(stack)
    assert scene.sim.steps == steps  # the level waits under the overlay


def test_game_over_offers_continue_from_the_level_start(display):
    stack, scene = scene_for()
    scene.sim.outcome = LOST
    scene.sim.steps = 500
    step(stack)  # sim.step returns the outcome: game over is pushed
    assert isinstance(stack.top, GameOverScene)
    for _ in range(40):
        step(stack)
    step(stack, int(Action.CONFIRM), int(Action.CONFIRM))
    assert stack.top is scene and scene.sim.outcome is None and scene.sim.steps == 0


def test_story_lines_resolve_from_story_toml():
    from game.modes.level.scene import story_lines

    lines = story_lines("hotel", "outro")
    assert lines and all(line.text for line in lines)
    assert story_lines("hotel", "no_such_key") == ()


def test_the_controls_card_steps_aside_while_a_dialogue_is_up(display, monkeypatch):
    """The card showed through the dialogue box (a first-time player read both at once)."""
    from game.modes.level.controls import ControlsHint

    monkeypatch.setattr(ControlsHint, "learned", False)  # once per run of the game: other tests may have fought
    stack, scene = scene_for()
    assert scene.controls is not None and scene.controls.showing
    drawn = []
    scene.controls.draw = lambda *args: drawn.append(True)
    scene._pending.append(("bathhouse", "outro"))
    step(stack)
    assert scene.talking
    scene.draw(pygame.Surface((320, 180)))
    assert not drawn
    stack.pop()
    step(stack)
    assert not scene.talking
    scene.draw(pygame.Surface((320, 180)))
    assert drawn
