"""Red Heat: a retro top-down action game inspired by the 1988 film."""

STEP_HZ = 60
DT = 1.0 / STEP_HZ
VIEW_W, VIEW_H = 320, 180
TILE = 16
DIFFICULTIES = ("easy", "normal", "hard")  # in rising order; levels/difficulty.toml has one table each
