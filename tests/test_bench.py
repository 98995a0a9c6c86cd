"""The bench runs end to end and reports every figure issue 16 asks for (no timing asserts here)."""
import json

import pytest

from game.cli import main
from game.devtools.bench import BenchConfig, format_report, map_layers, targets
from game.devtools.benchrender import PATHS, RENDERERS, camera_path, stats


@pytest.fixture(scope="module")
def small_run():
    """One small run for every test below: a 40x40 synthetic map, every level, 8 frames a path."""
    import os

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    from game.devtools.bench import run_bench

    cfg = BenchConfig(map_size=40, frames=8, warmup=2, repeats=2, sim_steps=60, load_repeats=1, reload_repeats=1,
                      views=((320, 180), (640, 360)), scaling_sizes=(24,), scaling_views=((320, 180),),
                      memory_all=False)
    return run_bench(cfg)


def test_every_level_path_view_and_renderer_is_reported(small_run):
    from game.paths import level_files

    maps = small_run["maps"]
    assert set(maps) == {"synthetic 40x40"} | {p.stem for p in level_files()}
    for name, level in maps.items():
        assert set(level["paths"]) == set(PATHS)
        for kind, rows in level["paths"].items():
            assert list(rows) == ["320x180", "640x360"]
            for view, row in rows.items():
                for renderer in RENDERERS:
                    figures = row[renderer]
                    assert {"median_ms", "p99_ms", "max_ms", "cpu_median_ms", "max_all_ms"} <= set(figures)
                    assert 0 < figures["median_ms"] <= figures["p99_ms"] <= figures["max_ms"]
                for ref in ("pyscroll", "hot_floor", "cold_floor"):
                    assert row[f"ours/{ref}"] > 0 and f"ours/{ref} cpu" in row
                assert row["same_picture"] > 0.95, (name, kind, view)  # both drew the same map, same place
    assert maps["bus_chase"]["animated_cells"] > 100  # the real levels bring their animated tiles


def test_the_json_keeps_every_key_and_the_report_every_target(small_run, capsys):
    assert json.loads(json.dumps(small_run)).keys() == small_run.keys()
    for key in ("maps", "frame_ms", "sim", "load", "memory", "scaling", "targets", "machine"):
        assert key in small_run, key
    assert small_run["machine"]["cpus"] and small_run["machine"]["date"]
    assert small_run["memory"]["bus_chase"]["ours_peak_mb"] >= 0
    assert small_run["memory"]["synthetic 40x40"]["pyscroll_peak_mb"] >= 0
    names = [t["name"] for t in targets(small_run)]
    assert "bus_chase smooth 320x180 ours/hot floor" in names
    assert "bus_chase teleport 320x180 ours/cold floor" in names
    assert "chase sim with its autopilot, steps/CPU s" in names and small_run["sim"]["chase_steps_per_cpu_s"] > 0
    assert any(n.startswith("synthetic 40x40 ours/pyscroll") for n in names)
    assert "bus_chase hot reload, slowest build step (CPU ms)" in names and small_run["maps"]["bus_chase"]["reload"]["steps"] > 1
    report = format_report(small_run)
    assert "targets (ratios from this run)" in report and "bus_chase" in report
    assert "cold_floor" not in small_run["scaling"]["24x24"]["render"]["paths"]["smooth"]["320x180"]


def test_the_real_frame_of_every_level_is_split_into_sim_draw_present(small_run):
    from game.modes.registry import kinds
    from game.paths import level_files

    real = small_run["frame"]["levels"]
    assert set(real["levels"]) == {p.stem for p in level_files()}
    assert real["presenter"] and real["renderer"] and real["driver"] and real["cpu_present_ms"] > 0
    assert real["limit_ms"] == 0.5
    names = {t["name"] for t in targets(small_run)}
    for name, level in real["levels"].items():
        assert level["mode"] in kinds()
        assert {"frames_timed", "sim_ms", "draw_ms", "present_ms", "frame_ms", "frame_p99_ms"} <= set(level)
        assert f"{name} frame sim+draw+present ({level['mode']}, CPU ms)" in names
        if level["frames_timed"]:
            assert level["draw_ms"] > 0 and 0 < level["frame_ms"] <= level["frame_p99_ms"], name
    assert {level["mode"] for level in real["levels"].values()} == set(kinds())  # every mode's own scene
    assert sum(level["frames_timed"] for level in real["levels"].values()) > len(real["levels"])
    report = format_report(small_run)
    assert "real frame of every level" in report and "present: " + real["presenter"] in report


