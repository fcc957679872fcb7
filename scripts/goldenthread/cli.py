"""The `goldenthread` command line: a thin adapter over the core."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .problems import ExitCode, GoldenThreadError
from .report import FORMATS, summary
from .validation import validate

MARKERS = ("docs", "library", "research")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(ExitCode.USAGE, f"{self.prog}: error: {message}\n")


def _root(value: str | None) -> Path:
    root = Path(value or ".").resolve()
    if not all((root / marker).is_dir() for marker in MARKERS):
        raise GoldenThreadError(
            f"{root} is not a Golden Thread repository (it needs docs/, library/ and "
            "research/): run from the repository root or pass --root DIR")
    return root


def cmd_validate(args: argparse.Namespace) -> int:
    result = validate(_root(args.root), keep_data=False)
    sys.stdout.write(FORMATS[args.format](result.problems))
    if args.format == "text":
        sys.stderr.write(summary(result.problems))
    return ExitCode.OK if result.ok else ExitCode.INVALID


def parser() -> argparse.ArgumentParser:
    top = _Parser(prog="goldenthread",
                  description="Build and check the Trust's knowledge base: the framework, "
                              "the Staff Professional Development Library and action research.")
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    top.add_argument("--root", metavar="DIR", help="the repository root (default: here)")
    commands = top.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = commands.add_parser("validate", help="check every source and list every problem",
                                description="Check every source; exit 1 if any is invalid.")
    check.add_argument("--format", choices=sorted(FORMATS), default="text",
                       help="text (default), github (pull-request annotations) or json")
    check.set_defaults(run=cmd_validate)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.run(args))
    except GoldenThreadError as error:
        sys.stderr.write(f"goldenthread: {error}\n")
        return ExitCode.USAGE
    except KeyboardInterrupt:
        return ExitCode.USAGE


if __name__ == "__main__":
    sys.exit(main())
