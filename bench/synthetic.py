"""Write a synthetic repository: N titles and M entries with realistic field sizes.

Used only by benchmarks; nothing here is shipped content. Deterministic for a given N, M.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORDS = ("teaching learning pupils evidence practice memory retrieval feedback curriculum "
         "assessment reading vocabulary behaviour leadership classroom knowledge school "
         "explicit instruction questioning modelling routines attendance equity").split(" ")
TOPICS = ["teaching-and-learning", "cognitive-science", "assessment-and-feedback", "curriculum",
          "literacy-and-oracy", "leadership", "wellbeing"]
ACADEMIES = ["ashdown-primary", "brookfield-primary", "castlegate-academy", "denholme-academy"]


def _isbn13(rng: random.Random) -> str:
    """A syntactically valid ISBN-13 for synthetic records only (never shipped content)."""
    body = "979" + "".join(rng.choice("0123456789") for _ in range(9))
    check = (10 - sum((1 if i % 2 == 0 else 3) * int(c) for i, c in enumerate(body)) % 10) % 10
    return body + str(check)


def _sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def title_yaml(number: int, rng: random.Random) -> str:
    summary = " ".join(_sentence(rng, rng.randint(12, 22)) for _ in range(3))
    topics = sorted(rng.sample(TOPICS, 2))
    return (
        "# yaml-language-server: $schema=../../scripts/goldenthread/schemas/title.schema.json\n"
        f"title: Synthetic Title {number} on {rng.choice(WORDS).capitalize()}\n"
        f"subtitle: A practical guide to {rng.choice(WORDS)} and {rng.choice(WORDS)}\n"
        f"authors:\n  - Author {number % 97} Surname{number % 89}\n  - Second Writer{number % 13}\n"
        f"year: {2000 + number % 25}\npublisher: Synthetic Press\nisbn: \"{_isbn13(rng)}\"\n"
        f"topics: [{', '.join(topics)}]\naims: [research-informed]\n"
        "building_blocks: [high-quality-teaching]\nstages: [explore, deliver]\n"
        "career_stages: [teacher, middle-leader]\nformats: [print]\n"
        f"copies:\n  {rng.choice(ACADEMIES)}: {rng.randint(1, 3)}\n"
        f"summary: >-\n  {summary}\nadded: 2024-0{1 + number % 9}-1{number % 10}\n")


def entry_md(number: int, year: int, titles: int, rng: random.Random) -> str:
    body = "\n\n".join(f"## {heading}\n\n" + " ".join(_sentence(rng, 18) for _ in range(6))
                       for heading in ("Context", "What we did", "What we found", "What next"))
    return (
        f"---\ntitle: Synthetic entry {number}\nauthors:\n  - name: Teacher {number}\n"
        f"    role: Class teacher\nacademy: {rng.choice(ACADEMIES)}\nyear: {year}\n"
        f"research_question: {_sentence(rng, 14)}\nabstract: {_sentence(rng, 40)}\n"
        f"building_blocks: [high-quality-teaching]\nstages: [deliver]\n"
        f"library: [synthetic-{rng.randrange(titles)}]\nexample: true\n---\n\n"
        f"{body}\n\nAs shown before [@ref{number}].\n")


def entry_bib(number: int) -> str:
    return (f"@book{{ref{number},\n  author = {{Writer, Sam}},\n  title = {{A Book}},\n"
            f"  publisher = {{Synthetic Press}},\n  year = {{2020}}\n}}\n")


def write_repository(target: Path, titles: int, entries: int, years: int = 3) -> Path:
    """A valid repository at target with the real framework, vocabularies and glossary."""
    rng = random.Random(titles * 7919 + entries)
    if target.exists():
        shutil.rmtree(target)
    (target / "library" / "titles").mkdir(parents=True)
    (target / "docs").mkdir()
    shutil.copy(REPO / "docs" / "framework.yaml", target / "docs" / "framework.yaml")
    for name in ("topics.yaml", "career-stages.yaml", "academies.yaml", "glossary.yaml"):
        shutil.copy(REPO / "library" / name, target / "library" / name)
    for number in range(titles):
        (target / "library" / "titles" / f"synthetic-{number}.yaml").write_text(
            title_yaml(number, rng), "utf-8")
    for number in range(entries):
        year = 2024 + number % years
        folder = target / "research" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"entry-{number}.md").write_text(entry_md(number, year, titles, rng), "utf-8")
        (folder / f"entry-{number}.bib").write_text(entry_bib(number), "utf-8")
    (target / "research").mkdir(exist_ok=True)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--titles", type=int, default=150)
    parser.add_argument("--entries", type=int, default=24)
    args = parser.parse_args()
    write_repository(args.target, args.titles, args.entries)


if __name__ == "__main__":
    main()
