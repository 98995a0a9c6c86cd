"""The level step's shortcuts answer exactly as the plain code they replace: the ray march, the doorway
test, the flow field made on first asking, the kept list of unfired triggers, the input frames handed out
again, and a checkpoint's copy that shares what never changes."""
import copy
import math
import random

from level_arena import enemy_xml, level

from game.actors.combat import SNAP8_KEYS, snap8
from game.input.actions import Action, EdgeTracker, InputFrame
from game.modes.level.autopilot import Autopilot
from game.modes.level.checkpoint import _copy
from game.modes.level.props import check_triggers
from game.modes.level.sim import LevelSim
from game.paths import LEVELS
from game.world.collision import Grid
from game.world.corners import blocked
from game.world.navigation import FlowField
from game.world.tilemap import load_tilemap


def _plain_ray_cast(grid, x0, y0, x1, y1):
    """The grid march as first written: every cell checked at the top of the loop."""
    t = grid.tile
    cx, cy = int(x0 // t), int(y0 // t)
    ex, ey = int(x1 // t), int(y1 // t)
    dx, dy = x1 - x0, y1 - y0
    step_x = 1 if dx > 0 else -1
    step_y = 1 if dy > 0 else -1
    t_dx = abs(t / dx) if dx else math.inf
    t_dy = abs(t / dy) if dy else math.inf
    nx = ((cx + (step_x > 0)) * t - x0) / dx if dx else math.inf
    ny = ((cy + (step_y > 0)) * t - y0) / dy if dy else math.inf
    at = 0.0
    for _ in range(abs(ex - cx) + abs(ey - cy) + 1):
        if not (0 <= cy < grid.rows and 0 <= cx < grid.cols) or grid.cells[cy][cx]:
            return at
        if cx == ex and cy == ey:
            return None
        if nx < ny:
            at, nx, cx = nx, nx + t_dx, cx + step_x
        else:
            at, ny, cy = ny, ny + t_dy, cy + step_y
    return None


def _segments(rnd, width, height, n):
    """Random segments on and off the map, with the awkward ones: axis-aligned, on cell edges, tiny."""
    for _ in range(n):
        x0, y0 = rnd.uniform(-20, width + 20), rnd.uniform(-20, height + 20)
        kind = rnd.randrange(5)
        if kind == 0:
            yield x0, y0, x0 + rnd.uniform(-120, 120), y0 + rnd.uniform(-120, 120)
        elif kind == 1:
            yield x0, y0, x0, y0 + rnd.choice([-48.0, -16.0, 16.0, 47.5])
        elif kind == 2:
            yield x0, y0, x0 + rnd.choice([-48.0, -16.0, 16.0, 47.5]), y0
        elif kind == 3:
            x0, y0 = float(round(x0 / 16) * 16), float(round(y0 / 16) * 16)
            yield x0, y0, x0 + rnd.choice([-32.0, 0.0, 16.0, 48.0]), y0 + rnd.choice([-32.0, 0.0, 16.0, 48.0])
        else:
            yield x0, y0, x0 + rnd.uniform(-3, 3), y0 + rnd.uniform(-3, 3)


def test_the_ray_march_answers_as_the_plain_march_everywhere():
    rnd = random.Random(16)
    for name in ("bathhouse", "hotel"):
        tilemap = load_tilemap(LEVELS / f"{name}.tmx")
        grid = Grid(tilemap.solid.copy(), tilemap.tile_w)
        rows, cols = tilemap.solid.shape
        for seg in _segments(rnd, cols * 16, rows * 16, 8000):
            got, want = grid.ray_cast(*seg), _plain_ray_cast(grid, *seg)
            assert got == want and type(got) is type(want), seg


def test_the_doorway_test_covers_what_the_cell_by_cell_test_covers():
    tilemap = load_tilemap(LEVELS / "bathhouse.tmx")
    grid = Grid(tilemap.solid.copy(), tilemap.tile_w)
    rows, cols = tilemap.solid.shape
    rnd = random.Random(3)
    for _ in range(8000):
        x, y = rnd.uniform(-30, cols * 16 + 10), rnd.uniform(-30, rows * 16 + 10)
        w, h = rnd.choice([(10.0, 6.0), (14.0, 8.0), (0.0, 6.0), (30.0, 20.0)])
        t = grid.tile
        c0, c1 = math.floor(x / t), math.floor((x + w - 1e-6) / t)
        r0, r1 = math.floor(y / t), math.floor((y + h - 1e-6) / t)
        want = any(grid.solid_at(c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
        assert blocked(grid, x, y, w, h) == want


def test_danko_aims_as_snap8_would():
    assert all(SNAP8_KEYS[dx, dy] == snap8(dx, dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1))


def test_the_field_toward_danko_is_made_on_first_asking_and_steps_as_one_made_at_once(write_level):
    sim = level(write_level, enemy_xml(10, "brawler", 280, 96))
    flows = sim.flows
    fx, fy = sim.player.body.feet
    flows.follow(sim.solid, fx, fy)
    assert not flows._kept  # nobody asked yet: no field made
    eager = FlowField(~sim.solid, (int(fx // sim.tile), int((fy - 1) // sim.tile)))
    cells = [(c, r) for r in range(sim.grid.rows) for c in range(sim.grid.cols)]
    assert [flows.step_from(float(c), float(r)) for c, r in cells] == [eager.direction(c, r) for c, r in cells]
    assert len(flows._kept) == 1
    flows.follow(sim.solid, fx, fy)  # the same tile: the field made stays
    assert flows.step_from.__self__ is next(iter(flows._kept.values()))


def test_triggers_fire_in_map_order_once_each_and_a_reload_reads_them_again(write_level):
    triggers = "".join(
        f'<object id="{i}" name="t{i}" type="trigger" x="0" y="0" width="400" height="300"><properties>'
        f'<property name="set_flag" value="f{i}"/>'
        + (f'<property name="requires" value="f{i - 1}"/>' if i > 2 else "") + '</properties></object>'
        for i in (2, 3, 4))
    sim = level(write_level, triggers)
    check_triggers(sim)
    assert sim.fired == [2, 3, 4]  # each one's flag lets the next fire in the same pass, as before
    check_triggers(sim)
    assert sim.fired == [2, 3, 4]
    sim.reload_map(sim.tilemap)
    check_triggers(sim)
    assert sim.fired == [2, 3, 4]


def test_edge_frames_are_handed_out_again_and_action_masks_keep_their_type():
    edges = EdgeTracker()
    a, b, c = edges.frame(1), edges.frame(1), edges.frame(0)
    assert (a.held, a.pressed, b.held, b.pressed, c.held) == (1, 1, 1, 0, 0)
    assert EdgeTracker().frame(1) is a and a == InputFrame(1, 1)
    flagged = EdgeTracker().frame(Action.UP | Action.PUNCH)
    assert isinstance(flagged.held, Action) and flagged.was_pressed(Action.PUNCH)
    assert a.is_held(Action.UP) and not a.is_held(Action.DOWN)


def test_a_checkpoint_copy_shares_only_what_never_changes_and_plays_on_the_same():
    sim = LevelSim(load_tilemap(LEVELS / "hotel.tmx"), seed=0, difficulty="hard")
    pilot, edges = Autopilot(sim), EdgeTracker()
    for _ in range(900):
        sim.step(edges.frame(pilot.decide()))
    saved = _copy(sim)
    e, s = sim.enemies[0], saved.enemies[0]
    assert s is not e and s.body is not e.body and s.kind is e.kind  # the kind is frozen: shared
    assert saved.flows is not sim.flows and saved.flows._solid is saved.solid
    assert saved.player.tuning is sim.player.tuning and saved.player.body is not sim.player.body
    plain = copy.deepcopy(sim.state())
    assert saved.state() == plain
    a, b = Autopilot(sim), Autopilot(saved)
    ea, eb = EdgeTracker(), EdgeTracker()
    for _ in range(600):
        sim.step(ea.frame(a.decide()))
        saved.step(eb.frame(b.decide()))
    assert saved.state_hash() == sim.state_hash()
