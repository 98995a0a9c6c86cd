"""Helpers for the story scene tests (imported, not a conftest, so tests/conftest.py stays importable).

The display fixture gives the dummy video driver a small mode so fonts and surfaces convert.
"""
from __future__ import annotations

import pytest

from game.input.actions import Action, InputFrame


def press(action: Action) -> InputFrame:
    return InputFrame(held=int(action), pressed=int(action))


class FakeAudio:
    def __init__(self) -> None:
        self.played: list[str] = []
        self.tracks: list[str | None] = []

    def play(self, name: str) -> None:
        self.played.append(name)

    def music(self, name: str | None) -> None:
        self.tracks.append(name)


@pytest.fixture
def audio() -> FakeAudio:
    return FakeAudio()
