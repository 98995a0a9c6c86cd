"""The locksmith puzzle scene: the shop behind, Danko's drawing of the key, a board of cards to pick from.

Lifecycle: enter() renders the shop map (levels/locksmith.tmx) once as the backdrop and loads the font
and the locksmith's portrait; handle() stores the step's input; update() steps the PuzzleState and asks
`on_done("won")` for the transition once the last board is solved; draw() only reads state.

Readable without colour: bows are drawn as outlined shapes with their name, cuts as notches with the
count, the cursor is a thick frame plus an arrow, ruled-out cards are crossed, the right one gets a tick.
Everything is driven by Actions, so keyboard and gamepad both work.
"""
from __future__ import annotations

import logging
import math
from typing import Any, Callable

import pygame

from game.input.actions import Action
from game.modes.events import CursorMoved, Picked, of_type
from game.modes.puzzle.sim import COLUMNS, LOCKSMITH, Key, Puzzle, PuzzleState
from game.scenes.stack import BaseScene, Push, Transition
from game.ui import draw as ui
from game.ui.font import load_font
from game.ui.palette import DIM, GOLD, GREEN, INK
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)

OnDone = Callable[[str], "Transition | None"]

PAPER = (32, 30, 36)  # the key panel and the locksmith's box
CARD = (58, 54, 60)
BRASS = (214, 176, 84)  # the keys themselves
RED = (220, 70, 60)  # the cross on a ruled-out card
KEY_PANEL = (4, 27, 84, 108)  # Danko's drawing of the key, and the notes


def bow_points(shape: str, cx: float, cy: float, r: float) -> list[tuple[float, float]]:
    """Outline of a key bow; shapes differ in outline, not just colour."""
    if shape == "round":
        n, start = 16, 0.0
        return [(cx + r * math.cos(start + 2 * math.pi * i / n), cy + r * math.sin(start + 2 * math.pi * i / n))
                for i in range(n)]
    if shape == "square":
        return [(cx - r, cy - r), (cx + r, cy - r), (cx + r, cy + r), (cx - r, cy + r)]
    if shape == "hexagon":
        return [(cx + r * math.cos(math.pi / 6 + i * math.pi / 3), cy + r * math.sin(math.pi / 6 + i * math.pi / 3))
                for i in range(6)]
    if shape == "triangle":
        return [(cx, cy - r), (cx + r, cy + r * 0.8), (cx - r, cy + r * 0.8)]
    if shape == "clover":
        pts = []
        for i in range(48):
            a = 2 * math.pi * i / 48
            rr = r * (0.72 + 0.28 * math.cos(3 * a))
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        return pts
    raise ValueError(f"unknown bow shape {shape!r}")


