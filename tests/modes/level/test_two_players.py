"""Two players: a second player takes Ridzik over (Confirm on his set) and hands him back (Skip); both
streams ride in one mask a step, so a two-player run records and replays to the same hash, and old
one-player replays read as two-player ones whose second stream is silent."""
from level_arena import enemy_xml, level

from game.input.actions import Action, EdgeTracker, InputFrame, two_players
from game.input.replay import REPLAY_HEADER, REPLAY_HEADER_2P, decode_replay, encode_replay
from game.modes.level import copilot
from game.modes.level.partners import LEASH_W
from game.modes.level.sim import WON, run_headless

PARTNER = '<object id="90" type="partner_spawn" x="100" y="96"/>'
EXIT = ('<object id="95" type="exit" x="336" y="80" width="16" height="32"><properties>'
        '<property name="requires_clear" value="true"/></properties></object>')
THUGS = "".join(enemy_xml(i, "brawler", 230 + 12 * (i % 2), 50 + 26 * i, aggro="true") for i in range(2, 6))


def play_two(sim, max_steps=6000) -> list[int]:
    return copilot.play_two(sim, max_steps)


def test_both_players_through_a_level_record_and_replay_to_the_same_hash(write_level):
    sim = level(write_level, THUGS + PARTNER + EXIT, w=24, h=14, seed=3)
    masks = play_two(sim)
    assert sim.outcome == WON and sim.partner.driver == "p2"
    assert any(m >> 16 for m in masks)
    text = encode_replay(masks)
    assert text.splitlines()[0] == REPLAY_HEADER_2P
    again = level(write_level, THUGS + PARTNER + EXIT, w=24, h=14, seed=3)
    assert run_headless(again, decode_replay(text), 6000) == WON
    assert again.state_hash() == sim.state_hash()
    alone = level(write_level, THUGS + PARTNER + EXIT, w=24, h=14, seed=3)  # the same Danko, Ridzik left to the AI
    run_headless(alone, [m & 0xFFFF for m in masks], 6000)
    assert alone.state_hash() != sim.state_hash()


def test_one_player_replays_stay_v1_files_and_read_back_the_same():
    masks = [0, 1, 1, 16, 0]
    text = encode_replay(masks)
    assert text.splitlines()[0] == REPLAY_HEADER and decode_replay(text) == masks
    frame = EdgeTracker().frame(two_players(int(Action.LEFT), int(Action.CONFIRM)))
    assert frame.player1().held == int(Action.LEFT) and frame.player2().was_pressed(Action.CONFIRM)
    assert InputFrame(5, 1).player1() == InputFrame(5, 1) and not InputFrame(5, 1).player2().held


def test_second_player_drops_in_and_out_mid_fight(write_level):
    sim = level(write_level, THUGS + PARTNER + EXIT, w=24, h=14)
    edges = EdgeTracker()

    def run(steps, p2=0, p1=0):
        for _ in range(steps):
            sim.step(edges.frame(two_players(p1, p2)))

    run(150)  # the fight is on; the AI has him
    r = sim.partner
    assert r.driver == "ai" and any(e.aggro for e in sim.live)
    run(1, p2=int(Action.CONFIRM))
    run(1)
    assert r.driver == "p2"
    x0 = r.body.feet[0]
    run(60, p2=int(Action.LEFT))  # he goes where player 2 says, thugs or not
    assert r.body.feet[0] < x0 - 40
    run(1, p2=int(Action.SKIP))
    assert r.driver == "ai"
    hits = 0
    for _ in range(400):
        run(1)
        hits += sum(1 for ev in sim.events if getattr(ev, "attack", "") == "revolver")
    assert hits >= 1  # back with the AI, he fights on by himself


def test_players_stay_on_one_screen_the_lead_waits_at_the_edge(write_level):
    sim = level(write_level, PARTNER, w=60, h=12)
    edges = EdgeTracker()
    sim.step(edges.frame(two_players(0, int(Action.CONFIRM))))
    for _ in range(400):
        sim.step(edges.frame(two_players(int(Action.RIGHT), int(Action.LEFT))))
    gap = sim.partner.body.x - sim.player.body.x
    assert abs(gap) <= LEASH_W + 0.01 and sim.player.body.feet[0] > 200


def test_where_danko_is_alone_player_two_waits_and_changes_nothing(write_level):
    sim = level(write_level, enemy_xml(2, "brawler", 250, 96))
    edges = EdgeTracker()
    sim.step(edges.frame(two_players(0, int(Action.CONFIRM))))
    assert sim.partner is None and sim.p2_note > 0
    solo = level(write_level, THUGS + EXIT, w=24, h=14)
    masks = play_two(solo)
    assert any(m >> 16 for m in masks)  # his join presses are in the stream...
    alone = level(write_level, THUGS + EXIT, w=24, h=14)
    run_headless(alone, [m & 0xFFFF for m in masks], 6000)
    assert alone.state_hash() == solo.state_hash()  # ...and change nothing


def test_the_scene_draws_both_and_the_camera_keeps_both_in_view(write_level):
    import pygame

    from game.modes.level.scene import LevelScene

    pygame.display.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((1, 1))
    sim = level(write_level, PARTNER, w=60, h=12)
    scene = LevelScene(sim, dialogue=None)
    scene.enter()
    edges = EdgeTracker()
    surface = pygame.Surface((320, 180))
    for i in range(240):
        scene.handle(edges.frame(two_players(int(Action.RIGHT), int(Action.CONFIRM) if i == 0 else int(Action.LEFT))))
        scene.update(1 / 60)
    scene.draw(surface)
    r, p = sim.partner, sim.player
    assert r.driver == "p2" and sim.focus == ((p.body.feet[0] + r.body.feet[0]) / 2, (p.body.feet[1] + r.body.feet[1]) / 2)
    cam_x, _ = scene.camera.offset
    for x in (p.body.feet[0], r.body.feet[0]):
        assert cam_x + 8 <= x <= cam_x + 320 - 8  # both on screen


def test_cli_records_a_two_player_run_that_replays_to_its_hash(write_level, tmp_path, capsys):
    from conftest import room, tmx_text

    from game.cli import main
    from game.paths import LEVELS

    spawn = '<object id="1" type="player_spawn" x="80" y="96"/>'
    path = write_level(tmx_text(room(24, 14), objects=spawn + THUGS + PARTNER + EXIT))
    rep = tmp_path / "two.rep"
    assert main(["autoplay", str(path), "--two-players", "--record", str(rep)]) == 0
    recorded = capsys.readouterr().out.strip().splitlines()[-1]
    assert rep.read_text().splitlines()[0] == REPLAY_HEADER_2P
    assert main(["replay", str(path), str(rep)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == recorded
    assert main(["autoplay", str(LEVELS / "locksmith.tmx"), "--two-players"]) == 1
    assert "action levels only" in capsys.readouterr().err


def test_the_stored_two_player_terminal_replay_keeps_its_hash():
    from conftest import level_map

    from game.input.replay import load_replay
    from game.modes.level.sim import LevelSim
    from game.paths import ROOT

    replays = ROOT / "tests" / "replays"
    masks = load_replay(replays / "bus_terminal.two.rep")
    assert any(m >> 16 for m in masks) and any(m & 0xFFFF for m in masks)  # both streams played
    sim = LevelSim(level_map("bus_terminal"), seed=0, difficulty="normal")
    assert sim.partner is not None
    assert run_headless(sim, masks, 60 * 60 * 10) == WON
    assert sim.state_hash() == (replays / "bus_terminal.two.hash").read_text().strip()
