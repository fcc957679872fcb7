"""The site's search index: static, sharded files under docs/search-index/.

Material's own search loads one index of every page before the first search can run
(876 KB gzipped at 10,000 titles). This index is split up so that a search fetches only
what it needs: the manifest, the shard(s) holding the query's terms, and the chunks
holding the documents it shows. `base/assets/search.js` reads it; the audit checks that
every title and entry is in it. The files are plain generated docs, so `mkdocs serve`
serves them like any other page.

The layout (docs-relative paths, compact JSON with sorted keys, the same for the same
sources):

    search-index/manifest.json  {"chunk": documents per chunk, "docs": how many,
                                 "shards": [shard keys, sorted], "words": the rules'
                                 tables (below), "version": hash of the other files}
    search-index/t/<n>.json     shard n: {term: [posting, ...]} for every term whose shard
                                key is shards[n]. A posting is gap * 64 + impact: gap is
                                the document number minus the previous posting's (the
                                first: the number itself); impact (1 to 63) is how much
                                the term says about the document (`impact`).
    search-index/d/<n>.json     documents n * chunk onwards, each [url, title, label, snippet]:
                                url relative to the site root, label what the result is
                                ("Book", "Report", "Action research", "Framework", "Page"),
                                snippet the text shown under the result.

The manifest also carries what search.js needs besides the index: "records" (how many
documents are titles and entries: the rest are pages), "words" (search_words.tables(): every
table search.js makes a query's words into terms with, from the folded letters and the stop
and filler words to the stemmer's exceptional words, so that none is written in search.js),
"glossary" (search_glossary.py's table) and "glossary_page" (the Glossary page's URL).

Terms are search_words.py's: one spelling for British and American forms, stemmed, and
hyphenated words also closed up. An impact is a BM25F weight of the term in the document's
fields (title, subtitle, authors, summary, topics, text), scaled to 1 to 31; a term in the
title, subtitle or authors adds 32, so that a title about a word ranks above every page
that only mentions it. search.js multiplies impacts by each query word's rarity.

A term's shard key is its first two characters (a one-character term, which is always a
number, is its own key). A shard bigger than SHARD_BYTES is split by the next character;
terms no longer than the key stay in the shard itself. So a term lives in the shard of
the longest key that begins it, and the terms beginning with a prefix live in the shard
of the longest key that begins the prefix and in the shards whose keys begin with it.

A page whose front matter says `search: {exclude: true}` is left out (hand-written, or
generated: the catalogue's pages after the first).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import yaml

from ..cite.people import listed
from ..model import Entry, KnowledgeBase, Title
from ..paths import entry_page, title_page, url_of
from .glossary import PAGE as GLOSSARY_PAGE
from .search_glossary import glossary_table
from .search_words import STOP_WORDS, fold, terms, tokens
from .search_words import tables as word_tables

__all__ = ["STOP_WORDS", "fold", "search_files", "tokens"]

FOLDER = "search-index"
MANIFEST = f"{FOLDER}/manifest.json"
CHUNK = 20            # documents per chunk file (a first search fetches up to 10)
SHARD_BYTES = 48_000  # a shard bigger than this (as JSON) is split by one more character
SNIPPET = 200         # characters of text stored to show under a result
PAGE_TEXT = 10_000    # characters of a page's text that are indexed (titles and entries: all)

# The fields of a document, each with its weight and its length normalisation (BM25F's b).
TITLE, SUBTITLE, AUTHOR, SUMMARY, TOPIC, TEXT = range(6)
WEIGHTS = (6.0, 3.0, 5.0, 1.5, 0.5, 0.5)
LENGTH_NORMS = (0.6, 0.5, 0.3, 0.5, 0.3, 0.75)
SATURATION = 1.2  # BM25's k1
NAMED = frozenset((TITLE, SUBTITLE, AUTHOR))  # a term here adds TITLED to its impact
TITLED = 32
IMPACT_STEPS = 31
POSTING = 64      # a posting is gap * POSTING + impact


# -- Markdown to plain text ------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE = re.compile(r"^\s*(```+|~~~+).*$", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_CITATION = re.compile(r"\s?\[-?@[^\]]*\]")
_ATTRIBUTES = re.compile(r"\{\s*[:.#][^}]*\}")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*\w+", re.M)
_TAG = re.compile(r"<[^>]*>")
_ESCAPE = re.compile(r"\\(.)")
_EMPHASIS = re.compile(r"(?<!\\)(?:[*`~]+|(?<!\w)_+|_+(?!\w))")
_STRUCTURE = re.compile(r"(?<!\\)[#>|]+|-{3,}|^\s*[-+]\s+|^\s*\d+\.\s+", re.M)
_LIST_LINK = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+\[")
_TITLE = re.compile(r"^title:\s*(.+)$", re.M)
_ABBREVIATION = re.compile(r"^\*\[[^\]\n]*\]:.*$", re.M)  # the abbr extension's definitions
_HEADING = re.compile(r"^#\s+(.+)$", re.M)


def plain_text(markdown: str) -> str:
    """The words a reader sees, roughly: markup, link targets and citations removed."""
    text = _FRONT_MATTER.sub("", markdown)
    text = _FENCE.sub("", text)
    text = _ABBREVIATION.sub("", text)
    text = _CITATION.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _ATTRIBUTES.sub("", text)
    text = _ADMONITION.sub("", text)
    text = _TAG.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    text = _STRUCTURE.sub(" ", text)
    text = _ESCAPE.sub(r"\1", text)
    return " ".join(html.unescape(text).split())


def opted_out(markdown: str) -> bool:
    """Whether a page's front matter says `search: {exclude: true}`, as Material's does."""
    front = _FRONT_MATTER.match(markdown)
    try:
        meta = yaml.safe_load(front.group(0).strip("-\n")) if front else None
    except yaml.YAMLError:
        return False
    search = meta.get("search") if isinstance(meta, dict) else None
    return isinstance(search, dict) and search.get("exclude") is True


def page_title(markdown: str, path: str) -> str:
    """The front matter's title, else the first level-one heading, else the file name."""
    front = _FRONT_MATTER.match(markdown)
    found = _TITLE.search(front.group(0)) if front else None
    if found:
        value = found.group(1).strip()
        try:
            loaded = json.loads(value)
        except ValueError:
            loaded = value.strip("'\"")
        return str(loaded)
    heading = _HEADING.search(_FRONT_MATTER.sub("", markdown))
    if heading:
        return plain_text(heading.group(1))
    return path.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").capitalize()


