"""A level's light: ambient colour, point lights and wall shadows, baked into chunk surfaces with numpy.

The map says how it is lit (all optional; a map with none of them is drawn as Tiled draws it):

- map property `ambient` (color): the light everywhere, as a multiplier (#ffffff leaves the tiles as
  drawn; the bathhouse's warm haze is a dim amber, Moscow's night a dim blue);
- objects of class `light` placed as points: `radius` (px), `color`, `intensity` (1.0 brings a tile
  back to full brightness at the centre; more blooms), `flicker` (0..1: the share of the light that
  flickers, as a neon sign or a dying tube does);
- objects of class `light` drawn as rectangles: the ambient of that area (a room's own light: the
  steam room's amber, the snow yard's cold daylight), `color` times `intensity`, blended into the map's
  ambient over `radius` px at its edges;
- map property `shadows` (bool, default true when the map is lit): cells that block movement cast a
  short shadow down and to the right, so walls and props stand on the floor;
- map property `wet` (bool, default true when the whole map has rain): every light also lays a long
  narrow reflection on the ground below it, as on wet asphalt at night.

The static part (ambient, steady lights, shadows) is computed once per chunk when the renderer builds
it and multiplied (plus a gentle additive bloom) into the chunk surface: nothing per frame. Flickering
lights add a glow per frame, chosen by the step counter (never the wall clock), so a replay shows the
same flicker. Weather (`game.world.weather`) draws after them. None of this touches the simulation.
"""
from __future__ import annotations

import logging
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

import numpy as np
import pygame

from game.world.surfaces import displayed
from game.world.weather import Weather, step_of

if TYPE_CHECKING:
    from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

REFLECT = 0.32  # a wet street's reflection of a light, as a share of the light
RES = 4  # px: the light is computed on this grid, aligned to the map
BLOOM = 0.45  # how much of the light above full brightness is added as a glow
SHADOW_DOWN = 7  # px of shadow below a blocking cell
SHADOW_RIGHT = 3  # px of shadow right of a blocking cell
SHADOW_DEPTH = 0.42  # how dark the darkest shadow pixel gets (0 = none, 1 = black)


@dataclass(frozen=True)
class Light:
    x: float
    y: float
    radius: float
    color: tuple[float, float, float]  # 0..1
    intensity: float = 1.0
    flicker: float = 0.0  # share of the intensity that flickers
    seed: int = 0  # the flicker pattern (from the object's id)
    stretch: float = 1.0  # >1 narrows the light sideways (a reflection on a wet street)
    area: tuple[float, float, float, float] | None = None  # a rectangle light: x0, y0, x1, y1


def parse_color(text: object, default: tuple[float, float, float]) -> tuple[float, float, float]:
    """Tiled's #RRGGBB or #AARRGGBB (alpha ignored) as 0..1 floats; `default` when empty or malformed."""
    h = str(text or "").strip().lstrip("#")
    if len(h) == 8:
        h = h[2:]
    try:
        return tuple(int(h[i:i + 2], 16) / 255.0 for i in (0, 2, 4)) if len(h) == 6 else default  # type: ignore[return-value]
    except ValueError:
        return default


def _num(value: object, default: float, low: float, high: float) -> float:
    try:
        f = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return min(high, max(low, f)) if f == f else default


def lights_of(tilemap: "TileMap") -> list[Light]:
    out = []
    for obj in tilemap.objects_of("light"):
        p = obj.properties
        cx, cy = obj.center if obj.shape != "point" else (obj.x, obj.y)
        area = obj.width > 0 and obj.height > 0 and obj.shape == "rectangle"
        out.append(Light(cx, cy, _num(p.get("radius"), 16.0 if area else 64.0, 1.0, 2048.0),
                         parse_color(p.get("color"), (1.0, 0.85, 0.6)),
                         _num(p.get("intensity"), 1.0, 0.0, 4.0),
                         0.0 if area else _num(p.get("flicker"), 0.0, 0.0, 1.0), seed=obj.id,
                         area=(obj.x, obj.y, obj.x + obj.width, obj.y + obj.height) if area else None))
    return out


