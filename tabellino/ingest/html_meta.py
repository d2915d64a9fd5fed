"""Read a page's metadata: title, author, outlet, publication date, language and canonical URL.

Sources, best first, field by field:

============  ==========================================================================================
title         JSON-LD ``headline``, ``og:title``, ``twitter:title``, ``<title>`` (less a "- Outlet" tail)
author        JSON-LD ``author`` (names joined), ``<meta name=author>``, ``article:author`` (not a URL)
outlet        ``og:site_name``, JSON-LD ``publisher.name``, ``application-name``, else the URL's host
published     JSON-LD ``datePublished``, ``article:published_time`` and other date metas, else htmldate
language      ``<html lang>``, ``og:locale``, ``content-language``, JSON-LD ``inLanguage``
url           ``<link rel=canonical>``, ``og:url``, JSON-LD ``url``, else the URL the page came from
============  ==========================================================================================

Dates are taken as written (the local date of the outlet), not converted to UTC: "23:30+01:00" is
the evening the match report was published.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.html import HtmlElement

__all__ = ["PageMeta", "page_meta"]

log = logging.getLogger(__name__)

_ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "report"}
)
_DATE_METAS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publish-date",
    "publishdate",
    "pubdate",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LANG = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]+)*", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—:·•»]\s+")


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself; every field None when the page does not say it."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None
    url: str | None = None


def page_meta(tree: HtmlElement, url: str | None) -> PageMeta:
    """Return the metadata of a parsed page (``url``: where it came from, used for relative links)."""
    metas = _meta_tags(tree)
    ld = _json_ld_article(tree)
    outlet = _first(metas.get("og:site_name"), _name(ld.get("publisher")), metas.get("application-name"))
    page_url = _page_url(tree, metas, ld, url)
    return PageMeta(
        title=_title(tree, metas, ld, outlet),
        author=_author(metas, ld),
        outlet=outlet or _host(page_url),
        published=_published(tree, metas, ld, page_url),
        language=_language(tree, metas, ld),
        url=page_url,
    )


# --- sources ---------------------------------------------------------------------------------------


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    """Return ``<meta>`` contents by lower-cased ``property``, ``name``, ``itemprop`` or ``http-equiv``."""
    out: dict[str, str] = {}
    for meta in tree.iter("meta"):
        content = _clean(meta.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                out.setdefault(key, content)
    return out


def _json_ld_article(tree: HtmlElement) -> dict[str, Any]:
    """Return the page's JSON-LD article object (else the first object with a date or headline)."""
    fallback: dict[str, Any] = {}
    for obj in _json_ld_objects(tree):
        kinds = obj.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
            return obj
        if not fallback and ("datePublished" in obj or "headline" in obj):
            fallback = obj
    return fallback


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Yield every JSON-LD object of the page, flattening lists and ``@graph``; bad JSON is skipped."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            value = json.loads(script.text or "", strict=False)
        except (json.JSONDecodeError, RecursionError):
            log.debug("skipping a JSON-LD block that does not parse")
            continue
        yield from _flatten(value)


def _flatten(value: Any) -> Iterator[dict[str, Any]]:
    """Yield the objects of a JSON-LD value (a list, an object, an object with ``@graph``)."""
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                yield from _flatten(item)
    elif isinstance(value, dict):
        yield value
        graph = value.get("@graph")
        if isinstance(graph, list):
            yield from _flatten(graph)


# --- fields ----------------------------------------------------------------------------------------


def _title(tree: HtmlElement, metas: dict[str, str], ld: dict[str, Any], outlet: str | None) -> str | None:
    """Return the headline: JSON-LD, OpenGraph, Twitter, else ``<title>`` without the outlet's name."""
    given = _first(_string(ld.get("headline")), metas.get("og:title"), metas.get("twitter:title"))
    if given:
        return given
    title_el = tree.find(".//title")
    return _strip_outlet(_clean(title_el.text_content()) if title_el is not None else None, outlet)


