"""Dates in football news: absolute dates, relative day words and weekdays, and an article's own date.

The words come from the ``[dates]`` section of each language file, so a new language is data only:

``months``          month name or abbreviation -> 1..12
``weekdays``        weekday name -> 0 (Monday) .. 6 (Sunday)
``relative_days``   a day word -> offset in days from the anchor ("yesterday" = -1, "stasera" = 0)
``weekday_before``  a word before a weekday -> ``last`` / ``next`` / ``this`` ("last Sunday")
``weekday_after``   a word after a weekday -> the same ("domenica scorsa")
``day_parts``       a part of day after a weekday or day word, part of the mention ("Wednesday night")
``date_formats``    regexes in which ``DAY``, ``MONTH`` and ``YEAR`` stand for the parts of a written date
``numeric_order``   ``dmy`` or ``mdy``: how ``05/02/2026`` is read when both readings are valid
``capitalized``     true when month and weekday names are always capitalised (English "May", not "may")

ISO dates (``2026-02-05``) and numeric dates (``05/02/2026``, ``21.11.2020``) need no words. A bare
weekday is the most recent such day on or before the anchor; ``last`` means strictly before, ``next``
strictly after, ``this`` on or after. A date written without a year takes the year that puts it
nearest the anchor.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from tabellino.lang import LanguageData, anchors, load_language, supported_languages
from tabellino.lang.prefilter import compile_scanning, first_characters
from tabellino.models import Span

__all__ = [
    "DateLine",
    "DateMention",
    "find_date_lines",
    "find_dates",
    "find_published",
    "published_from",
    "url_date",
]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in the text; ``relative`` when its value was worked out from the anchor date."""

    start: int
    end: int
    value: date
    relative: bool = False


@dataclass(frozen=True, slots=True)
class DateLine:
    """A date banner at the top of a text ("Publiziert: 21.11.2020", " date 2026-02-06").

    ``span`` is the banner (what page chrome removal drops), ``where`` the date inside it, ``value`` the
    full date, or None when the banner gives only a year and month (``year`` and ``month`` are always set).
    """

    span: Span
    where: Span
    value: date | None
    year: int
    month: int


# --- vocabulary and compiled pattern per language ---------------------------------------------------

_YEAR = r"(?:19|20)\d{2}"
_ISO = rf"(?<![\d.:/-])(?P<iso_y>{_YEAR})-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})(?![\d])"
_DM = r"(?P<num_a>\d{1,2})(?P<num_s>[./-])(?P<num_b>\d{1,2})(?P=num_s)"
_NUMERIC = rf"(?<![\d.:/-]){_DM}(?P<num_y>{_YEAR})(?!\d)"


@dataclass
class _Vocab:
    """The date words of one language (or of several merged), keys normalised to lower case."""

    months: dict[str, int] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    relative: dict[str, int] = field(default_factory=dict)
    before: dict[str, str] = field(default_factory=dict)
    after: dict[str, str] = field(default_factory=dict)
    parts: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    order: str = "dmy"
    capitalized: bool = False

    def add(self, section: dict[str, Any]) -> None:
        """Merge a ``[dates]`` section into this vocabulary (earlier entries win)."""
        for name, target in (
            ("months", self.months),
            ("weekdays", self.weekdays),
            ("relative_days", self.relative),
            ("weekday_before", self.before),
            ("weekday_after", self.after),
        ):
            for key, value in dict(section.get(name, {})).items():
                target.setdefault(_norm(key), value)
        self.parts += [p for p in section.get("day_parts", []) if p not in self.parts]
        formats = [f for f in section.get("date_formats", []) if "DAY" in f and "MONTH" in f]
        self.formats += [f for f in formats if f not in self.formats]
        self.order = str(section.get("numeric_order", self.order))
        self.capitalized = bool(section.get("capitalized", False))

    def names(self, table: dict[str, Any]) -> str:
        """Return the alternation of month or weekday names, case-sensitive when names are capitalised."""
        if not self.capitalized:
            return _alternation(table)
        forms = {form for name in table for form in (name.capitalize(), name.upper())}
        return f"(?-i:{_alternation(forms)})"


