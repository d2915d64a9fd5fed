"""Find the people an article names, link short mentions to the fullest name, learn their roles.

A person mention is a run of capitalised words (with name particles such as "de", "van", "di")
that is not a club, competition, venue or city and not a common capitalised word of the language.
"Rossi" links to "Paolo Rossi" when the article names him in full; "Juventus striker Paolo
Rossi" teaches that he is a Juventus player.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache, lru_cache

from tabellino.extract import component
from tabellino.extract.doc import Doc, PersonMention
from tabellino.extract.people_roles import learn_roles
from tabellino.lang import LanguageData
from tabellino.models import Span

__all__ = ["fold", "surname_key"]

_CAPITALS = "A-ZÀ-ÖØ-ÞĀ-Ž"
_CAPITAL = f"[{_CAPITALS}]"
# The letters after a name's capital: a spacing accent counts before a letter ("Jovi´c").
_NAME_TAIL = r"[\w’'\-]*(?:´(?=\w)[\w’'\-]*)*\.?"
_NAME_WORD = _CAPITAL + _NAME_TAIL
_SPACING_ACUTE = re.compile(r"´(\w)")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_MAX_TOKENS = 4
_CUE_SECTIONS = ("results", "goals", "cards")
_NUMBER_NEXT = re.compile(r"\s?\(?\d{1,3}")
_INITIAL = re.compile(r"^[A-ZÀ-Þ]\.$")
_MEMO_SIZE = 50_000  # token runs remembered per language before the memo starts afresh


@component("people")
def annotate_people(doc: Doc) -> None:
    """Fill ``doc.people`` with linked person mentions and ``doc.roles`` with learned roles."""
    runs = list(_name_runs(doc))
    canon = _canonical_names([text for _, _, text in runs])
    doc.people = [PersonMention(s, e, t, _repair(canon.get(t, t))) for s, e, t in runs]
    doc.roles = learn_roles(doc)


def _repair(name: str) -> str:
    """Join a spacing accent typed before a letter ("Jovi´c") into that letter ("Jović")."""
    if "´" not in name:
        return name
    return unicodedata.normalize("NFC", _SPACING_ACUTE.sub(lambda m: m.group(1) + "\u0301", name))


@cache
def fold(text: str) -> str:
    """Return ``text`` lowercased with accents removed (for comparing names)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=_MEMO_SIZE)
def surname_key(name: str) -> str:
    """Return the folded last token of a name ("A. Jović" -> "jovic")."""
    parts = name.replace(".", ". ").split()
    return fold(parts[-1]) if parts else ""


def _blocked(doc: Doc) -> list[tuple[int, int]]:
    """Return the spans already taken by clubs, competitions, venues and cities, sorted."""
    spans = [(m.start, m.end) for m in doc.clubs]
    spans += [(m.start, m.end) for m in doc.competitions]
    spans += [(m.start, m.end) for m in doc.venues]
    spans += [(m.start, m.end) for m in doc.cities]
    return sorted(spans)


def _name_runs(doc: Doc) -> list[tuple[int, int, str]]:
    """Return (start, end, text) of every capitalised-word run that reads as a person's name."""
    text = doc.text
    blocked = _Blocked(_blocked(doc))
    pieces = _run_pieces(doc.lang)
    runs: list[tuple[int, int, str]] = []
    token = _token_pattern(doc.lang)
    for sentence in _sentence_tokens(token, text, doc.sentences, _name_tokens(doc.lang, token, text)):
        for start, end, tokens in _token_runs(text, sentence, blocked):
            found = pieces.get(text[start:end])
            if found is None:
                found = _remember_pieces(doc.lang, pieces, text[start:end], tokens)
            for a, b, name in found:  # a loop, not extend(generator): most runs hold one name
                runs.append((start + a, start + b, name))
    sentence_starts = {s.start for s in doc.sentences}
    return _drop_nouns(doc, _keep_plausible(text, runs, sentence_starts), _particles(doc.lang))


