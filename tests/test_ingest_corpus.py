"""Ingest on the real corpus: language, published date and chrome removal against the gold.

Reads the corpus from $TABELLINO_CORPUS (default ../shared/corpus next to the repository) and skips
when it is absent.
"""

from __future__ import annotations

import json
import os
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tabellino.ingest.clean import clean_document
from tabellino.ingest.dates import find_published
from tabellino.ingest.langid import UNKNOWN, detect, identify
from tabellino.ingest.mojibake import repair_mojibake
from tabellino.lang import load_language, supported_languages
from tabellino.models import Document

CORPUS = Path(os.environ.get("TABELLINO_CORPUS") or Path(__file__).resolve().parents[2] / "shared" / "corpus")
FILES = sorted(CORPUS.glob("*/*.json")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"corpus not found at {CORPUS}; set TABELLINO_CORPUS")


@cache
def _gold(path: Path) -> dict[str, Any]:
    gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return gold


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


@pytest.mark.parametrize("path", FILES, ids=_ids(FILES))
def test_ingest_corpus_language_matches_gold(path: Path) -> None:
    gold = _gold(path)
    assert detect(gold["text"])[0] == gold["language"]
    expected = gold["language"] if gold["language"] in supported_languages() else UNKNOWN
    assert identify(gold["text"]) == expected


@pytest.mark.parametrize("path", FILES, ids=_ids(FILES))
def test_ingest_corpus_published_matches_gold(path: Path) -> None:
    gold = _gold(path)
    supported = gold["language"] in supported_languages()
    lang = load_language(gold["language"]) if supported else None
    found = find_published(gold["text"], gold.get("source_url"), lang)
    got = found[0].isoformat() if found else None
    if got is None and gold.get("published") and not supported:
        pytest.xfail(f"the date is written in {gold['language']!r}, which has no [dates] data yet")
    assert got == gold.get("published")


def test_ingest_corpus_seed_headline_list_is_dropped_from_the_byline_on() -> None:
    gold = _gold(CORPUS / "seeds" / "seed-002.json")
    article = clean_document(Document(id=gold["id"], text=gold["text"]))
    start = gold["text"].index("Autore:")
    assert not article.content()[start:].strip()
    assert article.content()[:start] == gold["text"][:start]


@pytest.mark.parametrize("path", FILES, ids=_ids(FILES))
def test_ingest_corpus_article_body_is_kept(path: Path) -> None:
    gold = _gold(path)
    article = clean_document(Document(id=gold["id"], text=gold["text"], url=gold.get("source_url")))
    longest = max(gold["text"].splitlines(), key=len)
    start = gold["text"].index(longest)
    # Kept as written, or with letters misread as GBK restored (one character for one).
    repaired = repair_mojibake(gold["text"])[start : start + len(longest)]
    assert article.content()[start : start + len(longest)] in (longest, repaired)
