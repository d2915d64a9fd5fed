"""Language identification: supported languages by name, everything else ``unknown``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tabellino.ingest.langid import UNKNOWN, detect, identify

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "ingest_langid_cases.json").read_text(encoding="utf-8")
)["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_ingest_langid_identifies_supported_languages_only(case: dict[str, Any]) -> None:
    assert identify(case["text"]) == case["expect"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_ingest_langid_detect_names_any_language(case: dict[str, Any]) -> None:
    assert detect(case["text"])[0] == case["detect"]


def test_ingest_langid_reads_only_the_opening_of_a_long_text() -> None:
    english = CASES[0]["text"]
    text = english * 20 + " " + CASES[1]["text"] * 40
    assert identify(text) == "en"


@pytest.mark.parametrize("text", ["", "   \n\n", "---- | ----", "12:30 4:57 1/25"])
def test_ingest_langid_empty_or_letterless_text_is_unknown(text: str) -> None:
    assert identify(text) == UNKNOWN
