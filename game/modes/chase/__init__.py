"""The bus chase: drive after Rostavili's bus, then fight him on foot (the registry's kind `chase`)."""
from __future__ import annotations

from game.modes.context import Mode


def mode() -> Mode:
    from game.modes.chase import autopilot, entry, personas

    return Mode("chase", entry.story_scene, entry.map_scene, autopilot.autoplay, autopilot.Pilot, entry.replay,
                personas.play)
