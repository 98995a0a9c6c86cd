"""game.ui.kept: a screen part drawn for the same state again replays its blits and fills, blending with
what lies beneath it now; another state or another surface draws it afresh; nothing it could not replay."""
import pygame
import pytest

from game.ui.kept import Kept


def _ink(color, alpha=255):
    s = pygame.Surface((6, 4), pygame.SRCALPHA)
    s.fill((*color, alpha))
    return s


SOLID, SEE_THROUGH = _ink((200, 40, 40)), _ink((40, 200, 40), 120)


def _paint(surface, state):
    """A part that blits, blends and fills by its state; returns where it ends."""
    n, hole = state
    for i in range(n):
        surface.blit(SOLID, pygame.Rect(4 + 8 * i, 4, 9, 9))
        surface.blit(SEE_THROUGH, (4 + 8 * i, 10))
    if hole:
        surface.fill((0, 0, 90), (2, 20, 30, 3))
    return 4 + 8 * n


def _floor(shade):
    s = pygame.Surface((64, 32))
    s.fill((shade, shade, 255 - shade))
    return s


def test_the_same_state_replays_and_blends_with_the_new_floor():
    kept, canvas = Kept(), _floor(0)
    calls = []

    def paint(surface, state):
        calls.append(state)
        return _paint(surface, state)

    for frame, state in enumerate([(3, False), (3, False), (3, False), (2, True), (2, True), (3, False)]):
        canvas.blit(_floor(frame * 40), (0, 0))  # the map beneath changes every frame
        fresh = _floor(frame * 40)
        assert kept.draw(canvas, state, paint, state) == _paint(fresh, state)
        assert canvas.get_buffer().raw == fresh.get_buffer().raw, frame
    assert calls == [(3, False), (2, True), (3, False)]  # drawn afresh only when the state changed


def test_another_surface_draws_afresh_and_forget_forgets():
    kept, calls = Kept(), []
    paint = lambda surface, state: calls.append(state) or _paint(surface, state)  # noqa: E731
    a, b = _floor(10), _floor(10)
    kept.draw(a, (1, False), paint, (1, False))
    kept.draw(b, (1, False), paint, (1, False))
    kept.draw(b, (1, False), paint, (1, False))
    kept.forget()
    kept.draw(b, (1, False), paint, (1, False))
    assert len(calls) == 3


def test_what_could_not_be_replayed_is_refused():
    with pytest.raises(AttributeError):
        Kept().draw(_floor(0), 1, lambda surface: surface.set_at((1, 1), (255, 0, 0)))


def test_fblits_are_replayed_as_blits():
    kept, calls, canvas = Kept(), [], _floor(0)

    def draw(surface, state):
        surface.fblits([(SOLID, (2 + 8 * i, 3)) for i in range(state)])
        surface.fblits([(SEE_THROUGH, (5, 6))], pygame.BLEND_RGB_ADD)

    def paint(surface, state):
        calls.append(state)
        draw(surface, state)

    for frame, state in enumerate([2, 2, 3, 3]):
        canvas.blit(_floor(frame * 50), (0, 0))  # the floor beneath changes every frame
        fresh = _floor(frame * 50)
        kept.draw(canvas, state, paint, state)
        draw(fresh, state)
        assert canvas.get_buffer().raw == fresh.get_buffer().raw, frame
    assert calls == [2, 3]  # the kept drawing replayed, blending with the new floor
