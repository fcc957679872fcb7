"""Typst, run in a process of its own: `python -m goldenthread.publish.typst_process DIR EPOCH`.

Typst keeps a pool of threads once it has compiled, and a forked copy of a process that
holds them waits for them for ever. Compiling in a short-lived process of its own keeps
every other process free to fork (the build's worker, validation's workers) whatever ran
before. It reads DIR/publication.typ and writes the PDF's bytes to stdout; a Typst error
goes to stderr as its message and diagnostic, with exit code 1.
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

from ..problems import GoldenThreadError
from ..workers import end_with_parent

TEMPLATE = "publication.typ"


class PdfError(GoldenThreadError):
    """Typst could not make the PDF."""


def compile_pdf(work: Path, timestamp: int, what: str) -> bytes:
    """The PDF of work/publication.typ (a PDF/UA-1 file), made in a process of its own."""
    command = [sys.executable, "-m", "goldenthread.publish.typst_process", str(work), str(timestamp),
               str(os.getpid())]
    done = subprocess.run(command, capture_output=True, check=False)
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}"
        raise PdfError(f"{what} could not be made: {detail}")
    return done.stdout


def _compile(work: Path, timestamp: int) -> bytes:
    import typst

    fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True)
    compiler = typst.Compiler(work / TEMPLATE, root=work, font_paths=fonts, ignore_system_fonts=True)
    pdf = compiler.compile(format="pdf", pdf_standards=["ua-1"],
                           timestamp=datetime.datetime.fromtimestamp(timestamp, datetime.UTC))
    assert isinstance(pdf, bytes)
    return pdf


def main(arguments: list[str]) -> int:
    work, timestamp, parent = Path(arguments[0]), int(arguments[1]), int(arguments[2])
    end_with_parent(parent)
    import typst

    try:
        pdf = _compile(work, timestamp)
    except typst.TypstError as error:
        sys.stderr.write(f"{error.message}\n{error.diagnostic}\n")
        return 1
    sys.stdout.buffer.write(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
