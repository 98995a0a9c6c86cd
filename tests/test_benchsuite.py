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
