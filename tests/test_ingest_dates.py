"""Dates: absolute forms, relative words and weekdays against an anchor, and an article's own date."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tabellino.ingest.dates import find_dates, find_published
from tabellino.lang import LanguageData, load_language

DATA = Path(__file__).parent / "data"
DATE_CASES: list[dict[str, Any]] = json.loads((DATA / "ingest_dates_cases.json").read_text("utf-8"))["cases"]
PUBLISHED_CASES: list[dict[str, Any]] = json.loads((DATA / "ingest_published_cases.json").read_text("utf-8"))[
    "cases"
]


@cache
def _language(code: str) -> LanguageData:
    """Return a packaged language, or one built from the test data file (a language that is data only)."""
    extra = tomllib.loads((DATA / "ingest_dates_languages.toml").read_text("utf-8"))
    if code in extra:
        return LanguageData(code, extra[code])
    return load_language(code)


def _anchor(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


@pytest.mark.parametrize("case", DATE_CASES, ids=[f"{c['lang']}:{c['text'][:40]}" for c in DATE_CASES])
def test_ingest_dates_finds_each_written_form(case: dict[str, Any]) -> None:
    text = case["text"]
    found = find_dates(text, _language(case["lang"]), _anchor(case["anchor"]))
    got = [[text[m.start : m.end], m.value.isoformat(), m.relative] for m in found]
    assert got == case["expect"]


def test_ingest_dates_unknown_language_uses_every_language_words() -> None:
    found = find_dates("Sabato 12 ottobre 2024 and February 5, 2026", None, None)
    assert [m.value for m in found] == [date(2024, 10, 12), date(2026, 2, 5)]


@pytest.mark.parametrize("case", PUBLISHED_CASES, ids=[c["name"] for c in PUBLISHED_CASES])
def test_ingest_dates_published_comes_from_the_header_or_url(case: dict[str, Any]) -> None:
    lang = _language(case["lang"]) if case["lang"] else None
    found = find_published(case["text"], case["url"], lang)
    if case["expect"] is None:
        assert found is None
        return
    assert found is not None
    value, span = found
    assert value.isoformat() == case["expect"]
    assert (case["text"][span.start : span.end] if span else None) == case["span"]


def test_ingest_dates_empty_and_odd_input_gives_nothing() -> None:
    en = load_language("en")
    assert find_dates("", en, date(2026, 1, 1)) == []
    assert find_published("", None, en) is None
    assert find_published("\n\n\n", "not a url", None) is None
    assert find_published("x", "https://example.org/2026/13/45/page", en) is None


@pytest.mark.parametrize("case", DATE_CASES, ids=[f"{c['lang']}:{c['text'][:40]}" for c in DATE_CASES])
def test_ingest_dates_finds_the_same_dates_in_a_long_text(case: dict[str, Any]) -> None:
    # A long text is scanned another way than a short line: the answer must not change.
    filler = "~ " * 700 + "\n"
    text = filler + case["text"] + "\n" + filler
    found = find_dates(text, _language(case["lang"]), _anchor(case["anchor"]))
    got = [[text[m.start : m.end], m.value.isoformat(), m.relative] for m in found]
    assert got == case["expect"]
