"""Where each match is talked about: the shared ground of the context components and of ties.

A match's *scope* is made of

- its **result sentences**: the sentences holding the spans its result is cited from
  (``evidence["score" | "home" | "away" | "winner"]``);
- the sentences **about** it: sentences naming both of its teams (a stadium or a home city counts
  as naming its club), or, for the article's main match, a generic reference ("the match, played
  at ..."), minus the result sentences of other matches;
- its **section**: the sentences after a result sentence up to the next result sentence of another
  match (a round-up's paragraph under a result line).

The *layout* gives the text's lines, its headings (short lines without closing punctuation) and its
lead (title lines and first prose paragraph). Everything is built in a few linear passes over the
sentences and mentions; look-ups use bisection.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from tabellino.extract.doc import Doc, split_sentences
from tabellino.lang import LanguageData, anchors
from tabellino.lang.prefilter import may_match
from tabellino.models import Match, Span

__all__ = [
    "Context",
    "Hit",
    "Layout",
    "Memo",
    "Scope",
    "by_heading",
    "by_sentence",
    "club_name",
    "distance",
    "dominant",
    "followed_by",
    "forms",
    "in_about",
    "in_heading",
    "in_line",
    "in_result",
    "preceded_by",
    "preset",
]

T = TypeVar("T")

RESULT_KEYS = ("score", "home", "away", "winner")
HEADING_MAX = 120  # a longer line is prose, not a heading
PROSE_MIN = 150  # the first line at least this long closes the lead
LEAD_MAX = 1500  # the lead never runs past this offset
WINDOW = 60  # how far before / after a mention its cue words are looked for
_HEADING_END = ".!?…;,"
_BRACKETS = re.compile(r"[()\[\]]")
_LINE = re.compile(r"[^\s](?:[^\n]*[^\s])?")  # a line without its surrounding white space
_FAR = 1000
LEAD_LINES = 3  # without a prose line, the lead is this many lines


class Spanned(Protocol):
    """Anything with a character range."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Spanned)


@dataclass(frozen=True, slots=True)
class Hit(Generic[T]):
    """A cue found in the text: its span, the value it states, and whether that value is inferred."""

    start: int
    end: int
    value: T
    derived: bool = False

    @property
    def span(self) -> Span:
        """Return the hit's span."""
        return Span(self.start, self.end)


def distance(a: Spanned, b: Spanned) -> int:
    """Return the number of characters between two ranges (0 when they touch or overlap)."""
    return max(0, max(a.start, b.start) - min(a.end, b.end))


class Memo(Generic[T]):
    """The value last computed for a key of objects compared by identity.

    The context components and ties run one after another on the same doc; this lets them share
    a doc's layout and scans without storing anything on the doc. One entry, replaced at once,
    so concurrent use can only cost a recomputation.
    """

    def __init__(self) -> None:
        self._entry: tuple[tuple[object, ...], T] | None = None

    def get(self, key: tuple[object, ...], make: Callable[[], T]) -> T:
        """Return the value remembered for ``key``, computing it with ``make`` when it is not."""
        entry = self._entry
        if entry is not None and _same(entry[0], key):
            return entry[1]
        value = make()
        self._entry = (key, value)
        return value


def _same(a: tuple[object, ...], b: tuple[object, ...]) -> bool:
    """Return whether two keys hold the very same objects."""
    return len(a) == len(b) and all(x is y for x, y in zip(a, b, strict=True))


def forms(lang: LanguageData, section: str, key: str) -> list[tuple[str, str]]:
    """Return ``(label, regex)`` pairs from a data table mapping a label to one regex or a list."""
    pairs: list[tuple[str, str]] = []
    for label, value in lang.mapping(section, key).items():
        for source in value if isinstance(value, list) else [value]:
            pairs.append((str(label), str(source)))
    return pairs


