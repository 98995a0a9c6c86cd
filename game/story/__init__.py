"""The story: plot sentences read from the seed, and the beats of levels/story.toml derived from them."""
