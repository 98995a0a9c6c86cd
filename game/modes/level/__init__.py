"""The action level: brawls and shoot-outs on a Tiled map (the registry's kind `level`)."""
from __future__ import annotations

from game.modes.context import Mode


def mode() -> Mode:
    from game.modes.level import entry, personas

    return Mode("level", entry.story_scene, entry.map_scene, entry.autoplay, entry.Pilot, entry.replay,
                personas.play)
