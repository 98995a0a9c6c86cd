"""The chase scene: draws, retries from the start when he is lost, hands over to the fight on foot."""
import pygame
import pytest
from conftest import level_map

from game.input.actions import EdgeTracker
from game.modes.chase.autopilot import autopilot_mask
from game.modes.chase.scene import ChaseScene
from game.modes.chase.sim import WON
from game.scenes.stack import BaseScene, Replace


@pytest.fixture(scope="module")
def tilemap():
    pygame.display.init()
    pygame.display.set_mode((320, 180))
    return level_map("bus_chase")


class FakeFinale(BaseScene):
    def __init__(self, on_done):
        self.on_done, self.updates = on_done, 0

    def update(self, dt):
        self.updates += 1
        return self.on_done(WON) if self.updates == 3 else None


def test_losing_him_restarts_the_chase_inside_the_scene(tilemap):
    outcomes = []
    scene = ChaseScene(tilemap, on_done=lambda o: outcomes.append(o))
    scene.enter()
    scene.sim.tuning = type(scene.sim.tuning)(lose_steps=30, grace_steps=0)
    edges = EdgeTracker()
    for _ in range(400):
        scene.handle(edges.frame(0))
        scene.update(1 / 60)
        if scene.retries:
            break
    assert scene.retries == 1 and outcomes == []
    assert scene.sim.steps == 0 and scene.sim.outcome is None


def test_won_chase_hands_over_to_the_finale_then_reports_won(tilemap):
    done = Replace(BaseScene())
    made = []

    def finale(sim, on_done):
        made.append(FakeFinale(on_done))
        return made[-1]

    scene = ChaseScene(tilemap, on_done=lambda o: done if o == WON else None, finale=finale)
    scene.enter()
    edges = EdgeTracker()
    surface = pygame.Surface((320, 180))
    result = None
    for step in range(6000):
        scene.handle(edges.frame(autopilot_mask(scene.sim)))
        result = scene.update(1 / 60)
        if step % 500 == 0:
            scene.draw(surface)  # drawing never fails and never changes the simulation
        if result is not None:
            break
    assert made and result is done
    scene.draw(surface)


def test_frame_shows_both_buses_and_the_hud(tilemap):
    scene = ChaseScene(tilemap)
    scene.enter()
    edges = EdgeTracker()
    for _ in range(30):
        scene.handle(edges.frame(autopilot_mask(scene.sim)))
        scene.update(1 / 60)
    assert scene.sim.on_screen(scene.sim.rostavili)
    surface = pygame.Surface((320, 180))
    scene.draw(surface)
    px = pygame.surfarray.array3d(surface)
    # His bus's red stripe and the player's blue stripe are both on screen.
    reds = ((px[..., 0] > 150) & (px[..., 1] < 50) & (px[..., 2] < 50)).sum()
    blues = ((px[..., 2] > 150) & (px[..., 0] < 60)).sum()
    assert reds > 20 and blues > 20


def test_the_drive_card_stays_until_the_throttle_and_the_steering_are_used(monkeypatch):
    """A first-time player held Right on a bus facing right and sat at 0 km/h: the chase names its controls
    (throttle, brake/reverse, steer) until both the throttle and the steering have been used."""
    from game.input.actions import Action, InputFrame
    from game.modes.chase.controls import DriveHint

    monkeypatch.setattr(DriveHint, "learned", False)
    hint = DriveHint()
    assert hint.showing
    hint.note(InputFrame(held=int(Action.RIGHT)))
    assert hint.showing and hint.steered and not hint.throttled
    hint.note(InputFrame(held=int(Action.UP)))
    assert not hint.showing and not DriveHint().showing  # once per run of the game


def test_vehicles_out_of_view_are_left_out_and_the_frame_is_the_same(tilemap):
    # the city has some 50 vehicles and a frame shows a handful: the sprites of the rest are not made,
    # and every frame equals the one drawn with every vehicle
    scene = ChaseScene(tilemap, seed=0)
    scene.enter()
    every = ChaseScene._vehicle_sprites
    edges = EdgeTracker()
    culled, full = pygame.Surface((320, 180)), pygame.Surface((320, 180))
    left_out = 0
    for step in range(600):
        scene.handle(edges.frame(autopilot_mask(scene.sim)))
        scene.update(1 / 60)
        if step % 3:
            continue
        scene.draw(culled)
        scene._vehicle_sprites = lambda view=None: every(scene)
        scene.draw(full)
        del scene._vehicle_sprites
        assert pygame.image.tobytes(culled, "RGB") == pygame.image.tobytes(full, "RGB"), step
        left_out += len(every(scene)) - len(every(scene, (*scene.sim.camera.offset, 320, 180)))
    assert left_out > 0


def test_the_drive_card_follows_a_rebind_and_the_controls_used(monkeypatch):
    # its rows are named once and kept while the bindings and what has been used stay the same
    from game.input.actions import Action, InputFrame
    from game.input.devices import InputReader, KeyBindings, PadBindings
    from game.modes.chase.controls import DriveHint

    pygame.init()
    monkeypatch.setattr(DriveHint, "learned", False)
    reader = InputReader()
    hint = DriveHint()
    first = hint.rows()
    assert hint.rows() is first and first[0][:2] == ("Up", "Throttle") and not first[0][2]
    hint.note(InputFrame(int(Action.UP), int(Action.UP)))
    assert hint.rows()[0] == ("Up", "Throttle", True)
    keys = KeyBindings()
    keys.keys = dict(keys.keys)
    keys.keys[Action.UP] = ("w",)
    reader.set_bindings(keys, PadBindings())
    assert hint.rows()[0] == ("W", "Throttle", True)
    monkeypatch.setattr(reader.gamepad, "pads", [object()])  # a pad plugged in: its buttons are named
    assert hint.rows()[2][0] == "D-pad / stick"
    hint.note(InputFrame(int(Action.LEFT), int(Action.LEFT)))
    assert hint.rows()[2] == ("D-pad / stick", "Steer", True)
    InputReader()  # back to the defaults for the other tests
