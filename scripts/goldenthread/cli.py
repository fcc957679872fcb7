"""The `goldenthread` command line: a thin adapter over the core."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
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
    from .mkdocs_plugin.build import build

    root = _root(args.root)
    result = build(root)
    if result.site is None:
        sys.stdout.write(FORMATS[args.format](result.problems))
        sys.stderr.write(summary(result.problems) + "The site was not built; site/ is unchanged.\n")
        return ExitCode.INVALID
    sys.stderr.write(f"Built {result.pages} generated pages into {result.site.relative_to(root)}/\n")
    if args.timings:
        sys.stderr.write("".join(f"{seconds:8.2f} s  {step}\n" for step, seconds in result.steps))
    return ExitCode.OK


def cmd_serve(args: argparse.Namespace) -> int:
    from .mkdocs_plugin.server import serve

    serve(_root(args.root), args.dev_addr)
    return ExitCode.OK


def _ask(value: str | None, prompt: str, option: str) -> str:
    """An option's value, or the answer to a prompt on a terminal; usage error otherwise."""
    if value:
        return value
    if not sys.stdin.isatty():
        raise GoldenThreadError(f"{option} is required (or run this in a terminal to be asked)")
    answer = input(f"{prompt}: ").strip()
    if not answer:
        raise GoldenThreadError(f"{option} is required")
    return answer


def _year(text: str, option: str) -> int:
    if not text.isdigit() or len(text) != 4:
        raise GoldenThreadError(f"{option} must be a year like 2026, not {text!r}")
    return int(text)


def _empty_tags(root: Path) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A line for each of the framework's fields, to fill in."""
    from .load.repository import framework_fields

    return tuple((name, ()) for name in framework_fields(root))


def cmd_init(args: argparse.Namespace) -> int:
    from .init import NewTrust, init

    folder = Path(args.folder)
    name = _ask(args.name, "The trust's full name", "--name")
    written = init(folder, NewTrust(name, args.short_name, args.email, args.submissions,
                                    args.library_requests))
    sys.stdout.write(f"created {len(written)} files in {folder}\n")
    sys.stderr.write(f"Next: cd {folder}, then `goldenthread validate` and `goldenthread build`. "
                     "Fill in docs/trust.yaml and replace the examples with your own.\n")
    return ExitCode.OK


def cmd_new_research(args: argparse.Namespace) -> int:
    from .scaffold import NewEntry, new_entry

    root = _root(args.root)
    title = _ask(args.title, "Title of the entry", "--title")
    names = args.author or [_ask(None, "Your name", "--author")]
    roles = args.role or [_ask(None, f"Role of {name} (e.g. Year 4 class teacher)", "--role")
                          for name in names]
    if len(roles) != len(names):
        raise GoldenThreadError("give one --role for each --author, in the same order")
    academy = _ask(args.academy, "Academy id (see library/academies.yaml)", "--academy")
    year = _year(_ask(args.year, "Year of publication", "--year"), "--year")
    made = new_entry(root, NewEntry(title, tuple(zip(names, roles, strict=True)), academy, year,
                                    tags=_empty_tags(root)), args.id)
    for path in made:
        sys.stdout.write(f"created {path.relative_to(root)}\n")
    sys.stderr.write("Fill in every line that starts with TODO:, then run `goldenthread validate`.\n")
    return ExitCode.OK


def cmd_new_title(args: argparse.Namespace) -> int:
    from .scaffold import NewTitle, new_title

    root = _root(args.root)
    title = _ask(args.title, "Title (without subtitle)", "--title")
    authors = args.author or [_ask(None, "Author's full name", "--author")]
    year = _year(_ask(args.year, "Year of publication", "--year"), "--year")
    path = new_title(root, NewTitle(title, tuple(authors), year, tuple(args.topic or ()),
                                    args.publisher or "", tags=_empty_tags(root)), args.id)
    sys.stdout.write(f"created {path.relative_to(root)}\n")
    sys.stderr.write("Fill in the summary and the framework fields, then run "
                     "`goldenthread validate`.\n")
    return ExitCode.OK


EXPORT_SUFFIXES = {"bibtex": "bib", "ris": "ris", "csl-json": "json"}


def cmd_library_export(args: argparse.Namespace) -> int:
    from .assemble import assemble
    from .export.files import library_text
    from .writer import write_atomically

    root = _root(args.root)
    result = validate(root)
    if not result.ok:
        sys.stdout.write(FORMATS["text"](result.problems))
        sys.stderr.write(summary(result.problems) + "Nothing was exported.\n")
        return ExitCode.INVALID
    text = library_text(assemble(result.sources), EXPORT_SUFFIXES[args.format])
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        write_atomically(Path(args.output), text.encode("utf-8"))
        sys.stderr.write(f"wrote {args.output}\n")
    return ExitCode.OK


