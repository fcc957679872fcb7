"""Check: documents and records -> problems. Nothing here prints or reads files."""
