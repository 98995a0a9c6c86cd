"""Drawing the chase between two steps: on a display that does not refresh at the step rate, each frame
shows the vehicles and the camera where they were `alpha` of the way from the last step to the one
before the next ("Fix Your Timestep" interpolation).

View layer only: the scene notes every pose before a step; while drawing, the sim's vehicles and camera
are put at the blended pose and put back afterwards, bit for bit, so the simulation, its hashes and its
replays never see it. The level mode draws its fighters the same way (game.modes.level.smooth: another
`movers`, and the scene's camera).
"""
from __future__ import annotations

import logging
import math
from contextlib import contextmanager
from operator import attrgetter
from typing import Any, Iterator

log = logging.getLogger(__name__)

_XY = attrgetter("x", "y")
_HEADING = attrgetter("heading")


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
    """Poses before the last step of one sim; `between(sim, alpha)` draws them blended. `movers` says
    what moves (anything with x and y), `turners` which of them also turn (have a heading); the camera is
    the sim's unless given. Noting is every step's cost, so it copies the numbers only (attrgetter maps,
    no dict): the look-up by mover is made when a frame between steps needs it (`poses`)."""

    def __init__(self) -> None:
        self.sim: Any = None
        self.steps = -1          # the sim's step count the poses were noted at
        self._noted: tuple[list[Any], list[tuple[float, float]], list[Any], list[float]] = ([], [], [], [])
        self.camera = (0.0, 0.0)

    def movers(self, sim: Any) -> list[Any]:
        return _vehicles(sim)

    def turners(self, sim: Any, movers: list[Any]) -> list[Any]:
        """Those of `movers` that have a heading: in the chase, every vehicle."""
        return movers

    def before_step(self, sim: Any, camera: Any = None) -> None:
        """Note where everything is before `sim` steps."""
        cam = sim.camera if camera is None else camera
        self.sim, self.steps = sim, sim.steps
        movers = self.movers(sim)
        turners = self.turners(sim, movers)
        self._noted = (movers, list(map(_XY, movers)), turners, list(map(_HEADING, turners)))
        self.camera = (cam.x, cam.y)

    @property
    def poses(self) -> dict[int, tuple[float, float, float | None]]:
        """id of each mover noted -> its (x, y, heading or None) before the step."""
        movers, xy, turners, headings = self._noted
        turned = dict(zip(map(id, turners), headings))
        return {id(v): (x, y, turned.get(id(v))) for v, (x, y) in zip(movers, xy)}

    @contextmanager
    def between(self, sim: Any, alpha: float, camera: Any = None) -> Iterator[None]:
        """While drawing, everything `alpha` of the way from the noted poses to the current ones; only
        right after exactly one step of this sim (alpha 1 or a paused, restarted or ended sim: as it is)."""
        if alpha >= 1.0 or sim is not self.sim or sim.steps != self.steps + 1:
            yield
            return
        movers = self.movers(sim)
        poses = self.poses
        turning = {id(v) for v in self.turners(sim, movers)}
        saved = [(v, v.x, v.y, v.heading if id(v) in turning else None) for v in movers]
        cam = sim.camera if camera is None else camera
        cam_saved = (cam.x, cam.y)
        try:
            for v in movers:
                before = poses.get(id(v))
                if before is None:  # came into being this step (the train): no earlier pose
                    continue
                x0, y0, h0 = before
                v.x, v.y = x0 + (v.x - x0) * alpha, y0 + (v.y - y0) * alpha
                if h0 is not None:
                    v.heading = _blend_angle(h0, v.heading, alpha)
            cx, cy = self.camera
            cam.x, cam.y = cx + (cam.x - cx) * alpha, cy + (cam.y - cy) * alpha
            yield
        finally:
            for v, x, y, heading in saved:
                v.x, v.y = x, y
                if heading is not None:
                    v.heading = heading
            cam.x, cam.y = cam_saved


class ChaseSmoother(Smoother):
    """The chase's: its sim names the vehicles each step may have moved (`ChaseSim.moved`), each with
    its pose before that step in prev_x, prev_y, prev_heading; so before a step only the camera and the
    train (which sets its pose itself) are noted, not some 50 vehicles. The rest stood still: blending
    them would give their pose as it is."""

    def __init__(self) -> None:
        super().__init__()
        self._train: tuple[Any, float, float, float] | None = None

    def before_step(self, sim: Any, camera: Any = None) -> None:
        cam = sim.camera if camera is None else camera
        self.sim, self.steps = sim, sim.steps
        self.camera = (cam.x, cam.y)
        body = None if sim.train is None else sim.train.body
        self._train = None if body is None else (body, body.x, body.y, body.heading)

    @property
    def poses(self) -> dict[int, tuple[float, float, float | None]]:
        movers, parked = self.sim.moved
        out = {id(v): (v.prev_x, v.prev_y, v.prev_heading) for v in movers}
        for v in parked:
            out[id(v)] = (v.prev_x, v.prev_y, v.prev_heading)
        if self._train is not None:
            body, x, y, heading = self._train
            out[id(body)] = (x, y, heading)
        return out
