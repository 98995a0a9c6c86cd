import pygame
import pytest

from game.desktop.settings import Settings, SettingsStore, load_settings
from game.input.actions import Action, EdgeTracker
from game.input.devices import conflicts
from game.scenes.options import OptionsScene
from game.scenes.pause import PauseHooks, PauseScene
from game.scenes.stack import BaseScene, Replace, Reset, SceneStack


class Playing(BaseScene):
    pause_on_focus_loss = True

    def __init__(self, name):
        self.name = name


class Driver:
    """Feeds held masks through the same EdgeTracker path the app uses, one step each."""

    def __init__(self, stack):
        self.stack, self.edges = stack, EdgeTracker()

    def press(self, *actions):
        mask = 0
        for action in actions:
            mask |= int(action)
        for held in (mask, 0):  # press and release: one step each
            self.stack.handle(self.edges.frame(held))
            self.stack.update(1 / 60)


@pytest.fixture
def store(tmp_path):
    applied = []
    s = SettingsStore(Settings(), tmp_path, lambda old, new: applied.append(new))
    s.applied = applied
    return s


def paused(store, **hooks):
    stack = SceneStack()
    stack.push(Playing("level"))
    stack.push(PauseScene(PauseHooks(options=lambda: OptionsScene(store), **hooks)))
    return stack, Driver(stack)


def test_pause_resume_by_menu_and_by_pause_key(store):
    stack, drive = paused(store)
    drive.press(Action.CONFIRM)  # "Resume" is first
    assert [type(s).__name__ for s in stack.scenes] == ["Playing"]
    stack.push(PauseScene())
    drive.press(Action.PAUSE)
    assert len(stack) == 1


def test_restart_pops_the_pause_and_replaces_the_level(store):
    stack, drive = paused(store, restart=lambda: Replace(Playing("fresh")),
                          quit_to_title=lambda: Reset(Playing("title")))
    drive.press(Action.DOWN)
    drive.press(Action.DOWN)
    drive.press(Action.CONFIRM)
    assert [s.name for s in stack.scenes] == ["fresh"]


def test_quit_to_title_empties_the_stack_first(store):
    stack, drive = paused(store, restart=lambda: Replace(Playing("fresh")),
                          quit_to_title=lambda: Reset(Playing("title")))
    drive.press(Action.UP)  # wraps to the last entry
    drive.press(Action.CONFIRM)
    assert [s.name for s in stack.scenes] == ["title"]


def test_menu_without_hooks_offers_only_resume():
    assert [i.label for i in PauseScene().menu.items] == ["Resume"]


def test_options_change_applies_at_once_and_saves_on_close(store, tmp_path):
    stack, drive = paused(store)
    drive.press(Action.DOWN)
    drive.press(Action.CONFIRM)  # Options
    assert isinstance(stack.top, OptionsScene)
    drive.press(Action.LEFT)  # music 70% -> 60%
    assert store.applied[-1].music_volume == pytest.approx(0.6)
    drive.press(Action.DOWN)
    drive.press(Action.RIGHT)  # effects 80% -> 90%
    for _ in range(4):
        drive.press(Action.DOWN)  # mute, scale, fullscreen, difficulty
    drive.press(Action.RIGHT)  # difficulty normal -> hard
    drive.press(Action.DOWN)
    drive.press(Action.CONFIRM)  # screen shake: Confirm toggles too (one-button use)
    drive.press(Action.DOWN)
    drive.press(Action.LEFT)  # text speed normal -> slow
    s = store.settings
    assert (s.sfx_volume, s.difficulty, s.screen_shake, s.text_speed) == (0.9, "hard", False, "slow")
    assert not (tmp_path / "settings.json").exists()
    drive.press(Action.PAUSE)  # back to the pause menu; leaving options saves
    assert isinstance(stack.top, PauseScene)
    assert load_settings(tmp_path) == store.settings


def test_volume_stays_in_range_when_held(store):
    stack = SceneStack()
    stack.push(OptionsScene(store))
    edges = EdgeTracker()
    for _ in range(200):  # holding Right repeats, but never past 100%
        stack.handle(edges.frame(int(Action.RIGHT)))
        stack.update(1 / 60)
    assert store.settings.music_volume == 1.0


def _open_controls(stack, drive, page_index):
    for _ in range(page_index):
        drive.press(Action.DOWN)
    drive.press(Action.CONFIRM)
    assert stack.top.page in ("keys", "pad", "keys2", "pad2")


def test_key_rebinding_round_trip_with_conflict(store, tmp_path):
    pygame.init()
    stack = SceneStack()
    options = OptionsScene(store)
    stack.push(options)
    drive = Driver(stack)
    _open_controls(stack, drive, 8)  # Keyboard controls
    for _ in range(4):
        drive.press(Action.DOWN)  # Up, Down, Left, Right -> Punch
    drive.press(Action.CONFIRM)
    assert options.capturing == ("keys", Action.PUNCH) and "Punch" in options.message
    assert options.capture_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_F12, mod=0))
    assert options.capturing is not None and "reserved" in options.message
    assert options.capture_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_x, mod=0))
    assert options.capturing is None and "Kick" in options.message  # x was Kick's: conflict named
    assert store.settings.keys["PUNCH"] == ("x", "j") and store.settings.keys["KICK"] == ("k",)
    drive.press(Action.PAUSE)  # back to the main page
    drive.press(Action.PAUSE)  # close: saved
    assert len(stack) == 0
    loaded = load_settings(tmp_path)
    assert loaded.keys == store.settings.keys
    assert conflicts({Action[k]: v for k, v in loaded.keys.items()}) == {}


