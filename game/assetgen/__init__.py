"""The asset generator: text grids and numpy synthesis under assets/src/ -> PNG, TSX and WAV files.

`python -m game assets` runs `generate()`. Output is deterministic (same sources, same bytes) and the
generator never overwrites a file it did not make: `assets/generated.json` records the hash of every file
it wrote, and a file whose bytes differ from its record (an artist's replacement) is left alone.
"""
from game.assetgen.build import GenerateResult, generate

__all__ = ["GenerateResult", "generate"]