def _widgets_removed(markdown: str) -> str:
    """A generated page without its widgets (raw HTML lines: the catalogue list, filter form,
    evidence map) and its lists of links to other pages (indexed on their own pages)."""
    return "\n".join(line for line in markdown.splitlines()
                     if not line.lstrip().startswith("<") and not _LIST_LINK.match(line))


def _snippet(text: str) -> str:
    words = " ".join(text.split())
    if len(words) <= SNIPPET:
        return words
    cut = words[:SNIPPET].rsplit(" ", 1)[0]
    return cut.rstrip(",;:.") + "…"


# -- Documents --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Document:
    url: str                           # relative to the site root, e.g. "library/make-it-stick/"
    title: str
    kind: str                          # "title", "entry" or "page"
    snippet: str
    fields: tuple[tuple[int, str], ...]  # (field, text)
    label: str = "Page"                # what a reader is told the result is


def title_document(title: Title, kb: KnowledgeBase) -> Document:
    topics = kb.named("topics")
    summary = " ".join(title.summary.split())
    return Document(
        url_of(title_page(title)), title.full_title, "title",
        _snippet(f"{listed(title.authors)} ({title.year}). {summary}"),
        ((TITLE, title.title), (SUBTITLE, title.subtitle), (AUTHOR, " ".join(title.authors)),
         (SUMMARY, summary),
         (TOPIC, " ".join([str(title.year), *(topics[t].name for t in title.topics if t in topics)])),
         (TEXT, title.publisher)),
        "Report" if title.type == "report" else "Book")