@dataclass
class _Compiled:
    """A vocabulary, the one regex that finds every date form of it, and what finds where it can start.

    ``starts`` finds, case-sensitively, the digits and capitalised names a date can start with;
    ``words`` finds, in the search fold of a text, the case-insensitive words one can start with.
    Both are None when a form starts otherwise (then the text is scanned the ordinary way).
    ``keyed`` finds the same words as ``words`` with one regex per leading literal, each of which
    the engine skips to at almost no cost: faster on long texts, slower on short lines.
    ``digit_led`` is tried instead of ``regex`` where an ASCII digit is: the same matches there.
    """

    vocab: _Vocab
    regex: re.Pattern[str]
    formats: int
    starts: re.Pattern[str] | None = None
    words: re.Pattern[str] | None = None
    keyed: tuple[re.Pattern[str], ...] = ()
    digit_led: re.Pattern[str] | None = None


def _norm(phrase: str) -> str:
    """Return a phrase in the form used as a lookup key: lower case, single spaces, straight apostrophe."""
    return " ".join(phrase.lower().replace("’", "'").split())


def _alternation(words: Iterable[str]) -> str:
    """Return a regex matching any of the phrases (longest first), white space flexible.

    The phrases are folded into a trie ("jan(?:uary)?") so a failing position costs one test per
    letter, not one per phrase: the date regex is tried at the start of every word of an article.
    """
    trie: dict[str, Any] = {}
    for word in {" ".join(w.split()) for w in words if w.strip()}:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie) or r"(?!x)x"


