"""The doc's sentence split and look-ups: breaks where sentences end, answers that stay current."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tabellino.extract.doc import Doc, split_sentences
from tabellino.kb import ClubMention, KnowledgeBase
from tabellino.kb.base import Club
from tabellino.lang import load_language
from tabellino.models import Article, Span

CASES = json.loads((Path(__file__).parent / "data" / "doc_sentence_cases.json").read_text("utf-8"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["text"])[:30])
def test_extract_doc_sentences_split_at_sentence_ends(case: dict[str, object]) -> None:
    """Sentences end at punctuation before a capital (a closing quote joins the break) and at line ends."""
    text = str(case["text"])
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == case["sentences"]


class _Clubs(KnowledgeBase):
    """A knowledge base of two clubs that counts how often a club is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0
        self._clubs = {"a": Club("a", "Alpha", "it"), "b": Club("b", "Beta", "it")}

    def club(self, club_id: str) -> Club:
        self.asked += 1
        return self._clubs[club_id]


def _doc(text: str, kb: KnowledgeBase | None = None) -> Doc:
    """Return a doc over ``text`` (English)."""
    article = Article(id="t", text=text, language="en")
    return Doc.create(article, load_language("en"), kb or _Clubs())


def test_extract_doc_sentence_of_follows_a_new_sentence_list() -> None:
    """``sentence_of`` answers from the doc's current sentences, also after they are replaced."""
    doc = _doc("One here. Two there. Three.")
    assert doc.sentence_of(12) == Span(10, 20)
    assert doc.sentence_of(0) == Span(0, 9)
    doc.sentences = [Span(0, 20), Span(21, 27)]
    assert doc.sentence_of(12) == Span(0, 20)
    assert doc.sentence_of(25) == Span(21, 27)
    doc.sentences = []
    assert doc.sentence_of(3) == Span(0, len(doc.text))


def test_extract_doc_in_quote_only_inside_quotations() -> None:
    """``in_quote`` is true inside a quotation only, and false in a text with none."""
    text = 'He said "we played well" and left.'
    doc = _doc(text)
    inside = text.index("played")
    assert doc.in_quote(inside)
    assert not doc.in_quote(text.index("left"))
    assert not doc.in_quote(0)
    assert not _doc("No quotation at all.").in_quote(5)


def test_extract_doc_club_name_asks_the_knowledge_base_once_per_club() -> None:
    """A club's canonical name is read from the knowledge base once per doc, then remembered."""
    kb = _Clubs()
    doc = _doc("Alpha beat Beta.", kb)
    assert [doc.club_name(c) for c in ("a", "b", "a", "a")] == ["Alpha", "Beta", "Alpha", "Alpha"]
    assert kb.asked == 2


def test_kb_club_mention_club_is_the_one_candidate() -> None:
    """A mention stands for its club when it has one candidate, for none when it has several."""
    one = ClubMention(0, 5, "Alpha", ("a",))
    several = ClubMention(0, 5, "Alpha", ("a", "b"), "nickname")
    assert one.club == "a"
    assert several.club is None
    assert ClubMention(0, 0, "", ()).club is None
    assert one == ClubMention(0, 5, "Alpha", ("a",))
    assert hash(one) == hash(ClubMention(0, 5, "Alpha", ("a",)))
    assert "club=" not in repr(one)
