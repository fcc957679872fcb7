"""Active content in an SVG image, which the site serves as a file (a browser opening it
runs its scripts on the site's origin): the allow-list of active_content.py for SVG, on
elements and attributes as an XML parser resolves their namespaces (`<s:script>` is a
script when `s` names SVG's namespace; `<h:script>` when `h` names XHTML's).

Only SVG's drawing elements and the inert metadata of drawing programs pass; a URL may
point within the drawing (#id), to a web page (http, https, mailto) from a link, or be an
embedded picture (data:image/png, jpeg, gif, webp). Entity declarations are refused: they
can hide any of this from a reader and grow a small file into gigabytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.parsers import expat

from .active_content import unsafe_scheme, url_as_browser_reads

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# Drawing programs' own notes (Inkscape, Sodipodi, Creative Commons, Dublin Core, RDF,
# Adobe Illustrator): browsers ignore elements and attributes in these namespaces.
INERT_NAMESPACES = frozenset([
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://creativecommons.org/ns#", "http://web.resource.org/cc/",
    "http://purl.org/dc/elements/1.1/", "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://ns.adobe.com/AdobeIllustrator/10.0/", "http://ns.adobe.com/Graphs/1.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/", "http://ns.adobe.com/Extensibility/1.0/",
    "http://ns.adobe.com/Variables/1.0/", "http://ns.adobe.com/ImageReplacement/1.0/",
    "http://ns.adobe.com/Flows/1.0/", "http://ns.adobe.com/xap/1.0/",
])
SVG_ELEMENTS = frozenset("""
svg g defs desc title metadata symbol use switch a view style
path rect circle ellipse line polyline polygon text tspan textPath image marker pattern
clipPath mask linearGradient radialGradient stop filter
feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting
feDisplacementMap feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR
feGaussianBlur feImage feMerge feMergeNode feMorphology feOffset fePointLight
feSpecularLighting feSpotLight feTile feTurbulence
""".split())
# SVG's geometry, presentation and text attributes: none runs a script or loads a page.
SVG_ATTRIBUTES = frozenset("""
id class style lang tabindex role version baseProfile viewBox preserveAspectRatio x y x1 y1 x2 y2
cx cy r rx ry width height d points transform pathLength dx dy rotate textLength lengthAdjust
fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin
stroke-miterlimit stroke-dasharray stroke-dashoffset opacity color display visibility overflow
clip clip-path clip-rule mask filter marker-start marker-mid marker-end font-family font-size
font-size-adjust font-stretch font-style font-variant font-weight letter-spacing word-spacing
text-anchor text-decoration dominant-baseline alignment-baseline baseline-shift
writing-mode direction unicode-bidi white-space text-rendering shape-rendering image-rendering
color-rendering color-interpolation color-interpolation-filters color-profile paint-order
vector-effect isolation mix-blend-mode stop-color stop-opacity flood-color flood-opacity
lighting-color offset gradientUnits gradientTransform spreadMethod fx fy fr patternUnits
patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits markerUnits
markerWidth markerHeight refX refY orient filterUnits primitiveUnits in in2 result mode
type values tableValues slope intercept amplitude exponent k k1 k2 k3 k4 operator radius
stdDeviation edgeMode kernelMatrix order divisor bias targetX targetY preserveAlpha scale
xChannelSelector yChannelSelector baseFrequency numOctaves seed stitchTiles surfaceScale
diffuseConstant specularConstant specularExponent kernelUnitLength azimuth elevation
pointsAtX pointsAtY pointsAtZ limitingConeAngle z method spacing startOffset side
enable-background requiredFeatures requiredExtensions systemLanguage focusable
aria-label aria-labelledby aria-describedby aria-hidden href target media title
""".split())
URL_ATTRIBUTES = frozenset(["href", f"{XLINK} href"])
_PICTURE = re.compile(r"data:image/(?:png|jpeg|gif|webp)[;,]", re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^)'\"\s]*)|@import|expression\(|-moz-binding|behavior\s*:",
                      re.IGNORECASE)

Finding = tuple[int, int, str]  # line, column, what is refused and what to do


def _local(name: str) -> tuple[str, str]:
    """(namespace, local name) of an expat name 'namespace local' or 'local'."""
    namespace, _, local = name.rpartition(" ")
    return namespace, local


def _css_problem(css: str) -> str | None:
    for found in _CSS_URL.finditer(css):
        target = found.group(1)
        if target is None or not target.startswith("#"):
            return "style that loads something from elsewhere (url(...) or @import)"
    return None


def _url_problem(element: str, value: str) -> str | None:
    seen = url_as_browser_reads(value)
    if seen.startswith("#"):
        return None
    if element == "image" and _PICTURE.match(seen):
        return None
    if element == "a":
        scheme = unsafe_scheme(value)
        return f"a {scheme} link" if scheme else None
    return f"a reference to {seen[:60]!r} outside the drawing"


def _attribute_problem(element: str, name: str, value: str) -> str | None:
    namespace, local = _local(name)
    if local.lower().startswith("on") and namespace in ("", SVG):
        return f"the attribute {local}=, which runs a script"
    if name in URL_ATTRIBUTES:
        return _url_problem(element, value)
    if namespace in INERT_NAMESPACES or namespace == XML or (namespace == XLINK and local != "href"):
        return None
    if namespace or local not in SVG_ATTRIBUTES:
        return f"the attribute {local}=, which is not one of SVG's drawing attributes"
    if local == "style":
        return _css_problem(value)
    return None


def _element_problem(name: str) -> str | None:
    namespace, local = _local(name)
    if (namespace == SVG and local in SVG_ELEMENTS) or namespace in INERT_NAMESPACES:
        return None
    if not namespace and local == "svg":
        return ('the drawing does not say it is SVG (xmlns="http://www.w3.org/2000/svg" on '
                "<svg>), so browsers do not show it")
    where = {SVG: "", "http://www.w3.org/1999/xhtml": " (a web page's)"}.get(namespace, " (not SVG's)")
    return f"the element <{local}>{where}, which is not one of SVG's drawing elements"


def _line_col(content: bytes, index: int) -> tuple[int, int]:
    """Line and column (in characters) of a byte offset, lines ending at \\n as editors and
    git count them (expat also ends lines at a lone \\r, and counts columns in bytes)."""
    index = min(max(index, 0), len(content))
    start = content.rfind(b"\n", 0, index) + 1
    return content.count(b"\n", 0, index) + 1, len(content[start:index].decode("utf-8", "replace")) + 1


class _Scan:
    def __init__(self, content: bytes) -> None:
        self.content = content
        self.parser = expat.ParserCreate(namespace_separator=" ")
        self.found: list[Finding] = []
        self.in_style = 0
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.text
        self.parser.EntityDeclHandler = self.entity
        self.parser.ExternalEntityRefHandler = self.external

    def at(self, what: str, index: int | None = None) -> None:
        self.found.append((*_line_col(self.content, self.parser.CurrentByteIndex if index is None else index),
                           what))

    def start(self, name: str, attributes: dict[str, str]) -> None:
        refused = _element_problem(name)
        if refused:
            self.at(refused)
        namespace, element = _local(name)
        self.in_style += element == "style"
        if namespace in INERT_NAMESPACES:
            return  # a drawing program's note: neither shown nor run, nor its attributes
        for attribute, value in attributes.items():
            problem = _attribute_problem(element, attribute, value)
            if problem:
                self.at(problem)

    def end(self, name: str) -> None:
        self.in_style -= _local(name)[1] == "style"

    def text(self, data: str) -> None:
        problem = _css_problem(data) if self.in_style else None
        if problem:
            self.at(problem)

    def entity(self, *_: object) -> None:
        self.at("an entity declaration (<!ENTITY ...>)")

    def external(self, *_: object) -> int:
        self.at("a reference to an outside file")
        return 1


def svg_findings(content: bytes) -> Iterator[Finding]:
    """(line, column, what) for each piece of content in an SVG file that is not known
    to be inert; a file an XML parser cannot read is one finding (browsers show nothing)."""
    scan = _Scan(content)
    try:
        scan.parser.Parse(content, True)
    except expat.ExpatError as error:
        scan.at(f"XML that cannot be read ({expat.errors.messages[error.code]})", scan.parser.ErrorByteIndex)
    return iter(sorted(scan.found))
