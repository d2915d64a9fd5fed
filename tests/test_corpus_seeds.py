"""The pipeline extracts the facts the seed articles state (tests/data/evaluate_seed_facts.json).

Reads the corpus from $TABELLINO_CORPUS (or the configured corpus folder, ../shared/corpus) and
skips when it is absent. The pipeline sees only id, text and URL, as in ``tabellino eval``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from tabellino.evaluate import corpus_dir, kb_team_key, load_gold
from tabellino.evaluate.gold import to_document
from tabellino.evaluate.matching import pair_key, team_goals
from tabellino.evaluate.normalise import TeamKey, fold, surname, venue_matches

FACTS: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).parent / "data" / "evaluate_seed_facts.json").read_text(encoding="utf-8")
)["seeds"]
ATTRIBUTES = ("primary", "score_derived", "competition", "stage", "date", "venue", "leg", "goals", "coaches")


def _match_cases() -> Iterator[tuple[str, int, str]]:
    """Yield (seed, expected match index, aspect) for every fact listed for a match."""
    for seed, facts in FACTS.items():
        for i, expected in enumerate(facts["matches"]):
            yield seed, i, "result"
            yield seed, i, "orientation"
            yield from ((seed, i, a) for a in ATTRIBUTES if a in expected)


@pytest.fixture(scope="module")
def extractions() -> dict[str, dict[str, Any]]:
    """Run the real pipeline once over every seed article."""
    seeds = corpus_dir() / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"seed corpus not found at {seeds}; set TABELLINO_CORPUS to the corpus folder")
    from tabellino.pipeline import Pipeline

    pipeline = Pipeline()
    return {g.id: pipeline.process(to_document(g)).to_json() for g in load_gold([seeds])}


@pytest.fixture(scope="module")
def key() -> TeamKey:
    """Compare teams as the evaluation does."""
    return kb_team_key()


@pytest.mark.parametrize(("seed", "index", "aspect"), list(_match_cases()))
def test_corpus_seeds_match_fact(
    extractions: dict[str, dict[str, Any]], key: TeamKey, seed: str, index: int, aspect: str
) -> None:
    expected = FACTS[seed]["matches"][index]
    predicted = _find_match(extractions[seed], expected, key)
    assert _CHECKS[aspect](expected, predicted, key), (
        f"{seed} {expected['home']} v {expected['away']}: {aspect} expected {_expected(expected, aspect)}, "
        f"got:\n{_describe(extractions[seed])}"
    )


@pytest.mark.parametrize("seed", [s for s, f in FACTS.items() if "quote_speakers" in f])
def test_corpus_seeds_quote_speakers(extractions: dict[str, dict[str, Any]], seed: str) -> None:
    got = {surname(q.get("speaker")) for q in extractions[seed]["quotes"]}
    assert got == {surname(s) for s in FACTS[seed]["quote_speakers"]}, _describe(extractions[seed])


@pytest.mark.parametrize("seed", [s for s, f in FACTS.items() if "ties" in f])
def test_corpus_seeds_ties(extractions: dict[str, dict[str, Any]], key: TeamKey, seed: str) -> None:
    got = Counter((key(t.get("winner")), key(t.get("loser"))) for t in extractions[seed]["ties"])
    assert got == Counter((key(w), key(lo)) for w, lo in FACTS[seed]["ties"]), _describe(extractions[seed])


@pytest.mark.parametrize("seed", [s for s, f in FACTS.items() if f.get("only_these_matches")])
def test_corpus_seeds_no_match_from_page_chrome(
    extractions: dict[str, dict[str, Any]], key: TeamKey, seed: str
) -> None:
    got = {pair_key(m, key) for m in extractions[seed]["matches"]}
    assert got == {pair_key(m, key) for m in FACTS[seed]["matches"]}, _describe(extractions[seed])


def _find_match(extraction: Mapping[str, Any], expected: Mapping[str, Any], key: TeamKey) -> dict[str, Any]:
    """Return the predicted match with the expected teams, failing the test when there is none."""
    wanted = pair_key(expected, key)
    for match in extraction["matches"]:
        if pair_key(match, key) == wanted:
            return dict(match)
    pytest.fail(
        f"{extraction['id']}: no match {expected['home']} v {expected['away']}; "
        f"got:\n{_describe(extraction)}",
        pytrace=False,
    )


def _check_result(expected: Mapping[str, Any], predicted: Mapping[str, Any], key: TeamKey) -> bool:
    return team_goals(predicted, key) == team_goals(expected, key)


def _check_orientation(expected: Mapping[str, Any], predicted: Mapping[str, Any], key: TeamKey) -> bool:
    return key(predicted.get("home")) == key(expected["home"])


def _check_primary(expected: Mapping[str, Any], predicted: Mapping[str, Any], key: TeamKey) -> bool:
    return predicted.get("primary") is expected["primary"]


def _check_derived(expected: Mapping[str, Any], predicted: Mapping[str, Any], key: TeamKey) -> bool:
    return ("score" in predicted.get("derived", [])) is expected["score_derived"]


def _check_folded(name: str) -> Any:
    def check(expected: Mapping[str, Any], predicted: Mapping[str, Any], key: TeamKey) -> bool:
        return predicted.get(name) is not None and fold(str(predicted[name])) == fold(str(expected[name]))

    return check


def _check_venue(expected: Mapping[str, Any], predicted: Mapping[str, Any], key: TeamKey) -> bool:
    return predicted.get("venue") is not None and venue_matches(expected["venue"], str(predicted["venue"]))


def _check_goals(expected: Mapping[str, Any], predicted: Mapping[str, Any], key: TeamKey) -> bool:
    """Every expected goal pairs with one predicted goal agreeing on the listed keys, and no more goals."""
    left = list(predicted.get("goals", []))
    for goal in expected["goals"]:
        hit = next((g for g in left if _same_goal(goal, g, key)), None)
        if hit is None:
            return False
        left.remove(hit)
    return not left


def _same_goal(expected: Mapping[str, Any], predicted: Mapping[str, Any], key: TeamKey) -> bool:
    return (
        key(predicted.get("team")) == key(expected["team"])
        and surname(predicted.get("scorer")) == surname(expected["scorer"])
        and all(predicted.get(k) == expected[k] for k in ("minute", "penalty", "own_goal") if k in expected)
    )


def _check_coaches(expected: Mapping[str, Any], predicted: Mapping[str, Any], key: TeamKey) -> bool:
    got = {key(team): surname(name) for team, name in (predicted.get("coaches") or {}).items()}
    return got == {key(team): surname(name) for team, name in expected["coaches"].items()}


_CHECKS: dict[str, Any] = {
    "result": _check_result,
    "orientation": _check_orientation,
    "primary": _check_primary,
    "score_derived": _check_derived,
    "competition": _check_folded("competition"),
    "stage": _check_folded("stage"),
    "date": _check_folded("date"),
    "venue": _check_venue,
    "leg": _check_folded("leg"),
    "goals": _check_goals,
    "coaches": _check_coaches,
}


def _expected(expected: Mapping[str, Any], aspect: str) -> str:
    """Render what an aspect expects, for the failure message."""
    if aspect == "result":
        return f"{expected['home']} {expected['home_goals']}-{expected['away_goals']} {expected['away']}"
    if aspect == "orientation":
        return f"{expected['home']} at home"
    return json.dumps(expected.get(aspect), ensure_ascii=False)


def _describe(extraction: Mapping[str, Any]) -> str:
    """Render the predicted matches, quotes and ties briefly, for failure messages."""
    lines = []
    for m in extraction.get("matches", []):
        goals = ", ".join(
            f"{g.get('scorer')} {g.get('minute')}{' pen' if g.get('penalty') else ''}"
            for g in m.get("goals", [])
        )
        lines.append(
            f"  {m.get('home')} {m.get('home_goals')}-{m.get('away_goals')} {m.get('away')}"
            f"{' [primary]' if m.get('primary') else ''} comp={m.get('competition')} stage={m.get('stage')}"
            f" leg={m.get('leg')} date={m.get('date')} venue={m.get('venue')} derived={m.get('derived')}"
            f" goals=[{goals}] coaches={m.get('coaches')}"
        )
    lines += [f"  quote {q.get('speaker')}: {str(q.get('text'))[:50]}" for q in extraction.get("quotes", [])]
    lines += [f"  tie {t.get('winner')} beat {t.get('loser')}" for t in extraction.get("ties", [])]
    return "\n".join(lines) or "  (nothing)"
