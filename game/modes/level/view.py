"""How an action level looks: actors from the sprite sheets, tells, hit flashes and i-frame blinks,
steam vents, pickups, doors, sparks and tracers. Draw-only: everything is read from the LevelSim,
and animation runs on the game clock (`sim.steps`), never the wall clock."""
from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING, Any

import pygame

from game.modes.level import derringer, escape, goals, marks, pointers, vents_view
from game.modes.level.vents_view import STEAM_ALPHA  # noqa: F401  (part of the view's API: tests read it)
from game.modes.level.vents_view import translucent as _translucent
from game.modes.level.buses import footprint
from game.sprites import dressed, map_dress
from game.ui import draw as ui
from game.ui.palette import GREEN
from game.world.render import Sprite
from game.world.surfaces import displayed

if TYPE_CHECKING:  # pragma: no cover
    from game.actors.enemies import Enemy
    from game.modes.level.sim import LevelSim

log = logging.getLogger(__name__)

TELL_RED = (236, 56, 40)      # an enemy's wind-up: red outline, "!" and ground mark
FLASH = (255, 255, 255)       # a fighter just hit: white
INK = (16, 12, 10)            # the dark rim round every warning, readable on light floors
HOT = (255, 228, 150)         # the heart of the heavy's slam mark
BLINK_ALPHA = 170             # Danko's after-hit blink: mostly solid, now and then this translucent, never gone
BUS_ANGLES = 64               # a turning bus is drawn at this many headings
CULL = 64                     # px round the view beyond which a person's sprite (at most 26x34) cannot reach it
GOLD = (240, 200, 90)         # Danko's own colour: his ring, and his contour through whoever stands in front
COVERED = 0.25                # the share of Danko's sprite box that someone drawn over him hides before he is outlined


def _placeholder(color: tuple[int, int, int]) -> Any:
    """A 16x24 stand-in figure when a sprite sheet is missing."""
    s = pygame.Surface((16, 24), pygame.SRCALPHA)
    s.fill((224, 176, 140), (5, 3, 6, 5))
    s.fill(color, (3, 9, 10, 11))
    s.fill((40, 40, 48), (4, 20, 3, 4))
    s.fill((40, 40, 48), (9, 20, 3, 4))
    return s


