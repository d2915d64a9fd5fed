"""Scoring one article's prediction against its gold, field by field, recording every miss.

Matches are paired one to one by their two teams (see :mod:`tabellino.evaluate.matching`). Each
field counts (correct, predicted, gold); precision = correct / predicted, recall = correct / gold.

- ``teams``: matches paired. ``results``: paired matches with the right goals per team (orientation
  free), or the right winner when the gold has only a winner; gold matches stating no result count
  for teams only. ``home_away``: the home side, for gold matches whose home side is certain.
- ``scorers`` (team, surname), ``minutes`` (team, minute, added), ``penalties_own_goals`` (team,
  surname, flag), ``red_cards`` (team, surname), ``coaches`` (team, surname): multisets per paired
  match; the items of unpaired matches are all missed (gold) or all wrong (predicted).
- ``competition``, ``stage``, ``date``, ``venue``, ``leg``: per paired match where either side has
  a value. ``quotes``: same speaker surname and the gold prefix starting the predicted text.
- ``primary``: one per article, right when both name the same teams or both have none.
- ``ties``: (winner, loser) multisets, only for gold articles that list ``ties``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

from tabellino.evaluate.matching import Alignment, align, label, pair_key, result_agrees
from tabellino.evaluate.normalise import TeamKey, fold, quote_text, surname, venue_matches
from tabellino.evaluate.report import ArticleScore, Miss

__all__ = ["score_article"]

MatchDict = Mapping[str, Any]
Item = tuple[Hashable, str]  # (comparison key, text shown in a miss)
ItemsOf = Callable[[MatchDict, TeamKey], list[Item]]
Same = Callable[[Any, Any], bool]


def score_article(
    gold: Mapping[str, Any],
    predicted: Mapping[str, Any],
    key: TeamKey,
    directory: str = "",
) -> ArticleScore:
    """Return the counts and misses of one predicted article (an ``Extraction.to_json()`` dict)."""
    language = str(gold.get("language") or "?")
    art = ArticleScore(id=str(gold.get("id", "")), language=language, directory=directory)
    gm, pm = _dicts(gold.get("matches")), _dicts(predicted.get("matches"))
    al = align(gm, pm, key)
    _teams(art, gm, pm, al)
    _results(art, gm, pm, al, key)
    _home_away(art, gm, pm, al, key)
    for name, items_of in _LIST_FIELDS.items():
        _list_field(art, name, items_of, gm, pm, al, key)
    for name, same in _ATTRIBUTES.items():
        _attribute(art, name, same, gm, pm, al)
    _quotes(art, _dicts(gold.get("quotes")), _dicts(predicted.get("quotes")))
    _primary(art, gm, pm, key)
    if "ties" in gold:
        _ties(art, _dicts(gold.get("ties")), _dicts(predicted.get("ties")), key)
    return art


def _dicts(value: Any) -> list[MatchDict]:
    """Return the mappings in a JSON list (anything else counts as empty)."""
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _teams(art: ArticleScore, gm: Sequence[MatchDict], pm: Sequence[MatchDict], al: Alignment) -> None:
    """Count matches found by their pair of teams."""
    c = art.count("teams")
    c.correct += len(al.pairs)
    c.predicted += len(pm)
    c.gold += len(gm)
    for gi in al.gold_only:
        art.misses.append(_miss(art, "teams", label(gm[gi]), None))
    for pi in al.predicted_only:
        art.misses.append(_miss(art, "teams", None, label(pm[pi])))


def _results(
    art: ArticleScore, gm: Sequence[MatchDict], pm: Sequence[MatchDict], al: Alignment, key: TeamKey
) -> None:
    """Count right results: score per team, or the winner when the gold only states that."""
    c = art.count("results")
    for gi, pi in al.pairs:
        agrees = result_agrees(gm[gi], pm[pi], key)
        if agrees is None:
            continue  # the gold states no result: the match counts for teams only
        c.predicted += 1
        c.gold += 1
        c.correct += agrees
        if not agrees:
            art.misses.append(_miss(art, "results", _result(gm[gi]), _result(pm[pi]), label(gm[gi])))
    for gi in al.gold_only:
        if result_agrees(gm[gi], gm[gi], key) is not None:
            c.gold += 1
            art.misses.append(_miss(art, "results", _result(gm[gi]), None, label(gm[gi])))
    for pi in al.predicted_only:
        c.predicted += 1
        art.misses.append(_miss(art, "results", None, _result(pm[pi]), label(pm[pi])))


def _result(match: MatchDict) -> str:
    """Render a match's result for a miss line."""
    home, away = match.get("home"), match.get("away")
    hg, ag = match.get("home_goals"), match.get("away_goals")
    if hg is not None or ag is not None:
        return f"{home} {_num(hg)}-{_num(ag)} {away}"
    winner = match.get("winner")
    return f"{home} v {away}, winner {winner}" if winner else f"{home} v {away}, no result"


