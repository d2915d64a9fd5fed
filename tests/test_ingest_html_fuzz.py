"""Any bytes given as an HTML page give a document or a clear input error, never a crash."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tabellino.errors import InputError
from tabellino.ingest.html import html_document, looks_like_html

TAGS = [
    "html",
    "head",
    "body",
    "div",
    "p",
    "article",
    "nav",
    "aside",
    "ul",
    "li",
    "a",
    "script",
    "style",
    "table",
    "tr",
    "td",
    "h1",
    "h3",
    "button",
    "footer",
    "br",
    "span",
    "title",
    "meta",
    "noscript",
]
ATTRS = [
    "",
    ' class="related"',
    ' class="css-1x"',
    ' id="main"',
    ' role="dialog"',
    ' lang="it"',
    ' href="/x"',
    ' property="og:title" content="Derby"',
    ' type="application/ld+json"',
    ' charset="latin-1"',
]
WORDS = [
    "Inter",
    "beat",
    "Milan",
    "2-1",
    "at",
    "San Siro",
    "Read also:",
    "©",
    "&amp;",
    "&nbsp;",
    "<!--",
    "-->",
    "è",
    "città",
    "“quote”",
    "\u00a0",
    "{",
    "}",
    '"',
    "'",
    "45'",
    "Roma 3-0 Lazio FT",
    "Related articles",
]

token = st.one_of(
    st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(TAGS), st.sampled_from(ATTRS)),
    st.builds(lambda t: f"</{t}>", st.sampled_from(TAGS)),
    st.sampled_from(WORDS),
)
pages = st.lists(token, max_size=120).map(" ".join)
encodings = st.sampled_from(["utf-8", "latin-1", "utf-16", "cp1252"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages, encodings)
def test_ingest_html_random_markup_never_crashes(page: str, encoding: str) -> None:
    data = page.encode(encoding, errors="replace")
    try:
        doc = html_document(data, "fuzz.html")
    except InputError:
        return
    assert doc.text.strip()


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=3000))
def test_ingest_html_random_bytes_never_crash(data: bytes) -> None:
    looks_like_html(data)
    with contextlib.suppress(InputError):
        html_document(b"<html><body>" + data, "fuzz.html")
