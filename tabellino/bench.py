"""The benchmark: extraction speed on one core, peak memory and knowledge-base load time.

The corpus is generated from the bundled example articles, varied deterministically (paragraphs
reordered, club names swapped among those the examples name, articles of one language joined to
reach the requested size), so every run on every machine measures the same text.

:func:`run_html_bench` measures the HTML path: the same texts wrapped in the chrome of a football
site (:mod:`tabellino.bench_html`), each page read from its bytes (charset, parse, metadata, chrome
removal, main text) and then cleaned and extracted like plain text.
"""

from __future__ import annotations

import os
import random
import re
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tabellino.models import Document

__all__ = [
    "BenchReport",
    "HtmlBenchReport",
    "example_documents",
    "make_corpus",
    "run_bench",
    "run_html_bench",
]

EXAMPLES = Path(__file__).resolve().parent / "examples"


@dataclass(slots=True)
class BenchReport:
    """The figures of one benchmark run."""

    articles: int
    chars: int
    seconds: float
    kb_seconds: float
    lang_seconds: float
    warmup_seconds: float
    peak_rss_mb: float
    matches: int
    pinned: bool

    @property
    def per_second(self) -> float:
        """Return articles extracted per second."""
        return self.articles / self.seconds if self.seconds > 0 else float("inf")

    def to_text(self) -> str:
        """Return the report as a few readable lines."""
        core = "one process pinned to one core" if self.pinned else "one process (not pinned)"
        avg = self.chars // max(self.articles, 1)
        return "\n".join(
            [
                f"corpus: {self.articles:,} articles, {avg:,} characters on average "
                f"({self.chars / 1e6:.1f} MB), {core}",
                f"knowledge base load: {self.kb_seconds:.2f} s; language data load: "
                f"{self.lang_seconds:.2f} s; first article (warm-up): {self.warmup_seconds:.2f} s",
                f"extraction: {self.seconds:.2f} s = {self.per_second:,.0f} articles/s per core "
                f"({self.chars / 1e6 / self.seconds if self.seconds > 0 else 0:.2f} MB/s)",
                f"matches found: {self.matches:,}",
                f"peak RSS: {self.peak_rss_mb:.0f} MB",
            ]
        )


def example_documents(folder: Path = EXAMPLES) -> list[Document]:
    """Return the bundled example articles as documents."""
    from tabellino.ingest.sources import iter_documents

    return [d for d in iter_documents([str(folder)]) if isinstance(d, Document)]


def make_corpus(
    seeds: Sequence[Document], articles: int, size: int, pools: dict[str, list[str]] | None = None
) -> list[Document]:
    """Return ``articles`` documents of about ``size`` characters built from ``seeds``.

    ``pools`` gives, per language, the club names to swap among (default: those the knowledge base
    finds in the seeds).
    """
    if not seeds:
        return []
    swaps = pools if pools is not None else _swap_pools(seeds)
    return [_variant(seeds, i, size, swaps) for i in range(articles)]


def _variant(seeds: Sequence[Document], i: int, size: int, swaps: dict[str, list[str]]) -> Document:
    """Return variant ``i``: seed ``i`` (then others of its language) reordered, renamed, sized."""
    base = seeds[i % len(seeds)]
    rng = random.Random(i)
    same_language = [d for d in seeds if d.language == base.language]
    start = same_language.index(base)
    paragraphs: list[str] = []
    for k in range(len(same_language) * 4):
        paragraphs += _shuffled(same_language[(start + k) % len(same_language)].text, rng)
        if sum(len(p) + 2 for p in paragraphs) >= size:
            break
    text = _fit("\n\n".join(paragraphs), size)
    text = _rename(text, swaps.get(base.language or "", []), i)
    return Document(id=f"bench-{i:05d}", text=text, published=base.published, url=base.url)


def _shuffled(text: str, rng: random.Random) -> list[str]:
    """Return the paragraphs of ``text``, the lede first and the rest in a random order."""
    parts = [p for p in text.split("\n\n") if p.strip()]
    rest = parts[1:]
    rng.shuffle(rest)
    return parts[:1] + rest


def _fit(text: str, size: int) -> str:
    """Cut ``text`` to about ``size`` characters, at a paragraph or sentence end when one is near."""
    if len(text) <= size:
        return text
    cut = max(text.rfind("\n\n", 0, size), text.rfind(". ", 0, size) + 1)
    return text[: cut if cut > size * 0.8 else size]


def _swap_pools(seeds: Sequence[Document]) -> dict[str, list[str]]:
    """Return, per language, the club names the seeds mention (as written), sorted."""
    from tabellino.kb import KnowledgeBase

    kb = KnowledgeBase.load()
    pools: dict[str, set[str]] = {}
    for doc in seeds:
        found = {m.text for m in kb.find_clubs(doc.text, doc.language or "en") if m.club}
        pools.setdefault(doc.language or "", set()).update(found)
    return {lang: sorted(names) for lang, names in pools.items()}


def _rename(text: str, pool: list[str], shift: int) -> str:
    """Swap club names: each name in ``pool`` becomes the one ``shift`` places after it."""
    if len(pool) < 2 or shift % len(pool) == 0:
        return text
    target = {name: pool[(j + shift) % len(pool)] for j, name in enumerate(pool)}
    names = sorted(pool, key=len, reverse=True)  # longest first, so "Inter Milan" wins over "Inter"
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
    return pattern.sub(lambda m: target[m.group(0)], text)


