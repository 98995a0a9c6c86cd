"""`screenshots`: the README's pictures of the game, saved from a headless autopilot run of a new game.

Each shot is a beat of the story and a number of seconds into it; the run is deterministic (seed 0,
normal), so the same code and content give the same pictures. Written as 2x PNGs under assets/screenshots/.
"""
from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from game import STEP_HZ, VIEW_H, VIEW_W

log = logging.getLogger(__name__)

# (file name, beat, seconds into the beat): a fight, a conversation, the chase.
SHOTS = (("bathhouse.png", "bathhouse", 30.0), ("arrival.png", "arrival", 0.5), ("chase.png", "bus_chase", 16.0))
SCALE = 2


def add_parser(sub: argparse._SubParsersAction) -> None:
    from game.paths import ASSETS

    parser = sub.add_parser("screenshots", help="save the README's screenshots from an autopilot run")
    parser.add_argument("--out", type=Path, default=ASSETS / "screenshots", help="folder for the PNGs")
    parser.set_defaults(run=main)


def main(args: argparse.Namespace) -> list[str]:
    from game.devtools.errors import ToolError

    if not args.out.is_dir():
        raise ToolError(f"--out {args.out}: folder does not exist")
    written = take(args.out)
    missing = [name for name, _, _ in SHOTS if name not in written]
    if missing:
        raise ToolError(f"the run ended before {', '.join(missing)} could be taken")
    return [f"wrote {args.out / name}" for name in written]


def take(out: Path, shots: tuple[tuple[str, str, float], ...] = SHOTS) -> list[str]:
    """Play a new game until every shot is saved; the names written, in order."""
    import pygame

    from game.desktop.datafiles import atomic_save_image
    from game.devtools.playthrough import play_new_game

    frame = pygame.Surface((VIEW_W, VIEW_H))
    entered: dict[str, int] = {}
    written: list[str] = []
    step = [0]

    def watch(stack: Any, beats: list[str]) -> bool:
        step[0] += 1
        if beats:
            entered.setdefault(beats[-1], step[0])
        for name, beat, seconds in shots:
            if name not in written and beat in entered and step[0] - entered[beat] == round(seconds * STEP_HZ):
                stack.draw(frame)
                atomic_save_image(pygame.transform.scale_by(frame, SCALE), out / name)
                written.append(name)
        return len(written) == len(shots)

    play_new_game(watch=watch)
    return written
