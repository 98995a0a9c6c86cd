"""Fuzzing the loader with broken TMX text: it loads, or raises LevelError with one clear line.

Never another exception, and never the loader's last-resort "cannot load (SomeError)" either: each
mutation family below must meet a specific message. Runs a few hundred examples in a few seconds.
"""
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import BASE_TSX, ROOT, room, tmx_text, utf8_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.world.lint import check_tilemap
from game.world.tilemap import LevelError, load_tilemap

OBJECTS = """
  <object id="1" template="templates/player_spawn.tx" x="24" y="40"/>
  <object id="2" template="templates/enemy_knife.tx" x="60" y="40">
   <properties><property name="wave" type="int" value="2"/><property name="aggro" type="bool" value="true"/></properties>
  </object>
  <object id="3" type="trigger" x="16" y="16" width="32" height="32">
   <properties><property name="beat" propertytype="BeatId" value="hotel"/><property name="script" value="wait 3"/></properties>
  </object>
  <object id="4" type="route" x="10" y="10"><polyline points="0,0 20,0 20,20"/></object>
  <object id="5" type="exit" x="96" y="32" width="16" height="16"/>
"""
DECOR = '<layer id="2" name="decor" width="8" height="6"><data encoding="csv">' + \
    ",".join(["0"] * 47 + ["4"]) + "</data></layer>"
BASE = tmx_text(room(), objects=OBJECTS, extra_layers=DECOR)
JUNK = st.sampled_from(["", " ", "-1", "0", "1e999", "nan", "inf", "abc", "0x10", "1.5", "-0",
                        "99999999999999999999", "4294967295", "536870912", "&amp;", "\u00e9", "3,4"])
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "200"))  # more for a long local run
FAMILIES = ["truncate", "number", "gid", "type", "property", "missing", "splice"]

# What a fuzzed level may legitimately be refused for; anything else is a loader bug.
NUMBER_ATTRS = re.compile(r'\b(width|height|tilewidth|tileheight|x|y|id|firstgid|rotation|value|'
                          r'tilecount|columns|duration|tileid)="([^"]*)"')


def write_fixture(folder: Path, text: str) -> Path:
    shutil.copy(BASE_TSX, folder / "base.tsx")
    shutil.copy(BASE_TSX.with_suffix(".png"), folder / "base.png")
    shutil.copytree(ROOT / "levels" / "templates", folder / "templates")
    path = folder / "level.tmx"
    path.write_text(text, encoding="utf-8")
    return path


@st.composite
def mutated(draw):
    family = draw(st.sampled_from(FAMILIES))
    text = BASE
    missing = None
    if family == "truncate":
        text = text[:draw(st.integers(0, len(text) - 1))]
    elif family == "number":
        spots = list(NUMBER_ATTRS.finditer(text))
        m = spots[draw(st.integers(0, len(spots) - 1))]
        text = text[:m.start(2)] + draw(JUNK) + text[m.end(2):]
    elif family == "gid":
        cells = list(re.finditer(r"(?<=[,>\n])\d+(?=[,<\n])", text))
        m = cells[draw(st.integers(0, len(cells) - 1))]
        value = draw(st.one_of(st.integers(0, 2**32 + 5).map(str), JUNK))
        text = text[:m.start()] + value + text[m.end():]
    elif family == "type":
        kinds = list(re.finditer(r'type="([^"]*)"', text))
        m = kinds[draw(st.integers(0, len(kinds) - 1))]
        text = text[:m.start(1)] + draw(st.one_of(JUNK, utf8_text(8))) + text[m.end(1):]
    elif family == "property":
        spots = list(re.finditer(r'(value|propertytype|name)="([^"]*)"', text))
        m = spots[draw(st.integers(0, len(spots) - 1))]
        value = draw(st.one_of(JUNK, st.text(alphabet="abcdefghijklmnopqrstuvwxyz_ ", max_size=10)))
        text = text[:m.start(2)] + value + text[m.end(2):]
    elif family == "missing":
        missing = draw(st.sampled_from(["base.tsx", "base.png", "templates/enemy_knife.tx",
                                        "templates/player_spawn.tx", "level-source", "template-source"]))
        if missing == "level-source":
            text, missing = text.replace('source="base.tsx"', 'source="gone/base.tsx"'), None
        elif missing == "template-source":
            text, missing = text.replace("templates/enemy_knife.tx", "templates/gone.tx"), None
    else:  # splice: a random piece of the file pasted somewhere else
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, min(len(text), a + 40)))
        at = draw(st.integers(0, len(text)))
        text = text[:at] + text[a:b] + text[at:]
    return family, text, missing


@pytest.fixture(scope="module")
def shared(tmp_path_factory) -> Path:
    """Tileset and templates written once; examples that delete a file get their own copy."""
    folder = tmp_path_factory.mktemp("fuzz")
    write_fixture(folder, BASE)
    return folder


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=mutated())
def test_broken_tmx_raises_only_level_error(shared, case):
    family, text, missing = case
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) if missing else shared
        path = write_fixture(folder, text) if missing else folder / "level.tmx"
        if missing:
            (folder / missing).unlink()
        else:
            path.write_text(text, encoding="utf-8")
        try:
            tilemap = load_tilemap(path)
        except LevelError as exc:
            message = str(exc)
            assert "\n" not in message, message
            assert message.startswith(str(folder)), message  # names the file at fault
            assert "cannot load (" not in message, f"{family}: unexpected error: {message}"
            return
        check_tilemap(tilemap)  # a level that loads can be linted without crashing


def test_the_unmutated_fuzz_base_loads(tmp_path):
    tilemap = load_tilemap(write_fixture(tmp_path, BASE))
    assert len(tilemap.objects) == 5 and tilemap.objects_of("enemy")[0].properties["wave"] == 2


def test_an_unknown_xml_encoding_is_malformed_xml(tmp_path):
    """Found by the fuzz test: ElementTree raises LookupError (not ParseError) for a codec it lacks."""
    from game.world.tilemap import LevelError, load_tilemap

    path = tmp_path / "level.tmx"
    path.write_text('<?xml version="1.0" encoding="UUTF-8"?>\n<map/>\n')
    try:
        load_tilemap(path)
    except LevelError as exc:
        assert exc.problem.startswith("malformed XML: unknown encoding")
    else:
        raise AssertionError("loaded a map with an unknown encoding")
