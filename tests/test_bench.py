"""The bench runs end to end and reports every figure issue 9 asks for (no timing asserts here)."""
import json

import pytest

from game.cli import main
from game.devtools.bench import (
    BenchConfig,
    camera_path,
    format_report,
    map_layers,
    targets,
)


def test_bench_json_reports_every_figure(capsys):
    code = main(["bench", "--json", "--frames", "12", "--map-size", "96", "--scaling-sizes", "100",
                 "--sim-steps", "120"])
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    for key in ("render", "frame_ms", "sim_steps_per_s", "load", "scaling", "memory", "targets"):
        assert key in result, key
    assert [row["view"] for row in result["render"]] == ["320x180", "640x360", "1280x720"]
    for row in result["render"] + result["scaling"]["100x100"]["render"]:
        assert {"view", "ours_ms", "pyscroll_ms", "floor_ms"} <= set(row)
        assert row["ours_ms"] > 0 and row["pyscroll_ms"] > 0 and row["floor_ms"] > 0
        assert row["same_picture"] > 0.95  # both renderers drew the same map at the same place
    assert result["frame_ms"] > 0 and result["sim_steps_per_s"] > 0
    assert result["load"]["ours_s"] > 0 and result["load"]["pytmx_s"] > 0
    assert result["memory"]["ours_peak_mb"] >= 0 and result["memory"]["pyscroll_peak_mb"] >= 0
    assert "targets (ratios from this run)" in format_report(result)
    assert len(targets(result)) == 2 * 3 + 3


def test_bench_map_layers_have_the_asked_fill():
    ground, props, steam = map_layers(128)
    assert (ground > 0).all()
    assert 0.27 < (props > 0).mean() < 0.33 and 0.08 < (steam > 0).mean() < 0.12


def test_camera_path_scrolls_a_few_pixels_and_stays_on_the_map():
    path = list(camera_path((400, 300), (320, 180), 200))
    assert path[1][0] - path[0][0] == 3 and path[1][1] - path[0][1] == 2
    assert all(0 <= x <= 80 and 0 <= y <= 120 for x, y in path)
    assert len(set(path)) > 50


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


@pytest.fixture(autouse=True)
def _no_leftover_display():
    yield
    import pygame

    pygame.display.quit()
