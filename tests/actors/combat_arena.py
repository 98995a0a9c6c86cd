"""Small arenas for combat tests: a walled room with Danko and the enemies asked for."""
from __future__ import annotations

from conftest import room, tmx_text

from game.modes.level.sim import LevelSim
from game.world.tilemap import load_tilemap


def enemy_xml(ident: int, kind: str, x: float, y: float, **props: object) -> str:
    extra = "".join(f'<property name="{k}" value="{v}"/>' for k, v in props.items())
    return (f'<object id="{ident}" name="{kind}{ident}" type="enemy" x="{x}" y="{y}"><properties>'
            f'<property name="kind" value="{kind}"/>{extra}</properties></object>')


def arena(write_level, enemies: str = "", w: int = 20, h: int = 12, spawn=(80, 96), ground=None,
          **sim_args) -> LevelSim:
    objects = f'<object id="1" type="player_spawn" x="{spawn[0]}" y="{spawn[1]}"/>' + enemies
    path = write_level(tmx_text(ground or room(w, h), objects=objects))
    return LevelSim(load_tilemap(path), **sim_args)