def _trie_regex(node: dict[str, Any]) -> str:
    """Return the regex of one trie node: its branches, optional when a phrase may end here."""
    branches = [_char(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if "" in node:
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _char(ch: str) -> str:
    """Return the regex for one character of a phrase."""
    if ch == " ":
        return r"\s+"
    return "['’]" if ch in "'’" else re.escape(ch)


def _format_regex(fmt: str, i: int, vocab: _Vocab) -> str:
    """Turn one ``date_formats`` entry into a regex with numbered named groups."""
    months = vocab.names(vocab.months)
    body = (
        fmt.replace("DAY", rf"(?<!\d)(?P<f{i}_d>[0-3]?\d)(?!\d)")
        .replace("MONTH", rf"(?<!\w)(?P<f{i}_m>{months})(?!\w)(?:\.(?=\s*\d))?")
        .replace("YEAR", rf"(?P<f{i}_y>{_YEAR})(?!\d)")
        .replace(" ", r"\s+")
    )
    weekday = rf"(?:(?<!\w)(?:{vocab.names(vocab.weekdays)})(?!\w),?\s+)?"
    return weekday + body


_ASCII_DIGITS = frozenset("0123456789")

_LONG = 1000
"""Texts longer than this are scanned with a regex per leading literal of the words (see ``keyed``)..."""
_MAX_KEYED = 40
"""... unless there are more such regexes than this."""


def _compile(vocab: _Vocab) -> _Compiled:
    """Build the single regex for every date form the vocabulary can express."""
    parts = _alternation(vocab.parts)
    forms = [_ISO, _NUMERIC]
    forms += [f"(?:{_format_regex(fmt, i, vocab)})" for i, fmt in enumerate(vocab.formats)]
    forms.append(rf"(?<!\w)(?P<rel>{_alternation(vocab.relative)})(?!\w)(?:\s+(?:{parts})(?!\w))?")
    forms.append(
        rf"(?<!\w)(?:(?P<wd_b>{_alternation(vocab.before)})\s+)?(?P<wd>{vocab.names(vocab.weekdays)})(?!\w)"
        rf"(?:\s+(?P<wd_a>{_alternation(vocab.after)})(?!\w))?(?:\s+(?:{parts})(?!\w))?"
    )
    # Every form starts a word: one look-behind fails fast inside words, most of any text.
    source = r"(?<!\w)(?:" + "|".join(forms) + ")"
    regex = compile_scanning(source)
    starts, words = _start_finders(vocab, _digits(source, regex))
    keyed = _keyed(_fold_words(vocab) or []) if words is not None else ()
    keyed = keyed if len(keyed) <= _MAX_KEYED else ()  # the words of every language: one scan is faster
    return _Compiled(vocab, regex, len(vocab.formats), starts, words, keyed, _digit_led(forms))


def _digit_led(forms: list[str]) -> re.Pattern[str]:
    """Return the date regex of the forms that can start with an ASCII digit, for places that do.

    At a digit the other forms fail anyway, each after a few tests; most digits in a report are
    scores and minutes, so leaving them out makes each failing try cheaper. The other forms follow
    behind a look-ahead that always fails: their groups exist, so a match reads as the full regex's.
    """
    led: list[str] = []
    others: list[str] = []
    for form in forms:
        chars = first_characters(form)
        (others if chars is not None and chars.isdisjoint(_ASCII_DIGITS) else led).append(form)
    never = f"|(?!)(?:{'|'.join(others)})" if others else ""
    return re.compile(r"(?<!\w)(?:" + "|".join(led) + never + ")", re.IGNORECASE)


def _digits(source: str, regex: re.Pattern[str]) -> list[str]:
    r"""Return the regexes of the digits a match of ``regex`` can start with.

    The look-ahead :func:`compile_scanning` puts in front lists them (``0`` .. ``9``, which the engine
    skips to much faster than ``\d``); without one, any digit.
    """
    chars = first_characters(source) if regex.pattern != source else None
    return sorted(c for c in chars if c.isdigit()) if chars is not None else [r"\d"]


def _start_finders(vocab: _Vocab, digits: list[str]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Return the regexes that find every place a date can start (see :class:`_Compiled`).

    A case-insensitive regex has no character to skip to, so the engine tries it at every position
    of a text; these two are case-sensitive and start with a character, which the engine skips to.
    """
    if any(not fmt.startswith(("DAY", "MONTH")) for fmt in vocab.formats):
        return None, None
    forms = [form for table in _names(vocab) for name in table for form in (name.capitalize(), name.upper())]
    folded = _fold_words(vocab)
    if folded is None:
        return None, None
    firsts = [*digits, _by_first_char(forms)] if forms and vocab.capitalized else digits
    starts = re.compile(rf"(?:{'|'.join(firsts)})(?<!\w.)")
    return starts, re.compile(rf"(?:{_by_first_char(folded)})(?<!\w.)") if folded else None


def _names(vocab: _Vocab) -> list[dict[str, int]]:
    """Return the tables of names a date can start with: weekdays, and months when a format starts so."""
    names = [vocab.weekdays]
    return [*names, vocab.months] if any(fmt.startswith("MONTH") for fmt in vocab.formats) else names


def _fold_words(vocab: _Vocab) -> list[str] | None:
    """Return the case-insensitive words a date can start with, search-folded (None: that moves offsets)."""
    words = [*vocab.relative, *vocab.before]
    words += [] if vocab.capitalized else [name for table in _names(vocab) for name in table]
    words = [w for w in words if w.strip()]
    folded = [anchors.search_fold(w) for w in words]
    return folded if all(len(f) == len(w) for f, w in zip(folded, words, strict=True)) else None


def _keyed(words: list[str]) -> tuple[re.Pattern[str], ...]:
    """Return one regex per leading literal of the words (up to 3 characters), matching at word starts."""
    tails: dict[str, set[str]] = {}
    for word in words:
        key = re.split(r"[\s'’]", word)[0][:3]
        if not key:
            return ()
        tails.setdefault(key, set()).add(word[len(key) :])
    out = []
    for key, rest in sorted(tails.items()):
        ahead = "|".join(sorted("".join(map(_char, tail)) for tail in rest))
        ahead = "" if "" in rest else f"(?=(?:{ahead}))"
        # The look-behind spans the key: the engine still skips to the key's first character.
        out.append(re.compile(rf"{re.escape(key)}(?<!\w.{{{len(key)}}}){ahead}"))
    return tuple(out)


def _by_first_char(words: list[str]) -> str:
    """Return a regex that matches the first character of any of the words where the whole word follows.

    Each branch starts with a plain character, so the engine skips to the characters that can start
    one; a match is one character wide, so matches never hide one another.
    """
    rests: dict[str, set[str]] = {}
    for word in words:
        if word.strip():
            rests.setdefault(word[0], set()).add(word[1:])
    branches = []
    for first, tails in sorted(rests.items()):
        # A look-ahead holds when any branch does: no trie, no longest-first order needed.
        alternatives = "|".join(sorted("".join(map(_char, tail)) for tail in tails))
        branches.append(_char(first) + ("" if "" in tails else f"(?=(?:{alternatives}))"))
    return "|".join(branches) or r"(?!x)x"


_CACHE: weakref.WeakKeyDictionary[LanguageData, _Compiled] = weakref.WeakKeyDictionary()


def _compiled(lang: LanguageData | None) -> _Compiled:
    """Return the compiled date forms of ``lang`` (of every supported language when None), cached."""
    if lang is None:
        return _all_languages()
    found = _CACHE.get(lang)
    if found is None:
        vocab = _Vocab()
        vocab.add(lang.section("dates"))
        found = _CACHE[lang] = _compile(vocab)
    return found


@cache
def _all_languages() -> _Compiled:
    """Return the date forms of every supported language merged (for text of unknown language)."""
    vocab = _Vocab()
    sections = [load_language(code).section("dates") for code in supported_languages()]
    for section in sections:
        vocab.add(section)
    vocab.capitalized = all(section.get("capitalized", False) for section in sections)
    return _compile(vocab)


# --- finding dates ----------------------------------------------------------------------------------


def find_dates(text: str, lang: LanguageData | None, anchor: date | None) -> list[DateMention]:
    """Return the dates written in ``text``, absolute ones always, relative ones when there is an anchor.

    ``lang`` None uses the words of every supported language. Relative words, weekdays and dates
    without a year are resolved against ``anchor`` (the article's date) and skipped without one.
    """
    comp = _compiled(lang)
    out: list[DateMention] = []
    for m in _matches(comp, text):
        found = _resolve(m, comp, anchor)
        if found is not None:
            out.append(DateMention(m.start(), m.end(), found[0], found[1]))
    return out


def _matches(comp: _Compiled, text: str) -> Iterator[re.Match[str]]:
    """Yield the matches of the date regex in ``text``: the same as its ``finditer``, faster.

    The regex is tried only where a date can start (digits, names, words), found by two
    case-sensitive scans that the engine runs much faster than one case-insensitive one.
    """
    folded = anchors.search_fold(text) if comp.starts is not None else ""
    if comp.starts is None or len(folded) != len(text):
        yield from anchors.finditer(comp.regex, text)
        return
    places = [m.start() for m in comp.starts.finditer(text)]
    if comp.keyed and len(text) > _LONG:
        for regex in comp.keyed:
            places += [m.start() for m in regex.finditer(folded)]
        places.sort()
    elif comp.words is not None:
        places = sorted(places + [m.start() for m in comp.words.finditer(folded)])
    match, after = comp.regex.match, 0
    digit_match = comp.digit_led.match if comp.digit_led is not None else match
    for place in places:
        if place < after:
            continue
        m = (digit_match if text[place] in _ASCII_DIGITS else match)(text, place)
        if m is not None:
            yield m
        after = m.end() if m is not None else place + 1


def _resolve(m: re.Match[str], comp: _Compiled, anchor: date | None) -> tuple[date, bool] | None:
    """Return ``(value, relative)`` for one match, or None when it is not a valid date."""
    if m.group("iso_y"):
        return _absolute(_make(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d"))))
    if m.group("num_y"):
        return _absolute(_numeric(m, comp.vocab.order))
    for i in range(comp.formats):
        if m.group(f"f{i}_m") is not None:
            return _written(m, i, comp.vocab, anchor)
    if anchor is None:
        return None
    if m.group("rel") is not None:
        return anchor + timedelta(days=comp.vocab.relative[_norm(m.group("rel"))]), True
    return _weekday(m, comp.vocab, anchor), True


def _absolute(value: date | None) -> tuple[date, bool] | None:
    """Wrap an absolute date (or None) as a resolution result."""
    return None if value is None else (value, False)


def _make(year: int, month: int, day: int) -> date | None:
    """Return the date, or None when the parts do not form one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _numeric(m: re.Match[str], order: str) -> date | None:
    """Read ``05/02/2026`` in the language's order, or in the other when only that one is valid."""
    a, b, year = int(m.group("num_a")), int(m.group("num_b")), int(m.group("num_y"))
    first, second = (_make(year, b, a), _make(year, a, b))
    if order == "mdy":
        first, second = second, first
    return first or second


def _written(m: re.Match[str], i: int, vocab: _Vocab, anchor: date | None) -> tuple[date, bool] | None:
    """Resolve a date written with a month name; without a year, take the year nearest the anchor."""
    month = vocab.months[_norm(m.group(f"f{i}_m"))]
    day = int(m.group(f"f{i}_d"))
    if m.group(f"f{i}_y"):
        return _absolute(_make(int(m.group(f"f{i}_y")), month, day))
    if anchor is None:
        return None
    options = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _make(y, month, day))]
    if not options:
        return None
    return min(options, key=lambda d: abs((d - anchor).days)), True


def _weekday(m: re.Match[str], vocab: _Vocab, anchor: date) -> date:
    """Resolve a weekday: the latest one on or before the anchor unless a word says otherwise."""
    target = vocab.weekdays[_norm(m.group("wd"))]
    word = m.group("wd_b") or m.group("wd_a")
    which = (vocab.before.get(_norm(word)) or vocab.after.get(_norm(word))) if word else None
    back = (anchor.weekday() - target) % 7
    if which == "last":
        return anchor - timedelta(days=back or 7)
    ahead = (target - anchor.weekday()) % 7
    if which == "next":
        return anchor + timedelta(days=ahead or 7)
    if which == "this":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


# --- the article's own date ---------------------------------------------------------------------------

HEADER_LINES = 12
"""A date banner sits in the first lines of a page ..."""
HEADER_CHARS = 800
"""... and starts within its first characters."""

_CRAWL = re.compile(r"\A\s*date\s+(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?(?![\d-])")
_LINE = re.compile(r"[^\n]+")
_TIME = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?!\d)")
_WORD = re.compile(r"[^\W\d_]+")
_MAX_BANNER = 80
_MAX_BANNER_WORDS = 3


def find_date_lines(text: str, lang: LanguageData | None) -> list[DateLine]:
    """Return the date banners in the first lines of ``text``, in order.

    A banner is a crawl line at the very start (``" date 2026-02-06"``, also ``" date 2018-03"``) or a
    short line that holds a full date and at most a few other words, e.g. a label and a time
    ("Today : Feb 06, 2026", "Publiziert: 21.11.2020 um 22:58 Uhr", "16.10.2016 - 22:14 Uhr").
    """
    out: list[DateLine] = []
    for n, line in enumerate(_LINE.finditer(text, 0, HEADER_CHARS + _MAX_BANNER)):
        if n >= HEADER_LINES or line.start() > HEADER_CHARS:
            break
        start, end = line.span()
        crawl = _CRAWL.match(text, start, end) if start == 0 else None
        if crawl and 1 <= int(crawl.group("m")) <= 12:
            out.append(_crawl_line(crawl))
            start = crawl.end()
        banner = _banner(text, start, end, lang)
        if banner:
            out.append(banner)
    return out


def _crawl_line(m: re.Match[str]) -> DateLine:
    """Return the banner of a crawl line; its value is None when it gives only a year and month."""
    year, month = int(m.group("y")), int(m.group("m"))
    value = _make(year, month, int(m.group("d"))) if m.group("d") else None
    return DateLine(Span(0, m.end()), Span(m.start("y"), m.end()), value, year, month)


def _banner(text: str, start: int, end: int, lang: LanguageData | None) -> DateLine | None:
    """Return the line ``text[start:end]`` as a banner if it is a short line made of a full date."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not start < end <= start + _MAX_BANNER:
        return None
    line = text[start:end]
    dates = find_dates(line, lang, None)
    if not dates:
        return None
    first = dates[0]
    rest = _TIME.sub(" ", line[: first.start] + " " + line[first.end :])
    if any(ch.isdigit() for ch in rest) or len(_WORD.findall(rest)) > _MAX_BANNER_WORDS:
        return None
    value = first.value
    where = Span(start + first.start, start + first.end)
    return DateLine(Span(start, end), where, value, value.year, value.month)


_URL_YMD = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=[/_.-]|$)")
_URL_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
_URL_YM = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})(?=/)")
_URL_8 = re.compile(r"(?<!\d)\d{8}(?!\d)")


def url_date(url: str | None) -> tuple[date | None, tuple[int, int] | None]:
    """Return the full date in a URL's path (or None) and the year and month it states (or None).

    Forms: ``/2024/04/17/``, ``/2025/9/17/``, ``2024-04-17``, and an eight-digit run that reads as
    exactly one of ``ddmmyyyy`` / ``yyyymmdd`` (``...-nid11092022``).
    """
    if not url:
        return None, None
    path = urlsplit(url).path
    for regex in (_URL_YMD, _URL_ISO):
        m = regex.search(path)
        if m and (found := _make(int(m.group("y")), int(m.group("m")), int(m.group("d")))):
            return found, (found.year, found.month)
    for digits in _URL_8.findall(path):
        found = _eight_digits(digits)
        if found:
            return found, (found.year, found.month)
    m = _URL_YM.search(path)
    if m and 1 <= int(m.group("m")) <= 12:
        return None, (int(m.group("y")), int(m.group("m")))
    return None, None


def _eight_digits(digits: str) -> date | None:
    """Read eight digits as ``ddmmyyyy`` or ``yyyymmdd`` when exactly one reading is a plausible date."""
    readings = [
        _make(int(digits[4:]), int(digits[2:4]), int(digits[:2])),
        _make(int(digits[:4]), int(digits[4:6]), int(digits[6:])),
    ]
    valid = [d for d in readings if d is not None and 1990 <= d.year <= 2100]
    return valid[0] if len(valid) == 1 else None


def find_published(text: str, url: str | None, lang: LanguageData | None) -> tuple[date, Span | None] | None:
    """Return the article's own date and the span stating it (None when it comes from the URL).

    The first full date banner at the top of the text wins, then the URL's date. Only a full date
    counts; when a crawl line or the URL states a different year and month, the sources disagree and
    the answer is None.
    """
    return published_from(find_date_lines(text, lang), url)


def published_from(lines: list[DateLine], url: str | None) -> tuple[date, Span | None] | None:
    """Return the article's date from its date banners and URL (see :func:`find_published`)."""
    from_url, url_month = url_date(url)
    full = next((ln for ln in lines if ln.value is not None), None)
    chosen: tuple[date, Span | None]
    if full is not None and full.value is not None:
        chosen = (full.value, full.where)
    elif from_url is not None:
        chosen = (from_url, None)
    else:
        return None
    months = [(ln.year, ln.month) for ln in lines if ln.value is None]
    months += [url_month] if url_month else []
    if from_url is not None and from_url != chosen[0]:
        return None
    if any(ym != (chosen[0].year, chosen[0].month) for ym in months):
        return None
    return chosen