def _num(value: Any) -> str:
    """Render a goal count, ``?`` when unknown."""
    return "?" if value is None else str(value)


def _home_away(
    art: ArticleScore, gm: Sequence[MatchDict], pm: Sequence[MatchDict], al: Alignment, key: TeamKey
) -> None:
    """Count right orientations, only for matches whose gold home side is certain."""
    c = art.count("home_away")
    for gi, pi in al.pairs:
        if gm[gi].get("home_away_certain") is True:
            right = key(gm[gi].get("home")) == key(pm[pi].get("home"))
            c.predicted += 1
            c.gold += 1
            c.correct += right
            if not right:
                art.misses.append(_miss(art, "home_away", label(gm[gi]), label(pm[pi]), label(gm[gi])))
    for gi in al.gold_only:
        if gm[gi].get("home_away_certain") is True:
            c.gold += 1
            art.misses.append(_miss(art, "home_away", label(gm[gi]), None, label(gm[gi])))


def _list_field(
    art: ArticleScore,
    name: str,
    items_of: ItemsOf,
    gm: Sequence[MatchDict],
    pm: Sequence[MatchDict],
    al: Alignment,
    key: TeamKey,
) -> None:
    """Count a per-match multiset field; items of unmatched matches are all missed or all extra."""
    for gi, pi in al.pairs:
        _compare_items(art, name, items_of(gm[gi], key), items_of(pm[pi], key), label(gm[gi]))
    for gi in al.gold_only:
        _compare_items(art, name, items_of(gm[gi], key), [], label(gm[gi]))
    for pi in al.predicted_only:
        _compare_items(art, name, [], items_of(pm[pi], key), label(pm[pi]))


def _compare_items(
    art: ArticleScore, name: str, gold: list[Item], predicted: list[Item], where: str | None
) -> None:
    """Count two multisets of items against each other and record what differs."""
    g, p = Counter(k for k, _ in gold), Counter(k for k, _ in predicted)
    shown = {k: text for k, text in [*predicted, *gold]}
    c = art.count(name)
    c.correct += sum((g & p).values())
    c.predicted += len(predicted)
    c.gold += len(gold)
    for k, n in (g - p).items():
        art.misses.extend([_miss(art, name, shown[k], None, where)] * n)
    for k, n in (p - g).items():
        art.misses.extend([_miss(art, name, None, shown[k], where)] * n)


def _goals(match: MatchDict) -> list[MatchDict]:
    """Return the goals of a match."""
    return _dicts(match.get("goals"))


def _scorers(match: MatchDict, key: TeamKey) -> list[Item]:
    """Return ``(team, scorer surname)`` of every goal."""
    return [((key(g.get("team")), surname(g.get("scorer"))), _who(g, "scorer")) for g in _goals(match)]


def _minutes(match: MatchDict, key: TeamKey) -> list[Item]:
    """Return ``(team, minute, added)`` of every goal with a minute."""
    out: list[Item] = []
    for g in _goals(match):
        minute, added = g.get("minute"), g.get("added") or None
        if minute is not None:
            shown = f"{g.get('team')} {minute}{f'+{added}' if added else ''}'"
            out.append(((key(g.get("team")), minute, added), shown))
    return out


def _flagged(match: MatchDict, key: TeamKey) -> list[Item]:
    """Return ``(team, scorer surname, flag)`` of every penalty and own goal."""
    out: list[Item] = []
    for g in _goals(match):
        for flag in ("penalty", "own_goal"):
            if g.get(flag) is True:
                item = (key(g.get("team")), surname(g.get("scorer")), flag)
                out.append((item, f"{_who(g, 'scorer')} ({flag})"))
    return out


def _red_cards(match: MatchDict, key: TeamKey) -> list[Item]:
    """Return ``(team, player surname)`` of every red card."""
    return [
        ((key(r.get("team")), surname(r.get("player"))), _who(r, "player"))
        for r in _dicts(match.get("red_cards"))
    ]


def _coaches(match: MatchDict, key: TeamKey) -> list[Item]:
    """Return ``(team, coach surname)`` of every coach named for the match."""
    coaches = match.get("coaches")
    if not isinstance(coaches, Mapping):
        return []
    return [
        ((key(team), surname(name)), f"{team}: {name}")
        for team, name in coaches.items()
        if isinstance(name, str)
    ]


def _who(item: MatchDict, person: str) -> str:
    """Render ``team: person`` for a miss line."""
    return f"{item.get('team')}: {item.get(person)}"


