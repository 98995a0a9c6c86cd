"""Where the game's data lives: the repository folders beside the package (editable install)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ROOT / "levels"
ASSETS = ROOT / "assets"
SEEDS = ROOT / "seeds"


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
