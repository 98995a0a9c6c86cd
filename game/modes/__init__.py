"""The game modes: one package per playable kind (level, chase, puzzle), listed in registry.py."""
