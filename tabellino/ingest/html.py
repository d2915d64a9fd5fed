"""Read HTML pages into documents: main text, metadata, and where the article sits in the markup.

One page goes through five steps (each its own module where it grows):

1. bytes to text — :func:`tabellino.ingest.html_charset.decode_html` (BOM, HTTP header, ``<meta>``,
   detection; declared charsets that lie are caught);
2. parse with lxml (malformed markup is repaired, never refused);
3. metadata — :func:`tabellino.ingest.html_meta.page_meta` (JSON-LD, OpenGraph, metas, htmldate);
4. chrome removal — :func:`tabellino.ingest.html_prune.prune_chrome` (football chrome on top of what
   trafilatura removes: related-article lists with other scores, live tickers, share bars, banners);
5. main text — trafilatura over the pruned tree, one line per paragraph (tables as ``| a | b |``
   rows, list items as ``- item``), with the page's ``<h1>`` headline first when trafilatura left
   it out (pasted articles start with their headline, and headlines state facts).

The language is the one identified from the main text, the page's declaration (``<html lang>``,
``og:locale``, ...) only when identification is unsure: templates often declare a default
language whatever the article is written in.

The result is a :class:`~tabellino.models.Document` whose ``text`` is the plain main text (so
``content_type`` is ``text/plain``; the page's bytes stay in ``raw``). Evidence spans point into that
text. ``html_path`` is the XPath (as lxml writes it, e.g. ``/html/body/div[2]/article``) of the
smallest element of the *original* page holding the first and last extracted paragraphs, so a
user can go back to the article in the markup; None when it cannot be found.

Errors (all :class:`~tabellino.errors.InputError`): :class:`~tabellino.errors.BinaryInputError` for a
PDF, image, archive or other binary data; :class:`~tabellino.errors.EmptyInputError` for an empty
page or one with no article text (a page that is all script); :class:`~tabellino.errors.InputError`
for text that is not HTML at all.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement, document_fromstring

from tabellino.errors import EmptyInputError, InputError
from tabellino.ingest.html_charset import decode_html
from tabellino.ingest.html_meta import page_meta
from tabellino.ingest.html_prune import prune_chrome
from tabellino.ingest.langid import UNKNOWN, identify
from tabellino.ingest.sources import SourceFailure, check_bytes
from tabellino.models import Document

__all__ = ["HTML_TYPES", "html_document", "html_text", "looks_like_html", "read_html"]

log = logging.getLogger(__name__)
# trafilatura warns about every page it finds little in ("discarding data: None"); the page's own
# error (or document) says what happened, so only its errors are let through.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
"""The content types read as HTML."""

# WHATWG MIME sniffing: a page starts (after white space) with one of these tags or a comment.
_SNIFF_START = re.compile(
    rb"\s*(?:<!doctype\s+html|<!--|<(?:html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p"
    rb"|meta|link|article|section|main|header|nav)[\s/>])",
    re.IGNORECASE,
)
_SNIFF_XML = re.compile(rb"\s*<\?xml[^>]*>\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>])", re.I | re.S)
_SNIFF_ANYWHERE = re.compile(rb"<html[\s>]|<body[\s>]|<!doctype\s+html", re.IGNORECASE)
_SNIFF_BYTES = 1024
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_MIN_TEXT = 20
_RETRY_BELOW = 500
_MIN_HEADLINE = 10
_MAX_HEADLINE = 300
_HEADLINE_LINES = 3
_LOCATE_PREFIX = 60
# Block elements whose text (white space collapsed, no-break spaces too) starts with $prefix; XPath
# runs in C, far faster than reading each element's text in Python. Plain <p> first, then other
# paragraph-like elements: a <div>'s text is its whole subtree, costly to build for every wrapper.
_STARTS_WITH = "[starts-with(normalize-space(translate(., '\u00a0\u2009\u202f', '   ')), $prefix)]"
_PARAGRAPHS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd")
_STARTING = (
    etree.XPath(
        " | ".join(f"//{tag}[starts-with(normalize-space(.), $prefix)]" for tag in ("p", "h1", "h2"))
    ),
    etree.XPath(f"//*[{' or '.join(f'self::{tag}' for tag in _PARAGRAPHS)}]{_STARTS_WITH}"),
    etree.XPath(f"//div{_STARTS_WITH}"),
)


def looks_like_html(data: bytes) -> bool:
    """Return whether bytes look like an HTML page (browser sniffing rules, plus ``<html>`` early on)."""
    head = _ascii_head(data)
    if _SNIFF_START.match(head) or _SNIFF_XML.match(head):
        return True
    return _SNIFF_ANYWHERE.search(head) is not None


def _ascii_head(data: bytes) -> bytes:
    """Return the start of the data as single-byte text (a UTF-16 page is re-encoded, a BOM cut)."""
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            head = data[len(bom) : len(bom) + 2 * _SNIFF_BYTES].decode(codec, errors="ignore")
            return head.encode("utf-8", errors="ignore")
    return data[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")


def read_html(data: bytes, source: str) -> Iterator[Document | SourceFailure]:
    """Yield the one document of an HTML file (the :data:`~tabellino.ingest.sources.READERS` entry)."""
    yield html_document(data, source)


def html_document(
    data: bytes, source: str, *, url: str | None = None, content_type: str | None = None
) -> Document:
    """Read one HTML page (bytes as received) into a document: main text plus the page's metadata.

    ``content_type`` is the HTTP header when the page was fetched (its charset wins over the page's).
    Raises :class:`~tabellino.errors.InputError` subclasses as the module docstring lists.
    """
    check_bytes(data, source)
    if not looks_like_html(data):
        raise InputError(f"{source}: the input is not an HTML page")
    tree = _parse(decode_html(data, content_type, source), source)
    meta = page_meta(tree, url)
    text = _with_headline(tree, _main_text(tree, meta.url, source), meta.title)
    return Document(
        id=source,
        text=text,
        url=meta.url,
        title=meta.title,
        published=meta.published,
        language=_language(text, meta.language),
        content_type="text/plain",
        outlet=meta.outlet,
        author=meta.author,
        raw=data,
        html_path=_locate(tree, text),
    )


def _language(text: str, declared: str | None) -> str | None:
    """Return the text's language when it can be identified, else the one the page declares.

    Themes and CMS templates often declare a default language whatever the article is written in
    (``<html lang="en-US">`` over Italian text), so the declaration only breaks a tie.
    """
    found = identify(text)
    return declared if found == UNKNOWN else found


def html_text(markup: str, source: str = "", url: str | None = None) -> str:
    """Return the main text of a page given as a string (the ``text/html`` entry of TEXT_EXTRACTORS).

    Only the text: a caller that has the page's bytes should use :func:`html_document`, which also
    reads the metadata.
    """
    tree = _parse(markup, source)
    return _with_headline(tree, _main_text(tree, url, source), page_meta(tree, url).title)


def _parse(markup: str, source: str) -> HtmlElement:
    """Parse markup into an lxml tree (repairing it), refusing a page with nothing in it."""
    markup = _XML_DECLARATION.sub("", markup, count=1)  # lxml refuses str input that declares bytes
    if not markup.strip():
        raise EmptyInputError(f"{source}: the page is empty")
    try:
        return document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise EmptyInputError(f"{source}: the page has no content ({exc})") from exc


def _main_text(tree: HtmlElement, url: str | None, source: str) -> str:
    """Return the main text of a page without its chrome; the page's own tree is left untouched.

    trafilatura runs in its fast mode first; a short result is retried with its fallback
    extractors (readability, jusText), which rescue pages of unusual layout at twice the cost.
    """
    text = _trafilatura(_pruned(tree), url, fast=True)
    if _letters(text) < _RETRY_BELOW:
        text = max(text, _trafilatura(_pruned(tree), url, fast=False), key=_letters)
    if _letters(text) < _MIN_TEXT:
        raise EmptyInputError(f"{source}: the page has no article text (only markup, script or chrome)")
    return text


def _pruned(tree: HtmlElement) -> HtmlElement:
    """Return a copy of the page without its chrome (trafilatura changes the tree it is given)."""
    pruned = copy.deepcopy(tree)
    prune_chrome(pruned)
    return pruned


def _trafilatura(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    """Run trafilatura's extraction over a (pruned) tree, which it modifies, and return the text."""
    from trafilatura import bare_extraction

    result = bare_extraction(
        tree,
        url=url,
        fast=fast,
        include_comments=False,
        include_images=False,
        include_tables=True,
        favor_recall=True,
        deduplicate=False,
        with_metadata=False,
    )
    return _tidy(getattr(result, "text", None) or "")


def _letters(text: str) -> int:
    """Return the number of non-space characters of a text."""
    return len("".join(text.split()))


def _tidy(text: str) -> str:
    """Strip each line's trailing white space and drop blank lines at the ends."""
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _with_headline(tree: HtmlElement, text: str, title: str | None) -> str:
    """Put the page's ``<h1>`` headline first in the text when trafilatura left it out.

    Pasted articles start with their headline, and headlines state facts ("Inter 2-1 Milan"), so the
    text keeps it. The ``<h1>`` counts as the headline inside ``<article>`` / ``<main>``, or when it
    matches the page's title (a logo in an ``<h1>`` does not).
    """
    h1 = _headline_element(tree)
    if h1 is None:
        return text
    headline = " ".join(h1.text_content().split())
    in_body = any(a.tag in ("article", "main") for a in h1.iterancestors())
    titled = bool(title) and (headline in (title or "") or (title or "") in headline)
    if not _MIN_HEADLINE <= len(headline) <= _MAX_HEADLINE or not (in_body or titled):
        return text
    first_lines = [" ".join(line.split()) for line in text.splitlines()[:_HEADLINE_LINES]]
    return text if headline in first_lines else f"{headline}\n{text}"


def _headline_element(tree: HtmlElement) -> HtmlElement | None:
    """Return the ``<h1>`` inside ``<article>`` or ``<main>``, else the page's first ``<h1>``."""
    found = tree.xpath("(//article//h1 | //main//h1)[1]") or tree.xpath("(//h1)[1]")
    return found[0] if found and isinstance(found[0], HtmlElement) else None


# --- where the article is in the original page ------------------------------------------------------


def _locate(tree: HtmlElement, text: str) -> str | None:
    """Return the XPath of the smallest element holding the first and last extracted paragraphs."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    first = _element_starting(tree, lines[0])
    last = _element_starting(tree, lines[-1])
    if first is None or last is None:
        return None
    common = _common_ancestor(first, last)
    return str(tree.getroottree().getpath(common))


def _element_starting(tree: HtmlElement, line: str) -> HtmlElement | None:
    """Return the deepest block element whose text starts with the start of ``line``."""
    # trafilatura writes list items as "- item": the element's own text may lack the dash
    prefixes = dict.fromkeys((line[:_LOCATE_PREFIX], line.removeprefix("- ")[:_LOCATE_PREFIX]))
    for query in _STARTING:
        for prefix in prefixes:
            found = query(tree, prefix=prefix)
            matches = [el for el in found if isinstance(el, HtmlElement)] if isinstance(found, list) else []
            if matches:
                return _deepest_first(matches)
    return None


def _deepest_first(matches: list[HtmlElement]) -> HtmlElement:
    """Return the deepest of the first match and the matches nested in it (document order)."""
    first = deepest = matches[0]
    for el in matches[1:]:
        if first not in el.iterancestors():
            break
        deepest = el
    return deepest


def _common_ancestor(a: HtmlElement, b: HtmlElement) -> HtmlElement:
    """Return the deepest element that contains both ``a`` and ``b``."""
    seen = {a, *a.iterancestors()}
    if b in seen:
        return b
    for el in b.iterancestors():
        if el in seen:
            return el
    return a
