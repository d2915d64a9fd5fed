"""A corpus article wrapped in a page full of chrome gives the same facts as its plain text.

For every English and Italian dev article and every seed, tests/html_chrome.py builds (at test time,
from the corpus read at $TABELLINO_CORPUS or ../shared/corpus) a page with a menu, cookie banner,
share bar, live-score ticker, related-article lists carrying other teams' scores, a sidebar and a
footer (twice: in semantic markup, and in the generated markup of script-built sites where chrome
has no telling tag or class). Reading the page and running the pipeline must give the facts the
plain text gives — matches (teams, score, goals, cards, coaches, competition, stage, venue, ...),
quotes and ties — and none of the chrome's clubs. Dates are left out: the page carries a
publication date that the plain text does not have, which is the point of reading metadata.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from html_chrome import CHROME_CLUBS, LABELS, bare_chrome_page, chrome_page

from tabellino.evaluate import corpus_dir
from tabellino.ingest.html import html_document
from tabellino.models import Document
from tabellino.pipeline import Pipeline

MATCH_KEYS = (
    "home", "away", "home_goals", "away_goals", "half_time", "extra_time", "penalties", "aggregate",
    "competition", "stage", "leg", "venue", "referee", "winner", "advanced", "primary", "coaches", "stats",
)  # fmt: skip
EVENT_SKIP = {"evidence"}
STYLES = ["semantic", "bare"]


def _articles() -> Iterator[Any]:
    """Yield the corpus files to wrap (one skipped case when the corpus is absent)."""
    root = corpus_dir()
    files = sorted((root / "seeds").glob("*.json")) + sorted(
        p for lang in ("en", "it") for p in (root / "dev").glob(f"{lang}-*.json")
    )
    if not files:
        reason = f"corpus not found at {root}; set TABELLINO_CORPUS to the corpus folder"
        yield pytest.param(None, marks=pytest.mark.skip(reason=reason), id="no-corpus")
    yield from (pytest.param(p, id=p.stem) for p in files)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    """Load the real pipeline once."""
    return Pipeline()


def facts(extraction: dict[str, Any]) -> dict[str, list[str]]:
    """Return an extraction's facts without offsets, each as a canonical string, sorted."""
    matches = []
    for m in extraction["matches"]:
        fact = {k: m[k] for k in MATCH_KEYS}
        fact["goals"] = sorted(_event(g) for g in m["goals"])
        fact["red_cards"] = sorted(_event(r) for r in m["red_cards"])
        matches.append(json.dumps(fact, sort_keys=True, ensure_ascii=False))
    quotes = [json.dumps([q["speaker"], q["text"]], ensure_ascii=False) for q in extraction["quotes"]]
    ties = [
        json.dumps([t[k] for k in ("winner", "loser", "competition", "stage")]) for t in extraction["ties"]
    ]
    return {"matches": sorted(matches), "quotes": sorted(quotes), "ties": sorted(ties)}


def _event(event: dict[str, Any]) -> str:
    """Return a goal or card without its evidence as a canonical string."""
    return json.dumps({k: v for k, v in event.items() if k not in EVENT_SKIP}, sort_keys=True)


def page_for(gold: dict[str, Any], style: str) -> bytes:
    """Build the chrome-heavy page around a gold article's text, in semantic or generated markup."""
    if style == "bare":
        return bare_chrome_page(gold["text"], language=gold["language"], title=gold.get("title")).encode()
    published = date.fromisoformat(gold["published"][:10]) if gold.get("published") else None
    page = chrome_page(gold["text"], language=gold["language"], title=gold.get("title"), published=published)
    return page.encode("utf-8")


def differences(plain: dict[str, list[str]], page: dict[str, list[str]]) -> str:
    """Describe the facts only one side has."""
    lines = []
    for kind in plain:
        lines += [f"plain text only: {kind} {f}" for f in plain[kind] if f not in page[kind]]
        lines += [f"page only:       {kind} {f}" for f in page[kind] if f not in plain[kind]]
    return "\n".join(lines)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("path", list(_articles()))
def test_ingest_html_corpus_page_gives_the_plain_text_facts(
    path: Path, style: str, pipeline: Pipeline
) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    url = gold.get("source_url")
    plain = pipeline.process(Document(id=path.stem, text=gold["text"], url=url)).to_json()
    doc = html_document(page_for(gold, style), path.stem, url=url)
    from_page = pipeline.process(doc).to_json()
    assert facts(from_page) == facts(plain), differences(facts(plain), facts(from_page))


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("path", list(_articles()))
def test_ingest_html_corpus_page_chrome_stays_out(path: Path, style: str) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    doc = html_document(page_for(gold, style), path.stem)
    labels = LABELS[gold["language"]]
    for chrome in (
        labels.cookie,
        labels.related,
        labels.live,
        labels.newsletter,
        labels.caption,
        labels.rights,
    ):
        assert chrome not in doc.text
    leaked = [c for pair in CHROME_CLUBS for c in pair if c in doc.text and c not in gold["text"]]
    assert not leaked, f"chrome clubs in the main text: {leaked}"
    assert doc.html_path is not None
