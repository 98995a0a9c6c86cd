"""Content as data: the tables under levels/ (enemies, player, difficulty, puzzles), their schemas and loader."""
