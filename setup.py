"""Build hook: the wheel carries the repository's top-level assets/, levels/ and seeds/ as game/_data/.

The folders stay at the top of the repository (the design fixes that layout); `game.paths` finds them
there in a checkout or an editable install, and under `game/_data/` in a wheel, an sdist install or a
PyInstaller bundle. Everything else about the project is declared in pyproject.toml.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA_DIRS = ("assets", "levels", "seeds")
# Sources for `python -m game assets` and review images: the repository's, not the player's.
LEFT_OUT = ("src", "preview.png", "__pycache__")


def data_files() -> list[tuple[Path, Path]]:
    """(source file, path under game/_data/) for every data file the game reads at run time."""
    out = []
    for name in DATA_DIRS:
        for path in sorted((HERE / name).rglob("*")):
            rel = path.relative_to(HERE)
            if path.is_file() and not any(part in LEFT_OUT for part in rel.parts[1:]):
                out.append((path, rel))
    return out


class BuildWithData(build_py):
    """build_py plus a copy of the data folders into the built `game` package (not for editable installs)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the checkout's folders in place
        for source, rel in data_files():
            target = Path(self.build_lib) / "game" / "_data" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if getattr(self, "editable_mode", False):
            return outputs
        return outputs + [str(Path(self.build_lib) / "game" / "_data" / rel) for _, rel in data_files()]


setup(cmdclass={"build_py": BuildWithData})
