"""Build docs for the context and ties tests from the cases in tests/data/context_*.toml.

A case gives a short text written for these tests and, by surface string, the mentions the earlier
components would have found (clubs, competitions, stadiums, cities, dates); scores are found by a
plain regex. Matches name the text their result is cited from. The fake knowledge base lives in
tests/data/context_kb.toml, so these tests do not depend on the real KB or mention finders.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tabellino.extract.context_dates import DateLike
from tabellino.extract.doc import Doc, ScoreMention
from tabellino.kb import (
    CityMention,
    Club,
    ClubMention,
    Competition,
    CompetitionMention,
    KnowledgeBase,
    VenueMention,
)
from tabellino.lang import LanguageData, load_language
from tabellino.models import Article, Match, Span

DATA = Path(__file__).parent / "data"
_SCORE = re.compile(r"(?<![\d\w-])(\d{1,2})\s?[-–]\s?(\d{1,2})(?![\d\w-])")


class FakeKB(KnowledgeBase):
    """A knowledge base of a few clubs and competitions, read from context_kb.toml."""

    def __init__(self, clubs: dict[str, str], competitions: dict[str, str]) -> None:
        self.club_names = clubs
        self.competition_names = competitions

    def club(self, club_id: str) -> Club:
        return Club(id=club_id, name=self.club_names[club_id], country="xx")

    def competition(self, competition_id: str) -> Competition:
        return Competition(id=competition_id, name=self.competition_names[competition_id])


@dataclass(frozen=True)
class FakeDate:
    """A date the fake date finder reports."""

    start: int
    end: int
    value: date
    relative: bool


def load_cases(name: str) -> list[Any]:
    """Return the cases of a data file, each as a pytest param named by its id."""
    with (DATA / name).open("rb") as f:
        cases: list[dict[str, Any]] = tomllib.load(f)["case"]
    return [pytest.param(c, id=c["id"]) for c in cases]


def fake_kb() -> FakeKB:
    """Return the fake knowledge base of the tests."""
    with (DATA / "context_kb.toml").open("rb") as f:
        data = tomllib.load(f)
    return FakeKB(data["clubs"], data["competitions"])


def find_all(text: str, surfaces: list[str]) -> list[tuple[int, int, str]]:
    """Return non-overlapping whole-word occurrences of the surfaces, longest first at a position."""
    if not surfaces:
        return []
    words = sorted(surfaces, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def locate(text: str, surface: str) -> Span:
    """Return the span of ``surface`` in ``text``; ``"3-0#2"`` means its second occurrence."""
    needle, _, nth = surface.partition("#")
    start = -1
    for _ in range(int(nth or 1)):
        start = text.find(needle, start + 1)
        if start < 0:
            raise AssertionError(f"{surface!r} not in the case text")
    return Span(start, start + len(needle))


def build_doc(case: dict[str, Any]) -> Doc:
    """Return the doc of a case, with its mentions and matches filled as earlier components would."""
    article = Article(
        id=case["id"],
        text=case["text"],
        language=case["lang"],
        title=case.get("title"),
        published=date.fromisoformat(case["published"]) if "published" in case else None,
    )
    doc = Doc.create(article, load_language(case["lang"]), fake_kb())
    _add_mentions(doc, case)
    for spec in case.get("matches", []):
        doc.matches.append(_match(doc.text, spec))
    return doc


def _add_mentions(doc: Doc, case: dict[str, Any]) -> None:
    """Fill the doc's mention lists from the case's surface tables."""
    text = doc.text
    clubs: dict[str, Any] = case.get("clubs", {})
    for s, e, w in find_all(text, list(clubs)):
        ids = clubs[w] if isinstance(clubs[w], list) else [clubs[w]]
        doc.clubs.append(ClubMention(s, e, w, tuple(ids)))
    comps: dict[str, str] = case.get("competitions", {})
    doc.competitions = [CompetitionMention(s, e, w, comps[w]) for s, e, w in find_all(text, list(comps))]
    venues: dict[str, list[str]] = case.get("venues", {})
    doc.venues = [VenueMention(s, e, w, w, tuple(venues[w])) for s, e, w in find_all(text, list(venues))]
    cities: dict[str, list[str]] = case.get("cities", {})
    doc.cities = [CityMention(s, e, w, tuple(cities[w])) for s, e, w in find_all(text, list(cities))]
    doc.scores = [ScoreMention(m.start(), m.end(), int(m[1]), int(m[2])) for m in _SCORE.finditer(text)]


def _match(text: str, spec: dict[str, Any]) -> Match:
    """Return a match as the matches component would leave it, citing its result text."""
    m = Match(home=spec["home"], away=spec["away"], home_away_certain=spec.get("certain", False))
    m.primary = spec.get("primary", False)
    if "goals" in spec:
        m.home_goals, m.away_goals = spec["goals"]
    for key, value in spec.get("preset", {}).items():
        setattr(m, key, value)
    for surface in spec["result"] if isinstance(spec["result"], list) else [spec["result"]]:
        m.cite("score", locate(text, surface))
    return m


def date_finder(case: dict[str, Any]) -> Any:
    """Return a fake date finder reporting the case's dates ("~2026-02-05" = relative)."""
    table: dict[str, str] = case.get("dates", {})

    def find(text: str, lang: LanguageData, anchor: date | None) -> list[DateLike]:
        out: list[DateLike] = []
        for s, e, w in find_all(text, list(table)):
            value = table[w]
            out.append(FakeDate(s, e, date.fromisoformat(value.lstrip("~")), value.startswith("~")))
        return out

    return find


def test_support_locates_nth_occurrence() -> None:
    text = "Won 2-0, then 2-0 again."
    assert locate(text, "2-0#2") == Span(14, 17)


def test_support_kb_resolves_every_club_of_the_cases() -> None:
    kb = fake_kb()
    for name in ("context_cases.toml", "context_ties.toml"):
        for param in load_cases(name):
            case = param.values[0]
            for ids in case.get("clubs", {}).values():
                for cid in ids if isinstance(ids, list) else [ids]:
                    assert kb.club(cid).name
