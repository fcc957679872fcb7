"""Audit: a built site/ checked against its sources, in the validator's problem formats."""