def entry_document(entry: Entry, kb: KnowledgeBase) -> Document:
    academies, topics = kb.named("academies"), kb.named("topics")
    academy = academies[entry.academy].name if entry.academy in academies else entry.academy
    names = listed([author.name for author in entry.authors])
    abstract = " ".join(entry.abstract.split())
    return Document(
        url_of(entry_page(entry)), entry.title, "entry",
        _snippet(f"{names}, {academy} ({entry.year}). {abstract}"),
        ((TITLE, entry.title), (AUTHOR, " ".join(a.name for a in entry.authors)),
         (SUMMARY, " ".join([entry.research_question, abstract])),
         (TOPIC, " ".join([academy, str(entry.year),
                           *(topics[t].name for t in entry.topics if t in topics)])),
         (TEXT, " ".join([*(a.role for a in entry.authors), plain_text(entry.body)]))),
        "Action research")


_SUBHEADING = re.compile(r"^#{2,6}\s+(.+?)\s*#*\s*$", re.M)


def page_document(path: str, markdown: str, generated: bool) -> Document:
    """A page: its title, its headings (as a summary) and its text."""
    title = page_title(markdown, path)
    source = _widgets_removed(markdown) if generated else markdown
    text = plain_text(source)
    if text.startswith(title):  # the page's own heading
        text = text[len(title):].lstrip()
    text = text[:PAGE_TEXT]
    headings = " ".join(plain_text(h) for h in _SUBHEADING.findall(_FRONT_MATTER.sub("", source)))
    return Document(url_of(path), title, "page", _snippet(text),
                    ((TITLE, title), (SUMMARY, headings), (TEXT, text)),
                    "Framework" if path.startswith("framework/") else "Page")


def _introduction(markdown: str) -> str:
    """A page up to its first section: the Glossary page is found by its name, while search
    links a query's glossary terms to their entries (search_glossary.py), so its terms do not
    put the page above the pages about them."""
    return markdown.split("\n## ", 1)[0]


def documents(kb: KnowledgeBase, pages: Mapping[str, str],
              hand_written: Mapping[str, str]) -> list[Document]:
    """Every page of the site as a document, in document-number order: titles, then entries,
    then the other pages, each by URL (so equal scores put library titles first)."""
    records = {title_page(t) for t in kb.titles} | {entry_page(e) for e in kb.entries}
    pages = {path: _introduction(text) if path == GLOSSARY_PAGE else text for path, text in pages.items()}
    others = [page_document(path, text, True) for path, text in pages.items()
              if path not in records and path.endswith(".md") and not opted_out(text)]
    others += [page_document(path, text, False) for path, text in hand_written.items()
               if path not in pages and not opted_out(text)]
    return (sorted((title_document(t, kb) for t in kb.titles), key=lambda d: d.url)
            + sorted((entry_document(e, kb) for e in kb.entries), key=lambda d: d.url)
            + sorted(others, key=lambda d: d.url))


# -- The index --------------------------------------------------------------------------------

FieldTerms = list[Counter[str]]  # per field: term -> how often


def field_terms(doc: Document) -> FieldTerms:
    counted: FieldTerms = [Counter() for _ in WEIGHTS]
    for field, text in doc.fields:
        counted[field].update(terms(text))
    return counted


def length_norms(fields: FieldTerms, averages: list[float]) -> list[float]:
    """Each field's BM25 length normalisation in a document: 1 - b + b * length / average."""
    return [1 - b + b * sum(counted.values()) / average
            for b, counted, average in zip(LENGTH_NORMS, fields, averages, strict=True)]


def impacts(fields: FieldTerms, norms: list[float]) -> dict[str, int]:
    """How much each term says about a document, 1 to 63: its BM25F weight over the document's
    fields (each field's count weighted and normalised by the field's length), saturated and
    scaled to 1 to IMPACT_STEPS, plus TITLED if it is in the title, subtitle or authors."""
    weights: dict[str, float] = defaultdict(float)
    named: set[str] = set()
    for field, counted in enumerate(fields):
        scale = WEIGHTS[field] / norms[field]
        for term, count in counted.items():
            weights[term] += scale * count
        if field in NAMED:
            named.update(counted)
    return {term: max(1, round(IMPACT_STEPS * weight / (SATURATION + weight)))
            + (TITLED if term in named else 0) for term, weight in weights.items()}


