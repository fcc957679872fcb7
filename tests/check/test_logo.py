"""The trust's logo (docs/trust.yaml `logo`): an image under docs/ that the site publishes,
whole and safe; each refusal at the line that names it, or at the file's own line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from goldenthread.cli import main
from goldenthread.identity import logo_path

from ..conftest import Write
from ..publication.test_pdf import png_pixel

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>'
ACTIVE_SVG = (b'<svg xmlns="http://www.w3.org/2000/svg">\n<rect width="10" height="10"/>\n'
              b'<script>x()</script></svg>')
TRUST = "name: Riverside Learning Partnership\nemail: hello@riverside.example\nlogo: {logo}\n"


def _problems(repo: Path, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int, str]]:
    main(["--root", str(repo), "validate", "--format", "json"])
    return [(p["path"], p["line"], p["code"]) for p in json.loads(capsys.readouterr().out)
            if p["level"] == "error"]


@pytest.mark.parametrize(("logo", "files", "expected"), [
    ("images/logo.svg", {"docs/images/logo.svg": SVG}, []),
    ("images/logo.png", {"docs/images/logo.png": png_pixel()}, []),
    ("https://riverside.example/logo.png", {}, [("docs/trust.yaml", 3, "logo-file")]),
    ("//riverside.example/logo.png", {}, [("docs/trust.yaml", 3, "logo-file")]),
    ("data:image/png;base64,AAAA", {}, [("docs/trust.yaml", 3, "logo-file")]),
    ("/images/logo.svg", {"docs/images/logo.svg": SVG}, [("docs/trust.yaml", 3, "logo-file")]),
    ("../library/logo.svg", {"library/logo.svg": SVG}, [("docs/trust.yaml", 3, "logo-file")]),
    ("_theme/logo.svg", {"docs/_theme/logo.svg": SVG}, [("docs/trust.yaml", 3, "logo-file")]),
    # where the build writes the engine's files (or its pages) afresh: the logo would be lost
    ("assets/logo.svg", {"docs/assets/logo.svg": SVG}, [("docs/trust.yaml", 3, "logo-file")]),
    ("library/logo.svg", {"docs/library/logo.svg": SVG}, [("docs/trust.yaml", 3, "logo-file")]),
    ("images\\logo.svg", {"docs/images/logo.svg": SVG}, [("docs/trust.yaml", 3, "logo-file")]),
    ("images/missing.svg", {}, [("docs/trust.yaml", 3, "logo-file")]),
    ("images", {"docs/images/logo.svg": SVG}, [("docs/trust.yaml", 3, "logo-file")]),  # a folder
    ("images/logo.svg", {"docs/images/logo.svg": ACTIVE_SVG}, [("docs/images/logo.svg", 3, "image-unsafe")]),
    ("images/logo.png", {"docs/images/logo.png": SVG}, [("docs/images/logo.png", 1, "image-corrupt")]),
    ("images/logo.gif", {"docs/images/logo.gif": b"GIF89a"}, [("docs/images/logo.gif", 1, "image-format")]),
])
def test_a_logo_is_a_safe_image_under_docs(repo: Path, write: Write, capsys: pytest.CaptureFixture[str],
                                           logo: str, files: dict[str, bytes],
                                           expected: list[tuple[str, int, str]]) -> None:
    for path, content in files.items():
        write(path, content)
    write("docs/trust.yaml", TRUST.format(logo=json.dumps(logo)))
    assert _problems(repo, capsys) == expected


def test_no_logo_is_no_problem(repo: Path, write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    write("docs/trust.yaml", "name: Riverside Learning Partnership\n")
    assert _problems(repo, capsys) == []


def test_a_logo_path_is_read_from_docs() -> None:
    assert logo_path("images/logo.svg") == "docs/images/logo.svg"
    assert logo_path("logo.png") == "docs/logo.png"
    assert logo_path("./logo.png") == "docs/logo.png"
    for refused in ("", "/logo.png", "../logo.png", "images/../../x.png", ".hidden/logo.png",
                    "_text/logo.png", "mailto:x@y.example", "C:\\logo.png"):
        assert logo_path(refused) is None, refused
