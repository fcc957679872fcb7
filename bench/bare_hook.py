"""A hook for the benchmarks' bare MkDocs build: the pages stay out of Material's search
index, as the goldenthread plugin keeps them, so that both builds do the same work but ours."""

from __future__ import annotations

from typing import Any


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    return markdown
