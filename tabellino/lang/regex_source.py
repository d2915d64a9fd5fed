"""Read the top-level structure of a regex's source text: its alternatives and zero-width prefix.

The regexes tabellino builds are unions: ``(?=[ab])(?:A|B|C)`` (a first-character look-ahead before
the alternatives), ``\\b(?:...)``, ``(?<!\\w)(?:...)``. :func:`outer_branches` finds the alternatives
``A``, ``B``, ``C`` under such a prefix so that each can be looked at alone. It reads the source
character by character (escapes, character classes and groups) and never changes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

__all__ = ["flat_branches", "flat_pieces", "outer_branches"]

_ZERO_WIDTH_GROUPS = ("(?=", "(?!", "(?<=", "(?<!")
_ZERO_WIDTH_ESCAPES = ("\\b", "\\B", "\\A")
_DESCEND = ("(?:", "(?P<")


def outer_branches(source: str) -> tuple[str, list[str]]:
    """Return the zero-width prefix of ``source`` and the alternatives of its outermost union.

    ``\\b(?=[qs])(?:quarti|semi)`` gives ("\\b(?=[qs])", ["quarti", "semi"]); a source that is not a
    union gives ("", [source]). Any match of ``prefix + (?:branch)`` for some branch is a match of
    the source starting at the same place, and the other way round.
    """
    prefix = ""
    body = source
    while True:
        branches = _split_top(body)
        if len(branches) > 1:
            return prefix, branches
        cut = _zero_width_end(body)
        rest = body[cut:]
        inner = _single_group_body(rest)
        if inner is None:
            return prefix, [body]
        prefix += body[:cut]
        body = inner


def flat_branches(source: str) -> list[str]:
    """Return regexes whose matches, together, start where matches of ``source`` can start.

    The unions inside the outermost one are opened too, each alternative keeping the zero-width
    prefixes above it: ``(?P<a>\b(?:x|y))|z`` gives ``\bx``, ``\by``, ``z``. Groups and their names
    are lost: the pieces say where a match starts, not what it captures.
    """
    return [prefix + piece for prefix, piece in flat_pieces(source)]


def flat_pieces(source: str) -> list[tuple[str, str]]:
    """Return the regexes of :func:`flat_branches`, each split into its zero-width prefix and the rest.

    ``(?P<a>\b(?:x|y))|z`` gives ("\b", "x"), ("\b", "y"), ("", "z"). The rest of a piece does not
    depend on the union it was taken from, so what is read from it can be remembered.
    """
    prefix, branches = outer_branches(source)
    if len(branches) == 1:
        return [(prefix, branches[0])]
    return [(prefix + above, piece) for branch in branches for above, piece in _pieces(branch)]


@lru_cache(maxsize=4096)
def _pieces(source: str) -> tuple[tuple[str, str], ...]:
    """Return :func:`flat_pieces` of one alternative (remembered: unions of subsets share them)."""
    return tuple(flat_pieces(source))


def _single_group_body(source: str) -> str | None:
    """Return the inside of ``source`` when it is one plain or named group and nothing else."""
    if not source.startswith("(") or _group_end(source, 0) != len(source):
        return None
    if source.startswith("(?:"):
        return source[3:-1]
    if source.startswith("(?P<"):
        return source[source.index(">") + 1 : -1]
    if not source.startswith("(?"):
        return source[1:-1]
    return None  # flags, look-arounds, conditionals: not a plain group


def _zero_width_end(source: str) -> int:
    """Return where the leading run of zero-width items (``\\b``, look-arounds, ``^``) ends."""
    i = 0
    while i < len(source):
        if source.startswith(_ZERO_WIDTH_ESCAPES, i):
            i += 2
        elif source.startswith("^", i):
            i += 1
        elif source.startswith(_ZERO_WIDTH_GROUPS, i):
            i = _group_end(source, i)
        else:
            break
    return i


def _split_top(source: str) -> list[str]:
    """Split ``source`` at its top-level ``|`` (outside groups and character classes)."""
    parts: list[str] = []
    start = 0
    for i, ch, depth in _structure(source, 0):
        if ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    parts.append(source[start:])
    return parts


def _group_end(source: str, i: int) -> int:
    """Return the index just past the group opening at ``source[i]`` (``len(source)`` if unclosed)."""
    for j, ch, depth in _structure(source, i):
        if ch == ")" and depth == 0:
            return j + 1
    return len(source)


def _structure(source: str, i: int) -> Iterator[tuple[int, str, int]]:
    """Yield (offset, character, depth after it) of each parenthesis and bar from ``i`` on.

    Escaped characters and character classes are skipped: ``\\(`` and ``[|)]`` are not structure.
    """
    depth = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(source, i)
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch in "()|":
            yield i, ch, depth
        i += 1


def _class_end(source: str, i: int) -> int:
    """Return the index just past the character class opening at ``source[i]``."""
    j = i + 1
    if j < len(source) and source[j] == "^":
        j += 1
    if j < len(source) and source[j] == "]":
        j += 1  # a "]" first in a class is a literal
    while j < len(source):
        if source[j] == "\\":
            j += 2
            continue
        if source[j] == "]":
            return j + 1
        j += 1
    return len(source)