def test_real_levels_build_no_chunk_in_play(small_run):
    for name, level in small_run["maps"].items():
        if level["real"]:
            assert level["play_builds"] == 0, name
            assert level["chunks"]["chunks"] >= 1


def test_cli_bench_json_runs(capsys, monkeypatch):
    import game.devtools.bench as bench
    import game.paths

    monkeypatch.setattr(game.paths, "level_files", lambda: game.paths.LEVELS.glob("locksmith.tmx"))
    monkeypatch.setattr(bench, "bench_memory", lambda tmx, frames: {"ours_peak_mb": 0, "pyscroll_peak_mb": 0})
    code = main(["bench", "--json", "--quick", "--frames", "4", "--map-size", "24",
                 "--sim-steps", "30"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    assert result["maps"]["synthetic 24x24"]["paths"]["teleport"]["1280x720"]["ours"]["median_ms"] > 0
    assert set(result["maps"]) == {"synthetic 24x24", "locksmith"}


def test_bench_map_layers_have_the_asked_fill():
    ground, props, steam = map_layers(128)
    assert (ground > 0).all()
    assert 0.27 < (props > 0).mean() < 0.33 and 0.08 < (steam > 0).mean() < 0.12


@pytest.mark.parametrize("kind,step", [("smooth", 1.5), ("chase", 4.0)])
def test_scrolling_paths_move_at_their_speed_and_stay_on_the_map(kind, step):
    path = camera_path(kind, (2000, 1000), (320, 180), 400)
    moves = [((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 for (x0, y0), (x1, y1) in zip(path, path[1:])]
    assert abs(sum(moves) / len(moves) - step) < 0.5
    assert all(0 <= x <= 1680 and 0 <= y <= 820 for x, y in path)
    assert len(set(path)) > 100


def test_teleport_path_is_seeded_and_covers_the_map():
    a = camera_path("teleport", (2000, 1000), (320, 180), 300, seed=4)
    assert a == camera_path("teleport", (2000, 1000), (320, 180), 300, seed=4)
    assert a != camera_path("teleport", (2000, 1000), (320, 180), 300, seed=5)
    xs, ys = zip(*a)
    assert min(xs) < 200 and max(xs) > 1400 and min(ys) < 100 and max(ys) > 700


def test_a_map_smaller_than_the_view_stays_centred_like_the_game_camera():
    for kind in PATHS:
        assert set(camera_path(kind, (160, 100), (320, 180), 20)) == {(-80, -40)}


def test_stats_are_ms_and_ordered():
    s = stats([0.001, 0.002, 0.003, 0.010], [0.001] * 4)
    assert s["median_ms"] == 2.5 and s["max_ms"] == 10.0 and s["p99_ms"] <= 10.0
    assert s["cpu_median_ms"] == 1.0


def test_bad_bench_numbers_are_one_line_exit_2(capsys):
    assert main(["bench", "--scaling-sizes", "big"]) == 2
    assert "--scaling-sizes" in capsys.readouterr().err
    assert main(["bench", "--scaling-sizes", "512,-1"]) == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["bench", "--map-size", "0"])
    assert exit_info.value.code == 2 and "must be at least 1" in capsys.readouterr().err


def test_quick_config_is_smaller():
    quick, full = BenchConfig.quick(), BenchConfig()
    assert quick.frames < full.frames and quick.sim_steps < full.sim_steps
    assert quick.repeats <= full.repeats and not quick.scaling_sizes


@pytest.fixture(autouse=True)
def _no_leftover_display():
    yield
    import pygame

    pygame.display.quit()


def test_the_real_frame_falls_back_to_the_cpu_scale_without_a_renderer(monkeypatch):
    # no SDL renderer at all: the level is presented as the game then presents it, by the CPU scale
    import pygame

    import game.desktop.present as present
    from game.devtools.benchframe import BenchConfig, bench_levels_frame
    from game.paths import LEVELS

    def no_renderer(*args, **kwargs):
        raise pygame.error("no renderer here")

    monkeypatch.setattr(present, "GpuPresenter", no_renderer)
    result = bench_levels_frame(BenchConfig(frames=30, warmup=1), [LEVELS / "hotel.tmx"])
    assert result["renderer"] == "none" and "CPU x4 scale" in result["presenter"]
    assert result["levels"]["hotel"]["frames_timed"] > 0 and result["levels"]["hotel"]["present_ms"] > 0
