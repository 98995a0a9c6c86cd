import pygame
import pytest

from game.cli import main
from game.desktop.app import App, AppConfig, letterbox
from game.desktop.settings import Settings, load_settings, save_settings
from game.input.actions import Action, EdgeTracker
from game.modes.level.scene import LevelScene
from game.modes.level.sim import LevelSim
from game.paths import first_level
from game.scenes.options import OptionsScene
from game.scenes.pause import PauseScene
from game.world.tilemap import load_tilemap


@pytest.mark.parametrize("window, scale, topleft", [
    ((1280, 720), 4, (0, 0)),
    ((1281, 721), 4, (0, 0)),
    ((1001, 703), 3, (20, 81)),
    ((961, 1079), 3, (0, 269)),
    ((333, 999), 1, (6, 409)),
    ((3841, 2161), 12, (0, 0)),
    ((300, 171), 1, (-10, -5)),  # smaller than one view: x1, centred, cropped, never squashed
])
def test_letterbox_is_integer_scaled_and_centred(window, scale, topleft):
    rect = letterbox(window)
    assert rect.size == (320 * scale, 180 * scale) and rect.topleft == topleft
    left, right = rect.x, window[0] - rect.right
    top, bottom = rect.y, window[1] - rect.bottom
    assert abs(left - right) <= 1 and abs(top - bottom) <= 1


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("REDHEAT_DATA_DIR", str(tmp_path))
    tilemap = load_tilemap(first_level())
    a = App(AppConfig(scale=2))
    a.first_scene = lambda: LevelScene(LevelSim(tilemap), pause=a.pause_hooks())
    a._open_display()
    a.stack.push(a.first_scene())
    yield a
    pygame.display.quit()


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod)


def test_focus_loss_pauses_through_the_input_path(app):
    edges = EdgeTracker()
    app.step(edges)
    app.dispatch(pygame.event.Event(pygame.WINDOWFOCUSLOST))
    app.step(edges)
    assert isinstance(app.stack.top, PauseScene)
    app.dispatch(pygame.event.Event(pygame.WINDOWFOCUSLOST))  # already paused: stays paused
    app.step(edges)
    app.step(edges)
    assert isinstance(app.stack.top, PauseScene)


def test_escape_pauses_and_options_rebinding_reaches_the_reader(app):
    edges = EdgeTracker()
    app.dispatch(key(pygame.K_ESCAPE))
    app.step(edges)
    app.dispatch(pygame.event.Event(pygame.KEYUP, key=pygame.K_ESCAPE, mod=0))
    app.step(edges)
    assert isinstance(app.stack.top, PauseScene)
    app.stack.top.menu.index = 1  # Options
    app.dispatch(key(pygame.K_RETURN))
    app.step(edges)
    assert isinstance(app.stack.top, OptionsScene)
    options = app.stack.top
    options.bind("keys", Action.SHOOT, "q")
    app.dispatch(key(pygame.K_q))
    assert app.reader.take() & Action.SHOOT  # the new binding is live at once


def test_f12_screenshot_goes_to_the_data_folder_and_says_where(app, tmp_path):
    app._present()
    app.dispatch(key(pygame.K_F12))
    app._present()
    shots = list((tmp_path / "screenshots").glob("*.png"))
    assert len(shots) == 1 and pygame.image.load(str(shots[0])).get_size() == (640, 360)
    assert any(str(shots[0]) in text for text, _ in app.notices)


def test_alt_enter_and_f11_toggle_fullscreen_and_scale_resizes(app):
    assert pygame.display.get_surface().get_size() == (640, 360)
    app.dispatch(key(pygame.K_RETURN, pygame.KMOD_LALT))
    assert app.settings.fullscreen
    assert app.reader.take() == 0  # Alt+Enter is not a Confirm press
    app.dispatch(key(pygame.K_F11))
    assert not app.settings.fullscreen
    app.store.update(scale=3)
    assert pygame.display.get_surface().get_size() == (960, 540)


def test_corrupt_settings_file_is_reported_on_screen(tmp_path):
    (tmp_path / "settings.json").write_text("nonsense")
    a = App(AppConfig(data_dir=tmp_path))
    assert a.settings == Settings() and any("settings.json.bad" in t for t, _ in a.notices)


