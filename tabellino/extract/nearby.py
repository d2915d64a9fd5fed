"""What is near a position of a doc: people, clubs, sentences, clauses, paragraphs and matches.

Shared by the staff, stats and quotes components. Every look-up is a bisection over mention lists
sorted once, so a component stays linear in the number of mentions. Language-specific words come
from the section of the language data that the calling component owns (see
:class:`tabellino.extract.lang_patterns.LangPatterns`).
"""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from tabellino.extract.doc import Doc, PersonMention, split_sentences
from tabellino.extract.lang_patterns import LangPatterns
from tabellino.kb import ClubMention
from tabellino.lang import LanguageData
from tabellino.models import Evidence, Span

__all__ = ["TextIndex", "fallback_name", "known_players", "team_from_context"]

GapTest = Callable[[str], bool]
_NEWLINE = re.compile(r"\n")
_BY_POSITION = attrgetter("start", "end")


@dataclass(slots=True)
class _Sorted:
    """The sorted mentions and offsets of one doc, shared by every :class:`TextIndex` over it.

    The staff, stats and quotes components each index the same doc; the mention lists do not
    change between them, so they are sorted once (the lists are checked by identity and length).
    """

    doc: weakref.ref[Doc]
    text: str
    sources: tuple[list[PersonMention], list[ClubMention], list[Span]]
    sizes: tuple[int, int, int]
    people: list[PersonMention]
    p_starts: list[int]
    clubs: list[ClubMention]
    c_starts: list[int]
    c_ends: list[int]
    sentences: list[Span]
    s_starts: list[int]
    para_starts: list[int]
    surnames: dict[str, str] | None = None
    firsts: dict[str, PersonMention] | None = None

    def fits(self, doc: Doc) -> bool:
        """Return whether this was built from ``doc`` as it is now."""
        sources = self.sources
        return (
            self.doc() is doc
            and self.text is doc.text
            and sources[0] is doc.people
            and sources[1] is doc.clubs
            and sources[2] is doc.sentences
            and self.sizes == (len(doc.people), len(doc.clubs), len(doc.sentences))
        )


_LAST_SORTED: list[_Sorted] = []


def _sorted_of(doc: Doc) -> _Sorted:
    """Return the sorted mentions of ``doc``, built once while its mention lists stay the same."""
    if _LAST_SORTED and _LAST_SORTED[0].fits(doc):
        return _LAST_SORTED[0]
    text = doc.text
    people = sorted(doc.people, key=_BY_POSITION)
    clubs = sorted(doc.clubs, key=_BY_POSITION)
    sentences = doc.sentences or split_sentences(text)
    built = _Sorted(
        weakref.ref(doc),
        text,
        (doc.people, doc.clubs, doc.sentences),
        (len(doc.people), len(doc.clubs), len(doc.sentences)),
        people,
        [p.start for p in people],
        clubs,
        [c.start for c in clubs],
        [c.end for c in clubs],
        sentences,
        [s.start for s in sentences],
        [0] + [m.end() for m in _NEWLINE.finditer(text)],
    )
    _LAST_SORTED[:] = [built]
    return built


