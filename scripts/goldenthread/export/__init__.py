"""Exports: the catalogue and each year's references as BibTeX."""
