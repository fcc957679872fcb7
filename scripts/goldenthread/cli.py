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


def cmd_build(args: argparse.Namespace) -> int:
    from .publish.build import build

    root = _root(args.root)
    result = build(root)
    if result.site is None:
        sys.stdout.write(FORMATS[args.format](result.problems))
        sys.stderr.write(summary(result.problems) + "The site was not built; site/ is unchanged.\n")
        return ExitCode.INVALID
    sys.stderr.write(f"Built {result.pages} generated pages into {result.site.relative_to(root)}/\n")
    return ExitCode.OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .publish.mkdocs_build import serve_site

    serve_site(_root(args.root), args.dev_addr)
    return ExitCode.OK


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
    make = commands.add_parser("build", help="validate, generate and build site/ (with exports)",
                               description="Validate every source, generate the pages, build the "
                                           "site with MkDocs and add the exports. A failed build "
                                           "leaves site/ as it was.")
    make.add_argument("--format", choices=sorted(FORMATS), default="text",
                      help="how to print problems if the sources are invalid")
    make.set_defaults(run=cmd_build)
    preview = commands.add_parser("serve", help="live preview that reloads when sources change",
                                  description="Serve the site on http://127.0.0.1:8000 and rebuild "
                                              "when anything under docs/, library/ or research/ changes.")
    preview.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT")
    preview.set_defaults(run=cmd_serve)
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