def postings(docs: list[Document]) -> dict[str, list[int]]:
    """term -> its encoded postings (gap * POSTING + impact), documents in number order."""
    every = [field_terms(doc) for doc in docs]
    averages = []
    for field in range(len(WEIGHTS)):
        lengths = [sum(fields[field].values()) for fields in every if fields[field]]
        averages.append(sum(lengths) / len(lengths) if lengths else 1.0)
    found: dict[str, list[int]] = defaultdict(list)
    last: dict[str, int] = {}
    for number, fields in enumerate(every):
        weighed = impacts(fields, length_norms(fields, averages))
        for term in sorted(weighed):
            found[term].append((number - last.get(term, 0)) * POSTING + weighed[term])
            last[term] = number
    return dict(found)


def _entry_size(term: str, encoded: list[int]) -> int:
    """The characters of '"term":[p,...],' in a shard."""
    return len(term) + 5 + sum(len(str(p)) + 1 for p in encoded)


def shard_keys(index: Mapping[str, list[int]], limit: int = SHARD_BYTES) -> dict[str, list[str]]:
    """shard key -> its terms (sorted). A shard over limit bytes is split by one more character."""
    shards: dict[str, list[str]] = {}
    sizes = {term: _entry_size(term, encoded) for term, encoded in index.items()}

    def place(terms: list[str], depth: int) -> None:
        groups: dict[str, list[str]] = defaultdict(list)
        for term in terms:
            groups[term[:depth]].append(term)
        for key, group in groups.items():
            longer = [t for t in group if len(t) > depth]
            size = sum(sizes[t] for t in group)
            if size <= limit or not longer or len(group) == 1:
                shards[key] = group
                continue
            if len(longer) < len(group):
                shards[key] = [t for t in group if len(t) <= depth]
            place(longer, depth + 1)

    place(sorted(index), 2)
    return {key: sorted(shards[key]) for key in sorted(shards)}


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def search_files(kb: KnowledgeBase, pages: Mapping[str, str], hand_written: Mapping[str, str],
                 chunk: int = CHUNK, limit: int = SHARD_BYTES) -> dict[str, str]:
    """docs-relative path -> JSON text of every file of the index.

    pages are the generated pages (docs-relative path -> Markdown), hand_written the other
    Markdown pages under docs/."""
    docs = documents(kb, pages, hand_written)
    index = postings(docs)
    shards = shard_keys(index, limit)
    files = {f"{FOLDER}/t/{n}.json": _json({term: index[term] for term in terms})
             for n, terms in enumerate(shards.values())}
    for n, start in enumerate(range(0, len(docs), chunk)):
        files[f"{FOLDER}/d/{n}.json"] = _json([[d.url, d.title, d.label, d.snippet]
                                              for d in docs[start:start + chunk]])
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path].encode("utf-8") + b"\0")
    files[MANIFEST] = _json({
        "chunk": chunk, "docs": len(docs), "shards": list(shards), "words": word_tables(),
        "glossary": glossary_table(kb),
        "glossary_page": url_of(GLOSSARY_PAGE) if kb.glossary else "",
        "records": sum(d.kind != "page" for d in docs), "version": digest.hexdigest()[:16]})
    return files


def indexed_urls(read: Callable[[str], str | None]) -> set[str]:
    """The URL of every document in an index; read(docs-relative path) gives a file's text,
    or None if there is no such file."""
    text = read(MANIFEST)
    if text is None:
        return set()
    manifest = json.loads(text)
    urls: set[str] = set()
    for n in range(-(-int(manifest["docs"]) // int(manifest["chunk"]))):
        chunk = read(f"{FOLDER}/d/{n}.json")
        urls |= {str(doc[0]) for doc in json.loads(chunk)} if chunk is not None else set()
    return urls
