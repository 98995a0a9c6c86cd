"""The licence and the credits say the same: MIT for the project's own work, the film as inspiration only."""
from game.paths import CODE_ROOT
from game.scenes.credits import CREDITS


def test_licence_covers_code_art_and_sound_and_names_the_seed_texts_licence():
    text = (CODE_ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License")
    assert "Art, sounds, music, font and maps: the project's own work" in text
    assert "no footage, stills, audio, music, dialogue, script text" in text
    assert "seeds/red_heat.txt" in text and "CC BY-SA 4.0" in text


def test_credits_show_the_licence_and_the_inspiration():
    shown = " ".join(CREDITS)
    assert "MIT" in shown and "nothing is taken" in shown and "from the film" in shown
    assert "*Inspired by" in CREDITS and "Walter Hill" in shown and "CC BY-SA 4.0" in shown
