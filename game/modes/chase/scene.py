"""The chase scene: drive the bus after Rostavili, then the short fight on foot by the wreck.

Lifecycle: enter() builds the map renderer and the vehicle sprites; handle() stores the step's input;
update() steps the ChaseSim (or, after the crash, the on-foot finale scene it hands over to) and asks
`on_done` for the transition when the story part is over; draw() only reads state.

Losing the chase restarts it from the chase start inside this scene (the issue's "retry from the chase
start"), so the story director only ever hears "won".
"""
from __future__ import annotations

import logging
import math
from typing import Any, Callable

import pygame

from game import STEP_HZ
from game.actors.vehicles import Vehicle
from game.input.actions import Action
from game.modes.chase import debris
from game.modes.chase.art import CAR_ART, art_frames, placeholder_vehicle, train_image
from game.modes.chase.controls import DriveHint
from game.modes.chase.rotations import Rotations
from game.modes.chase.sim import LOST, WON, ChaseSim
from game.modes.chase.smooth import ChaseSmoother
from game.modes.events import Crashed, Escaped, TrainCalled, of_type
from game.scenes.stack import BaseScene, Push, Transition
from game.ui import draw as ui
from game.ui.font import load_font
from game.ui.kept import Kept
from game.ui.palette import ACCENT, GOLD, INK, PANEL, RULE, WARN
from game.world.cover import MapCover
from game.world.render import MapRenderer, Sprite
from game.world.tilemap import TileMap

log = logging.getLogger(__name__)
_new_tuple = tuple.__new__

OnDone = Callable[[str], "Transition | None"]
_PAUSE, _RESTART = int(Action.PAUSE), int(Action.RESTART)  # plain ints: IntFlag's own `&` is a Python call
FinaleFactory = Callable[[ChaseSim, OnDone], "BaseScene | None"]