def _drop_nouns(
    doc: Doc, runs: list[tuple[int, int, str]], particles: frozenset[str]
) -> list[tuple[int, int, str]]:
    """Drop the common nouns of languages that capitalise them ("der Franzose", "die Mitte").

    A run right after a determiner of ``[people] noun_markers`` (lower-case adjectives allowed in
    between) is a noun when it is one word, unless that word is the surname of a full name in the
    article; a longer run loses its first word ("der Schwede Alexander Isak" gives "Alexander Isak").
    """
    marker = _noun_marker(doc.lang)
    if marker is None:
        return runs
    markers = frozenset(fold(w) for w in doc.lang.words("people", "noun_markers"))
    surnames = {surname_key(t) for _, _, t in runs if " " in t}
    out = []
    for start, end, name in runs:
        words = name.split(" ")
        led = len(words) > 1 and fold(words[0]) in markers
        if led:
            start, words = _drop_first(start, words)
        elif marker.search(doc.text, max(0, start - 60), start) is None:
            out.append((start, end, name))
            continue
        if len(words) == 1:
            if fold(words[0]) in surnames:
                out.append((start, end, words[0]))
            continue
        start, words = _drop_first(start, words)
        while len(words) > 1 and fold(words[0]) in particles:
            start, words = _drop_first(start, words)
        out.append((start, end, " ".join(words)))
    return out


def _drop_first(start: int, words: list[str]) -> tuple[int, list[str]]:
    """Return a run's start and words without its first word."""
    return start + len(words[0]) + 1, words[1:]


@cache
def _noun_marker(lang: LanguageData) -> re.Pattern[str] | None:
    """Return a regex matching a determiner (and lower-case adjectives) at the end of a text."""
    words = lang.words("people", "noun_markers")
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    lower = "(?-i:[a-zß-öø-ÿ])"
    return re.compile(rf"(?<!\w)(?:{alternatives})(?:\s+{lower}[\w-]*){{0,3}}\s+$", re.IGNORECASE)


@cache
def _token_pattern(lang: LanguageData) -> re.Pattern[str]:
    """Return the regex of a name token: a capitalised word, or a name particle (group 1) before one."""
    words = lang.words("people", "particles")
    if not words:
        return re.compile(_NAME_WORD)
    if all(w[:1].isalnum() for w in words):
        return re.compile(_by_first_letter(words))
    particles = "|".join(re.escape(p) for p in words)
    return re.compile(rf"{_NAME_WORD}|\b((?:{particles}))(?=\s+{_CAPITAL})")


def _by_first_letter(particles: list[str]) -> str:
    """Return the token regex opening with one character class, which the engine scans for quickly.

    The same tokens as "a name word, or else a particle after a word boundary and before a capital":
    the first character is a capital or a particle's first letter, then a lookbehind picks the
    branch (the name word first, as before); a particle is marked by the empty group 1. Particles
    keep their order within each first letter, so the same one is taken. A regex that opens with an
    alternation is tried at every position of the text; one opening with a class is not.
    """
    rests: dict[str, list[str]] = {}
    for p in particles:
        rests.setdefault(p[0], []).append(re.escape(p[1:]))
    branches = "|".join(rf"(?<={re.escape(f)})(?:{'|'.join(r)})" for f, r in rests.items())
    firsts = "".join(re.escape(f) for f in rests)
    return (
        rf"[{_CAPITALS}{firsts}](?:(?<={_CAPITAL}){_NAME_TAIL}"
        rf"|(?<!\w.)(?:{branches})()(?=\s+{_CAPITAL}))"
    )


@cache
def _particles(lang: LanguageData) -> frozenset[str]:
    """Return the folded name particles of the language ("de", "van")."""
    return frozenset(fold(p) for p in lang.words("people", "particles"))


def _sentence_tokens(
    token: re.Pattern[str],
    text: str,
    sentences: list[Span],
    tokens: list[re.Match[str]] | None = None,
) -> Iterator[list[re.Match[str]]]:
    """Yield each sentence's name tokens, as a scan of that sentence alone finds them.

    The text is scanned once (``tokens``, when given, are that scan's). A sentence takes the tokens
    that start inside it; it is scanned on its own only where its edges could change them: a token
    crossing its start or end, or a particle last, whose capitalised follower lies beyond the sentence.
    """
    if tokens is None:
        tokens = list(token.finditer(text))
    starts = [m.start() for m in tokens]
    for sent in sentences:
        lo = bisect.bisect_left(starts, sent.start)
        hi = bisect.bisect_left(starts, sent.end)
        if (lo and tokens[lo - 1].end() > sent.start) or (
            hi > lo and (tokens[hi - 1].end() > sent.end or tokens[hi - 1].lastindex)
        ):
            yield list(token.finditer(text, sent.start, sent.end))
        else:
            yield tokens[lo:hi]


