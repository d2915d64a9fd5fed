"""Direct quotations and their speakers.

Quotation marks come from ``[quotes] pairs`` (shared) and the attribution words from the language's
``[quotes]`` section. A quotation's speaker is, in order: the person next to an attribution verb
right after or right before it ("…," X said / X told Sky: "…" / «…», ha detto X); for a pronoun or
a role noun ("he said", "dirà il tecnico") or a verb with no subject ("ha aggiunto"), the last
speaker when the sentences just before name them, else the subject of the nearest of those
sentences; the speaker of the quotation it continues (split around its attribution, or running
over several paragraphs). A quotation of a few words in running prose without an attribution verb
is a scare quote or a nickname and is skipped; one with no identifiable speaker is dropped.
"""

from __future__ import annotations

import bisect
import re
import weakref
from dataclasses import dataclass

from tabellino.extract import component
from tabellino.extract.doc import Doc, PersonMention
from tabellino.extract.lang_patterns import LangPatterns
from tabellino.extract.nearby import TextIndex, fallback_name
from tabellino.lang import LanguageData
from tabellino.models import Quote, Span

__all__ = ["Quotation", "find_quotations", "find_quotes"]

_WORD = re.compile(r"\w", re.UNICODE)
_WINDOW_STOP = re.compile(r"[.!?;\n]")
_CLAUSE_PUNCT = re.compile(r"[,:;]")
_SENTENCE_PUNCT = re.compile(r"[.;:!?]")
_LEAD = re.compile(r"[\s,.;:—–-]*")
_LEAD_LINE = re.compile(r"[ \t\u00a0,.;:—–-]*")
_TRAIL_PUNCT = re.compile(r"[\s.,;:!?…—–-]*")
_SINGLE_LIMIT = 600  # single-quoted quotations are short; bounds the search for their end
_INTRO_REACH = 400  # a quotation standing alone continues a speaker quoted this close before
_ANAPHOR_REACH = 3000  # "he said" refers to a speaker quoted at most this far before
_OPEN_CONTEXT = set(" \t\n([{—–-/:;,") | {"\u00a0"}


@dataclass(slots=True)
class Quotation:
    """A span of quoted words: ``start``/``end`` bound the words, the marks sit just outside."""

    start: int
    end: int
    open_pos: int
    close_end: int
    open_end: bool = False
    single: bool = False
    speaker: str | None = None
    speaker_span: Span | None = None
    attr_end: int | None = None
    explicit: bool = False


@dataclass(frozen=True, slots=True)
class _Marks:
    """The quotation marks of a language: opener -> closers, and which openers are single marks."""

    openers: dict[str, frozenset[str]]
    single: frozenset[str]
    closers: frozenset[str]
    regex: re.Pattern[str]
    outside: re.Pattern[str]
    max_chars: int


_MARKS: weakref.WeakKeyDictionary[LanguageData, _Marks] = weakref.WeakKeyDictionary()


def _marks(lang: LanguageData) -> _Marks:
    """Return the compiled quotation marks of ``lang`` (built once)."""
    if lang not in _MARKS:
        openers: dict[str, set[str]] = {}
        single: set[str] = set()
        for key, is_single in (("pairs", False), ("single_pairs", True)):
            for pair in lang.words("quotes", key):
                if len(pair) == 2:
                    openers.setdefault(pair[0], set()).add(pair[1])
                    if is_single:
                        single.add(pair[0])
        closers = frozenset(c for cs in openers.values() for c in cs)
        chars = "".join(sorted(set(openers) | closers))
        max_chars = int(lang.section("quotes").get("max_quote_chars", 4000))
        _MARKS[lang] = _Marks(
            {k: frozenset(v) for k, v in openers.items()},
            frozenset(single),
            closers,
            re.compile(f"[{re.escape(chars)}\n]" if chars else r"\n"),
            _outside_regex(set(openers)),
            max_chars,
        )
    return _MARKS[lang]


