"""A walled room for the level systems' tests: Danko, the enemies asked for, and objects added in code."""
from __future__ import annotations

from conftest import room, tmx_text

from game.modes.level.sim import LevelSim
from game.world.tilemap import load_tilemap


def enemy_xml(ident: int, kind: str, x: float, y: float, **props: object) -> str:
    extra = "".join(f'<property name="{k}" value="{v}"/>' for k, v in props.items())
    return (f'<object id="{ident}" name="{kind}{ident}" type="enemy" x="{x}" y="{y}"><properties>'
            f'<property name="kind" value="{kind}"/>{extra}</properties></object>')


def level(write_level, objects: str = "", w: int = 20, h: int = 12, spawn=(80, 96), **sim_args) -> LevelSim:
    xml = f'<object id="1" type="player_spawn" x="{spawn[0]}" y="{spawn[1]}"/>' + objects
    return LevelSim(load_tilemap(write_level(tmx_text(room(w, h), objects=xml))), **sim_args)
