"""`personas`: the persona table of the closing notes, from runs of the autoplay personas.

Every playable level of the story (in play order, or the levels named) by every persona on every
difficulty, each with the tries the persona contract allows: idle 1, masher 3, novice 3 (10 on hard),
expert 1. Printed as a Markdown table: outcome, tries used, seconds of game time, lives lost, detail.
"""
from __future__ import annotations

import argparse
import logging
from pathlib import Path

from game.limits import seed_arg

log = logging.getLogger(__name__)

PERSONAS = ("idle", "masher", "novice", "expert")


def tries_allowed(persona: str, difficulty: str) -> int:
    if persona == "masher":
        return 3
    if persona == "novice":
        return 10 if difficulty == "hard" else 3
    return 1


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("personas", help="print the persona table (every level x persona x difficulty)")
    parser.add_argument("levels", nargs="*", type=Path, help="levels (default: the story's, in play order)")
    parser.add_argument("--seed", type=seed_arg, default=0, help="the seed of each persona's first try")
    parser.set_defaults(run=main)


def story_levels() -> list[Path]:
    from game.paths import LEVELS
    from game.story.script import load_story

    return [LEVELS / b.level for b in load_story().beats if b.level]


def main(args: argparse.Namespace) -> list[str]:
    from game import DIFFICULTIES
    from game.devtools.personas import run_persona
    from game.world.tilemap import load_tilemap

    lines = ["| level | persona | difficulty | outcome | tries used | seconds | lives lost | detail |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for path in args.levels or story_levels():
        tilemap = load_tilemap(path)
        for persona in PERSONAS:
            for difficulty in DIFFICULTIES:
                allowed = tries_allowed(persona, difficulty)
                run = run_persona(tilemap, persona, difficulty, seed=args.seed, tries=allowed)
                lines.append(f"| {Path(path).stem} | {persona} | {difficulty} | {run.outcome} | {run.tries}/{allowed} "
                             f"| {run.seconds:.0f} | {run.lives_lost} | {run.detail} |")
    return lines
