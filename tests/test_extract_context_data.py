"""The [stages], [venues] and [ties] language data load, compile and read as intended.

Phrase rows (written for these tests) are in tests/data/context_phrases.toml.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from test_extract_context_support import fake_kb

from tabellino.extract.context_scope import Layout
from tabellino.extract.context_stage import _cue_alternation, leg_hits, stage_hits
from tabellino.extract.context_venue import _side_alternation
from tabellino.extract.doc import Doc
from tabellino.extract.ties import _tie_alternation
from tabellino.lang import load_language, supported_languages
from tabellino.models import Article

PHRASES = tomllib.loads((Path(__file__).parent / "data" / "context_phrases.toml").read_text("utf-8"))


def _rows(kind: str) -> list[Any]:
    """Return (lang, text, expected) params for one kind of phrase row."""
    return [
        pytest.param(block["lang"], text, want, id=f"{block['lang']}-{text[:30]}")
        for block in PHRASES[kind]
        for text, want in block["rows"]
    ]


def _doc(lang: str, text: str) -> Doc:
    """Return a doc with only a text."""
    return Doc.create(Article(id="t", text=text, language=lang), load_language(lang), fake_kb())


@pytest.mark.parametrize("code", supported_languages())
def test_context_data_compiles_for_every_language(code: str) -> None:
    lang = load_language(code)
    for build in (_cue_alternation, _side_alternation, _tie_alternation):
        build(lang)


@pytest.mark.parametrize("code", supported_languages())
def test_context_data_tables_are_consistent(code: str) -> None:
    lang = load_language(code)
    stages = set(lang.mapping("stages", "stage_forms"))
    for reached, played in lang.mapping("stages", "advance_implies").items():
        assert reached in stages and played in stages, (reached, played)
    assert set(lang.words("stages", "phase_stages")) <= stages
    assert set(lang.mapping("stages", "leg_forms")) <= {"1", "2"}
    assert all(isinstance(n, int) and n > 0 for n in lang.mapping("stages", "ordinals").values())


@pytest.mark.parametrize(("code", "text", "want"), _rows("stage"))
def test_context_stage_phrases(code: str, text: str, want: list[str]) -> None:
    doc = _doc(code, text)
    assert [h.value for h in stage_hits(doc, Layout.of(doc))] == want


@pytest.mark.parametrize(("code", "text", "want"), _rows("leg"))
def test_context_leg_phrases(code: str, text: str, want: list[int]) -> None:
    doc = _doc(code, text)
    assert [h.value for h in leg_hits(doc, Layout.of(doc))] == want
