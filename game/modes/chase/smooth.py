"""Drawing the chase between two steps: on a display that does not refresh at the step rate, each frame
shows the vehicles and the camera where they were `alpha` of the way from the last step to the one
before the next ("Fix Your Timestep" interpolation).

View layer only: the scene notes every pose before a step; while drawing, the sim's vehicles and camera
are put at the blended pose and put back afterwards, bit for bit, so the simulation, its hashes and its
replays never see it.
"""
from __future__ import annotations

import logging
import math
from contextlib import contextmanager
from typing import Any, Iterator

log = logging.getLogger(__name__)


def _vehicles(sim: Any) -> list[Any]:
    out = [sim.player, sim.rostavili] + [car for car, _ in sim.traffic] + list(sim.obstacles)
    if sim.train is not None:
        out.append(sim.train.body)
    return out


def _blend_angle(a: float, b: float, alpha: float) -> float:
    """From a toward b by alpha, the short way round."""
    diff = (b - a + math.pi) % (2 * math.pi) - math.pi
    return a + diff * alpha


class Smoother:
    """Poses before the last step of one sim; `between(sim, alpha)` draws them blended."""

    def __init__(self) -> None:
        self.sim: Any = None
        self.steps = -1          # the sim's step count the poses were noted at
        self.poses: dict[int, tuple[float, float, float]] = {}
        self.camera = (0.0, 0.0)

    def before_step(self, sim: Any) -> None:
        """Note where everything is before `sim` steps."""
        self.sim, self.steps = sim, sim.steps
        self.poses = {id(v): (v.x, v.y, v.heading) for v in _vehicles(sim)}
        self.camera = (sim.camera.x, sim.camera.y)

    @contextmanager
    def between(self, sim: Any, alpha: float) -> Iterator[None]:
        """While drawing, everything `alpha` of the way from the noted poses to the current ones; only
        right after exactly one step of this sim (alpha 1 or a paused, restarted or ended sim: as it is)."""
        if alpha >= 1.0 or sim is not self.sim or sim.steps != self.steps + 1:
            yield
            return
        vehicles = _vehicles(sim)
        saved = [(v, v.x, v.y, v.heading) for v in vehicles]
        cam = sim.camera
        cam_saved = (cam.x, cam.y)
        try:
            for v in vehicles:
                before = self.poses.get(id(v))
                if before is None:  # came into being this step (the train): no earlier pose
                    continue
                x0, y0, h0 = before
                v.x, v.y = x0 + (v.x - x0) * alpha, y0 + (v.y - y0) * alpha
                v.heading = _blend_angle(h0, v.heading, alpha)
            cx, cy = self.camera
            cam.x, cam.y = cx + (cam.x - cx) * alpha, cy + (cam.y - cy) * alpha
            yield
        finally:
            for v, x, y, heading in saved:
                v.x, v.y, v.heading = x, y, heading
            cam.x, cam.y = cam_saved
