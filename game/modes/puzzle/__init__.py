"""The locksmith's puzzle: match the key to a blank, a maker, a locker bank (the registry's kind `puzzle`)."""
from __future__ import annotations

from game.modes.context import Mode


def mode() -> Mode:
    from game.modes.puzzle import autopilot, entry, personas

    return Mode("puzzle", entry.story_scene, entry.map_scene, autopilot.autoplay, autopilot.Pilot, entry.replay,
                personas.play)
