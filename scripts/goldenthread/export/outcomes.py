"""Every finding as one row, for analysts and spreadsheets: research/outcomes.csv and
research/outcomes.json (the entry, its academy, year, topics and framework items, the
numbers given and the values computed from them)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..findings import Placed, findings, framework_groupings
from ..impact.effect import Group
from ..model import KnowledgeBase
from ..paths import entry_page, url_of

CSV = "research/outcomes.csv"
JSON = "research/outcomes.json"
PLACES = 4  # decimal places of computed values


def _number(value: float | None) -> float | None:
    return None if value is None else round(value, PLACES)


def _n(group: Group | None) -> int | None:
    return group.n if group else None


def _row(one: Placed, kb: KnowledgeBase, dimensions: list[str]) -> dict[str, Any]:
    entry, result, finding = one.entry, one.result, one.result.finding
    estimate, interval = result.estimate, result.estimate.interval
    row: dict[str, Any] = {
        "entry": entry.id, "title": entry.title, "academy": entry.academy,
        "academy_name": kb.named("academies")[entry.academy].name, "year": entry.year,
        "page": url_of(entry_page(entry)), "illustrative": entry.example, "finding": one.number,
        "topics": list(entry.topics),
        **{dimension: list(entry.tagged(dimension)) for dimension in dimensions},
        "measure": finding.measure, "design": finding.design,
        "higher_is_better": finding.higher_is_better if result.source == "computed" else None,
        "source": result.source,
        "n_intervention": _n(finding.intervention), "n_comparison": _n(finding.comparison),
        "n_before": _n(finding.before), "n_after": _n(finding.after),
        "result": "effect" if result.is_effect else "change",
        "g": _number(estimate.value) if result.is_effect else None,
        "ci_low": _number(interval.low) if interval else None,
        "ci_high": _number(interval.high) if interval else None,
        "standardised_change": None if result.is_effect else _number(estimate.value),
        "months": result.months.value if result.months else None,
        "months_or_more": result.months.or_more if result.months else None,
        "baseline_difference": _number(result.baseline),
        "strength": result.strength.name, "strength_level": result.strength.level,
    }
    return row


def made_from(kb: KnowledgeBase) -> tuple[object, ...]:
    """What the two files are made from: the preview makes them again only when it changes
    (an entry's body, say, does not)."""
    dimensions = framework_groupings(kb)
    return (tuple((e.id, e.title, e.year, e.academy, e.example, e.topics,
                   tuple(d.items(e) for d in dimensions), e.outcomes) for e in kb.entries if e.outcomes),
            tuple(kb.academies))


def outcome_rows(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One row a finding, in the entries' order."""
    dimensions = [grouping.id for grouping in framework_groupings(kb)]
    return [_row(one, kb, dimensions) for one in findings(kb)]


def fields(kb: KnowledgeBase) -> list[str]:
    """The columns, in order (the same whether or not there are findings)."""
    return ["entry", "title", "academy", "academy_name", "year", "page", "illustrative", "finding",
            "topics", *(grouping.id for grouping in framework_groupings(kb)), "measure", "design",
            "higher_is_better", "source", "n_intervention", "n_comparison", "n_before", "n_after",
            "result", "g", "ci_low", "ci_high", "standardised_change", "months", "months_or_more",
            "baseline_difference", "strength", "strength_level"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def outcomes_csv(kb: KnowledgeBase) -> str:
    """The CSV: a header, then one line a finding; lists joined by '; ', empty where not applicable."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    columns = fields(kb)
    writer.writerow(columns)
    for row in outcome_rows(kb):
        writer.writerow([_cell(row[column]) for column in columns])
    return out.getvalue()


def outcomes_json(kb: KnowledgeBase) -> str:
    """The JSON: a list of objects, one a finding; null where not applicable."""
    return json.dumps(outcome_rows(kb), ensure_ascii=False, indent=1) + "\n"