def preceded_by(text: str, start: int, floor: int, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Return whether the text just before ``start`` (not before ``floor``) matches a ``...$`` pattern."""
    before = text[max(floor, start - WINDOW) : start]
    return any(p.search(before) for p in patterns)


def followed_by(text: str, end: int, ceiling: int, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Return whether the text just after ``end`` (not past ``ceiling``) matches a ``^...`` pattern."""
    after = text[end : min(ceiling, end + WINDOW)]
    return any(p.match(after) for p in patterns)


def club_name(doc: Doc, club_id: str) -> str | None:
    """Return the canonical name of a club id, or None when the KB does not know it."""
    try:
        return doc.kb.club(club_id).name
    except (KeyError, LookupError):
        return None


@dataclass(slots=True)
class Layout:
    """Sentences, lines, headings and the lead of a text, with offset look-ups."""

    text: str
    sentences: list[Span]
    starts: list[int]
    lines: list[Span]
    line_starts: list[int]
    headings: list[Span]
    heading_starts: list[int]
    lead_end: int

    @classmethod
    def of(cls, doc: Doc) -> Layout:
        """Return the layout of a doc's text (shared by the components that run on the doc)."""
        return _LAYOUTS.get((doc.text, doc.sentences), lambda: cls._build(doc))

    @classmethod
    def _build(cls, doc: Doc) -> Layout:
        """Build the layout of a doc's text."""
        sentences = doc.sentences or split_sentences(doc.text) or [Span(0, len(doc.text))]
        lines = [Span(m.start(), m.end()) for m in _LINE.finditer(doc.text)]
        headings = [ln for ln in lines if _is_heading(doc.text[ln.start : ln.end])]
        return cls(
            text=doc.text,
            sentences=sentences,
            starts=[s.start for s in sentences],
            lines=lines,
            line_starts=[ln.start for ln in lines],
            headings=headings,
            heading_starts=[h.start for h in headings],
            lead_end=_lead_end(doc.text, lines),
        )

    def sentence_at(self, offset: int) -> int:
        """Return the index of the sentence containing (or last starting before) ``offset``."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def line_at(self, offset: int) -> Span:
        """Return the line containing (or last starting before) ``offset``."""
        if not self.lines:
            return Span(0, len(self.text))
        return self.lines[max(0, bisect.bisect_right(self.line_starts, offset) - 1)]

    def heading_at(self, offset: int) -> int | None:
        """Return the index of the heading containing ``offset``, if any."""
        i = bisect.bisect_right(self.heading_starts, offset) - 1
        return i if i >= 0 and offset < self.headings[i].end else None


_LAYOUTS: Memo[Layout] = Memo()


def _is_heading(line: str) -> bool:
    """Return whether a line looks like a heading: short, with letters, no closing punctuation."""
    return 3 <= len(line) <= HEADING_MAX and line[-1] not in _HEADING_END and any(c.isalpha() for c in line)


def _lead_end(text: str, lines: list[Span]) -> int:
    """Return where the lead ends: after the first prose line (else a few lines), never past LEAD_MAX."""
    for line in lines:
        if line.start >= LEAD_MAX:
            break
        if line.end - line.start >= PROSE_MIN:
            return min(line.end, LEAD_MAX)
    short = lines[LEAD_LINES - 1].end if len(lines) >= LEAD_LINES else len(text)
    return min(short, LEAD_MAX)


@dataclass(slots=True)
class Scope:
    """Where one match is talked about (sentence indices are sorted; ``about`` nearest first)."""

    index: int
    match: Match
    anchors: list[Span]
    result: list[int]
    about: list[int]
    section: list[int]

    @property
    def first(self) -> int:
        """Return the offset of the match's first result span."""
        return self.anchors[0].start


@dataclass(slots=True)
class Context:
    """A doc's layout, its matches' scopes, and every result span with the match it belongs to."""

    doc: Doc
    layout: Layout
    scopes: list[Scope]
    owners: list[tuple[Span, int]]  # result spans (owner = scope index) and other scores (owner -1)
    owner_starts: list[int]

    @classmethod
    def build(cls, doc: Doc) -> Context:
        """Return the layout and the scope of every match of ``doc`` (shared while the matches stay put).

        The context components run one after another and fill other fields than those a scope is
        built from (the matches, their result evidence, which one is primary), so one build serves them.
        """
        return _CONTEXTS.get((doc, doc.text, *_scope_inputs(doc)), lambda: cls._build(doc))

    @classmethod
    def _build(cls, doc: Doc) -> Context:
        """Build the layout and the scope of every match of ``doc``."""
        layout = Layout.of(doc)
        teams = _team_sentences(doc, layout)
        scopes = [_scope(i, m, layout, teams) for i, m in enumerate(doc.matches)]
        scopes = [s for s in scopes if s.anchors]
        _fill_about(doc, layout, scopes, teams)
        _fill_sections(scopes, len(layout.sentences))
        owners = [(a, s.index) for s in scopes for a in s.anchors]
        taken = {a for a, _ in owners}
        owners += [(Span(x.start, x.end), -1) for x in doc.scores if Span(x.start, x.end) not in taken]
        owners.sort(key=lambda o: (o[0].start, o[0].end))
        return cls(doc, layout, scopes, owners, [o[0].start for o in owners])

    def owner_in(self, region: Span, target: Spanned) -> int:
        """Return the scope whose result span in ``region`` is nearest ``target`` (-1: another score).

        A bracket between the two counts as far: "1-1 (first leg 0-1)" binds the cue to ``0-1``.
        """
        i = bisect.bisect_left(self.owner_starts, region.start)
        j = bisect.bisect_left(self.owner_starts, region.end)
        best = min(self.owners[i:j], key=lambda o: self._separation(o[0], target), default=None)
        return best[1] if best is not None else -1

    def _separation(self, a: Spanned, b: Spanned) -> int:
        """Return the distance between two ranges, with a bracket between them counting as far."""
        lo, hi = min(a.end, b.end), max(a.start, b.start)
        return distance(a, b) + (_FAR if _BRACKETS.search(self.layout.text, lo, hi) else 0)

    def gap(self, scope: Scope, target: Spanned) -> int:
        """Return the distance from ``target`` to the nearest result span of ``scope``."""
        return min(distance(a, target) for a in scope.anchors)

    def partners(self) -> dict[int, Scope]:
        """Return, for each match that is one leg of a two-legged tie in the doc, the other leg."""
        groups: dict[frozenset[str], list[Scope]] = defaultdict(list)
        for s in self.scopes:
            groups[frozenset(s.match.teams())].append(s)
        out: dict[int, Scope] = {}
        for pair in groups.values():
            if len(pair) == 2:
                out[pair[0].index], out[pair[1].index] = pair[1], pair[0]
        return out


_CONTEXTS: Memo[Context] = Memo()


def _scope_inputs(doc: Doc) -> tuple[object, ...]:
    """Return what the scopes are built from: each match, whether primary, and its result evidence."""
    out: list[object] = []
    for m in doc.matches:
        out += [m, m.primary, m.home, m.away]
        out += [m.evidence.get(key) for key in RESULT_KEYS]
    return tuple(out)


def _team_sentences(doc: Doc, layout: Layout) -> dict[str, set[int]]:
    """Return, per canonical club name, the sentences naming the club, its stadium or its city."""
    out: dict[str, set[int]] = defaultdict(set)
    names: dict[str, str | None] = {}  # KB look-ups once per club id
    mentions: list[tuple[int, Iterable[str]]] = [
        (c.start, [cid] if (cid := c.club) else []) for c in doc.clubs
    ]
    mentions += [(v.start, v.clubs) for v in doc.venues]
    mentions += [(c.start, c.clubs) for c in doc.cities]
    for start, ids in mentions:
        for cid in ids:
            if cid not in names:
                names[cid] = club_name(doc, cid)
            name = names[cid]
            if name:
                out[name].add(layout.sentence_at(start))
    return out


def _scope(index: int, match: Match, layout: Layout, teams: dict[str, set[int]]) -> Scope:
    """Return a match's scope with its result spans and sentences (about and section filled later)."""
    spans = {s for key in RESULT_KEYS if (ev := match.evidence.get(key)) for s in ev.spans}
    anchors = sorted(spans)
    if not anchors:
        both = sorted(teams.get(match.home, set()) & teams.get(match.away, set()))
        anchors = [layout.sentences[both[0]]] if both else []
    result = sorted({layout.sentence_at(a.start) for a in anchors})
    return Scope(index, match, anchors, result, [], [])


def _fill_about(doc: Doc, layout: Layout, scopes: list[Scope], teams: dict[str, set[int]]) -> None:
    """Fill each scope's sentences about the match, nearest to its first result sentence first."""
    taken = {s for sc in scopes for s in sc.result}
    refs = _reference_sentences(doc, layout, scopes, teams)
    for sc in scopes:
        both = teams.get(sc.match.home, set()) & teams.get(sc.match.away, set())
        if sc.match.primary:
            both |= refs
        home = sc.result[0]
        sc.about = sorted(both - taken, key=lambda s: (abs(s - home), s))


def _reference_sentences(
    doc: Doc, layout: Layout, scopes: list[Scope], teams: dict[str, set[int]]
) -> set[int]:
    """Return sentences that refer to "the match" without naming a club outside the main match."""
    primary = next((s.match for s in scopes if s.match.primary), None)
    patterns = doc.lang.patterns("stages", "match_reference_patterns")
    if primary is None or not patterns:
        return set()
    scanned = [p for p in patterns if may_match(p, doc.text)]
    found = {layout.sentence_at(m.start()) for p in scanned for m in anchors.finditer(p, doc.text)}
    others = {s for name, sents in teams.items() if name not in primary.teams() for s in sents}
    return found - others


def _fill_sections(scopes: list[Scope], total: int) -> None:
    """Fill each scope's section: sentences after its result sentences up to another match's."""
    marks = sorted((s, sc.index) for sc in scopes for s in sc.result)
    starts = [m[0] for m in marks]
    for sc in scopes:
        section: set[int] = set()
        for s in sc.result:
            j = bisect.bisect_right(starts, s)
            while j < len(marks) and marks[j][1] == sc.index:
                j += 1
            end = marks[j][0] if j < len(marks) else total
            section.update(range(s + 1, end))
        sc.section = sorted(section - set(sc.result))


def by_sentence(hits: Iterable[S], layout: Layout) -> dict[int, list[S]]:
    """Group hits by the sentence they start in, in text order."""
    out: dict[int, list[S]] = defaultdict(list)
    for h in hits:
        out[layout.sentence_at(h.start)].append(h)
    return out


def by_heading(hits: Iterable[S], layout: Layout) -> dict[int, list[S]]:
    """Group the hits that lie in a heading line by heading index."""
    out: dict[int, list[S]] = defaultdict(list)
    for h in hits:
        i = layout.heading_at(h.start)
        if i is not None:
            out[i].append(h)
    return out


def bound(ctx: Context, scope: Scope, region: Span, hits: Sequence[S], spread: bool) -> S | None:
    """Return the hit of ``region`` that belongs to ``scope``.

    With ``spread``, a region's only hit applies to every match whose result is in the region;
    otherwise (and when there are several) each hit belongs to the result nearest to it.
    """
    if not hits:
        return None
    if spread and len(hits) == 1:
        return hits[0]
    mine = [h for h in hits if ctx.owner_in(region, h) == scope.index]
    return min(mine, key=lambda h: ctx.gap(scope, h)) if mine else None


def in_result(ctx: Context, scope: Scope, hits: dict[int, list[S]], spread: bool) -> S | None:
    """Return the scope's hit from its result sentences."""
    for s in scope.result:
        found = bound(ctx, scope, ctx.layout.sentences[s], hits.get(s, []), spread)
        if found is not None:
            return found
    return None


def in_line(ctx: Context, scope: Scope, hits: Sequence[S], spread: bool) -> S | None:
    """Return the scope's hit from the (short, list-like) line of its first result span."""
    line = ctx.layout.line_at(scope.first)
    if line.end - line.start > PROSE_MIN:
        return None
    lo = bisect.bisect_left([h.start for h in hits], line.start)
    inside = [h for h in hits[lo:] if h.start < line.end]
    return bound(ctx, scope, line, inside, spread)


def in_about(scope: Scope, hits: dict[int, list[S]]) -> S | None:
    """Return the first hit in the sentences about the match, nearest sentence first."""
    for s in scope.about:
        if hits.get(s):
            return hits[s][0]
    return None


def in_heading(layout: Layout, offset: int, hits: dict[int, list[S]]) -> S | None:
    """Return the first hit of the nearest heading with hits above the line of ``offset``."""
    line = layout.line_at(offset)
    keys = sorted(hits)
    i = bisect.bisect_left(keys, bisect.bisect_left(layout.heading_starts, line.start)) - 1
    return hits[keys[i]][0] if i >= 0 else None


def dominant(hits: Sequence[Hit[T]], lead_end: int) -> Hit[T] | None:
    """Return the first hit of the value named most often in the lead (earliest on a tie)."""
    lead = [h for h in hits if h.start < lead_end]
    if not lead:
        return None
    counts = Counter(h.value for h in lead)
    best = max(counts.values())
    return next(h for h in lead if counts[h.value] == best)


def preset(scope: Scope, field: str) -> Hit[Any] | None:
    """Return a match's value set by an earlier component as a hit (at its evidence, else its result)."""
    value = getattr(scope.match, field)
    if value is None:
        return None
    ev = scope.match.evidence.get(field)
    span = ev.spans[0] if ev and ev.spans else scope.anchors[0]
    return Hit(span.start, span.end, value)