def _outside_regex(openers: set[str]) -> re.Pattern[str]:
    """Return the regex of the marks that may open a quotation, for the scan between quotations.

    Line breaks and closing-only marks matter only inside a quotation; a plain character class
    keeps the engine's fast skip to the next candidate.
    """
    chars = "".join(sorted(openers))
    return re.compile(f"[{re.escape(chars)}]" if chars else "(?!x)x")


# (start, end, open_pos, close_end, open_end, single) of one quotation, as found by the scan
_Found = tuple[int, int, int, int, bool, bool]
_LAST_FOUND: list[tuple[str, LanguageData, list[_Found]]] = []


def find_quotations(text: str, lang: LanguageData) -> list[Quotation]:
    """Return the quotations of ``text`` in order; one cut by a line break ends there (``open_end``).

    The coaches and quotes components both ask for the same doc text: the last text's scan is
    remembered, and each call gets fresh objects (the quotes component fills in the speakers).
    """
    if _LAST_FOUND and _LAST_FOUND[0][0] is text and _LAST_FOUND[0][1] is lang:
        found = _LAST_FOUND[0][2]
    else:
        found = _scan_quotations(text, lang)
        _LAST_FOUND[:] = [(text, lang, found)]
    return [Quotation(*fields) for fields in found]


def _scan_quotations(text: str, lang: LanguageData) -> list[_Found]:
    """Return the fields of the quotations of ``text`` in order."""
    marks = _marks(lang)
    out: list[_Found] = []
    state: tuple[int, frozenset[str]] | None = None
    pos = 0
    while (m := (marks.outside if state is None else marks.regex).search(text, pos)) is not None:
        i, ch = m.start(), m.group()
        pos = i + 1
        if state is None:
            if ch in marks.single and _can_open(text, i, ch, marks):
                j = _single_close(text, i, marks.openers[ch], marks.max_chars)
                if j is not None:
                    _emit(out, text, i, j, open_end=False, single=True)
                    pos = j + 1
            elif ch in marks.openers and _can_open(text, i, ch, marks):
                state = (i, marks.openers[ch])
            continue
        start, closers = state
        if i - start > marks.max_chars:
            state = None  # an opening mark never closed: not a quotation
            if ch in marks.openers and ch not in marks.single and _can_open(text, i, ch, marks):
                state = (i, marks.openers[ch])
        elif ch == "\n":
            _emit(out, text, start, i, open_end=True, single=False)
            state = None
        elif ch in closers and _can_close(text, i, ch, marks):
            _emit(out, text, start, i, open_end=False, single=False)
            state = None
    if state is not None and len(text) - state[0] <= marks.max_chars:
        _emit(out, text, state[0], len(text), open_end=True, single=False)
    return out


def _can_open(text: str, i: int, ch: str, marks: _Marks) -> bool:
    """Return whether the mark at ``i`` opens a quotation (marks that also close need context)."""
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if nxt.isspace() and ch in marks.closers:
        return False
    if ch not in marks.closers and ch not in marks.single:
        return True
    prev = text[i - 1] if i > 0 else " "
    return prev in _OPEN_CONTEXT or prev in marks.openers or prev in marks.closers


def _can_close(text: str, i: int, ch: str, marks: _Marks) -> bool:
    """Return whether a mark at ``i`` closes: a mark that also opens must follow a non-space."""
    symmetric = ch in marks.openers and ch in marks.openers[ch]
    return not symmetric or (i > 0 and not text[i - 1].isspace())


def _single_close(text: str, i: int, closers: frozenset[str], limit: int) -> int | None:
    """Return the closing single mark of a single-quoted quotation on the same line, if any."""
    end = min(len(text), i + min(limit, _SINGLE_LIMIT))
    for j in range(i + 2, end):
        ch = text[j]
        if ch == "\n":
            return None
        nxt = text[j + 1] if j + 1 < len(text) else " "
        if ch in closers and not text[j - 1].isspace() and not nxt.isalnum():
            return j
    return None


