"""Load: files -> documents that remember where every value came from."""
