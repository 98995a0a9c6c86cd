"""The desktop shell: window, integer scaling with letterbox, settings, input devices, the fixed-timestep
loop, and the few keys that belong to the window rather than the game (F11 / Alt+Enter, F12).

The app owns the only wall clock in the game. It turns real frame time into whole simulation steps
(game.desktop.clock), feeds each step one InputFrame (keyboard and gamepads merged into one held mask), and draws
the scene stack once per frame onto a 320x180 canvas that is scaled by a whole factor into the window.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Collection, Iterator, Mapping

import pygame

from game import DT, STEP_HZ, VIEW_H, VIEW_W
from game.desktop.audio import Audio
from game.desktop.clock import ClockConfig, FixedStep
from game.desktop.datafiles import atomic_save_image, data_dir
from game.desktop.present import letterbox, open_presenter  # noqa: F401 (letterbox: part of the app's API)
from game.desktop.save import load_progress, save_progress
from game.desktop.settings import SCALES, Settings, SettingsStore, load_settings
from game.input.actions import Action, EdgeTracker
from game.input.devices import InputReader
from game.scenes.options import OptionsScene
from game.scenes.pause import PauseHooks
from game.scenes.stack import Push, Scene, SceneStack, Transition
from game.ui.draw import panel
from game.ui.font import BitmapFont, load_font
from game.ui.palette import INK

log = logging.getLogger(__name__)

NOTICE_STEPS = STEP_HZ * 5  # how long a message (screenshot saved, file set aside) stays on screen


class NoDisplay(Exception):
    """A windowed run on a machine with no display; the message is one line."""


@dataclass(frozen=True)
class AppConfig:
    """How this run starts. `None` display fields mean "as in the settings file"."""

    scale: int | None = None
    fullscreen: bool | None = None
    mute: bool = False
    headless: bool = False
    frames: int | None = None  # stop after this many frames (headless smoke runs)
    title: str = "Red Heat"
    save_frame: Path | None = None  # write the last 320x180 frame here on exit
    data_dir: Path | None = None  # default: REDHEAT_DATA_DIR or SDL's preference folder


def pauses_itself(scene: object) -> bool:
    """Whether a Pause press would open the pause menu over `scene` (so focus loss should press it):
    its `pause_on_focus_loss` flag when it has one, else whether it was given pause hooks."""
    flag = getattr(scene, "pause_on_focus_loss", None)
    if flag is not None:
        return bool(flag)
    return getattr(scene, "pause", None) is not None


def make_audio(headless: bool) -> Audio:
    """The game's Audio (music and effects on separate channels); silent when there is no device
    (Audio never raises) and, headless, without touching the mixer at all."""
    return Audio.null() if headless else Audio()


class App:
    def __init__(self, config: AppConfig, first_scene: Callable[[], Scene] | None = None) -> None:
        self.config = config
        self.first_scene = first_scene
        self.stack = SceneStack()
        self.canvas: pygame.Surface | None = None
        self.window: pygame.Surface | None = None
        self.presenter: Any = None  # game.desktop.present: the GPU or the CPU path, chosen once
        self._browser = False
        self.steps_run = 0  # fixed steps so far (the present bench counts steps per presented frame)
        self.clock: FixedStep | None = None
        self.notices: list[list[Any]] = []  # [text, steps left]
        self.audio: Any = Audio.null()
        self.reader: InputReader | None = None  # built once pygame can name keys
        self._font: BitmapFont | None = None
        self._screenshot_due = False
        self.folder = config.data_dir or data_dir()
        problems: list[str] = []
        self.store = SettingsStore(load_settings(self.folder, problems), self.folder, self._settings_changed)
        overrides: dict[str, Any] = {}
        if config.scale is not None:
            overrides["scale"] = config.scale
        if config.fullscreen is not None:
            overrides["fullscreen"] = config.fullscreen
        if config.mute:
            overrides["muted"] = True
        self.store.override(**overrides)
        for problem in problems:
            self.notify(problem)

    @property
    def settings(self) -> Settings:
        return self.store.settings

    # --- services for scenes built by the CLI or the story director --------------------------
    def options_scene(self) -> OptionsScene:
        return OptionsScene(self.store, self.audio, max_scale=self.largest_scale())

    def pause_hooks(self, restart: Callable[[], Transition] | None = None,
                    quit_to_title: Callable[[], Transition] | None = None) -> PauseHooks:
        return PauseHooks(options=self.options_scene, restart=restart, quit_to_title=quit_to_title,
                          audio=self.audio)

    def title_hooks(self, beats: Collection[str] | None = None) -> Any:
        """Continue, Options and saving at each beat, for the story's title screen and director
        (`beats`: the story's beat ids, so a save naming another beat is set aside with a notice)."""
        from game.scenes.director import TitleHooks

        self._beats = beats

        return TitleHooks(has_save=lambda: self.load_save() is not None, load_save=self.load_save,
                          on_options=lambda: Push(self.options_scene()), on_progress=self.save_progress)

    def load_save(self) -> tuple[str, dict[str, bool]] | None:
        """(beat id, flags) of the save for Continue; a corrupt save is set aside with a notice."""
        problems: list[str] = []
        progress = load_progress(self.folder, problems, getattr(self, "_beats", None))
        for problem in problems:
            self.notify(problem)
        return None if progress is None else (progress.beat, dict(progress.flags))

    def save_progress(self, state: Mapping[str, Any]) -> None:
        """Called at the start of every beat; a failed write is a notice, never a crash."""
        try:
            save_progress(state["beat"], state["flags"], self.folder)
        except (OSError, ValueError) as exc:
            self.notify(f"Could not save progress: {exc}")

    def notify(self, text: str) -> None:
        """Show a one-line message over the game for a few seconds (and log it)."""
        log.info("notice: %s", text)
        self.notices.append([text, NOTICE_STEPS])

    # --- display -----------------------------------------------------------------------------
    def _open_display(self) -> None:
        if self.config.headless:
            os.environ["SDL_VIDEODRIVER"] = "dummy"
        pygame.display.init()
        if not self.config.headless and not os.environ.get("SDL_VIDEODRIVER") and \
                pygame.display.get_driver() in ("offscreen", "dummy"):
            driver = pygame.display.get_driver()
            pygame.display.quit()
            raise NoDisplay(f"no display found (SDL fell back to its '{driver}' video driver): "
                            "set DISPLAY or WAYLAND_DISPLAY, or run with --headless")
        try:  # game controllers (and their hot-plug events); optional
            from pygame._sdl2 import controller

            controller.init()
        except Exception as exc:
            log.warning("gamepads unavailable: %s", exc)
        pygame.display.set_caption(self.config.title)
        self._set_mode()
        s = self.settings
        self.reader = InputReader(s.key_bindings(), s.pad_bindings(), keys2=s.key_bindings2(), pad2=s.pad_bindings2())
        self.canvas = pygame.Surface((VIEW_W, VIEW_H)).convert()
        self._font = load_font()
        self.audio = make_audio(self.config.headless)
        self.audio.set_volumes(*self.settings.effective_volumes)

    def _set_mode(self) -> None:
        s = self.settings
        size = self._window_size(s.scale)
        if self.presenter is None:
            self.presenter = open_presenter(size, s.fullscreen, self.config.headless, self._browser)
        else:
            self.presenter.set_mode(size, s.fullscreen)
        self.window = pygame.display.get_surface()

    @staticmethod
    def largest_scale() -> int:
        """The largest window scale whose window fits the desktop (the largest offered, without one)."""
        try:
            desk_w, desk_h = pygame.display.get_desktop_sizes()[0]
        except Exception:
            return SCALES[-1]
        fits = [scale for scale in SCALES if VIEW_W * scale <= desk_w and VIEW_H * scale <= desk_h]
        return fits[-1] if fits else 1

    @classmethod
    def _window_size(cls, scale: int) -> tuple[int, int]:
        """The window for `scale`, shrunk to the largest scale that fits the desktop."""
        scale = min(scale, cls.largest_scale())
        return VIEW_W * scale, VIEW_H * scale

    def _settings_changed(self, old: Settings, new: Settings) -> None:
        """Every settings change takes effect at once."""
        if (old.music_volume, old.sfx_volume, old.muted) != (new.music_volume, new.sfx_volume, new.muted):
            self.audio.set_volumes(*new.effective_volumes)
        if self.reader is not None and (old.keys, old.pad, old.keys2, old.pad2) != (new.keys, new.pad, new.keys2, new.pad2):
            self.reader.set_bindings(new.key_bindings(), new.pad_bindings(), new.key_bindings2(), new.pad_bindings2())
        resized = old.scale != new.scale and not new.fullscreen  # fullscreen keeps the desktop size
        if self.window is not None and (old.fullscreen != new.fullscreen or resized):
            self._set_mode()

    def toggle_fullscreen(self) -> None:
        self.store.update(fullscreen=not self.settings.fullscreen)
        self.notify("Fullscreen" if self.settings.fullscreen else f"Windowed x{self.settings.scale}")

    # --- the loop ----------------------------------------------------------------------------
    def run(self) -> int:
        """Open the window and play until the stack empties, the window closes or `frames` have run."""
        self._open_display()
        try:
            return self._finish(_drain(self._frames(pace=True)))
        finally:
            self._close()

    async def run_async(self) -> int:
        """The same loop as a coroutine, for the browser (pygbag): one `await asyncio.sleep(0)` per frame,
        where the browser paces the frames instead of `time.sleep`; the fixed steps are the same."""
        import asyncio

        self._browser = True
        self._open_display()
        try:
            code = 0
            for result in self._frames(pace=False):
                if result is not None:
                    code = result
                    break
                await asyncio.sleep(0)
            return self._finish(code)
        finally:
            self._close()

    def _finish(self, code: int) -> int:
        if self.config.save_frame is not None and self.canvas is not None:
            atomic_save_image(self.canvas, self.config.save_frame)  # WriteError: one line
            log.info("saved frame to %s", self.config.save_frame)
        return code

    def _close(self) -> None:
        while len(self.stack):
            self.stack.pop()
        problem = self.store.save()
        if problem:
            log.warning("%s", problem)
        close = getattr(self.audio, "close", None)
        if close is not None:
            close()
        pygame.display.quit()

    def _frames(self, pace: bool) -> Iterator[int | None]:
        """Yield None after each presented frame, then the exit code once. Real frame time becomes whole
        fixed steps (headless: exactly one step per frame); `pace` sleeps off the rest of a frame."""
        vsync = bool(getattr(self.presenter, "vsync", False))
        # With vsync a frame lasts a whole refresh: frame times within a millisecond of whole steps count
        # as exactly that, so a 60 Hz display gets one step every frame instead of jittering between 0 and 2.
        clock = FixedStep(ClockConfig(dt=DT, snap=0.001 if vsync else 0.0))
        self.clock = clock
        edges = EdgeTracker()
        if self.first_scene is None:
            raise ValueError("App.run needs a first scene")
        self.stack.push(self.first_scene())
        last = time.perf_counter()
        frames = 0
        while len(self.stack):
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    yield 0
                    return
                self.dispatch(event)
            if self.config.headless:
                frame_time = DT  # headless runs step exactly once per frame, as fast as possible
            else:
                now = time.perf_counter()
                frame_time, last = now - last, now
            for _ in range(clock.advance(frame_time)):
                self.step(edges)
                if not len(self.stack):
                    yield 0
                    return
            self._present(1.0 if self.config.headless else clock.alpha)
            frames += 1
            if self.config.frames is not None and frames >= self.config.frames:
                yield 0
                return
            if pace and not self.config.headless and not vsync:  # vsync paces the loop by itself
                # Wake just after the next step is due, so each frame shows one new step.
                due = DT - clock.accumulator - (time.perf_counter() - last)
                time.sleep(max(0.0, due + 0.0005))
            yield None
        yield 0

    def dispatch(self, event: pygame.event.Event) -> None:
        """One window event: the app's own keys first, then a waiting rebind, then the input reader."""
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_F11 or (event.key == pygame.K_RETURN and event.mod & pygame.KMOD_ALT):
                self.toggle_fullscreen()
                return
            if event.key == pygame.K_F12:
                self._screenshot_due = True
                return
        assert self.reader is not None
        capture = getattr(self.stack.top, "capture_event", None)
        if capture is not None and capture(event):
            return
        pads = len(self.reader.gamepad.pads)
        self.reader.on_event(event)
        if len(self.reader.gamepad.pads) > pads:
            self.notify("Gamepad connected")
        lost_pad = len(self.reader.gamepad.pads) < pads
        if lost_pad:
            self.notify("Gamepad disconnected")
        if (event.type == pygame.WINDOWFOCUSLOST or lost_pad) and pauses_itself(self.stack.top):
            self.reader.inject(Action.PAUSE)  # through the normal input path: the scene pauses itself

    def step(self, edges: EdgeTracker) -> None:
        assert self.reader is not None
        self.steps_run += 1
        self.stack.handle(edges.frame(self.reader.take()))
        self.stack.update(DT)
        if self.store.problem:  # a failed settings save (Options closing) is shown, not only logged
            self.notify(self.store.problem)
            self.store.problem = None
        for notice in self.notices:
            notice[1] -= 1
        self.notices = [n for n in self.notices if n[1] > 0]

    def _present(self, alpha: float = 1.0) -> None:
        """Draw the stack and show it. `alpha` (how far the frame stands between the last step and the
        next) goes to the top scene if it draws interpolated positions (`draw_alpha`); scenes below it
        are not stepping, so they draw their last step as it is."""
        assert self.canvas is not None and self.presenter is not None
        for scene in self.stack.scenes:
            if hasattr(scene, "draw_alpha"):
                scene.draw_alpha = alpha if scene is self.stack.top else 1.0
        self.stack.draw(self.canvas)
        if self._screenshot_due:
            self._screenshot_due = False
            self.screenshot()
        self._draw_notices(self.canvas)
        self.presenter.present(self.canvas)

    def screenshot(self) -> Path | None:
        """Save the current frame (scaled by the window scale) into the data folder; say where."""
        assert self.canvas is not None
        folder = self.folder / "screenshots"
        stamp = time.strftime("%Y%m%d-%H%M%S")
        path = folder / f"redheat-{stamp}.png"
        n = 2
        while path.exists():
            path = folder / f"redheat-{stamp}-{n}.png"
            n += 1
        try:
            folder.mkdir(parents=True, exist_ok=True)
            scale = self.settings.scale
            image = pygame.transform.scale(self.canvas, (VIEW_W * scale, VIEW_H * scale))
            pygame.image.save(image, str(path))
        except (OSError, pygame.error) as exc:
            self.notify(f"Screenshot failed: {exc}")
            return None
        self.notify(f"Screenshot saved: {path}")
        return path

    def _draw_notices(self, surface: pygame.Surface) -> None:
        if not self.notices or self._font is None:
            return
        font = self._font
        lines: list[str] = []
        for text, _ in self.notices[-3:]:
            lines += font.wrap(text, VIEW_W - 12)
        lines = lines[-5:]
        line = font.line_height + 1
        height = line * len(lines) + 4
        panel(surface, (0, VIEW_H - height, VIEW_W, height), (0, 0, 0), alpha=190)
        for i, text in enumerate(lines):
            surface.blit(font.render(text, INK), (6, VIEW_H - height + 2 + i * line))


def _drain(frames: Iterator[int | None]) -> int:
    """Run a frame generator to its exit code."""
    for code in frames:
        if code is not None:
            return code
    return 0
