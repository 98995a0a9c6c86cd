"""Putting the 320x180 canvas in the window: as a texture scaled by SDL's renderer (whole-number scale,
letterbox, vsync; the CPU never scales), or scaled on the CPU where no renderer is to be had.

The renderer path opens pygame's SCALED display (which gives an SDL renderer and keeps a 320x180 display
surface, so `convert()` still has a pixel format), takes the renderer over, switches its own logical
scaling off and draws one texture into `letterbox(window)` itself, so the scale stays a whole
number in a window, maximised and full screen alike. The CPU path is the one the dummy video driver,
headless runs and a machine without a renderer get (or anyone, with REDHEAT_PRESENT=cpu); the app says once
in the log which one it uses.
"""
from __future__ import annotations

import logging
import os
import warnings
from typing import Any

import pygame

from game import VIEW_H, VIEW_W

log = logging.getLogger(__name__)

NO_RENDERER_DRIVERS = ("dummy", "offscreen")


def letterbox(window: tuple[int, int], view: tuple[int, int] = (VIEW_W, VIEW_H)) -> pygame.Rect:
    """The largest whole-number scaling of `view` centred in `window` (at least x1; a window smaller
    than the view gets x1 centred, so the edges are cropped rather than the pixels squashed)."""
    scale = max(1, min(window[0] // view[0], window[1] // view[1]))
    w, h = view[0] * scale, view[1] * scale
    return pygame.Rect((window[0] - w) // 2, (window[1] - h) // 2, w, h)


def bars(window: tuple[int, int], view: pygame.Rect) -> list[pygame.Rect]:
    """The window's parts outside `view` (inside it): the letterbox's bars, none when it fills the window."""
    w, h = window
    rects = [pygame.Rect(0, 0, w, view.top), pygame.Rect(0, view.bottom, w, h - view.bottom),
             pygame.Rect(0, view.top, view.left, view.height),
             pygame.Rect(view.right, view.top, w - view.right, view.height)]
    return [r for r in rects if r.w > 0 and r.h > 0]


class CpuPresenter:
    """The window's own surface, the canvas scaled into it by `pygame.transform.scale` (or blitted 1:1
    headless, where the window is the view's size)."""

    kind = "cpu"

    def __init__(self, headless: bool) -> None:
        self.headless = headless
        self.vsync = False

    def set_mode(self, size: tuple[int, int], fullscreen: bool) -> None:
        if self.headless:
            pygame.display.set_mode((VIEW_W, VIEW_H))
        elif fullscreen:
            pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            pygame.display.set_mode(size, pygame.RESIZABLE)

    def window_size(self) -> tuple[int, int]:
        return pygame.display.get_surface().get_size()

    def present(self, canvas: pygame.Surface) -> None:
        window = pygame.display.get_surface()
        if self.headless:
            window.blit(canvas, (0, 0))
        else:
            target = letterbox(window.get_size())
            if window.get_rect().contains(target):
                for bar in bars(window.get_size(), target):  # black round it; the view itself is overwritten
                    window.fill((0, 0, 0), bar)
                pygame.transform.scale(canvas, target.size, window.subsurface(target))
            else:  # window smaller than one view: x1, centred, edges cropped
                window.fill((0, 0, 0))
                window.blit(canvas, target.topleft)
        pygame.display.flip()


class GpuPresenter:
    """SDL's renderer scales a texture of the canvas into the letterbox, with vsync if the
    driver gives it. Raises pygame.error (or RuntimeError) when no renderer can be made."""

    kind = "gpu"

    def __init__(self, size: tuple[int, int], fullscreen: bool) -> None:
        from pygame._sdl2 import video

        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            pygame.display.set_mode((VIEW_W, VIEW_H), pygame.SCALED | pygame.RESIZABLE, vsync=1)
            self.window: Any = pygame.Window.from_display_module()
        self.notes = [str(w.message) for w in caught if "from_display_module" not in str(w.message)
                      and "Window.get_surface" not in str(w.message)]
        self.renderer: Any = video.Renderer.from_window(self.window)
        self.renderer.logical_size = (0, 0)  # we place the texture ourselves: whole-number scale only
        self.texture: Any = None  # made from the first canvas, in its pixel format (see `upload`)
        self._form: Any = None
        self.vsync = not any("vsync" in note for note in self.notes)
        self.fullscreen = False
        self.set_mode(size, fullscreen)

    def set_mode(self, size: tuple[int, int], fullscreen: bool) -> None:
        if fullscreen:
            self.window.set_fullscreen(desktop=True)
        else:
            if self.fullscreen:
                self.window.set_windowed()
            self.window.size = size
        self.fullscreen = fullscreen
        self.renderer.logical_size = (0, 0)

    def window_size(self) -> tuple[int, int]:
        viewport = self.renderer.get_viewport()
        return (viewport.w, viewport.h) if viewport.w and viewport.h else tuple(self.window.size)

    def upload(self, canvas: pygame.Surface) -> None:
        """The canvas into the texture. The texture is made from the first canvas, so it has the canvas's
        pixel format and an upload is a copy (a streaming texture is ARGB: converting the canvas's XRGB
        to it cost 4x the copy, 0.06 against 0.016 ms)."""
        form = (canvas.get_size(), canvas.get_bitsize(), canvas.get_masks())
        if self.texture is None or form != self._form:  # the bytes are copied as they are: same format only
            from pygame._sdl2 import video

            self.texture, self._form = video.Texture.from_surface(self.renderer, canvas), form
        else:
            self.texture.update(canvas)

    def compose(self, canvas: pygame.Surface) -> None:
        """Upload the canvas and draw it, black bars round it, into the frame not yet shown."""
        self.upload(canvas)
        self.renderer.draw_color = (0, 0, 0, 255)
        self.renderer.clear()
        self.texture.draw(dstrect=letterbox(self.window_size()))

    def present(self, canvas: pygame.Surface) -> None:
        self.compose(canvas)
        self.renderer.present()

    def grab(self) -> pygame.Surface:
        """The composed frame as the window will show it (read back from the renderer: tests)."""
        return self.renderer.to_surface()


def open_presenter(size: tuple[int, int], fullscreen: bool, headless: bool, browser: bool = False) -> Any:
    """The renderer path where there is one, else the CPU path; says once which and why."""
    driver = pygame.display.get_driver()
    reason = None
    if headless:
        reason = "headless"
    elif browser:
        reason = "in the browser"
    elif os.environ.get("REDHEAT_PRESENT", "").lower() == "cpu":
        reason = "REDHEAT_PRESENT=cpu"
    elif driver in NO_RENDERER_DRIVERS:
        reason = f"no renderer with SDL's '{driver}' video driver"
    else:
        try:
            gpu = GpuPresenter(size, fullscreen)
        except (pygame.error, RuntimeError, AttributeError) as exc:
            reason = f"no SDL renderer ({exc})"
            pygame.display.quit()  # leaving a SCALED display for a plain one needs a fresh video system
            pygame.display.init()
        else:
            info = pygame.display._get_renderer_info() if hasattr(pygame.display, "_get_renderer_info") else None
            log.info("presenting through SDL's renderer %s (vsync %s)%s", info[0] if info else "?",
                     "on" if gpu.vsync else "off", "".join(f"; {note}" for note in gpu.notes))
            return gpu
    log.info("presenting with the CPU scale: %s", reason)
    cpu = CpuPresenter(headless)
    cpu.set_mode(size, fullscreen)
    return cpu
