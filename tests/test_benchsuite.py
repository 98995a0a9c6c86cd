"""`bench --suite`: pytest's durations and summary parsed, the report's target line, and a clear error
where there is no suite (an installed copy)."""
from __future__ import annotations

from game.devtools.benchsuite import format_suite, parse_counts, parse_durations

PYTEST_TAIL = """\
........                                                                 [100%]
============================= slowest 15 durations =============================
27.38s call     tests/test_wheel.py::test_wheel_from_sdist_installs_into_a_fresh_venv_and_plays
22.13s setup    tests/test_bench.py::test_every_level_path_view_and_renderer_is_reported@test_bench:small_run
0.50s teardown tests/test_x.py::test_y[a b]
1067 passed, 2 skipped in 151.20s (0:02:31)
"""


def test_durations_are_parsed_slowest_first_with_their_phase():
    rows = parse_durations(PYTEST_TAIL)
    assert [r["seconds"] for r in rows] == [27.38, 22.13, 0.5]
    assert rows[1]["phase"] == "setup" and rows[1]["test"].startswith("tests/test_bench.py::")
    assert rows[2]["test"] == "tests/test_x.py::test_y[a b]"
    assert len(parse_durations(PYTEST_TAIL, limit=1)) == 1


def test_the_summary_line_gives_the_counts():
    assert parse_counts(PYTEST_TAIL) == {"passed": 1067, "skipped": 2}
    assert parse_counts("3 failed, 10 passed, 1 error in 9.00s") == {"failed": 3, "passed": 10, "error": 1}
    assert parse_counts("no tests ran") == {}


def test_the_report_says_miss_over_the_limit_or_on_a_failed_run():
    base = {"suite_wall_s": 80.0, "suite_cpu_s": 150.0, "suite_exit": 0, "suite_counts": {"passed": 5},
            "slowest": parse_durations(PYTEST_TAIL), "cpus": 2, "loadavg_before": [0.5], "loadavg_after": [1.9]}
    assert "met   suite wall time (s) 80.0 <= 90" in format_suite(base)
    assert "MISS" in format_suite({**base, "suite_wall_s": 95.0})
    assert "MISS" in format_suite({**base, "suite_exit": 1})
    assert "27.38 s  call" in format_suite(base)


def test_no_suite_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    from game import cli, paths

    monkeypatch.setattr(paths, "CODE_ROOT", tmp_path)
    assert cli.main(["bench", "--suite"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no test suite here" in err[0] and str(tmp_path) in err[0]


def _repo_with_a_suite(folder):
    """A git checkout whose suite is one passing test, with an uncommitted file beside it."""
    import subprocess

    (folder / "tests").mkdir(parents=True)
    (folder / "tests" / "test_one.py").write_text("def test_one():\n    assert 1 + 1 == 2\n")
    for args in (["init", "-q"], ["add", "tests"],
                 ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "one test"]):
        subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)
    (folder / "tests" / "test_uncommitted.py").write_text("def test_two():\n    assert False\n")
    (folder / "tests" / "__pycache__").mkdir()
    return folder


def test_fresh_runs_the_suite_of_the_last_commit_in_a_new_clone(tmp_path):
    from game.devtools.benchsuite import bench_suite

    root = _repo_with_a_suite(tmp_path / "checkout")
    result = bench_suite(root, fresh=True)
    assert result["suite_exit"] == 0 and result["suite_counts"] == {"passed": 1}  # the uncommitted test is not there
    assert len(result["suite_fresh_clone_of"]) == 40
    assert "a fresh clone of " + result["suite_fresh_clone_of"][:10] in format_suite(result)


def test_fresh_outside_a_git_checkout_or_without_suite_is_one_line(tmp_path, monkeypatch, capsys):
    from game import cli, paths

    (tmp_path / "tests").mkdir()
    monkeypatch.setattr(paths, "CODE_ROOT", tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))  # no checkout above it either
    assert cli.main(["bench", "--suite", "--fresh"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "git rev-parse" in err[0] and str(tmp_path) in err[0]
    assert cli.main(["bench", "--fresh"]) == 2
    assert "--fresh goes with --suite" in capsys.readouterr().err
