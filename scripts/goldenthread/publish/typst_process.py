"""Typst, run in a process of its own: `python -m goldenthread.publish.typst_process PARENT EPOCH DIR...`.

Typst keeps a pool of threads once it has compiled, and a forked copy of a process that
holds them waits for them for ever. Compiling in a short-lived process of its own keeps
every other process free to fork (the build's worker, validation's workers) whatever ran
before. For each DIR it reads DIR/publication.typ and writes DIR/publication.pdf; a Typst
error goes to stderr (which DIR, its message and diagnostic), with exit code 1.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..problems import GoldenThreadError
from ..workers import end_with_parent

TEMPLATE = "publication.typ"
OUTPUT = "publication.pdf"
FAILED = "failed: "  # the first line on stderr when a PDF fails: which one (its number)

if TYPE_CHECKING:
    import typst


class PdfError(GoldenThreadError):
    """Typst could not make the PDF."""


def compile_pdfs(works: list[Path], timestamp: int, names: list[str]) -> list[bytes]:
    """The PDFs of each work/publication.typ (PDF/UA-1), made in one process of its own
    (Python and Typst start once however many there are). names: what each one is, for an error."""
    command = [sys.executable, "-m", "goldenthread.publish.typst_process", str(os.getpid()), str(timestamp),
               *map(str, works)]
    done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}"
        failed, _, detail = detail.partition("\n") if detail.startswith(FAILED) else ("", "", detail)
        which = names[int(failed[len(FAILED):])] if failed else " and ".join(names)
        raise PdfError(f"{which} could not be made: {detail}")
    return [(work / OUTPUT).read_bytes() for work in works]


def _compile(compiler: typst.Compiler, work: Path, timestamp: int) -> bytes:
    pdf = compiler.compile(input=work / TEMPLATE, root=work, format="pdf", pdf_standards=["ua-1"],
                           timestamp=datetime.datetime.fromtimestamp(timestamp, datetime.UTC))
    assert isinstance(pdf, bytes)
    return pdf


def main(arguments: list[str]) -> int:
    parent, timestamp, works = int(arguments[0]), int(arguments[1]), [Path(a) for a in arguments[2:]]
    end_with_parent(parent)
    import typst

    # One compiler for every PDF: the fonts are read once, and what Typst memoises (the
    # template, the citation style, shaped text) serves the next PDF, which halves the time
    # of a build's offprints. Each PDF is the same bytes as one compiled alone (a test checks).
    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True)
    compiler = typst.Compiler(font_paths=fonts, ignore_system_fonts=True)
    for number, work in enumerate(works):
        try:
            (work / OUTPUT).write_bytes(_compile(compiler, work, timestamp))
        except typst.TypstError as error:
            sys.stderr.write(f"{FAILED}{number}\n{error.message}\n{error.diagnostic}\n")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
