"""Golden Thread: the Trust's knowledge base, built from YAML and Markdown sources."""

from __future__ import annotations

__version__ = "0.1.0"