class TextIndex:
    """Positional look-ups over one doc's people, clubs, sentences, paragraphs and matches."""

    def __init__(self, doc: Doc, quoted: Sequence[Span] = ()) -> None:
        self.doc = doc
        self.quoted = sorted(quoted, key=_BY_POSITION)
        self._q_starts = [q.start for q in self.quoted]
        self.text = doc.text
        base = self._base = _sorted_of(doc)
        self.people = base.people
        self._p_starts = base.p_starts
        self.clubs = base.clubs
        self._c_starts = base.c_starts
        self._c_ends = base.c_ends
        self.sentences = base.sentences
        self._s_starts = base.s_starts
        self._para_starts = base.para_starts
        self._teams: dict[str, list[int]] = {}
        for i, match in enumerate(doc.matches):
            for team in match.teams():
                self._teams.setdefault(team, []).append(i)

    # --- spans of text -----------------------------------------------------------------------

    def sentence(self, pos: int) -> Span:
        """Return the sentence containing ``pos``."""
        i = bisect.bisect_right(self._s_starts, pos) - 1
        return self.sentences[i] if i >= 0 else Span(0, len(self.text))

    def previous_sentence(self, pos: int) -> Span | None:
        """Return the sentence before the one containing ``pos``."""
        i = bisect.bisect_right(self._s_starts, pos) - 2
        return self.sentences[i] if i >= 0 else None

    def paragraph(self, pos: int) -> Span:
        """Return the line (paragraph) containing ``pos``."""
        i = bisect.bisect_right(self._para_starts, pos) - 1
        end = self._para_starts[i + 1] - 1 if i + 1 < len(self._para_starts) else len(self.text)
        return Span(self._para_starts[i], end)

    def clause(self, pos: int, breaks: re.Pattern[str]) -> Span:
        """Return the part of ``pos``'s sentence between the clause breaks around it."""
        sent = self.sentence(pos)
        start, end = sent.start, sent.end
        for m in breaks.finditer(self.text, sent.start, sent.end):
            if m.end() <= pos:
                start = m.end()
            elif m.start() >= pos:
                end = m.start()
                break
        return Span(start, end)

    # --- people ------------------------------------------------------------------------------

    def people_in(self, start: int, end: int) -> list[PersonMention]:
        """Return the person mentions inside ``[start, end)``."""
        i = bisect.bisect_left(self._p_starts, start)
        out = []
        while i < len(self.people) and self.people[i].start < end:
            if self.people[i].end <= end:
                out.append(self.people[i])
            i += 1
        return out

    def person_starting_near(self, pos: int, max_gap: int) -> PersonMention | None:
        """Return the person mention starting at most ``max_gap`` white-space characters after ``pos``."""
        i = bisect.bisect_left(self._p_starts, pos)
        if i < len(self.people):
            person = self.people[i]
            if person.start - pos <= max_gap and not self.text[pos : person.start].strip():
                return person
        return None

    def person_at(self, pos: int) -> PersonMention | None:
        """Return the person mention starting exactly at ``pos``."""
        return self.person_starting_near(pos, 0)

    def person_after_link(self, pos: int, pats: LangPatterns) -> PersonMention | None:
        """Return the person right after ``pos`` across articles, clubs and "of"/"della" + club."""
        i = bisect.bisect_left(self._p_starts, pos)
        if i >= len(self.people) or self.people[i].start - pos > 40:
            return None
        person = self.people[i]
        gap, has_club = self._without_clubs(pos, person.start)
        if not pats.link_gap(gap) or (not has_club and pats.has_word(gap, "prepositions")):
            return None
        return person

    def person_before_appositive(self, pos: int, pats: LangPatterns) -> PersonMention | None:
        """Return X in "X, the Juventus manager": a name, a comma, then only articles and clubs."""
        i = bisect.bisect_right(self._p_starts, pos) - 1
        if i < 0 or pos - self.people[i].end > 30 or self.people[i].end > pos:
            return None
        person = self.people[i]
        gap, _ = self._without_clubs(person.end, pos)
        return person if gap.lstrip().startswith(",") and pats.link_gap(gap) else None

    def last_person_between(self, start: int, end: int) -> PersonMention | None:
        """Return the last person mention inside ``[start, end)``."""
        found = self.people_in(start, end)
        return found[-1] if found else None

    def last_person_in_sentence(self, pos: int) -> PersonMention | None:
        """Return the last person named in ``pos``'s sentence before ``pos``."""
        sent = self.sentence(pos)
        return self.last_person_between(max(sent.start, pos - 200), pos)

    def fullest_by_surname(self) -> dict[str, str]:
        """Return each person's fullest name keyed by its last word (built once)."""
        base = self._base
        if base.surnames is None:
            base.surnames = {words[-1]: p.name for p in self.people if (words := p.name.split())}
        return base.surnames

    def first_mentions(self) -> dict[str, PersonMention]:
        """Return each person's first mention keyed by their fullest name (built once)."""
        base = self._base
        if base.firsts is None:
            base.firsts = {}
            for person in self.people:
                base.firsts.setdefault(person.name, person)
        return base.firsts

    def inside_quote(self, pos: int) -> bool:
        """Return whether ``pos`` lies inside one of the quoted spans the index was given."""
        i = bisect.bisect_right(self._q_starts, pos) - 1
        return i >= 0 and pos < self.quoted[i].end

    def antecedent(self, pos: int) -> PersonMention | None:
        """Return the one person named (outside quotes) before ``pos`` in its sentence, else in the
        previous sentence; None when the nearer of the two names several people."""
        current = self.sentence(pos)
        prev = self.previous_sentence(pos)
        for start, end in ((current.start, pos), (prev.start, prev.end) if prev else (pos, pos)):
            found = [p for p in self.people_in(start, end) if not self.inside_quote(p.start)]
            if found:
                return found[-1] if len({p.name for p in found}) == 1 else None
        return None

    def person_containing(self, pos: int) -> PersonMention | None:
        """Return the person mention whose span contains ``pos``."""
        i = bisect.bisect_right(self._p_starts, pos) - 1
        return self.people[i] if i >= 0 and self.people[i].start <= pos < self.people[i].end else None

    # --- clubs and teams -----------------------------------------------------------------------

    def clubs_in(self, start: int, end: int) -> list[ClubMention]:
        """Return the club mentions inside ``[start, end)``."""
        i = bisect.bisect_left(self._c_starts, start)
        out = []
        while i < len(self.clubs) and self.clubs[i].start < end:
            if self.clubs[i].end <= end:
                out.append(self.clubs[i])
            i += 1
        return out

    def club_at(self, pos: int) -> ClubMention | None:
        """Return the club mention starting exactly at ``pos``."""
        i = bisect.bisect_left(self._c_starts, pos)
        return self.clubs[i] if i < len(self.clubs) and self.clubs[i].start == pos else None

    def club_ending_at(self, pos: int, gap_ok: GapTest) -> ClubMention | None:
        """Return the club ending just before ``pos`` with only linking words in between."""
        i = bisect.bisect_right(self._c_ends, pos) - 1
        if i < 0 or pos - self.clubs[i].end > 12:
            return None
        club = self.clubs[i]
        return club if gap_ok(self.text[club.end : pos]) else None

    def club_starting_at(self, pos: int, gap_ok: GapTest) -> ClubMention | None:
        """Return the club starting just after ``pos`` with a linking preposition in between."""
        i = bisect.bisect_left(self._c_starts, pos)
        if i >= len(self.clubs) or self.clubs[i].start - pos > 15:
            return None
        club = self.clubs[i]
        return club if gap_ok(self.text[pos : club.start]) else None

    def team(self, club: ClubMention | None) -> str | None:
        """Return the canonical name of a resolved club mention when that club plays a match."""
        if club is None or club.club is None:
            return None
        return self.club_name_in_matches(club.club)

    def club_name_in_matches(self, club_id: str | None) -> str | None:
        """Return the canonical name of ``club_id`` when that club plays one of the matches."""
        if club_id is None:
            return None
        try:
            name = self.doc.club_name(club_id)
        except (KeyError, LookupError, NotImplementedError):
            return None
        return name if name in self._teams else None

    def team_in_gap(self, start: int, person: PersonMention | None) -> str | None:
        """Return the match team named between ``start`` and ``person``."""
        if person is None:
            return None
        teams = [t for c in self.clubs_in(start, person.start) if (t := self.team(c))]
        return teams[0] if teams else None

    def teams_in(self, start: int, end: int) -> list[tuple[str, ClubMention]]:
        """Return the match teams named inside ``[start, end)``, in text order."""
        return [(t, c) for c in self.clubs_in(start, end) if (t := self.team(c))]

    def team_of_player(self, name: str) -> str | None:
        """Return the team of a player: their goals or red cards, their learned club, the squads."""
        for match in self.doc.matches:
            for goal in match.goals:
                if goal.scorer == name and not goal.own_goal and goal.team in self._teams:
                    return goal.team
            for card in match.red_cards:
                if card.player == name and card.team in self._teams:
                    return card.team
        role = self.doc.roles.get(name)
        if role is not None and role[1] is not None:
            return self.club_name_in_matches(role[1])
        return self._squad_team(name)

    def _squad_team(self, name: str) -> str | None:
        """Return the one match team whose known squad lists ``name``."""
        try:
            ids = self.doc.kb.player_clubs(name)
        except NotImplementedError:
            return None
        teams = {t for i in ids if (t := self.club_name_in_matches(i))}
        return teams.pop() if len(teams) == 1 else None

    # --- matches -----------------------------------------------------------------------------

    def primary_index(self) -> int | None:
        """Return the index of the primary match, if any."""
        return next((i for i, m in enumerate(self.doc.matches) if m.primary), None)

    def match_for(self, team: str, pos: int) -> int | None:
        """Return the match of ``team`` the text at ``pos`` is most likely about."""
        found = self._teams.get(team, [])
        if len(found) <= 1:
            return found[0] if found else None
        primary = self.primary_index()
        if primary in found:
            return primary
        return min(found, key=lambda i: _distance(self.doc.matches[i].evidence.values(), pos))

    def opponent(self, team: str, pos: int) -> str | None:
        """Return the other team of ``team``'s match in context."""
        i = self.match_for(team, pos)
        return self.doc.matches[i].opponent(team) if i is not None else None

    def about_primary(self, pos: int) -> bool:
        """Return whether ``pos``'s sentence names no other club and its paragraph a primary team."""
        primary = self.doc.primary_match()
        if primary is None:
            return False
        sent = self.sentence(pos)
        for club in self.clubs_in(sent.start, sent.end):
            name = self.club_name_in_matches(club.club) if club.club else None
            if club.club is not None and name not in primary.teams():
                return False
        para = self.paragraph(pos)
        return any(t in primary.teams() for t, _ in self.teams_in(para.start, para.end))

    def _without_clubs(self, start: int, end: int) -> tuple[str, bool]:
        """Return the text of ``[start, end)`` with club mentions blanked, and whether there were any."""
        clubs = self.clubs_in(start, end)
        gap = self.text[start:end]
        for club in reversed(clubs):
            gap = gap[: club.start - start] + " " + gap[club.end - start :]
        return gap, bool(clubs)


