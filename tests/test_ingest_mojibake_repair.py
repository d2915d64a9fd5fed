"""Text whose UTF-8 was read as GBK is repaired letter for letter; other text is left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabellino.ingest.mojibake import repair_mojibake

CASES = json.loads(
    (Path(__file__).parent / "data" / "ingest_mojibake_cases.json").read_text(encoding="utf-8")
)


def _damage(text: str) -> str:
    """Return ``text`` as a page that decoded its UTF-8 bytes as GBK shows it."""
    return text.encode("utf-8").decode("gbk")


@pytest.mark.parametrize("text", CASES["damaged_then_repaired"])
def test_mojibake_repair_restores_the_letters(text: str) -> None:
    damaged = _damage(text)
    assert damaged != text
    assert repair_mojibake(damaged) == text


@pytest.mark.parametrize("text", CASES["damaged_then_repaired"])
def test_mojibake_repair_keeps_every_offset(text: str) -> None:
    damaged = _damage(text)
    assert len(damaged) == len(text)


@pytest.mark.parametrize("text", CASES["kept"])
def test_mojibake_repair_leaves_other_text_alone(text: str) -> None:
    assert repair_mojibake(text) == text


def test_cleaning_repairs_the_text_and_title_before_anything_reads_them() -> None:
    """An article arriving damaged is read (language, spans, title) as the text it was written as."""
    from tabellino.ingest.clean import clean_document
    from tabellino.models import Document

    text = CASES["damaged_then_repaired"][0]
    article = clean_document(Document(id="m", text=_damage(text), title=_damage("Árbitro y público")))
    assert article.text == text
    assert article.title == "Árbitro y público"
