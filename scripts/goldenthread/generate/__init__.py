"""Generate: the knowledge base -> plain Markdown pages that any MkDocs-compatible engine builds."""
