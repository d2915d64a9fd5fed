"""Cleaning: page chrome is listed as dropped spans (never cut), title, date and language are set."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tabellino.errors import InputError
from tabellino.ingest.clean import clean_document
from tabellino.models import Article, Document, Span

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "ingest_boilerplate_cases.json").read_text(encoding="utf-8")
)["cases"]


def _covered(spans: list[Span], start: int, end: int) -> bool:
    return any(s.start <= start and end <= s.end for s in spans)


def _touched(spans: list[Span], start: int, end: int) -> bool:
    return any(s.start < end and start < s.end for s in spans)


def _clean(case: dict[str, Any]) -> Article:
    text = "\n".join(case["lines"]) + "\n"
    return clean_document(Document(id=case["name"], text=text, language=case["language"]))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_ingest_clean_drops_chrome_and_keeps_the_article(case: dict[str, Any]) -> None:
    article = _clean(case)
    text = article.text
    for piece in case["dropped"]:
        start = text.index(piece)
        assert _covered(article.dropped, start, start + len(piece)), f"not dropped: {piece!r}"
    for piece in case["kept"]:
        start = text.index(piece)
        assert not _touched(article.dropped, start, start + len(piece)), f"dropped: {piece!r}"
    if "dropped_to_end_from" in case:
        start = text.index(case["dropped_to_end_from"])
        assert not article.content()[start:].strip()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_ingest_clean_sets_title_and_published(case: dict[str, Any]) -> None:
    article = _clean(case)
    assert article.title == case["title"]
    assert article.published == (date.fromisoformat(case["published"]) if case["published"] else None)


def test_ingest_clean_keeps_text_and_offsets() -> None:
    article = _clean(CASES[0])
    assert article.text == "\n".join(CASES[0]["lines"]) + "\n"
    assert len(article.content()) == len(article.text)
    assert article.content().count("\n") == article.text.count("\n")
    assert article.dropped == sorted(article.dropped)


def test_ingest_clean_record_metadata_wins_over_what_the_text_says() -> None:
    doc = Document(
        id="x",
        text="Today : Mar 14, 2026\nA headline that is not used\n\nBody text follows here.",
        title="Given title",
        published=date(2026, 3, 15),
        language="en",
        url="https://www.example.org/2026/03/14/story",
    )
    article = clean_document(doc)
    assert (article.title, article.published, article.language) == ("Given title", date(2026, 3, 15), "en")
    assert article.outlet == "example.org"


def test_ingest_clean_identifies_language_when_none_or_unsupported_is_given() -> None:
    text = "\n".join(CASES[1]["lines"])
    assert clean_document(Document(id="a", text=text)).language == "it"
    assert clean_document(Document(id="b", text=text, language="xx")).language == "it"
    assert clean_document(Document(id="c", text="Too short.")).language == "unknown"


def test_ingest_clean_unreadable_content_type_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="content type"):
        clean_document(Document(id="x", text="%PDF", content_type="application/pdf"))


@pytest.mark.parametrize("text", ["", "\n\n", "-", "4:57", "Advertisement"])
def test_ingest_clean_degenerate_text_does_not_fail(text: str) -> None:
    article = clean_document(Document(id="x", text=text))
    assert article.language == "unknown"
    assert all(0 <= s.start <= s.end <= len(text) for s in article.dropped)
