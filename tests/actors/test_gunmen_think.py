"""A gunman out of sight thinks as every chaser out of sight does (`Enemy._chase` walks it along the flow field
itself, not by way of `_ranged_choice` and `_follow_flow`): a crowd with gunmen plays step for step as it did
when every gunman's think went through `_ranged_choice`, the form kept here as the reference."""
import math

from game.actors import enemies
from game.actors.enemies import THINK_EVERY, Enemy
from game.devtools.benchsim import _input_script, write_sim_level
from game.input.actions import Action, EdgeTracker
from game.modes.level.sim import LevelSim
from game.world.tilemap import load_tilemap


def through_ranged_choice(self, world, px, py, dead):
    """`Enemy._chase` as it was: every gunman's think asks `_ranged_choice` first, in sight or not."""
    k = self.kind
    b = self.body
    fx, fy = b.x + b.w / 2, b.y + b.h
    dx, dy = px - fx, py - fy
    dist = math.hypot(dx, dy)
    if (self.timer + self.id) % 4 == 0 or self.timer < THINK_EVERY:
        self.los = dist < 200 and world.grid.line_of_sight(fx, fy - 3, px, py - 3)
    if dead:
        self._steer_from(fx, fy, fx - dx, fy - dy, k.speed * 0.5) if dist < 40 else self._brake(0.3)
        return
    if self.los and dist > 1:
        b.face(dx, dy)
    if k.gun is not None and self._ranged_choice(world, dist, fx, fy, px, py):
        return
    if not self.los or dist > 80:
        self._follow_flow(world, k.speed, fx, fy, px, py)
        return
    can_attack = self.cooldown == 0 and world.attack_token_free(ranged=False)
    radius = k.ring if can_attack else k.ring + 18
    self._steer_from(fx, fy, px + math.cos(self.slot) * radius, py + math.sin(self.slot) * radius * 0.8, k.speed)
    if can_attack and dist < k.reach:
        melee = k.melee
        choice = melee[0] if len(melee) == 1 else melee[int(world.rng.integers(len(melee)))]
        self._begin(choice, world, dx, dy)


def trail(tilemap, steps=300):
    """Every step's hash, events and each enemy's steering, walking the bench's loop and punching now and then."""
    edges, sim, out = EdgeTracker(), LevelSim(tilemap, seed=4, difficulty="hard"), []
    masks = _input_script()
    for i in range(steps):
        sim.step(edges.frame(masks[i % len(masks)] | (int(Action.PUNCH) if i % 7 == 0 else 0)))
        out.append((sim.state_hash(), repr(sim.events),
                    [(e.body.vx, e.body.vy, e.body.facing, e.los, e.state, e.has_token) for e in sim.enemies]))
    return out


def test_a_crowd_with_gunmen_plays_as_when_they_all_thought_through_ranged_choice(tmp_path, monkeypatch):
    tilemap = load_tilemap(write_sim_level(tmp_path, 40))  # some of its gunmen see Danko from the start
    thinks = {True: 0, False: 0}  # gunmen's thinks in sight of their foe, and out of it
    real = Enemy._chase

    def counted(self, world, px, py, dead):
        real(self, world, px, py, dead)
        if self.kind.gun is not None and not dead:
            thinks[self.los] += 1

    monkeypatch.setattr(enemies.Enemy, "_chase", counted)
    now = trail(tilemap)
    monkeypatch.setattr(enemies.Enemy, "_chase", through_ranged_choice)
    assert trail(tilemap) == now
    assert thinks[False] > 100 and thinks[True] > 20, thinks  # the shortcut taken, and not
