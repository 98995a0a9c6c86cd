import pygame
import pytest

from game.input.actions import Action, EdgeTracker, two_players
from game.input.devices import GamepadReader, InputReader, PadBindings, stick_bits
from game.input.replay import decode_replay, encode_replay


class FakeSDL:
    """Opens 'controllers' by device index with made-up instance ids, as SDL would."""

    def __init__(self):
        self.next_id = 100

    def __call__(self, device_index):
        self.next_id += 1
        return self.next_id, object()


def added(index):
    return pygame.event.Event(pygame.CONTROLLERDEVICEADDED, device_index=index)


def removed(iid):
    return pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=iid)


def button(iid, b, down=True):
    return pygame.event.Event(pygame.CONTROLLERBUTTONDOWN if down else pygame.CONTROLLERBUTTONUP,
                              instance_id=iid, button=b)


def axis(iid, a, value):
    return pygame.event.Event(pygame.CONTROLLERAXISMOTION, instance_id=iid, axis=a, value=value)


def test_hot_plug_tracked_by_instance_id():
    pads = GamepadReader(opener=FakeSDL())
    pads.on_event(added(0))
    pads.on_event(added(0))  # a second pad at the same device index gets its own instance id
    assert sorted(pads.pads) == [101, 102]
    pads.on_event(button(101, pygame.CONTROLLER_BUTTON_X))
    pads.on_event(button(102, pygame.CONTROLLER_BUTTON_DPAD_LEFT))
    assert pads.take() == int(Action.PUNCH | Action.LEFT)
    pads.on_event(removed(101))  # unplugged while holding X: its input is gone, the other pad stays
    assert pads.take() == int(Action.LEFT)
    pads.on_event(removed(102))
    assert pads.take() == 0 and pads.pads == {}


def test_a_tap_shorter_than_a_step_still_counts_once():
    pads = GamepadReader(opener=FakeSDL())
    pads.on_event(added(0))
    pads.on_event(button(101, pygame.CONTROLLER_BUTTON_A))
    pads.on_event(button(101, pygame.CONTROLLER_BUTTON_A, down=False))
    assert pads.take() == int(Action.CONFIRM) and pads.take() == 0


@pytest.mark.parametrize("x, y, expected", [
    (0.0, 0.0, 0), (0.2, 0.0, 0), (0.0, -0.24, 0),  # inside the dead zone
    (0.5, 0.0, Action.RIGHT), (0.0, -0.9, Action.UP),
    (0.7, 0.7, Action.RIGHT | Action.DOWN), (-0.3, -0.3, Action.LEFT | Action.UP),
    (0.9, 0.2, Action.RIGHT),  # mostly right: no stray vertical
])
def test_stick_dead_zone_and_sectors(x, y, expected):
    assert stick_bits(x, y, 0.25) == int(expected)


def test_stick_and_triggers_through_events():
    pads = GamepadReader(PadBindings({Action.SHOOT: ("righttrigger",)}), opener=FakeSDL())
    pads.on_event(added(0))
    pads.on_event(axis(101, pygame.CONTROLLER_AXIS_LEFTX, -30000))
    pads.on_event(axis(101, pygame.CONTROLLER_AXIS_TRIGGERRIGHT, 32767))
    assert pads.take() == int(Action.LEFT | Action.SHOOT)
    pads.on_event(axis(101, pygame.CONTROLLER_AXIS_LEFTX, -3000))  # back inside the dead zone
    pads.on_event(axis(101, pygame.CONTROLLER_AXIS_TRIGGERRIGHT, 1000))
    assert pads.take() == 0


def test_gamepad_and_keyboard_share_one_replayable_mask_path():
    pygame.init()
    reader = InputReader(opener=FakeSDL())
    reader.on_event(added(0))
    masks = []
    reader.on_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_RIGHT, mod=0))
    masks.append(reader.take())
    reader.on_event(button(101, pygame.CONTROLLER_BUTTON_X))
    masks.append(reader.take())
    reader.on_event(pygame.event.Event(pygame.KEYUP, key=pygame.K_RIGHT, mod=0))
    reader.on_event(button(101, pygame.CONTROLLER_BUTTON_X, down=False))
    masks.append(reader.take())
    assert masks == [int(Action.RIGHT), int(Action.RIGHT | Action.PUNCH), 0]
    edges = EdgeTracker()
    frames = [edges.frame(m) for m in decode_replay(encode_replay(masks))]
    assert frames[1].was_pressed(Action.PUNCH) and frames[1].is_held(Action.RIGHT)


def test_focus_loss_releases_everything():
    pygame.init()
    reader = InputReader(opener=FakeSDL())
    reader.on_event(added(0))
    reader.on_event(button(101, pygame.CONTROLLER_BUTTON_DPAD_UP))
    reader.on_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_z, mod=0))
    reader.take()
    reader.on_event(pygame.event.Event(pygame.WINDOWFOCUSLOST))
    assert reader.take() == 0


def key(k, down=True):
    return pygame.event.Event(pygame.KEYDOWN if down else pygame.KEYUP, key=k, mod=0)


def test_second_keyboard_set_takes_wasd_on_its_confirm_and_gives_it_back_on_skip():
    pygame.init()
    reader = InputReader(opener=FakeSDL())
    reader.on_event(key(pygame.K_w))
    assert reader.take() == int(Action.UP)  # one player: WASD moves Danko
    reader.on_event(key(pygame.K_w, down=False))
    reader.on_event(key(pygame.K_e))  # player 2 joins
    assert reader.take() == two_players(0, int(Action.CONFIRM))
    reader.on_event(key(pygame.K_e, down=False))
    reader.on_event(key(pygame.K_w))
    reader.on_event(key(pygame.K_UP))
    assert reader.take() == two_players(int(Action.UP), int(Action.UP))  # arrows: Danko, W: Ridzik
    reader.on_event(key(pygame.K_w, down=False))
    reader.on_event(key(pygame.K_q))  # drop out
    reader.take()
    reader.on_event(key(pygame.K_q, down=False))
    reader.on_event(key(pygame.K_a))
    assert reader.take() == int(Action.UP | Action.LEFT)  # A is Danko's again


def test_the_second_gamepad_is_player_two():
    pygame.init()
    reader = InputReader(opener=FakeSDL())
    reader.on_event(added(0))
    reader.on_event(added(1))
    reader.on_event(button(101, pygame.CONTROLLER_BUTTON_X))
    reader.on_event(button(102, pygame.CONTROLLER_BUTTON_A))
    reader.on_event(button(102, pygame.CONTROLLER_BUTTON_A, down=False))  # a tap shorter than a step
    assert reader.take() == two_players(int(Action.PUNCH), int(Action.CONFIRM))
    assert reader.take() == int(Action.PUNCH)
