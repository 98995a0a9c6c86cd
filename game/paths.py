"""Where the game's data (assets/, levels/, seeds/) lives: inside the package when installed, beside it in a checkout.

A wheel, an sdist install or a PyInstaller bundle carries the data as `game/_data/{assets,levels,seeds}`
(the build hook in setup.py copies the repository's top-level folders there); a checkout or an editable
install reads the top-level folders themselves. Every module asks this one for its paths. When neither
layout is complete, `require_data()` raises DataNotFound naming every place it looked, and the command
line exits 1 with that line.
"""
from __future__ import annotations

import importlib.resources
import logging
from pathlib import Path

log = logging.getLogger(__name__)

DATA_DIRS = ("assets", "levels", "seeds")
# Files whose absence means the layout is not the game's, not merely a broken level.
MARKERS = ("levels/story.toml", "seeds/red_heat.txt", "assets/font.png", "assets/tiles")
PACKAGED = "_data"  # game/_data in a wheel or a bundle

CODE_ROOT = Path(__file__).resolve().parent.parent  # the folder holding the `game` package


class DataNotFound(Exception):
    """The game's data folders are not where a checkout, a wheel or a bundle puts them."""


def _package_dir() -> Path:
    """The `game` package folder, through importlib.resources (a Path for every unzipped install)."""
    try:
        files = importlib.resources.files("game")
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - `game` is importing this module
        return Path(__file__).resolve().parent
    return files if isinstance(files, Path) else Path(__file__).resolve().parent


def candidates() -> list[Path]:
    """Where the data may live, in the order looked at: packaged first, then the checkout."""
    package = _package_dir()
    return [package / PACKAGED, package.parent]


def missing(root: Path) -> list[str]:
    """The marker files or folders `root` lacks (empty: it is a complete data root)."""
    return [m for m in MARKERS if not (root / m).exists()]


def find_data_root() -> tuple[Path, str | None]:
    """(data root, None), or (the checkout guess, a one-line problem) when no layout is complete."""
    places = candidates()
    for root in places:
        if not missing(root):
            return root, None
    looked = "; ".join(f"{root}: missing {', '.join(missing(root))}" for root in places)
    return places[-1], f"game data not found (looked for {', '.join(MARKERS)}) in: {looked}"


ROOT, PROBLEM = find_data_root()
LEVELS = ROOT / "levels"
ASSETS = ROOT / "assets"
SEEDS = ROOT / "seeds"


def require_data() -> Path:
    """The data root, or DataNotFound naming what was looked for and where."""
    if PROBLEM is not None:
        raise DataNotFound(PROBLEM)
    return ROOT


def level_files() -> list[Path]:
    return sorted(LEVELS.glob("*.tmx"))


def first_level() -> Path:
    """The opening level: the bathhouse when present, else the first TMX by name."""
    preferred = LEVELS / "bathhouse.tmx"
    if preferred.is_file():
        return preferred
    files = level_files()
    if not files:
        raise FileNotFoundError(f"{LEVELS}: no .tmx levels found")
    return files[0]
