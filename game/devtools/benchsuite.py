"""The bench's test-suite figure: the README's test command run once, its wall and CPU time, and its
slowest tests (`python -m game bench --suite`; a separate run, since the suite itself runs the bench).
`--fresh` runs it in a fresh clone of the last commit, as CI does: no bytecode, no Hypothesis caches."""
from __future__ import annotations

import json
import logging
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from game.devtools.errors import ToolError

log = logging.getLogger(__name__)

SUITE_LIMIT_S = 90.0  # the target on a 2-core machine
SLOWEST = 15
# pytest's --durations lines: "12.34s call     tests/x.py::test_y[a]"
DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)s\s+(setup|call|teardown)\s+(\S.*?)\s*$")
SUMMARY = re.compile(r"(\d+) (passed|failed|errors?|skipped|xfailed|xpassed)")


def parse_durations(text: str, limit: int = SLOWEST) -> list[dict[str, Any]]:
    """The slowest phases pytest printed, slowest first."""
    rows = [{"seconds": float(m[1]), "phase": m[2], "test": m[3]}
            for m in (DURATION.match(line) for line in text.splitlines()) if m]
    return sorted(rows, key=lambda row: -row["seconds"])[:limit]


def parse_counts(text: str) -> dict[str, int]:
    """pytest's last summary line as counts, e.g. {"passed": 1067}."""
    lines = [line for line in text.splitlines() if " in " in line and SUMMARY.search(line)]
    if not lines:
        return {}
    return {kind.rstrip("s") if kind.startswith("error") else kind: int(n)
            for n, kind in SUMMARY.findall(lines[-1])}


def bench_suite(root: Path, fresh: bool = False) -> dict[str, Any]:
    """Run `python -m pytest` (the README's test command) in `root`, or with `fresh` in a new clone of its
    last commit (`_clone`); wall time, the CPU of the run and its workers, the counts and the slowest tests."""
    if not (root / "tests").is_dir():
        raise ToolError(f"bench --suite: {root / 'tests'}: no test suite here (an installed copy has none); "
                        "run it in a checkout")
    if fresh:
        with tempfile.TemporaryDirectory(prefix="redheat-suite-") as folder:
            clone, commit = _clone(root, Path(folder) / "clone")
            return {**bench_suite(clone), "suite_fresh_clone_of": commit}
    # PYTHONPATH: the tests' own `python -m game` processes run this copy, wherever they start
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONPATH": str(root)}
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "pytest", f"--durations={SLOWEST}", "-p", "no:cacheprovider"],
                          cwd=root, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return {"suite_wall_s": round(wall, 1), "suite_cpu_s": round(cpu, 1), "suite_exit": proc.returncode,
            "suite_counts": parse_counts(proc.stdout), "slowest": parse_durations(proc.stdout),
            "cpus": os.cpu_count(), "loadavg_before": [round(v, 2) for v in load_before],
            "loadavg_after": [round(v, 2) for v in os.getloadavg()]}


def _clone(root: Path, into: Path) -> tuple[Path, str]:
    """`git clone` of `root` into `into` (its last commit: what CI tests) and that commit's id."""
    def git(*args: str) -> str:
        try:
            proc = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
        except OSError as exc:
            raise ToolError(f"bench --suite --fresh: git: {exc.strerror or exc}") from None
        if proc.returncode:
            why = (proc.stderr.strip().splitlines() or ["failed"])[-1]
            raise ToolError(f"bench --suite --fresh: {root}: git {args[0]}: {why}")
        return proc.stdout.strip()

    commit = git("rev-parse", "HEAD")
    git("clone", "--quiet", str(root), str(into))
    return into, commit


def format_suite(r: dict[str, Any]) -> str:
    counts = ", ".join(f"{n} {kind}" for kind, n in r["suite_counts"].items()) or "no summary line"
    verdict = "met " if r["suite_wall_s"] <= SUITE_LIMIT_S and r["suite_exit"] == 0 else "MISS"
    where = f"a fresh clone of {r['suite_fresh_clone_of'][:10]}, " if "suite_fresh_clone_of" in r else ""
    lines = [f"test suite (python -m pytest in {where}{r['cpus']} cpus, load average {r['loadavg_before']} before, "
             f"{r['loadavg_after']} after): {r['suite_wall_s']:.1f} s wall, {r['suite_cpu_s']:.1f} s CPU, "
             f"exit {r['suite_exit']}; {counts}",
             f"  {verdict}  suite wall time (s) {r['suite_wall_s']:.1f} <= {SUITE_LIMIT_S:g}",
             f"  slowest {len(r['slowest'])}:"]
    lines += [f"  {row['seconds']:>7.2f} s  {row['phase']:<8} {row['test']}" for row in r["slowest"]]
    return "\n".join(lines)


def cmd_suite(as_json: bool, fresh: bool = False) -> int:
    """`python -m game bench --suite [--fresh]`: the figure alone; exit 1 when the suite failed."""
    from game.paths import CODE_ROOT

    result = bench_suite(CODE_ROOT, fresh)
    print(json.dumps(result) if as_json else format_suite(result))
    return 0 if result["suite_exit"] == 0 else 1
