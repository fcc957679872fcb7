"""Publish: the site, the PDFs and the exports, built into site/ in one atomic step."""