_LIST_FIELDS: dict[str, ItemsOf] = {
    "scorers": _scorers,
    "minutes": _minutes,
    "penalties_own_goals": _flagged,
    "red_cards": _red_cards,
    "coaches": _coaches,
}


def _same_folded(gold: Any, predicted: Any) -> bool:
    """Return whether two names agree once folded."""
    return fold(str(gold)) == fold(str(predicted))


def _same_text(gold: Any, predicted: Any) -> bool:
    """Return whether two values agree as text (ISO dates, legs)."""
    return str(gold) == str(predicted)


def _same_venue(gold: Any, predicted: Any) -> bool:
    """Return whether two venue names agree (folded, one containing the other)."""
    return venue_matches(str(gold), str(predicted))


_ATTRIBUTES: dict[str, Same] = {
    "competition": _same_folded,
    "stage": _same_folded,
    "date": _same_text,
    "venue": _same_venue,
    "leg": _same_text,
}


def _attribute(
    art: ArticleScore, name: str, same: Same, gm: Sequence[MatchDict], pm: Sequence[MatchDict], al: Alignment
) -> None:
    """Count one match attribute over matched matches where the gold or the prediction has it."""
    c = art.count(name)
    for gi, pi in al.pairs:
        g, p = gm[gi].get(name), pm[pi].get(name)
        if g is None and p is None:
            continue
        right = g is not None and p is not None and same(g, p)
        c.gold += g is not None
        c.predicted += p is not None
        c.correct += right
        if not right:
            shown = (None if g is None else str(g), None if p is None else str(p))
            art.misses.append(_miss(art, name, *shown, label(gm[gi])))


def _quotes(art: ArticleScore, gold: Sequence[MatchDict], predicted: Sequence[MatchDict]) -> None:
    """Pair quotes one to one: same speaker surname, gold prefix starting the predicted text."""
    c = art.count("quotes")
    c.predicted += len(predicted)
    c.gold += len(gold)
    unused = list(range(len(predicted)))
    for q in gold:
        hit = next((i for i in unused if _quote_matches(q, predicted[i])), None)
        if hit is None:
            art.misses.append(_miss(art, "quotes", _quote(q, "starts_with"), None))
        else:
            unused.remove(hit)
            c.correct += 1
    for i in unused:
        art.misses.append(_miss(art, "quotes", None, _quote(predicted[i], "text")))


def _quote_matches(gold: MatchDict, predicted: MatchDict) -> bool:
    """Return whether a predicted quote is the gold one (speaker surname and text prefix)."""
    if surname(_str(gold.get("speaker"))) != surname(_str(predicted.get("speaker"))):
        return False
    prefix = quote_text(_str(gold.get("starts_with")))
    text = quote_text(_str(predicted.get("text", predicted.get("starts_with"))))
    return bool(prefix) and text.startswith(prefix)


def _str(value: Any) -> str:
    """Return a JSON value as text (None and non-strings as empty)."""
    return value if isinstance(value, str) else ""


def _quote(q: MatchDict, text_key: str) -> str:
    """Render a quote for a miss line, its text cut to a readable length."""
    text = _str(q.get(text_key)) or _str(q.get("starts_with"))
    return f"{q.get('speaker')}: {text[:60]}{'...' if len(text) > 60 else ''}"


def _primary(art: ArticleScore, gm: Sequence[MatchDict], pm: Sequence[MatchDict], key: TeamKey) -> None:
    """Count the article's primary match (or its absence) as right or wrong."""
    g = next((m for m in gm if m.get("primary") is True), None)
    p = next((m for m in pm if m.get("primary") is True), None)
    right = (g is None) == (p is None) and (g is None or pair_key(g, key) == pair_key(p or {}, key))
    c = art.count("primary")
    c.predicted += 1
    c.gold += 1
    c.correct += right
    if not right:
        art.misses.append(_miss(art, "primary", label(g) if g else "none", label(p) if p else "none"))


def _ties(art: ArticleScore, gold: Sequence[MatchDict], predicted: Sequence[MatchDict], key: TeamKey) -> None:
    """Count ``(winner, loser)`` pairs of knockout ties stated without a score."""

    def items(ties: Sequence[MatchDict]) -> list[Item]:
        return [
            ((key(t.get("winner")), key(t.get("loser"))), f"{t.get('winner')} beat {t.get('loser')}")
            for t in ties
        ]

    _compare_items(art, "ties", items(gold), items(predicted), None)


def _miss(
    art: ArticleScore, name: str, expected: str | None, got: str | None, match: str | None = None
) -> Miss:
    """Return a miss of this article."""
    return Miss(article=art.id, field=name, expected=expected, got=got, match=match)
