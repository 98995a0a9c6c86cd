"""The asset generator: deterministic, up to date with the committed files, never overwrites art it
did not make; tilesets are well-formed for Tiled and the game."""
import hashlib
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pygame
import pytest

from game.assetgen import generate
from game.assetgen.build import MANIFEST
from game.assetgen.png import read_png_size
from game.assetgen.source import SourceError, grid_to_rgba, parse_palettes, parse_source
from game.paths import ASSETS

SRC = ASSETS / "src"
TILESETS = ("bathhouse", "hotel", "locksmith", "streets", "moscow", "hospital", "apartment", "road")


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """One generation shared by the module (each costs seconds): assets/ into a temp folder, with the
    contact sheet's copy beside it (the `--sheet` flag)."""
    out = tmp_path_factory.mktemp("gen1")
    result = generate(SRC, out / "assets", sheet=out / "sheet.png")
    return out / "assets", result


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_regeneration_is_byte_identical(generated, tmp_path):
    out, _ = generated
    generate(SRC, tmp_path)
    first, second = _files(out), _files(tmp_path)
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_committed_assets_are_up_to_date(generated):
    out, _ = generated
    manifest = (out / MANIFEST).read_text()
    for rel, digest in json.loads(manifest).items():
        committed = ASSETS / rel
        assert committed.is_file(), f"{rel} is not committed; run `python -m game assets`"
        assert hashlib.sha256(committed.read_bytes()).hexdigest() == digest, \
            f"{rel} is stale; run `python -m game assets`"


def test_generator_never_overwrites_a_file_it_did_not_make(generated, tmp_path):
    out = shutil.copytree(generated[0], tmp_path / "assets")
    manifest = json.loads((out / MANIFEST).read_text())
    # An artist's file the generator never made (no entry in its manifest): kept.
    del manifest["tiles/hotel.png"]
    (out / "tiles" / "hotel.png").write_bytes(b"an artist's PNG")
    # A file it made, edited by hand afterwards: kept.
    (out / "tiles" / "streets.png").write_bytes(b"edited")
    # A file it made and nobody touched since, now out of date: refreshed.
    (out / "tiles" / "road.png").write_bytes(b"an older generation")
    manifest["tiles/road.png"] = hashlib.sha256(b"an older generation").hexdigest()
    (out / MANIFEST).write_text(json.dumps(manifest))

    result = generate(SRC, out)
    assert (out / "tiles" / "hotel.png").read_bytes() == b"an artist's PNG"
    assert (out / "tiles" / "streets.png").read_bytes() == b"edited"
    assert sorted(result.kept) == ["tiles/hotel.png", "tiles/streets.png"]
    assert result.written == ["tiles/road.png"]
    assert (out / "tiles" / "road.png").read_bytes() == (generated[0] / "tiles" / "road.png").read_bytes()
    assert "tiles/bathhouse.png" in result.unchanged


