"""The result card of a map opened with `--level`: a won fight, a solved puzzle and a caught Rostavili each
end on it with the run's figures; Retry plays the map again from its start, Title goes to the title."""
import pygame
import pytest
from conftest import room, tmx_text

from game.cli import build_app, build_parser
from game.input.actions import Action, EdgeTracker, InputFrame
from game.modes.context import MapContext
from game.modes.level.scene import LevelScene
from game.modes.puzzle.autopilot import autopilot_mask
from game.modes.registry import mode
from game.paths import LEVELS
from game.scenes.result import CALM_STEPS, Result, ResultScene, game_time
from game.scenes.stack import BaseScene, Replace, Reset, SceneStack
from game.scenes.title import TitleScene
from game.world.tilemap import load_tilemap

pytestmark = pytest.mark.usefixtures("display")  # every test draws (conftest.display)


class Title(BaseScene):
    """Stands in for the title screen."""


def play_map(tilemap, kind="level"):
    """The stack and the map's scene, built as the CLI builds it: on_done restarts, Title resets."""
    stack = SceneStack()
    built = []

    def new_scene():
        ctx = MapContext(tilemap, seed=0, on_done=lambda outcome: Replace(new_scene()),
                         to_title=lambda: Reset(Title()))
        built.append(mode(kind).map_scene(ctx))
        return built[-1]

    stack.push(new_scene())
    return stack, built


def press(stack, mask=0, pressed=0):
    stack.handle(InputFrame(held=mask, pressed=pressed))
    stack.update(1 / 60)


def choose(stack, label):
    card = stack.top
    assert isinstance(card, ResultScene)
    for _ in range(CALM_STEPS):
        press(stack)
    while card.menu.current.key != label:
        press(stack, int(Action.DOWN), int(Action.DOWN))
    press(stack, int(Action.CONFIRM), int(Action.CONFIRM))


@pytest.fixture
def exit_room(write_level):
    """A room with an enemy to beat and an exit two tiles right of Danko that needs the room clear."""
    objects = ('<object id="1" type="player_spawn" x="40" y="56"/>'
               '<object id="2" type="exit" x="96" y="32" width="16" height="48">'
               '<properties><property name="requires_clear" type="bool" value="true"/></properties></object>'
               '<object id="3" name="thug" type="enemy" x="60" y="56"><properties>'
               '<property name="kind" value="brawler"/><property name="aggro" type="bool" value="true"/>'
               '</properties></object>')
    return load_tilemap(write_level(tmx_text(room(9, 6), objects=objects)))


def win_the_fight(stack):
    """Punch, punch, kick at the thug until he is down, then walk right into the exit."""
    scene = stack.top
    for step in range(3000):
        if isinstance(stack.top, ResultScene):
            return scene
        live = [e for e in scene.sim.live if e.active]
        if live:
            button = (int(Action.PUNCH), int(Action.PUNCH), int(Action.KICK))[(step // 12) % 3]
            press(stack, int(Action.RIGHT) if step % 12 == 0 else 0, button if step % 12 == 0 else 0)
        else:
            press(stack, int(Action.RIGHT))
    raise AssertionError("the fight was not won")


def test_game_time_reads_minutes_seconds_tenths():
    assert game_time(0) == "0:00.0"
    assert game_time(3723) == "1:02.0"
    assert game_time(90) == "0:01.5"


def test_a_won_fight_ends_on_the_card_with_its_figures(exit_room):
    stack, _ = play_map(exit_room)
    scene = win_the_fight(stack)
    sim = scene.sim
    card = stack.top.result
    assert card.heading == "LEVEL CLEAR"
    assert card.value("Time") == game_time(sim.steps) and sim.steps > 60
    assert card.value("Hits taken") == str(sim.hits_taken)
    assert card.value("Best combo") == f"{sim.best_combo} hits" and sim.best_combo >= 2
    assert card.value("Enemies down") == "1"
    steps = sim.steps
    press(stack, int(Action.RIGHT))
    assert sim.steps == steps  # the won level waits under its card
    surface = pygame.Surface((320, 180))
    stack.draw(surface)  # the card draws over the level


def test_retry_plays_the_map_again_from_its_start(exit_room):
    stack, built = play_map(exit_room)
    win_the_fight(stack)
    choose(stack, "Retry")
    assert len(stack) == 1 and isinstance(stack.top, LevelScene) and stack.top is built[-1]
    assert len(built) == 2 and stack.top.sim.steps == 0 and stack.top.sim.kills == 0


def test_title_goes_to_the_title(exit_room):
    stack, _ = play_map(exit_room)
    win_the_fight(stack)
    choose(stack, "Title")
    assert len(stack) == 1 and isinstance(stack.top, Title)


def test_the_card_ignores_a_mashed_button_at_first():
    card = ResultScene(Result("LEVEL CLEAR", (("Time", "0:01.0"),)), on_retry=lambda: None)
    assert [item.key for item in card.menu.items] == ["Retry"]  # no title to go to: no Title entry
    card.handle(InputFrame(held=int(Action.CONFIRM), pressed=int(Action.CONFIRM)))
    assert card.update(1 / 60) is None


def test_a_solved_puzzle_ends_on_the_card_with_time_and_picks():
    stack, built = play_map(load_tilemap(LEVELS / "locksmith.tmx"), "puzzle")
    scene = built[0]
    edges = EdgeTracker()
    for step in range(2000):
        if isinstance(stack.top, ResultScene):
            break
        stack.handle(edges.frame(autopilot_mask(scene.state, step)))
        stack.update(1 / 60)
    card = stack.top.result
    assert card.heading == "SOLVED"
    assert card.value("Time") == game_time(scene.state.steps) and scene.state.steps > 0
    assert card.value("Cards picked") == str(scene.state.picks) and scene.state.picks >= 3
    assert card.value("Wrong picks") == str(scene.state.total_wrong)


def test_a_caught_rostavili_ends_on_the_card_with_time_tries_and_crashes():
    stack, built = play_map(load_tilemap(LEVELS / "bus_chase.tmx"), "chase")
    scene = built[0]
    for _ in range(120):
        press(stack, int(Action.UP | Action.LEFT))  # into the kerb: a crash or two
    transition = scene.on_done("won")  # as the fight on foot by the wreck reports its win
    stack.apply(transition)
    card = stack.top.result
    assert card.heading == "CAUGHT HIM"
    assert card.value("Time") == game_time(scene.sim.steps)
    assert card.value("Tries") == str(scene.retries + 1)
    assert card.value("Crashes") == str(scene.sim.crashes) and scene.sim.crashes >= 1


def test_the_cli_gives_a_level_its_way_to_the_title():
    app = build_app(build_parser().parse_args(["play", "--headless", "--level", str(LEVELS / "bathhouse.tmx")]))
    scene = app.first_scene()
    transition = scene.pause.quit_to_title()
    assert isinstance(transition, Reset) and isinstance(transition.scene, TitleScene)