class _Sheet:
    """A character's frames, or a coloured placeholder when the sheet cannot be loaded. Frames are
    taken into the display's pixel format on first use: the sheets load in RGBA byte order, and a blit
    from that onto the canvas is SDL's slow conversion path (11 us a 16x24 frame where the converted one
    takes 1.7; the sheets' alpha is 0 or 255, so the pixels drawn are the same)."""

    def __init__(self, name: str) -> None:
        self.sprites = None
        self._frames: dict[tuple[str, str], tuple[pygame.Surface, ...]] = {}
        try:
            from game.sprites import load_character

            self.sprites = load_character(name)
        except Exception as exc:  # a missing sheet must never stop the game
            log.warning("sprite sheet %r unavailable (%s); using a placeholder", name, exc)
            self.fallback = _placeholder((110, 114, 120) if name == "danko" else (120, 60, 50))

    def frame(self, anim: str, facing: str, step: int) -> pygame.Surface:
        frames = self._frames.get((anim, facing))
        if frames is None:
            if self.sprites is None:
                return self.fallback
            try:
                frames = self.sprites.frames(anim, facing)
            except KeyError:  # an anim this sheet lacks: a pocket walk (the assassin's) walks, the rest stand
                frames = self.sprites.frames("walk" if anim == "pocket" else "idle", facing)
            frames = tuple(displayed(f) for f in frames)
            self._frames[(anim, facing)] = frames
        return frames[(step // 8) % len(frames)]


def _silhouette(image: pygame.Surface, color: tuple[int, int, int]) -> pygame.Surface:
    """The sprite's shape filled with one colour (the hit flash)."""
    mask = pygame.mask.from_surface(image)
    return mask.to_surface(setcolor=(*color, 255), unsetcolor=(0, 0, 0, 0))


def _contour(image: pygame.Surface, color: tuple[int, int, int]) -> pygame.Surface:
    """Only the one-pixel line round the sprite's shape, one pixel bigger each side (Danko seen through
    whoever stands in front of him: they stay visible inside it)."""
    mask = pygame.mask.from_surface(image)
    grown = pygame.mask.Mask((image.get_width() + 2, image.get_height() + 2))
    for dx, dy in ((0, 1), (2, 1), (1, 0), (1, 2)):
        grown.draw(mask, (dx, dy))
    grown.erase(mask, (1, 1))
    return grown.to_surface(setcolor=(*color, 255), unsetcolor=(0, 0, 0, 0))


def _outlined(image: pygame.Surface, color: tuple[int, int, int]) -> pygame.Surface:
    """The sprite unchanged inside its contour of `color` (the wind-up tell)."""
    out = _contour(image, color)
    out.blit(image, (1, 1))
    return out


def pose(state: str, body: Any) -> str:
    """A fighter's animation when he is not attacking: reeling, lying (down, dead, out), walking, standing."""
    if state == "hurt":
        return "hurt"
    if state in ("down", "dead", "out"):
        return "down"
    return "walk" if abs(body.vx) + abs(body.vy) > 0.2 else "idle"


def _covered(danko: Sprite, sprites: list[Sprite]) -> bool:
    """Whether the boxes of the sprites drawn after Danko's (standing in front of him) overlap COVERED of his
    sprite's box, overlaps summed."""
    w, h = danko.image.get_size()
    x0, y0, x1, y1 = danko.x, danko.y, danko.x + w, danko.y + h
    hidden = 0
    for s in sprites:
        if s.sort_y > danko.sort_y:
            sw, sh = s.image.get_size()
            hidden += max(0, min(x1, s.x + sw) - max(x0, s.x)) * max(0, min(y1, s.y + sh) - max(y0, s.y))
    return hidden >= COVERED * w * h


class LevelView:
    def __init__(self, costume: str = "danko") -> None:
        self.costume = costume  # the player's sprite sheet (the beat's costume in levels/story.toml)
        self._sheets: dict[str, _Sheet] = {}
        self._effects: dict[tuple[str, bool], tuple[pygame.Surface, ...]] = {}
        self._cache: dict[tuple, pygame.Surface] = {}
        self._columns: dict[tuple, pygame.Surface] = {}  # blowing vents' steam columns (see _steam_column)
        self._dressed: dict[str, _Sheet] = {}  # each enemy kind's sheet in the dress of `_dressed_for`'s map
        self._dressed_for: Any = None

    def sheet(self, name: str) -> _Sheet:
        if name not in self._sheets:
            self._sheets[name] = _Sheet(name)
        return self._sheets[name]

    def effect(self, name: str, convert: bool = True) -> tuple[pygame.Surface, ...]:
        """An effect's frames; with `convert`, in the display's format (see _Sheet). Frames drawn at a
        surface alpha stay as loaded (`convert=False`): that blend rounds differently by format."""
        key = (name, convert)
        if key not in self._effects:
            try:
                from game.sprites import load_effect

                frames = load_effect(name)
                if convert:
                    frames = tuple(displayed(f) for f in frames)
                self._effects[key] = frames
            except Exception as exc:
                log.warning("effect %r unavailable (%s)", name, exc)
                dot = pygame.Surface((6, 6), pygame.SRCALPHA)
                pygame.draw.circle(dot, (255, 240, 200), (3, 3), 3)
                self._effects[key] = (dot,)
        return self._effects[key]

    def _tinted(self, image: pygame.Surface, color: tuple[int, int, int]) -> pygame.Surface:
        key = (id(image), color)
        if key not in self._cache:
            self._cache[key] = _silhouette(image, color)
        return self._cache[key]

    def _cached(self, key: tuple, make: Any, *args: Any) -> pygame.Surface:
        if key not in self._cache:
            self._cache[key] = make(*args)
        return self._cache[key]

    # --- sprites for the renderer's y-sorted pass --------------------------------------------
    def sprites(self, sim: "LevelSim", view: tuple[int, int, int, int] | None = None) -> list[Sprite]:
        """The y-sorted sprites of the level; with `view` (x, y, w, h on the map), the pickups, people and
        fighters standing more than CULL px outside it are left out (their sprites would be clipped whole)."""
        dress = map_dress(sim.tilemap)  # the thugs' dress in this map (the bathhouse's towels)
        if dress != self.dress or self._dressed_for is not sim.tilemap:
            self.dress, self._dressed_for, self._dressed = dress, sim.tilemap, {}
        out: list[Sprite] = []
        step = sim.steps
        if view is None:
            left = top = -math.inf
            right = bottom = math.inf
        else:
            left, top, right, bottom = view[0] - CULL, view[1] - CULL, view[0] + view[2] + CULL, view[1] + view[3] + CULL
        out.extend(self._ground_marks(sim))
        for item in sim.pickups:
            if item.taken or (item.kind == "ammo" and not sim.player.armed):
                continue
            if not (left <= item.x <= right and top <= item.y <= bottom):
                continue
            image = self._pickup_image(item.kind, step)
            out.append(Sprite(image, round(item.x - 6), round(item.y - 8 - (step // 15) % 2), item.y))
        out.extend(self._buses(sim, view))
        for npc in sim.npcs:
            if npc.state == "hidden":
                continue
            if npc.state == "gone":
                continue
            if npc.sprite.startswith(marks.VEHICLE):
                out.append(marks.vehicle_sprite(npc))
                continue
            if not (left <= npc.x <= right and top <= npc.y <= bottom):
                continue
            image = self.sheet(npc.sprite).frame(marks.npc_anim(npc), npc.facing, step)
            out.append(Sprite(image, round(npc.x - image.get_width() // 2), round(npc.y - image.get_height()), npc.y))
        for e in sim.live:
            b = e.body
            fx, fy = b.x + b.w / 2, b.y + b.h  # his feet (Body.feet), read once
            if not (left <= fx <= right and top <= fy <= bottom):
                continue
            sprite = self._enemy_sprite(e, step, (fx, fy))
            if sprite is not None:
                out.append(sprite)
        danko = self._player_sprite(sim, step)
        out.append(danko)
        if sim.player.state != "dead" and _covered(danko, out):
            out.append(Sprite(self._cached(("contour", id(danko.image)), _contour, danko.image, GOLD),
                              danko.x - 1, danko.y - 1, 1e9))  # over everyone: he is never lost in a crowd
        return out

    def _buses(self, sim: "LevelSim", view: tuple[int, int, int, int] | None = None) -> list[Sprite]:
        """The level's buses from the vehicle art (drawn nose up), turned to their heading, y-sorted by
        their lowest edge so a fighter in front of one stands before it; with `view`, those reaching it."""
        out = []
        for bus in sim.buses:
            if bus.state == "gone":
                continue
            if view is not None:  # turned any way, the art stays within half its length + width of the middle
                reach = (bus.length + bus.width) / 2 + 2
                if bus.x + reach < view[0] or bus.x - reach > view[0] + view[2] \
                        or bus.y + reach < view[1] or bus.y - reach > view[1] + view[3]:
                    continue
            k = round(math.degrees(bus.heading) / 360 * BUS_ANGLES) % BUS_ANGLES
            image = self._cached(("bus", bus.sprite, k), _bus_image, bus.sprite, k, bus.length, bus.width)
            w, h = image.get_size()
            out.append(Sprite(image, round(bus.x - w / 2), round(bus.y - h / 2), bus.y + h / 2 - 4))
        return out

    def _player_sprite(self, sim: "LevelSim", step: int) -> Sprite:
        p = sim.player
        b = p.body
        if p.state == "attack" and p.attack is not None:
            name = p.attack.name
            anim = "shoot" if name == "shoot" else "kick" if "kick" in name else "punch"
            if name == "charge":
                anim = "punch"
            if p.attack.phase(p.timer) == "startup" and name != "charge":
                anim = "idle"
        else:
            anim = pose(p.state, b)
        image = self.sheet(self.costume).frame(anim, b.facing, step)
        fx, fy = b.feet
        if p.iframes and p.state not in ("dead",):
            image = self.blink(image, p.state == "hurt", step)
        return Sprite(image, round(fx - image.get_width() // 2), round(fy - image.get_height()), fy)

    def blink(self, image: pygame.Surface, hurt: bool, step: int) -> pygame.Surface:
        """A fighter's invulnerable frames: reeling from a hit, a white flash; otherwise (and after a
        respawn) a blink that is solid three frames in four, so he never turns into a ghost in a crowd."""
        if (step // 4) % 4:
            return image
        if hurt:
            return self._tinted(image, FLASH)
        return self._cached(("faint", id(image)), _translucent, image, BLINK_ALPHA)

    def _enemy_sprite(self, e: "Enemy", step: int, feet: tuple[float, float] | None = None) -> Sprite | None:
        b = e.body
        s = e.state
        attack = e.attack
        if s in ("down", "dying", "getup"):
            anim = "down" if s != "getup" or e.timer < 8 else "hurt"
        elif s == "hurt":
            anim = "hurt"
        elif s == "attack" and attack is not None:
            anim = "shoot" if attack.ranged else "kick" if "kick" in attack.name or attack.name == "slam" else "punch"
        elif s == "tell" and attack is not None and attack.ranged:
            anim = "punch" if derringer.flicking(e) else "shoot"  # Rostavili's wrist flick, then aim
        else:
            anim = "walk" if abs(b.vx) + abs(b.vy) > 0.15 else "idle"
        sheet = self._dressed.get(e.kind.sprite)  # this map's dress of his kind's sheet (sprites() keeps it)
        if sheet is None or self._dressed_for is None:  # drawn without sprites() first: looked up plainly
            sheet = self._dressed[e.kind.sprite] = self.sheet(dressed(e.kind.sprite, self.dress))
        image = sheet.frame(anim, b.facing, step + e.id)
        if s == "dying" and e.timer > 20 and (step // 3) % 2 == 0:
            return None  # the beaten thug blinks out
        pad = 0
        if e.flash and e.flash % 4 < 2:
            image = self._tinted(image, FLASH)
        elif s == "tell":
            # The tell: a red outline round the enemy (never a filled shape, which the white flash is).
            image = self._cached(("tell", id(image)), _outlined, image, TELL_RED)
            pad = 1
        fx, fy = b.feet if feet is None else feet
        dx = 0
        if s == "tell" and attack is not None and not attack.ranged:
            dx = 1 if (e.timer // 2) % 2 else -1  # a wind-up shiver
        w, h = image.get_width() - 2 * pad, image.get_height() - 2 * pad
        return Sprite(image, round(fx - w // 2 + dx - pad), round(fy - h - pad), fy)

    def _ground_marks(self, sim: "LevelSim") -> list[Sprite]:
        """Floor marks drawn under everyone: Danko's ring, steam vent plates and the red mark of a heavy blow."""
        out = self._hazard_plates(sim)
        if sim.player.state != "dead":  # a ring at his feet: the player is never lost in a crowd
            fx, fy = sim.player.body.feet
            ring = self._cached(("ring",), marks.feet_ring)
            out.append(Sprite(ring, round(fx - ring.get_width() / 2), round(fy - ring.get_height() / 2 - 1), -1e9))
        for e in sim.live:
            if e.state == "tell" and e.attack is not None and not e.attack.ranged and e.attack.size >= 18:
                a = e.attack
                fx, fy = e.body.feet
                cx, cy = fx + e.aim[0] * a.reach, fy - 3 + e.aim[1] * a.reach
                r = int(a.size * 0.7)
                alpha = 180 + int(60 * min(1.0, e.timer / max(1, a.startup)))
                mark = self._cached(("mark", r, alpha // 30), _slam_mark, r, alpha // 30 * 30)
                out.append(Sprite(mark, round(cx - r), round(cy - r / 2), -1e9))
        return out

    _hazard_plates = vents_view.plates  # the vents' floor plates and their steam: game.modes.level.vents_view
    _hazards = vents_view.draw

    def _pickup_image(self, kind: str, step: int) -> pygame.Surface:
        key = ("pickup", kind)
        if key not in self._cache:
            s = pygame.Surface((12, 10), pygame.SRCALPHA)
            if kind == "first_aid":
                s.fill((20, 16, 18), (0, 0, 12, 10))
                s.fill((236, 232, 224), (1, 1, 10, 8))
                s.fill((210, 30, 36), (5, 2, 2, 6))
                s.fill((210, 30, 36), (3, 4, 6, 2))
            else:
                s.fill((20, 16, 18), (0, 1, 12, 9))
                s.fill((112, 96, 52), (1, 2, 10, 7))
                for i in range(3):
                    s.fill((232, 184, 72), (2 + i * 3, 0, 2, 5))
            self._cache[key] = s
        return self._cache[key]

    # --- drawn over the map and actors --------------------------------------------------------
    def draw_over(self, surface: pygame.Surface, sim: "LevelSim", cam: tuple[int, int]) -> None:
        cx, cy = cam
        step = sim.steps
        self._doors(surface, sim, cx, cy, step)
        self._hazards(surface, sim, cx, cy, step)
        for e in sim.live:
            if e.state == "tell" and e.attack is not None:
                self._tell_marks(surface, e, cx, cy, step)
            elif e.state == "script" and self.font is not None:  # a scripted walk: say who it is
                fx, fy = e.body.feet
                ui.label_on_backing(surface, self.font, e.name.upper(), (round(fx - cx), round(fy - cy) - 27),
                                    TELL_RED, anchor="midbottom")
        for b in sim.bullets:
            pygame.draw.line(surface, (255, 236, 160), (round(b.x - cx), round(b.y - cy)),
                             (round(b.x - b.vx * 1.5 - cx), round(b.y - b.vy * 1.5 - cy)), 2)
        for fx in sim.effects:
            self._effect(surface, fx, cx, cy)
        marks.draw_marks(surface, sim, cx, cy, step)
        self._drivers(surface, sim, cx, cy, step)
        self._goal_arrows(surface, sim, cx, cy, step)

    def _tell_marks(self, surface: pygame.Surface, e: "Enemy", cx: int, cy: int, step: int) -> None:
        fx, fy = e.body.feet
        x, y = round(fx - cx), round(fy - cy)
        # "!" above the head, growing more urgent as the strike nears.
        urgent = e.attack is not None and e.timer > e.attack.startup * 0.6
        color = TELL_RED if urgent or (e.timer // 6) % 2 == 0 else (255, 220, 120)
        surface.fill((20, 10, 10), (x - 2, y - 35, 5, 9))
        surface.fill(color, (x - 1, y - 34, 3, 5))
        surface.fill(color, (x - 1, y - 28, 3, 2))
        if derringer.is_derringer(e):
            derringer.draw(surface, e, (cx, cy))
            if derringer.flicking(e):
                return  # the gun is not in his hand yet: no aim line
        if e.attack is not None and e.attack.ranged:
            # The gunman's aim: a dotted laser line that tightens and stops tracking before the shot.
            ax, ay = e.aim
            ox, oy = fx + ax * 7, fy - 10 + ay * 7
            length = 110
            gap = 6 if urgent else 9
            for d in range(0, length, gap):
                px, py = round(ox + ax * d - cx), round(oy + ay * d - cy)
                surface.fill(TELL_RED, (px, py, 2 if urgent else 1, 2 if urgent else 1))

    def _doors(self, surface: pygame.Surface, sim: "LevelSim", cx: int, cy: int, step: int) -> None:
        sw, sh = surface.get_size()
        for d in sim.spec.doors:
            if not sim.door_closed(d.id):
                continue
            x, y = round(d.rect.x - cx), round(d.rect.y - cy)
            w, h = round(d.rect.w), round(d.rect.h)
            if x >= sw or y >= sh or x + w <= 0 or y + h <= 0:
                continue  # off the screen: its blit would draw nothing
            lit = (step // 20) % 2 == 1
            surface.blit(self._cached(("door", w, h, lit), _door, w, h, lit), (x, y))

    def _drivers(self, surface: pygame.Surface, sim: "LevelSim", cx: int, cy: int, step: int) -> None:
        """A red marker over a driving bus with someone in it (Rostavili pulling out), as in the chase."""
        for bus in sim.buses:
            if bus.state == "driving" and bus.driver:
                top = footprint(bus).y
                mx, my = round(bus.x - cx), round(top - cy - 3 - (step // 8) % 2)
                pygame.draw.polygon(surface, (250, 60, 60), [(mx - 5, my - 6), (mx + 5, my - 6), (mx, my)])
                pygame.draw.polygon(surface, INK, [(mx - 5, my - 6), (mx + 5, my - 6), (mx, my)], 1)
                if self.font is not None:
                    ui.label_on_backing(surface, self.font, bus.driver.upper(), (mx, my - 8), TELL_RED,
                                        anchor="midbottom")

    def _goal_arrows(self, surface: pygame.Surface, sim: "LevelSim", cx: int, cy: int, step: int) -> None:
        """A green arrow over where the level goes next (at the screen edge when off it): with no fight on
        (nobody coming for him; a thug standing idle is no fight), the nearest of the places it wants him,
        never two ways at once; Ridzik, whenever he is out cold. A timed escape's ways out have their own
        arrows (escape_view), so none is drawn twice."""
        fx, fy = sim.player.body.feet
        if sim.partner is not None and sim.partner.out:
            target = sim.partner.body.feet
        elif not any(e.active and e.aggro for e in sim.live) and escape.of(sim) is None:
            choices = goals.next_goals(sim)
            if not choices:
                return
            target = min(choices, key=lambda g: (g[0] - fx) ** 2 + (g[1] - fy) ** 2)
        else:
            return
        pointers.arrow_to(surface, (target[0] - cx, target[1] - cy), step)

    def _effect(self, surface: pygame.Surface, fx: Any, cx: int, cy: int) -> None:
        x, y = round(fx.x - cx), round(fx.y - cy)
        if fx.kind in ("spark", "bigspark"):
            frames = self.effect("hit_spark")
            frame = frames[min(len(frames) - 1, fx.age * len(frames) // fx.life)]
            if fx.kind == "bigspark":
                frame = self._cached(("big", id(frame)), pygame.transform.scale, frame, (24, 24))
            surface.blit(frame, (x - frame.get_width() // 2, y - frame.get_height() // 2))
        elif fx.kind == "flash":
            frames = self.effect("muzzle_flash")
            frame = frames[min(len(frames) - 1, fx.age * len(frames) // fx.life)]
            surface.blit(frame, (x - 8, y - 8))
        elif fx.kind == "tracer":
            if fx.age < 3:
                pygame.draw.line(surface, (255, 244, 190), (x, y), (round(fx.x2 - cx), round(fx.y2 - cy)), 1)
        elif fx.kind == "dust":
            frames = self.effect("dust")
            frame = frames[min(len(frames) - 1, fx.age * len(frames) // fx.life)]
            surface.blit(frame, (x - 8, y - 12))
        elif fx.kind == "text" and self.font is not None:
            ui.label_on_backing(surface, self.font, fx.text, (x, y - fx.age // 3), GREEN, anchor="midtop")
        else:
            marks.effect(surface, fx, x, y, self.font)

    font: Any = None
    dress = ""


def _bus_image(sprite: str, k: int, length: float, width: float) -> pygame.Surface:
    """The vehicle art (nose up) turned to heading bin `k` of BUS_ANGLES; a plain box when the art is missing."""
    try:
        from game.sprites import load_vehicle

        image = load_vehicle(sprite)[0]
    except Exception as exc:  # a missing sheet must never stop the game
        log.warning("vehicle sprite %r unavailable (%s); using a box", sprite, exc)
        image = pygame.Surface((round(width), round(length)), pygame.SRCALPHA)
        image.fill((226, 222, 210))
        pygame.draw.rect(image, INK, image.get_rect(), 1)
    turned = pygame.transform.rotate(image, -90 - k * 360 / BUS_ANGLES)
    return displayed(turned)  # see _Sheet


def _door(w: int, h: int, lit: bool) -> pygame.Surface:
    """A closed door: dark planks and a red lock light, bright or dim (it blinks)."""
    door = pygame.Surface((w, h))
    door.fill((28, 22, 22))
    for i in range(0, w, 4):
        door.fill((92, 70, 52), (i + 1, 1, 2, h - 2))
    door.fill((200, 50, 40) if lit else (130, 30, 30), (w // 2 - 2, h // 2 - 2, 4, 4))
    return door


def _slam_mark(r: int, alpha: int) -> pygame.Surface:
    """The heavy's slam mark: a pale-hot ellipse in a red band inside a dark rim, readable on light and dark floors."""
    mark = pygame.Surface((r * 2, r), pygame.SRCALPHA)
    pygame.draw.ellipse(mark, (*INK, 235), mark.get_rect())
    pygame.draw.ellipse(mark, (*TELL_RED, alpha), mark.get_rect().inflate(-4, -4))
    pygame.draw.ellipse(mark, (*HOT, alpha), mark.get_rect().inflate(-8, -6))
    return mark
