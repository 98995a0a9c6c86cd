"""The bench's settings (BenchConfig) and its synthetic map: a generated tileset PNG + TSX and a TMX with ground, props and steam layers."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

TILE = 16
TILESET_COLUMNS = 8
GROUND_GIDS = range(1, 9)    # opaque
PROP_GIDS = range(9, 17)     # opaque shapes on transparent background
STEAM_GIDS = range(17, 25)   # partly transparent pixels (alpha 40..170)
SOLID_GIDS = (9, 10, 11, 12)


# --- the bench map -------------------------------------------------------------------------------

def tileset_pixels(seed: int = 7) -> np.ndarray:
    """RGBA uint8 (4*16, 8*16, 4): row 0 ground, row 1 props, row 2 steam, row 3 spare ground."""
    rng = np.random.default_rng(seed)
    img = np.zeros((4 * TILE, TILESET_COLUMNS * TILE, 4), dtype=np.uint8)
    yy, xx = np.mgrid[0:TILE, 0:TILE]
    for col in range(TILESET_COLUMNS):
        x0 = col * TILE
        # ground: a tinted stone floor with grout lines and noise
        base = np.array([70 + 9 * col, 80 + 5 * col, 96 - 4 * col])
        noise = rng.integers(-10, 11, size=(TILE, TILE, 1))
        ground = np.clip(base + noise, 0, 255)
        ground[(yy % 8 == 0) | (xx == 0)] = base // 2
        for row in (0, 3):
            img[row * TILE:(row + 1) * TILE, x0:x0 + TILE, :3] = ground if row == 0 else ground[::-1]
            img[row * TILE:(row + 1) * TILE, x0:x0 + TILE, 3] = 255
        # props: a crate/barrel shape, fully opaque inside, fully transparent outside
        r = 4 + col % 4
        inside = ((xx - 7.5) ** 2 + (yy - 7.5) ** 2 <= r * r) if col % 2 else (
            (abs(xx - 7.5) <= r) & (abs(yy - 7.5) <= r))
        prop = img[TILE:2 * TILE, x0:x0 + TILE]
        prop[..., 0] = 120 + 15 * col
        prop[..., 1] = 70 + 10 * (col % 3)
        prop[..., 2] = 40
        prop[(yy + xx) % 5 == 0, :3] //= 2
        prop[..., 3] = np.where(inside, 255, 0)
        # steam: a soft white-grey puff, alpha falling off from the centre
        d = np.sqrt((xx - 7.5 - (col % 3 - 1)) ** 2 + (yy - 7.5) ** 2)
        steam = img[2 * TILE:3 * TILE, x0:x0 + TILE]
        steam[..., :3] = 220 - 5 * col
        steam[..., 3] = np.clip(170 - d * (14 + col), 40, 170).astype(np.uint8)
    return img


def write_tileset(folder: Path) -> Path:
    """bench.png + bench.tsx in `folder`; returns the TSX path."""
    import pygame

    pixels = tileset_pixels()
    h, w = pixels.shape[:2]
    surf = pygame.image.frombuffer(pixels.tobytes(), (w, h), "RGBA")
    pygame.image.save(surf, str(folder / "bench.png"))
    solid = "\n".join(
        f' <tile id="{gid - 1}"><properties><property name="solid" type="bool" value="true"/>'
        f'</properties></tile>' for gid in SOLID_GIDS)
    tsx = folder / "bench.tsx"
    tsx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<tileset version="1.8" tiledversion="1.8.2" name="bench" tilewidth="{TILE}" '
        f'tileheight="{TILE}" tilecount="{TILESET_COLUMNS * 4}" columns="{TILESET_COLUMNS}">\n'
        f' <image source="bench.png" width="{w}" height="{h}"/>\n{solid}\n</tileset>\n',
        encoding="utf-8")
    return tsx


def map_layers(size: int, seed: int = 1) -> list[np.ndarray]:
    """The three layers' gids for a size x size map: full ground, 30% props, 10% steam."""
    rng = np.random.default_rng(seed)
    ground = rng.choice(np.array(GROUND_GIDS), size=(size, size))
    props = np.where(rng.random((size, size)) < 0.30, rng.choice(np.array(PROP_GIDS), size=(size, size)), 0)
    steam = np.where(rng.random((size, size)) < 0.10, rng.choice(np.array(STEAM_GIDS), size=(size, size)), 0)
    return [ground, props, steam]


def _csv(gids: np.ndarray) -> str:
    return ",\n".join(",".join(map(str, row)) for row in gids.tolist())


def write_map(folder: Path, size: int, seed: int = 1) -> Path:
    """A size x size TMX (CSV layers, like Tiled's default) using bench.tsx; returns its path."""
    if not (folder / "bench.tsx").is_file():
        write_tileset(folder)
    names = ("ground", "props", "steam")
    layers = "\n".join(
        f' <layer id="{i + 1}" name="{name}" width="{size}" height="{size}">\n'
        f'  <data encoding="csv">\n{_csv(gids)}\n</data>\n </layer>'
        for i, (name, gids) in enumerate(zip(names, map_layers(size, seed))))
    path = folder / f"bench_{size}.tmx"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<map version="1.8" tiledversion="1.8.2" orientation="orthogonal" renderorder="right-down" '
        f'width="{size}" height="{size}" tilewidth="{TILE}" tileheight="{TILE}" infinite="0" '
        f'nextlayerid="5" nextobjectid="2">\n'
        ' <tileset firstgid="1" source="bench.tsx"/>\n'
        f'{layers}\n'
        ' <objectgroup id="4" name="objects">\n'
        '  <object id="1" type="player_spawn" x="40" y="40"/>\n'
        ' </objectgroup>\n</map>\n', encoding="utf-8")
    return path


# --- configuration and small helpers --------------------------------------------------------------


VIEWS = ((320, 180), (640, 360), (1280, 720))


@dataclass(frozen=True)
class BenchConfig:
    map_size: int = 256
    scaling_sizes: tuple[int, ...] = (512, 1024)
    frames: int = 600            # timed frames per view (after a warm-up)
    warmup: int = 30
    sprites: int = 100
    sim_steps: int = 3000
    sim_enemies: int = 40
    load_repeats: int = 5
    reload_repeats: int = 3      # hot reload builds timed per level (each step's median counts)
    scaling_views: tuple[tuple[int, int], ...] = VIEWS
    memory: bool = True
    views: tuple[tuple[int, int], ...] = VIEWS
    repeats: int = 3             # solo runs per renderer, path and view (the best median counts)
    levels: bool = True          # every levels/*.tmx beside the synthetic map
    memory_all: bool = True      # memory probes on every map (else the synthetic and the largest level)

    @classmethod
    def quick(cls) -> "BenchConfig":
        return cls(frames=150, warmup=20, sim_steps=1200, load_repeats=1, scaling_sizes=(), repeats=2,
                   memory_all=False, scaling_views=((320, 180), (1280, 720)))