def _distance(evidence: Iterable[Evidence], pos: int) -> int:
    """Return the distance from ``pos`` to the nearest evidence span (far when there is none)."""
    return min((abs(s.start - pos) for ev in evidence for s in ev.spans), default=1 << 30)


def team_from_context(
    index: TextIndex, pats: LangPatterns, pos: int, span: Span, opponent_before: bool
) -> tuple[str, float] | None:
    """Return the team a person at ``pos`` belongs to, read from the clubs around, and its weight.

    The clause counts, then the sentence (the paragraph is too loose to tell). An opponent word
    between the cue and the club ("che batte il Milan", "against the side coached by X") gives the
    other side.
    """
    sent = index.sentence(pos)
    if opponent_before:
        subject = next((t for t, c in index.teams_in(sent.start, span.start)), None)
        other = index.opponent(subject, pos) if subject else None
        return (other, 1.0) if other else None
    clause = index.clause(pos, pats.get("clause_break"))
    for area, weight in ((clause, 1.0), (sent, 0.5)):
        found = _team_in_area(index, pats.get("opponent"), area, span)
        if found is not None:
            return (found, weight) if found != "" else None
    return None


def _team_in_area(index: TextIndex, opponent: re.Pattern[str], area: Span, span: Span) -> str | None:
    """Return the team ``area`` gives the cue ``span``; "" when its clubs settle nothing; None if none.

    The club nearest the cue decides: a club playing no match means the person is somebody else's;
    an opponent word between cue and club gives the other side. When the area names several
    clubs, only a subject right before the cue counts ("Juventus, the side coached by X").
    """
    clubs = [c for c in index.clubs_in(area.start, area.end) if c.club is not None]
    if not clubs:
        return None
    nearest = min(clubs, key=lambda c: abs(c.start - span.start))
    team = index.team(nearest)
    if team is None:
        return ""
    lo, hi = (nearest.end, span.start) if nearest.end <= span.start else (span.end, nearest.start)
    if len({c.club for c in clubs}) > 1 and not (nearest.end <= span.start and hi - lo <= 30):
        return ""
    if hi - lo <= 80 and opponent.search(index.text, lo, max(lo, hi)):
        return index.opponent(team, span.start) or ""
    return team


