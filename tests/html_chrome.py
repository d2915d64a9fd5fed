"""Wrap an article's text in a realistic news page with heavy chrome, for tests and benchmarks.

The page has what outlets put around a match report: scripts and styles, JSON-LD and OpenGraph
metadata, a header with a navigation menu, a cookie banner, a live-score ticker, a share bar, a
photo caption, an inline "read also" link, tags, a related-articles list whose headlines carry
other teams' scores, a comments box, a sidebar with live scores, "most read" and a league table, a
newsletter form and a footer. The chrome names only teams the article does not name (so any fact
drawn from it shows up as a fact the plain text does not have).

Only the article's own text is inside ``<article>``: its first line is the ``<h1>`` when it is the
title, every other line a ``<p>``.

:func:`bare_chrome_page` builds the same kind of page the way script-built sites write it: generated
class names ("css-1k3x"), no ``nav`` / ``aside`` / ``footer`` / ``article`` tags, OpenGraph only,
so chrome can be told only by its shape (link cards, a "more news" heading, a box of bare results).
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date

__all__ = ["CHROME_CLUBS", "LABELS", "ChromeLabels", "bare_chrome_page", "chrome_page"]


@dataclass(frozen=True)
class ChromeLabels:
    """The words of the chrome in one language."""

    nav: tuple[str, ...]
    cookie: str
    accept: str
    share: tuple[str, ...]
    read_also: str
    related: str
    live: str
    most_read: str
    table: str
    newsletter: str
    comments: str
    caption: str
    tags: str
    rights: str
    headline_verbs: tuple[str, ...]
    default_title: str


LABELS = {
    "en": ChromeLabels(
        nav=("Home", "Football", "Premier League", "Champions League", "Transfers", "Fixtures", "Tables"),
        cookie="We use cookies to personalise content and ads and to analyse our traffic.",
        accept="Accept all",
        share=("Share", "Facebook", "Twitter", "WhatsApp", "Copy link"),
        read_also="Read also",
        related="Related articles",
        live="Live scores",
        most_read="Most read",
        table="Table",
        newsletter="Sign up to our newsletter",
        comments="Comments",
        caption="Players celebrate at the final whistle (Photo by Staff/Agency)",
        tags="Tags",
        rights="All rights reserved.",
        headline_verbs=("win late", "hold on", "cruise past", "stun"),
        default_title="Match report and reaction",
    ),
    "it": ChromeLabels(
        nav=("Home", "Calcio", "Serie A", "Champions League", "Calciomercato", "Risultati", "Classifica"),
        cookie="Utilizziamo i cookie per personalizzare contenuti e annunci e per analizzare il traffico.",
        accept="Accetta tutti",
        share=("Condividi", "Facebook", "Twitter", "WhatsApp", "Copia link"),
        read_also="Leggi anche",
        related="Articoli correlati",
        live="Risultati in diretta",
        most_read="I più letti",
        table="Classifica",
        newsletter="Iscriviti alla newsletter",
        comments="Commenti",
        caption="I giocatori festeggiano al fischio finale (Foto: Agenzia)",
        tags="Argomenti",
        rights="Tutti i diritti riservati.",
        headline_verbs=("vince nel finale", "resiste", "travolge", "sorprende"),
        default_title="La cronaca e le pagelle",
    ),
}

# Pairs of clubs for the chrome; those the article names are skipped.
CHROME_CLUBS = (
    ("Roma", "Lazio"), ("Everton", "Brighton"), ("Sevilla", "Valencia"), ("Porto", "Benfica"),
    ("Ajax", "Feyenoord"), ("Celtic", "Rangers"), ("Lyon", "Marseille"), ("Wolfsburg", "Freiburg"),
    ("Torino", "Genoa"), ("Fulham", "Brentford"), ("Fiorentina", "Bologna"), ("Lille", "Nantes"),
    ("Braga", "Sporting"), ("Udinese", "Cagliari"), ("Villarreal", "Betis"), ("Newcastle", "Aston Villa"),
)  # fmt: skip
_SCORES = ("2-1", "3-0", "1-1", "0-2", "4-2", "2-2", "1-0", "0-3")

_SCRIPT = """
window.dataLayer = window.dataLayer || [];
function gtag(){dataLayer.push(arguments);}
gtag('js', new Date()); gtag('config', 'G-XXXXXXX', {anonymize_ip: true});
(function(w,d,s){var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;
j.src='/static/js/ads.js?v=%d';f.parentNode.insertBefore(j,f);})(window,document,'script');
var adSlots = [{"id":"top-%d","sizes":[[970,250],[728,90]]},{"id":"mpu-%d","sizes":[[300,250]]}];
"""
_STYLE = """
.site-header{position:sticky;top:0;background:#0b2545;color:#fff}.nav a{padding:0 12px}
.cookie-consent{position:fixed;bottom:0;left:0;right:0;z-index:999}.article-body p{line-height:1.6}
.score-ticker li{display:inline-block;margin-right:%dpx}.sidebar{width:300px;float:right}
"""


def chrome_page(
    text: str,
    *,
    language: str,
    title: str | None = None,
    published: date | None = None,
    url: str = "https://news.example.org/football/match-report",
    outlet: str = "Example Sport",
    pad_to: int = 0,
) -> str:
    """Return an HTML page with heavy chrome around ``text`` (its lines become the article's paragraphs).

    ``pad_to`` adds script and style (as real pages carry) until the page is about that many bytes.
    """
    labels = LABELS.get(language, LABELS["en"])
    pairs = [p for p in CHROME_CLUBS if p[0] not in text and p[1] not in text] or list(CHROME_CLUBS)
    pairs = (pairs * 16)[:16]  # enough pairs for every block, repeating when the article names many
    headline = title or labels.default_title
    parts = [
        _head(headline, language, published, url, outlet, pad_to),
        _site_header(labels, pairs, outlet),
        "<main id='content' class='layout'>",
        _article(text, title, labels, pairs, published, language),
        _sidebar(labels, pairs),
        "</main>",
        _footer(labels, outlet),
    ]
    page = "\n".join(parts) + "\n</body></html>\n"
    return _pad(page, pad_to)


def _head(title: str, language: str, published: date | None, url: str, outlet: str, pad: int) -> str:
    """Return the doctype, ``<head>`` (metadata, scripts, styles) and the opening ``<body>``."""
    day = (published or date(2024, 1, 1)).isoformat()
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": f"{day}T21:45:00+01:00",
        "dateModified": f"{day}T23:10:00+01:00",
        "author": [{"@type": "Person", "name": "Staff Reporter"}],
        "publisher": {"@type": "Organization", "name": outlet},
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
    }
    e = html.escape
    return f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8">
<title>{e(title)} | {e(outlet)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:type" content="article"><meta property="og:title" content="{e(title)}">
<meta property="og:site_name" content="{e(outlet)}"><meta property="og:url" content="{e(url)}">
<meta property="article:published_time" content="{day}T21:45:00+01:00">
<link rel="canonical" href="{e(url)}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>{_SCRIPT % (1, 1, 1)}</script>
<style>{_STYLE % 12}</style>
</head><body class="article-page has-sidebar">"""


def _site_header(labels: ChromeLabels, pairs: list[tuple[str, str]], outlet: str) -> str:
    """Return the cookie banner, the site header with its menu, and the live-score ticker."""
    menu = "".join(f"<li><a href='/{i}'>{html.escape(item)}</a></li>" for i, item in enumerate(labels.nav))
    ticker = "".join(
        f"<li><a href='/live/{i}'><span>{a}</span> <b>{_SCORES[i % 8]}</b> <span>{b}</span></a></li>"
        for i, (a, b) in enumerate(pairs[:4])
    )
    return f"""<div id="cookie-consent" class="cookie-consent" role="dialog"><p>{labels.cookie}</p>
<button>{labels.accept}</button></div>
<header class="site-header"><a class="logo" href="/">{html.escape(outlet)}</a>
<nav class="nav" aria-label="main"><ul>{menu}</ul></nav></header>
<div class="score-ticker"><span>{labels.live}</span><ul>{ticker}</ul></div>"""


def _article(
    text: str,
    title: str | None,
    labels: ChromeLabels,
    pairs: list[tuple[str, str]],
    published: date | None,
    language: str,
) -> str:
    """Return the ``<article>``: share bar, figure, the text's paragraphs, read-also, tags, related list."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    heading = ""
    if title and lines and lines[0] == title.strip():
        heading = f"<h1 class='headline'>{html.escape(lines.pop(0))}</h1>"
    paragraphs = [f"<p>{html.escape(line)}</p>" for line in lines]
    a, b = pairs[4]
    read_also = (
        f"<p class='inline-link'><strong>{labels.read_also}:</strong> "
        f"<a href='/news/1'>{a} {_SCORES[4]} {b}, {labels.headline_verbs[0]}</a></p>"
    )
    paragraphs.insert(min(2, len(paragraphs)), read_also)
    day = (published or date(2024, 1, 1)).isoformat()
    return f"""<article class="story" itemscope itemtype="https://schema.org/NewsArticle">
<header class="story-header">{heading}
<div class="byline"><span class="author">Staff Reporter</span> <time datetime="{day}T21:45">{day}</time></div>
<div class="share-bar">{"".join(f"<a href='#'>{s}</a>" for s in labels.share)}</div></header>
<figure class="lead-image"><img src="/img/lead.jpg" alt=""><figcaption>{labels.caption}</figcaption></figure>
<div class="article-body">
{chr(10).join(paragraphs)}
{_more_news(labels, pairs[10:14])}
</div>
<div class="tags"><span>{labels.tags}:</span> {_tags(pairs[5])}</div>
{_related(labels, pairs[6:10])}
<section id="comments" class="comments"><h3>{labels.comments}</h3><p>0</p></section>
</article>"""


def _tags(clubs: tuple[str, str]) -> str:
    """Return the tag links of the article (clubs the article does not name, as some sites get wrong)."""
    return "".join(f"<a href='/t/{i}'>{club}</a> " for i, club in enumerate(clubs))


def _related(labels: ChromeLabels, pairs: list[tuple[str, str]]) -> str:
    """Return a related-articles list whose headlines carry other teams' scores."""
    items = "".join(
        f"<li><a href='/news/{i + 10}'><time>2{i}:0{i}</time> {a} {_SCORES[i]} {b}: "
        f"{b} {labels.headline_verbs[i % 4]}</a></li>"
        for i, (a, b) in enumerate(pairs)
    )
    return f"<section class='related-articles'><h2>{labels.related}</h2><ul>{items}</ul></section>"


def _more_news(labels: ChromeLabels, pairs: list[tuple[str, str]]) -> str:
    """Return a bare "more news" block inside the article body: a heading and a list of links, no classes."""
    items = "".join(
        f"<li><a href='/n/{i}'>{a}-{b} {_SCORES[(i + 5) % 8]}: {labels.headline_verbs[(i + 1) % 4]}</a></li>"
        for i, (a, b) in enumerate(pairs)
    )
    return f"<h3>{labels.related}</h3><ul>{items}</ul>"


def _sidebar(labels: ChromeLabels, pairs: list[tuple[str, str]]) -> str:
    """Return the sidebar: live scores, most read and a league table."""
    live = "".join(
        f"<tr><td>{a}</td><td>{_SCORES[(i + 3) % 8]}</td><td>{b}</td><td>FT</td></tr>"
        for i, (a, b) in enumerate(pairs[10:14])
    )
    most = "".join(
        f"<li><a href='/m/{i}'>{a}, {labels.headline_verbs[i % 4]} ({_SCORES[i + 2]})</a></li>"
        for i, (a, _) in enumerate(pairs[:4])
    )
    table = "".join(
        f"<tr><td>{i + 1}</td><td>{a}</td><td>{40 - 3 * i}</td></tr>" for i, (a, _) in enumerate(pairs[:6])
    )
    return f"""<aside class="sidebar">
<div class="widget live-scores"><h3>{labels.live}</h3><table>{live}</table></div>
<div class="widget most-read"><h3>{labels.most_read}</h3><ol>{most}</ol></div>
<div class="widget standings"><h3>{labels.table}</h3><table>{table}</table></div>
</aside>"""


def _footer(labels: ChromeLabels, outlet: str) -> str:
    """Return the newsletter form and the footer."""
    links = "".join(f"<li><a href='/f/{i}'>{item}</a></li>" for i, item in enumerate(labels.nav))
    return f"""<div class="newsletter"><form><label>{labels.newsletter}</label><input type="email">
<button>OK</button></form></div>
<footer class="site-footer"><ul>{links}</ul><p>© 2024 {html.escape(outlet)}. {labels.rights}</p></footer>"""


def _pad(page: str, size: int) -> str:
    """Add inline scripts and styles before ``</body>`` until the page is about ``size`` bytes."""
    blocks: list[str] = []
    n = 0
    while len(page.encode()) + sum(len(b) for b in blocks) < size:
        n += 1
        blocks.append(f"<script>{_SCRIPT % (n, n, n)}</script><style>{_STYLE % n}</style>")
    return page.replace("\n</body>", "\n" + "\n".join(blocks) + "\n</body>", 1) if blocks else page


def bare_chrome_page(text: str, *, language: str, title: str | None = None) -> str:
    """Return a page with heavy chrome around ``text`` in generated markup (no semantic tags or classes)."""
    labels = LABELS.get(language, LABELS["en"])
    pairs = [p for p in CHROME_CLUBS if p[0] not in text and p[1] not in text] or list(CHROME_CLUBS)
    pairs = (pairs * 16)[:16]
    headline = html.escape(title or labels.default_title)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    paragraphs = [f"<p class='css-38z03z'>{html.escape(line)}</p>" for line in lines]
    a, b = pairs[4]
    teaser = f"<p class='css-38z03z'>{labels.read_also}: <a href='/n/0'>{a} {_SCORES[4]} {b}</a></p>"
    paragraphs.insert(min(3, len(paragraphs)), teaser)
    ticker = "".join(
        f"<a class='css-1k' href='/m/{i}'><span>{x}</span><span>{_SCORES[i]}</span><span>{y}</span></a>"
        for i, (x, y) in enumerate(pairs[:4])
    )
    cards = "".join(
        f"<div class='css-9x'><a href='/n/{i + 1}'><h3 class='css-7q'>{x} {_SCORES[i + 1]} {y}: "
        f"{labels.headline_verbs[i % 4]}</h3></a><span>{i + 1}h</span></div>"
        for i, (x, y) in enumerate(pairs[6:9])
    )
    box = "".join(f"<div>{x} {_SCORES[i + 2]} {y} FT</div>" for i, (x, y) in enumerate(pairs[10:14]))
    menu = "".join(f"<a class='css-m' href='/{i}'>{item}</a>" for i, item in enumerate(labels.nav))
    return f"""<!DOCTYPE html><html lang="{language}"><head><meta charset="utf-8"><title>{headline}</title>
<meta property="og:title" content="{headline}"><meta property="og:site_name" content="Example Live">
<script>{_SCRIPT % (7, 7, 7)}</script></head><body><div id="__next">
<div class="css-0a"><div class="css-0b">{menu}</div><div class="css-0c">{ticker}</div></div>
<div class="css-1a"><div class="css-1b"><div class="css-1c">{labels.cookie}</div>
<button>{labels.accept}</button></div>
<div class="css-2a"><div class="css-2b"><div class="css-2c">{"".join(paragraphs)}</div>
<div class="css-2d"><h2 class="css-2e">{labels.related}</h2><div class="css-2f">{cards}</div></div></div>
<div class="css-3a">{box}</div></div></div>
<div class="css-4a">{menu}<div>© 2024 Example Live. {labels.rights}</div></div></div></body></html>
"""