def test_cli_flags_are_session_only_and_validated(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REDHEAT_DATA_DIR", str(tmp_path))
    save_settings(Settings(scale=5, muted=False), tmp_path)
    assert main(["--headless", "--frames", "3", "--scale", "2", "--mute", "--fullscreen"]) == 0
    assert load_settings(tmp_path) == Settings(scale=5, muted=False)
    for bad in (["--scale", "7"], ["--scale", "x"], ["--windowed", "--fullscreen"]):
        with pytest.raises(SystemExit) as exc:
            main(["--headless", "--frames", "1", *bad])
        assert exc.value.code == 2


class FakeAudio:
    def __init__(self):
        self.volumes = []

    def set_volumes(self, music, sfx):
        self.volumes.append((music, sfx))


def test_volume_and_mute_changes_reach_the_audio_at_once(app):
    app.audio = FakeAudio()
    app.store.update(music_volume=0.3)
    assert app.audio.volumes[-1] == (0.3, 0.8)
    app.store.update(muted=True)
    assert app.audio.volumes[-1] == (0.0, 0.0)
    app.store.update(sfx_volume=0.5)  # changing a volume while muted stays silent
    assert app.audio.volumes[-1] == (0.0, 0.0)
    app.store.update(muted=False)
    assert app.audio.volumes[-1] == (0.3, 0.5)


def test_cli_mute_starts_silent(tmp_path):
    a = App(AppConfig(mute=True, headless=True, data_dir=tmp_path))
    assert a.settings.effective_volumes == (0.0, 0.0)


def test_runs_silently_without_an_audio_device(monkeypatch, tmp_path):
    from game.desktop.app import make_audio

    monkeypatch.setenv("SDL_AUDIODRIVER", "no-such-driver")
    audio = make_audio(headless=False)
    audio.set_volumes(0.5, 0.5)
    audio.play("punch")
    audio.music(None)


def test_unplugging_the_gamepad_pauses_and_says_so(app):
    app.reader.gamepad.opener = lambda index: (42, object())
    edges = EdgeTracker()
    app.dispatch(pygame.event.Event(pygame.CONTROLLERDEVICEADDED, device_index=0))
    app.step(edges)
    assert isinstance(app.stack.top, LevelScene) and app.notices[-1][0] == "Gamepad connected"
    app.dispatch(pygame.event.Event(pygame.CONTROLLERDEVICEREMOVED, instance_id=42))
    app.step(edges)
    assert isinstance(app.stack.top, PauseScene) and app.notices[-1][0] == "Gamepad disconnected"


def _run_until(stack, predicate, steps=3000):
    edges = EdgeTracker()
    for i in range(steps):
        if predicate():
            return True
        mask = int(Action.CONFIRM) if i % 2 == 0 else 0  # a player tapping through cards and dialogue
        stack.handle(edges.frame(mask))
        stack.update(1 / 60)
    return predicate()


def test_continue_resumes_at_the_saved_beat_with_the_same_flags(tmp_path):
    from game.desktop.save import load_progress, save_progress
    from game.scenes.director import build_title
    from game.scenes.stack import SceneStack
    from game.story.script import load_story

    story = load_story()
    beat = story.sequence[3].id
    flags = {"has_gun": True, "only_in_this_save": True}
    save_progress(beat, flags, tmp_path)
    app = App(AppConfig(headless=True, data_dir=tmp_path))
    stack = SceneStack()
    stack.push(build_title(story=story, hooks=app.title_hooks(), settings=lambda: app.settings,
                           pause_hooks=app.pause_hooks))
    assert "Continue" in stack.top.labels
    stack.apply(stack.top.select("Continue"))
    (tmp_path / "save.json").unlink()  # the beat starting again must write the save back by itself
    assert _run_until(stack, lambda: (tmp_path / "save.json").exists())
    progress = load_progress(tmp_path)
    assert progress.beat == beat and dict(progress.flags) == flags


def test_a_corrupt_save_hides_continue_and_says_so(tmp_path):
    from game.scenes.director import build_title

    (tmp_path / "save.json").write_text("{{{")
    app = App(AppConfig(headless=True, data_dir=tmp_path))
    title = build_title(hooks=app.title_hooks())
    title.enter()
    assert "Continue" not in title.labels
    assert any("save.json.bad" in text for text, _ in app.notices)
    assert (tmp_path / "save.json.bad").read_text() == "{{{"


def test_options_from_the_title(tmp_path):
    from game.scenes.director import build_title

    app = App(AppConfig(headless=True, data_dir=tmp_path))
    title = build_title(hooks=app.title_hooks())
    title.enter()
    assert isinstance(title.select("Options").scene, OptionsScene)


def test_story_levels_follow_the_shake_option_and_difficulty_live(tmp_path):
    from game.scenes.director import Director
    from game.story.script import load_story

    app = App(AppConfig(headless=True, data_dir=tmp_path))
    story = load_story()
    beat = next(b for b in story.sequence if b.kind == "level" and b.level == "bathhouse.tmx")
    director = Director(story, settings=lambda: app.settings, pause_hooks=app.pause_hooks)
    app.store.update(difficulty="hard")
    scene = director.resume(beat.id, {}).on_done().scene
    scene = getattr(scene, "inner", scene)  # the intro dialogue wrapper
    assert isinstance(scene, LevelScene) and scene.sim.difficulty.name == "hard"
    assert scene.shake_enabled()
    app.store.update(screen_shake=False)
    assert not scene.shake_enabled()
    assert scene.pause is not None and scene.pause.options is not None


def test_which_scenes_pause_on_focus_loss():
    from game.desktop.app import pauses_itself
    from game.scenes.pause import PauseHooks

    class Chase:
        pause = PauseHooks()

    class Title:
        pass

    class Menu:
        pause_on_focus_loss = False
        pause = PauseHooks()

    assert pauses_itself(Chase()) and not pauses_itself(Title()) and not pauses_itself(Menu())
    assert not pauses_itself(PauseScene())


def test_an_unusable_data_folder_never_stops_the_game(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REDHEAT_DATA_DIR", str(blocker / "data"))  # cannot be created: a file is in the way
    app = App(AppConfig(headless=True, scale=3))
    assert app.settings.scale == 3 and app.load_save() is None
    app.store.update(scale=2)
    assert "could not save settings" in app.store.save()
    app.save_progress({"beat": "hotel", "flags": {}})
    assert app.notices[-1][0].startswith("Could not save progress")
