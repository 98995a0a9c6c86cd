from game.input.actions import Action
from game.modes.level.sim import LevelSim, run_headless
from game.paths import first_level
from game.world.tilemap import load_tilemap


def scripted_masks():
    """A wandering walk with direction changes: enough to exercise movement and walls."""
    pattern = [Action.RIGHT, Action.RIGHT | Action.DOWN, Action.UP, Action.LEFT | Action.UP, 0]
    return [int(pattern[(i // 37) % len(pattern)]) for i in range(900)]


def run(seed, masks):
    sim = LevelSim(load_tilemap(first_level()), seed=seed)
    outcome = run_headless(sim, masks, max_steps=1000)
    return outcome, sim.state_hash()


def test_same_seed_and_input_give_the_same_hash():
    assert run(7, scripted_masks()) == run(7, scripted_masks())


def test_different_input_gives_a_different_hash():
    masks = scripted_masks()
    assert run(7, masks)[1] != run(7, masks[:-300])[1]


def test_player_actually_moved():
    sim = LevelSim(load_tilemap(first_level()), seed=1)
    start = sim.player.body.feet
    run_headless(sim, [int(Action.RIGHT)] * 60, max_steps=60)
    assert sim.player.body.feet[0] > start[0] + 50
