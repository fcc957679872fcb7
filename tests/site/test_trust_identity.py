"""The trust's identity on a built site: the site's name (header, tab, feeds), its logo and
favicon, and its locale (every page's lang, the feeds, JSON-LD and the PDF), for a second
trust whose locale is not en-GB; and with no logo, the theme's own look."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from goldenthread.cli import main
from goldenthread.mkdocs_plugin.identity import theme_language

from ..conftest import REPO
from .conftest import _Quiet
from .test_browser import AXE_TAGS

NAME = "Riverside & Vale Learning Partnership"
SHORT = "Riverside"
LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        b'<circle cx="16" cy="16" r="14" fill="#1a4a73"/></svg>')
TRUST = f"""\
name: "{NAME}"
short_name: {SHORT}
logo: images/riverside-logo.svg
email: hello@riverside.example
locale: en-IE
"""


@pytest.fixture(scope="module")
def irish_trust(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("riverside")
    assert main(["init", str(root), "--name", "Someone Else"]) == 0
    (root / "docs/trust.yaml").write_text(TRUST, "utf-8")
    (root / "docs/images").mkdir()
    (root / "docs/images/riverside-logo.svg").write_bytes(LOGO)
    assert main(["--root", str(root), "build"]) == 0
    return root


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_page_is_in_the_trusts_locale(irish_trust: Path) -> None:
    pages = _pages(irish_trust / "site")
    assert len(pages) > 10
    for page in pages:
        assert re.search(r'<html lang="en-IE"', page.read_text("utf-8")), page


def test_the_header_and_the_tab_name_the_trust(irish_trust: Path) -> None:
    site = irish_trust / "site"
    home = (site / "index.html").read_text("utf-8")
    escaped = NAME.replace("&", "&amp;")
    assert f"<title>{escaped}</title>" in home  # the home page's tab: the full name
    header = home[home.index('<header class="md-header'):home.index("</header>")]
    assert f'<span class="md-ellipsis gt-site-name--full">{NAME}</span>' in header
    assert f'aria-label="{NAME}"' in header or f'aria-label="{escaped}"' in header  # the logo link's name
    about = (site / "about" / "index.html").read_text("utf-8")
    assert re.search(r"<title>[^<]+ - Riverside</title>", about)  # other tabs: the short name
    for page in _pages(site):
        text = page.read_text("utf-8")
        assert "Someone Else" not in text and "Knowledge base</" not in text
    assert NAME not in (irish_trust / "mkdocs.yml").read_text("utf-8")  # init wrote no name there


def test_the_header_names_the_trust_in_full_and_by_its_short_name(irish_trust: Path) -> None:
    about = (irish_trust / "site/about/index.html").read_text("utf-8")
    topic = about[about.index('<div class="md-header__topic">'):]
    topic = topic[:topic.index("</div>")]
    assert f'<span class="md-ellipsis gt-site-name--full">{NAME}</span>' in topic
    assert f'<span class="md-ellipsis gt-site-name--short">{SHORT}</span>' in topic


def test_the_header_override_is_materials_own_but_for_the_name() -> None:
    """base/_theme/partials/header.html is Material's, but for the goldenthread block: when
    Material's header changes, this fails, and the copy is made again from the new one."""
    import material

    theirs = (Path(material.__file__).parent / "templates/partials/header.html").read_text("utf-8")
    ours = (REPO / "scripts/goldenthread/base/_theme/partials/header.html").read_text("utf-8")
    block = re.compile(r"          \{#- goldenthread:.*?\{#- /goldenthread #\}\n", re.DOTALL)
    assert len(block.findall(ours)) == 1
    original = ("          <span class=\"md-ellipsis\">\n            {{ config.site_name }}\n"
                "          </span>\n")
    body = block.sub(lambda _: original, ours)
    assert body.split("-#}\n", 1)[1] == theirs.split("-#}\n", 1)[1]


