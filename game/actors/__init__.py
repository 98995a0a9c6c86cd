"""Actors: the player, enemies, combat rules and vehicles. Pure logic on the fixed step."""