def _strip_outlet(title: str | None, outlet: str | None) -> str | None:
    """Cut a "Headline - Outlet" tail (or "Outlet | Headline" head) when it names the outlet."""
    if not title or not outlet:
        return title
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) > 1 and parts[-1].strip().lower() == outlet.lower():
        return title[: title.rfind(parts[-1])].rstrip(" -|–—:·•»")
    if len(parts) > 1 and parts[0].strip().lower() == outlet.lower():
        return title[len(parts[0]) :].lstrip(" -|–—:·•»")
    return title


def _author(metas: dict[str, str], ld: dict[str, Any]) -> str | None:
    """Return the author's name(s): JSON-LD first, then the author metas (never a profile URL)."""
    authors = ld.get("author")
    items = authors if isinstance(authors, list) else [authors]
    names = [n for n in (_name(a) for a in items) if n]
    if names:
        return ", ".join(dict.fromkeys(names))
    for key in ("author", "article:author", "dc.creator", "byl"):
        value = metas.get(key)
        if value and not value.startswith(("http://", "https://", "/")):
            return value
    return None


def _published(tree: HtmlElement, metas: dict[str, str], ld: dict[str, Any], url: str | None) -> date | None:
    """Return the publication date: JSON-LD, the date metas, else htmldate (``<time>``, URL, ...)."""
    for value in (ld.get("datePublished"), *(metas.get(k) for k in _DATE_METAS)):
        found = _iso_date(value)
        if found:
            return found
    return _htmldate(tree, url)


def _htmldate(tree: HtmlElement, url: str | None) -> date | None:
    """Ask htmldate for the original publication date (markup and URL only, not the whole text)."""
    from htmldate import find_date

    try:
        found = find_date(tree, url=url, extensive_search=False, original_date=True)
    except (ValueError, TypeError) as exc:  # htmldate raises on odd markup; the date is optional
        log.debug("htmldate failed: %s", exc)
        return None
    return _iso_date(found)


def _language(tree: HtmlElement, metas: dict[str, str], ld: dict[str, Any]) -> str | None:
    """Return the page's language code (primary subtag, lower case)."""
    candidates = (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        tree.get("xml:lang"),
        metas.get("og:locale"),
        metas.get("content-language"),
        metas.get("language"),
        _string(ld.get("inLanguage")),
    )
    for value in candidates:
        m = _LANG.fullmatch((value or "").strip().split(",")[0].strip())
        if m:
            return m.group(1).lower()
    return None


def _page_url(tree: HtmlElement, metas: dict[str, str], ld: dict[str, Any], url: str | None) -> str | None:
    """Return the canonical URL of the page (absolute), else the URL it came from."""
    canonical = None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            canonical = _clean(link.get("href"))
            break
    found = _first(canonical, metas.get("og:url"), _string(ld.get("url")))
    if found:
        absolute = urljoin(url, found) if url else found
        if urlsplit(absolute).scheme in ("http", "https"):
            return absolute
    return url


# --- helpers ---------------------------------------------------------------------------------------


def _iso_date(value: Any) -> date | None:
    """Return the date at the start of an ISO date or date-time string, None when it is not one."""
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _name(value: Any) -> str | None:
    """Return a person's or organisation's name: a string, or the ``name`` of a JSON-LD object."""
    if isinstance(value, dict):
        return _string(value.get("name"))
    return _string(value)


def _string(value: Any) -> str | None:
    """Return a cleaned non-empty string, else None."""
    return _clean(value) if isinstance(value, str) else None


def _clean(value: str | None) -> str | None:
    """Collapse white space; None when nothing is left."""
    if value is None:
        return None
    text = " ".join(value.split())
    return text or None


def _first(*values: str | None) -> str | None:
    """Return the first value that is not None or empty."""
    return next((v for v in values if v), None)


def _host(url: str | None) -> str | None:
    """Return the host of a URL without ``www.``."""
    if not url:
        return None
    return (urlsplit(url).hostname or "").removeprefix("www.") or None
