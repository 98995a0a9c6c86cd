"""The world: tile maps, collision, rendering, camera and navigation. Headless-safe (no display)."""
