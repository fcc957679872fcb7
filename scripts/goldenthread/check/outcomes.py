"""Checks on an entry's findings (`outcomes:`) beyond the schema: the fields each design
needs and no others, groups of two pupils or more with a spread above zero, an interval
that holds its estimate, numbers within a declared scale, and results that can be shown."""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache
from typing import Any

from ..codes import level_of
from ..load.yamldoc import Document, Path_
from ..messages import say
from ..problems import Problem
from .schema import Check, compile_schema, label, load_schema

ALWAYS = ("measure", "design", "scale")
GROUPS = {"two-group": ("intervention", "comparison"), "two-group-pretest": ("intervention", "comparison"),
          "one-group": ("before", "after")}
DESIGN_WORDS = {"two-group": "two groups compared after (two-group)",
                "two-group-pretest": "two groups compared after, with a pre-test (two-group-pretest)",
                "one-group": "one group before and after (one-group)"}
NEEDED_WHY = {
    "higher_is_better": "true when a higher score is better, false when lower is",
    "intervention": "the group that had the approach: n, mean, sd",
    "comparison": "the group that did not: n, mean, sd",
    "before": "the group before: n, mean, sd", "after": "the same group after: n, mean, sd",
    "pre": "the same pupils' pre-test: mean, sd",
}

Found = tuple[Path_, bool, str, str]  # where, on the key?, code, message
MIN_PUPILS = 2  # fewer, and how spread out the scores are cannot be measured
LARGE = 2.0  # a standardised result beyond this is rare in schools: often a standard error typed as an SD


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _needed(item: dict[str, Any]) -> tuple[str, ...]:
    if "effect_size" in item and item["design"] != "one-group":
        return ("effect_size",)
    return (*GROUPS[item["design"]], "higher_is_better")


def _fields(item: dict[str, Any], at: Path_) -> Iterator[Found]:
    design = item["design"]
    needed = _needed(item)
    reported = needed == ("effect_size",)
    for name in needed:
        if name not in item:
            yield (at, False, "outcome-missing", say(
                "outcome-missing", label=label(at), design=DESIGN_WORDS[design], field=name,
                what=NEEDED_WHY.get(name, "")))
    allowed = {*needed, "measure", "design"} | (set() if reported else {"scale"})
    for name in item:
        if name not in allowed:
            why = (say("outcome-extra.reported") if reported
                   else say("outcome-extra.design", design=DESIGN_WORDS[design]))
            yield ((*at, name), True, "outcome-extra",
                   say("outcome-extra", label=label((*at, name)), why=why))
    if reported:
        return
    for name in GROUPS[design]:
        group = item.get(name)
        if not isinstance(group, dict):
            continue
        if design == "two-group-pretest" and "pre" not in group:
            yield ((*at, name), False, "outcome-missing", say(
                "outcome-missing", label=label((*at, name)), design=DESIGN_WORDS[design], field="pre",
                what=NEEDED_WHY["pre"]))
        elif design == "two-group" and "pre" in group:
            yield ((*at, name, "pre"), True, "outcome-extra", say(
                "outcome-extra", label=label((*at, name, "pre")), why=say("outcome-extra.pre")))