def test_rebind_cancel_and_timeout_leave_bindings_alone(store):
    pygame.init()
    stack = SceneStack()
    options = OptionsScene(store)
    stack.push(options)
    drive = Driver(stack)
    _open_controls(stack, drive, 8)
    before = dict(store.settings.keys)
    drive.press(Action.CONFIRM)
    options.capture_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0))
    assert options.capturing is None and store.settings.keys == before
    drive.press(Action.CONFIRM)
    for _ in range(60 * 7):
        drive.press()
    assert options.capturing is None and "unchanged" in options.message


def test_gamepad_rebinding_and_menus_with_a_gamepad_alone(store, tmp_path):
    stack = SceneStack()
    options = OptionsScene(store)
    stack.push(options)
    drive = Driver(stack)
    _open_controls(stack, drive, 9)  # Gamepad controls
    for _ in range(5):
        drive.press(Action.DOWN)  # -> Kick
    drive.press(Action.CONFIRM)
    assert options.capturing == ("pad", Action.KICK)
    down = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=7, button=pygame.CONTROLLER_BUTTON_A)
    assert options.capture_event(down)
    assert store.settings.pad["KICK"] == ("a",)
    assert store.settings.pad["CONFIRM"] == ("b",)  # Confirm had only "a": swapped, so menus still work
    # The Back button cancels a gamepad rebind.
    drive.press(Action.CONFIRM)
    back = pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=7, button=pygame.CONTROLLER_BUTTON_BACK)
    options.capture_event(back)
    assert options.capturing is None and store.settings.pad["KICK"] == ("a",)
    drive.press(Action.DOWN)
    drive.press(Action.DOWN)
    drive.press(Action.DOWN)  # ... -> Reset to defaults (Restart and Skip scene are below Kick)
    while stack.top.menu.current.label != "Reset to defaults":
        drive.press(Action.DOWN)
    drive.press(Action.CONFIRM)
    assert store.settings.pad == Settings().pad


def test_overlays_draw_over_the_scene_below(store):
    pygame.init()
    surface = pygame.Surface((320, 180))
    surface.fill((200, 200, 200))
    stack = SceneStack()
    stack.push(PauseScene(PauseHooks(options=lambda: OptionsScene(store))))
    stack.scenes[0].enter()
    stack.draw(surface)
    assert surface.get_at((2, 2))[:3] != (200, 200, 200)  # dimmed
    assert surface.get_at((2, 2))[:3] != (0, 0, 0)  # but still visible beneath


def test_menus_tick_and_confirm_and_effects_volume_is_heard_at_its_new_level(store):
    from game.desktop.audio import Audio

    audio = Audio.null()
    stack = SceneStack()
    stack.push(PauseScene(PauseHooks(options=lambda: OptionsScene(store, audio), audio=audio)))
    drive = Driver(stack)
    drive.press(Action.DOWN)
    drive.press(Action.CONFIRM)
    assert list(audio.history)[-2:] == [("play", "menu_move"), ("play", "confirm")]
    drive.press(Action.DOWN)
    drive.press(Action.LEFT)  # effects 80% -> 70%, then the sample
    assert store.settings.sfx_volume == pytest.approx(0.7) and audio.history[-1] == ("play", "menu_move")


def test_window_scale_never_goes_past_what_the_display_can_show(store):
    stack = SceneStack()
    stack.push(OptionsScene(store, max_scale=3))  # a display that fits x3 at most
    edges = EdgeTracker()
    labels = [item.label for item in stack.top.menu.items]
    for _ in range(labels.index("Window scale")):
        stack.handle(edges.frame(int(Action.DOWN)))
        stack.update(1 / 60)
        stack.handle(edges.frame(0))
        stack.update(1 / 60)
    for _ in range(120):  # hold Right: the scale climbs to the largest that fits, never past it
        stack.handle(edges.frame(int(Action.RIGHT)))
        stack.update(1 / 60)
    assert store.settings.scale == 3


def test_largest_scale_fits_the_desktop(monkeypatch):
    from game.desktop.app import App

    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(1366, 768)])
    assert App.largest_scale() == 4  # 1280x720 fits, 1600x900 does not
    monkeypatch.setattr(pygame.display, "get_desktop_sizes", lambda: [(800, 600)])
    assert App.largest_scale() == 2
    assert App._window_size(6) == (640, 360)


def test_player_two_rebinding_has_his_own_pages_and_saves(store, tmp_path):
    pygame.init()
    stack = SceneStack()
    options = OptionsScene(store)
    stack.push(options)
    drive = Driver(stack)
    _open_controls(stack, drive, 10)  # Player 2 keyboard
    assert options.page == "keys2"
    for _ in range(4):
        drive.press(Action.DOWN)  # Up, Down, Left, Right -> Punch
    drive.press(Action.CONFIRM)
    assert options.capturing == ("keys2", Action.PUNCH)
    assert options.capture_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_t, mod=0))
    assert store.settings.keys2["PUNCH"] == ("t",) and store.settings.keys["PUNCH"] == ("z", "j")
    drive.press(Action.PAUSE)
    drive.press(Action.PAUSE)
    loaded = load_settings(tmp_path)
    assert loaded.keys2 == store.settings.keys2 and loaded.pad2 == store.settings.pad2
