"""The context and ties components never crash on thin or odd input; they leave fields empty."""

from __future__ import annotations

import pytest
from test_extract_context_support import fake_kb

from tabellino.extract import context_dates
from tabellino.extract.context import context_competition, context_stage, context_venue
from tabellino.extract.doc import Doc
from tabellino.extract.ties import ties
from tabellino.kb import ClubMention, CompetitionMention, VenueMention
from tabellino.lang import load_language
from tabellino.models import Article, Match, Span

COMPONENTS = (
    context_competition.competition,
    context_stage.stage,
    context_dates.match_date,
    context_venue.venue,
    ties,
)


def _doc(text: str, lang: str = "en") -> Doc:
    """Return a doc of ``text`` with no mentions."""
    return Doc.create(Article(id="t", text=text, language=lang), load_language(lang), fake_kb())


@pytest.mark.parametrize("text", ["", "   \n\n  ", "2-1", "final\nfinal\n"])
def test_context_thin_text_with_a_match(text: str) -> None:
    doc = _doc(text)
    doc.matches.append(Match(home="Chelsea", away="Fulham"))
    for run in COMPONENTS:
        run(doc)
    m = doc.matches[0]
    assert (m.competition, m.stage, m.leg, m.date, m.venue) == (None, None, None, None, None)


def test_context_unknown_ids_are_skipped() -> None:
    text = "Chelsea beat Fulham 2-0 in the Mystery Cup at the Old Ground."
    doc = _doc(text)
    at = {
        w: (text.index(w), text.index(w) + len(w)) for w in ("Chelsea", "Fulham", "Mystery Cup", "Old Ground")
    }
    doc.clubs = [
        ClubMention(*at["Chelsea"], "Chelsea", ("nope",)),
        ClubMention(*at["Fulham"], "Fulham", ("fulham",)),
    ]
    doc.competitions = [CompetitionMention(*at["Mystery Cup"], "Mystery Cup", "no-such-competition")]
    doc.venues = [VenueMention(*at["Old Ground"], "Old Ground", "Old Ground", ("no-such-club",))]
    match = Match(home="Chelsea", away="Fulham")
    match.cite("score", Span(text.index("2-0"), text.index("2-0") + 3))
    doc.matches.append(match)
    for run in COMPONENTS:
        run(doc)
    assert match.competition is None
    assert match.venue == "Old Ground"  # a stadium of unknown clubs, stated with the result


def test_context_no_matches_no_work() -> None:
    doc = _doc("Atalanta knocked out Juventus.")
    for run in COMPONENTS:
        run(doc)
    assert doc.result is not None and doc.result.ties == []
