"""The browser build's entry point (pygbag's main.py calls it): the game from its title on App.run_async."""
from __future__ import annotations

import logging
from typing import Sequence

log = logging.getLogger(__name__)


async def main(argv: Sequence[str] = ()) -> int:
    """Play as `python -m game play ARGV` would, on the coroutine loop; errors are logged, code 1."""
    from game.cli import build_app, build_parser
    from game.input.replay import ReplayError
    from game.paths import DataNotFound, require_data
    from game.story.script import StoryError
    from game.world.tilemap import LevelError

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        require_data()
        app = build_app(build_parser().parse_args(["play", *argv]))
    except (DataNotFound, LevelError, ReplayError, StoryError) as exc:
        log.error("%s", exc)
        return 1
    return await app.run_async()