@pytest.fixture(scope="module")
def irish_served(irish_trust: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(irish_trust / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.parametrize(("width", "shown"), [(320, SHORT), (1280, NAME)])
def test_the_header_shows_one_name_for_the_width(browser: Any, irish_served: str, width: int,
                                                 shown: str) -> None:
    """A phone shows the short name whole (the full one would end "Riverside &..."); no
    sideways scroll at 320 px; axe-clean, the logo link named by the trust's full name."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 640})
    try:
        page = context.new_page()
        page.goto(irish_served + "about/", wait_until="load")
        names = page.eval_on_selector_all(".md-header__topic:first-child .md-ellipsis", """spans => spans
            .filter(s => getComputedStyle(s).display !== 'none')
            .map(s => [s.textContent.trim(), s.scrollWidth <= s.clientWidth])""")
        assert names == [[shown, True]]  # one name, not cut short
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        link = page.locator(".md-header .md-logo")
        assert link.get_attribute("aria-label") == NAME
        if width == 1280:
            box = link.bounding_box()
            assert box and box["width"] >= 24 and box["height"] >= 24  # WCAG 2.5.8 target size
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
        violations = Axe().run(page, options=options).response["violations"]
        assert [v["id"] for v in violations] == []
    finally:
        context.close()


def test_the_logo_is_the_headers_and_the_favicon(irish_trust: Path) -> None:
    site = irish_trust / "site"
    about = (site / "about" / "index.html").read_text("utf-8")
    assert '<link rel="icon" href="../images/riverside-logo.svg">' in about
    logo = re.search(r'class="md-header__button md-logo"[^>]*>\s*<img src="([^"]+)" alt="([^"]*)">', about)
    assert logo and logo.group(1) == "../images/riverside-logo.svg"
    assert logo.group(2) == NAME.replace("&", "&amp;")  # the trust's name, not "logo"
    assert (site / "images/riverside-logo.svg").read_bytes() == LOGO


def test_feeds_and_json_ld_carry_the_locale_and_the_name(irish_trust: Path) -> None:
    site = irish_trust / "site"
    feed = (site / "research/feed.xml").read_text("utf-8")
    assert 'xml:lang="en-IE"' in feed and "<title>Riverside: " in feed
    reports = 0
    for page in _pages(site / "research"):
        text = page.read_text("utf-8")
        if "application/ld+json" not in text:
            continue
        data = json.loads(text.split('<script type="application/ld+json">')[1].split("</script>")[0])
        if data.get("@type") == "Report":
            reports += 1
            assert data["inLanguage"] == "en-IE"
            assert '<meta name="citation_language" content="en">' in text  # Scholar: ISO 639-1
    assert reports


def test_the_pdfs_are_in_the_trusts_locale(irish_trust: Path) -> None:
    pdfs = sorted((irish_trust / "site/research").rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        catalog = PdfReader(BytesIO(pdf.read_bytes())).trailer["/Root"]
        assert catalog["/Lang"] == "en-IE", pdf


def test_without_a_logo_the_theme_keeps_its_own(irish_trust: Path, tmp_path: Path) -> None:
    """A Welsh-speaking trust without a logo: Material's icon and favicon, its Welsh words."""
    root = tmp_path / "plain"
    assert main(["init", str(root), "--name", "Plain Trust"]) == 0
    text = (root / "docs/trust.yaml").read_text("utf-8").replace("locale: en-GB", "locale: cy-GB")
    (root / "docs/trust.yaml").write_text(text, "utf-8")
    assert main(["--root", str(root), "build"]) == 0
    home = (root / "site/index.html").read_text("utf-8")
    assert '<html lang="cy-GB"' in home and "<title>Plain Trust</title>" in home
    assert "Neidio i" in home  # Material's skip link in Welsh ("Neidio i'r cynnwys"): theme.language cy
    assert 'href="assets/images/favicon.png"' in home  # Material's
    header = home[home.index('<header class="md-header'):home.index("</header>")]
    assert "<img" not in header and "<svg" in header  # Material's icon
    pdf = next((root / "site/research").rglob("action-research-*.pdf"))
    assert PdfReader(BytesIO(pdf.read_bytes())).trailer["/Root"]["/Lang"] == "cy-GB"
    tagged = [p.read_text("utf-8") for p in (root / "site/research").rglob("index.html")]
    tagged = [text for text in tagged if "citation_language" in text]
    assert tagged and all('<meta name="citation_language" content="cy">' in text for text in tagged)


@pytest.mark.parametrize(("locale", "language"), [
    ("en-GB", "en"), ("en-US", "en"), ("en", "en"), ("cy-GB", "cy"), ("pt-BR", "pt-BR"),
    ("pt-PT", "pt"), ("zh-TW", "zh-TW"), ("xx-YY", "en"),
])
def test_the_themes_language_is_the_closest_it_has(locale: str, language: str) -> None:
    import material

    assert theme_language(locale, [str(Path(material.__file__).parent / "templates")]) == language
