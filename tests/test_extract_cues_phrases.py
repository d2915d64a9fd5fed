"""Phrase lists of the language data found in text: whole words, longest first, regex companions."""

from __future__ import annotations

from tabellino.extract.cues import find_cues, is_only_cue
from tabellino.lang import LanguageData

LANG = LanguageData(
    "xx",
    {
        "goals": {
            "score_verbs": ["scored", "scored twice", "opened the scoring"],
            "score_verbs_patterns": [r"\bput\s+\w+\s+ahead\b"],
            "multi_goal_words": {"brace": 2, "hat-trick": 3},
        },
        "results": {"coordinators": ["and", "&"]},
    },
)


def _found(text: str, key: str = "score_verbs") -> list[str]:
    return [c.group() for c in find_cues(LANG, "goals", key, text)]


def test_cues_match_whole_words_case_insensitively() -> None:
    assert _found("Rossi SCORED; the rescored tally") == ["SCORED"]


def test_cues_prefer_the_longest_phrase_across_a_line_break() -> None:
    assert _found("Rossi scored\ntwice and opened the scoring") == ["scored\ntwice", "opened the scoring"]


def test_cues_regex_companion_extends_the_list() -> None:
    assert _found("A header put Roma ahead before Rossi scored.") == ["put Roma ahead", "scored"]


def test_cues_table_keys_are_phrases() -> None:
    assert _found("a brace and a hat-trick", "multi_goal_words") == ["brace", "hat-trick"]


def test_cues_long_text_ranges_give_the_same_hits_as_short_texts() -> None:
    sentence = "Rossi scored twice before Bianchi opened the scoring elsewhere. "
    text = sentence * 20
    start = len(sentence) * 7
    got = find_cues(LANG, "goals", "score_verbs", text, start, start + len(sentence))
    assert [(c.start() - start, c.group()) for c in got] == [(6, "scored twice"), (34, "opened the scoring")]


def test_is_only_cue_reads_a_gap_between_two_names() -> None:
    assert is_only_cue(LANG, "results", "coordinators", "  AND ")
    assert not is_only_cue(LANG, "results", "coordinators", " and then ")
