"""tests/data/effect-cases.json, the table base/assets/effect.js is tested on in Node
(tests/js/effect.test.js), holds what impact/effect.py and strength.py give: this test
recomputes every row with the Python, and checks the constants the table carries are the
ones the site's form gets (generate/form_data.py). To rewrite the table after a change to the
arithmetic: GT_WRITE_FIXTURES=1 pytest tests/impact/test_effect_fixture.py."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

from goldenthread.generate.forest import number
from goldenthread.generate.form_data import impact_data
from goldenthread.impact.effect import hundredths, months
from goldenthread.impact.finding import finding_of, result_of

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "effect-cases.json"


def _group(n: int, mean: float, sd: float) -> dict[str, Any]:
    return {"n": n, "mean": mean, "sd": sd}


def _findings() -> list[dict[str, Any]]:
    """Findings as front matter holds them: hand-picked edges, then a seeded sweep."""
    found: list[dict[str, Any]] = [
        {"design": "two-group", "intervention": _group(14, 92.5, 18.2), "comparison": _group(13, 84.1, 17.6)},
        {"design": "two-group", "intervention": _group(2, 1, 1), "comparison": _group(2, 0, 1)},       # n = 2
        {"design": "two-group", "intervention": _group(30, 10, 1e-6),
         "comparison": _group(30, 10.000001, 1e-6)},
        {"design": "two-group", "intervention": _group(40, 5e6, 1e6),
         "comparison": _group(45, 4.9e6, 2e6)},
        {"design": "two-group", "higher_is_better": False, "intervention": _group(25, 3.1, 2.0),
         "comparison": _group(26, 4.5, 2.2)},  # errors: lower is better
        {"design": "two-group", "intervention": _group(100, 50, 10), "comparison": _group(100, 55, 10)},
        {"design": "two-group", "intervention": _group(10, 20.0, 4.0), "comparison": _group(10, 19.5, 4.0)},
        {"design": "two-group-pretest", "intervention": {**_group(30, 60, 12), "pre": {"mean": 50, "sd": 11}},
         "comparison": {**_group(31, 55, 12), "pre": {"mean": 50.2, "sd": 11.5}}},  # level
        {"design": "two-group-pretest", "intervention": {**_group(30, 60, 12), "pre": {"mean": 52, "sd": 11}},
         "comparison": {**_group(31, 55, 12), "pre": {"mean": 50, "sd": 11.5}}},  # apart
        {"design": "two-group-pretest", "intervention": {**_group(30, 60, 12), "pre": {"mean": 56, "sd": 11}},
         "comparison": {**_group(31, 55, 12), "pre": {"mean": 50, "sd": 11.5}}},  # not level
        {"design": "one-group", "before": _group(28, 12.5, 4.1), "after": _group(28, 15.25, 3.9)},
        {"design": "one-group", "higher_is_better": False, "before": _group(2, 3, 1),
         "after": _group(2, 1, 1)},
        {"design": "two-group", "effect_size": {"g": 0.31, "ci": [-0.05, 0.67]}},
        # published results: clear of zero, touching it, below it, with a pre-test, past the
        # months table, on its turns, and an interval that is not symmetric about g
        {"design": "two-group", "effect_size": {"g": 0.42, "ci": [0.12, 0.72]}},
        {"design": "two-group", "effect_size": {"g": 0.2, "ci": [0, 0.4]}},
        {"design": "two-group", "effect_size": {"g": -0.35, "ci": [-0.61, -0.09]}},
        {"design": "two-group-pretest", "effect_size": {"g": 0.18, "ci": [0.05, 0.31]}},
        {"design": "two-group", "effect_size": {"g": 1.25, "ci": [0.8, 1.7]}},
        {"design": "two-group", "effect_size": {"g": 0.445, "ci": [0.2, 0.69]}},
        {"design": "two-group", "effect_size": {"g": 0.005, "ci": [-0.3, 0.31]}},
        {"design": "two-group", "effect_size": {"g": 0.5, "ci": [0.5, 0.5]}},
        {"design": "two-group", "effect_size": {"g": 3, "ci": [1, 5]}},
        {"design": "two-group", "effect_size": {"g": 0.3, "ci": [0.1, 0.9]}},
    ]
    rng = random.Random(25)
    for _ in range(120):
        design = rng.choice(["two-group", "two-group-pretest", "one-group"])
        sd = 10 ** rng.uniform(-3, 4)

        def group(sd: float = sd) -> dict[str, Any]:
            return _group(rng.randint(2, 300), round(rng.uniform(-2, 2) * sd + 100, 3),
                          round(sd * rng.uniform(0.5, 1.5), 6) or 1e-6)
        item: dict[str, Any] = {"design": design, "higher_is_better": rng.random() < 0.8}
        if design == "one-group":
            item |= {"before": group(), "after": group()}
        else:
            item |= {"intervention": group(), "comparison": group()}
            if design == "two-group-pretest":
                for name in ("intervention", "comparison"):
                    pre = group()
                    item[name]["pre"] = {"mean": pre["mean"], "sd": pre["sd"]}
        found.append(item)
    return [{"measure": "m", **item} for item in found]


# g values where rounding to two places and the months table turn: ties, edges, tiny, huge
G_VALUES = [0.0, -0.0, 0.005, 0.004999999, 0.015, 0.125, 0.375, -0.125, 0.085, 0.09, 0.095, 0.18, 0.185,
            0.265, 0.44, 0.445, 0.995, 1.0, 1.004, 1.005, -1.005, 1.5, 2.0, 2.0000001, -3.7, 1e-7, -1e-7,
            1e150, -1e150, 0.35, 0.355, -0.355, 0.875, 12.5]


def _result(data: dict[str, Any]) -> dict[str, Any]:
    result = result_of(finding_of(data))
    interval = result.estimate.interval
    return {"effect": result.is_effect, "value": result.estimate.value,
            "low": interval.low if interval else None, "high": interval.high if interval else None,
            "months": None if result.months is None else {"value": result.months.value,
                                                          "orMore": result.months.or_more},
            "baseline": result.baseline, "source": result.source,
            "strength": {"level": result.strength.level, "name": result.strength.name,
                         "reasons": list(result.strength.reasons), "text": str(result.strength)},
            "shown": [number(result.estimate.value)] + ([number(interval.low), number(interval.high)]
                                                        if interval else [])}


def _g(value: float) -> dict[str, Any]:
    found, shown = months(value), abs(value) < 1e6  # beyond, the form shows no figure (outcome-large)
    return {"g": value, "hundredths": hundredths(value) if shown else None,
            "months": {"value": found.value, "orMore": found.or_more},
            "fixed": f"{value:.2f}" if shown else None, "number": number(value) if shown else None}


def table() -> dict[str, Any]:
    return {"constants": impact_data(),
            "findings": [{"finding": item, "result": _result(item)} for item in _findings()],
            "g": [_g(value) for value in G_VALUES]}


def test_the_table_is_what_the_python_gives() -> None:
    expected = table()
    if os.environ.get("GT_WRITE_FIXTURES"):
        FIXTURE.write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", "utf-8")
    stored = json.loads(FIXTURE.read_text("utf-8"))
    assert stored["constants"] == json.loads(json.dumps(expected["constants"]))
    for row in stored["findings"]:
        assert json.loads(json.dumps(_result(row["finding"]))) == row["result"], row["finding"]
    assert stored["g"] == json.loads(json.dumps(expected["g"]))
    # the table reaches every strength level, every design and both signs of months
    results = [row["result"] for row in stored["findings"]]
    assert {r["strength"]["level"] for r in results} == {1, 2, 3, 4}
    assert {row["finding"]["design"] for row in stored["findings"]} == {"two-group", "two-group-pretest",
                                                                        "one-group"}
    assert {r["months"]["value"] > 0 for r in results if r["months"]} == {True, False}
    # and published results of each two-group design, below and above zero, with the strength
    # their interval allows (no group sizes given: never above Limited)
    reported = [row for row in stored["findings"] if "effect_size" in row["finding"]]
    assert len(reported) >= 10
    assert {row["finding"]["design"] for row in reported} == {"two-group", "two-group-pretest"}
    assert {row["result"]["strength"]["level"] for row in reported} == {1, 2}
    assert {row["result"]["value"] > 0 for row in reported} == {True, False}
    assert all(row["result"]["source"] == "reported" for row in reported)
