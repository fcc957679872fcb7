"""The site's search index: static, sharded files under docs/search-index/.

Material's own search loads one index of every page before the first search can run
(876 KB gzipped at 10,000 titles). This index is split up so that a search fetches only
what it needs: the manifest, the shard(s) holding the query's terms, and the chunks
holding the documents it shows. `docs/assets/search.js` reads it; the audit checks that
every title and entry is in it. The files are plain generated docs, so `mkdocs serve`
serves them like any other page.

The layout (docs-relative paths, compact JSON with sorted keys, the same for the same
sources):

    search-index/manifest.json  {"chunk": documents per chunk, "docs": how many,
                                 "shards": [shard keys, sorted], "stop": [stop words],
                                 "version": hash of the other files,
                                 "weights": [score of the field whose bit is 1, 2, 4, 8]}
    search-index/t/<n>.json     shard n: {term: [posting, ...]} for every term whose shard
                                key is shards[n]. A posting is gap * 16 + fields: gap is
                                the document number minus the previous posting's (the
                                first: the number itself); fields is the bitmask of the
                                fields the term is in (TEXT, SUMMARY, AUTHOR, TITLE).
    search-index/d/<n>.json     documents n * chunk onwards, each [url, title, kind, snippet]:
                                url relative to the site root, kind "title", "entry" or
                                "page", snippet the text shown under the result.

A term's shard key is its first two characters (a one-character term, which is always a
number, is its own key). A shard bigger than SHARD_BYTES is split by the next character;
terms no longer than the key stay in the shard itself. So a term lives in the shard of
the longest key that begins it, and the terms beginning with a prefix live in the shard
of the longest key that begins the prefix and in the shards whose keys begin with it.

A page whose front matter says `search: {exclude: true}` is left out (hand-written, or
generated: the catalogue's pages after the first).

Tokens: lower case, compatibility-decomposed with marks removed (so "Sánchez" is
"sanchez"), a few letters folded by FOLDS, then runs of letters and digits; stop words
and one-letter words are dropped, numbers are kept. search.js repeats these steps
exactly (casefold() is not used because JavaScript has no equivalent).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import yaml

from ..model import Entry, KnowledgeBase, Title
from .links import entry_page, title_page, url_of
from .text import join_words

FOLDER = "search-index"
MANIFEST = f"{FOLDER}/manifest.json"
CHUNK = 50            # documents per chunk file
SHARD_BYTES = 48_000  # a shard bigger than this (as JSON) is split by one more character
SNIPPET = 200         # characters of text stored to show under a result
PAGE_TEXT = 10_000    # characters of a page's text that are indexed (titles and entries: all)

TEXT, SUMMARY, AUTHOR, TITLE = 1, 2, 4, 8
WEIGHTS = (1, 3, 8, 12)  # the score of each field, in bit order: TEXT, SUMMARY, AUTHOR, TITLE

STOP_WORDS = frozenset(
    "a an and are as at be by for from in into is it its of on or that the this to was were "
    "with".split())
FOLDS = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l",
         "ı": "i"}
_FOLD_TABLE = str.maketrans(FOLDS)
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case, accents and other marks removed, a few letters spelt in ASCII."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")) \
        .translate(_FOLD_TABLE)


def tokens(text: str) -> list[str]:
    """The searchable words of a text, in order (repeats kept)."""
    return [word for word in _WORD.findall(fold(text))
            if word not in STOP_WORDS and (len(word) > 1 or unicodedata.category(word)[0] == "N")]


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
_HEADING = re.compile(r"^#\s+(.+)$", re.M)


def plain_text(markdown: str) -> str:
    """The words a reader sees, roughly: markup, link targets and citations removed."""
    text = _FRONT_MATTER.sub("", markdown)
    text = _FENCE.sub("", text)
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
    fields: tuple[tuple[int, str], ...]  # (field bit, text)


def title_document(title: Title, kb: KnowledgeBase) -> Document:
    topics = kb.named("topics")
    summary = " ".join(title.summary.split())
    return Document(
        url_of(title_page(title)), title.full_title, "title",
        _snippet(f"{join_words(title.authors)} ({title.year}). {summary}"),
        ((TITLE, title.full_title), (AUTHOR, " ".join(title.authors)),
         (SUMMARY, " ".join([summary, str(title.year), *(topics[t].name for t in title.topics
                                                          if t in topics)])),
         (TEXT, title.publisher)))


def entry_document(entry: Entry, kb: KnowledgeBase) -> Document:
    academies, topics = kb.named("academies"), kb.named("topics")
    academy = academies[entry.academy].name if entry.academy in academies else entry.academy
    names = join_words(author.name for author in entry.authors)
    abstract = " ".join(entry.abstract.split())
    return Document(
        url_of(entry_page(entry)), entry.title, "entry",
        _snippet(f"{names}, {academy} ({entry.year}). {abstract}"),
        ((TITLE, entry.title), (AUTHOR, " ".join(a.name for a in entry.authors)),
         (SUMMARY, " ".join([entry.research_question, abstract, academy, str(entry.year),
                             *(topics[t].name for t in entry.topics if t in topics)])),
         (TEXT, " ".join([*(a.role for a in entry.authors), plain_text(entry.body)]))))


def page_document(path: str, markdown: str, generated: bool) -> Document:
    title = page_title(markdown, path)
    text = plain_text(_widgets_removed(markdown) if generated else markdown)
    if text.startswith(title):  # the page's own heading
        text = text[len(title):].lstrip()
    text = text[:PAGE_TEXT]
    return Document(url_of(path), title, "page", _snippet(text), ((TITLE, title), (TEXT, text)))


def documents(kb: KnowledgeBase, pages: Mapping[str, str],
              hand_written: Mapping[str, str]) -> list[Document]:
    """Every page of the site as a document, in document-number order: titles, then entries,
    then the other pages, each by URL (so equal scores put library titles first)."""
    records = {title_page(t) for t in kb.titles} | {entry_page(e) for e in kb.entries}
    others = [page_document(path, text, True) for path, text in pages.items()
              if path not in records and path.endswith(".md") and not opted_out(text)]
    others += [page_document(path, text, False) for path, text in hand_written.items()
               if path not in pages and not opted_out(text)]
    return (sorted((title_document(t, kb) for t in kb.titles), key=lambda d: d.url)
            + sorted((entry_document(e, kb) for e in kb.entries), key=lambda d: d.url)
            + sorted(others, key=lambda d: d.url))


# -- The index --------------------------------------------------------------------------------

def postings(docs: list[Document]) -> dict[str, list[int]]:
    """term -> its encoded postings (gap * 16 + fields), documents in number order."""
    found: dict[str, list[int]] = defaultdict(list)
    last: dict[str, int] = {}
    for number, doc in enumerate(docs):
        fields: dict[str, int] = defaultdict(int)
        for bit, text in doc.fields:
            for term in tokens(text):
                fields[term] |= bit
        for term in sorted(fields):
            found[term].append((number - last.get(term, 0)) * 16 + fields[term])
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
        files[f"{FOLDER}/d/{n}.json"] = _json([[d.url, d.title, d.kind, d.snippet]
                                              for d in docs[start:start + chunk]])
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path].encode("utf-8") + b"\0")
    files[MANIFEST] = _json({"chunk": chunk, "docs": len(docs), "shards": list(shards),
                             "stop": sorted(STOP_WORDS), "version": digest.hexdigest()[:16],
                             "weights": list(WEIGHTS)})
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
