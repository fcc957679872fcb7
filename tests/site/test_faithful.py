"""Every statement in the Trust's own pages (tests/data/seeds/) has a home on the site.

Each seed sentence is split into word trigrams; the built site's text must contain most
of them, so lists may be reformatted but statements may not be dropped or reworded.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..conftest import REPO
from .conftest import BuiltSite

SEEDS = REPO / "tests" / "data" / "seeds"
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                        "\u2013": "-", "\u2014": "-"})


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.translate(QUOTES).lower())


def site_text(site: Path) -> str:
    texts = []
    for page in site.rglob("*.html"):
        markup = re.sub(r"<(script|style)\b.*?</\1>", " ", page.read_text("utf-8"), flags=re.S)
        texts.append(html.unescape(re.sub(r"<[^>]+>", " ", markup)))
    return " ".join(texts)


def seed_sentences() -> list[str]:
    sentences = []
    for seed in sorted(SEEDS.glob("*.txt")):
        for line in seed.read_text("utf-8").splitlines():
            sentences += [s for s in re.split(r"(?<=[.;:])\s+", line.strip()) if len(words(s)) >= 4]
    return sentences


def test_every_seed_statement_is_on_the_site(built: BuiltSite) -> None:
    site = words(site_text(built.site))
    present = {tuple(site[i:i + 3]) for i in range(len(site) - 2)}
    coverage = {}
    for sentence in seed_sentences():
        w = words(sentence)
        trigrams = [tuple(w[i:i + 3]) for i in range(len(w) - 2)]
        coverage[sentence] = sum(t in present for t in trigrams) / len(trigrams)
    assert len(coverage) > 30
    missing = {s: round(c, 2) for s, c in coverage.items() if c < 0.6}
    assert missing == {}
    assert sum(coverage.values()) / len(coverage) >= 0.95
