"""Recognising an article seen before: by URL, by its text, or by nearly the same text.

Three keys, checked in this order (:func:`find_known`):

``url``      the page's URL, normalised (scheme and host case, ``www.``, default port, fragment,
             trailing slash and tracking parameters such as ``utm_*`` do not count); the same URL
             ingested twice is one article, its first stored version kept.
``text``     the exact text (``articles.content_hash``, the idempotency key), else the *normalised*
             text: the words of :meth:`Article.content` (boilerplate blanked) lower-cased, so white
             space, punctuation, quote styles, case and page chrome do not count.
``similar``  a wire story republished with small edits (another intro line, a credit, a cut
             paragraph): at least :data:`SHARE` of the long sentences of *each* text are in the
             other (and at least :data:`MIN_SHARED` of them). Sentences are keyed by a 64-bit hash
             and looked up through an index, so the check costs two small queries per article.

A copy found by ``text`` or ``similar`` is not stored again: its URL (or path) is linked to the
stored article in ``article_sources``, so one article lists every place it was published.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import Connection, and_, func, insert, select

from tabellino.models import Article
from tabellino.store.schema import article_keys, article_sources, articles

__all__ = [
    "MIN_SHARED",
    "MIN_WORDS",
    "SHARE",
    "Known",
    "TextKeys",
    "find_known",
    "link_copy",
    "normalise_url",
    "record_keys",
    "text_keys",
    "url_key",
    "url_known",
]

MIN_WORDS = 6
"""A sentence needs this many words to count: short ones ("Full time.") recur in unrelated articles."""

MIN_SHARED = 3
"""Fewer shared sentences than this never make two texts the same story."""

SHARE = 0.8
"""The part of each text's sentences that must be in the other for the two to be one story."""

MAX_SENTENCES = 200
"""Sentences keyed per article (the first ones): enough to tell stories apart, a bounded query."""

_WORD = re.compile(r"\w+")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])\s+|\n+")
_TRACKING = re.compile(r"utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|_gl", re.IGNORECASE)
_DEFAULT_PORTS = {"http": 80, "https": 443}


@dataclass(frozen=True, slots=True)
class Known:
    """A stored article a new one duplicates, and by which key (``url``, ``text`` or ``similar``)."""

    article_id: int
    by: str


@dataclass(frozen=True, slots=True)
class TextKeys:
    """The content keys of an article: its normalised text, and its long sentences."""

    whole: int
    sentences: tuple[int, ...]


# --- keys -------------------------------------------------------------------------------------------


def normalise_url(url: str) -> str:
    """Return the URL in the form two addresses of one page share (see the module docstring)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = parts.port if parts.port and parts.port != _DEFAULT_PORTS.get(scheme) else None
    netloc = f"{host}:{port}" if port else host
    path = parts.path.rstrip("/") or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _tracking(k))
    # http and https serve one page: the scheme is left out of the key.
    scheme = "https" if scheme in _DEFAULT_PORTS else scheme
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def _tracking(name: str) -> bool:
    """Return whether a query parameter only tracks the visit (it does not choose the page)."""
    return _TRACKING.fullmatch(name) is not None


def url_key(url: str | None) -> str | None:
    """Return the key of a URL (hex SHA-256 of its normalised form), None for no URL."""
    if not url or not url.strip():
        return None
    return hashlib.sha256(normalise_url(url).encode("utf-8", "surrogatepass")).hexdigest()


def _hash64(text: str) -> int:
    """Return a signed 64-bit hash of ``text`` (fits a BIGINT column)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def text_keys(article: Article) -> TextKeys:
    """Return the normalised-text key and the long-sentence keys of an article (chrome blanked)."""
    content = article.content().casefold()
    sentences: dict[int, None] = {}  # ordered and unique
    for sentence in _SENTENCE_BREAK.split(content):
        words = _WORD.findall(sentence)
        if len(words) >= MIN_WORDS:
            sentences.setdefault(_hash64(" ".join(words)))
            if len(sentences) == MAX_SENTENCES:
                break
    return TextKeys(whole=_hash64(" ".join(_WORD.findall(content))), sentences=tuple(sentences))


# --- lookups ----------------------------------------------------------------------------------------


def url_known(conn: Connection, url: str | None) -> int | None:
    """Return the id of the stored article published at ``url`` (normalised), or None."""
    key = url_key(url)
    if key is None:
        return None
    return conn.scalar(select(article_sources.c.article_id).where(article_sources.c.url_key == key))


def find_known(conn: Connection, article: Article, digest: str, keys: TextKeys) -> Known | None:
    """Return the stored article this one duplicates (by URL, exact or normalised text, similar text)."""
    found = url_known(conn, article.url)
    if found is not None:
        return Known(found, "url")
    found = conn.scalar(select(articles.c.id).where(articles.c.content_hash == digest))
    if found is None:
        whole = and_(article_keys.c.key == keys.whole, article_keys.c.whole.is_(True))
        found = conn.scalar(select(article_keys.c.article_id).where(whole).limit(1))
    if found is not None:
        return Known(found, "text")
    return _similar(conn, keys.sentences)


def _similar(conn: Connection, sentences: tuple[int, ...]) -> Known | None:
    """Return the stored article sharing enough long sentences with these, or None."""
    if len(sentences) < MIN_SHARED:
        return None
    shared = func.count().label("shared")
    query = (
        select(article_keys.c.article_id, shared)
        .where(article_keys.c.key.in_(sentences), article_keys.c.whole.is_(False))
        .group_by(article_keys.c.article_id)
        .order_by(shared.desc())
        .limit(1)
    )
    best = conn.execute(query).first()
    if best is None or best.shared < max(MIN_SHARED, SHARE * len(sentences)):
        return None
    total = conn.scalar(
        select(func.count()).where(
            article_keys.c.article_id == best.article_id, article_keys.c.whole.is_(False)
        )
    )
    return Known(int(best.article_id), "similar") if best.shared >= SHARE * (total or 0) else None


# --- writes -----------------------------------------------------------------------------------------


def record_keys(conn: Connection, article_id: int, keys: TextKeys) -> None:
    """Store an article's content keys (inside the transaction that stores the article)."""
    rows = [{"article_id": article_id, "key": keys.whole, "whole": True}]
    rows += [{"article_id": article_id, "key": key, "whole": False} for key in keys.sentences]
    conn.execute(insert(article_keys), rows)


def link_copy(conn: Connection, article: Article, article_id: int, how: str) -> bool:
    """Record that ``article`` (its URL or path) is a copy of stored ``article_id``; False if known."""
    key = url_key(article.url)
    if key is not None:
        if url_known(conn, article.url) is not None:
            return False
    else:
        same_source = and_(
            article_sources.c.article_id == article_id, article_sources.c.source_id == article.id
        )
        if conn.scalar(select(article_sources.c.id).where(same_source)) is not None:
            return False
    row = {
        "article_id": article_id,
        "url": article.url,
        "url_key": key,
        "source_id": article.id,
        "html_path": article.html_path,
        "how": how,
    }
    conn.execute(insert(article_sources).values(**row))
    return True