def known_players(doc: Doc) -> set[str]:
    """Return the names the matches already list as scorers or players sent off."""
    names: set[str] = set()
    for match in doc.matches:
        names.update(g.scorer for g in match.goals if g.scorer)
        names.update(r.player for r in match.red_cards if r.player)
    return names


def fallback_name(index: TextIndex, pos: int, gap_ok: GapTest) -> tuple[str, Span] | None:
    """Return a capitalised name written right after ``pos`` that the person finder missed.

    Only a run of capitalised words (with name particles) that is not a club; mapped to the
    fullest form the article gives when its last word is a known surname.
    """
    text = index.text
    run, not_names = _name_run(index.doc.lang)
    m = run.match(text, pos)
    if m is None or not gap_ok(text[pos : m.start("name")]):
        return None
    span = Span(m.start("name"), m.end("name"))
    if index.clubs_in(span.start, span.end) or index.club_at(span.start):
        return None
    words = m.group("name").split()
    if words[0] in not_names:
        return None
    return index.fullest_by_surname().get(words[-1], m.group("name")), span


_RUNS: weakref.WeakKeyDictionary[LanguageData, tuple[re.Pattern[str], frozenset[str]]] = (
    weakref.WeakKeyDictionary()
)


def _name_run(lang: LanguageData) -> tuple[re.Pattern[str], frozenset[str]]:
    """Return the regex of a capitalised name run and the words that start no name (built once)."""
    found = _RUNS.get(lang)
    if found is None:
        particles = "|".join(re.escape(p) for p in lang.words("quotes", "name_particles")) or "(?!x)x"
        cap = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*\w"
        run = re.compile(rf"[\s:,]*(?P<name>{cap}(?:\s+(?:(?:{particles})\s+)?{cap}){{0,3}})", re.UNICODE)
        found = _RUNS[lang] = (run, frozenset(lang.words("quotes", "not_name_words")))
    return found