def _pin_one_core() -> bool:
    """Pin this process to the core it runs on, so the figure is per core; return whether it worked."""
    if not hasattr(os, "sched_setaffinity"):
        return False
    try:
        cores = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cores[0]})
    except OSError:
        return False
    return True


def _peak_rss_mb() -> float:
    """Return the peak resident memory of this process in MB (ru_maxrss is KB on Linux, B on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_bench(articles: int = 1000, size: int = 4000) -> BenchReport:
    """Generate the corpus, load the pipeline, extract every article in one process; report."""
    from tabellino.kb import KnowledgeBase
    from tabellino.lang import load_language
    from tabellino.pipeline import Pipeline

    pinned = _pin_one_core()
    t0 = time.perf_counter()
    KnowledgeBase.load()
    t1 = time.perf_counter()
    pipeline = Pipeline()
    for code in pipeline.languages:
        load_language(code)
    t2 = time.perf_counter()
    corpus = make_corpus(example_documents(), articles, size)
    t3 = time.perf_counter()
    pipeline.process(corpus[0])  # first call imports the components and fills caches
    t4 = time.perf_counter()
    found = sum(len(pipeline.process(doc).matches) for doc in corpus)
    t5 = time.perf_counter()
    return BenchReport(
        articles=len(corpus),
        chars=sum(len(d.text) for d in corpus),
        seconds=t5 - t4,
        kb_seconds=t1 - t0,
        lang_seconds=t2 - t1,
        warmup_seconds=t4 - t3,
        peak_rss_mb=_peak_rss_mb(),
        matches=found,
        pinned=pinned,
    )


@dataclass(slots=True)
class HtmlBenchReport:
    """The figures of one HTML-path benchmark run."""

    pages: int
    page_bytes: int
    html_seconds: float
    extract_seconds: float
    warmup_seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    matches: int
    failed: int
    pinned: bool

    @property
    def per_second(self) -> float:
        """Return pages read and extracted per second (the whole HTML path)."""
        total = self.html_seconds + self.extract_seconds
        return self.pages / total if total > 0 else float("inf")

    def to_text(self) -> str:
        """Return the report as a few readable lines."""
        core = "one process pinned to one core" if self.pinned else "one process (not pinned)"
        total = self.html_seconds + self.extract_seconds
        return "\n".join(
            [
                f"corpus: {self.pages:,} HTML pages, {self.page_bytes // max(self.pages, 1) // 1024:,} KB "
                f"on average ({self.page_bytes / 1e6:.1f} MB), {core}",
                f"first page (warm-up, imports): {self.warmup_seconds:.2f} s",
                f"HTML path: {total:.2f} s = {self.per_second:,.0f} pages/s per core "
                f"(CPU time {self.cpu_seconds:.2f} s = {_rate(self.pages, self.cpu_seconds)} pages/s "
                "per CPU-second: the figure to trust on a busy machine)",
                f"  reading HTML (parse, metadata, chrome, main text): {self.html_seconds:.2f} s "
                f"= {_rate(self.pages, self.html_seconds)} pages/s",
                f"  cleaning and extraction: {self.extract_seconds:.2f} s "
                f"= {_rate(self.pages, self.extract_seconds)} pages/s",
                f"matches found: {self.matches:,}; pages refused: {self.failed:,}",
                f"peak RSS: {self.peak_rss_mb:.0f} MB",
            ]
        )


def _rate(count: int, seconds: float) -> str:
    """Return ``count / seconds`` formatted, or ``inf``."""
    return f"{count / seconds:,.0f}" if seconds > 0 else "inf"


def run_html_bench(pages: int = 500, size: int = 4000) -> HtmlBenchReport:
    """Generate ``pages`` news pages, then read and extract each in one process; report."""
    from tabellino.bench_html import html_corpus
    from tabellino.errors import InputError
    from tabellino.ingest.html import html_document
    from tabellino.pipeline import Pipeline

    pinned = _pin_one_core()
    pipeline = Pipeline()
    corpus = [(p.url, p.html.encode("utf-8")) for p in html_corpus(example_documents(), pages, size)]
    t0 = time.perf_counter()
    pipeline.process(html_document(corpus[0][1], "warm-up", url=corpus[0][0]))
    warmup = time.perf_counter() - t0
    html_seconds = extract_seconds = 0.0
    found = failed = 0
    cpu = time.process_time()
    for i, (url, data) in enumerate(corpus):
        t1 = time.perf_counter()
        try:
            doc = html_document(data, f"page-{i}", url=url, content_type="text/html; charset=utf-8")
        except InputError:
            failed += 1
            continue
        t2 = time.perf_counter()
        found += len(pipeline.process(doc).matches)
        html_seconds += t2 - t1
        extract_seconds += time.perf_counter() - t2
    cpu = time.process_time() - cpu
    return HtmlBenchReport(
        pages=len(corpus),
        page_bytes=sum(len(d) for _, d in corpus),
        html_seconds=html_seconds,
        extract_seconds=extract_seconds,
        warmup_seconds=warmup,
        cpu_seconds=cpu,
        peak_rss_mb=_peak_rss_mb(),
        matches=found,
        failed=failed,
        pinned=pinned,
    )
