"""Shared fixtures: a dummy video driver, and small TMX levels written into a temp folder."""
from __future__ import annotations

import functools
import gc
import itertools
import os
import shutil
import sys
from pathlib import Path

# A machine that sets PYTHONDONTWRITEBYTECODE makes every pytest worker re-parse (and assertion-rewrite) its
# plugins, and every `python -m game` a test starts compile the game from source again: keep the caches
# (gitignored) for this run and the processes it starts.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BASE_TSX = ROOT / "assets" / "tiles" / "base.tsx"


# What `st.text()` draws by default (`characters(codec="utf-8")`: every code point but the surrogates), asked
# for by category: the same characters, without the table of the codec Hypothesis builds on first use where
# `.hypothesis/` is new, as in CI's clone (about 2 s of CPU; tests/test_suite_shortcuts.py checks the sets agree).
def utf8_text(max_size: int):
    from hypothesis import strategies as st

    return st.text(st.characters(exclude_categories=("Cs",)), max_size=max_size)


def tmx_text(ground: list[list[int]], objects: str | None = None, extra_layers: str = "",
             tileset: str = "base.tsx", map_attrs: str = "", encoding: str = "csv") -> str:
    h, w = len(ground), len(ground[0])
    if objects is None:
        objects = '<object id="1" type="player_spawn" x="24" y="24"/>'
    data = ",\n".join(",".join(str(v) for v in row) for row in ground)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.8" orientation="orthogonal" renderorder="right-down" width="{w}" height="{h}"
 tilewidth="16" tileheight="16" infinite="0" {map_attrs}>
 <tileset firstgid="1" source="{tileset}"/>
 <layer id="1" name="ground" width="{w}" height="{h}"><data encoding="{encoding}">
{data}
</data></layer>
{extra_layers}
 <objectgroup id="9" name="objects">{objects}</objectgroup>
</map>
"""


def room(w: int = 8, h: int = 6) -> list[list[int]]:
    """Floor (gid 1) walled in by gid 2 (solid)."""
    return [[2 if x in (0, w - 1) or y in (0, h - 1) else 1 for x in range(w)] for y in range(h)]


def frame_map(tilemap, time_ms):
    """The map as Tiled shows it at `time_ms`: every animated gid replaced by the frame it shows."""
    import dataclasses

    import numpy as np

    from game.world.tilemap import GID_MASK

    lut = np.arange(tilemap.max_gid + 1, dtype=np.uint32)
    for gid, anim in tilemap.animations.items():
        lut[gid] = anim.frames[anim.frame_at(time_ms)][0]
    layers = []
    for layer in tilemap.layers:
        raw = layer.gids.view(np.uint32)
        shown = (raw & ~np.uint32(GID_MASK)) | lut[raw & GID_MASK]
        layers.append(dataclasses.replace(layer, gids=shown.view(np.int32)))
    return dataclasses.replace(tilemap, layers=layers)


@functools.cache
def level_map(name: str):
    """`levels/<name>.tmx`, loaded once per worker for the tests that only play it (a load is 5-30 ms, and
    the persona rows alone ask for one 68 times). Play never changes a map: its arrays are made read-only
    here, so a test that tried would fail instead of leaking into the next one."""
    from game.paths import LEVELS
    from game.world.tilemap import load_tilemap

    tilemap = load_tilemap(LEVELS / f"{name}.tmx")
    for array in (tilemap.solid, *(layer.gids for layer in tilemap.layers), *tilemap.tile_shapes.values()):
        array.flags.writeable = False
    return tilemap


@pytest.fixture
def level_dir(tmp_path: Path) -> Path:
    """A temp folder holding a copy of the base tileset, ready for TMX files."""
    shutil.copy(BASE_TSX, tmp_path / "base.tsx")
    shutil.copy(BASE_TSX.with_suffix(".png"), tmp_path / "base.png")
    return tmp_path


@pytest.fixture
def write_level(level_dir: Path):
    def write(text: str, name: str = "level.tmx") -> Path:
        path = level_dir / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def display():
    """A 320x180 window on the dummy driver, for tests that draw, convert surfaces or build scenes.
    A module whose every test needs it says `pytestmark = pytest.mark.usefixtures("display")`."""
    import pygame

    pygame.display.init()
    pygame.display.set_mode((320, 180))
    yield
    pygame.display.quit()


@pytest.fixture(scope="session")
def seed0_chase():
    """The autopilot's drive of the bus chase, seed 0, normal (a CPU second), the first part of
    `python -m game autoplay levels/bus_chase.tmx`: driven once for the tests of several files that start
    from it (they share an xdist group, `SHARED_ACROSS_FILES`). Read only: copy its edges and masks before
    going on with them (game.modes.chase.autopilot.on_foot)."""
    from game.modes.chase.autopilot import drive_chase

    return drive_chase(level_map("bus_chase"), 0)


@pytest.fixture(scope="session")
def expert_run():
    """`run(level, difficulty, seed)`: one try of `levels/<level>.tmx` by the expert persona (each mode's
    autopilot, every attack a fresh press), played once per worker for the tests of several files that ask
    for the same one (test_levels' autopilot rows on hard are the personas' expert rows at seed 0)."""
    from game.devtools.personas import run_persona

    runs = {}

    def run(level: str, difficulty: str, seed: int):
        key = (level, difficulty, seed)
        if key not in runs:
            runs[key] = run_persona(level_map(level), "expert", difficulty, seed=seed)
        return runs[key]
    return run


@pytest.fixture(scope="session")
def _data_dirs(tmp_path_factory):
    """Where each test's data folder is made: one numbered folder a test, counted here (pytest's own
    numbered folders list their parent each time: 1-2 ms a test once a worker has made hundreds)."""
    return tmp_path_factory.mktemp("data"), itertools.count()


@pytest.fixture(autouse=True)
def _private_data_dir(_data_dirs, monkeypatch):
    """Settings, saves and screenshots go to a new, empty temp folder: tests never touch the real home
    folder, nor each other's files."""
    root, count = _data_dirs
    folder = root / str(next(count))
    folder.mkdir()
    monkeypatch.setenv("REDHEAT_DATA_DIR", str(folder))


