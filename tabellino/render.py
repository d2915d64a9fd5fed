"""Human-readable output for the command line: rich tables for extractions, matches and tabellini."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tabellino.models import Extraction, Goal, Match, Span
from tabellino.store import Cite, Fact, MatchDetail, MatchSummary

__all__ = ["extraction_view", "match_view", "matches_table"]

_MAX_SENTENCE = 240  # keep evidence lines readable in a terminal


def _score(home_goals: int | None, away_goals: int | None) -> str:
    """Return ``3-0`` or ``-`` when the score is unknown."""
    return "-" if home_goals is None or away_goals is None else f"{home_goals}-{away_goals}"


def _goal(goal: Goal) -> str:
    """Return one goal as ``Scorer 45+2' (pen)``."""
    minute = "" if goal.minute is None else f" {goal.minute}" + (f"+{goal.added}" if goal.added else "") + "'"
    marks = [m for m, on in (("pen", goal.penalty), ("og", goal.own_goal)) if on]
    return f"{goal.scorer or '?'}{minute}" + (f" ({', '.join(marks)})" if marks else "")


def _match_row(match: Match) -> list[str]:
    """Return the table cells of one extracted match."""
    result = _score(match.home_goals, match.away_goals)
    if result == "-" and match.winner:
        result = f"won by {match.winner}" if match.winner != "draw" else "draw"
    stage = ", ".join(x for x in (match.competition, match.stage) if x)
    scorers = "; ".join(_goal(g) for g in match.goals)
    return [
        ("* " if match.primary else "") + match.home,
        result,
        match.away,
        stage,
        match.date.isoformat() if match.date else "",
        scorers,
    ]


def extraction_view(extraction: Extraction) -> RenderableType:
    """Return an article's extraction as a titled table of matches, then its quotes and ties."""
    art = extraction.article
    head = f"{art.id} [{art.language}]" + (f" {art.published.isoformat()}" if art.published else "")
    table = Table(title=head + (f"\n{art.title}" if art.title else ""), title_justify="left", expand=False)
    for name in ("home", "score", "away", "competition", "date", "goals"):
        table.add_column(name, overflow="fold")
    for match in extraction.matches:
        table.add_row(*_match_row(match))
    parts: list[RenderableType] = [table if extraction.matches else Text(f"{head}: no match results found")]
    parts += [Text(f'  quote  {q.speaker}: "{_cut(q.text)}"') for q in extraction.quotes]
    parts += [
        Text(f"  tie    {t.winner} beat {t.loser}" + _where(t.competition, t.stage)) for t in extraction.ties
    ]
    return Group(*parts)


def _where(competition: str | None, stage: str | None) -> str:
    """Return `` (competition, stage)`` or nothing."""
    known = [x for x in (competition, stage) if x]
    return f" ({', '.join(known)})" if known else ""


