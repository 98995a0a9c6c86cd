"""Scenes: one module per scene kind, driven by the SceneStack in stack.py."""
