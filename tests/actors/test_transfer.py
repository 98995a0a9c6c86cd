"""The transfer ambush (levels/transfer.tmx): Gallagher is shot where Danko can see it, after an aim a
person has time to read; Rostavili gets away by car whatever Danko does; the level is won only when
the attackers are driven off; and the scripted `aim` command is checked like the others."""
from conftest import level_map

from game.actors.objects import parse_script
from game.input.actions import Action, EdgeTracker
from game.input.replay import load_replay
from game.modes.events import Dialogue, ObjectiveChanged, of_type
from game.modes.level.autopilot import Autopilot
from game.modes.level.sim import WON, LevelSim
from game.paths import LEVELS, ROOT

REPLAYS = ROOT / "tests" / "replays"
VIEW = (320, 180)
REACTION = 15  # steps: 250 ms


def _sim(difficulty="normal"):
    return LevelSim(level_map("transfer"), seed=0, difficulty=difficulty)


def _npc(sim, name):
    return next(n for n in sim.npcs if n.name == name)


def _replayed():
    """The stored replay, stepped; yields the sim after each step with that step's events."""
    sim, edges = _sim(), EdgeTracker()
    for mask in load_replay(REPLAYS / "transfer.rep"):
        sim.step(edges.frame(mask))
        yield sim, list(sim.events)
        if sim.outcome:
            return


def test_gallagher_is_shot_on_screen_after_an_aim_danko_can_read():
    aimed_at = shot_at = None
    for sim, events in _replayed():
        if aimed_at is None and any(fx.kind == "aim" for fx in sim.effects):
            aimed_at = sim.steps
        if shot_at is None and _npc(sim, "gallagher").state == "fallen":
            shot_at = sim.steps
            px, py = sim.player.body.feet
            shooter = next(e for e in sim.enemies if e.name == "Shooter")
            gallagher = _npc(sim, "gallagher")
            for x, y in ((gallagher.x, gallagher.y), shooter.body.feet):  # both inside the view round Danko
                assert abs(x - px) < VIEW[0] / 2 and abs(y - py) < VIEW[1] / 2
            assert (gallagher.x, gallagher.y) == sim.spec.markers["gal_check"]  # he walked there, then fell
            assert any(fx.kind == "tracer" for fx in sim.effects)
    assert aimed_at is not None and shot_at is not None
    assert shot_at - aimed_at >= 4 * REACTION  # the "!" and the aim line stand for over a second


def test_the_attackers_are_driven_off_zone_by_zone_and_rostavili_is_gone():
    objectives, said = [], []
    for sim, events in _replayed():
        objectives += [e.text for e in of_type(events, ObjectiveChanged)]
        said += of_type(events, Dialogue)
    assert sim.outcome == WON
    order = ["Gunman! By that car!", "Gallagher is down!", "Take cover by the cars. Drive his men off",
             "Rostavili is getting away! Hold them off", "His men from the truck! Clear them out",
             "Under the bridge: watch the pillars", "Their last stand! Drive them off", "They are running. It's over"]
    assert [o for o in objectives if o in order] == order
    assert Dialogue("transfer_ambush", "during") in said and Dialogue("transfer_ambush", "outro") in said
    assert not [e for e in sim.live if e.alive and e.hostile]                # every attacker down
    assert _npc(sim, "rostavili").state == "gone"                           # he got in...
    assert next(b for b in sim.buses if b.name == "getaway").state == "gone"  # ...and it drove off the map


def test_rostavili_gets_away_whatever_danko_does():
    """Danko runs at Rostavili and punches and shoots the whole way: he is never touched and the car leaves."""
    sim, edges, pilot = _sim("easy"), EdgeTracker(), None
    rostavili = _npc(sim, "rostavili")
    for _ in range(60 * 30):
        if rostavili.state in ("walk", "flee", "stand"):
            dx, dy = rostavili.x - sim.player.body.feet[0], rostavili.y - sim.player.body.feet[1]
            mask = (Action.RIGHT if dx > 4 else Action.LEFT if dx < -4 else 0) | \
                   (Action.DOWN if dy > 4 else Action.UP if dy < -4 else 0)
            mask |= (Action.PUNCH, Action.SHOOT, Action.SPECIAL, 0)[sim.steps % 4]
        else:
            pilot = pilot or Autopilot(sim)
            mask = pilot.decide()
        sim.step(edges.frame(int(mask)))
        if sim.outcome:
            break
    assert rostavili.state == "gone"
    assert next(b for b in sim.buses if b.name == "getaway").state == "gone"


def test_the_aim_command_takes_a_shooter_a_target_and_whole_steps():
    commands, problems = parse_script("aim shooter gallagher 80; shoot shooter gallagher")
    assert [c.name for c in commands] == ["aim", "shoot"] and not problems
    assert parse_script("aim shooter gallagher soon")[1] == ["script: 'aim' needs a whole number of steps, got 'soon'"]
    assert parse_script("aim shooter")[1] == ["script: 'aim' takes 3 argument(s), got 1"]