def _numbers(value: Any, at: Path_) -> Iterator[tuple[Path_, Any]]:
    """Every number under value, with its path."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _numbers(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _numbers(item, (*at, index))
    elif _is_number(value):
        yield at, value


def _finite(item: dict[str, Any], at: Path_) -> Iterator[Found]:
    for where, value in _numbers(item, at):
        if isinstance(value, float) and not math.isfinite(value):
            yield (where, False, "outcome-number", say("outcome-number", label=label(where), value=value))


def _spreads(item: dict[str, Any], at: Path_) -> Iterator[Found]:
    for name in GROUPS[item["design"]]:
        group = item.get(name)
        if not isinstance(group, dict):
            continue
        n = group.get("n")
        if isinstance(n, int) and not isinstance(n, bool) and n < MIN_PUPILS:
            yield ((*at, name, "n"), False, "outcome-group-size",
                   say("outcome-group-size", label=label((*at, name, "n")), value=n))
        for where, holder in (((*at, name), group), ((*at, name, "pre"), group.get("pre"))):
            sd = holder.get("sd") if isinstance(holder, dict) else None
            if sd is not None and _is_number(sd) and sd <= 0:
                yield ((*where, "sd"), False, "outcome-sd",
                       say("outcome-sd", label=label((*where, "sd")), value=sd))


def _interval(item: dict[str, Any], at: Path_) -> Iterator[Found]:
    size = item.get("effect_size")
    if not isinstance(size, dict) or not isinstance(size.get("ci"), list):
        return
    ci, g = size["ci"], size.get("g")
    where = (*at, "effect_size", "ci")
    if len(ci) != 2 or not all(_is_number(end) for end in ci):
        yield (where, False, "outcome-interval", say("outcome-interval.shape", label=label(where)))
    elif ci[0] > ci[1]:
        yield (where, False, "outcome-interval", say("outcome-interval.order", label=label(where),
                                                     low=ci[0], high=ci[1]))
    elif _is_number(g) and not ci[0] <= g <= ci[1]:
        yield (where, False, "outcome-interval", say("outcome-interval", low=ci[0], high=ci[1], g=g))


def _scale(item: dict[str, Any], at: Path_) -> Iterator[Found]:
    scale = item.get("scale")
    if not isinstance(scale, dict) or not (_is_number(scale.get("min")) and _is_number(scale.get("max"))):
        return
    low, high = scale["min"], scale["max"]
    if not low < high:
        where = (*at, "scale")
        yield (where, False, "outcome-scale",
               say("outcome-scale.order", label=label(where), low=low, high=high))
        return
    for name in GROUPS[item["design"]]:
        group = item.get(name)
        for where, holder in (((*at, name), group),
                              ((*at, name, "pre"), group.get("pre") if isinstance(group, dict) else None)):
            if not isinstance(holder, dict):
                continue
            mean, sd = holder.get("mean"), holder.get("sd")
            if _is_number(mean) and not low <= mean <= high:
                yield ((*where, "mean"), False, "outcome-scale", say(
                    "outcome-scale", label=label((*where, "mean")), value=mean, low=low, high=high))
            if _is_number(sd) and sd > high - low:
                yield ((*where, "sd"), False, "outcome-scale", say(
                    "outcome-scale.sd", label=label((*where, "sd")), value=sd, low=low, high=high))


def _result(item: dict[str, Any], at: Path_) -> Iterator[Found]:
    """Numbers that pass every check but give a result too large to show (an SD near zero)."""
    from ..impact.finding import finding_of, result_of  # only for entries that report findings

    try:
        result = result_of(finding_of(item))
    except ValueError:  # months of an infinite g
        result = None
    interval = result.estimate.interval if result else None
    values = [result.estimate.value, *((interval.low, interval.high) if interval else ())] if result else []
    if result is None or not all(math.isfinite(value) for value in values):
        yield (at, False, "outcome-number", say("outcome-number.result", label=label(at)))
    elif abs(result.estimate.value) > LARGE:
        yield (at, False, "outcome-large", say("outcome-large", label=label(at),
                                                value=f"{abs(result.estimate.value):.2f}"))


def _finding(item: dict[str, Any], at: Path_) -> list[Found]:
    found = [*_fields(item, at), *_finite(item, at)]
    found += [*_spreads(item, at), *_interval(item, at), *_scale(item, at)]
    return found or list(_result(item, at))


@cache
def _item_check() -> Check:
    return compile_schema(load_schema("entry")["properties"]["outcomes"]["items"])


def _schema_faults(item: Any) -> bool:
    """True when the schema finds a problem in this finding (validate reports it)."""
    faults: list[str] = []
    _item_check()(item, (), lambda _at, code, _message, _on_key: faults.append(code))
    return bool(faults)


def check_outcomes(path: str, document: Document) -> list[Problem]:
    """Every problem in an entry's findings that the schema does not find. A finding the
    schema faults is checked no further, so no problem is reported twice."""
    outcomes = document.data.get("outcomes") if isinstance(document.data, dict) else None
    if not isinstance(outcomes, list):
        return []
    problems = []
    for index, item in enumerate(outcomes):
        at: Path_ = ("outcomes", index)
        if _schema_faults(item):
            continue
        for where, on_key, code, message in _finding(item, at):
            line, col = document.where_key(where) if on_key else document.where(where)
            problems.append(Problem(path, line, col, code, message, level_of(code)))
    return problems
