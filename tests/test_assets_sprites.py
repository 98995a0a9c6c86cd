"""Generated sprites: every character has every anim in every facing (16x24, the heavy 24x32), each frame
outlined; portraits have faces of their own in three moods; effects, vehicles and the logo exist at
their sizes and are not blank."""
import numpy as np
import pygame
import pytest

from game import sprites
from game.sprites import ANIMS, CHARACTERS, FACINGS

SPEAKERS = ("danko", "ridzik", "rostavili", "cat", "nurse", "locksmith", "ogarkov", "gallagher",
            "thug_brawler", "thug_knife", "thug_gunman", "thug_heavy", "colonel", "commander", "informant",
            "danko_towel", "danko_suit")
NAMED = ("danko", "ridzik", "rostavili", "cat", "nurse", "locksmith", "ogarkov", "gallagher", "colonel",
         "commander", "informant")
BIG = {"thug_heavy": (24, 32), "thug_heavy_bath": (24, 32)}  # frame sizes other than 16x24


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
                assert frame.get_size() == BIG.get(name, (16, 24))
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
    assert alpha(chars.frames("idle", "down")[0])[-1].any()


def test_characters_read_apart():
    """Each character's idle frame differs clearly from every other (colour and shape)."""
    idles = {n: rgba(sprites.load_character(n).frames("idle", "down")[0]).astype(int)[-24:, :16]
             for n in CHARACTERS if n not in BIG}
    names = list(idles)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            diff = np.abs(idles[a] - idles[b]).sum(axis=2) > 60
            assert diff.sum() > 40, f"{a} and {b} look alike"


def _box(name, anim="idle", facing="down"):
    """(height, width) of the opaque part of a frame."""
    a = alpha(sprites.load_character(name).frames(anim, facing)[0]) > 0
    rows, cols = np.flatnonzero(a.any(axis=1)), np.flatnonzero(a.any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def test_danko_is_tallest_in_his_hat_but_the_heavy_towers_over_everyone():
    people = [n for n in CHARACTERS if n not in BIG]
    assert _box("danko")[0] >= max(_box(n)[0] for n in people)
    for thug in ("thug_brawler", "thug_knife", "thug_gunman"):
        (h, w), (th, tw) = _box("thug_heavy"), _box(thug)
        assert h - th >= 6 and w - tw >= 4, f"the heavy is a head taller and wider than {thug}"


def test_every_frame_has_a_dark_outline_against_the_floor():
    """No opaque pixel of a character touches transparency unless it is a dark outline pixel."""
    for name in CHARACTERS:
        chars = sprites.load_character(name)
        for anim in ANIMS:
            for facing in FACINGS:
                for frame in chars.frames(anim, facing):
                    px = rgba(frame).astype(int)
                    opaque = px[..., 3] > 0
                    edge = np.zeros_like(opaque)
                    pad = np.pad(~opaque, 1, constant_values=True)
                    edge = opaque & (pad[:-2, 1:-1] | pad[2:, 1:-1] | pad[1:-1, :-2] | pad[1:-1, 2:])
                    assert (px[edge][:, :3].sum(axis=1) <= 3 * 40).all(), f"{name} {anim} {facing}: bare edge"


def test_costumes_and_own_sprites_differ_from_what_they_replace():
    def idle(name):
        return rgba(sprites.load_character(name).frames("idle", "down")[0]).astype(int)
    for a, b in (("danko_towel", "danko"), ("danko_suit", "danko"), ("danko_towel", "danko_suit"),
                 ("informant", "thug_knife"), ("informant", "thug_gunman"), ("colonel", "danko"),
                 ("colonel", "ogarkov")):
        assert (np.abs(idle(a) - idle(b)).sum(axis=2) > 60).sum() > 40, f"{a} looks like {b}"
    # The bathhouse Danko is bare-chested: skin where the coat was.
    towel, coat = idle("danko_towel"), idle("danko")
    skin = np.array([0xdc, 0xaa, 0x86])
    assert (np.abs(towel[11:14, 4:12, :3] - skin).sum(axis=2) < 30).sum() > 10
    assert (np.abs(coat[11:14, 4:12, :3] - skin).sum(axis=2) < 30).sum() == 0
    # The informant carries no blade.
    knife = np.array([0xc8, 0xcc, 0xd4])
    for anim in ANIMS:
        for frame in sprites.load_character("informant").frames(anim, "right"):
            assert not (np.abs(rgba(frame)[..., :3].astype(int) - knife).sum(axis=2) < 8).any()


@pytest.mark.parametrize("name", SPEAKERS)
def test_portraits_are_48px_in_three_moods(name):
    faces = [sprites.load_portrait(n) for n in (name, f"{name}_angry", f"{name}_hurt")]
    for image in faces:
        assert image.get_size() == (48, 48)
        assert len(np.unique(rgba(image).reshape(-1, 4), axis=0)) >= 8
    neutral, angry, hurt = (rgba(f)[14:40, 12:36].astype(int) for f in faces)
    for other in (angry, hurt):  # the expression changes the face, not just a pixel
        assert (np.abs(neutral - other).sum(axis=2) > 40).sum() >= 12


def test_named_characters_have_faces_of_their_own():
    """Not the same face under different hats: the face itself (eyes to chin, hat and hair cut away
    by comparing only skin-coloured rows) differs between every two named characters."""
    def face(name):
        return rgba(sprites.load_portrait(name))[20:40, 12:36, :3].astype(int)
    for i, a in enumerate(NAMED):
        for b in NAMED[i + 1:]:
            diff = (np.abs(face(a) - face(b)).sum(axis=2) > 60).mean()
            assert diff > 0.2, f"{a} and {b} have nearly the same face ({diff:.0%} of it differs)"


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


def test_the_bathhouse_dress_is_the_thugs_frames_in_towels():
    """`frames: thug_KIND` sheets: the same drawing (the same shape pixel for pixel), other colours; the map
    property `dress` picks them for the thugs only."""
    assert sprites.dressed("thug_knife", "bath") == "thug_knife_bath"
    assert sprites.dressed("rostavili", "bath") == "rostavili" and sprites.dressed("thug_knife", "") == "thug_knife"
    for kind in ("brawler", "knife", "gunman", "heavy"):
        plain, bath = sprites.load_character(f"thug_{kind}"), sprites.load_character(f"thug_{kind}_bath")
        a, b = plain.frames("walk", "down")[0], bath.frames("walk", "down")[0]
        assert (alpha(a) == alpha(b)).all() and (rgba(a) != rgba(b)).any(), kind