# --- parallel runs: the slowest tests first ---------------------------------------------------------------
# `--dist loadgroup` (pyproject.toml) hands a worker its next test only when it is nearly idle, so the
# longest tests must start first: a long test picked up last is the whole tail of the run. Rough seconds
# each takes on the 2-core machine (measured 2026-11-30 12:05 UTC, `bench --suite` 105 s); a node id is
# matched by its longest prefix here, anything not named counts as quick and keeps its place. A stale
# figure only costs balance, never a result.
SLOW_TESTS = {
    "tests/test_wheel.py": 9.0,  # sdist -> wheel -> fresh venv -> plays, checks, autoplays a level
    "tests/test_bench.py": 8.5,  # its module fixture runs the whole bench, small (one worker runs the module)
    "tests/test_assets.py": 7.5,  # its module fixture generates every asset (one worker runs the module)
    "tests/test_playthrough.py::test_a_whole_new_game": 5.5,
    "tests/test_personas.py::test_expert_wins": 3.0,  # with test_levels' autopilot rows: the expert_run group, ~11 s
    "tests/test_web.py": 2.5,
    "tests/test_personas.py::test_novice_wins_within_its_tries[chase-hard-2]": 2.5,
    "tests/test_playthrough.py": 2.0,
    "tests/test_replay_fuzz.py": 2.0,
    "tests/world/test_fuzz_tmx.py": 2.0,
    "tests/test_datafiles_reliability.py::test_fuzzed": 2.0,
    "tests/modes/level/test_doors_view.py": 1.5,
    "tests/world/test_navigation.py::test_flow_field": 1.5,
    "tests/test_present.py::test_bench_present": 1.5,
    "tests/actors/test_chase_shortcuts.py::test_a_chase_that_shoves": 1.5,
    "tests/world/test_collision.py": 1.0,
    "tests/scenes/test_chase_scene.py::test_won_chase": 1.5,
    "tests/test_chase.py": 1.0,
    "tests/test_code_shape.py": 1.0,
    "tests/actors/test_enemies.py::test_knockback": 1.0,
    "tests/test_replays_chase.py": 1.0,
    "tests/test_personas.py": 0.5,
    "tests/world/test_tiled_agreement.py": 0.5,
    "tests/actors/test_levels.py": 0.5,
}


def _cost(nodeid: str) -> float:
    matches = [prefix for prefix in SLOW_TESTS if nodeid.startswith(prefix)]
    return SLOW_TESTS[max(matches, key=len)] if matches else 0.0


