"""The shared UI layer: palette, the one font accessor, panels, labels on a backing, bars and menus."""