def cmd_pdf(args: argparse.Namespace) -> int:
    from .assemble import assemble
    from .publish.generation import build_timestamp
    from .publish.pdf import build_pdf, pdf_name
    from .writer import write_atomically

    root = _root(args.root)
    year = _year(args.year, "YEAR")
    result = validate(root)
    if not result.ok:
        sys.stdout.write(FORMATS["text"](result.problems))
        sys.stderr.write(summary(result.problems) + "No PDF was made.\n")
        return ExitCode.INVALID
    knowledge = assemble(result.sources)
    timestamp = build_timestamp(knowledge)
    output = Path(args.output or pdf_name(year))
    write_atomically(output, build_pdf(root, knowledge, year, timestamp, result.settings))
    sys.stderr.write(f"wrote {output}\n")
    return ExitCode.OK


def cmd_audit(args: argparse.Namespace) -> int:
    from .assemble import assemble
    from .audit.site import audit_site

    root = _root(args.root)
    site = Path(args.site) if args.site else root / "site"
    if not (site / "index.html").is_file():
        raise GoldenThreadError(f"there is no built site at {site}: run `goldenthread build` first")
    result = validate(root)
    if not result.ok:
        sys.stdout.write(FORMATS[args.format](result.problems))
        sys.stderr.write(summary(result.problems) + "Fix the sources first.\n")
        return ExitCode.INVALID
    problems = audit_site(site, assemble(result.sources), label=site.name,
                          site_url=result.settings.site_url)
    sys.stdout.write(FORMATS[args.format](problems))
    if args.format == "text":
        sys.stderr.write("The site passed the audit.\n" if not problems else summary(problems))
    return ExitCode.INVALID if problems else ExitCode.OK


def _add_new(commands: argparse._SubParsersAction[_Parser]) -> None:
    new = commands.add_parser("new", help="scaffold a research entry or a catalogue record")
    kinds = new.add_subparsers(dest="kind", required=True, parser_class=_Parser)
    research = kinds.add_parser("research", help="a ready-to-fill entry and .bib",
                                description="Write research/<year>/<id>.md and <id>.bib, "
                                            "asking for anything not given. Never overwrites.")
    research.add_argument("--title")
    research.add_argument("--author", action="append", metavar="NAME", help="repeat for each author")
    research.add_argument("--role", action="append", help="each author's role, in the same order")
    research.add_argument("--academy", metavar="ID")
    research.add_argument("--year")
    research.add_argument("--id", help="the file name (default: from the title)")
    research.set_defaults(run=cmd_new_research)
    title = kinds.add_parser("title", help="a ready-to-fill catalogue record",
                             description="Write library/titles/<id>.yaml, asking for anything "
                                         "not given. Never overwrites. Never guess an ISBN.")
    title.add_argument("--title")
    title.add_argument("--author", action="append", metavar="NAME", help="repeat for each author")
    title.add_argument("--year")
    title.add_argument("--topic", action="append", metavar="ID", help="repeat for each topic")
    title.add_argument("--publisher")
    title.add_argument("--id", help="the file name (default: from the title)")
    title.set_defaults(run=cmd_new_title)


def cmd_library_import(args: argparse.Namespace) -> int:
    from .bibimport import import_bibtex, import_report_text

    root = _root(args.root)
    source = Path(args.file)
    if not source.is_file():
        raise GoldenThreadError(f"{args.file} is not a file")
    report = import_bibtex(root, source, dry_run=args.dry_run)
    sys.stdout.write(FORMATS[args.format](report.problems))
    sys.stderr.write(import_report_text(report))
    return ExitCode.INVALID if any(p.level == "error" for p in report.problems) else ExitCode.OK


def cmd_research_add(args: argparse.Namespace) -> int:
    from .research_add import add_submission

    root = _root(args.root)
    source = Path(args.file)
    if not source.is_file():
        raise GoldenThreadError(f"{args.file} is not a file")
    added = add_submission(root, source, args.file, dry_run=args.dry_run)
    sys.stdout.write(FORMATS[args.format](added.problems))
    if args.format == "text":
        sys.stderr.write(summary(added.problems))
        if added.placed:
            sys.stderr.write("placed " + " and ".join(added.placed) + "\n")
        elif added.ok:
            sys.stderr.write("valid; nothing placed (--dry-run)\n")
        else:
            sys.stderr.write("nothing placed\n")
    return ExitCode.OK if added.ok else ExitCode.INVALID


def _add_research(commands: argparse._SubParsersAction[_Parser]) -> None:
    research = commands.add_parser("research", help="add an entry sent from the entry form")
    actions = research.add_subparsers(dest="action", required=True, parser_class=_Parser)
    add = actions.add_parser("add", help="validate a submission, then place its entry and .bib",
                             description="Place the entry and references in FILE, the file the "
                                         "entry form's \"Send to the research lead\" downloads, "
                                         "at research/<year>/<id>.md and .bib, when validate "
                                         "finds no error in them. Never overwrites a file; "
                                         "problems name FILE's own lines.")
    add.add_argument("file", metavar="FILE")
    add.add_argument("--dry-run", action="store_true", help="validate only; place nothing")
    add.add_argument("--format", choices=sorted(FORMATS), default="text")
    add.set_defaults(run=cmd_research_add)


