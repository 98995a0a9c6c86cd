"""Generated sprites: every character has every anim in every facing at 16x24; portraits, effects,
vehicles and the logo exist at their sizes and are not blank."""
import numpy as np
import pygame
import pytest

from game import sprites
from game.sprites import ANIMS, CHARACTERS, FACINGS

SPEAKERS = ("danko", "ridzik", "rostavili", "cat", "nurse", "locksmith", "ogarkov", "gallagher",
            "thug_brawler", "thug_knife", "thug_gunman", "thug_heavy", "colonel", "commander")


def alpha(surface: pygame.Surface) -> np.ndarray:
    w, h = surface.get_size()
    return np.frombuffer(pygame.image.tobytes(surface, "RGBA"), np.uint8).reshape(h, w, 4)[..., 3]


def rgba(surface: pygame.Surface) -> np.ndarray:
    w, h = surface.get_size()
    return np.frombuffer(pygame.image.tobytes(surface, "RGBA"), np.uint8).reshape(h, w, 4)


@pytest.mark.parametrize("name", CHARACTERS)
def test_character_has_every_anim_and_facing(name):
    chars = sprites.load_character(name)
    for anim in ANIMS:
        counts = set()
        for facing in FACINGS:
            frames = chars.frames(anim, facing)
            counts.add(len(frames))
            for frame in frames:
                assert frame.get_size() == (16, 24)
                a = alpha(frame)
                assert a.sum() > 255 * 40, f"{name} {anim} {facing} is nearly blank"
                assert not a[0].all() and not a[:, 0].all(), "a 1px transparent margin for the outline"
        assert len(counts) == 1
    assert len(chars.frames("walk", "down")) == 4
    # Left facings are the right ones mirrored; walk frames differ from each other.
    assert (rgba(chars.frames("punch", "left")[0]) == rgba(chars.frames("punch", "right")[0])[:, ::-1]).all()
    walk = [rgba(f).tobytes() for f in chars.frames("walk", "right")]
    assert len(set(walk)) >= 2
    # Feet stand on the bottom row when idle.
    assert alpha(chars.frames("idle", "down")[0])[23].any()


def test_characters_read_apart():
    """Each character's idle frame differs clearly from every other (colour and shape)."""
    idles = {n: rgba(sprites.load_character(n).frames("idle", "down")[0]).astype(int) for n in CHARACTERS}
    names = list(idles)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            diff = np.abs(idles[a] - idles[b]).sum(axis=2) > 60
            assert diff.sum() > 40, f"{a} and {b} look alike"


def test_danko_is_tallest_in_his_hat():
    def top(name):
        a = alpha(sprites.load_character(name).frames("idle", "down")[0])
        return int(np.argmax(a.any(axis=1)))
    assert top("danko") <= min(top(n) for n in CHARACTERS)


@pytest.mark.parametrize("name", SPEAKERS)
def test_portraits_are_48px(name):
    image = sprites.load_portrait(name)
    assert image.get_size() == (48, 48)
    assert len(np.unique(rgba(image).reshape(-1, 4), axis=0)) >= 8


def test_effects_and_vehicles():
    for name in ("hit_spark", "muzzle_flash", "steam_puff", "dust", "explosion"):
        frames = sprites.load_effect(name)
        assert len(frames) >= 2 and all(alpha(f).any() for f in frames)
    vehicles = sprites.vehicle_names()
    assert {"bus_a", "bus_b", "sedan", "wagon", "taxi", "locomotive", "train_car"} <= set(vehicles)
    for name in ("bus_a", "bus_b", "sedan", "wagon", "taxi", "locomotive"):
        frames = sprites.load_vehicle(name)
        assert len(frames) >= 2, f"{name} has a wreck frame"
        assert frames[0].get_height() > frames[0].get_width(), "vehicles point up"
        assert rgba(frames[0]).tobytes() != rgba(frames[-1]).tobytes()
    assert sprites.load_vehicle("bus_a")[0].get_height() > sprites.load_vehicle("sedan")[0].get_height()
    assert sprites.load_vehicle("bus") == sprites.load_vehicle("bus_a")
    with pytest.raises(sprites.SpriteError, match="unknown vehicle"):
        sprites.load_vehicle("tank")


def test_logo():
    logo = sprites.load_logo()
    w, h = logo.get_size()
    assert 120 <= w <= 300 and 20 <= h <= 60
    assert alpha(logo).any() and not alpha(logo)[0, 0]


def test_missing_sprite_names_the_file(tmp_path):
    with pytest.raises(sprites.SpriteError, match=r"sprites/nobody.png: missing"):
        sprites.load_character("nobody", tmp_path)