def _name_tokens(lang: LanguageData, token: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Return the matches of ``token`` in ``text``, found in two cheaper scans where possible.

    The token regex opens with the capitals and the particles' first letters, and those letters are
    frequent: it is tried at many places. The same tokens are the capitalised words (a regex opening
    with capitals only) and the particles: whole words, after a non-word character, before white
    space and a capital, so found cheaply in the reversed text from that capital. A particle inside
    a capitalised word ("Jean-de") is no token, as the one scan never looks there.
    """
    scans = _particle_scans(lang)
    if scans is None:
        return list(token.finditer(text))
    capitals, reversed_particles = scans
    tokens = list(capitals.finditer(text))
    size = len(text)
    starts: list[int] | None = None
    for m in reversed_particles.finditer(text[::-1]):
        start = size - m.end(1)
        if starts is None:
            starts = [t.start() for t in tokens]
        i = bisect.bisect_right(starts, start)
        if i and tokens[i - 1].end() > start:
            continue  # inside a capitalised word
        particle = token.match(text, start)
        if particle is not None and particle.lastindex:
            tokens.insert(i, particle)
            starts.insert(i, start)
    return tokens


@cache
def _particle_scans(lang: LanguageData) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Return the regexes of :func:`_name_tokens`: capitalised words, particles in reversed text.

    None unless every particle is a lower-case word (the token regex is then one scan).
    """
    words = lang.words("people", "particles")
    if not words or not all(w.isalpha() and w.islower() for w in words):
        return None
    backwards = "|".join(re.escape(w[::-1]) for w in sorted(words, key=len, reverse=True))
    return re.compile(_NAME_WORD), re.compile(rf"{_CAPITAL}\s+({backwards})(?!\w)")


def _token_runs(
    text: str, tokens: list[re.Match[str]], blocked: _Blocked
) -> list[tuple[int, int, list[re.Match[str]]]]:
    """Split a sentence's tokens into runs of adjacent ones (single spaces between them).

    Returns each run's start, end and tokens.
    """
    runs: list[tuple[int, int, list[re.Match[str]]]] = []
    current: list[re.Match[str]] = []
    first = last_start = last_end = -2
    mask = blocked.mask  # the overlap test inlined where it can be: this loop runs for every token
    for m in tokens:
        start, end = m.span()
        if mask.find(1, start, end) >= 0 if mask is not None else blocked.overlaps(start, end):
            if current:
                runs.append((first, last_end, current))
                current = []
            continue
        if current and not (
            start == last_end + 1 and text[last_end] == " " and not _possessive(text, last_start, last_end)
        ):
            runs.append((first, last_end, current))
            current = []
        if not current:
            first = start
        current.append(m)
        last_start, last_end = start, end
    if current:
        runs.append((first, last_end, current))
    return runs


def _possessive(word: str, start: int, end: int) -> bool:
    """Return whether ``word[start:end]`` ends in a possessive mark ("Bremer's"), which ends a name."""
    return word[end - 1] in "'’" or word.endswith(("'s", "’s"), start, end)


class _Blocked:
    """Sorted spans taken by other mentions, with a fast overlap test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.ends = [e for _, e in spans]
        self.sorted = all(a <= b for a, b in zip(self.ends, self.ends[1:], strict=False))
        self.mask: bytearray | None = None
        if self.sorted and spans and all(a < b for a, b in spans):
            # Ends in order and no empty span: a span overlaps exactly when it covers a character.
            self.mask = bytearray(spans[-1][1] + 1)
            for a, b in spans:
                self.mask[a:b] = b"\x01" * (b - a)

    def overlaps(self, start: int, end: int) -> bool:
        """Return whether [start, end) overlaps a blocked span."""
        if self.mask is not None:
            return self.mask.find(1, start, end) >= 0
        i = bisect.bisect_right(self.ends, start) if self.sorted else _first_end_after(self.spans, start)
        return i < len(self.spans) and self.spans[i][0] < end


def _first_end_after(spans: list[tuple[int, int]], start: int) -> int:
    """Return the first index whose span ends after ``start`` by binary search (spans sorted)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid][1] <= start:
            lo = mid + 1
        else:
            hi = mid
    return lo


@cache
def _run_pieces(lang: LanguageData) -> dict[str, list[tuple[int, int, str]]]:
    """Return the language's memo: token run text -> its name pieces (offsets from the run start).

    A run's text decides its tokens (capitalised words and particles between single spaces), and
    its tokens decide the pieces; the same capitalised words recur across articles.
    """
    return {}


