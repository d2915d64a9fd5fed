"""The numpy language model gives py3langid's own answers and probabilities, bit for bit."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tabellino.bench import example_documents
from tabellino.ingest.langid_model import WINDOW, language_model

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "ingest_langid_cases.json").read_text(encoding="utf-8")
)["cases"]

EDGE_TEXTS = [
    "",
    " ",
    "a",
    "GOAL!!! INTER 2-1",
    "1-0 90+3'",
    "Ça va? ÇA VA!",
    "İstanbul ıs",
    "⚽🔥 ok",
    "\ud800x",
]


@cache
def _reference() -> Any:
    """Return py3langid's own identifier with probabilities, as the yardstick."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _texts() -> list[str]:
    """Return the test cases, edge texts and the bundled example articles (whole and cut)."""
    texts = [case["text"] for case in CASES] + EDGE_TEXTS
    for document in example_documents():
        texts += [document.text, document.text[:700], document.text[700:1500]]
    return texts


@pytest.mark.parametrize("text", _texts())
def test_ingest_langid_model_scores_like_py3langid(text: str) -> None:
    label, probability = language_model().classify(text)
    assert (label, probability) == _reference().classify(text)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_ingest_langid_model_scores_any_text_like_py3langid(text: str) -> None:
    assert language_model().classify(text) == _reference().classify(text)


def test_ingest_langid_model_window_covers_the_deepest_state() -> None:
    model = language_model()
    seen = np.zeros(len(model.row_base), dtype=bool)
    seen[0] = True
    frontier = np.array([0])
    depth = 0
    while True:
        reached = np.unique(model.next_state[model.row_base[frontier][:, None] + np.arange(256)])
        frontier = reached[~seen[reached]]
        if not len(frontier):
            break
        seen[frontier] = True
        depth += 1
    assert depth <= WINDOW
