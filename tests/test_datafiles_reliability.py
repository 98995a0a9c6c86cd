"""Issue 17, settings.json and save.json: any content loads or is set aside with one message per problem.

Hypothesis throws arbitrary JSON (and bytes) at both loaders: the result is always Settings / Progress
or None, never an exception, and quickly.
"""
import json

from conftest import utf8_text
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.desktop.app import App, AppConfig
from game.desktop.save import Progress, load_progress, save_path, save_progress
from game.desktop.settings import Settings, SettingsStore, load_settings, save_settings, settings_path
from game.limits import DATA_MAX_BYTES, MAX_DEPTH


# Item 7: {"text_speed": [1]} was a TypeError at start-up and the game could not start.
def test_a_list_where_a_name_belongs_falls_back_with_a_message(tmp_path):
    settings_path(tmp_path).write_text(json.dumps({"text_speed": [1], "difficulty": {"a": 1}, "scale": [4],
                                                   "music_volume": 0.5}))
    problems = []
    loaded = load_settings(tmp_path, problems)
    assert loaded == Settings(music_volume=0.5)  # the good field kept, the bad ones at their defaults
    assert len(problems) == 3 and all("settings.json" in p and "using the default" in p for p in problems)
    assert any("text_speed: expected one of" in p for p in problems)


# Item 7: a file nested 100,000 deep was a RecursionError and was not set aside.
def test_deeply_nested_settings_are_set_aside(tmp_path):
    path = settings_path(tmp_path)
    path.write_text("[" * 100_000 + "]" * 100_000)
    problems = []
    assert load_settings(tmp_path, problems) == Settings()
    assert "nested more than" in problems[0] and (tmp_path / "settings.json.bad").exists()
    path.write_text('{"keys": {"UP": ' + "[" * (MAX_DEPTH + 1) + '"x"' + "]" * (MAX_DEPTH + 1) + "}}")
    problems = []
    assert load_settings(tmp_path, problems) == Settings() and f"{MAX_DEPTH} deep" in problems[0]


# Found by the settings fuzz test below: the pad leaves Restart unbound, and a file saved with any pad
# button changed loaded back as the default pad (with a warning), for an empty list was refused.
def test_a_pad_rebinding_that_leaves_an_action_unbound_loads_back_as_saved(tmp_path):
    from game.input.actions import Action
    from game.input.devices import PadBindings, rebind

    rebound = rebind(Settings().pad_bindings().buttons, Action.RESTART, "a")  # Restart had no button: Confirm
    assert rebound.table[Action.CONFIRM] == () and rebound.table[Action.RESTART] == ("a",)  # gives "a" up
    for settings in (Settings().with_pad(PadBindings(rebound.table)),
                     Settings(pad={**Settings().pad, "UP": ("leftstick",)})):  # the default Restart: none
        save_settings(settings, tmp_path)
        problems = []
        assert load_settings(tmp_path, problems) == settings and problems == []


def test_huge_and_null_files_are_set_aside(tmp_path):
    with open(settings_path(tmp_path), "wb") as fh:
        fh.write(b" " * (DATA_MAX_BYTES + 1))
    problems = []
    assert load_settings(tmp_path, problems) == Settings() and "larger than" in problems[0]
    save_path(tmp_path).write_text("null")
    problems = []
    assert load_progress(tmp_path, problems) is None and "null" in problems[0]


# Item 12: a failed settings save was only logged, never shown.
def test_a_failed_settings_save_is_shown_on_screen(tmp_path, monkeypatch):
    import game.desktop.settings as settings_module
    from game.input.actions import EdgeTracker
    from game.scenes.stack import BaseScene

    def disk_full(path, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(settings_module, "atomic_write_text", disk_full)
    app = App(AppConfig(headless=True, data_dir=tmp_path))
    app.store.update(scale=2)
    app.store.save()  # what the Options screen does when it closes
    app.reader = type("Reader", (), {"take": lambda self: 0})()
    app.stack.push(BaseScene())
    app.step(EdgeTracker())
    assert any("could not save settings: [Errno 28] No space left" in text for text, _ in app.notices)


# Item 12: a save naming an unknown beat was silently overwritten by a new game.
def test_a_save_naming_an_unknown_beat_is_set_aside_with_a_message(tmp_path):
    save_progress("no_such_beat", {"has_gun": True}, tmp_path)
    app = App(AppConfig(headless=True, data_dir=tmp_path))
    app.title_hooks(beats={"bathhouse", "hotel"})
    assert app.load_save() is None
    assert any("no_such_beat" in text and "save.json.bad" in text for text, _ in app.notices)
    assert json.loads((tmp_path / "save.json.bad").read_text())["beat"] == "no_such_beat"
    save_progress("hotel", {}, tmp_path)
    assert load_progress(tmp_path, beats={"hotel"}) == Progress("hotel", {})


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | utf8_text(12),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(utf8_text(12), inner,
                                                                                max_size=4), max_leaves=20)
FIELDS = st.sampled_from(["music_volume", "sfx_volume", "muted", "scale", "fullscreen", "difficulty",
                          "screen_shake", "text_speed", "keys", "pad", "version", "beat", "flags"])
DOCUMENT = st.one_of(
    JSON.map(json.dumps),
    st.dictionaries(FIELDS, JSON | st.dictionaries(st.sampled_from(["UP", "PUNCH", "X"]), JSON, max_size=3),
                    max_size=6).map(json.dumps),
    st.binary(max_size=60).map(lambda b: b.decode("latin-1")),
)
FUZZ = settings(max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(text=DOCUMENT)
@example(text='{"pad": {"UP": ["0"]}}')  # saved with Restart unbound: loaded back
def test_fuzzed_settings_load_or_fall_back_never_raise(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("fuzz")
    settings_path(folder).write_text(text, encoding="utf-8", errors="surrogatepass")
    problems = []
    loaded = load_settings(folder, problems)
    assert isinstance(loaded, Settings)
    assert all(isinstance(p, str) and "\n" not in p for p in problems)
    store = SettingsStore(loaded, folder)
    store.update(muted=not loaded.muted)
    assert store.save() is None  # what loaded can always be written back
    assert load_settings(folder) == store.settings


@FUZZ
@given(text=DOCUMENT)
def test_fuzzed_saves_load_or_are_set_aside_never_raise(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("fuzz")
    save_path(folder).write_text(text, encoding="utf-8", errors="surrogatepass")
    problems = []
    progress = load_progress(folder, problems, beats={"hotel"})
    assert progress is None or progress.beat == "hotel"
    assert progress is not None or (not save_path(folder).exists() and len(problems) == 1)
    assert all("\n" not in p for p in problems)