def _remember_pieces(
    lang: LanguageData, memo: dict[str, list[tuple[int, int, str]]], run: str, tokens: list[re.Match[str]]
) -> list[tuple[int, int, str]]:
    """Return the name pieces of a token run, remembered by the run's text."""
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    found = _clean_run(run, [m.group() for m in tokens], _stopwords(lang), _particles(lang))
    memo[run] = found
    return found


def _clean_run(
    run: str, words: list[str], stop: frozenset[str], particles: frozenset[str]
) -> list[tuple[int, int, str]]:
    """Cut a token run at stop words and lowercase edges; return the name-shaped pieces."""
    pieces: list[list[int]] = [[]]
    last = len(words) - 1
    for i, raw in enumerate(words):
        word = _POSSESSIVE.sub("", raw) if _possessive(raw, 0, len(raw)) else raw
        folded = fold(word)
        if i < last and (folded in particles or _INITIAL.match(word)):
            pieces[-1].append(i)
        elif folded.rstrip(".") in stop or (word.isupper() and _all_caps(word)):
            pieces.append([])
        else:
            pieces[-1].append(i)
    offsets = [0]
    for raw in words:
        offsets.append(offsets[-1] + len(raw) + 1)
    out = []
    for piece in pieces:
        while piece and (words[piece[-1]][0].islower() or fold(words[piece[-1]]) in particles):
            piece.pop()
        while piece and words[piece[0]][0].islower():
            piece.pop(0)
        if piece and len(piece) <= _MAX_TOKENS:
            start, end = offsets[piece[0]], offsets[piece[-1] + 1] - 1
            name = _POSSESSIVE.sub("", run[start:end]).rstrip(".,")
            out.append((start, start + len(name), name))
    return out


def _all_caps(word: str) -> bool:
    """Return whether a word is written in capitals (acronyms, shouted headings), not a name."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _keep_plausible(
    text: str, runs: list[tuple[int, int, str]], sentence_starts: set[int]
) -> list[tuple[int, int, str]]:
    """Drop one-word runs at a sentence start unless the word also appears mid-sentence.

    A word read again anywhere in the article (a repeat, a surname of a full name) counts too; a
    word read mid-sentence is always also a repeat of the one at the sentence start.
    """
    counts = Counter(fold(t) for _, _, t in runs)
    keep = []
    surnames: set[str] | None = None
    for start, end, name in runs:
        if " " not in name:
            if start in sentence_starts and counts[fold(name)] < 2:
                if surnames is None:
                    surnames = {surname_key(t) for _, _, t in runs if " " in t}
                if fold(name) not in surnames and _NUMBER_NEXT.match(text, end) is None:
                    continue
            if len(name.rstrip(".")) < 3:
                continue
        keep.append((start, end, name))
    return keep


def _canonical_names(names: list[str]) -> dict[str, str]:
    """Map each name to the fullest name in the list that ends with the same surname."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    words: dict[str, tuple[str, frozenset[str]]] = {}
    for name in names:
        if name not in words:
            key = surname_key(name)
            words[name] = (key, _folded_words(name))
            by_surname[key].add(name)
    canon: dict[str, str] = {}
    for name, (key, tokens) in words.items():
        group = by_surname[key]
        if len(group) == 1 and not _initials_clash(name, name):
            canon[name] = name  # the only name of its surname is its own fullest form
            continue
        fuller = [other for other in group if tokens <= words[other][1] and not _initials_clash(name, other)]
        longest = max(fuller, key=len)
        rivals = {f for f in fuller if len(f.split()) == len(longest.split()) and f != longest}
        canon[name] = name if rivals else longest
    return canon


@lru_cache(maxsize=_MEMO_SIZE)
def _folded_words(name: str) -> frozenset[str]:
    """Return the folded words of a name (remembered: the same names recur across articles)."""
    return frozenset(fold(t) for t in name.split())


def _initials_clash(short: str, full: str) -> bool:
    """Return whether an initial in ``short`` ("A. Gordon") contradicts the first name in ``full``."""
    first = short.split()[0]
    return first.endswith(".") and not fold(full).startswith(fold(first[0]))


@cache
def _stopwords(lang: LanguageData) -> frozenset[str]:
    """Return the folded capitalised words of the language that are never names."""
    words = list(lang.words("people", "not_names"))
    for section in _CUE_SECTIONS:
        for key, value in lang.section(section).items():
            if isinstance(value, list) and not key.endswith("_patterns"):
                words.extend(str(v) for v in value if " " not in str(v))
    return frozenset(fold(w) for w in words)
