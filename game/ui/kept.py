"""Screen parts drawn again by replaying their blits: a part of the HUD that shows the same state as last
frame is one `fblits` of the surfaces it blitted then, instead of its Python drawing code.

A `Kept` holds the last state a part was drawn for and the blits and fills that drawing made. The caller
names the state (a tuple of everything the part reads); drawing it for the same state again repeats the
same operations on the new frame, so alpha-blended pieces blend with what lies beneath them now, as a
fresh drawing would. The blitted surfaces are the shared caches' (labels, painted parts, bars): those are
never drawn on, so a replay blits what the drawing blitted.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

import pygame

log = logging.getLogger(__name__)

# What drawing code may ask of the surface it draws on, besides blit and fill: questions only.
_ASKED = ("get_width", "get_height", "get_size", "get_rect", "get_flags", "get_bitsize", "get_masks", "copy")


class _Recorder:
    """Stands for the canvas while a part draws: blits and fills go through to it and are noted; the
    read-only questions above are answered by it; anything else is refused (it could not be replayed)."""

    def __init__(self, surface: pygame.Surface) -> None:
        self.surface = surface
        self.ops: list[tuple[Any, ...]] = []
        for name in _ASKED:
            setattr(self, name, getattr(surface, name))

    def blit(self, source: pygame.Surface, dest: Any, area: Any = None, special_flags: int = 0) -> pygame.Rect:
        rect = self.surface.blit(source, dest, area, special_flags)
        if area is None and not special_flags:
            self.ops.append((source, _at(dest)))
        else:
            self.ops.append(("blit", source, dest, area, special_flags))
        return rect

    def fblits(self, pairs: Any, special_flags: int = 0) -> None:
        pairs = list(pairs)
        self.surface.fblits(pairs, special_flags)
        if special_flags:
            self.ops.extend(("blit", source, dest, None, special_flags) for source, dest in pairs)
        else:
            self.ops.extend((source, _at(dest)) for source, dest in pairs)

    def fill(self, color: Any, rect: Any = None, special_flags: int = 0) -> pygame.Rect:
        self.ops.append(("fill", color, None if rect is None else pygame.Rect(rect), special_flags))
        return self.surface.fill(color, rect, special_flags)


def _at(dest: Any) -> tuple[Any, Any]:
    """A blit's destination as its top-left corner (a Rect's, or the pair), copied: a Rect may change later."""
    return (dest[0], dest[1])


class Kept:
    """One screen part's last drawing: `draw` replays it while the state is the same, else draws it afresh
    (noting its blits) and keeps what `paint` returned."""

    def __init__(self) -> None:
        self.state: Any = None
        self.target: Any = None  # the surface drawn on (a replay on another one draws afresh)
        self.result: Any = None
        self._blits: list[tuple[pygame.Surface, tuple[int, int]]] | None = None
        self._ops: list[tuple[Any, ...]] = []

    def draw(self, surface: pygame.Surface, state: Any, paint: Callable[..., Any], *args: Any) -> Any:
        """`paint(surface, *args)` for `state`, or the same operations again when the last drawing on
        `surface` was for an equal state; returns what `paint` returned."""
        if self.target is surface and self.state == state:
            if self._blits is not None:
                surface.fblits(self._blits)
            else:
                _replay(surface, self._ops)
            return self.result
        recorder = _Recorder(surface)
        self.state = self.target = None
        result = paint(recorder, *args)
        ops = recorder.ops
        self.result, self._ops, self.state, self.target = result, ops, state, surface
        self._blits = ops if all(len(op) == 2 for op in ops) else None  # only plain blits: one fblits
        return result

    def forget(self) -> None:
        """Draw afresh next time, whatever the state."""
        self.state = self.target = None


def _replay(surface: pygame.Surface, ops: list[tuple[Any, ...]]) -> None:
    for op in ops:
        if len(op) == 2:
            surface.blit(*op)
        elif op[0] == "fill":
            surface.fill(op[1], op[2], op[3])
        else:
            surface.blit(*op[1:])
