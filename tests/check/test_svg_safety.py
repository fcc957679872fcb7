"""SVG images: the allow-list after namespace resolution and entity decoding; each piece
of active content refused at its line, and the SVG that drawing programs write passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from goldenthread.check.image_files import image_file_problem
from goldenthread.check.svg_safety import svg_findings
from goldenthread.validation import validate

from ..conftest import VALID_ENTRY, build_repo

NS = 'xmlns="http://www.w3.org/2000/svg"'
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'


def svg(body: str, attributes: str = "") -> bytes:
    return f'<?xml version="1.0"?>\n<svg {NS} {XLINK}{attributes}>\n{body}\n</svg>\n'.encode()


# (name, the file, the line each finding must name)
HOSTILE = [
    ("script", svg("<script>alert(1)</script>"), 3),
    ("prefixed svg script", b'<s:svg xmlns:s="http://www.w3.org/2000/svg">\n'
                            b'<s:script>alert(1)</s:script>\n</s:svg>', 2),
    ("xhtml script", svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'), 3),
    ("xhtml iframe", svg('<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="x"/>'), 3),
    ("default xhtml", svg('<div xmlns="http://www.w3.org/1999/xhtml"><script>x</script></div>'), 3),
    ("foreignObject", svg("<foreignObject><p>x</p></foreignObject>"), 3),
    ("event handler", svg('<rect width="1" height="1" onclick="x"/>'), 3),
    ("onload on svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 1),
    ("prefixed onload", b'<s:svg xmlns:s="http://www.w3.org/2000/svg"\n s:onload="x"/>', 1),
    ("javascript link", svg('<a href="javascript:alert(1)"><text>a</text></a>'), 3),
    ("entity-encoded link", svg('<a xlink:href="&#106;avascript:alert(1)"><text>a</text></a>'), 3),
    ("hex entity link", svg('<a href="&#x6A;avascript:x"><text>a</text></a>'), 3),
    ("tab in scheme", svg('<a href="java&#9;script:x"><text>a</text></a>'), 3),
    ("data html link", svg('<a href="data:text/html,x"><text>a</text></a>'), 3),
    ("set animation", svg('<set attributeName="href" to="javascript:x"/>'), 3),
    ("animate", svg('<a><animate attributeName="href" values="javascript:x"/></a>'), 3),
    ("use outside", svg('<use href="https://evil.example/x.svg#a"/>'), 3),
    ("image svg data", svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), 3),
    ("image outside", svg('<image xlink:href="https://evil.example/p.png"/>'), 3),
    ("css import", svg("<style>@import url(https://evil.example/x.css);</style>"), 3),
    ("css url", svg('<rect style="fill: url(https://evil.example/t)"/>'), 3),
    ("entity declaration", b'<?xml version="1.0"?>\n<!DOCTYPE svg [\n<!ENTITY x "y">\n]>\n'
                           b'<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>', 3),
    ("billion laughs", b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">'
                       + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode()
                                  for i in range(8))
                       + b']>\n<svg xmlns="http://www.w3.org/2000/svg"><text>&i;</text></svg>', 2),
    ("unknown namespace attribute",
     svg('<rect ev:event="click" xmlns:ev="http://www.w3.org/2001/xml-events"/>'), 3),
    ("handler element", svg('<handler type="application/ecmascript">x</handler>'), 3),
    ("no namespace", b"<svg>\n<script>x</script>\n</svg>", 1),
    ("not well-formed", svg("<g><rect></g>"), 3),
]


@pytest.mark.parametrize("content, line", [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE])
def test_active_content_in_an_svg_is_refused_at_its_line(content: bytes, line: int) -> None:
    lines = [found[0] for found in svg_findings(content)]
    assert line in lines, list(svg_findings(content))
    assert image_file_problem("images/x.svg", content) is not None


INKSCAPE = b'''<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg width="210mm" height="297mm" viewBox="0 0 210 297" version="1.1" id="svg1"
   inkscape:version="1.3" sodipodi:docname="chart.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"
   xmlns:cc="http://creativecommons.org/ns#">
  <title id="t">Quiz scores by week</title>
  <sodipodi:namedview id="nv" pagecolor="#ffffff" inkscape:zoom="0.7"/>
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format></cc:Work></rdf:RDF></metadata>
  <defs><linearGradient id="g"><stop offset="0" style="stop-color:#000"/></linearGradient>
    <clipPath id="c"><rect width="10" height="10"/></clipPath></defs>
  <style type="text/css">.bar { fill: url(#g); }</style>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" clip-path="url(#c)">
    <rect class="bar" x="10" y="10" width="20" height="80" style="fill:url(#g);stroke:#000"/>
    <text x="10" y="100" font-family="sans-serif" xml:space="preserve">Week 1</text>
    <use xlink:href="#t"/>
    <image width="10" height="10" xlink:href="data:image/png;base64,iVBORw0KGgo="/>
    <a href="https://educationendowmentfoundation.org.uk"><text>EEF</text></a>
  </g>
</svg>
'''
MATPLOTLIB = b'''<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"
  "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg xmlns:xlink="http://www.w3.org/1999/xlink" width="460.8pt" height="345.6pt" viewBox="0 0 460.8 345.6"
 xmlns="http://www.w3.org/2000/svg" version="1.1">
 <metadata><rdf:RDF xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><cc:Work><dc:type
   rdf:resource="http://purl.org/dc/dcmitype/StillImage"/></cc:Work></rdf:RDF></metadata>
 <defs><style type="text/css">*{stroke-linejoin: round; stroke-linecap: butt}</style></defs>
 <g id="figure_1"><g id="patch_1"><path d="M 0 345.6 L 460.8 345.6 z" style="fill: #ffffff"/></g>
  <g id="text_1"><use xlink:href="#DejaVuSans-30" transform="scale(0.1)"/></g></g>
 <defs><path id="DejaVuSans-30" d="M 2034 4250 z" transform="scale(0.015625)"/></defs>
</svg>
'''


@pytest.mark.parametrize("content", [INKSCAPE, MATPLOTLIB, svg('<text x="1">5 &lt; 6 &amp; 7</text>')],
                         ids=["inkscape", "matplotlib", "escaped text"])
def test_svg_from_drawing_programs_passes(content: bytes) -> None:
    assert list(svg_findings(content)) == []
    assert image_file_problem("images/chart.svg", content) is None


@pytest.mark.parametrize("folder", ["research/2025/images", "library/covers"])
def test_validate_names_the_svg_file_and_line(tmp_path: Path, folder: str) -> None:
    root = build_repo(tmp_path / "repo")
    (root / folder).mkdir(parents=True)
    script = svg('<s:script xmlns:s="http://www.w3.org/2000/svg">x</s:script>')
    (root / folder / "chart.svg").write_bytes(script)
    entry = VALID_ENTRY + "\n![A chart](images/chart.svg)\n"
    (root / "research/2025/valid-entry.md").write_text(entry, "utf-8")
    found = [(p.path, p.line, p.code) for p in validate(root).problems]
    assert (f"{folder}/chart.svg", 3, "image-unsafe") in found
