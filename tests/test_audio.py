"""Audio: plays with the dummy driver, stays silent and never raises without a device."""
import logging
import wave

import numpy as np
import pygame
import pytest

from game.assetgen.sounds import EFFECTS
from game.desktop.audio import Audio
from game.paths import ASSETS

MUSIC = ("title", "action", "chase")


@pytest.fixture
def mixer_reset():
    yield
    pygame.mixer.quit()


def test_every_sound_is_a_small_mono_wav():
    for folder, names in (("sounds", EFFECTS), ("music", MUSIC)):
        for name in names:
            with wave.open(str(ASSETS / folder / f"{name}.wav")) as w:
                assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)
                seconds = w.getnframes() / 22050
                samples = np.frombuffer(w.readframes(w.getnframes()), "<i2")
            assert 0.01 < seconds <= (30 if folder == "music" else 1.5), name  # a loop of two sections at most
            assert np.abs(samples).max() > 3000, f"{name} is silent"
            assert np.abs(samples).max() < 32767, f"{name} clips"


def test_music_loops_are_seamless_in_length():
    """Each track is a whole number of steps long, so the loop keeps the beat."""
    from game.assetgen.sounds import parse_score

    for name in MUSIC:
        header, _, tracks = parse_score(ASSETS / "src" / "music" / f"{name}.txt")
        step = 60 / float(header["tempo"]) / int(header["steps_per_beat"])
        steps = len(next(iter(tracks.values())))
        with wave.open(str(ASSETS / "music" / f"{name}.wav")) as w:
            assert abs(w.getnframes() - steps * step * 22050) <= 1
        assert steps % 8 == 0


def test_the_title_theme_is_a_march_that_turns_cantata():
    """The seed's direction: heroic, a cantata-like march. Two choir parts sing its second half, and a
    choir note is a sung tone at its pitch that swells in rather than starting on a click."""
    from game.assetgen.sounds import RATE, _note, parse_score

    _, voices, tracks = parse_score(ASSETS / "src" / "music" / "title.txt")
    choirs = [name for name, v in voices.items() if v["wave"] == "choir"]
    assert len(choirs) == 2 and "drums" in tracks
    for name in choirs:
        sung = [tok for tok, _ in tracks[name] if tok not in (".", "-")]
        assert len(sung) >= 12, name
        assert all(tok in (".", "-") for tok, _ in tracks[name][:48]), "the fanfare comes first"
    note = _note(voices[choirs[0]], 440.0, 0.5)
    spectrum = np.abs(np.fft.rfft(note * np.hanning(len(note))))
    assert abs(np.argmax(spectrum) * RATE / len(note) - 440.0) < 5
    assert np.abs(note[:200]).max() < 0.5 * np.abs(note[len(note) // 2:len(note) // 2 + 400]).max()


def test_plays_with_the_dummy_driver(mixer_reset):
    audio = Audio()
    assert audio.enabled
    audio.set_volumes(0.5, 0.25)
    audio.play("punch")
    audio.play("bus_engine", loops=-1)
    audio.stop("bus_engine")
    audio.music("title")
    assert pygame.mixer.music.get_volume() == pytest.approx(0.5, abs=0.01)
    audio.music("title")  # the same track keeps playing
    audio.music(None)
    assert audio.sfx_volume == 0.25 and audio.current_music is None


def test_unknown_names_are_logged_once_and_never_raise(caplog, mixer_reset):
    audio = Audio()
    with caplog.at_level(logging.WARNING):
        audio.play("no_such_sound")
        audio.play("no_such_sound")
        audio.music("no_such_track")
    assert sum("no_such_sound" in r.message for r in caplog.records) == 1


def test_no_audio_device_is_silent_and_logged_once(monkeypatch, caplog, mixer_reset):
    pygame.mixer.quit()

    def fail(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", fail)
    with caplog.at_level(logging.WARNING):
        audio = Audio()
        audio.set_volumes(1.0, 1.0)
        audio.play("gunshot")
        audio.play("bus_engine", loops=-1)
        audio.stop("bus_engine")
        audio.music("chase")
        audio.music(None)
    assert not audio.enabled
    assert sum("no audio device" in r.message for r in caplog.records) == 1


def test_bad_driver_env_is_silent(monkeypatch, mixer_reset):
    pygame.mixer.quit()
    monkeypatch.setenv("SDL_AUDIODRIVER", "no-such-driver")
    audio = Audio()
    audio.play("punch")
    audio.music("title")
    audio.set_volumes(0.1, 0.1)


def test_null_records_without_touching_the_mixer(mixer_reset):
    pygame.mixer.quit()
    audio = Audio.null()
    audio.play("menu_confirm")
    audio.music("action")
    assert not pygame.mixer.get_init()
    assert list(audio.history) == [("play", "confirm"), ("music", "action")]
