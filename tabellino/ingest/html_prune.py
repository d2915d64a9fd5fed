"""Remove page chrome from a parsed page before main-text extraction, football chrome included.

trafilatura drops most menus and footers on its own, but keeps chrome that sits inside or next to
the article body: "related articles" lists whose headlines carry other teams' scores ("Roma 2-1
Lazio"), live-score tickers and other-results sidebars, share bars, cookie banners. Any of those
would turn into facts, so they go before extraction, by structure only (no words of one outlet):

* elements that are chrome by their tag or ARIA role (``nav``, ``aside``, ``footer``, a dialog, ...);
* elements whose ``class`` / ``id`` / ``aria-label`` names a kind of chrome (``related``, ``share``,
  ``cookie``, ``ticker``, ``livescore``, ``sidebar``, ...), compared word by word, never as substrings;
* a heading that reads as a "more news" heading (the language data's ``more_news_patterns``) with
  the list that follows it;
* lists of links: three or more items whose text is nearly all link text;
* widgets: the short block around a ``<button>`` (a cookie banner, a consent or newsletter box);
* copyright lines: a short block with "©" or "copyright" (a footer without a ``<footer>`` tag);
* score boxes: two or more short rows that are each a bare result ("Porto 2-1 Benfica FT"), when
  no prose paragraph sits beside them (a results list inside the article body is kept).

Nothing that holds most of the page's text is removed, so a ``<body class="has-sidebar">`` or an
``<article class="story share-enabled">`` survives an unlucky class name.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import islice, pairwise

from lxml import etree
from lxml.html import HtmlElement

from tabellino.errors import DataFileError
from tabellino.lang import load_language, supported_languages

__all__ = ["prune_chrome"]

log = logging.getLogger(__name__)

_CHROME_TAGS = frozenset({"nav", "aside", "footer", "form", "button", "noscript", "iframe", "dialog", "menu"})
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar"}
)
# Words of class / id / aria-label values that name chrome (compared after splitting on - _ and case).
_CHROME_WORDS = frozenset(
    {
        "advert", "advertisement", "ads", "adv", "banner", "breadcrumb", "breadcrumbs", "byline",
        "caption", "cmp", "comments", "consent", "cookie", "cookies", "credit", "credits", "didomi",
        "footer", "gdpr", "livescore", "livescores", "login", "menu", "modal", "nav", "navbar",
        "navigation", "newsletter", "onetrust", "outbrain", "pagination", "paywall", "popular", "popup",
        "promo", "recommended", "related", "scoreboard", "scores", "share", "sharebar", "sharing",
        "sidebar", "signup", "social", "sponsored", "standings", "subscribe", "taboola", "tags",
        "ticker", "toolbar", "trending",
    }
)  # fmt: skip
_CHROME_PHRASES = (("more", "news"), ("read", "more"), ("read", "also"), ("most", "read"), ("live", "score"))
_KEEP_TAGS = frozenset({"html", "body", "main", "article"})
_WORD = re.compile(r"[a-z]+")
_LIST_TAGS = ("ul", "ol", "dl")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_MIN_LINK_ITEMS = 3
_LINK_SHARE = 0.8
_KEEP_SHARE = 0.4
_MAX_HEADING = 60
# Only elements that can be chrome by tag or attribute are looked at (XPath runs in C).
_CANDIDATES = etree.XPath(
    "//*[@class or @id or @role or @aria-label]"
    + "".join(f" | //{tag}" for tag in sorted(_CHROME_TAGS | {"header", "figcaption"}))
)
_MAX_TEASER = 300
_MAX_WIDGET = 300
_MAX_COPYRIGHT = 200
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|\bcopyright\b", re.IGNORECASE)
_BOX_TAGS = ("div", "ul", "ol", "table", "section")
_SCORE = re.compile(r"(?<![\d:.,/-])\d{1,2}\s?[-–:]\s?\d{1,2}(?![\d:.,/-])")
_MIN_SCORE_ROWS = 2
_MAX_SCORE_ROWS = 60
_MAX_SCORE_ROW = 80
_SCORE_SHARE = 0.8
_MIN_PROSE = 120
_MAX_CHILDREN = 3
_TEASER_LINK_SHARE = 0.5


def prune_chrome(tree: HtmlElement) -> None:
    """Remove chrome elements from ``tree`` in place (see the module docstring)."""
    total = _text_length(tree)
    doomed = [el for el in _candidates(tree) if _is_chrome(el)]
    doomed += _more_news_blocks(tree)
    doomed += [el for el in tree.iter(*_LIST_TAGS) if _is_link_list(el)]
    doomed += [el for el in tree.iter(*_BOX_TAGS) if _is_score_box(el)]
    doomed += _widgets(tree)
    doomed += [el for el in tree.iter(*_BOX_TAGS, "p") if _is_copyright(el)]
    dropped: set[HtmlElement] = set()
    for el in doomed:
        if el in dropped or el.getparent() is None or any(a in dropped for a in el.iterancestors()):
            continue
        if not _holds_the_page(el, total):
            dropped.add(el)
            el.drop_tree()


def _candidates(tree: HtmlElement) -> list[HtmlElement]:
    """Return the elements that have a chrome tag or a class, id, role or label, in document order."""
    found = _CANDIDATES(tree)
    return [el for el in found if isinstance(el, HtmlElement)] if isinstance(found, list) else []


def _is_chrome(el: HtmlElement) -> bool:
    """Return whether an element is chrome by its tag, role or the words of its class, id or label."""
    tag = el.tag
    if tag in _CHROME_TAGS or tag == "figcaption":
        return True
    if tag == "header" and not _inside_article(el):
        return True
    role = el.get("role")
    if role and role.strip().lower() in _CHROME_ROLES:
        return True
    names = [v for v in (el.get("class"), el.get("id"), el.get("aria-label")) if v]
    return bool(names) and _names_chrome(" ".join(names))


@lru_cache(maxsize=8192)
def _names_chrome(value: str) -> bool:
    """Return whether class / id / label words name chrome (cached: pages repeat their class names)."""
    words = _WORD.findall(value.lower())
    if not _CHROME_WORDS.isdisjoint(words):
        return True
    pairs = set(pairwise(words))
    return any(p in pairs for p in _CHROME_PHRASES)


def _inside_article(el: HtmlElement) -> bool:
    """Return whether an element sits inside an ``<article>`` or ``<main>`` (an article header)."""
    return any(a.tag in ("article", "main") for a in el.iterancestors())


def _holds_the_page(el: HtmlElement, total: int) -> bool:
    """Return whether removing ``el`` would remove the page itself (structural or most of its text)."""
    if el.tag in _KEEP_TAGS and el.tag != "article":
        return True
    if el.tag == "article" and el.find(".//p") is not None:
        return True
    return total > 0 and _text_length(el) > _KEEP_SHARE * total


def _more_news_blocks(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Yield "more news" headings with the list or block right after each, and inline teasers.

    An inline teaser is a paragraph made of a "more news" label and a link ("Read also: <a>...</a>").
    """
    heading = _more_news_heading()
    for el in tree.iter(*_HEADINGS, "p", "div", "span", "strong"):
        if len(el) > _MAX_CHILDREN:  # a heading has little markup inside; skip reading whole containers
            continue
        if not heading.match(" ".join("".join(islice(el.itertext(), _MAX_CHILDREN)).split())[:_MAX_HEADING]):
            continue  # cheap test on the start of the text before reading all of it
        text = " ".join(el.text_content().split())
        if not text or len(text) > _MAX_TEASER:
            continue
        if len(text) <= _MAX_HEADING and heading.fullmatch(text):
            yield el
            follower = el.getnext()
            if follower is not None and _is_list_block(follower):
                yield follower
        elif heading.match(text) and _link_share(el) >= _TEASER_LINK_SHARE:
            yield el


