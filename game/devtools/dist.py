"""`dist`: a one-folder PyInstaller build of the game for this OS, zipped with the README and LICENSE.

Steps: stage the data folders as `game/_data` (where game.paths looks inside a bundle), run PyInstaller
on a three-line entry script with every `game` module collected (scene kinds are imported by name),
then zip the folder with README.md and LICENSE. Symlinks PyInstaller makes on Linux are stored as
symlinks (`unzip` restores them), file modes are kept so the program stays executable.
"""
from __future__ import annotations

import argparse
import logging
import os
import platform
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from game.devtools.errors import ToolError

log = logging.getLogger(__name__)

NAME = "redheat"
LEFT_OUT = ("src", "preview.png", "__pycache__")  # the generator's sources and review sheet (as setup.py)
EXCLUDE = ("tkinter", "pytest", "_pytest", "hypothesis", "pyscroll", "yaml", "charset_normalizer", "setuptools",
           "pip", "pygbag", "PyInstaller")
ENTRY = "import sys\n\nfrom game.cli import main\n\nsys.exit(main())\n"


class DistError(ToolError):
    """A missing tool or file, or a failed build: one line."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("dist", help="build the standalone game for this OS (PyInstaller, one folder, zipped)")
    parser.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: out/)")
    parser.set_defaults(run=main)


def main(args: argparse.Namespace) -> list[str]:
    """Build; the lines to show (DistError for one line and exit 1)."""
    started = time.perf_counter()
    archive, folder = build(args.out)
    return [f"{folder}: {tree_size(folder) / 1e6:.1f} MB",
            f"{archive}: {archive.stat().st_size / 1e6:.1f} MB ({time.perf_counter() - started:.0f} s)"]


def platform_tag() -> str:
    return f"{sys.platform.replace('win32', 'windows')}-{platform.machine().lower() or 'unknown'}"


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("red-heat")
    except PackageNotFoundError:
        return "0"


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def stage_data(data_root: Path, dest: Path) -> int:
    """Copy assets/, levels/ and seeds/ from `data_root` into `dest` (less LEFT_OUT); returns the file count."""
    from game.paths import DATA_DIRS

    count = 0
    for name in DATA_DIRS:
        for path in sorted((data_root / name).rglob("*")):
            rel = path.relative_to(data_root)
            if path.is_file() and not any(part in LEFT_OUT for part in rel.parts[1:]):
                (dest / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, dest / rel)
                count += 1
    return count


def pyinstaller_command(entry: Path, data: Path, work: Path, dist: Path) -> list[str]:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--onedir", "--name", NAME, "--log-level", "WARN",
           "--collect-submodules", "game", "--add-data", f"{data}{os.pathsep}game/_data",
           "--distpath", str(dist), "--workpath", str(work / "build"), "--specpath", str(work)]
    for module in EXCLUDE:
        cmd += ["--exclude-module", module]
    return cmd + [str(entry)]


def build(out: Path) -> tuple[Path, Path]:
    """Stage, bundle and zip; returns (zip, bundle folder)."""
    from game.paths import CODE_ROOT, require_data

    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise DistError("dist needs PyInstaller: pip install -e '.[dist]'") from None
    docs = [CODE_ROOT / "README.md", CODE_ROOT / "LICENSE"]
    missing = [str(p) for p in docs if not p.is_file()]
    if missing:
        raise DistError(f"dist runs from a source checkout: {', '.join(missing)} not found")
    out = out.resolve()
    work = out / "pyinstaller"
    if work.exists():
        shutil.rmtree(work)
    data = work / "stage" / "_data"
    stage_data(require_data(), data)
    entry = work / "stage" / f"{NAME}.py"
    entry.write_text(ENTRY, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(CODE_ROOT), os.environ.get("PYTHONPATH")])))
    log.info("running PyInstaller")
    proc = subprocess.run(pyinstaller_command(entry, data, work, out / "standalone"), env=env, cwd=work,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise DistError(f"PyInstaller failed (exit {proc.returncode}): {last}")
    folder = out / "standalone" / NAME
    archive = out / f"{NAME}-{version()}-{platform_tag()}.zip"
    write_zip(archive, folder, docs)
    return archive, folder


def write_zip(archive: Path, folder: Path, extra: list[Path]) -> None:
    """Zip `folder` (as its own name) and `extra` files beside it; symlinks stay links, modes are kept."""
    archive.unlink(missing_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(folder.rglob("*")):
            name = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            if path.is_symlink():
                info = zipfile.ZipInfo(name)
                info.create_system = 3  # unix: external_attr carries the mode
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(info, os.readlink(path))
            elif path.is_file():
                zf.write(path, name)
        for path in extra:
            zf.write(path, f"{folder.name}/{path.name}")


def extract(archive: Path, dest: Path) -> None:
    """Unzip as `unzip` would: symlinks restored, executable bits kept."""
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            target = dest / info.filename
            mode = info.external_attr >> 16
            target.parent.mkdir(parents=True, exist_ok=True)
            if stat.S_ISLNK(mode):
                os.symlink(zf.read(info).decode(), target)
            else:
                target.write_bytes(zf.read(info))
                if mode:
                    target.chmod(stat.S_IMODE(mode))
