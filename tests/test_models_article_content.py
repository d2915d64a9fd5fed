"""An article's content: the text with its dropped spans blanked, same length, line breaks kept."""

from __future__ import annotations

import pytest

from tabellino.models import Article, Span

CASES = [
    ("Match report.\nShare this!\nMore text.", [], "Match report.\nShare this!\nMore text."),
    ("Match report.\nShare this!\nMore text.", [Span(14, 25)], "Match report.\n           \nMore text."),
    ("Ad one\nAd two\nBody", [Span(0, 13)], "      \n      \nBody"),
    ("Body. Ad", [Span(6, 50)], "Body.   "),
    ("abcdef", [Span(1, 4), Span(2, 5)], "a    f"),
    ("abcdef", [Span(3, 3), Span(4, 2)], "abcdef"),
    ("Città è qui", [Span(0, 6)], "      è qui"),
]


@pytest.mark.parametrize(("text", "dropped", "expected"), CASES)
def test_models_article_content_blanks_dropped_spans(text: str, dropped: list[Span], expected: str) -> None:
    """Every dropped character but a line break becomes a space; offsets stay valid."""
    content = Article(id="a", text=text, language="en", dropped=dropped).content()
    assert content == expected
    assert len(content) == len(text)
