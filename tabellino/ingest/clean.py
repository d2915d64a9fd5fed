"""Clean a document into an article: text, language, date, title, and the page chrome to ignore.

Page chrome pasted with the article ("more news" lists, captions, bylines, date banners, video
widgets, share lines) is found, never cut: its spans go to :attr:`Article.dropped`, so every offset
into :attr:`Article.text` stays valid and :meth:`Article.content` blanks them.

Cue phrases are language data (``[boilerplate]`` of each language file, merged over ``base.toml``):

``more_news_patterns``  the heading of a "more news" / related block (a whole line, short tail allowed)
``byline_patterns``     an author line          ``banner_patterns``  a labelled date / update line
``chrome_patterns``     a line that is chrome ("Advertisement", comment widgets, newsletter prompts)
``media_patterns``      a video / gallery label; the short line after it is its caption
``caption_patterns``    a photo credit anywhere in a line ("(Photo by ...)", "Foto: Getty", "/AFP")
``social_words``        words that make up share lines ("Share", "Facebook", "WhatsApp")

Structural rules need no words: runs of lines that start with a clock time, lone video durations
("4:57"), picture counters ("1/25"), lines without letters or digits, ">>>" teasers, and the date
banners at the top of the text (:func:`tabellino.ingest.dates.find_date_lines`).
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from urllib.parse import urlsplit

from tabellino.errors import InputError
from tabellino.ingest.dates import DateLine, find_date_lines, published_from
from tabellino.ingest.langid import UNKNOWN, identify
from tabellino.ingest.line_rules import LineKind, LineRules
from tabellino.ingest.mojibake import repair_mojibake
from tabellino.lang import LanguageData, load_language, supported_languages
from tabellino.lang.prefilter import casefolded, required_literals
from tabellino.models import Article, Document, Span

__all__ = ["TEXT_EXTRACTORS", "clean_document", "find_boilerplate", "headline"]


def _html_text(doc: Document) -> str:
    """Return the main text of a document whose text is HTML markup (imported on first use)."""
    from tabellino.ingest.html import html_text

    return html_text(doc.text, doc.id, doc.url)


TEXT_EXTRACTORS: dict[str, Callable[[Document], str]] = {
    "text/plain": lambda doc: doc.text,
    "text/markdown": lambda doc: doc.text,
    "text/html": _html_text,
    "application/xhtml+xml": _html_text,
}
"""How a document's text is obtained, by content type: the one place HTML and feeds plug in."""


def clean_document(doc: Document) -> Article:
    """Clean a document into an article: language, published date, title and dropped chrome."""
    text = _extract_text(doc)
    language = _language(doc, text)
    lang = load_language(language) if language != UNKNOWN else None
    banners = find_date_lines(text, lang)
    published = doc.published or _published(banners, doc.url)
    dropped = [span for span, _ in find_boilerplate(text, lang, banners)]
    return Article(
        id=doc.id,
        text=text,
        language=language,
        title=repair_mojibake(doc.title) if doc.title else headline(text, dropped),
        published=published,
        url=doc.url,
        outlet=doc.outlet or _outlet(doc.url),
        author=doc.author,
        dropped=dropped,
        html_path=doc.html_path,
    )


def _extract_text(doc: Document) -> str:
    """Return the document's text by its content type."""
    extractor = TEXT_EXTRACTORS.get(doc.content_type.split(";")[0].strip().lower())
    if extractor is None:
        known = ", ".join(sorted(TEXT_EXTRACTORS))
        raise InputError(f"{doc.id}: cannot read content type {doc.content_type!r}; readable: {known}")
    return repair_mojibake(extractor(doc))


def _language(doc: Document, text: str) -> str:
    """Return the document's language when given and supported, else the identified one."""
    given = (doc.language or "").lower()
    return given if given in _supported() else identify(text)


@cache
def _supported() -> frozenset[str]:
    """Return the supported language codes."""
    return frozenset(supported_languages())


def _published(banners: list[DateLine], url: str | None) -> date | None:
    """Return the article's date from its date banners or URL."""
    found = published_from(banners, url)
    return found[0] if found else None


