"""`python -m game screenshots`: the README's pictures, saved from a deterministic autopilot run."""
import numpy as np
import pygame

from game.cli import main
from game.devtools.screenshots import SCALE, take


def test_a_shot_is_a_scaled_frame_of_the_beat(tmp_path):
    assert take(tmp_path, (("fight.png", "bathhouse", 1.0),)) == ["fight.png"]
    image = pygame.image.load(str(tmp_path / "fight.png"))
    assert image.get_size() == (320 * SCALE, 180 * SCALE)
    colours = np.unique(pygame.surfarray.array3d(image).reshape(-1, 3), axis=0)
    assert len(colours) > 20  # the level drawn, not a blank or a single card colour


def test_a_missing_folder_is_one_line(tmp_path, capsys):
    assert main(["screenshots", "--out", str(tmp_path / "nope")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nope" in err[0] and "does not exist" in err[0]
