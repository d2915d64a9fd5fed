"""The people scan's shortcuts give what the plain per-sentence scan and window search give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabellino.extract.doc import split_sentences
from tabellino.extract.people import _name_tokens, _sentence_tokens, _token_pattern
from tabellino.extract.people_roles import _role_before, _role_pattern
from tabellino.lang import load_language
from tabellino.models import Span

CASES = json.loads((Path(__file__).parent / "data" / "people_scan_cases.json").read_text("utf-8"))


def _layouts(case: dict[str, object]) -> list[list[Span]]:
    """Return the sentence layouts to try: the text's own sentences and the case's odd cuts."""
    text = str(case["text"])
    cuts = [Span(a, b) for a, b in case["cuts"]]  # type: ignore[attr-defined]
    return [split_sentences(text), cuts, [Span(0, len(text))]]


@pytest.mark.parametrize("case", CASES)
def test_extract_people_scan_tokens_match_sentence_scan(case: dict[str, object]) -> None:
    """One scan of the text yields, per sentence, the tokens of scanning that sentence alone."""
    text = str(case["text"])
    token = _token_pattern(load_language(str(case["lang"])))
    for sentences in _layouts(case):
        fast = [[m.span() for m in ms] for ms in _sentence_tokens(token, text, sentences)]
        plain = [[m.span() for m in token.finditer(text, s.start, s.end)] for s in sentences]
        assert fast == plain


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("code", ["en", "it", "de", "fr", "es", "pt"])
def test_extract_people_scan_split_scan_matches_token_regex(case: dict[str, object], code: str) -> None:
    """The capitals-then-particles scan finds the tokens (span, text, particle mark) of one scan."""
    text = str(case["text"])
    lang = load_language(code)
    token = _token_pattern(lang)
    fast = [(m.span(), m.group(), m.lastindex) for m in _name_tokens(lang, token, text)]
    assert fast == [(m.span(), m.group(), m.lastindex) for m in token.finditer(text)]


@pytest.mark.parametrize("case", CASES)
def test_extract_people_scan_roles_match_window_search(case: dict[str, object]) -> None:
    """The cut role search finds the role word the search of the 40 characters before finds."""
    text = str(case["text"])
    lang = load_language(str(case["lang"]))
    pattern = _role_pattern(lang)
    assert pattern is not None
    longest = max(map(len, lang.mapping("people", "roles")))
    for start in range(len(text) + 1):
        window = text[max(0, start - 40) : start]
        m = pattern.search(window)
        want = None if m is None else (m.group(1), max(0, start - 40) + m.start(1))
        assert _role_before(pattern, longest, text, start) == want