def _outlet(url: str | None) -> str | None:
    """Return the host name of the URL without ``www.``."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


# --- title -----------------------------------------------------------------------------------------

_LINE = re.compile(r"[^\n]+")
_WORDS = re.compile(r"\w+")
_MAX_TITLE = 160
_TITLE_END = (".", ":", ";", ",")


def headline(text: str, dropped: list[Span]) -> str | None:
    """Return the first kept line when it reads as a headline: short, no final period, more text after.

    Section labels of one or two words ("Sports", "news") before it are passed over.
    """
    for m in _LINE.finditer(text):
        start = _kept_from(m.start(), m.end(), dropped)
        line = text[start : m.end()].strip()
        if not line:
            continue
        words = len(_WORDS.findall(line))
        if words <= 2 and len(line) < 30:
            continue
        is_title = len(line) <= _MAX_TITLE and not line.endswith(_TITLE_END) and words >= 3
        if not is_title or not _content_after(text, m.end(), dropped):
            return None
        return line
    return None


def _content_after(text: str, offset: int, dropped: list[Span]) -> bool:
    """Return whether any text that is not dropped follows ``offset``."""
    position = offset
    for span in dropped:
        if span.end <= position:
            continue
        if text[position : max(position, span.start)].strip():
            return True
        position = max(position, span.end)
    return bool(text[position:].strip())


def _kept_from(start: int, end: int, spans: list[Span]) -> int:
    """Return where the kept part of ``[start, end)`` begins (``end`` when a dropped span covers it)."""
    i = bisect.bisect_right([s.start for s in spans], start) - 1
    if i >= 0 and start < spans[i].end:
        return min(end, spans[i].end)
    return start


# --- boilerplate -----------------------------------------------------------------------------------

_STRUCTURAL = {
    "clock": r"(?:[-–•*·][ \t]*)?\d{1,2}[:.]\d{2}[ \t]+\S[^\n]*",
    "duration": r"\d{1,2}:\d{2}(?::\d{2})?",
    "counter": r"\d{1,3}[ \t]*/[ \t]*\d{1,3}",
    "bare": r"[^\w\s][^\w\n]*",
    "teaser": r">>>[^\n]*",
}
_WORD_KINDS = ("byline", "banner", "chrome", "media")
_CLOCK = re.compile(_STRUCTURAL["clock"])
_BARE = re.compile(_STRUCTURAL["bare"])
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*$")
_MAX_CHROME_LINE = 200
_MAX_CAPTION_LINE = 200
_MAX_ITEM = 200
_MIN_PROSE = 250
_MORE_TAIL = 40
_MIN_LINKS = 3
_BULLETS = frozenset("-–•*·")


@dataclass
class _Rules:
    """The compiled boilerplate rules of one language (or all languages merged).

    ``caption_gates`` holds, per caption pattern, the literals every match of it contains (see
    :func:`tabellino.lang.prefilter.required_literals`), None when one pattern's are unknown, and
    ``caption_each`` each caption pattern compiled alone, ``caption_words`` every literal of the gates.
    """

    lines: LineRules
    captions: re.Pattern[str]
    caption_gates: tuple[tuple[frozenset[str], ...], ...] | None = None
    caption_each: tuple[re.Pattern[str], ...] = ()
    caption_words: frozenset[str] = frozenset()


@dataclass
class _Lines:
    """The non-empty lines of a text as ``(start, end)`` pairs (trailing white space excluded)."""

    text: str
    spans: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str) -> _Lines:
        """Split a text into its non-blank lines."""
        spans = [(m.start(), m.start() + len(m.group().rstrip())) for m in _LINE.finditer(text)]
        return cls(text, [(s, e) for s, e in spans if text[s:e].strip()])

    def line(self, i: int) -> str:
        """Return the stripped text of line ``i``."""
        s, e = self.spans[i]
        return self.text[s:e].strip()

    def span(self, i: int) -> Span:
        """Return line ``i`` as a span (leading white space excluded)."""
        s, e = self.spans[i]
        while s < e and self.text[s].isspace():
            s += 1
        return Span(s, e)


def find_boilerplate(
    text: str, lang: LanguageData | None, banners: list[DateLine] | None = None
) -> list[tuple[Span, str]]:
    """Return the spans of page chrome in ``text`` with the kind of each, merged and sorted.

    ``lang`` None (language unknown) uses the cues of every supported language. ``banners`` are the
    text's date banners when the caller already has them.
    """
    rules = _rules(lang)
    lines = _Lines.of(text)
    if banners is None:
        banners = find_date_lines(text, lang)
    found: list[tuple[Span, str]] = [(d.span, "date banner") for d in banners]
    clocks: list[int] = []
    bullets: list[int] = []
    may_caption = _caption_lines(text, lines, rules)  # most lines cannot hold a credit: no scan
    for i, (start, end) in enumerate(lines.spans):
        m = rules.lines.fullmatch(text, start, end)
        if m is not None and m.lastgroup == "clock":
            clocks.append(i)
            continue
        if m is not None and m.lastgroup == "bare" and lines.line(i) in _BULLETS:
            bullets.append(i)
        if m is not None:
            found += _line_hit(m.lastgroup or "", i, lines)
        caption = may_caption[i]
        credit = caption.search(text, start, end) if caption is not None else None
        if credit is not None:
            found += _caption(i, credit, lines)
    found += _clock_runs(clocks, lines)
    found += _link_lists(bullets, lines)
    return _merge(found, text)


def _caption_lines(text: str, lines: _Lines, rules: _Rules) -> list[re.Pattern[str] | None]:
    """Return, per line, the regex that finds a photo credit in it, None when the line cannot hold one.

    The caption regex is case-insensitive and starts with white space in some languages, so the
    engine tries it at every position of a line. A pattern can only match in a line that holds the
    literals it needs: most lines need no scan, most others only one pattern's, which is the same
    leftmost match since the other patterns cannot match there.
    """
    every: list[re.Pattern[str] | None] = [rules.captions] * len(lines.spans)
    if rules.caption_gates is None:
        return every
    folded = casefolded(text)
    # Each literal is looked for once: the gates share many, and only those present are found again.
    present = frozenset(word for word in rules.caption_words if word in folded)
    pairs = zip(rules.caption_gates, rules.caption_each, strict=True)
    gates = [(gate, regex) for gate, regex in pairs if all(not part.isdisjoint(present) for part in gate)]
    if not gates:
        return [None] * len(lines.spans)
    if len(folded) != len(text):
        return every
    # Case folding that keeps the length maps each character to one: line offsets stay valid.
    out: list[re.Pattern[str] | None] = [None] * len(lines.spans)
    starts = [s for s, _ in lines.spans]
    for gate, regex in gates:
        for i in set.intersection(*(_lines_holding(folded, part & present, starts, lines) for part in gate)):
            out[i] = regex if out[i] is None else rules.captions
    return out


def _lines_holding(folded: str, words: frozenset[str], starts: list[int], lines: _Lines) -> set[int]:
    """Return the lines whose folded text holds one of the words (found in the whole text at once)."""
    out: set[int] = set()
    for word in words:
        at = folded.find(word)
        while at >= 0:
            i = bisect.bisect_right(starts, at) - 1
            if i >= 0 and at + len(word) <= lines.spans[i][1]:
                out.add(i)
            at = folded.find(word, at + 1)
    return out


def _line_hit(kind: str, i: int, lines: _Lines) -> list[tuple[Span, str]]:
    """Return what one whole-line hit drops: the line, and for some kinds its neighbours."""
    if kind == "more":
        return _more_news(i, lines)
    if len(lines.line(i)) > _MAX_CHROME_LINE:
        return []
    hits = [(lines.span(i), kind)]
    if kind == "duration":
        hits += _video_teaser(i, lines)
    elif kind == "media" and i + 1 < len(lines.spans) and len(lines.line(i + 1)) <= _MAX_CAPTION_LINE:
        hits.append((lines.span(i + 1), "media caption"))
    return hits


def _is_item(line: str) -> bool:
    """Return whether a line reads as an item of a headline list."""
    if _CLOCK.match(line) or _BARE.fullmatch(line):
        return True
    return len(line) <= _MAX_ITEM and not line.endswith(".")


def _more_news(i: int, lines: _Lines) -> list[tuple[Span, str]]:
    """Drop a "more news" heading; when a headline list follows, drop everything up to the next prose."""
    heading = [(lines.span(i), "more news")]
    following = [lines.line(j) for j in range(i + 1, min(i + 4, len(lines.spans)))]
    if sum(_is_item(line) for line in following) < 2:
        return heading
    end = i + 1
    while end < len(lines.spans) and not _is_prose(lines.line(end)):
        end += 1
    if end - i <= _MIN_LINKS:
        return heading
    return [(Span(lines.span(i).start, lines.spans[end - 1][1]), "more news")]


def _is_prose(line: str) -> bool:
    """Return whether a line reads as article prose: long, or a full sentence of a dozen words or more."""
    if _CLOCK.match(line):
        return False
    return len(line) >= _MIN_PROSE or (_SENTENCE_END.search(line) is not None and len(line.split()) >= 12)


def _clock_runs(clocks: list[int], lines: _Lines) -> list[tuple[Span, str]]:
    """Drop runs of two or more consecutive lines that start with a clock time (timestamped headlines)."""
    out: list[tuple[Span, str]] = []
    run: list[int] = []
    for i in [*clocks, -2]:
        if run and i == run[-1] + 1:
            run.append(i)
            continue
        if len(run) >= 2:
            out.append((Span(lines.span(run[0]).start, lines.spans[run[-1]][1]), "timestamped list"))
        run = [i]
    return out


def _link_lists(bullets: list[int], lines: _Lines) -> list[tuple[Span, str]]:
    """Drop lists of links: bullets alone on their lines, each before a short item, three or more.

    A short line right before the list is its heading ("Latest news") and goes with it.
    """
    out: list[tuple[Span, str]] = []
    runs: list[list[int]] = []
    for i in bullets:
        if i + 1 < len(lines.spans) and _is_item(lines.line(i + 1)):
            if runs and runs[-1][-1] + 2 == i:
                runs[-1].append(i)
            else:
                runs.append([i])
    for run in runs:
        if len(run) < _MIN_LINKS:
            continue
        first = run[0]
        heading = lines.line(first - 1) if first > 0 else ""
        if heading and len(heading) <= _MORE_TAIL and not heading.endswith(_TITLE_END):
            first -= 1
        out.append((Span(lines.span(first).start, lines.spans[run[-1] + 1][1]), "link list"))
    return out


def _video_teaser(i: int, lines: _Lines) -> list[tuple[Span, str]]:
    """Drop a video widget's title around its duration: the short line before and its repeat after."""
    if i == 0:
        return []
    title = lines.line(i - 1)
    if len(title) > _MAX_ITEM or title.endswith("."):
        return []
    hits = [(lines.span(i - 1), "video")]
    if i + 1 < len(lines.spans) and title in lines.line(i + 1):
        hits.append((lines.span(i + 1), "video"))
    return hits


