"""Sounds: effects synthesized with numpy from the recipes below, and chiptune music from the step
scores in assets/src/music/*.txt. Output: assets/sounds/NAME.wav and assets/music/NAME.wav, mono
16-bit at 22050 Hz. Noise comes from fixed seeds, so the files are the same on every run."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np

from game.assetgen.png import wav_bytes
from game.assetgen.source import SourceError

RATE = 22050
NOTE_NAMES = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


def ns(seconds: float) -> int:
    """Samples in `seconds` (rounded, so durations add up the same everywhere)."""
    return int(round(RATE * seconds))


def t(seconds: float) -> np.ndarray:
    return np.arange(ns(seconds)) / RATE


def env(n: int, attack: float = 0.002, decay: float = 8.0) -> np.ndarray:
    """Fast attack, exponential decay (decay = 1/seconds)."""
    x = np.arange(n) / RATE
    a = np.clip(x / max(attack, 1e-4), 0, 1)
    return a * np.exp(-x * decay)


def noise(seconds: float, seed: int) -> np.ndarray:
    return np.random.default_rng(seed).uniform(-1, 1, ns(seconds))


def lowpass(x: np.ndarray, width: int) -> np.ndarray:
    """Box-filter lowpass: wider = duller."""
    if width <= 1:
        return x
    return np.convolve(x, np.ones(width) / width, mode="same")


def sweep(f0: float, f1: float, seconds: float, shape: str = "sine") -> np.ndarray:
    n = ns(seconds)
    freq = np.geomspace(f0, f1, n)
    phase = np.cumsum(freq) / RATE
    if shape == "square":
        return np.sign(np.sin(2 * np.pi * phase))
    if shape == "saw":
        return 2 * (phase % 1.0) - 1
    return np.sin(2 * np.pi * phase)


def tone(freq: float, seconds: float, shape: str = "square", duty: float = 0.5) -> np.ndarray:
    phase = (t(seconds) * freq) % 1.0
    if shape == "square":
        return np.where(phase < duty, 1.0, -1.0)
    if shape == "saw":
        return 2 * phase - 1
    if shape == "triangle":
        return 4 * np.abs(phase - 0.5) - 1
    return np.sin(2 * np.pi * phase)


def mix(*parts: np.ndarray) -> np.ndarray:
    n = max(len(p) for p in parts)
    out = np.zeros(n)
    for p in parts:
        out[:len(p)] += p
    return out


def normalize(x: np.ndarray, peak: float = 0.85) -> np.ndarray:
    m = np.abs(x).max()
    return x * (peak / m) if m > 0 else x


def seq(*notes: tuple[float, float], shape: str = "square", decay: float = 20.0) -> np.ndarray:
    return np.concatenate([tone(f, d, shape) * env(ns(d), decay=decay) for f, d in notes])


def _punch() -> np.ndarray:
    n = noise(0.12, 1)
    return mix(lowpass(n, 6) * env(len(n), decay=35), sweep(180, 60, 0.14) * env(ns(0.14), decay=25))


def _kick() -> np.ndarray:
    n = noise(0.16, 2)
    return mix(lowpass(n, 10) * env(len(n), decay=28) * 0.8, sweep(140, 45, 0.18) * env(ns(0.18), decay=18))


def _hit() -> np.ndarray:
    return mix(sweep(420, 140, 0.18, "square") * env(ns(0.18), decay=14) * 0.5,
               lowpass(noise(0.1, 3), 3) * env(ns(0.1), decay=40) * 0.6)


def _knockdown() -> np.ndarray:
    return mix(sweep(90, 35, 0.4) * env(ns(0.4), decay=8),
               lowpass(noise(0.35, 4), 24) * env(ns(0.35), attack=0.01, decay=9) * 0.9)


def _gunshot() -> np.ndarray:
    """A heavy pistol: a sharp crack, then a low boom and a tail."""
    crack = noise(0.5, 5) * env(ns(0.5), attack=0.0005, decay=12)
    return mix(crack, lowpass(noise(0.5, 6), 30) * env(ns(0.5), decay=6) * 1.4,
               sweep(110, 40, 0.3) * env(ns(0.3), decay=10) * 0.9)


def _derringer() -> np.ndarray:
    """A small gun: shorter and thinner than the pistol."""
    crack = noise(0.22, 7) * env(ns(0.22), attack=0.0005, decay=26)
    return mix(crack, lowpass(noise(0.2, 8), 8) * env(ns(0.2), decay=18) * 0.6)


def _click() -> np.ndarray:
    x = np.zeros(ns(0.06))
    x[0:40] = tone(3000, 40 / RATE, "square") * 0.6
    x[500:530] = tone(2200, 30 / RATE, "square") * 0.4
    return x


def _footstep() -> np.ndarray:
    return lowpass(noise(0.06, 9), 14) * env(ns(0.06), decay=60)


def _bus_engine() -> np.ndarray:
    """A one-second loop: whole numbers of cycles, so it repeats without a click."""
    x = t(1.0)
    rumble = (0.6 + 0.4 * np.sin(2 * np.pi * 8 * x))
    body = (2 * ((x * 55) % 1.0) - 1) * 0.5 + np.sign(np.sin(2 * np.pi * 110 * x)) * 0.15
    grit = lowpass(np.resize(noise(0.125, 10), len(x)), 20) * 0.8
    return lowpass(body * rumble + grit * rumble, 4)


def _horn() -> np.ndarray:
    d = 0.5
    e = np.minimum(1, np.minimum(t(d) / 0.02, (d - t(d)) / 0.04))
    return (tone(350, d, "square") + tone(440, d, "square")) * e * 0.5


def _train_horn() -> np.ndarray:
    d = 1.4
    e = np.minimum(1, np.minimum(t(d) / 0.08, (d - t(d)) / 0.25))
    chord = sum(tone(f, d, "saw") for f in (311.1, 370.0, 466.2)) / 3
    return lowpass(chord, 3) * e


def _crash() -> np.ndarray:
    d = 1.2
    n = noise(d, 11)
    metal = sum(tone(f, d, "square") * env(ns(d), decay=k)
                for f, k in ((523, 5), (811, 7), (1307, 9), (1973, 12))) * 0.15
    return mix(n * env(len(n), decay=3.5), lowpass(noise(d, 12), 40) * env(ns(d), decay=2.5) * 1.5, metal)


def _menu_move() -> np.ndarray:
    return seq((880, 0.04), decay=40) * 0.5


def _confirm() -> np.ndarray:
    return seq((660, 0.06), (990, 0.1), decay=18) * 0.6


def _blip() -> np.ndarray:
    return seq((1200, 0.025), decay=60) * 0.35


def _pickup() -> np.ndarray:
    return seq((1047, 0.05), (1319, 0.05), (1568, 0.05), (2093, 0.12), decay=14) * 0.55


def _hiss() -> np.ndarray:
    """Steam from a vent: bright noise swelling and fading."""
    d = 0.7
    n = noise(d, 13) - lowpass(noise(d, 13), 6)  # high-passed
    x = t(d)
    return n * np.minimum(1, x / 0.08) * np.exp(-np.maximum(0, x - 0.15) * 5)


def _door() -> np.ndarray:
    """A door: a short creak, then the thump of it closing."""
    creak = lowpass(sweep(180, 260, 0.22, "square"), 5) * env(ns(0.22), attack=0.03, decay=6) * 0.35
    thump = sweep(120, 50, 0.15) * env(ns(0.15), decay=22)
    return np.concatenate([creak, thump])


def _locker() -> np.ndarray:
    """A bus-terminal locker: the key turns the latch (two ticks), then the steel door swings open, ringing."""
    tick = mix(tone(2600, 0.015), noise(0.015, 21) * 0.7) * env(ns(0.015), decay=150)
    d = 0.45
    ring = sum(tone(f, d, "triangle") * env(ns(d), attack=0.004, decay=k)
               for f, k in ((340, 7), (557, 9), (905, 12), (1480, 16))) * 0.25
    swing = mix(lowpass(noise(d, 22), 30) * env(ns(d), attack=0.01, decay=9) * 0.8, ring)
    return np.concatenate([tick, np.zeros(ns(0.07)), tick * 0.8, np.zeros(ns(0.05)), swing])


EFFECTS = {
    "punch": _punch, "kick": _kick, "hit": _hit, "knockdown": _knockdown, "gunshot": _gunshot,
    "derringer": _derringer, "click": _click, "footstep": _footstep, "bus_engine": _bus_engine,
    "horn": _horn, "train_horn": _train_horn, "crash": _crash, "menu_move": _menu_move,
    "confirm": _confirm, "blip": _blip, "pickup": _pickup, "hiss": _hiss, "door": _door, "locker": _locker,
}
LOUDNESS = {"hiss": 0.4, "blip": 0.5, "menu_move": 0.6, "footstep": 0.45, "click": 0.6, "bus_engine": 0.6, "confirm": 0.55,
            "pickup": 0.5, "horn": 0.55}


# ---- music

def note_freq(token: str, where: str) -> float:
    m = re.fullmatch(r"([A-G])([#b]?)(-?\d)", token)
    if not m:
        raise SourceError(f"{where}: bad note '{token}'")
    semitone = NOTE_NAMES[m.group(1)] + {"#": 1, "b": -1, "": 0}[m.group(2)]
    midi = 12 * (int(m.group(3)) + 1) + semitone
    return 440.0 * 2 ** ((midi - 69) / 12)


def parse_score(path: Path) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, list[str]]]:
    header: dict[str, str] = {}
    voices: dict[str, dict[str, str]] = {}
    tracks: dict[str, list[str]] = {}
    for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = "" if raw.lstrip().startswith("#") else raw.strip()  # "#" is also a sharp: no inline comments
        if not line:
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise SourceError(f"{path}:{n}: expected 'name: value'")
        key = key.strip()
        if key.startswith("voice "):
            parts = value.split()
            voices[key[6:].strip()] = {"wave": parts[0], **dict(p.split("=", 1) for p in parts[1:])}
        elif key in voices:
            tracks.setdefault(key, []).extend((tok, f"{path}:{n}") for tok in value.split() if tok != "|")
        else:
            header[key] = value.strip()
    return header, voices, tracks


def render_score(path: Path) -> np.ndarray:
    header, voices, tracks = parse_score(path)
    step = 60.0 / float(header.get("tempo", "120")) / int(header.get("steps_per_beat", "2"))
    lengths = {len(v) for v in tracks.values()}
    if len(lengths) != 1:
        raise SourceError(f"{path}: every voice needs the same number of steps (got {sorted(lengths)})")
    total = int(round(lengths.pop() * step * RATE))
    out = np.zeros(total)
    for name, tokens in tracks.items():
        voice = voices[name]
        volume = float(voice.get("volume", "0.3"))
        i = 0
        while i < len(tokens):
            tok, where = tokens[i]
            length = 1
            while i + length < len(tokens) and tokens[i + length][0] == "-":
                length += 1
            start = int(round(i * step * RATE))
            seconds = length * step
            if voice["wave"] == "noise" and tok in ("k", "s", "h"):
                sound = _drum(tok, i)
            elif tok not in (".", "-"):
                sound = _note(voice, note_freq(tok, where), seconds)
            else:
                sound = None
            if sound is not None:
                end = min(total, start + len(sound))
                out[start:end] += sound[:end - start] * volume
            i += length
    return normalize(out, 0.8)


def _choir(freq: float, seconds: float) -> np.ndarray:
    """A sung "aah": three slightly detuned saws with a slow vibrato, dulled, swelling in and out."""
    n = ns(seconds)
    tt = np.arange(n) / RATE
    vibrato = 1.0 + 0.006 * np.sin(2 * np.pi * 5.2 * tt)
    x = sum(2 * ((np.cumsum(np.full(n, freq * d / RATE) * vibrato)) % 1.0) - 1 for d in (0.995, 1.0, 1.005)) / 3
    x = lowpass(x, 5)
    swell = np.minimum(1.0, tt / 0.09)
    fade = min(n, ns(0.08))
    if fade:
        swell[-fade:] *= np.linspace(1, 0, fade)
    return x * swell


def _note(voice: dict[str, str], freq: float, seconds: float) -> np.ndarray:
    n = ns(seconds)
    wave = voice["wave"]
    if wave == "choir":
        return _choir(freq, seconds)
    x = tone(freq, seconds, "triangle" if wave == "triangle" else "square", float(voice.get("duty", "0.5")))
    x = x[:n]
    release = min(n, ns(0.03))
    e = np.minimum(1.0, np.arange(n) / (RATE * 0.004))
    e = e * (0.75 + 0.25 * np.exp(-np.arange(n) / (RATE * 0.08)))
    if release:
        e[-release:] *= np.linspace(1, 0, release)
    return x * e


def _drum(kind: str, index: int) -> np.ndarray:
    if kind == "k":
        return sweep(150, 45, 0.12) * env(ns(0.12), decay=22) * 1.6
    if kind == "s":
        return noise(0.12, 100 + index % 7) * env(ns(0.12), decay=26)
    return noise(0.03, 200 + index % 5) * env(ns(0.03), decay=90) * 0.5


def build(src: Path, palettes: dict, writer) -> None:
    for name, recipe in EFFECTS.items():
        samples = normalize(recipe(), 0.85 * LOUDNESS.get(name, 1.0))
        writer.write(f"sounds/{name}.wav", wav_bytes(samples, RATE))
    for path in sorted((src / "music").glob("*.txt")):
        writer.write(f"music/{path.stem}.wav", wav_bytes(render_score(path), RATE))
