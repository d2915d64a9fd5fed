"""evaluate_dirs reads gold folders, feeds the pipeline only id/text/url, and scores what comes back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabellino.errors import InputError
from tabellino.evaluate import evaluate_dirs, load_gold
from tabellino.models import Article, Document, Extraction, Goal, Match

GOLD_DIR = Path(__file__).parent / "data" / "evaluate_golddir"


class FakePipeline:
    """Answers with fixed matches per article id and remembers the documents it was given."""

    def __init__(self, matches: dict[str, list[Match]], fail: frozenset[str] = frozenset()) -> None:
        self.matches = matches
        self.fail = fail
        self.seen: list[Document] = []

    def process(self, doc: Document) -> Extraction:
        self.seen.append(doc)
        if doc.id in self.fail:
            raise RuntimeError("engine broke")
        article = Article(id=doc.id, text=doc.text, language="en", url=doc.url)
        return Extraction(article=article, matches=self.matches.get(doc.id, []))


def _everton_fulham() -> Match:
    goals = [Goal(team="Everton", scorer="McNeil"), Goal(team="Everton", scorer="McNeil")]
    return Match(home="Everton", away="Fulham", home_goals=2, away_goals=1, primary=True, goals=goals)


def test_evaluate_dirs_reads_only_gold_files() -> None:
    golds = load_gold([GOLD_DIR])
    assert [g.id for g in golds] == ["en-101", "it-101"]


def test_evaluate_dirs_filters_languages() -> None:
    assert [g.id for g in load_gold([GOLD_DIR], languages=["it"])] == ["it-101"]


def test_evaluate_dirs_passes_only_id_text_and_url() -> None:
    fake = FakePipeline({})
    evaluate_dirs([GOLD_DIR], pipeline=fake)
    doc = fake.seen[0]
    gold = json.loads((GOLD_DIR / "en-101.json").read_text(encoding="utf-8"))
    assert (doc.id, doc.text, doc.url) == ("en-101", gold["text"], gold["source_url"])
    assert (doc.language, doc.title, doc.published) == (None, None, None)


def test_evaluate_dirs_scores_the_extraction_contract() -> None:
    report = evaluate_dirs([GOLD_DIR], pipeline=FakePipeline({"en-101": [_everton_fulham()]}))
    assert report.field("results", language="en").f1 == 1.0
    assert report.field("scorers", language="en").f1 == 1.0
    assert report.field("venue", language="en").recall == 0.0
    assert report.field("results", language="it").recall == 0.0
    assert report.field("results").support == 2
    assert report.field("results", directory="evaluate_golddir").recall == 0.5


def test_evaluate_dirs_lists_pipeline_errors_and_continues() -> None:
    fake = FakePipeline({"en-101": [_everton_fulham()]}, fail=frozenset({"it-101"}))
    report = evaluate_dirs([GOLD_DIR], pipeline=fake)
    assert report.errors() == [("it-101", "RuntimeError: engine broke")]
    assert report.field("teams").correct == 1
    assert "engine broke" in report.to_text()


def test_evaluate_dirs_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="gold folder not found"):
        evaluate_dirs([tmp_path / "nowhere"], pipeline=FakePipeline({}))


def test_evaluate_dirs_broken_gold_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json"):
        evaluate_dirs([tmp_path], pipeline=FakePipeline({}))