def _caption(i: int, credit: re.Match[str], lines: _Lines) -> list[tuple[Span, str]]:
    """Drop a photo caption: a short line with a credit whole, a credit inside prose alone."""
    if len(lines.line(i)) > _MAX_CAPTION_LINE:
        return [(Span(credit.start(), credit.end()), "credit")]
    return [(lines.span(i), "caption"), *_captioned_line(i, credit, lines)]


def _captioned_line(i: int, credit: re.Match[str], lines: _Lines) -> list[tuple[Span, str]]:
    """Return the line before a caption when it is the captioned text: a repeat, or before a bare credit."""
    if i == 0:
        return []
    before = lines.line(i - 1)
    line = lines.line(i)
    s, e = lines.spans[i]
    bare_credit = len(_WORDS.findall(lines.text[s : credit.start()] + lines.text[credit.end() : e])) <= 2
    if line.startswith(before) or (bare_credit and len(before) <= _MAX_ITEM):
        return [(lines.span(i - 1), "caption")]
    return []


def _merge(found: list[tuple[Span, str]], text: str) -> list[tuple[Span, str]]:
    """Sort spans and merge those that overlap or are separated only by white space."""
    out: list[tuple[Span, str]] = []
    for span, kind in sorted(found, key=lambda item: (item[0].start, -item[0].end)):
        if out and (span.start <= out[-1][0].end or not text[out[-1][0].end : span.start].strip()):
            last, last_kind = out[-1]
            out[-1] = (Span(last.start, max(last.end, span.end)), last_kind)
        else:
            out.append((span, kind))
    return out


