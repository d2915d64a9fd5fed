"""News pages for the HTML-path benchmark: an article's text inside the chrome of a football site.

:func:`news_page` wraps a document in what outlets put around a match report: metadata (OpenGraph,
JSON-LD), scripts and styles, a cookie banner, a navigation menu, a live-score ticker, a share
bar, a photo with its caption, a "related articles" list and a results sidebar whose headlines
carry other clubs' scores, a newsletter box and a footer. The page number varies the class names
and the order of the blocks, so no run measures one fixed template. Pages are about 50 KB (real
football pages weigh 50-300 KB, most of it script).

:func:`html_corpus` builds ``n`` such pages from the benchmark corpus (:func:`tabellino.bench.make_corpus`);
with ``distinct`` the two-digit numbers of each text (minutes, mostly) are moved too, so nearly
no two pages are the same story (the plain variants only reorder paragraphs and swap club names, and
the store rightly treats many of them as republished copies).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from tabellino.models import Document

__all__ = ["Page", "html_corpus", "news_page"]


@dataclass(frozen=True, slots=True)
class _Words:
    """The words of a site's frame in one language (chrome, not article text)."""

    menu: tuple[str, ...]
    cookie: str
    accept: str
    share: tuple[str, ...]
    related: str
    results: str
    newsletter: str
    caption: str
    rights: str


_CHROME = {
    "en": _Words(
        menu=("Home", "Football", "Results", "Fixtures", "Transfers", "Tables", "Video"),
        cookie="We and our partners use cookies to personalise content and ads and to measure traffic.",
        accept="Accept all",
        share=("Share", "Facebook", "X", "WhatsApp", "Email"),
        related="More football news",
        results="Latest results",
        newsletter="Get the best football stories in your inbox every morning.",
        caption="The players at the final whistle (Photo: Agency)",
        rights="All rights reserved.",
    ),
    "it": _Words(
        menu=("Home", "Calcio", "Risultati", "Calendario", "Calciomercato", "Classifica", "Video"),
        cookie="Noi e i nostri partner usiamo i cookie per personalizzare contenuti e pubblicità.",
        accept="Accetta tutto",
        share=("Condividi", "Facebook", "X", "WhatsApp", "Email"),
        related="Altre notizie di calcio",
        results="Ultimi risultati",
        newsletter="Le notizie di calcio più importanti ogni mattina nella tua casella.",
        caption="I giocatori al fischio finale (Foto: Agenzia)",
        rights="Tutti i diritti riservati.",
    ),
}
_CLUBS = (
    "Everton", "Brighton", "Sevilla", "Valencia", "Porto", "Braga", "Ajax", "Feyenoord", "Celtic",
    "Rangers", "Lyon", "Marseille", "Torino", "Genoa", "Fulham", "Brentford", "Lille", "Nantes",
)  # fmt: skip
_NUMBER = re.compile(r"(?<![\d.,])[1-9]\d(?![\d.,]\d|\d)")  # minutes, ordinals; not scores or years
# Inline script and style as sites carry them (most of a real page's bytes; the parser must skip them).
_SCRIPT = "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}\n" * 400
_STYLE = ".c{margin:0 auto;max-width:1200px}.t li{display:inline-block;padding:0 8px}\n" * 150


@dataclass(frozen=True, slots=True)
class Page:
    """One generated page: its URL and its HTML."""

    url: str
    html: str


def news_page(doc: Document, n: int = 0, url: str | None = None) -> str:
    """Return an HTML page holding ``doc``'s text (one ``<p>`` per paragraph) inside site chrome."""
    words = _CHROME.get(doc.language or "en", _CHROME["en"])
    url = url or doc.url or f"https://news.example.org/football/{n}"
    outlet = doc.outlet or "Example Sport"
    others = [c for c in _CLUBS if c not in doc.text]
    blocks = [_article(doc, words, others, n), _sidebar(words, others, n)]
    if n % 2:
        blocks.reverse()  # some sites put the sidebar first in the markup
    body = "\n".join([_header(words, others, outlet, n), f"<main class='c m{n % 7}'>", *blocks, "</main>"])
    tail = f"{_footer(words, outlet)}\n</body></html>\n"
    return f"{_head(doc, url, outlet)}\n<body class='p{n % 5}'>\n{body}\n{tail}"


