"""Property-based tests (Hypothesis) over the loader and the validator."""
