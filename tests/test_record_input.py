"""`play --level LEVEL --record-input FILE`: a session's input saved as a replay that plays the same run."""
from conftest import level_map

from game.cli import main
from game.devtools.recordinput import InputRecorder, recording, replay_notes
from game.input.actions import Action, EdgeTracker
from game.input.replay import load_replay
from game.modes.level.entry import replay
from game.modes.level.sim import LevelSim
from game.paths import LEVELS


def test_recorded_steps_replay_to_the_same_state(tmp_path):
    tm = level_map("bathhouse")
    path = tmp_path / "run.rep"
    recorder = InputRecorder(path, "normal")
    sim, edges = LevelSim(tm, seed=4), EdgeTracker()
    pattern = [int(Action.RIGHT)] * 40 + [int(Action.RIGHT | Action.PUNCH), int(Action.DOWN)] * 30
    with recording(recorder):
        for mask in pattern * 3:
            sim.step(edges.frame(mask))
    sim.step(edges.frame(0))  # after recording: not recorded
    line = recorder.save("lost")
    assert line and "seed 4" in line and str(path) in line
    masks = load_replay(path)
    assert masks == pattern * 3
    assert replay_notes(path) == {"seed": "4", "difficulty": "normal", "recorded": "from a real window: lost"}
    again = LevelSim(tm, seed=4)
    edges = EdgeTracker()
    for mask in masks:
        again.step(edges.frame(mask))
    assert again.state_hash() == replay(tm, masks, 4, "normal", len(masks)).state_hash
    assert recorder.save("won") is None  # written once


def test_a_new_chase_try_starts_the_recording_again(tmp_path):
    from game.modes.chase.sim import ChaseSim

    tm = level_map("bus_chase")
    recorder = InputRecorder(tmp_path / "c.rep", "normal")
    first, second = ChaseSim(tm, seed=0), ChaseSim(tm, seed=1)
    with recording(recorder):
        for sim, n in ((first, 5), (second, 3)):
            edges = EdgeTracker()
            for _ in range(n):
                sim.step(edges.frame(int(Action.UP)))
    assert recorder.masks == [int(Action.UP)] * 3 and recorder.seed == 1


def test_cli_records_a_session_when_the_window_closes(tmp_path, capsys):
    out = tmp_path / "s.rep"
    code = main(["play", "--headless", "--frames", "90", "--level", str(LEVELS / "locksmith.tmx"),
                 "--record-input", str(out)])
    assert code == 0 and out.is_file()
    assert "recorded 90 steps" in capsys.readouterr().err
    assert replay_notes(out)["seed"] == "0"


def test_cli_record_input_needs_a_level(tmp_path, capsys):
    assert main(["play", "--headless", "--frames", "1", "--record-input", str(tmp_path / "x.rep")]) == 2
    assert "needs --level" in capsys.readouterr().err
