import json

from game.desktop.settings import (
    Settings,
    SettingsStore,
    load_settings,
    save_settings,
    settings_path,
)
from game.input.actions import Action
from game.input.devices import KeyboardReader, conflicts, rebind


def test_defaults_when_no_file(tmp_path):
    problems = []
    assert load_settings(tmp_path, problems) == Settings() and problems == []


def test_round_trip(tmp_path):
    s = Settings(music_volume=0.3, sfx_volume=1.0, muted=True, scale=6, fullscreen=True,
                 difficulty="hard", screen_shake=False, text_speed="instant")
    s = s.with_keys(s.key_bindings().__class__(rebind(
        {Action[k]: v for k, v in s.keys.items()}, Action.PUNCH, "q").table))
    save_settings(s, tmp_path)
    assert load_settings(tmp_path) == s
    assert load_settings(tmp_path).keys["PUNCH"] == ("q", "j")
    assert not list(tmp_path.glob("*.tmp"))


def test_corrupt_file_is_set_aside_never_overwritten(tmp_path):
    path = settings_path(tmp_path)
    path.write_bytes(b"{not json")
    problems = []
    assert load_settings(tmp_path, problems) == Settings()
    assert (tmp_path / "settings.json.bad").read_bytes() == b"{not json"
    assert len(problems) == 1 and str(path) in problems[0] and "settings.json.bad" in problems[0]
    # A second corrupt file goes beside the first, never over it.
    path.write_bytes(b"\xff\xfe garbage")
    load_settings(tmp_path, [])
    assert (tmp_path / "settings.json.bad").read_bytes() == b"{not json"
    assert (tmp_path / "settings.json.bad2").read_bytes() == b"\xff\xfe garbage"
    assert not path.exists()


def test_unreadable_file_is_set_aside(tmp_path):
    settings_path(tmp_path).mkdir()  # a folder where the file should be: reading fails
    problems = []
    assert load_settings(tmp_path, problems) == Settings()
    assert "cannot read" in problems[0] and (tmp_path / "settings.json.bad").is_dir()


def test_bad_values_fall_back_one_by_one(tmp_path):
    settings_path(tmp_path).write_text(json.dumps(
        {"scale": 9, "music_volume": 0.2, "difficulty": "nightmare", "keys": {"PUNCH": ["x"]}}))
    problems = []
    s = load_settings(tmp_path, problems)
    assert s.scale == Settings().scale and s.difficulty == "normal" and s.music_volume == 0.2
    assert s.keys == Settings().keys  # "x" would clash with Kick: the whole table is refused
    assert len(problems) == 3 and all("settings.json" in p for p in problems)
    assert settings_path(tmp_path).exists()  # a readable file with bad values is kept as it is


def test_store_applies_at_once_and_keeps_cli_overrides_out_of_the_file(tmp_path):
    seen = []
    store = SettingsStore(Settings(scale=3), tmp_path, lambda old, new: seen.append(new))
    store.override(scale=5, muted=True)
    assert store.settings.scale == 5 and seen[-1].muted
    assert store.save() is None and not settings_path(tmp_path).exists()  # nothing chosen yet
    store.update(music_volume=0.1)
    assert seen[-1].music_volume == 0.1
    store.save()
    saved = load_settings(tmp_path)
    assert (saved.music_volume, saved.scale, saved.muted) == (0.1, 3, False)
    store.update(scale=2)  # chosen in the options: now it is the player's setting
    store.save()
    assert load_settings(tmp_path).scale == 2


def test_rebind_conflict_detection_and_swap():
    table = {Action[k]: v for k, v in Settings().keys.items()}
    taken = rebind(table, Action.PUNCH, "x")  # Kick's first key; Kick keeps "k"
    assert taken.conflict == Action.KICK and "Kick" in taken.message
    assert taken.table[Action.PUNCH] == ("x", "j") and taken.table[Action.KICK] == ("k",)
    swapped = rebind(table, Action.PUNCH, "r")  # Restart's only key: Restart gets "z"
    assert swapped.table[Action.RESTART] == ("z",) and "swapped" in swapped.message
    for result in (taken, swapped):
        assert conflicts(result.table) == {}
        assert all(result.table[a] for a in table if table[a])  # nobody lost every key


def test_rebound_keys_drive_the_keyboard_reader():
    import pygame

    pygame.init()
    s = Settings()
    s = s.with_keys(type(s.key_bindings())(rebind(
        {Action[k]: v for k, v in s.keys.items()}, Action.SHOOT, "q").table))
    reader = KeyboardReader(s.key_bindings())
    reader.on_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_q, mod=0))
    assert reader.take() == int(Action.SHOOT)