def _add_library(commands: argparse._SubParsersAction[_Parser]) -> None:
    library = commands.add_parser("library", help="import BibTeX into the catalogue, or export it")
    actions = library.add_subparsers(dest="action", required=True, parser_class=_Parser)
    bring = actions.add_parser("import", help="new catalogue records from a .bib file",
                               description="Create one catalogue record per book or report in "
                                           "FILE.bib (from Zotero, Mendeley or a library system). "
                                           "Titles already in the catalogue are left alone; every "
                                           "entry that cannot be used is reported with its line.")
    bring.add_argument("file", metavar="FILE.bib")
    bring.add_argument("--dry-run", action="store_true", help="report what would be created; write nothing")
    bring.add_argument("--format", choices=sorted(FORMATS), default="text")
    bring.set_defaults(run=cmd_library_import)
    export = actions.add_parser(
        "export", help="the whole catalogue as BibTeX, RIS or CSL-JSON",
        description="Write the catalogue as BibTeX, RIS or CSL-JSON (stdout, or -o FILE).")
    export.add_argument("-o", "--output", metavar="FILE")
    export.add_argument("--format", choices=sorted(EXPORT_SUFFIXES), default="bibtex",
                        help="bibtex (default), ris (EndNote, Zotero) or csl-json (Zotero, citeproc)")
    export.set_defaults(run=cmd_library_export)


def parser() -> argparse.ArgumentParser:
    top = _Parser(prog="goldenthread",
                  description="Build and check a trust's knowledge base: its improvement "
                              "framework, its staff development library and its action research.")
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
    make.add_argument("--timings", action="store_true", help="print how long each step took")
    make.set_defaults(run=cmd_build)
    preview = commands.add_parser("serve", help="live preview that reloads when sources change",
                                  description="Serve the site on http://127.0.0.1:8000 and rebuild "
                                              "when anything under docs/, library/ or research/ changes.")
    preview.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT")
    preview.set_defaults(run=cmd_serve)
    pdf = commands.add_parser("pdf", help="the year's action-research publication as a PDF",
                              description="Make the tagged, accessible PDF (PDF/UA-1) of one "
                                          "year's action research.")
    pdf.add_argument("year", metavar="YEAR")
    pdf.add_argument("-o", "--output", metavar="FILE.pdf",
                     help="where to write it (default: action-research-YEAR.pdf here)")
    pdf.set_defaults(run=cmd_pdf)
    check_site = commands.add_parser(
        "audit", help="check a built site/ against its sources",
        description="Check the built site: every internal link and anchor resolves; every title "
                    "and entry has its page, search entry and export line; no active content "
                    "(scripts other than the theme's, on* attributes, javascript:/data: URLs); "
                    "every image has alt text.")
    check_site.add_argument("--format", choices=sorted(FORMATS), default="text")
    check_site.add_argument("--site", metavar="DIR", help="the built site (default: site/)")
    check_site.set_defaults(run=cmd_audit)
    start = commands.add_parser(
        "init", help="start a new trust's knowledge base in a folder",
        description="Write a new knowledge base into DIR: the trust's identity, a small "
                    "framework, vocabularies, one title, one example entry, the site's pages, a "
                    "workflow and a README. Never overwrites. Anything not given is asked for in "
                    "a terminal (the name) or left for docs/trust.yaml.")
    start.add_argument("folder", metavar="DIR")
    start.add_argument("--name", help="the trust's full name")
    start.add_argument("--short-name", default="", help="a shorter name for the header")
    start.add_argument("--email", default="", help="where readers write about the site")
    start.add_argument("--submissions", default="", help="the research lead's address for entries")
    start.add_argument("--library-requests", default="", help="mailto:... or a form's address")
    start.set_defaults(run=cmd_init)
    _add_new(commands)
    _add_library(commands)
    _add_research(commands)
    return top


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    main_thread = threading.current_thread() is threading.main_thread()
    # SIGTERM stops a command as Ctrl-C does: what it started is undone on the way out.
    previous = signal.signal(signal.SIGTERM, _interrupt) if main_thread else None
    try:
        return int(args.run(args))
    except GoldenThreadError as error:
        sys.stderr.write(f"goldenthread: {error}\n")
        return ExitCode.USAGE
    except KeyboardInterrupt:
        sys.stderr.write("goldenthread: stopped\n")
        if argv is None and args.command in ("build", "serve"):
            # What was started is undone; freeing what is left (at 10,000 titles, every page of
            # the site in memory) would take seconds more, so the process ends now.
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(ExitCode.USAGE)
        return ExitCode.USAGE
    finally:
        if main_thread:
            signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    sys.exit(main())
