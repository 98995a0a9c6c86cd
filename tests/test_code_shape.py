"""The shape of the code base (issue 12): small modules, and no import cycle anywhere.

Every import counts, the ones under `TYPE_CHECKING` and the ones inside functions too: a cycle hidden in
a function is still a cycle a reader has to untangle.
"""
import ast
from pathlib import Path

import pytest

import game

GAME = Path(game.__file__).parent
MAX_LINES = 500


def _modules() -> dict[str, Path]:
    out = {}
    for path in GAME.rglob("*.py"):
        parts = path.relative_to(GAME.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """The game modules `path` imports; `from pkg import sub` names the submodule, not the package."""
    deps: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            deps.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module in modules and node.level == 0:
            subs = {f"{node.module}.{a.name}" for a in node.names} & modules.keys()
            plain = [a for a in node.names if f"{node.module}.{a.name}" not in modules]
            deps.update(subs)
            if plain:
                deps.add(node.module)
    return deps


@pytest.fixture(scope="module")
def import_graph() -> dict[str, set[str]]:
    """Every game module and the game modules it imports, parsed once for the module's tests."""
    modules = _modules()
    return {name: _imports(path, modules) for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (or a module importing itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in graph[v]:
                found.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_module_is_over_five_hundred_lines():
    long = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}


def test_no_import_cycle_not_even_under_type_checking_or_inside_functions(import_graph):
    graph = {name: deps - {name} for name, deps in import_graph.items()}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


# The README's "Code map": what each package may import (`game` itself, the constants in
# game/__init__.py, is open to all). Keep the two in step: a new arrow is a design decision.
ANYTHING = None
OPEN_TO_ALL = {"game", "paths", "limits"}
MAY_IMPORT = {
    "cli": ANYTHING,
    "__main__": {"cli", "interrupts"},
    "desktop": {"scenes", "modes.registry", "ui", "input", "paths", "story", "world", "limits", "cli"},
    "scenes": {"modes.context", "modes.registry", "story", "ui", "input", "paths", "sprites", "world",
               "desktop"},
    "modes.context": {"world", "scenes", "paths"},
    "modes.registry": {"modes.context", "world"},
    "modes.events": set(),
    "modes.personas": {"input"},
    "content": {"paths", "world"},
    "actors": {"world", "input", "content"},
    "world": {"paths", "limits"},
    "story": {"modes.registry", "paths", "limits"},
    "ui": {"paths", "input"},
    "input": {"limits", "desktop"},
    "assetgen": {"paths"},
    "devtools": ANYTHING,
    "sprites": {"paths"},
    "paths": set(),
    "limits": set(),
    "interrupts": set(),
    "assetrefs": {"actors", "desktop", "modes.level", "paths", "sprites", "story", "world"},
}
MODES = ("level", "chase", "puzzle")
for _mode in MODES:
    MAY_IMPORT[f"modes.{_mode}"] = {"actors", "world", "input", "ui", "sprites", "content", "story", "scenes",
                                   "modes.context", "modes.events", "modes.personas",
                                   *(f"modes.{m}" for m in MODES)}


def _package(module: str) -> str:
    parts = module.split(".")[1:] or ["game"]
    return ".".join(parts[:2]) if parts[0] == "modes" and len(parts) > 1 else parts[0]


def test_packages_import_only_what_the_code_map_allows(import_graph):
    unexpected = set()
    for name, deps in import_graph.items():
        allowed = MAY_IMPORT.get(_package(name), set())
        for dep in deps:
            if allowed is not ANYTHING and _package(dep) not in allowed | OPEN_TO_ALL | {_package(name)}:
                unexpected.add(f"{name} -> {dep}")
    assert sorted(unexpected) == []


def test_nothing_imports_the_desktop_app_and_no_simulation_imports_a_scene(import_graph):
    importers = {name for name, deps in import_graph.items() if "game.desktop.app" in deps}
    assert importers <= {"game.cli", "game.desktop.browser"}
    sims = [n for n in import_graph if n.endswith(".sim") or n.startswith("game.modes.level.") and
            n.split(".")[-1] in ("state", "flows", "crowd", "strikes", "projectiles", "hazards", "props",
                                 "script", "outcome")]
    assert sims
    for name in sims:
        assert not {d for d in import_graph[name] if d.startswith("game.scenes")}, name
