"""Command line: play (default), check, render, replay. Errors are one line, never a traceback."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from game import DIFFICULTIES, STEP_HZ, interrupts
from game.limits import max_steps_arg, positive_arg, seed_arg

log = logging.getLogger(__name__)

COMMANDS = ("play", "check", "render", "replay", "autoplay", "story", "assets", "bench", "new-level", "dist", "web",
            "screenshots", "personas")
DEFAULT_MAX_STEPS = STEP_HZ * 60 * 10  # ten minutes of game time


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="redheat", description="Red Heat: a retro top-down action game.",
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    play = sub.add_parser("play", help="play the game (the default)")
    play.add_argument("--headless", action="store_true", help="run with no window")
    play.add_argument("--frames", type=int, metavar="N", help="stop after N frames")
    play.add_argument("--level", type=Path, help="start at this .tmx level")
    play.add_argument("--seed", type=seed_arg, default=0)
    play.add_argument("--save-frame", type=Path, metavar="PNG", help="save the last frame (320x180) as PNG")
    display = play.add_mutually_exclusive_group()
    display.add_argument("--windowed", action="store_true", help="play in a window (this run only)")
    display.add_argument("--fullscreen", action="store_true", help="play fullscreen (this run only)")
    play.add_argument("--scale", type=_scale, metavar="N", help="window scale 2..6 (this run only)")
    play.add_argument("--mute", action="store_true", help="no music or effects (this run only)")
    play.add_argument("--record-input", type=Path, metavar="FILE",
                      help="with --level: save the input played as a replay when the level ends or the window closes")

    check = sub.add_parser("check", help="lint levels, their story references and the sounds, sprites and "
                                         "portraits they name; exit 1 on any problem")
    check.add_argument("levels", nargs="*", type=Path, help="levels (default: levels/*.tmx)")

    render = sub.add_parser("render", help="render a level's tile layers to a PNG")
    render.add_argument("level", type=Path)
    render.add_argument("out", type=Path)

    replay = sub.add_parser("replay", help="play recorded input headless; print outcome and state hash")
    replay.add_argument("level", type=Path)
    replay.add_argument("file", type=Path)
    replay.add_argument("--seed", type=seed_arg, default=0)
    replay.add_argument("--max-steps", type=max_steps_arg, default=DEFAULT_MAX_STEPS)
    replay.add_argument("--difficulty", choices=DIFFICULTIES, default="normal")

    auto = sub.add_parser("autoplay", help="let the autopilot play a level headless; exit 0 when it won")
    auto.add_argument("level", type=Path, nargs="?")
    auto.add_argument("--all", action="store_true",
                      help="play a whole new game from the title to the credits instead of one level")
    auto.add_argument("--difficulty", choices=DIFFICULTIES, default="normal")
    auto.add_argument("--seed", type=seed_arg, default=0)
    auto.add_argument("--max-steps", type=max_steps_arg, default=DEFAULT_MAX_STEPS)
    auto.add_argument("--record", type=Path, metavar="FILE", help="save the run as a replay file")
    auto.add_argument("--persona", choices=("idle", "masher", "novice", "expert"),
                      help="play as a kind of player; prints outcome, steps, lives lost and tries used")
    auto.add_argument("--tries", type=positive_arg, default=1, metavar="N", help="tries a persona may use")
    auto.add_argument("--two-players", action="store_true", help="a scripted second player as Ridzik")
    sub.add_parser("story", help="print the story sequence derived from the seed's plot")

    bench = sub.add_parser("bench", help="time rendering, simulation and loading beside pyscroll/pytmx")
    bench.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    bench.add_argument("--quick", action="store_true", help="fewer frames and repeats: under a minute")
    bench.add_argument("--frames", type=positive_arg, metavar="N", help="timed frames per view")
    bench.add_argument("--map-size", type=positive_arg, metavar="N", help="main map size in tiles (default 256)")
    bench.add_argument("--scaling-sizes", metavar="A,B", help="map sizes for the scaling figures")
    bench.add_argument("--sim-steps", type=positive_arg, metavar="N", help="simulation steps to time")
    bench.add_argument("--present", action="store_true", help="only steps per presented frame (8 s, a window)")
    bench.add_argument("--suite", action="store_true", help="only the test suite: wall/CPU time, slowest tests")
    bench.add_argument("--fresh", action="store_true",
                       help="with --suite: in a fresh clone of the last commit, as CI runs it (no caches)")

    assets = sub.add_parser("assets", help="regenerate art, font and sounds from assets/src/")
    assets.add_argument("--sheet", type=Path, metavar="PNG", help="also write the contact sheet here")
    from game.devtools import dist, newlevel, personatable, screenshots, web  # tools: each sets args.run

    for tool in (newlevel, dist, web, screenshots, personatable):
        tool.add_parser(sub)
    parser.epilog = _play_options_help(play)
    return parser


def _play_options_help(play: argparse.ArgumentParser) -> str:
    """The play command's options, for the top-level --help: they work without the word `play`."""
    text = play.format_help()
    options = [line for line in text[text.index("options:"):].splitlines()[1:]
               if not line.lstrip().startswith("-h, --help")]
    return ("With no COMMAND the game plays; these play options work alone (redheat --level LEVEL)\n"
            "or after `play`:\n" + "\n".join(options))


