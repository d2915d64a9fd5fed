"""Work shared between the components of one doc never leaks stale or foreign mentions."""

from __future__ import annotations

import pytest
from test_extract_quotes_harness import build_doc

from tabellino.extract.doc import PersonMention
from tabellino.extract.lang_patterns import LangPatterns
from tabellino.extract.nearby import TextIndex
from tabellino.extract.quotes import find_quotations
from tabellino.lang import load_language, supported_languages

_CASE = {
    "id": "shared",
    "lang": "en",
    "text": 'Juventus beat Atalanta. Rossi said: "We were better." Conte, the Atalanta coach, left.',
    "people": {"Rossi": "Mario Rossi", "Conte": "Antonio Conte"},
    "clubs": {"Juventus": "Juventus", "Atalanta": "Atalanta"},
    "matches": [["Juventus", "Atalanta", True]],
}


def test_nearby_index_sees_people_replaced_after_it_was_built() -> None:
    """An index built after the doc's people list changes reads the new list, not the old one."""
    doc = build_doc(_CASE)
    assert [p.name for p in TextIndex(doc).people] == ["Mario Rossi", "Antonio Conte"]
    doc.people = [p for p in doc.people if p.name != "Mario Rossi"]
    index = TextIndex(doc)
    assert [p.name for p in index.people] == ["Antonio Conte"]
    assert index.fullest_by_surname() == {"Conte": "Antonio Conte"}


def test_nearby_index_sees_people_added_in_place() -> None:
    """A person appended to the doc's list shows up in the next index, in text order."""
    doc = build_doc(_CASE)
    TextIndex(doc).fullest_by_surname()
    start = doc.text.index("Juventus")
    doc.people.append(PersonMention(start, start + 8, "Juventus", "Juventus Person"))
    index = TextIndex(doc)
    assert [p.name for p in index.people] == ["Juventus Person", "Mario Rossi", "Antonio Conte"]
    assert "Person" in index.fullest_by_surname()


def test_nearby_indexes_of_two_docs_keep_their_own_mentions() -> None:
    """Indexing two docs in turn gives each index the mentions of its own doc."""
    first = build_doc(_CASE)
    second = build_doc({**_CASE, "text": "Conte spoke after Juventus won.", "id": "other"})
    for _ in range(2):
        assert [p.start for p in TextIndex(first).people] == [p.start for p in first.people]
        assert [c.start for c in TextIndex(second).clubs] == [c.start for c in second.clubs]
        assert TextIndex(second).sentences == second.sentences


def test_quotations_are_fresh_objects_on_every_call() -> None:
    """Asking twice for the quotations of a text gives equal ones, none carrying a speaker set before."""
    text = _CASE["text"]
    assert isinstance(text, str)
    lang = load_language("en")
    first = find_quotations(text, lang)
    first[0].speaker = "Mario Rossi"
    second = find_quotations(text, lang)
    assert [(q.start, q.end) for q in second] == [(q.start, q.end) for q in first]
    assert second[0].speaker is None
    assert text[second[0].start : second[0].end] == "We were better."


_ACTS = (
    "Conte sent on Rossi. Conte then made three changes. Conte  lascia in panchina Rossi, "
    "Conte poi effettua il primo cambio. Conte a procédé à un changement. Conte wechselte Rossi ein."
)


@pytest.mark.parametrize("code", supported_languages())
def test_nearby_one_act_regex_finds_what_gap_then_each_key_finds(code: str) -> None:
    """After any name, the one-call act regex gives the act the gap-then-each-key path gives."""
    pats = LangPatterns.of(load_language(code), "coaches")
    acts = pats.after_gap_words(("act_object", "act"))
    for pos in range(len(_ACTS)):
        start = pats.skip_gap_words(_ACTS, pos)
        with_object = pats.get("act_object").match(_ACTS, start)
        alone = None if with_object else pats.get("act").match(_ACTS, start)
        m = acts.match(_ACTS, pos)
        assert (m is not None and m.start("act_object") >= 0) == (with_object is not None)
        if with_object is not None and m is not None:
            assert m.end("act_object") == with_object.end()
        if alone is not None:
            assert m is not None and m.end() == alone.end()
        if with_object is None and alone is None:
            assert m is None
