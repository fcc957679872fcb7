"""Outcomes: what changed, by how much and how surely (the arithmetic, the strength rating, the groupings)."""