def _emit(out: list[_Found], text: str, open_pos: int, close: int, open_end: bool, single: bool) -> None:
    """Append the quotation between the marks, trimmed, when it holds any word."""
    start, end = open_pos + 1, close
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if _WORD.search(text, start, end):
        close_end = close if open_end else close + 1
        out.append((start, end, open_pos, close_end, open_end, single))


@component("quotes")
def find_quotes(doc: Doc) -> None:
    """Append every direct quotation with an identifiable speaker to ``doc.result.quotes``."""
    assert doc.result is not None
    quotations = find_quotations(doc.text, doc.lang)
    if not quotations:
        return
    index = TextIndex(doc, [Span(q.start, q.end) for q in quotations])
    _Resolver(index, quotations).run()
    match_index = index.primary_index()
    for q in quotations:
        if q.speaker is not None:
            span = Span(q.start, q.end)
            doc.result.quotes.append(
                Quote(q.speaker, doc.text[q.start : q.end], span, q.speaker_span, match_index)
            )


@dataclass(frozen=True, slots=True)
class _Who:
    """Who an attribution names: a person (name + span), or an anaphor to resolve."""

    name: str | None
    span: Span | None
    attr_end: int
    before: bool = False


class _Resolver:
    """Gives each quotation of one doc its speaker."""

    def __init__(self, index: TextIndex, quotations: list[Quotation]) -> None:
        self.index = index
        self.text = index.text
        self.quotes = quotations
        self._q_starts = [q.open_pos for q in quotations]
        lang = index.doc.lang
        pats = LangPatterns.of(lang, "quotes")
        self.say = pats.get("say")
        self.source = pats.get("source")
        self.anaphor = pats.get("anaphor")
        self.anaphor_tail = pats.get_tail("anaphor")
        self.max_scare = int(lang.section("quotes").get("max_scare_words", 3))
        self.last: tuple[str, Span | None] | None = None
        self.last_end = -1

    def run(self) -> None:
        """Resolve speakers: explicit, continued, then backwards over several paragraphs, then intro."""
        for i, q in enumerate(self.quotes):
            self._resolve(q, self.quotes[i - 1] if i else None)
            if q.speaker is not None:
                self.last, self.last_end = (q.speaker, q.speaker_span), q.close_end
        for i in range(len(self.quotes) - 2, -1, -1):
            q, nxt = self.quotes[i], self.quotes[i + 1]
            if (
                q.speaker is None
                and q.open_end
                and nxt.speaker
                and not self.text[q.close_end : nxt.open_pos].strip()
            ):
                q.speaker, q.speaker_span = nxt.speaker, nxt.speaker_span
        for q in self.quotes:
            if q.speaker is None and q.open_end and self._standalone(q):
                self._set(q, self._antecedent(q.open_pos, skip_current=False, reach=_INTRO_REACH))

    def _resolve(self, q: Quotation, prev: Quotation | None) -> None:
        """Give ``q`` its speaker from its own attribution, its predecessor, or the sentence before."""
        who = self._after(q) or self._before(q)
        if who is not None:
            q.explicit, q.attr_end = True, who.attr_end
            found = (who.name, who.span) if who.name else self._antecedent(q.open_pos, who.before)
            self._set(q, found)
        elif prev is not None and prev.speaker and self._continues(prev, q):
            q.speaker, q.speaker_span = prev.speaker, prev.speaker_span
        elif not q.open_end and self._standalone(q):
            self._set(q, self._antecedent(q.open_pos, skip_current=False, reach=_INTRO_REACH))

    def _set(self, q: Quotation, found: tuple[str, Span | None] | None) -> None:
        """Set the speaker when one was found."""
        if found is not None:
            q.speaker, q.speaker_span = found

    # --- attribution right after the quotation ----------------------------------------------

    def _after(self, q: Quotation) -> _Who | None:
        """Return the attribution following ``q`` ("," X said / said X / ha detto X / he added)."""
        if q.open_end:
            return None
        start = _skip_lead(self.text, q.close_end, same_line=True)
        end = self._window_end(start)
        verb = self.say.match(self.text, start, end) or self.source.match(self.text, start, end)
        if verb is not None:
            return self._after_verb(verb.end(), end)
        ana = self.anaphor.match(self.text, start, end)
        near = self._verb_near(ana.end(), end) if ana is not None else None
        if near is not None:
            return _Who(None, None, near.end())
        return self._subject_then_verb(start, end)

    def _window_end(self, start: int) -> int:
        """Return where an attribution after a quotation can end: sentence end or next quotation."""
        stop = _WINDOW_STOP.search(self.text, start)
        end = stop.start() if stop else len(self.text)
        i = bisect.bisect_left(self._q_starts, start)
        if i < len(self._q_starts):
            end = min(end, self._q_starts[i])
        return min(end, start + 150)

    def _verb_near(self, pos: int, end: int) -> re.Match[str] | None:
        """Return the attribution verb starting within a few characters of ``pos``, if any."""
        skip = _skip_lead(self.text, pos)
        return self.say.match(self.text, skip, end) if skip - pos <= 3 else None

    def _after_verb(self, pos: int, end: int) -> _Who:
        """Return who follows an attribution verb: an anaphor, a named person, else the last speaker."""
        skip = _skip_lead(self.text, pos)
        if self.anaphor.match(self.text, skip, end) is not None:
            return _Who(None, None, end)
        person = self._person_after(pos, min(end, pos + 40))
        if person is not None:
            return _Who(person.name, Span(person.start, person.end), person.end)
        found = fallback_name(self.index, pos, lambda gap: not gap.strip())
        if found is not None and found[1].end <= end:
            return _Who(found[0], found[1], found[1].end)
        return _Who(None, None, pos)

    def _subject_then_verb(self, start: int, end: int) -> _Who | None:
        """Return X of '"…," X said' / '"…," Juventus defender X told reporters'."""
        person = self._person_after(start, min(end, start + 50))
        if person is not None:
            name, span = person.name, Span(person.start, person.end)
        else:
            found = fallback_name(self.index, start, lambda gap: not gap.strip())
            if found is None:
                return None
            name, span = found
        verb = self.say.search(self.text, span.end, min(end, span.end + 40))
        if verb is None or _WINDOW_STOP.search(self.text, span.end, verb.start()):
            return None
        return _Who(name, span, verb.end())

    def _person_after(self, pos: int, end: int) -> PersonMention | None:
        """Return the first person outside quotations in ``[pos, end)`` with no comma before it."""
        for person in self.index.people_in(pos, end):
            if not self.index.inside_quote(person.start):
                return None if _CLAUSE_PUNCT.search(self.text, pos, person.start) else person
        return None

    # --- attribution right before the quotation ---------------------------------------------

    def _before(self, q: Quotation) -> _Who | None:
        """Return the attribution leading into ``q`` (X said: / X told Sky, / ha dichiarato X:)."""
        lo = self._lead_in_start(q)
        head = self.text[lo : q.open_pos].rstrip()
        if not head:
            return None
        verb = self._last_verb(lo, q.open_pos)
        ends_verb = verb is not None and not self.text[verb.end() : q.open_pos].strip(" \t,:")
        if not (head.endswith((":", ",")) or ends_verb):
            return None
        if verb is not None:
            return self._around_verb(verb, lo, q.open_pos)
        if head.endswith(":"):
            subject = self._first_person(lo, q.open_pos)
            if subject is not None:
                return _Who(subject.name, Span(subject.start, subject.end), q.open_pos)
            if self.anaphor.match(self.text, _skip_lead(self.text, lo)):
                return _Who(None, None, q.open_pos, before=True)
        return None

    def _lead_in_start(self, q: Quotation) -> int:
        """Return where the text leading into ``q`` starts: its sentence, paragraph or previous quote."""
        lo = max(self.index.sentence(q.open_pos).start, self.index.paragraph(q.open_pos).start)
        i = bisect.bisect_left(self._q_starts, q.open_pos) - 1
        if i >= 0:
            lo = max(lo, self.quotes[i].close_end)
        return min(max(lo, q.open_pos - 300), q.open_pos)

    def _last_verb(self, lo: int, hi: int) -> re.Match[str] | None:
        """Return the last attribution verb or source phrase in ``[lo, hi)``."""
        last = None
        for regex in (self.say, self.source):
            for m in regex.finditer(self.text, lo, hi):
                if last is None or m.start() > last.start():
                    last = m
        return last

    def _around_verb(self, verb: re.Match[str], lo: int, hi: int) -> _Who:
        """Return the speaker around a lead-in verb: adjacent pronoun, adjacent name, else subject."""
        if self.anaphor_tail.search(self.text, max(lo, verb.start() - 30), verb.start()):
            return _Who(None, None, hi, before=True)
        is_source = self.source.fullmatch(verb.group()) is not None
        before = (
            None if is_source else self.index.last_person_between(max(lo, verb.start() - 30), verb.start())
        )
        if (
            before is not None
            and not self.index.inside_quote(before.start)
            and not _SENTENCE_PUNCT.search(self.text, before.end, verb.start())
        ):
            return _Who(before.name, Span(before.start, before.end), hi)
        after = self._person_after(verb.end(), min(hi, verb.end() + 40))
        subject = after or (None if is_source else self._first_person(lo, verb.start()))
        if subject is not None:
            return _Who(subject.name, Span(subject.start, subject.end), hi)
        return _Who(None, None, hi, before=True)

    # --- continuation and antecedents ------------------------------------------------------

    def _continues(self, prev: Quotation, q: Quotation) -> bool:
        """Return whether ``q`` carries on ``prev``: only its attribution or punctuation between."""
        gap_start = max(prev.close_end, prev.attr_end or prev.close_end)
        gap = self.text[gap_start : q.open_pos]
        return _TRAIL_PUNCT.fullmatch(gap) is not None

    def _standalone(self, q: Quotation) -> bool:
        """Return whether ``q`` is a whole sentence of its own, long enough not to be a scare quote."""
        if q.single or len(self.text[q.start : q.end].split()) <= self.max_scare:
            return False
        if self.text[self._lead_in_start(q) : q.open_pos].strip():
            return False
        after = self.text[q.close_end : q.close_end + 2].lstrip(" \t")
        return q.open_end or not after or after[0] in ".!?\n" or self.text[q.end - 1] in ".!?…"

    def _antecedent(
        self, pos: int, skip_current: bool, reach: int = _ANAPHOR_REACH
    ) -> tuple[str, Span | None] | None:
        """Return who an anaphor before ``pos`` stands for: the last speaker or a sentence's subject."""
        areas = []
        current = self.index.sentence(pos)
        if not skip_current:
            areas.append(Span(current.start, pos))
        prev = self.index.previous_sentence(pos)
        if prev is not None:
            areas.append(prev)
        for area in areas:
            people = [
                p for p in self.index.people_in(area.start, area.end) if not self.index.inside_quote(p.start)
            ]
            if not people:
                continue
            if self.last is not None and any(p.name == self.last[0] for p in people):
                return self.last
            return people[0].name, Span(people[0].start, people[0].end)
        return self.last if pos - self.last_end <= reach else None

    def _first_person(self, lo: int, hi: int) -> PersonMention | None:
        """Return the first person named outside quotations in ``[lo, hi)``."""
        return next((p for p in self.index.people_in(lo, hi) if not self.index.inside_quote(p.start)), None)


def _skip_lead(text: str, pos: int, same_line: bool = False) -> int:
    """Return the position after the white space and punctuation that follow ``pos``."""
    m = (_LEAD_LINE if same_line else _LEAD).match(text, pos)
    return m.end() if m else pos
