"""Build docs by hand for the quotes, staff and stats tests, from cases kept in TOML data files.

A case gives the text and, as plain surface strings, the people (surface -> fullest name), the
clubs (surface -> canonical name), the matches, goals and learned roles; every occurrence of a
surface string in the text becomes a mention. Headline text listed under ``dropped`` is blanked
as boilerplate. The other test modules of these components import :func:`build_doc`.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tabellino.extract.doc import Doc, PersonMention, split_sentences
from tabellino.kb import Club, ClubMention, KnowledgeBase
from tabellino.lang import load_language
from tabellino.models import Article, Extraction, Goal, Match, Span

DATA = Path(__file__).parent / "data"


class FakeKB(KnowledgeBase):
    """A knowledge base holding just the clubs and squads a test case names."""

    def __init__(self, squads: dict[str, str]) -> None:
        self.squads = squads

    def club(self, club_id: str) -> Club:
        """Return a club whose canonical name is its id."""
        return Club(id=club_id, name=club_id, country="xx")

    def player_clubs(self, name: str) -> tuple[str, ...]:
        """Return the club of a player listed in the case's squads."""
        return (self.squads[name],) if name in self.squads else ()


def load_cases(name: str) -> list[Any]:
    """Return the cases of ``tests/data/<name>.toml`` as pytest params named by their id."""
    cases = tomllib.loads((DATA / f"{name}.toml").read_text(encoding="utf-8"))["case"]
    return [pytest.param(case, id=case["id"]) for case in cases]


def build_doc(case: dict[str, Any]) -> Doc:
    """Return a doc for ``case`` with its mentions, matches, goals and roles filled in."""
    text = case["text"]
    dropped = [_find(text, s) for s in case.get("dropped", [])]
    article = Article(id=case["id"], text=text, language=case["lang"], dropped=dropped)
    clean = article.content()
    doc = Doc(
        article=article, text=clean, lang=load_language(case["lang"]), kb=FakeKB(case.get("squads", {}))
    )
    doc.sentences = split_sentences(clean)
    doc.result = Extraction(article=article)
    doc.people = [
        PersonMention(s, e, clean[s:e], name) for s, e, name in _spans(clean, case.get("people", {}))
    ]
    doc.clubs = [
        ClubMention(s, e, clean[s:e], (club,)) for s, e, club in _spans(clean, case.get("clubs", {}))
    ]
    doc.roles = {name: (role, club or None) for name, (role, club) in case.get("roles", {}).items()}
    for home, away, primary in case.get("matches", []):
        doc.result.matches.append(Match(home=home, away=away, primary=primary))
    for team, scorer in case.get("goals", []):
        match = next(m for m in doc.result.matches if m.has_team(team))
        match.goals.append(Goal(team=team, scorer=scorer))
    return doc


def _find(text: str, needle: str) -> Span:
    """Return the span of the first occurrence of ``needle``."""
    start = text.index(needle)
    return Span(start, start + len(needle))


def _spans(text: str, surfaces: dict[str, str]) -> list[tuple[int, int, str]]:
    """Return non-overlapping spans of every whole-word occurrence of each surface, longest first."""
    found: list[tuple[int, int, str]] = []
    for surface in sorted(surfaces, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if all(m.end() <= s or e <= m.start() for s, e, _ in found):
                found.append((m.start(), m.end(), surfaces[surface]))
    return sorted(found)


def test_harness_finds_longest_mentions_first() -> None:
    """A full name is one mention, not a surname mention inside it."""
    case = {
        "id": "h",
        "lang": "en",
        "text": "Luciano Spalletti smiled. Spalletti left.",
        "people": {"Spalletti": "Luciano Spalletti", "Luciano Spalletti": "Luciano Spalletti"},
    }
    doc = build_doc(case)
    assert [(p.text, p.name) for p in doc.people] == [
        ("Luciano Spalletti", "Luciano Spalletti"),
        ("Spalletti", "Luciano Spalletti"),
    ]


def test_harness_blanks_dropped_text() -> None:
    """Dropped headline text becomes spaces at the same offsets."""
    case = {"id": "h", "lang": "en", "text": "Headline\nBody.", "dropped": ["Headline"]}
    doc = build_doc(case)
    assert doc.text == "        \nBody."


# Names, cue words, numbers and marks that random texts are made of.
_WORDS = (
    "Rossi Conte Juventus Atalanta said told ha detto dirà manager coach allenatore di squadra referee "
    "arbitro Referee shots tiri in porta xG 1.9 1,6 13 two on target the he il tecnico 's side sent "
    "assegna rigore according to così facing contro started"
)
_MARKS = "\" “ ” « » ' ’ „ ‹ , . : ; — ( ) -"
VOCABULARY = [*_WORDS.split(), *_MARKS.split(), "\n"]


def random_case(tokens: list[str], joiners: list[bool], lang: str) -> dict[str, Any]:
    """Return a case whose text is ``tokens`` joined (with or without spaces), with mentions."""
    text = "".join(t + (" " if j else "") for t, j in zip(tokens, joiners, strict=False))
    return {
        "id": "random",
        "lang": lang,
        "text": text,
        "people": {"Rossi": "Mario Rossi", "Conte": "Antonio Conte"},
        "clubs": {"Juventus": "Juventus", "Atalanta": "Atalanta"},
        "matches": [["Atalanta", "Juventus", True]],
    }
