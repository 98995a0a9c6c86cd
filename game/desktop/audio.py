"""Sound effects and music through pygame.mixer, with separate music and effects volumes.

`Audio()` opens the mixer; with no audio device (or any mixer error) it logs one warning and stays
silent: no method ever raises. `Audio.null()` never touches the mixer (headless runs and tests) and
records what was asked of it in `history`. Effects are assets/sounds/NAME.wav, music assets/music/NAME.wav
(looped); NAME.ogg instead where there is one (the browser build). Names: punch, kick, hit, knockdown,
gunshot, derringer, click, footstep, bus_engine, horn, train_horn, crash, menu_move, confirm, blip, pickup, hiss (steam), door; music title, action, chase.
"""
from __future__ import annotations

import logging
from collections import deque
from pathlib import Path

import pygame

from game.paths import ASSETS

log = logging.getLogger(__name__)

RATE = 22050
# Other names the scenes may use for the same sounds.
ALIASES = {"menu_confirm": "confirm", "select": "confirm", "dialogue_blip": "blip", "empty": "click",
           "hit_taken": "hit", "step": "footstep", "pistol": "gunshot", "shot": "gunshot"}


class Audio:
    def __init__(self, folder: Path | None = None, *, enabled: bool = True) -> None:
        self.folder = Path(folder or ASSETS)
        self.music_volume = 0.7
        self.sfx_volume = 0.8
        self.current_music: str | None = None
        self.history: deque[tuple[str, str | None]] = deque(maxlen=64)  # ("play"|"music", name)
        self._sounds: dict[str, pygame.mixer.Sound | None] = {}
        self._loops: dict[str, pygame.mixer.Channel] = {}
        self._warned: set[str] = set()
        self.enabled = enabled and self._open()

    @classmethod
    def null(cls, folder: Path | None = None) -> "Audio":
        """A silent Audio that never touches the mixer."""
        return cls(folder, enabled=False)

    def _open(self) -> bool:
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=RATE, size=-16, channels=2, buffer=512)
            pygame.mixer.set_num_channels(16)
            return True
        except (pygame.error, OSError, NotImplementedError) as exc:
            log.warning("no audio device (%s); the game runs silently", exc)
            return False

    def _warn_once(self, key: str, message: str, *args: object) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning(message, *args)

    def _sound(self, name: str) -> pygame.mixer.Sound | None:
        if name not in self._sounds:
            path = sound_file(self.folder / "sounds", name)
            sound = None
            if not path.is_file():
                self._warn_once(name, "%s: no such sound", path)
            else:
                try:
                    sound = pygame.mixer.Sound(str(path))
                except pygame.error as exc:
                    self._warn_once(name, "%s: cannot load sound: %s", path, exc)
            self._sounds[name] = sound
        return self._sounds[name]

    def play(self, name: str, loops: int = 0) -> None:
        """Play an effect once (loops=-1: until stop(name))."""
        name = ALIASES.get(name, name)
        self.history.append(("play", name))
        if not self.enabled:
            return
        sound = self._sound(name)
        if sound is None:
            return
        try:
            sound.set_volume(self.sfx_volume)
            channel = sound.play(loops=loops)
            if loops and channel is not None:
                self._loops[name] = channel
        except pygame.error as exc:
            self._warn_once("play", "cannot play sounds: %s", exc)

    def stop(self, name: str) -> None:
        """Stop a looping effect started with play(name, loops=-1)."""
        channel = self._loops.pop(ALIASES.get(name, name), None)
        if channel is not None and self.enabled:
            try:
                channel.stop()
            except pygame.error:
                pass

    def music(self, name: str | None) -> None:
        """Loop a music track; the same track again keeps playing; None stops the music."""
        self.history.append(("music", name))
        if name == self.current_music:
            return
        self.current_music = name
        if not self.enabled:
            return
        try:
            if name is None:
                pygame.mixer.music.fadeout(300)
                return
            path = sound_file(self.folder / "music", name)
            if not path.is_file():
                self._warn_once(f"music:{name}", "%s: no such music", path)
                pygame.mixer.music.stop()
                return
            pygame.mixer.music.load(str(path))
            pygame.mixer.music.set_volume(self.music_volume)
            pygame.mixer.music.play(loops=-1)
        except pygame.error as exc:
            self._warn_once("music", "cannot play music: %s", exc)

    def set_volumes(self, music: float, sfx: float) -> None:
        """Music and effects volumes, 0..1 each; applied at once to what is playing."""
        self.music_volume = min(1.0, max(0.0, float(music)))
        self.sfx_volume = min(1.0, max(0.0, float(sfx)))
        if not self.enabled:
            return
        try:
            pygame.mixer.music.set_volume(self.music_volume)
            for channel in self._loops.values():
                channel.set_volume(self.sfx_volume)
        except pygame.error as exc:
            self._warn_once("volume", "cannot set volume: %s", exc)

    def close(self) -> None:
        if self.enabled:
            try:
                pygame.mixer.quit()
            except pygame.error:
                pass
            self.enabled = False


def sound_file(folder: Path, name: str) -> Path:
    """folder/NAME.ogg where the browser build put one, else folder/NAME.wav."""
    ogg = folder / f"{name}.ogg"
    return ogg if ogg.is_file() else folder / f"{name}.wav"