def _is_list_block(el: HtmlElement) -> bool:
    """Return whether an element is a list, or a block made of links (a "more news" list)."""
    return el.tag in _LIST_TAGS or (el.tag in ("div", "section") and _link_share(el) >= _LINK_SHARE)


def _is_link_list(el: HtmlElement) -> bool:
    """Return whether a list is a list of links: three items or more, text nearly all in links."""
    items = [child for child in el if child.tag in ("li", "dt", "dd")]
    return len(items) >= _MIN_LINK_ITEMS and _link_share(el) >= _LINK_SHARE


def _widgets(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Yield the block around each button when it is short: a banner or a form, not the article."""
    for button in tree.iter("button"):
        block = button.getparent()
        if block is not None and block.tag not in _KEEP_TAGS and _text_length(block) <= _MAX_WIDGET:
            yield block


def _is_copyright(el: HtmlElement) -> bool:
    """Return whether a block is a short copyright line (or holds little more than one)."""
    if len(el) > _MAX_CHILDREN * 4:
        return False
    text = el.text_content()
    return len(text) <= _MAX_COPYRIGHT and _COPYRIGHT.search(text) is not None


def _is_score_box(el: HtmlElement) -> bool:
    """Return whether a block is a box of bare results (a ticker or other-results widget).

    Most rows must be short score lines; a block beside prose paragraphs is article content.
    """
    rows = list(el.iter("tr")) if el.tag == "table" else [child for child in el if isinstance(child.tag, str)]
    if not _MIN_SCORE_ROWS <= len(rows) <= _MAX_SCORE_ROWS or not _is_score_row(rows[0]):
        return False
    scored = sum(_is_score_row(row) for row in rows)
    return scored >= _SCORE_SHARE * len(rows) and not _beside_prose(el)


def _is_score_row(row: HtmlElement) -> bool:
    """Return whether a row reads as a bare result: short, a score in it, not a sentence."""
    text = " ".join(row.text_content().split())
    if not text or len(text) > _MAX_SCORE_ROW or text.endswith((".", "!", "?")):
        return False
    return _SCORE.search(text) is not None


def _beside_prose(el: HtmlElement) -> bool:
    """Return whether the block's parent holds prose paragraphs of its own (an article body)."""
    parent = el.getparent()
    if parent is None:
        return False
    return any(p is not el and len(p.text_content()) >= _MIN_PROSE for p in parent.iterchildren("p"))


def _link_share(el: HtmlElement) -> float:
    """Return the share of an element's text that sits inside links."""
    total = _text_length(el)
    if total == 0:
        return 0.0
    linked = sum(_text_length(a) for a in el.iter("a"))
    return linked / total


def _text_length(el: HtmlElement) -> int:
    """Return the number of non-space characters of an element's text."""
    return len("".join(el.text_content().split()))


@cache
def _more_news_heading() -> re.Pattern[str]:
    """Return one regex for the "more news" headings of every supported language."""
    patterns: list[str] = []
    for code in supported_languages():
        try:
            patterns += load_language(code).words("boilerplate", "more_news_patterns")
        except DataFileError as exc:  # one broken language file must not stop every page being read
            log.warning("HTML chrome cues of %s not loaded: %s", code, exc)
    body = "|".join(f"(?:{p})" for p in dict.fromkeys(patterns)) or r"(?!x)x"
    return re.compile(rf"\W*(?:{body})(?:\W*$|\s*[:»>|–-])", re.IGNORECASE)
