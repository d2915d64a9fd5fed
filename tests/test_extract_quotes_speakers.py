"""Direct quotations get the speaker named by their attribution, in English and Italian."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_extract_quotes_harness import VOCABULARY, build_doc, load_cases, random_case

from tabellino.extract.quotes import find_quotes


@pytest.mark.parametrize("case", load_cases("quotes_speakers"))
def test_quotes_speakers(case: dict[str, Any]) -> None:
    """Each quotation is found with its speaker's fullest name, in text order."""
    doc = build_doc(case)
    find_quotes(doc)
    assert doc.result is not None
    got = [(q.speaker, q.text) for q in doc.result.quotes]
    assert len(got) == len(case["expect"]), got
    for (speaker, text), (want_speaker, prefix) in zip(got, case["expect"], strict=True):
        assert speaker == want_speaker, got
        assert text.startswith(prefix), got


@pytest.mark.parametrize("case", load_cases("quotes_speakers"))
def test_quotes_spans_point_at_the_words(case: dict[str, Any]) -> None:
    """A quotation's span is its words in the text and its speaker span names the speaker."""
    doc = build_doc(case)
    find_quotes(doc)
    assert doc.result is not None
    for quote in doc.result.quotes:
        assert doc.text[quote.span.start : quote.span.end] == quote.text
        assert quote.speaker_span is not None
        named = doc.text[quote.speaker_span.start : quote.speaker_span.end]
        assert named and named in quote.speaker


def test_quotes_refer_to_the_primary_match() -> None:
    """A quotation in an article with a primary match points at that match."""
    case = {
        "id": "m",
        "lang": "en",
        "text": '"We were the better side," said Conte.',
        "people": {"Conte": "Antonio Conte"},
        "matches": [["Lazio", "Roma", False], ["Napoli", "Inter", True]],
    }
    doc = build_doc(case)
    find_quotes(doc)
    assert doc.result is not None
    assert [q.match_index for q in doc.result.quotes] == [1]


def test_quotes_empty_text_gives_nothing() -> None:
    """A text with no quotation marks (or an unclosed one) yields no quotes and no error."""
    for text in ["", "No quotes here.", 'He said "unclosed and', "«", '"']:
        doc = build_doc({"id": "e", "lang": "it", "text": text})
        find_quotes(doc)
        assert doc.result is not None and doc.result.quotes == []


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=60),
    st.lists(st.booleans(), min_size=60, max_size=60),
    st.sampled_from(["en", "it"]),
)
def test_quotes_never_crash_and_stay_in_text(tokens: list[str], joiners: list[bool], lang: str) -> None:
    """Any mix of marks, names and cue words yields quotes whose spans lie inside the text."""
    doc = build_doc(random_case(tokens, joiners, lang))
    find_quotes(doc)
    assert doc.result is not None
    for quote in doc.result.quotes:
        assert 0 <= quote.span.start < quote.span.end <= len(doc.text)
        assert quote.speaker in {"Mario Rossi", "Antonio Conte"} or quote.speaker[0].isupper()


def test_quotes_unclosed_mark_is_not_a_long_quotation() -> None:
    """A stray opening mark far from any closing one does not swallow the text as a quotation."""
    text = 'A stray "mark. ' + "The match went on. " * 300 + '"We won the game tonight," said Conte.'
    doc = build_doc({"id": "u", "lang": "en", "text": text, "people": {"Conte": "Antonio Conte"}})
    find_quotes(doc)
    assert doc.result is not None
    assert [q.text for q in doc.result.quotes] == ["We won the game tonight,"]
