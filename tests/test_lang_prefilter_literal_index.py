"""One automaton pass tells every gate of a text what the literal-by-literal test tells.

:class:`tabellino.lang.prefilter.LiteralIndex` answers the gates of all scanners of a doc text from
one pass; it must answer exactly as :func:`tabellino.lang.prefilter.holds`, also for short texts,
for short literals, and after new gates registered more literals than the remembered text was
searched for.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tabellino.lang.prefilter import LiteralIndex, holds

_WORDS = st.text(alphabet="abcdè ", min_size=1, max_size=5)
_GATES = st.lists(st.frozensets(_WORDS, min_size=1, max_size=4), min_size=0, max_size=4).map(tuple)


@settings(max_examples=300, deadline=None)
@given(gates=st.lists(_GATES, min_size=1, max_size=4), text=st.text(alphabet="abcdè x", max_size=60))
def test_literal_index_answers_as_holds(gates: list[tuple[frozenset[str], ...]], text: str) -> None:
    """Long and short texts, long and short literals: the same answer for every gate."""
    index = LiteralIndex()
    for folded in (text, text * 12):  # below and above the length searched with the automaton
        for gate in gates:
            assert index.holds(index.split(gate), folded) == holds(gate, folded)


def test_literal_index_searches_again_for_literals_registered_later() -> None:
    """A gate registered after the text was searched still finds its literals in that text."""
    index = LiteralIndex()
    folded = "the first leg ended level and the second leg decided it. " * 10
    first = index.split((frozenset({"first"}),))
    assert index.holds(first, folded)
    later = index.split((frozenset({"second"}), frozenset({"decided"})))
    assert index.holds(later, folded)
    assert not index.holds(index.split((frozenset({"replay"}),)), folded)


def test_literal_index_finds_literals_inside_longer_ones() -> None:
    """Overlapping literals ("final" inside "semifinale") are all found."""
    index = LiteralIndex()
    parts = index.split((frozenset({"semifinale"}), frozenset({"final"}), frozenset({"inal"})))
    assert index.holds(parts, "la semifinale di andata. " * 20)