def _scale(text: str) -> int:
    from game.desktop.settings import SCALES

    if not text.isdigit() or int(text) not in SCALES:
        raise argparse.ArgumentTypeError(f"expected a whole number from {SCALES[0]} to {SCALES[-1]}, got {text!r}")
    return int(text)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        interrupts.stop_on_signals()  # inside the try: a SIGTERM right after it is in place is caught too
        code = _main(argv)
    except KeyboardInterrupt:  # Ctrl+C or SIGTERM at any point, imports included
        code = 130
    except Exception:
        if not interrupts.interrupted():
            raise
        code = 130  # it landed inside a class being built and came out as a RuntimeError
    if interrupts.interrupted():  # stopped, even where Python dropped the interrupt and the run went on
        interrupts.caught()
        return 130
    return code


def _main(argv: Sequence[str] | None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0].startswith("-") and args_list[0] not in ("-h", "--help"):
        args_list.insert(0, "play")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    args = build_parser().parse_args(args_list)
    from game.content.schema import ContentError
    from game.desktop.datafiles import WriteError
    from game.devtools.errors import ToolError
    from game.input.replay import ReplayError
    from game.paths import DataNotFound, require_data
    from game.story.script import StoryError
    from game.ui.font import FontError
    from game.world.tilemap import LevelError

    try:
        require_data()  # an unexpected install layout: say where the data was looked for, exit 1
        return _dispatch(args)
    except (ContentError, DataNotFound, LevelError, ReplayError, StoryError, ToolError, FontError,
            WriteError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _dispatch(args: argparse.Namespace) -> int:
    if hasattr(args, "run"):  # new-level, dist, web: they return the lines to show
        print("\n".join(args.run(args)))
        return 0
    if args.command == "check":
        return cmd_check(args.levels)
    if args.command == "render":
        return cmd_render(args.level, args.out)
    if args.command == "replay":
        return cmd_replay(args.level, args.file, args.seed, args.max_steps, args.difficulty)
    if args.command == "autoplay":
        return cmd_autoplay(args)
    if args.command == "story":
        return cmd_story()
    if args.command == "bench":
        return cmd_bench(args)
    if args.command == "assets":
        return cmd_assets(args.sheet)
    return cmd_play(args)


def cmd_bench(args: argparse.Namespace) -> int:
    import dataclasses
    import json

    from game.devtools.bench import BenchConfig, format_report, run_bench

    if args.suite:  # the README's test command, timed (game.devtools.benchsuite): not part of a bench run
        from game.devtools.benchsuite import cmd_suite
        return cmd_suite(args.json, args.fresh)
    if args.fresh:
        print("error: --fresh goes with --suite (the test suite in a fresh clone)", file=sys.stderr)
        return 2
    if args.present:  # the real app in a real window (game.devtools.benchpresent), built as `play` builds it
        from game.devtools.benchpresent import cmd_present
        return cmd_present(args.json, build_app)
    try:
        import pyscroll  # noqa: F401
    except ImportError:
        print("error: bench needs pyscroll: pip install -e '.[bench]'", file=sys.stderr)
        return 1
    cfg = BenchConfig.quick() if args.quick else BenchConfig()
    changes: dict = {}
    if args.frames:
        changes["frames"] = args.frames
    if args.map_size:
        changes["map_size"] = args.map_size
    if args.scaling_sizes is not None:
        try:
            changes["scaling_sizes"] = tuple(positive_arg(v) for v in args.scaling_sizes.split(",") if v.strip())
        except (ValueError, argparse.ArgumentTypeError):
            print(f"error: --scaling-sizes: expected sizes like 512,1024, got '{args.scaling_sizes}'",
                  file=sys.stderr)
            return 2
    if args.sim_steps:
        changes["sim_steps"] = args.sim_steps
    cfg = dataclasses.replace(cfg, **changes)
    progress = (lambda _: None) if args.json else (lambda msg: print(f"bench: {msg}...", file=sys.stderr))
    result = run_bench(cfg, progress)
    print(json.dumps(result) if args.json else format_report(result))
    return 0


def cmd_check(levels: list[Path]) -> int:
    """Every content check, each problem printed once; a new check is one more `problems +=` line."""
    from game.paths import level_files
    from game.world.lint import check_levels

    paths = levels or level_files()
    if not paths:
        from game.paths import LEVELS

        print(f"error: {LEVELS}: no .tmx levels to check", file=sys.stderr)
        return 1
    from game.content.loader import check_tables

    content = check_tables()  # the levels/*.toml tables first: the level rules read them
    story, story_problem = load_story_for_check()
    problems = content + ([story_problem] if story_problem else []) + story_field_problems(story)
    if not content:
        from game.actors.objects import validate  # the gameplay objects' rules: kinds, waves, flags, scripts
        from game.modes.level.cutoffs import validate as escape_rules  # the timed escape's cutoffs

        problems += check_levels(paths, story_ids(story), extra=[validate, escape_rules])  # maps, objects, triggers
        problems += _map_names(paths, story)  # each map's mode, and the sounds, sprites, portraits named
    for problem in problems:
        print(problem)
    print(f"checked {len(paths)} level(s): {len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


def story_refs() -> "tuple[StoryRefs | None, Problem | None]":
    """The story's ids for checking level triggers, or the problem that stops the story loading."""
    story, problem = load_story_for_check()
    return story_ids(story), problem


def story_field_problems(story: "Story | None") -> "list[Problem]":
    """The story's bad fields (each fell back to its default), as check lines (issue 17)."""
    from game.world.lint import Problem, display_path

    if story is None:
        return []
    return [Problem(display_path(story.path), "", p.removeprefix(f"{story.path}: ")) for p in story.problems]


def load_story_for_check() -> "tuple[Story | None, Problem | None]":
    from game.story.script import StoryError, load_story, story_path
    from game.world.lint import Problem, display_path

    try:
        return load_story(), None
    except StoryError as exc:
        return None, Problem(display_path(story_path()), "", f"cannot check triggers: {exc}")


def story_ids(story: "Story | None") -> "StoryRefs | None":
    """Beat and dialogue ids of the story, for checking level triggers (None when the story is broken).

    A trigger's `dialogue` names a line list of a beat as `beat.key` (keys: lines, outro, ...)."""
    from game.world.lint import StoryRefs, display_path

    if story is None:
        return None
    dialogue = set()
    for beat in story.beats:
        for key, value in vars(beat).items():
            if isinstance(value, tuple) and value and all(hasattr(v, "speaker") for v in value):
                dialogue.add(f"{beat.id}.{key}")
    return StoryRefs(beats=frozenset(b.id for b in story.beats), dialogue=frozenset(dialogue),
                     source=display_path(story.path))


def _map_names(paths: list[Path], story: "Story | None") -> "list[Problem]":
    """A map's mode must be in the mode registry; the assets a map or the story names must exist."""
    from game.assetrefs import level_refs, missing_assets, story_refs
    from game.modes.registry import map_kind
    from game.world.lint import Problem, display_path
    from game.world.tilemap import LevelError, load_tilemap

    problems, refs = [], story_refs(story) if story is not None else []
    for path in paths:
        try:
            tilemap = load_tilemap(path)
        except LevelError:
            continue  # the lint has said why
        try:
            map_kind(tilemap)
        except LevelError as exc:
            problems.append(Problem(display_path(exc.path), "", exc.problem))
        refs += level_refs(tilemap)
    return problems + missing_assets(refs)


def _output_ok(flag: str, path: Path | None) -> bool:
    """Check a file the command will write before the work starts; one line and False if it cannot be."""
    from game.desktop.datafiles import writable_problem

    problem = None if path is None else writable_problem(path)
    if problem:
        print(f"error: {flag} {path}: {problem}", file=sys.stderr)
    return problem is None


def cmd_render(level: Path, out: Path) -> int:
    from game.desktop.datafiles import atomic_save_image
    from game.world.render import render_full_map
    from game.world.tilemap import load_tilemap

    if not _output_ok("render", out):
        return 1
    tilemap = load_tilemap(level)
    surface = render_full_map(tilemap)
    atomic_save_image(surface, out)
    print(f"{out}: {surface.get_width()}x{surface.get_height()}")
    return 0


def cmd_autoplay(args: argparse.Namespace) -> int:
    """The whole game (--all), or one map by its mode's autopilot (game.modes.registry)."""
    from game.input.replay import save_replay
    from game.modes.level.copilot import autoplay_two
    from game.modes.registry import mode_of
    from game.world.tilemap import load_tilemap

    if args.all and args.record is not None:
        print("error: --record works with one LEVEL, not --all (a replay holds one map's input)",
              file=sys.stderr)
        return 2
    if not _output_ok("--record", args.record):
        return 1
    if args.all:
        from game.devtools.playthrough import play_new_game

        result = play_new_game(seed=args.seed, difficulty=args.difficulty)
        print(f"{result.outcome} after {result.steps} steps ({result.steps / STEP_HZ:.0f} s of game time): "
              f"{result.detail}; beats: {' '.join(result.beats)}")
        return 0 if result.outcome == "won" else 1
    if args.level is None:
        print("error: autoplay needs a LEVEL or --all", file=sys.stderr)
        return 2
    if args.persona is not None:
        from game.devtools.personas import run_persona

        run = run_persona(load_tilemap(args.level), args.persona, args.difficulty, args.seed, args.tries,
                          args.max_steps)
        print(run.line(args.persona, args.difficulty))
        return 0 if run.outcome == "won" else 1
    tilemap = load_tilemap(args.level)
    play = autoplay_two if args.two_players else mode_of(tilemap).autoplay  # two: a copilot as Ridzik
    result = play(tilemap, args.seed, args.difficulty, args.max_steps)
    print(f"{result.outcome} after {result.steps} steps ({result.steps / STEP_HZ:.0f} s) on {args.difficulty}: "
          f"{result.detail}")
    if result.state_hash:
        print(result.state_hash)
    if args.record is not None:
        if result.masks is None:
            print(f"error: {args.level}: this run cannot be recorded", file=sys.stderr)
            return 1
        save_replay(args.record, result.masks)
        if result.seed != args.seed:
            print(f"note: the recorded run replays with --seed {result.seed}", file=sys.stderr)
    return 0 if result.outcome == "won" else 1


def cmd_replay(level: Path, file: Path, seed: int, max_steps: int, difficulty: str = "normal") -> int:
    """A recorded input stream on a map, by its mode: the outcome, then the final state hash."""
    from game.input.replay import load_replay
    from game.modes.registry import mode_of
    from game.world.tilemap import load_tilemap

    tilemap = load_tilemap(level)
    masks = load_replay(file)
    result = mode_of(tilemap).replay(tilemap, masks, seed, difficulty, max_steps)
    print(f"{result.outcome} after {result.steps} steps")
    print(result.state_hash)
    return 0


def cmd_story() -> int:
    """The derived play order: beat, scene kind, level, and the seed quote it comes from."""
    from game.story.script import check_story, load_story

    story = load_story()
    for n, beat in enumerate(story.sequence, 1):
        print(f"{n:2d}. {beat.id:<16} {beat.kind:<9} {beat.level or '-':<17} {beat.place}: {beat.title}")
        for quote in beat.plot:
            print(f"      [{quote.section} @{quote.start}] \"{quote.text}\"")
    problems = check_story(story)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def cmd_assets(sheet: Path | None) -> int:
    from game.assetgen import generate
    from game.assetgen.source import SourceError
    from game.paths import ASSETS

    if not (ASSETS / "src").is_dir():
        print(f"error: {ASSETS / 'src'}: not found (the generator's sources come with a source checkout only)",
              file=sys.stderr)
        return 1
    try:
        result = generate(ASSETS / "src", ASSETS, sheet=sheet)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for rel in result.kept:
        print(f"kept {rel}: not made by the generator (or edited by hand)", file=sys.stderr)
    print(f"assets: {len(result.written)} written, {len(result.unchanged)} unchanged, {len(result.kept)} kept")
    if sheet is not None:
        print(f"contact sheet: {sheet}")
    return 0


def cmd_play(args: argparse.Namespace) -> int:
    from game.desktop.app import NoDisplay

    if not _output_ok("--save-frame", args.save_frame):
        return 1
    try:
        if getattr(args, "record_input", None) is None:
            return build_app(args).run()
        from game.devtools.recordinput import play_recorded
        return play_recorded(args, lambda end: build_app(args, end), lambda line: print(line, file=sys.stderr))
    except NoDisplay as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


def build_app(args: argparse.Namespace, on_level_end: Callable[[str], None] = lambda outcome: None) -> "App":
    """The app for `play` (and the browser's main.py), first scene set; `on_level_end` hears a map's outcomes."""
    from game.desktop.app import App, AppConfig
    from game.modes.context import MapContext
    from game.modes.registry import mode_of
    from game.scenes.director import title_or_notice
    from game.scenes.stack import Replace, Reset, Scene, Transition
    from game.world.tilemap import load_tilemap

    fullscreen = True if args.fullscreen else False if args.windowed else None
    config = AppConfig(headless=args.headless, frames=args.frames, save_frame=args.save_frame,
                       scale=args.scale, fullscreen=fullscreen, mute=args.mute)

    if args.level is None:  # a new game starts at the title; the story director takes it from there
        from game.story.script import load_story

        load_story()  # fail early, before a window opens
        app = App(config)
        app.first_scene = lambda: title_or_notice(args.seed, app)
        return app

    tilemap = load_tilemap(args.level)  # fail early, before a window opens
    mode = mode_of(tilemap)  # the map's `mode` property picks the scene (level, chase, puzzle, ...)
    app = App(config)

    def to_title() -> Transition | None:  # Title on the result card, Quit to title in the pause menu
        return Reset(scene) if (scene := title_or_notice(args.seed, app)) is not None else None

    def new_scene() -> Scene:  # the map again from the start (Retry on the result card, restart, continue)
        ctx = MapContext(tilemap, seed=args.seed, on_done=lambda outcome: on_level_end(outcome) or Replace(new_scene()),
                         difficulty=app.settings.difficulty, audio=app.audio,
                         pause=app.pause_hooks(restart=lambda: Replace(new_scene()), quit_to_title=to_title),
                         shake_enabled=lambda: app.settings.screen_shake, to_title=to_title)
        return mode.map_scene(ctx)

    app.first_scene = new_scene
    return app
