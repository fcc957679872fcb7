"""The registry of problem codes holds every code the package uses, and only those.

The package's source is read with ast, independently of the registry: a string literal where
a code goes (the `code` argument of Problem, _Refusal or any function with a parameter named
`code`; or a (code, message) pair in a tuple) is a code the tool can report.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache

import pytest

from goldenthread.codes import BY_CODE, CODES, COMMANDS, reported_by

from .conftest import REPO

PACKAGE = REPO / "scripts" / "goldenthread"
SHAPE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@cache
def _trees() -> dict[str, ast.Module]:
    return {path.relative_to(PACKAGE).as_posix(): ast.parse(path.read_text("utf-8"))
            for path in sorted(PACKAGE.rglob("*.py"))}


def _parameters(node: ast.FunctionDef | ast.AsyncFunctionDef) -> list[str]:
    names = [arg.arg for arg in (*node.args.posonlyargs, *node.args.args)]
    return names[1:] if names[:1] in (["self"], ["cls"]) else names


def _dataclass_fields(node: ast.ClassDef) -> list[str]:
    return [item.target.id for item in node.body
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)]


def code_parameters(trees: dict[str, ast.Module]) -> dict[str, set[int]]:
    """Every callable with a parameter named `code`: its name (a class's for its __init__ or
    dataclass fields) -> the positions of that parameter."""
    found: dict[str, set[int]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                name, names = node.name, _parameters(node)
            elif isinstance(node, ast.ClassDef):
                init = [item for item in node.body if isinstance(item, ast.FunctionDef)
                        and item.name == "__init__"]
                name, names = node.name, _parameters(init[0]) if init else _dataclass_fields(node)
            if "code" in names:
                found.setdefault(name, set()).add(names.index("code"))
    return found


def _callee(call: ast.Call) -> str:
    function = call.func
    return function.id if isinstance(function, ast.Name) else \
        function.attr if isinstance(function, ast.Attribute) else ""


def _module_tables(tree: ast.Module) -> dict[str, ast.Dict]:
    return {target.id: node.value for node in tree.body if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Dict) for target in node.targets
            if isinstance(target, ast.Name)}


def _literals(expression: ast.expr, tables: dict[str, ast.Dict]) -> Iterator[ast.expr]:
    """The expressions a code argument can take its value from: itself, both sides of `a if
    c else b`, and every value of a module-level table it is looked up in (TABLE[kind])."""
    if isinstance(expression, ast.IfExp):
        yield from _literals(expression.body, tables)
        yield from _literals(expression.orelse, tables)
    elif (isinstance(expression, ast.Subscript) and isinstance(expression.value, ast.Name)
          and expression.value.id in tables):
        yield from (value for value in tables[expression.value.id].values)
    else:
        yield expression


def _arguments(call: ast.Call, positions: set[int]) -> Iterator[ast.expr]:
    for position in positions:
        before = call.args[:position + 1]
        if len(call.args) > position and not any(isinstance(a, ast.Starred) for a in before):
            yield call.args[position]
    yield from (keyword.value for keyword in call.keywords if keyword.arg == "code")


def _is_message(node: ast.expr) -> bool:
    """Text, or a message made from one of messages.py's templates: say("isbn-format", ...)."""
    return isinstance(node, ast.JoinedStr | ast.BinOp) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and " " in node.value) or (
        isinstance(node, ast.Call) and _callee(node) == "say")


def _paired(node: ast.Tuple) -> Iterator[ast.expr]:
    """The codes in a tuple such as ("isbn-format", f"ISBN {isbn} has ...") or (at, code,
    message). Only hyphenated ones, as every such code is: a pair like ("added", "Date
    added") is a label, not a code."""
    for element, following in zip(node.elts, node.elts[1:], strict=False):
        if (isinstance(element, ast.Constant) and isinstance(element.value, str) and "-" in element.value
                and SHAPE.match(element.value) and _is_message(following)):
            yield element


def scan(trees: dict[str, ast.Module]) -> dict[str, set[str]]:
    """code -> the modules that use it. A code built at run time (an f-string) is reported as
    'dynamic: module:line', which no registry holds: write codes out."""
    parameters = code_parameters(trees)
    used: dict[str, set[str]] = {}
    for module, tree in trees.items():
        tables = _module_tables(tree)
        for node in ast.walk(tree):
            found: list[ast.expr] = []
            if isinstance(node, ast.Call) and _callee(node) in parameters:
                for argument in _arguments(node, parameters[_callee(node)]):
                    found += _literals(argument, tables)
            elif isinstance(node, ast.Tuple):
                found += _paired(node)
            for literal in found:
                if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                    used.setdefault(literal.value, set()).add(module)
                elif isinstance(literal, ast.JoinedStr):
                    used.setdefault(f"dynamic: {module}:{literal.lineno}", set()).add(module)
    return used


