"""A camera that follows a target with a dead zone and never shows outside the map."""
from __future__ import annotations

import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CameraConfig:
    view_w: int = 320
    view_h: int = 180
    dead_w: int = 48   # the target moves freely inside this box around the view centre
    dead_h: int = 32


class Camera:
    def __init__(self, map_w: int, map_h: int, config: CameraConfig = CameraConfig()) -> None:
        self.map_w, self.map_h = map_w, map_h
        self.config = config
        self.x = 0.0
        self.y = 0.0
        self.shake = (0, 0)  # whole-pixel offset added by screen shake, set by the scene

    def center_on(self, tx: float, ty: float) -> None:
        self.x = tx - self.config.view_w / 2
        self.y = ty - self.config.view_h / 2
        self._clamp()

    def follow(self, tx: float, ty: float) -> None:
        cfg = self.config
        cx = self.x + cfg.view_w / 2
        cy = self.y + cfg.view_h / 2
        if tx < cx - cfg.dead_w / 2:
            self.x += tx - (cx - cfg.dead_w / 2)
        elif tx > cx + cfg.dead_w / 2:
            self.x += tx - (cx + cfg.dead_w / 2)
        if ty < cy - cfg.dead_h / 2:
            self.y += ty - (cy - cfg.dead_h / 2)
        elif ty > cy + cfg.dead_h / 2:
            self.y += ty - (cy + cfg.dead_h / 2)
        self._clamp()

    def _clamp(self) -> None:
        cfg = self.config
        # A map smaller than the view is centred instead.
        if self.map_w <= cfg.view_w:
            self.x = (self.map_w - cfg.view_w) / 2
        else:
            self.x = min(max(self.x, 0.0), float(self.map_w - cfg.view_w))
        if self.map_h <= cfg.view_h:
            self.y = (self.map_h - cfg.view_h) / 2
        else:
            self.y = min(max(self.y, 0.0), float(self.map_h - cfg.view_h))

    @property
    def offset(self) -> tuple[int, int]:
        """Whole-pixel top-left for blitting (round at the blit, never in logic)."""
        return (round(self.x) + self.shake[0], round(self.y) + self.shake[1])