class ChaseScene(BaseScene):
    draw_alpha = 1.0  # set by the app before each frame: how far it stands toward the next step

    def __init__(self, tilemap: TileMap, seed: int = 0, on_done: OnDone | None = None,
                 finale: FinaleFactory | None = None, flags: dict | None = None,
                 difficulty: str | None = None, pause: object = None, audio: Any = None) -> None:
        self.tilemap = tilemap
        self.audio = audio
        self.smooth = ChaseSmoother()  # vehicles and camera drawn between steps (game.modes.chase.smooth)
        self.seed = seed
        self.on_done = on_done
        self.flags = dict(flags or {})
        self.difficulty = difficulty
        self.pause = pause
        self.finale_factory = finale if finale is not None else self._default_finale
        self.sim = ChaseSim(tilemap, seed=seed, difficulty=difficulty or "normal")
        self.finale: BaseScene | None = None
        self.retries = 0
        self.renderer: MapRenderer | None = None
        self._sprites: dict[str, Rotations] = {}
        self._obstacles: tuple[ChaseSim, dict, list[tuple[Vehicle, Rotations]], float] | None = None
        self._car_held: tuple[dict, list[tuple[Rotations, ...]], float] | None = None
        self._message = ""
        self._message_steps = 0
        self.drive_hint = DriveHint()  # the controls card until throttle and steering have been used
        self._hud_kept = Kept()  # the gauges' last drawing (game.ui.kept)
        self._speed_labels: list[pygame.Surface] = []  # the speed readout's labels (enter)
        self.cover = MapCover()  # whether the map hides the backdrop fill
        self._message_held: tuple[tuple, pygame.Surface, pygame.Rect] | None = None  # see `_message_label`
        self._markers: dict[tuple, pygame.Surface] = {}  # the marker over his bus, per pixel format (`_marker`)

    # --- lifecycle -------------------------------------------------------------------------------

    def enter(self) -> None:
        if self.audio is not None:
            self.audio.music("chase")
        self.renderer = MapRenderer(self.tilemap)
        spec = self.sim.player.spec
        bl, bw = int(spec.length), int(spec.width)
        self._frames: dict[str, tuple[Rotations, ...]] = {}
        for key, art, kind in (("bus", "bus_a", "bus"), ("rostavili_bus", "bus_b", "rostavili_bus")):
            frames = art_frames(art) or (placeholder_vehicle(kind, bl, bw),)
            self._frames[key] = tuple(Rotations(f) for f in frames)
        cs = self.sim.traffic[0][0].spec if self.sim.traffic else None
        for i, art in enumerate(CAR_ART):
            frames = art_frames(art)
            if frames is None and cs is not None:
                frames = (placeholder_vehicle("car", int(cs.length), int(cs.width), i),)
            if frames is not None:
                self._frames[f"car{i}"] = tuple(Rotations(f) for f in frames)
        self._message = "Catch Rostavili's bus!"
        self._message_steps = 180
        # the speed readout's labels up to the bus's top speed, made now (~1.5 ms): while the bus speeds up
        # every frame shows a speed not shown before, which would draw its label then
        font = load_font()
        self._speed_labels = [ui.made_label(font, _speed_text(v)) for v in range(_kmh(spec.max_speed) + 1)]

    def update(self, dt: float) -> Transition | None:
        if self.finale is not None:
            self.finale.handle(self.frame)
            return self.finale.update(dt)
        pressed = self.frame.pressed
        if pressed & _PAUSE:
            from game.scenes.pause import PauseScene

            return Push(PauseScene(self.pause))  # type: ignore[arg-type]
        if pressed & _RESTART:
            self.restart()
            return None
        self.smooth.before_step(self.sim)
        outcome = self.sim.step(self.frame)
        self.drive_hint.note(self.frame)
        if self._message_steps > 0:  # max(0, n - 1) for a count that never goes below 0
            self._message_steps -= 1
        if outcome is None and not self.sim.events:  # most steps: nothing to say
            return None
        events = self.sim.events
        for called in of_type(events, TrainCalled):
            self._say("The crossing! A train!" if called.close else "He's racing the train!")
        if of_type(events, Escaped):
            self._say("He got across. Don't lose him!")
        if outcome == LOST:
            self.restart()
            self._say("You lost him. Again, from the terminal!")
        elif outcome == WON:
            return self._start_finale()
        if of_type(events, Crashed):
            self._say("He crashed into the train!")
        return None

    def _start_finale(self) -> Transition | None:
        self.finale = self.finale_factory(self.sim, self._finale_done)
        if self.finale is None:
            return self.on_done(WON) if self.on_done else None
        self.finale.enter()
        # The buses stay where they stopped (solid on foot): draw them among the walkers, y-sorted.
        view = getattr(self.finale, "view", None)
        if view is not None and hasattr(view, "sprites"):
            own = view.sprites
            view.sprites = lambda sim, *area: own(sim, *area) + self._parked_buses()  # type: ignore[method-assign]
        return None

    def _parked_buses(self) -> list[Sprite]:
        out = []
        for key, v, wrecked in (("bus", self.sim.player, False), ("rostavili_bus", self.sim.rostavili, True)):
            img = self._damage_frame(key, v, wrecked).at(v.heading)
            out.append(Sprite(img, round(v.x - img.get_width() / 2), round(v.y - img.get_height() / 2),
                              v.y + v.spec.width / 2))
        return out

    def _finale_done(self, outcome: str) -> Transition | None:
        if outcome != WON:
            # Beaten on foot: back to the wreck, not the whole chase.
            return self._start_finale()
        return self.on_done(WON) if self.on_done else None

    def restart(self) -> None:
        self.retries += 1
        self.sim = ChaseSim(self.tilemap, seed=self.seed + self.retries, difficulty=self.difficulty or "normal")

    def _say(self, text: str) -> None:
        self._message, self._message_steps = text, 150

    # --- drawing ---------------------------------------------------------------------------------

    def draw(self, surface: pygame.Surface) -> None:
        if self.finale is not None:
            self.finale.draw(surface)
            return
        assert self.renderer is not None
        sim = self.sim
        with self.smooth.between(sim, self.draw_alpha):
            cam = sim.camera.offset
            if not self.cover.covers(self.renderer, cam, surface.get_size()):
                surface.fill((16, 24, 32))
            sprites = self._vehicle_sprites((*cam, *surface.get_size()))
            self.renderer.draw(surface, cam, sim.time_ms, sprites)
            self._draw_effects(surface, cam)
            self._draw_hud(surface)
        self.drive_hint.draw(surface, load_font())

    def _vehicle_sprites(self, view: tuple[int, int, int, int] | None = None) -> list[Sprite]:
        """Every vehicle's sprite; with `view` (x, y, w, h on the map), only those that reach into it (the
        city has some 50 vehicles and a frame shows a handful: the rest would be clipped whole)."""
        sim = self.sim
        out: list[Sprite] = []
        if view is None:
            x0 = y0 = -math.inf
            x1 = y1 = math.inf
        else:
            x0, y0, x1, y1 = view[0], view[1], view[0] + view[2], view[1] + view[3]

        shown = []  # (art, vehicle, layer) of those the art's largest reach may bring into the view, in order
        obstacles, r = self._obstacle_art(sim)  # r: a first look with the largest reach (most are far off)
        lx, hx, ly, hy = x0 - r, x1 + r, y0 - r, y1 + r
        for ob, rot in obstacles:
            if lx <= ob.x <= hx and ly <= ob.y <= hy:
                shown.append((rot, ob, 0.0))
        cars, r = self._car_art()
        if cars:
            n = len(cars)
            lx, hx, ly, hy = x0 - r, x1 + r, y0 - r, y1 + r
            for i, (car, _) in enumerate(sim.traffic):
                if lx <= car.x <= hx and ly <= car.y <= hy:
                    frames = cars[i % n]
                    shown.append((frames[-1] if car.damage >= 60 else frames[0], car, 1.0))
        shown.append((self._damage_frame("rostavili_bus", sim.rostavili, sim.phase == "crashed"), sim.rostavili, 2.0))
        shown.append((self._damage_frame("bus", sim.player, False), sim.player, 3.0))
        if sim.train is not None:
            rot = self._sprites.get("train")
            if rot is None:
                spec = sim.train.body.spec
                rot = self._sprites["train"] = Rotations(train_image(int(spec.length), int(spec.width)))
            shown.append((rot, sim.train.body, 4.0))
        for rot, v, layer in shown:  # each with its own art's reach
            r, x, y = rot.reach, v.x, v.y
            if x0 - r <= x <= x1 + r and y0 - r <= y <= y1 + r:
                img = rot.at(v.heading)  # Sprite(...) in one call
                out.append(_new_tuple(Sprite, (img, round(x - img.get_width() / 2), round(y - img.get_height() / 2),
                                               layer)))
        return out

    @property
    def _cars(self) -> list[tuple[Rotations, ...]]:
        """The car art's frames, in the order the traffic takes them."""
        return self._car_art()[0]

    def _car_art(self) -> tuple[list[tuple[Rotations, ...]], float]:
        """The car art's frames and the largest reach of any of them (see Rotations.reach), worked out
        once per set of art (enter makes it)."""
        held = self._car_held
        if held is None or held[0] is not self._frames:
            cars = [frames for key, frames in self._frames.items() if key.startswith("car")]
            held = self._car_held = (self._frames, cars, max((r.reach for f in cars for r in f), default=0.0))
        return held[1], held[2]

    def _obstacle_art(self, sim: ChaseSim) -> tuple[list[tuple[Vehicle, Rotations]], float]:
        """Each obstacle with the art it is drawn with (a barrier's box, or a parked car's), and the largest
        reach of that art, worked out once per sim: the obstacles of a chase never change."""
        held = self._obstacles
        if held is not None and held[0] is sim and held[1] is self._frames:
            return held[2], held[3]
        cars = self._cars
        art = []
        for n, ob in enumerate(sim.obstacles):
            if ob.static:
                key = f"barrier:{ob.spec.length}x{ob.spec.width}"
                rot = self._sprites.get(key)
                if rot is None:
                    rot = self._sprites[key] = Rotations(
                        placeholder_vehicle("barrier", int(ob.spec.length), int(ob.spec.width)))
                art.append((ob, rot))
            elif cars:
                art.append((ob, cars[(n * 5) % len(cars)][0]))
        reach = max((rot.reach for _, rot in art), default=0.0)
        self._obstacles = (sim, self._frames, art, reach)
        return art, reach

    def _damage_frame(self, key: str, v: Vehicle, wrecked: bool) -> Rotations:
        """Intact, dented (from half damage), wreck: the art's frames, so damage shows on the bus."""
        frames = self._frames[key]
        if wrecked:
            return frames[-1]
        if v.damage >= 50 and len(frames) > 2:
            return frames[1]
        return frames[0]

    def _draw_effects(self, surface: pygame.Surface, cam: tuple[int, int]) -> None:
        sim = self.sim
        r = sim.rostavili
        t = sim.steps
        # Damage shows on his bus: dents (dark patches), then smoke, then fire at the wreck.
        if r.damage > 0:
            fx, fy = r.forward
            dents = int(r.damage // 20)
            for k in range(dents):
                a = (k * 0.37) % 1.0 - 0.5
                px = r.x + fx * a * r.spec.length * 0.8 - cam[0]
                py = r.y + fy * a * r.spec.length * 0.8 - cam[1]
                pygame.draw.circle(surface, (60, 55, 50), (round(px), round(py)), 2)
        if r.damage >= 40:
            fx, fy = r.forward
            for k in range(3):
                age = (t + k * 11) % 33
                px = r.x - fx * (r.spec.length / 2 + age * 0.6) - cam[0]
                py = r.y - fy * (r.spec.length / 2 + age * 0.6) - cam[1] - age * 0.3
                grey = 70 + age * 3
                pygame.draw.circle(surface, (grey, grey, grey), (round(px), round(py)), 2 + age // 10)
        if sim.phase == "crashed":
            debris.draw(surface, cam, r.x, r.y, r.heading, sim.crash_timer)
            if (t // 6) % 2 == 0:
                pygame.draw.circle(surface, (250, 140, 30), (round(r.x - cam[0]), round(r.y - cam[1])), 5)
        # A marker over his bus so he reads at a glance without relying on colour.
        mx, my = round(r.x - cam[0]), round(r.y - cam[1] - 16)
        surface.blit(self._marker(surface), (mx - 4, my - 5))  # the triangles' pixels, drawn once
        # The level-crossing lights flash once the train is called.
        if sim.train is not None:
            c = sim.crossing
            on = (t // 15) % 2 == 0
            for lx, ly in ((c.x - 4, c.y - 4), (c.x + c.width + 4, c.y + c.height + 4)):
                col = (255, 40, 30) if on else (70, 20, 20)
                pygame.draw.circle(surface, (20, 20, 20), (round(lx - cam[0]), round(ly - cam[1])), 4)
                pygame.draw.circle(surface, col, (round(lx - cam[0]), round(ly - cam[1])), 3)
        if sim.player.scraping and (t // 2) % 2 == 0:
            p = sim.player
            for cx, cy in p.corners():
                if (t + int(cx)) % 3 == 0:
                    surface.fill((255, 220, 120), (round(cx - cam[0]), round(cy - cam[1]), 2, 2))

    def _marker(self, surface: pygame.Surface) -> pygame.Surface:
        """The marker over his bus drawn once in `surface`'s pixel format, black around it left out."""
        key = (surface.get_bitsize(), surface.get_masks())
        mark = self._markers.get(key)
        if mark is None:
            mark = self._markers[key] = pygame.Surface((9, 6), 0, surface)
            mark.fill((0, 0, 0))  # neither of the marker's colours
            _draw_marker(mark, 4, 5)
            mark.set_colorkey((0, 0, 0))
        return mark

    def _draw_hud(self, surface: pygame.Surface) -> None:
        sim = self.sim
        font = load_font()
        w, h = surface.get_size()
        seen = sim.on_screen(sim.rostavili)
        left = sim.catch_left
        catch = sim.phase != "crashed" and (not seen or left < 1.0)
        # His damage and the catch bar: the last frame's blits again while they show the same; the speed
        # (bottom right, clear of both) changes most frames, so it is drawn on its own
        shown = (font, (w, h), _filled(DAMAGE_BAR[2], sim.rostavili.damage / 100),
                 catch and (_filled(CATCH_W, left), _catch_colour(left, sim.steps)))
        self._hud_kept.draw(surface, shown, self._draw_gauges, font, catch)
        kmh = _kmh(sim.player.speed)
        if kmh < len(self._speed_labels):  # what label_on_backing blits there, made at enter
            image = self._speed_labels[kmh]
            surface.blit(image, image.get_rect(bottomright=(w - 2, h - 2)))
        else:
            ui.label_on_backing(surface, font, _speed_text(kmh), (w - 2, h - 2), anchor="bottomright")
        if catch and not seen:
            self._draw_pointer(surface)
        if self._message_steps > 0 and self._message:
            surface.blit(*self._message_label(font, (w, h)))

    def _message_label(self, font: Any, size: tuple[int, int]) -> tuple[pygame.Surface, pygame.Rect]:
        """The message's label and where it goes (what label_on_backing blits), kept while the message, the
        controls card (the message moves clear of it), the font and the screen size are the same."""
        showing = self.drive_hint.showing
        key = (self._message, showing, font, size)
        held = self._message_held
        if held is None or held[0] != key:
            w, h = size
            at, anchor = ((w - 4, h - 16), "bottomright") if showing else ((w // 2, h - 14), "midbottom")
            image = ui.label_image(font, self._message, INK, PANEL, (3, 2))
            held = self._message_held = (key, image, image.get_rect(**{anchor: at}))
        return held[1], held[2]

    def _draw_gauges(self, surface: pygame.Surface, font: Any, catch: bool) -> None:
        """His bus's damage bar (one painted block per fill) and the catch bar when it shows."""
        frac = self.sim.rostavili.damage / 100
        fill = _filled(DAMAGE_BAR[2], frac)
        surface.blit(ui.painted_part(("chase damage", font, fill), DAMAGE_BLOCK, surface, _paint_damage, font, frac),
                     DAMAGE_BLOCK.topleft)
        if catch:
            self._draw_catch_bar(surface, font)

    def _draw_catch_bar(self, surface: pygame.Surface, font: Any) -> None:
        """"CATCH HIM" over a bar that shrinks while he is off screen, on a dark panel, top centre."""
        sim = self.sim
        w = surface.get_width()
        bar_w = CATCH_W
        x, y = (w - bar_w) // 2, 3
        label_h = font.size("CATCH HIM")[1]
        left = sim.catch_left
        colour = _catch_colour(left, sim.steps)
        block = pygame.Rect(x - 4, y, bar_w + 8, label_h + 11)
        fill = _filled(bar_w, left)  # what the bar shows (ui.bar): one painted block each
        surface.blit(ui.painted_part(("catch", font, fill, colour), block, surface, _paint_catch, font, block,
                                     left, colour), block.topleft)

    def _draw_pointer(self, surface: pygame.Surface) -> None:
        """An arrow at the screen edge, on a dark disc, pointing toward his bus."""
        sim = self.sim
        w, h = surface.get_size()
        cx, cy = w / 2, h / 2
        dx = sim.rostavili.x - (sim.camera.x + cx)
        dy = sim.rostavili.y - (sim.camera.y + cy)
        scale = min((cx - 14) / max(abs(dx), 1e-6), (cy - 14) / max(abs(dy), 1e-6))
        px, py = cx + dx * scale, cy + dy * scale
        a = math.atan2(dy, dx)
        tip = (px + math.cos(a) * 9, py + math.sin(a) * 9)
        left = (px + math.cos(a + 2.4) * 8, py + math.sin(a + 2.4) * 8)
        right = (px + math.cos(a - 2.4) * 8, py + math.sin(a - 2.4) * 8)
        pygame.draw.circle(surface, PANEL, (round(px), round(py)), 11)
        pygame.draw.polygon(surface, ACCENT, [tip, left, right])
        pygame.draw.polygon(surface, INK, [tip, left, right], 1)

    def _default_finale(self, sim: ChaseSim, on_done: OnDone) -> BaseScene | None:
        """The fight on foot by the wreck: the combat LevelSim on the same streets, Danko by his bus."""
        from game.modes.chase.finale import finale_tilemap
        from game.modes.level.scene import LevelScene
        from game.modes.level.sim import LevelSim

        extra = {"difficulty": self.difficulty} if self.difficulty is not None else {}
        level = LevelSim(finale_tilemap(sim), seed=sim.seed, flags=dict(self.flags), **extra)
        return LevelScene(level, on_done=on_done, pause=self.pause, audio=self.audio)  # type: ignore[arg-type]



DAMAGE_BLOCK = pygame.Rect(3, 3, 86, 17)  # his bus's damage: a panel, its label and the bar
DAMAGE_BAR = (5, 14, 82, 4)
CATCH_W = 96  # the catch bar's width


def _kmh(speed: float) -> int:
    """The speedometer's reading for a speed in px a step."""
    return round(abs(speed) * STEP_HZ / 16 * 3.6 * 2.2)


def _speed_text(kmh: int) -> str:
    return f"{kmh:3d} km/h"


def _draw_marker(surface: pygame.Surface, mx: int, my: int) -> None:
    """The red triangle over his bus, dark-rimmed, its tip at (mx, my)."""
    pygame.draw.polygon(surface, (250, 60, 60), [(mx - 4, my - 5), (mx + 4, my - 5), (mx, my)])
    pygame.draw.polygon(surface, (20, 10, 10), [(mx - 4, my - 5), (mx + 4, my - 5), (mx, my)], 1)


def _filled(width: int, frac: float) -> int:
    """How many of a bar's `width` pixels `frac` fills, as ui.bar fills them."""
    return max(0, min(width, round(width * frac)))


def _catch_colour(left: float, steps: int) -> tuple[int, int, int]:
    """The catch bar's colour: gold, orange, red, and the last quarter flashing."""
    colour = GOLD if left > 0.5 else (250, 130, 40) if left > 0.25 else WARN
    if left <= 0.25 and (steps // 8) % 2:
        colour = RULE
    return colour


def _paint_damage(surface: pygame.Surface, font: Any, frac: float) -> None:
    """His bus's damage block: the panel, "HIS BUS DAMAGE" and the bar filled to `frac`."""
    ui.panel(surface, DAMAGE_BLOCK)
    ui.label_on_backing(surface, font, "HIS BUS DAMAGE", DAMAGE_BLOCK.topleft)
    ui.bar(surface, DAMAGE_BAR, frac, (220, 60, 40), (60, 60, 64), outline=None)


def _paint_catch(surface: pygame.Surface, font: Any, block: pygame.Rect, left: float, colour: tuple) -> None:
    """"CATCH HIM" over a bar filled to `left` in `colour`, on a framed panel filling `block`."""
    ui.panel(surface, block, edge=RULE)
    ui.label_on_backing(surface, font, "CATCH HIM", (block.centerx, block.y + 1), INK, anchor="midtop")
    ui.bar(surface, (block.x + 4, block.bottom - 6, block.width - 8, 4), left, colour, (60, 60, 64), outline=None)