# Module fixtures worth computing once: their tests go to one worker (xdist_group, honoured by loadgroup).
SHARED_FIXTURES = ("generated", "small_run", "import_graph", "won_replay")  # test_assets, test_bench,
# test_code_shape, test_levels: one worker runs all the tests of a module fixture, which then runs once
SHARED_ACROSS_FILES = ("seed0_chase", "expert_run")  # a session fixture: one worker runs every test of every file using it
# Hypothesis builds its unicode tables and reads our modules' constants once per process, ~2.8 s of CPU when
# `.hypothesis/` is new (a fresh clone, as CI has): one worker runs every property test, so one pays it.
PROPERTY_TESTS = "hypothesis"


def pytest_sessionstart(session):
    """Each xdist worker assertion-rewrites its share of the test modules before collecting, so that in a
    fresh clone (CI) the two workers split that work (about 2 s of CPU each) instead of both doing all of
    it: a worker then finds the other's share in the `__pycache__` pytest reads."""
    worker, count = os.environ.get("PYTEST_XDIST_WORKER", ""), int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    if worker.startswith("gw") and count > 1:
        rewrite_ahead(session.config, sorted((ROOT / "tests").rglob("test_*.py"))[int(worker[2:])::count])


def rewrite_ahead(config, sources: list[Path]) -> int:
    """Write the assertion-rewritten bytecode pytest would write on importing each of `sources` that has
    none yet; how many it wrote. These are the private helpers pytest's import hook uses: without them (or
    with assertion rewriting off) nothing changes but the time."""
    try:
        from _pytest.assertion.rewrite import PYC_TAIL, _rewrite_test, _write_pyc, assertstate_key, get_cache_dir
    except ImportError:
        return 0
    if config.getoption("assertmode") != "rewrite":
        return 0
    written = 0
    for source in sources:
        pyc = get_cache_dir(source) / (source.name[:-3] + PYC_TAIL)
        if pyc.exists():  # (a stale one pytest itself rewrites on import)
            continue
        try:
            stat, code = _rewrite_test(source, config)
            pyc.parent.mkdir(exist_ok=True)
            written += _write_pyc(config.stash[assertstate_key], code, stat, pyc)
        except Exception:  # a module that does not compile, or another pytest: the import will say
            break
    return written


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    """What collection made (modules, test items, Hypothesis' tables) lives till the end of the run: frozen,
    the cyclic collector no longer walks it on every full collection (about 1 s of CPU a worker)."""
    gc.collect()
    gc.freeze()


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(config, items):
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.xdist_group(PROPERTY_TESTS))
        for name in SHARED_ACROSS_FILES:
            if name in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group(name))
        for name in SHARED_FIXTURES:
            if name in getattr(item, "fixturenames", ()):
                item.add_marker(pytest.mark.xdist_group(f"{item.path.stem}:{name}"))
    items.sort(key=lambda item: -_cost(item.nodeid))  # stable: equal costs keep the collection order


class ChunkWork:
    """Chunk work per step, counted where it happens (game.world.chunkbuild's calls), in cells drawn:
    the deterministic stand-in for the 2 ms a frame a hot reload may spend building."""

    def __init__(self, monkeypatch, tile=16):
        from game.world import chunkbuild

        self.now = 0.0
        self.allocated = 0

        def counted(name, cost):
            real = getattr(chunkbuild, name)

            def wrapper(*args, **kwargs):
                self.now += cost(*args)
                return real(*args, **kwargs)
            monkeypatch.setattr(chunkbuild, name, wrapper)

        def alloc(width, height, opaque):
            if width * height <= 1:  # `Spares` asking which format a new surface would have
                return 0.0
            self.allocated += 1
            return width * height / (tile * tile) / chunkbuild.ALLOC_SHARE

        counted("stack_raws", lambda layers, rows, cols: layers[0].gids[rows, cols].size / chunkbuild.LOOKUP_SHARE)
        counted("composite_stacks",
                lambda atlas, stacks, *rest: chunkbuild.COMPOSITE_CALL + len(stacks) * chunkbuild.STACK_COST)
        counted("pack_tiles", lambda surf, tiles, opaque: -(-len(tiles) // chunkbuild.PACK_SHARE))
        counted("gather_into", lambda surf, packed, index, *rest: index.size)
        counted("padded_surface", alloc)

    def take(self):
        spent, self.now = self.now, 0.0
        return spent