def falloff(d2: np.ndarray, radius: float) -> np.ndarray:
    """Smooth 1 -> 0 over the radius (squared distances in, no square root needed)."""
    t = np.clip(1.0 - d2 / (radius * radius), 0.0, 1.0)
    return t * t


def _shadow_patterns(tile: int) -> np.ndarray:
    """float32 (4, tile, tile): the darkness of a floor cell with a blocking cell above it (bit 1) and/or
    to its left (bit 2). Shadows are shorter than a cell, so no other neighbour reaches it."""
    out = np.zeros((4, tile, tile), dtype=np.float32)
    y, x = np.mgrid[0:tile, 0:tile]
    down = np.where(y < SHADOW_DOWN, 1.0 - y / SHADOW_DOWN, 0.0)  # distance to the cell above: y + 1
    right = np.where(x < SHADOW_RIGHT, 0.6 * (1.0 - x / SHADOW_RIGHT), 0.0)
    out[1], out[2], out[3] = down, right, np.maximum(down, right)
    return out * SHADOW_DEPTH


class Lighting:
    """The light of one map; `bake` lights a chunk as it is built, `draw` adds what changes per frame.

    The light is computed on a grid of RES px aligned to the map (each value lights RES x RES pixels),
    shadows per cell from four precomputed patterns: a 1024 px chunk bakes in a few milliseconds, and a
    cell lit on its own gets exactly the pixels the whole chunk would have given it."""

    def __init__(self, tilemap: "TileMap", ambient: tuple[float, float, float], lights: Sequence[Light],
                 shadows: bool, weather: Weather | None, wet: bool = False) -> None:
        self.tile = tilemap.tile_w
        self.solid = tilemap.solid if shadows else None
        self.patterns = _shadow_patterns(self.tile)
        self.ambient = np.asarray(ambient, dtype=np.float32)
        self.areas = [l for l in lights if l.area is not None]
        lights = [l for l in lights if l.area is None]
        self.steady = [l for l in lights if l.flicker < 1.0]
        self.flickering = [l for l in lights if l.flicker > 0.0]
        self.floor = ~tilemap.solid
        self.reflections: list[Light] = []
        if wet:  # a reflection: a dimmer, narrow and long light below each one, on the ground only
            self.reflections = [Light(l.x, l.y + l.radius * 0.7, l.radius * 1.1, l.color, l.intensity * REFLECT,
                                      stretch=4.0) for l in self.steady]
        self._reach_steady, self._reach_reflections = self._reach(self.steady), self._reach(self.reflections)
        self.weather = weather
        self._glows: dict[int, list[tuple[pygame.Surface, int, int]]] = {}  # see `_glow`
        self._slot: tuple[int, list] | None = None  # the flicker slot last drawn and its glows (`_lit_glows`)
        self._patterns: list[pygame.Surface] = []
        self.cell = (tilemap.tile_w, tilemap.tile_h)
        self._stamps: dict[tuple[int, int, int, int], list] = {}  # a lit cell's blits, kept (`_apply`)
        # what `light_map` reads: a map rebuilt with the same light (a hot reload of a tile edit) reuses
        # the blocks this one computes (`layers`)
        self._layers, self._blocks = _layer_store((self.tile, tuple(self.ambient.tolist()), tuple(self.areas),
                                                   tuple(self.steady), tuple(self.reflections), self.floor.shape,
                                                   self.floor.tobytes() if self.reflections else b""))
        self._shadow_map: np.ndarray | None = None  # every cell's shadow pattern (`shadow_cells`)

    def light_map(self, x0: int, y0: int, w: int, h: int) -> np.ndarray:
        """float32 (h // RES, w // RES, 3): the light on the grid points of the block at (x0, y0), which
        must be RES-aligned (1 = the tiles as drawn, above 1 blooms). Shadows are not in it."""
        ys = np.arange(y0, y0 + h, RES, dtype=np.float32) + RES / 2
        xs = np.arange(x0, x0 + w, RES, dtype=np.float32) + RES / 2
        out = np.empty((len(ys), len(xs), 3), dtype=np.float32)
        out[...] = self.ambient
        for area in self.areas:  # a room's own ambient, feathered over its radius at the edges
            ax0, ay0, ax1, ay1 = area.area  # type: ignore[misc]
            reach = area.radius / 2 + 1.0  # beyond it (a pixel's margin for rounding) its weight is 0
            if ys[-1] < ay0 - reach or ys[0] > ay1 + reach or xs[-1] < ax0 - reach or xs[0] > ax1 + reach:
                continue  # the block is outside the area's feathered edge: nothing to blend
            wy = np.clip((np.minimum(ys - ay0, ay1 - ys) / area.radius) + 0.5, 0.0, 1.0)
            wx = np.clip((np.minimum(xs - ax0, ax1 - xs) / area.radius) + 0.5, 0.0, 1.0)
            if wy.any() and wx.any():
                weight = (wy[:, None] * wx[None, :])[..., None]
                out += weight * (np.asarray(area.color, np.float32) * area.intensity - out)
        self._add_lights(out, self.steady, self._reach_steady, ys, xs)
        if self.reflections:
            rows = np.clip(ys.astype(int) // self.tile, 0, self.floor.shape[0] - 1)
            cols = np.clip(xs.astype(int) // self.tile, 0, self.floor.shape[1] - 1)
            self._add_lights(out, self.reflections, self._reach_reflections, ys, xs, self.floor[rows][:, cols])
        return out

    @staticmethod
    def _reach(lights: Sequence[Light]) -> np.ndarray:
        """float32 (n, 4): each light's top, bottom, left and right reach (as the grid compares them)."""
        return np.array([(l.y - l.radius, l.y + l.radius, l.x - l.radius / l.stretch, l.x + l.radius / l.stretch)
                         for l in lights], dtype=np.float32).reshape(-1, 4)

    @staticmethod
    def _add_lights(out: np.ndarray, lights: Sequence[Light], reach: np.ndarray, ys: np.ndarray, xs: np.ndarray,
                    mask: np.ndarray | None = None) -> None:
        if not lights:
            return
        # every light's reach on the grid in four searchsorted calls, not four per light (a lit block
        # built a band at a time touches few of the lights: the Python loop runs only for those)
        i0s, i1s = np.searchsorted(ys, reach[:, 0]), np.searchsorted(ys, reach[:, 1])
        j0s, j1s = np.searchsorted(xs, reach[:, 2]), np.searchsorted(xs, reach[:, 3])
        for n in np.flatnonzero((i0s < i1s) & (j0s < j1s)).tolist():
            light = lights[n]
            r = light.radius
            i0, i1, j0, j1 = int(i0s[n]), int(i1s[n]), int(j0s[n]), int(j1s[n])
            dy = (ys[i0:i1] - light.y) ** 2
            dx = ((xs[j0:j1] - light.x) * light.stretch) ** 2
            f = falloff(dy[:, None] + dx[None, :], r) * (light.intensity * (1.0 - light.flicker))
            if mask is not None:
                f *= mask[i0:i1, j0:j1]
            out[i0:i1, j0:j1] += f[..., None] * np.asarray(light.color, np.float32)

    def shadow_cells(self, x0: int, y0: int, w: int, h: int) -> np.ndarray:
        """int (rows, cols): for each cell of the cell-aligned block, its shadow pattern (0 = none)."""
        t = self.tile
        r0, c0, rows, cols = y0 // t, x0 // t, h // t, w // t
        if self.solid is None:
            return np.zeros((rows, cols), dtype=np.intp)
        if self._shadow_map is None:  # a cell's pattern reads its own, upper and left cells: the whole map at once
            self._shadow_map = _patterns_of(self.solid, 0, 0, *self.solid.shape)
            self._shadow_map.flags.writeable = False  # its blocks are read, never written
        if r0 >= 0 and c0 >= 0 and r0 + rows <= self.solid.shape[0] and c0 + cols <= self.solid.shape[1]:
            return self._shadow_map[r0:r0 + rows, c0:c0 + cols]
        return _patterns_of(self.solid, r0, c0, rows, cols)

    def shade(self, x0: int, y0: int, w: int, h: int) -> np.ndarray:
        """uint8 (h, w): 255 minus the shadow on each pixel of the cell-aligned block."""
        config = self.shadow_cells(x0, y0, w, h)
        dark = self.patterns[config]  # (rows, cols, t, t)
        return np.rint(255.0 * (1.0 - dark)).astype(np.uint8).transpose(0, 2, 1, 3).reshape(h, w)

    def layers(self, x0: int, y0: int, w: int, h: int) -> tuple[np.ndarray, np.ndarray | None]:
        """The block's light on the RES grid as uint8: (multiply RGB, bloom RGB to add or None); worked
        out once per block (light is static: an animated cell's every frame, a chunk rebuilt, a map
        reloaded with the same light read them again), read-only."""
        key = (x0, y0, w, h)
        got = self._layers.get(key)
        if got is None:
            got = self._cut(x0, y0, w, h)  # an animated cell inside a chunk already lit: its part of that
            if got is None:
                mult, add, bright = self._compute_layers(x0, y0, w, h, bright=True)
                for layer in (mult, add, bright):
                    if layer is not None:
                        layer.flags.writeable = False  # shared by every reader of the block
                if w * h > self.cell[0] * self.cell[1]:  # a chunk's block: its cells may be cut from it
                    self._blocks.append((x0, y0, w, h, mult, add, bright))
                got = (mult, add)
            self._layers[key] = got
        return got

    def _cut(self, x0: int, y0: int, w: int, h: int) -> tuple[np.ndarray, np.ndarray | None] | None:
        """The layers of a block inside one worked out before, cut from that one's: each grid point's light
        is the same sums in the same order whatever block holds it (a light or an area beyond a point
        adds +0.0 there), and the bloom is there when a point of the part is over full brightness (a
        block's own bloom is: `_compute_layers`); None when no block holds it."""
        if x0 % RES or y0 % RES or w % RES or h % RES:
            return None
        blocks = self._blocks
        for n, (bx, by, bw, bh, mult, add, bright) in enumerate(blocks):
            if bx <= x0 and by <= y0 and x0 + w <= bx + bw and y0 + h <= by + bh:
                if n:  # the next cell is most likely in the same block: looked at first
                    blocks.insert(0, blocks.pop(n))
                r0, c0 = (y0 - by) // RES, (x0 - bx) // RES
                rows, cols = slice(r0, r0 + h // RES), slice(c0, c0 + w // RES)
                return mult[rows, cols], add[rows, cols] if add is not None and bright[rows, cols].any() else None
        return None

    def _compute_layers(self, x0: int, y0: int, w: int, h: int, bright: bool = False) -> tuple:
        """The block's (multiply, bloom or None) and, with `bright`, which grid points are over full
        brightness (bool (h // RES, w // RES): where a part of the block has bloom)."""
        low = self.light_map(x0, y0, w, h)
        over_full = (low > 1.0).any(axis=2) if bright else None
        add = None
        if low.max() > 1.0:
            over = (low - 1.0) * (BLOOM * 255.0) + 0.5
            add = np.clip(over, 0.0, 255.0, out=over).astype(np.uint8)
        low *= 255.0
        low += 0.5
        mult = np.clip(low, 0.0, 255.0, out=low).astype(np.uint8)
        return (mult, add, over_full) if bright else (mult, add)

    def bake(self, surface: pygame.Surface, x0: int, y0: int) -> None:
        """Multiply the light into `surface` (a chunk whose top-left is map pixel (x0, y0))."""
        self._apply(surface, (0, 0), x0, y0, *surface.get_size())

    def bake_cells(self, surface: pygame.Surface, x0: int, y0: int,
                   positions: Sequence[tuple[int, int]], size: tuple[int, int]) -> None:
        """Light cells just stamped into a chunk at (x0, y0): `positions` are their top-lefts in it."""
        for px, py in positions:
            self._apply(surface, (px, py), x0 + px, y0 + py, *size)

    def _apply(self, surface: pygame.Surface, pos: tuple[int, int], x0: int, y0: int, w: int, h: int) -> None:
        key = (x0, y0, w, h)
        steps = self._stamps.get(key)
        if steps is None:
            steps = self._light_steps(x0, y0, w, h)
            if (w, h) == self.cell:  # an animated cell: its other frames at this place are lit the same
                self._stamps[key] = steps
        for blits, flag in steps:
            surface.fblits([(image, (pos[0] + dx, pos[1] + dy)) for image, dx, dy in blits], flag)

    def _light_steps(self, x0: int, y0: int, w: int, h: int) -> list[tuple[list, int]]:
        """What lighting the block at (x0, y0) blits, in order: the light multiplied, the shadows
        multiplied (they darken the light, not the bloom), the bloom added; each (image, x, y) in the block."""
        mult, add = self.layers(x0, y0, w, h)
        steps = []
        for low, flag in ((mult, pygame.BLEND_RGB_MULT), (add, pygame.BLEND_RGB_ADD)):
            if low is not None:
                image = pygame.image.frombuffer(low.tobytes(), (low.shape[1], low.shape[0]), "RGB")
                steps.append(([(pygame.transform.scale(image, (w, h)), 0, 0)], flag))
            if flag == pygame.BLEND_RGB_MULT:
                config = self.shadow_cells(x0, y0, w, h)
                rows, cols = np.nonzero(config)
                if rows.size:
                    t = self.tile
                    cells = self._pattern_surfaces()
                    steps.append(([(cells[config[r, c]], c * t, r * t) for r, c in zip(rows.tolist(), cols.tolist())],
                                  pygame.BLEND_RGB_MULT))
        return steps

    def _pattern_surfaces(self) -> list[pygame.Surface]:
        if not self._patterns:
            t = self.tile
            for dark in self.patterns:
                rgb = np.repeat(np.rint(255.0 * (1.0 - dark)).astype(np.uint8)[..., None], 3, axis=2)
                self._patterns.append(pygame.image.frombuffer(rgb.tobytes(), (t, t), "RGB").copy())
        return self._patterns

    def draw(self, surface: pygame.Surface, camera_xy: tuple[int, int], time_ms: float) -> None:
        """The per-frame part, over the map and the actors: flickering glows, then the weather."""
        step = step_of(time_ms)
        if self.flickering:
            cam_x, cam_y = camera_xy
            view_w, view_h = surface.get_size()
            blits = [(image, (x - cam_x, y - cam_y)) for lx, ly, r, glow in self._lit_glows(step)
                     if -r < lx - cam_x < view_w + r and -r < ly - cam_y < view_h + r for image, x, y in glow]
            if blits:
                surface.fblits(blits, pygame.BLEND_RGB_ADD)
        if self.weather is not None:
            self.weather.draw(surface, camera_xy, step)

    def _lit_glows(self, step: int) -> list[tuple[float, float, int, list[tuple[pygame.Surface, int, int]]]]:
        """The flickering lights showing their glow on `step` (it changes every 6 steps, see `flicker_on`):
        each one's centre, reach and glow (`_glow`)."""
        slot = step // 6
        if self._slot is None or self._slot[0] != slot:
            self._slot = (slot, [(light.x, light.y, int(light.radius), self._glow(light))
                                 for light in self.flickering if flicker_on(light, step)])
        return self._slot[1]

    def _glow(self, light: Light) -> list[tuple[pygame.Surface, int, int]]:
        """A flickering light's glow, added over the frame: the box of its lit pixels (adding black changes
        nothing, so it adds exactly what the whole square did, on ~3/4 of its pixels) and the box's
        top-left in map pixels; none when it lights nothing. (Cut into strips, the blits cost more.)"""
        glows = self._glows.get(light.seed)
        if glows is None:
            r = int(light.radius)
            axis = (np.arange(-r, r + 1, dtype=np.float32)) ** 2
            f = falloff(axis[:, None] + axis[None, :], light.radius) * light.intensity * light.flicker * BLOOM
            rgb = np.clip(f[..., None] * np.asarray(light.color, np.float32) * 255.0, 0, 255).astype(np.uint8)
            glow = pygame.image.frombuffer(rgb.tobytes(), (2 * r + 1, 2 * r + 1), "RGB")
            glow = displayed(glow, alpha=False)  # an added glow 20-46 -> 4-6 us, the same pixels
            lit = rgb.any(axis=2)
            rows, cols = np.flatnonzero(lit.any(axis=1)), np.flatnonzero(lit.any(axis=0))
            glows = []
            if rows.size:
                box = pygame.Rect(int(cols[0]), int(rows[0]), int(cols[-1] - cols[0]) + 1, int(rows[-1] - rows[0]) + 1)
                glows.append((glow.subsurface(box).copy(), int(light.x - r) + box.x, int(light.y - r) + box.y))
            self._glows[light.seed] = glows
        return glows


_LAYERS: list[tuple[object, dict, list]] = []  # the light last built: its description, its blocks' layers


def _layer_store(key: object) -> tuple[dict, list]:
    """The blocks' layers of a map lit as `key` says, by block, and the blocks worked out whole (to cut
    parts from): the last map's, when it was lit the same way (only the last is kept, so a level's light
    is freed when the next level is lit)."""
    if not (_LAYERS and _LAYERS[0][0] == key):
        _LAYERS[:] = [(key, {}, [])]
    return _LAYERS[0][1], _LAYERS[0][2]


def _patterns_of(solid: np.ndarray, r0: int, c0: int, rows: int, cols: int) -> np.ndarray:
    """int (rows, cols): the shadow pattern of each cell of the block (0 = none; see `_shadow_patterns`)."""
    padded = np.zeros((rows + 1, cols + 1), dtype=bool)  # outside the map casts nothing
    src = solid[max(0, r0 - 1):r0 + rows, max(0, c0 - 1):c0 + cols]
    padded[(r0 == 0):(r0 == 0) + src.shape[0], (c0 == 0):(c0 == 0) + src.shape[1]] = src
    return (padded[:-1, 1:] * 1 + padded[1:, :-1] * 2) * ~padded[1:, 1:]


def flicker_on(light: Light, step: int) -> bool:
    """Whether a flickering light shows its flickering part on `step`: mostly on, with short blinks.

    A pure function of the light and the step counter: every 6 steps a hash decides; a run of blinks
    comes roughly once in two seconds, more often the more the light flickers."""
    slot = step // 6
    h = zlib.crc32(f"{light.seed}:{slot}".encode()) & 0xFFFF
    return h >= int(0xFFFF * 0.12 * light.flicker)


def lighting_of(tilemap: "TileMap") -> Lighting | None:
    """The map's lighting, or None for a map that declares no light (drawn exactly as Tiled draws it)."""
    props = tilemap.properties
    lights = lights_of(tilemap)
    weather = Weather.of(tilemap)
    if "ambient" not in props and not lights and weather is None:
        return None
    ambient = parse_color(props.get("ambient"), (1.0, 1.0, 1.0))
    shadows = _flag(props.get("shadows"), True)
    wet = _flag(props.get("wet"), str(props.get("weather", "")).strip() == "rain")
    log.debug("%s: ambient %s, %d lights, weather %s", tilemap.path.name, ambient, len(lights), weather)
    return Lighting(tilemap, ambient, lights, shadows, weather, wet)


def _flag(value: object, default: bool) -> bool:
    if value is None or str(value).strip() == "":
        return default
    return str(value).strip().lower() not in ("false", "0", "no")