@cache
def used_codes() -> dict[str, set[str]]:
    return scan(_trees())


NEW_MODULE = """
def _helper(where, code, message):
    return Problem(where, 1, 1, code, message)

def check(value, kind):
    yield Problem("p", 1, 1, "new-in-problem", "m")
    yield Problem("p", 1, 1, code="new-by-keyword", message="m")
    yield _helper("p", "new-in-helper", "m")
    yield _helper("p", "new-one" if value else "new-other", "m")
    yield Problem("p", 1, 1, f"unknown-{kind}", "m")
    yield ("new-in-pair", f"{value} is not right: fix it")
    yield ("new-in-said-pair", say("isbn-format", isbn=value, count=1))
    yield ("not-a-code", "Label")
"""


def test_the_scan_sees_a_new_code_however_it_is_written() -> None:
    trees = {**_trees(), "new.py": ast.parse(NEW_MODULE)}
    new = {code for code, modules in scan(trees).items() if modules == {"new.py"}}
    assert new == {"new-in-problem", "new-by-keyword", "new-in-helper", "new-one", "new-other",
                   "new-in-pair", "new-in-said-pair", "dynamic: new.py:10"}


def test_the_scan_finds_the_kinds_of_place_a_code_is_written() -> None:
    """The scan itself: each way the package writes a code is seen (else the next test is
    empty praise)."""
    used = used_codes()
    assert "load/yamldoc.py" in used["yaml-too-deep"]          # _Refusal(mark, code, ...)
    assert "load/text.py" in used["unreadable"]                # Problem(path, 1, 1, code, ...)
    assert "check/schema.py" in used["wrong-type"]             # emit(at, code, ...)
    assert "check/isbn.py" in used["isbn-placeholder"]         # return (code, message)
    assert "check/vocabulary.py" in used["unknown-topic"]      # Problem(..., UNKNOWN[kind], ...)
    assert "bibimport/records.py" in used["import-url"]        # self.note(name, code, ...)
    assert "audit/site.py" in used["broken-link"]              # (where, code, message)
    assert "audit/site.py" in used["missing-page"]


def test_every_code_the_package_uses_is_in_the_registry() -> None:
    missing = {code: sorted(modules) for code, modules in used_codes().items() if code not in BY_CODE}
    assert missing == {}, ("add each to scripts/goldenthread/codes.py with its meaning and fix "
                           "(and write codes out: not built with an f-string)")


def test_every_registered_code_is_used() -> None:
    """No explanation is left behind for a code that nothing reports any more."""
    assert sorted(set(BY_CODE) - set(used_codes())) == []


def test_each_code_is_registered_once_with_words_for_a_teacher() -> None:
    assert len(BY_CODE) == len(CODES)
    for code in CODES:
        assert SHAPE.match(code.code), code
        assert code.levels, f"{code.code}: no command reports it"
        assert [c for c, _ in code.levels] == [c for c in COMMANDS if code.level_in(c)]
        for text in (code.meaning, code.fix):
            assert text[:1].isupper() and text.rstrip("`)").endswith((".", "`")), (code.code, text)
            assert "\n" not in text and "|" not in text.replace("\\|", ""), (code.code, text)


def test_report_skipped_codes_are_registered_import_codes() -> None:
    from goldenthread.bibimport.report import DUPLICATE, EXISTING, SKIPPED

    for code in (*SKIPPED, DUPLICATE, EXISTING):
        assert BY_CODE[code].level_in("library import") is not None, code


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_reports_some_codes(command: str) -> None:
    assert reported_by(command)  # type: ignore[arg-type]


# -- The teacher's words -------------------------------------------------------------------------

def test_every_code_has_a_teachers_sentence_in_plain_english() -> None:
    from .plain_words import unplain

    for code in CODES:
        assert code.teacher.endswith("."), code.code
        assert unplain(code.teacher) == [], (code.code, code.teacher, unplain(code.teacher))


def test_every_message_template_has_a_teachers_variant_keyed_the_same() -> None:
    from goldenthread.messages import FRAGMENTS, TEACHER, TEMPLATES

    from .plain_words import unplain

    assert set(TEMPLATES) - set(FRAGMENTS) <= set(TEACHER), set(TEMPLATES) - set(FRAGMENTS) - set(TEACHER)
    for name, template in TEACHER.items():
        assert name.split(".")[0] in BY_CODE or name.split(".")[0] == "exists", name
        assert name in TEMPLATES or name.endswith((".choose", ".both")), name
        # filled with sample values as the form fills it: still plain English
        sample = re.sub(r"\{(\w+)(?::,)?\}", lambda m: "‘Title’" if m[1] == "field" else "x", template)
        assert unplain(sample) == [], (name, sample)
    assert BY_CODE["placeholder"].teacher_message == TEACHER["placeholder"]
    assert BY_CODE["isbn-checksum"].message == TEMPLATES["isbn-checksum"]
