from conftest import room, tmx_text
from game.world.lint import check_level


def test_clean_level_has_no_problems(write_level):
    objects = ('<object id="1" type="player_spawn" x="24" y="24"/>'
               '<object id="2" type="exit" x="96" y="32" width="16" height="16"/>')
    assert check_level(write_level(tmx_text(room(), objects=objects))) == []


def test_spawn_in_wall_is_reported(write_level):
    objects = '<object id="1" type="player_spawn" x="4" y="4"/>'
    problems = check_level(write_level(tmx_text(room(), objects=objects)))
    assert len(problems) == 1
    assert "object 1 'player_spawn' at (4,4): inside a wall" in str(problems[0])


def test_unreachable_exit_is_reported(write_level):
    ground = room(10, 6)
    for y in range(6):
        ground[y][5] = 2  # a wall splits the room
    objects = ('<object id="1" type="player_spawn" x="24" y="24"/>'
               '<object id="7" type="exit" x="112" y="32" width="16" height="16"/>')
    problems = check_level(write_level(tmx_text(ground, objects=objects)))
    assert [p.message for p in problems] == ["not reachable on foot from the player spawn"]
    assert "object 7 'exit' at (112,32)" in str(problems[0])


def test_load_errors_are_reported_as_problems(write_level):
    problems = check_level(write_level(tmx_text(room()).replace("</map>", "")))
    assert len(problems) == 1 and "malformed XML" in str(problems[0])
