"""The input layers: a simulation reaches only the pure actions module of game.input, never the devices
(keyboard, gamepads) or the replay files, not even through what it imports."""
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIMS = sorted((ROOT / "game" / "modes").glob("*/sim.py"))


def test_there_are_simulations_to_check():
    assert {p.parent.name for p in SIMS} >= {"level", "chase", "puzzle"}


def test_simulation_modules_name_only_game_input_actions():
    for path in SIMS:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:  # from game.input import devices: game.input.devices
                names = [f"{node.module}.{a.name}" for a in node.names] if node.module == "game.input" else [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                if name == "game.input" or name.startswith("game.input."):
                    assert name.startswith("game.input.actions"), f"{path.relative_to(ROOT)} imports {name}"


def test_importing_every_simulation_loads_no_device_or_replay_code():
    modules = [f"game.modes.{p.parent.name}.sim" for p in SIMS]
    code = ("import sys, importlib\n"
            f"for m in {modules!r}: importlib.import_module(m)\n"
            "print(sorted(m for m in sys.modules if m.startswith('game.input')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env={"PYTHONPATH": str(ROOT), "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                              "PYGAME_HIDE_SUPPORT_PROMPT": "1", "PATH": ""})
    assert out.stdout.strip() == "['game.input', 'game.input.actions']"
