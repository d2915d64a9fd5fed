"""The alternatives of a regex's outermost union are read from its source, under their zero-width prefix."""

from __future__ import annotations

import re

import pytest

from tabellino.lang.regex_source import flat_branches, flat_pieces, outer_branches


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\b(?=[qs])(?:quarti|semi)", (r"\b(?=[qs])", ["quarti", "semi"])),
        (r"(?=[ab])(?:(?<!\w)(?:a\(|[|)]b|c))", (r"(?=[ab])(?<!\w)", [r"a\(", "[|)]b", "c"])),
        (r"(?P<x>a|b)c", ("", [r"(?P<x>a|b)c"])),
        (r"(?i:a|b)", ("", [r"(?i:a|b)"])),
        (r"(a)|(b)", ("", ["(a)", "(b)"])),
        ("plain", ("", ["plain"])),
    ],
)
def test_outer_branches_splits_the_outermost_union(source: str, expected: tuple[str, list[str]]) -> None:
    """Escapes, classes holding "|" or ")" and inner groups do not split; flag groups are not opened."""
    assert outer_branches(source) == expected


def test_flat_branches_open_inner_unions_and_keep_their_prefixes() -> None:
    """Each piece keeps the zero-width prefixes above it and together they match where the source does."""
    source = r"(?P<a>\b(?:x+|y))|z"
    pieces = flat_branches(source)
    assert pieces == [r"\bx+", r"\by", "z"]
    text = "ax x yy z xyz"
    starts = {m.start() for m in re.finditer(source, text)}
    assert starts <= {m.start() for p in pieces for m in re.finditer(p, text)}


@pytest.mark.parametrize(
    "source",
    [
        r"(?P<a>\b(?:x+|y))|z",
        r"\b(?=[qs])(?:(?P<a0>\bquarti\b)|(?P<a1>(?<!\w)semi(?:finale|\s+finale)))",
        r"(?=[ab])(?:(?<!\w)(?:a\(|[|)]b|c))",
        "plain",
    ],
)
def test_flat_pieces_are_the_flat_branches_split_after_their_prefix(source: str) -> None:
    """Joined back, the pieces are the flat branches."""
    assert [prefix + rest for prefix, rest in flat_pieces(source)] == flat_branches(source)


def test_flat_pieces_keep_the_zero_width_prefixes_apart() -> None:
    """The rest of a piece is the alternative as written inside its union, without what precedes it."""
    assert flat_pieces(r"(?P<a>\b(?:x+|y))|z") == [("\\b", "x+"), ("\\b", "y"), ("", "z")]