def draw_key(surface: pygame.Surface, key_bow: str, cuts: tuple[int, ...] | int, x: int, y: int,
             scale: int = 1, colour: tuple[int, int, int] = BRASS) -> None:
    """A key lying east: bow at (x, y) left, blade to the right with its cuts (depth = notch height)."""
    r = 6 * scale
    pts = bow_points(key_bow, x + r, y, r)
    pygame.draw.polygon(surface, colour, pts)
    pygame.draw.polygon(surface, (20, 16, 10), pts, 1)
    pygame.draw.circle(surface, PAPER, (x + r, y), max(2, 2 * scale))
    depths = cuts if isinstance(cuts, tuple) else (3,) * cuts
    step = 4 * scale
    bx = x + 2 * r - 1
    length = step * (len(depths) + 1)
    top, h = y - 3 * scale, 6 * scale
    outline = [(bx, top)]
    for i, d in enumerate(depths):
        cx = bx + step * (i + 1)
        depth = min(h - 1, max(1, round(d * h / 6)))
        outline += [(cx - 2 * scale, top), (cx, top + depth), (cx + 2 * scale, top)]
    outline += [(bx + length, top), (bx + length + 2 * scale, top + h // 2), (bx + length, top + h),
                (bx, top + h)]
    pygame.draw.polygon(surface, colour, outline)
    pygame.draw.polygon(surface, (20, 16, 10), outline, 1)


class PuzzleScene(BaseScene):
    def __init__(self, tilemap: TileMap | None = None, on_done: OnDone | None = None,
                 puzzle: Puzzle = LOCKSMITH, pause: object = None, audio: Any = None) -> None:
        self.tilemap = tilemap
        self.on_done = on_done
        self.pause = pause
        self.state = PuzzleState(puzzle)
        self.steps = 0
        self.shake = 0  # steps of a wrong-pick shake on the picked card
        self.flash = 0  # steps of the right-pick flash
        self.verdict = ""  # "right" / "wrong": how the last pick went
        self._backdrop: pygame.Surface | None = None
        self._portrait: pygame.Surface | None = None
        self._frame: tuple[tuple, pygame.Surface] | None = None  # the last frame drawn, and its key
        self._base_image: tuple[tuple, pygame.Surface] | None = None  # the dimmed shop (see `_base`)
        self.audio = audio

    def enter(self) -> None:
        if self.tilemap is not None:
            from game.world.render import render_full_map

            try:
                self._backdrop = render_full_map(self.tilemap)
            except (pygame.error, ValueError, OSError) as exc:
                log.warning("%s: cannot draw the shop (%s); plain backdrop", self.tilemap.path, exc)
        try:
            from game.sprites import load_portrait

            self._portrait = pygame.transform.scale(load_portrait("locksmith"), (24, 24))
        except Exception as exc:  # no portrait: the hint box still reads
            log.info("no locksmith portrait (%s)", exc)

    def update(self, dt: float) -> Transition | None:
        if self.frame.was_pressed(Action.PAUSE):
            from game.scenes.pause import PauseScene

            return Push(PauseScene(self.pause))  # type: ignore[arg-type]
        self.steps += 1
        self.shake = max(0, self.shake - 1)
        self.flash = max(0, self.flash - 1)
        outcome = self.state.step(self.frame)
        for pick in of_type(self.state.events, Picked):
            if pick.right:
                self.flash, self.verdict = 30, "right"
            else:
                self.shake, self.verdict = 12, "wrong"
        if self.audio is not None:
            for event in self.state.events:
                if isinstance(event, CursorMoved):
                    self.audio.play("menu_move")
                elif isinstance(event, Picked):
                    self.audio.play("confirm" if event.right else "blip")
        if outcome == "won" and self.on_done is not None:
            return self.on_done("won")
        return None

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        """The board; a frame that shows what the last one showed is that frame again, one blit (a
        board changes only when a card is moved to or picked: drawn whole it cost 0.9 ms a frame)."""
        key = self._frame_key(surface)
        if self._frame is not None and self._frame[0] == key:
            surface.blit(self._frame[1], (0, 0))
            return
        self._draw(surface)
        self._frame = (key, surface.copy())

    def _frame_key(self, surface: pygame.Surface) -> tuple:
        """Everything `_draw` reads: two frames with equal keys are the same picture."""
        st = self.state
        blink = st.pointed is not None and (self.steps // 15) % 2 == 0
        shake = (-2, 2, -1, 1)[self.shake % 4] if self.shake else 0
        return (surface.get_size(), surface.get_bitsize(), surface.get_masks(), st.board, st.cursor, shake,
                frozenset(st.crossed), st.pointed, blink, tuple(st.solved), st.message, st.tip, self.verdict,
                id(self._backdrop), id(self._portrait))

    def _draw(self, surface: pygame.Surface) -> None:
        surface.blit(self._base(surface), (0, 0))
        font = load_font()
        st = self.state
        board = st.current
        # Header: which board, and the question.
        counter = f"({min(st.board + 1, len(st.puzzle.boards))}/{len(st.puzzle.boards)})"
        title = ui.label_on_backing(surface, font, f"{board.title}  {counter}", (4, 2), GOLD)
        ui.label_on_backing(surface, font, board.question, (4, title.bottom), INK)
        panel = pygame.Rect(0, KEY_PANEL[1], surface.get_width(), KEY_PANEL[3])  # a long note runs past it
        surface.blit(ui.painted_part(("key", st.puzzle.key, tuple(st.solved)), panel, surface, self._draw_key_panel,
                           st.puzzle.key), panel.topleft)
        self._draw_cards(surface)
        self._draw_message(surface)

    def _base(self, surface: pygame.Surface) -> pygame.Surface:
        """The shop behind the board, dimmed: composed once for the canvas's size and format."""
        form = (surface.get_size(), surface.get_bitsize(), surface.get_masks())
        if self._base_image is None or self._base_image[0] != form:
            base = surface.copy()
            base.fill((18, 16, 20))
            if self._backdrop is not None:
                base.blit(self._backdrop, (0, 0))
                ui.veil(base, 170, (10, 8, 12))
            self._base_image = (form, base)
        return self._base_image[1]

    def _draw_key_panel(self, surface: pygame.Surface, key: Key) -> None:
        font = load_font()
        x, y, w, h = KEY_PANEL
        ui.panel(surface, (x, y, w, h), PAPER, DIM)
        surface.blit(font.render("THE KEY", DIM), (x + 4, y + 3))
        draw_key(surface, key.bow, key.cuts, x + 4, y + 24, scale=2)
        lines = [f"bow: {key.bow}", f"cuts: {len(key.cuts)}",
                 "depth " + "-".join(str(d) for d in key.cuts), f"stamp: {key.stamp}"]
        for i, line in enumerate(lines):
            surface.blit(font.render(line, INK), (x + 4, y + 44 + i * 10))
        # Notes: what has been found so far.
        for i, found in enumerate(self.state.solved):
            surface.blit(font.render(f"+ {found}", GREEN), (x + 4, y + 86 + i * 9 - 9 * max(0, len(self.state.solved) - 2)))

    def _card_rect(self, i: int) -> pygame.Rect:
        col, row = i % COLUMNS, i // COLUMNS
        return pygame.Rect(92 + col * 76, 27 + row * 55, 73, 52)

    def _draw_cards(self, surface: pygame.Surface) -> None:
        st = self.state
        for i, card in enumerate(st.current.cards):
            rect = self._card_rect(i)
            if i == st.cursor and self.shake:
                rect = rect.move((-2, 2, -1, 1)[self.shake % 4], 0)
            crossed = card.id in st.crossed
            surface.blit(ui.painted_part(("card", card, crossed), rect, surface, self._paint_card, card, crossed, rect),
                         rect.topleft)
            if crossed:  # a big X: ruled out, readable without colour
                pygame.draw.line(surface, RED, rect.topleft, (rect.right - 1, rect.bottom - 1), 2)
                pygame.draw.line(surface, RED, (rect.right - 1, rect.top), (rect.left, rect.bottom - 1), 2)
            if st.pointed == card.id and (self.steps // 15) % 2 == 0:
                # The locksmith taps the card: a pointing hand drawn as an arrow from below.
                ax, ay = rect.right - 8, rect.bottom - 3
                pygame.draw.polygon(surface, BRASS, [(ax, ay - 10), (ax - 6, ay), (ax + 6, ay)])
                pygame.draw.polygon(surface, (20, 16, 10), [(ax, ay - 10), (ax - 6, ay), (ax + 6, ay)], 1)
            if i == st.cursor:
                pygame.draw.rect(surface, (255, 255, 255), rect.inflate(2, 2), 2)
                tip = (rect.x - 1, rect.y + 6)
                pygame.draw.polygon(surface, (255, 255, 255), [tip, (tip[0] - 5, tip[1] - 4), (tip[0] - 5, tip[1] + 4)])

    def _paint_card(self, surface: pygame.Surface, card: Any, crossed: bool, rect: pygame.Rect) -> None:
        """A card's face: panel, title, and its key drawing or its lines."""
        font = load_font()
        ui.panel(surface, rect, (40, 38, 42) if crossed else CARD, DIM)
        colour = DIM if crossed else INK
        surface.blit(font.render(card.title, colour), (rect.x + 3, rect.y + 2))
        if card.bow is not None:
            draw_key(surface, card.bow, card.cuts or 0, rect.x + 4, rect.y + 22, scale=1,
                     colour=(120, 116, 110) if crossed else (190, 186, 176))
            surface.blit(font.render(card.bow, colour), (rect.x + 3, rect.y + 30))
            surface.blit(font.render(f"{card.cuts} cuts", colour), (rect.x + 3, rect.y + 40))
        else:
            for j, line in enumerate(card.lines):
                surface.blit(font.render(line, colour), (rect.x + 3, rect.y + 14 + j * 10))

    def _draw_message(self, surface: pygame.Surface) -> None:
        """The locksmith's box: what the last pick told, his tip, or how to play."""
        w, h = surface.get_size()
        lines = self._message_lines()
        area = pygame.Rect(0, 138, w, h - 138)  # the box and the strip below it a long tip may run into
        surface.blit(ui.painted_part(("message", lines, self._portrait is not None), area, surface, self._paint_message,
                           lines), area.topleft)

    def _message_lines(self) -> tuple[tuple[str, tuple[int, int, int]], ...]:
        st = self.state
        lines = []
        if st.message:
            right = self.verdict == "right"
            lines.append((("" if right else "X ") + st.message, GREEN if right else INK))
        if st.tip:
            lines.append((st.tip, GOLD))
        if not lines:
            lines.append(("Arrows choose a card. Enter picks it.", DIM))
        return tuple(lines)

    def _paint_message(self, surface: pygame.Surface, lines: tuple) -> None:
        font = load_font()
        w, h = surface.get_size()
        box = pygame.Rect(4, 138, w - 8, h - 141)
        ui.panel(surface, box, PAPER, DIM)
        tx = box.x + 4
        if self._portrait is not None:
            surface.blit(self._portrait, (box.x + 3, box.y + 5))
            tx += 28
        y = box.y + 4
        max_w = box.right - tx - 4
        for text, colour in lines:
            for part in font.wrap(text, max_w):
                surface.blit(font.render(part, colour), (tx, y))
                y += 10