def _cut(text: str, limit: int = _MAX_SENTENCE) -> str:
    """Return text on one line, shortened with an ellipsis past ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def matches_table(rows: list[MatchSummary]) -> Table:
    """Return the match list as a table."""
    table = Table(title=f"{len(rows)} match(es)", title_justify="left")
    for name, justify in (("id", "right"), ("date", "left"), ("competition", "left"), ("home", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    table.add_column("score", justify="center")
    table.add_column("away")
    table.add_column("sources", justify="right")
    for m in rows:
        stage = ", ".join(x for x in (m.competition, m.stage) if x)
        sources = str(m.sources) + (
            f" ({m.conflicts} conflict{'s' * (m.conflicts > 1)})" if m.conflicts else ""
        )
        table.add_row(
            str(m.id), m.date.isoformat() if m.date else "?", stage, m.home, m.score, m.away, sources
        )
    return table


def _facts_table(title: str, facts: list[Fact]) -> Table:
    """Return one section of a tabellino: each value with the sentence(s) stating it."""
    table = Table(title=title, title_justify="left", show_header=False, expand=True)
    table.add_column("what", style="bold", no_wrap=True)
    table.add_column("value", ratio=1)
    table.add_column("stated in", ratio=2)
    for fact in facts:
        table.add_row(fact.label, fact.value, _cites_text(fact.cites))
    return table


def _cites_text(cites: list[Cite]) -> Text:
    """Return the evidence of a fact: ``[article] sentence`` per distinct sentence, the words in bold."""
    out = Text(style="dim")
    seen: set[tuple[int, int, int]] = set()
    for cite in cites:
        key = (cite.article_id, cite.sentence_start, len(cite.sentence))
        if key in seen:
            continue  # one line per sentence; its other spans are in it already
        seen.add(key)
        spans = [c.within for c in cites if (c.article_id, c.sentence_start, len(c.sentence)) == key]
        if out:
            out.append("\n")
        out.append(f"[{cite.article_id}{', derived' if cite.derived else ''}] ")
        out.append_text(_excerpt(cite.sentence, spans))
    return out if out else Text("-", style="dim")


def _excerpt(sentence: str, spans: list[Span], limit: int = _MAX_SENTENCE) -> Text:
    """Return the sentence with the cited words in bold, cut to ``limit`` characters around them."""
    lo, hi = 0, len(sentence)
    if hi > limit:
        middle = (min(s.start for s in spans) + max(s.end for s in spans)) // 2
        lo = max(0, min(middle - limit // 2, hi - limit))
        hi = lo + limit
        first, last = min(s.start for s in spans), max(s.end for s in spans)
        # Cut between words, never into the cited words themselves.
        if lo > 0 and (space := sentence.find(" ", lo, first)) >= 0:
            lo = space + 1
        if hi < len(sentence) and (space := sentence.rfind(" ", last, hi)) > 0:
            hi = space
    text = Text(("…" if lo > 0 else "") + sentence[lo:hi] + ("…" if hi < len(sentence) else ""))
    shift = 1 if lo > 0 else 0
    for span in spans:
        start, end = max(span.start, lo) - lo + shift, min(span.end, hi) - lo + shift
        if end > start:
            text.stylize("bold not dim", start, end)
    return text


def _quotes_table(quotes: list[Fact]) -> Table:
    """Return the quotes: speaker and words, with the article they are from."""
    table = Table(title="Quotes", title_justify="left", show_header=False, expand=True)
    table.add_column("speaker", style="bold", no_wrap=True)
    table.add_column("quote")
    for quote in quotes:
        articles = sorted({c.article_id for c in quote.cites})
        source = f" [{', '.join(map(str, articles))}]" if articles else ""
        table.add_row(quote.label, f"“{quote.value}”{source}")
    return table


def match_view(detail: MatchDetail) -> RenderableType:
    """Return a match's tabellino: header, values with evidence, sources and conflicts."""
    s = detail.summary
    head = Text(f"Match {s.id}: {s.home} {s.score} {s.away}", style="bold")
    parts: list[RenderableType] = [head, _facts_table("Match", detail.fields)]
    for title, facts in (
        ("Goals", detail.goals),
        ("Red cards", detail.cards),
        ("Coaches", detail.coaches),
        ("Stats", detail.stats),
    ):
        if facts:
            parts.append(_facts_table(title, facts))
    if detail.quotes:
        parts.append(_quotes_table(detail.quotes))
    parts.append(_sources_table(detail))
    if detail.conflicts:
        lines = [f"  {field}: {value} (article {aid})" for field, value, aid in detail.conflicts]
        parts.append(Text("Conflicts (sources disagree; all values kept):\n" + "\n".join(lines)))
    return Group(*parts)


def _sources_table(detail: MatchDetail) -> Table:
    """Return the articles that report the match."""
    table = Table(title=f"Sources ({len(detail.sources)})", title_justify="left")
    for name in ("article", "published", "lang", "says", "title / url"):
        table.add_column(name, overflow="fold")
    for src in detail.sources:
        label = " | ".join(x for x in (src.outlet, src.title, src.url) if x) or "-"
        when = src.published.isoformat() if src.published else "?"
        table.add_row(str(src.article_id), when, src.language, src.says, label)
    return table
