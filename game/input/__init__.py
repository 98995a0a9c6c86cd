"""Input: `actions` (pure, what simulations see), `devices` (keyboard, gamepads), `replay` (files)."""
