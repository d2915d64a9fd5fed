"""The benchmark corpus is generated deterministically: same size, same text on every run."""

from __future__ import annotations

from datetime import date

from tabellino.bench import BenchReport, make_corpus
from tabellino.models import Document

LEDE = "Roma beat Lazio 2-1 in the derby on Sunday."
SEEDS = [
    Document(
        id="a",
        language="en",
        published=date(2026, 1, 12),
        text=f"{LEDE}\n\nDybala scored first.\n\nLazio levelled before the break.\n\nRoma won it late.",
    ),
    Document(
        id="b", language="en", text="Inter drew with Milan.\n\nBoth sides hit the post.\n\nA fair result."
    ),
]
POOLS = {"en": ["Inter", "Lazio", "Milan", "Roma"]}


def test_bench_corpus_is_deterministic_and_sized() -> None:
    first = make_corpus(SEEDS, 20, 150, POOLS)
    second = make_corpus(SEEDS, 20, 150, POOLS)
    assert [d.text for d in first] == [d.text for d in second]
    assert len(first) == 20
    assert all(100 <= len(d.text) <= 150 for d in first)
    assert len({d.id for d in first}) == 20


def test_bench_corpus_varies_names_and_paragraph_order() -> None:
    corpus = make_corpus(SEEDS, 8, 10_000, POOLS)
    assert corpus[0].text.startswith(LEDE)  # variant 0: names kept, lede first
    assert corpus[2].text.startswith("Lazio beat Roma 2-1")  # each club name shifted two places in the pool
    assert len({d.text for d in corpus}) == 8


def test_bench_report_text() -> None:
    report = BenchReport(
        articles=1000,
        chars=4_000_000,
        seconds=2.0,
        kb_seconds=0.5,
        lang_seconds=0.1,
        warmup_seconds=0.05,
        peak_rss_mb=120,
        matches=2500,
        pinned=True,
    )
    text = report.to_text()
    assert "500 articles/s per core" in text
    assert "peak RSS: 120 MB" in text
    assert "knowledge base load: 0.50 s" in text