# --- compiled rules per language ---------------------------------------------------------------------

_CACHE: weakref.WeakKeyDictionary[LanguageData, _Rules] = weakref.WeakKeyDictionary()


def _rules(lang: LanguageData | None) -> _Rules:
    """Return the compiled rules of ``lang`` (all supported languages when None), built once."""
    if lang is None:
        return _all_rules()
    found = _CACHE.get(lang)
    if found is None:
        found = _CACHE[lang] = _compile([lang])
    return found


@cache
def _all_rules() -> _Rules:
    """Return the rules of every supported language merged (text of unknown language)."""
    return _compile([load_language(code) for code in supported_languages()])


def _words(langs: list[LanguageData], key: str) -> list[str]:
    """Return the entries of ``[boilerplate].key`` over several languages, without repeats."""
    return list(dict.fromkeys(w for lang in langs for w in lang.words("boilerplate", key)))


def _either(patterns: list[str]) -> str:
    """Return one alternation of regexes (one that never matches when there are none)."""
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!x)x"


def _compile(langs: list[LanguageData]) -> _Rules:
    """Build the whole-line regex (one named group per kind) and the caption regex."""
    social = [r"\s+".join(map(re.escape, w.split())) for w in _words(langs, "social_words")]
    kinds = [
        LineKind("more", tuple(_words(langs, "more_news_patterns")), rf"(?:\W[^\n]{{0,{_MORE_TAIL}}})?"),
        *(LineKind(kind, tuple(_words(langs, f"{kind}_patterns"))) for kind in _WORD_KINDS),
        LineKind("social", tuple(social), rf"(?:[\s|·•,/:-]+(?:{_either(social)}))*"),
        *(LineKind(name, (regex,)) for name, regex in _STRUCTURAL.items()),
    ]
    lines = LineRules(kinds)
    patterns = _words(langs, "caption_patterns")
    captions = re.compile(_either(patterns), re.IGNORECASE | re.MULTILINE)
    gates = tuple(required_literals(pattern) for pattern in patterns)
    each = tuple(re.compile(pattern, re.IGNORECASE | re.MULTILINE) for pattern in patterns)
    # A group would renumber the groups (and back-references) of the patterns after it: no gates.
    if captions.groups or any(not gate for gate in gates):
        return _Rules(lines, captions)
    return _Rules(lines, captions, gates, each, frozenset().union(*(part for gate in gates for part in gate)))
