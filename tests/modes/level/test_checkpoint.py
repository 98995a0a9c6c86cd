"""Checkpoints: a trigger with `checkpoint` saves the level where it fires; Continue after a game over
resumes there with every life back; without one Continue starts the level again."""
from level_arena import enemy_xml, level

from game.input.actions import Action, InputFrame
from game.modes.events import CheckpointSaved, of_type
from game.scenes.gameover import GameOverScene

RIGHT = InputFrame(held=int(Action.RIGHT))
CHECKPOINT = ('<object id="7" name="half" type="trigger" x="160" y="16" width="32" height="160"><properties>'
              '<property name="checkpoint" type="bool" value="true"/><property name="set_flag" value="half"/>'
              '<property name="wave" type="int" value="1"/></properties></object>')


def _to_checkpoint(sim):
    for _ in range(200):
        sim.step(RIGHT)
        if sim.saved is not None:
            return
    raise AssertionError("never reached the checkpoint")


def _knock_out(sim):
    sim.player.lives = 1
    sim.player.health = 0
    sim.player.state = "dead"
    for _ in range(200):
        if sim.step(InputFrame()) is not None:
            return sim.outcome
    raise AssertionError("the last life never ran out")


def test_a_checkpoint_trigger_saves_the_level_as_it_stands_and_says_so(write_level):
    sim = level(write_level, CHECKPOINT + enemy_xml(10, "brawler", 280, 96, wave=1))
    _to_checkpoint(sim)
    assert of_type(sim.events, CheckpointSaved)
    saved = sim.saved
    assert saved.steps == sim.steps and saved.flags.get("half") and saved.saved is None
    assert saved.state_hash() == sim.state_hash()
    assert len(saved.live) == 1 and saved.live[0] is not sim.live[0]  # a copy, not the running actors


def test_continue_resumes_at_the_checkpoint_with_every_life_and_full_health(write_level):
    sim = level(write_level, CHECKPOINT + enemy_xml(10, "brawler", 280, 96, wave=1), difficulty="hard")
    _to_checkpoint(sim)
    at = sim.saved.steps
    assert _knock_out(sim) == "lost"
    back = sim.resume()
    assert back.steps == at and back.outcome is None and back.flags.get("half") and back.resumed == 1
    assert back.player.lives == back.difficulty.lives and back.player.health == back.player.tuning.max_health
    assert back.calm_until == at + 120
    # lost again: back to the same checkpoint, and the same inputs play the same way from it
    assert _knock_out(back) == "lost"
    again = back.resume()
    assert again.resumed == 2  # a second continue counts as one, even from the same checkpoint
    other = sim.resume()
    for _ in range(90):
        again.step(RIGHT)
        other.step(RIGHT)
    assert again.steps == at + 90 and again.state_hash() == other.state_hash()


def test_without_a_checkpoint_continue_starts_the_level_again(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 280, 96))
    for _ in range(30):
        sim.step(RIGHT)
    assert sim.saved is None
    assert _knock_out(sim) == "lost"
    assert sim.resume().steps == 0


def test_the_checkpoint_stays_out_of_the_state_hash(write_level):
    plain = CHECKPOINT.replace('<property name="checkpoint" type="bool" value="true"/>', "")
    a = level(write_level, CHECKPOINT + enemy_xml(10, "brawler", 280, 96, wave=1))
    b = level(write_level, plain + enemy_xml(10, "brawler", 280, 96, wave=1))
    for _ in range(150):
        a.step(RIGHT)
        b.step(RIGHT)
    assert a.saved is not None and b.saved is None and a.state_hash() == b.state_hash()


def test_game_over_says_where_continue_goes():
    assert GameOverScene(lambda: None).note == "from the start of the level"
    assert GameOverScene(lambda: None, note="from the last checkpoint").note == "from the last checkpoint"