@pytest.mark.parametrize("name", TILESETS)
def test_tileset_image_matches_tsx(name):
    tsx = ASSETS / "tiles" / f"{name}.tsx"
    root = ET.parse(tsx).getroot()
    image = root.find("image")
    png = tsx.parent / image.get("source")
    assert png.is_file()
    w, h = int(image.get("width")), int(image.get("height"))
    assert read_png_size(png) == (w, h)
    assert pygame.image.load(str(png)).get_size() == (w, h)
    tw, th = int(root.get("tilewidth")), int(root.get("tileheight"))
    columns, count = int(root.get("columns")), int(root.get("tilecount"))
    assert (tw, th) == (16, 16) and columns * tw == w
    assert count <= columns * (h // th) and count > columns * (h // th - 1)
    tiles = root.findall("tile")
    assert len(tiles) == count  # every tile carries at least its name
    names = set()
    solid = animated = 0
    for tile in tiles:
        props = {p.get("name"): p for p in tile.iter("property")}
        assert "name" in props and props["name"].get("value")
        names.add(props["name"].get("value"))
        if "solid" in props:
            assert props["solid"].get("type") == "bool"
            solid += 1
        anim = tile.find("animation")
        if anim is not None:
            animated += 1
            for frame in anim:
                assert 0 <= int(frame.get("tileid")) < count and int(frame.get("duration")) > 0
    assert len(names) == count, "tile names must be unique"
    assert solid >= 3 and animated >= 1


@pytest.mark.parametrize("name", TILESETS)
def test_tileset_loads_in_a_level(name, tmp_path):
    from game.world.tilemap import load_tilemap

    tsx = (ASSETS / "tiles" / f"{name}.tsx").resolve()
    level = tmp_path / "t.tmx"
    level.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.8" orientation="orthogonal" renderorder="right-down" width="2" height="1"
 tilewidth="16" tileheight="16" infinite="0">
 <tileset firstgid="1" source="{tsx}"/>
 <layer id="1" name="ground" width="2" height="1"><data encoding="csv">1,2</data></layer>
 <objectgroup id="2" name="objects"><object id="1" type="player_spawn" x="8" y="8"/></objectgroup>
</map>""")
    tilemap = load_tilemap(level)
    assert tilemap.animations, "the tileset's animations reach the game"
    assert all("name" in p for p in tilemap.tile_properties.values())


@pytest.mark.parametrize("name", TILESETS)
def test_tmxrasterizer_draws_every_tile_as_the_game_does(name, tmp_path):
    """Tiled's renderer is the reference: a map holding every tile of the set renders the same."""
    import os
    import shutil
    import subprocess

    from game.world.render import render_full_map
    from game.world.tilemap import load_tilemap

    tool = shutil.which("tmxrasterizer")
    if tool is None:
        if os.environ.get("CI"):
            pytest.fail("tmxrasterizer is missing on CI: install Debian's 'tiled' package")
        pytest.skip("tmxrasterizer not installed (apt-get install tiled)")
    tsx = (ASSETS / "tiles" / f"{name}.tsx").resolve()
    count = int(ET.parse(tsx).getroot().get("tilecount"))
    w = 8
    h = (count + w - 1) // w
    gids = [str(i + 1) if i < count else "0" for i in range(w * h)]
    rows = ",\n".join(",".join(gids[r * w:(r + 1) * w]) for r in range(h))
    level = tmp_path / "all.tmx"
    level.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<map version="1.8" orientation="orthogonal" renderorder="right-down" width="{w}" height="{h}"
 tilewidth="16" tileheight="16" infinite="0">
 <tileset firstgid="1" source="{tsx}"/>
 <layer id="1" name="ground" width="{w}" height="{h}"><data encoding="csv">
{rows}
</data></layer>
 <objectgroup id="2" name="objects"><object id="1" type="player_spawn" x="8" y="8"/></objectgroup>
</map>""")
    ref_png = tmp_path / "tiled.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([tool, "--no-smoothing", "--show-layer", "ground", str(level), str(ref_png)], check=True, env=env,
                   capture_output=True, timeout=120)
    ours = render_full_map(load_tilemap(level))
    ref = pygame.image.load(str(ref_png))
    assert ours.get_size() == ref.get_size()
    a = np.frombuffer(pygame.image.tobytes(ours, "RGBA"), np.uint8).astype(int)
    b = np.frombuffer(pygame.image.tobytes(ref, "RGBA"), np.uint8).astype(int)
    a4, b4 = a.reshape(-1, 4), b.reshape(-1, 4)
    a4[:, :3] = a4[:, :3] * a4[:, 3:] // 255
    b4[:, :3] = b4[:, :3] * b4[:, 3:] // 255
    assert np.abs(a4 - b4).max() <= 2


def test_every_grid_uses_only_its_palette():
    palettes = parse_palettes(SRC / "palettes.txt")
    checked = 0
    for path in sorted(SRC.rglob("*.txt")):
        if path.name in ("palettes.txt", "font.txt") or path.parent.name == "music":
            continue  # not grids: palettes, the font (ink only), music scores
        source = parse_source(path, keyword="tile" if path.parent.name == "tiles" else "frame")
        palette = source.palette if source.palette is not None else palettes[source.header["palette"]]
        for frame in source.frames:
            used = set("".join(frame.rows))
            assert used <= set(palette), f"{path.name}:{frame.name} uses {used - set(palette)}"
            checked += 1
    assert checked > 400


def test_a_colour_missing_from_the_palette_names_file_and_line(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("palette: p\n\ntile a\n..\n.Z\n")
    source = parse_source(path, keyword="tile")
    with pytest.raises(SourceError, match=r"bad.txt:5: 'a' uses 'Z'"):
        grid_to_rgba(source.frames[0], {".": (0, 0, 0, 0)}, path)


def test_tile_frames_are_16px():
    for name in TILESETS:
        source = parse_source(SRC / "tiles" / f"{name}.txt", keyword="tile")
        assert all(f.size == (16, 16) for f in source.frames)


def test_contact_sheet_is_written(generated, tmp_path):
    out, _ = generated
    img = pygame.image.load(str(out / "preview.png"))
    assert img.get_width() >= 600 and img.get_height() >= 300
    rgb = np.frombuffer(pygame.image.tobytes(img, "RGB"), np.uint8).reshape(-1, 3).astype(np.uint32)
    colours = (rgb[:, 0] << 16) | (rgb[:, 1] << 8) | rgb[:, 2]  # one number a colour: unique() 60x faster
    assert len(np.unique(colours)) > 50


def test_sheet_copy_and_cli_flag(generated):
    from game import cli

    out, _ = generated
    sheet = out.parent / "sheet.png"
    assert sheet.is_file() and sheet.read_bytes() == (out / "preview.png").read_bytes()
    assert cli.build_parser().parse_args(["assets", "--sheet", "x.png"]).sheet == Path("x.png")


@pytest.mark.parametrize("name", TILESETS)
def test_prop_variants_are_transparent_around_the_prop(name):
    root = ET.parse(ASSETS / "tiles" / f"{name}.tsx").getroot()
    columns = int(root.get("columns"))
    image = pygame.image.load(str(ASSETS / "tiles" / f"{name}.png"))
    props = 0
    for tile in root.findall("tile"):
        tile_name = tile.find("properties/property[@name='name']").get("value")
        if not tile_name.endswith("_prop"):
            continue
        props += 1
        r, c = divmod(int(tile.get("id")), columns)
        cell = image.subsurface((c * 16, r * 16, 16, 16))
        a = pygame.surfarray.array_alpha(cell)
        assert 0 < (a > 0).sum() < 256, f"{tile_name} is empty or opaque"
    assert props >= 3