def _head(doc: Document, url: str, outlet: str) -> str:
    """Return the doctype and ``<head>``: title, OpenGraph, JSON-LD, scripts and styles."""
    e = html.escape
    title = doc.title or doc.text.split("\n", 1)[0][:90]
    day = (doc.published or date(2025, 1, 1)).isoformat()
    meta: dict[str, object] = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title}
    meta |= {"datePublished": f"{day}T20:30:00Z", "publisher": {"@type": "Organization", "name": outlet}}
    return (
        f"<!DOCTYPE html>\n<html lang='{doc.language or 'en'}'><head><meta charset='utf-8'>"
        f"<title>{e(title)} - {e(outlet)}</title><link rel='canonical' href='{e(url)}'>"
        f"<meta property='og:title' content='{e(title)}'><meta property='og:url' content='{e(url)}'>"
        f"<meta property='og:site_name' content='{e(outlet)}'>"
        f"<meta property='article:published_time' content='{day}T20:30:00Z'>"
        f"<script type='application/ld+json'>{json.dumps(meta, ensure_ascii=False)}</script>"
        f"<script>{_SCRIPT}</script><style>{_STYLE}</style></head>"
    )


def _header(words: _Words, others: list[str], outlet: str, n: int) -> str:
    """Return the cookie banner, the site header with its menu and the live-score ticker."""
    menu = "".join(f"<li><a href='/s/{i}'>{m}</a></li>" for i, m in enumerate(words.menu))
    ticker = "".join(f"<li>{_result(others, n + i)}</li>" for i in range(4))
    return (
        f"<div class='cookie-banner' id='consent{n % 3}'><p>{words.cookie}</p>"
        f"<button>{words.accept}</button></div>\n<header class='site-header'><a href='/'>"
        f"{html.escape(outlet)}</a><nav><ul>{menu}</ul></nav></header>\n"
        f"<div class='t ticker'><ul>{ticker}</ul></div>"
    )


def _article(doc: Document, words: _Words, others: list[str], n: int) -> str:
    """Return the ``<article>``: headline, byline, share bar, photo, paragraphs, related list."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", doc.text) if p.strip()]
    title = html.escape(doc.title or paragraphs[0])
    if paragraphs and doc.title and paragraphs[0] == doc.title.strip():
        paragraphs.pop(0)
    share = "".join(f"<a class='sh' href='#'>{s}</a>" for s in words.share)
    related = "".join(f"<li><a href='/n/{n + i}'>{_result(others, n + 5 + i)}</a></li>" for i in range(8))
    text = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<article class='story s{n % 4}'><h1>{title}</h1>"
        f"<div class='byline'>{html.escape(doc.author or 'Staff reporter')}</div>"
        f"<div class='share-bar'>{share}</div>"
        f"<figure><img src='/img/{n}.jpg' alt=''><figcaption>{words.caption}</figcaption></figure>"
        f"<div class='article-body'>\n{text}\n</div>"
        f"<aside class='related'><h3>{words.related}</h3><ul>{related}</ul></aside></article>"
    )


def _sidebar(words: _Words, others: list[str], n: int) -> str:
    """Return the results sidebar and the newsletter box."""
    rows = "".join(f"<li>{_result(others, n + 11 + i)}</li>" for i in range(10))
    return (
        f"<aside class='sidebar w{n % 3}'><h3>{words.results}</h3><ul>{rows}</ul>"
        f"<div class='newsletter'><p>{words.newsletter}</p><input type='email'></div></aside>"
    )


def _footer(words: _Words, outlet: str) -> str:
    """Return the site footer."""
    links = "".join(f"<a href='/f/{i}'>{m}</a>" for i, m in enumerate(words.menu))
    return f"<footer><nav>{links}</nav><p>© 2025 {html.escape(outlet)}. {words.rights}</p></footer>"


def _result(clubs: list[str], k: int) -> str:
    """Return the ``k``-th made-up result between two clubs the article does not name."""
    pool = clubs or list(_CLUBS)
    home, away = pool[k % len(pool)], pool[(k * 7 + 3) % len(pool)]
    away = away if away != home else pool[(k + 1) % len(pool)]
    return f"{home} {k % 4}-{(k * 3) % 3} {away}"


def _shift_numbers(text: str, shift: int) -> str:
    """Return ``text`` with every two-digit number (minutes...) moved by ``shift``, staying in 10-99."""
    if not shift:
        return text
    return _NUMBER.sub(lambda m: str((int(m.group(0)) - 10 + shift) % 90 + 10), text)


def html_corpus(seeds: Sequence[Document], n: int, size: int = 4000, distinct: bool = False) -> list[Page]:
    """Return ``n`` pages built from the benchmark variants of ``seeds`` (see the module docstring)."""
    from tabellino.bench import make_corpus

    pages = []
    for i, doc in enumerate(make_corpus(seeds, n, size)):
        doc.language = seeds[i % len(seeds)].language  # the variant of seed i keeps its language
        if distinct:
            doc.text = _shift_numbers(doc.text, i // len(seeds))
        url = f"https://news.example.org/{doc.language or 'xx'}/football/{i:05d}-report"
        doc.title = None  # the page's headline is the text's own first line
        pages.append(Page(url=url, html=news_page(doc, i, url)))
    return pages
