"""Facts from a tagged document: athletes, results, medal tallies, quotes, fixtures."""
