"""Read a result between clubs the knowledge base does not know ("Villanueva won away at Tomelloso").

Lower divisions and regional football name clubs no club list holds. Such a club is accepted
only where the language itself marks a club and a result together: the host named right after a
phrase that only a club can follow ("en su visita al X": the article of the contraction makes X
a club, not a town), the visitor as the subject opening the sentence, outcome words of one kind
after it, both names written at least twice in the article, and the visitor written as a club
once more (after a club's article, or right before an outcome word as in a headline), since a
sentence may open with a player. A name the squads list as a player, a known word, competition
or venue is never a club. A club found this way gets the id ``local:<name>`` (see
:func:`results_base.club_label`) and keeps its name as written. Only languages whose data has
``results.local_club_markers`` use this.
"""

from __future__ import annotations

import re
from functools import cache

from tabellino.extract.cues import Cue, find_cues
from tabellino.extract.doc import Doc
from tabellino.extract.results_base import LOCAL_PREFIX, StatedResult, is_infinitive, outcome_cue
from tabellino.kb import ClubMention
from tabellino.lang import LanguageData
from tabellino.models import Span

__all__ = ["local_results", "name_offsets"]

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_OPENING = re.compile(r"[\s\"'“”«»‘’¿¡(—–-]*")
_MAX_WORDS = 4
_MIN_MENTIONS = 2


def local_results(doc: Doc, told: list[StatedResult]) -> list[StatedResult]:
    """Return the results between clubs unknown to the KB, from sentences no other finder read."""
    if not doc.lang.words("results", "local_club_markers"):
        return []
    spans = [span for r in told for span in r.spans.values()]
    out: list[StatedResult] = []
    for cue in find_cues(doc.lang, "results", "local_club_markers", doc.text):
        sent = doc.sentence_of(cue.start())
        if doc.in_quote(cue.start()) or any(sent.start <= s.start < sent.end for s in spans):
            continue
        found = _local_result(doc, cue, sent)
        if found is not None:
            out.append(found)
            spans.extend(found.spans.values())
    return out


def _local_result(doc: Doc, marker: Cue, sent: Span) -> StatedResult | None:
    """Return "<visitor> ... <outcome> ... <marker> <host>" as a result, when both sides are clubs."""
    host = _name_at(doc, marker.end(), sent.end)
    visitor = _name_at(doc, sent.start, marker.start())
    if host is None or visitor is None:
        return None
    outcome = outcome_cue(doc, visitor.end, sent.end)
    if outcome is None or _future(doc, sent.start, outcome[1]) or is_infinitive(doc, outcome[1]):
        return None
    home, away = _club_id(doc, host), _club_id(doc, visitor)
    if home is None or away is None or home == away or not (_is_local(home) or _is_local(away)):
        return None
    if _is_local(away) and not _club_marked_elsewhere(doc, visitor):
        return None  # a sentence's subject may be a person: it must be written as a club once more
    kind, cue = outcome
    winner = {"win": away, "loss": home}.get(kind, "draw")
    spans = {"home": host, "away": visitor, "winner": Span(cue.start(), cue.end())}
    return StatedResult(home, away, None, None, True, spans, winner=winner)


def _future(doc: Doc, lo: int, cue: Cue) -> bool:
    """Return whether the outcome is still to come ("aspira a ganar en su visita al X")."""
    return bool(find_cues(doc.lang, "results", "future_markers", doc.text, lo, cue.start()))


def _name_at(doc: Doc, start: int, end: int) -> Span | None:
    """Return the capitalised name written at ``start`` (a club's article before it skipped)."""
    words: list[re.Match[str]] = []
    opening = _OPENING.match(doc.text, start, end)
    pos = opening.end() if opening else start
    while len(words) < _MAX_WORDS:
        m = _WORD.match(doc.text, pos, end)
        if m is None or not m.group()[0].isupper():
            break
        words.append(m)
        pos = m.end() + 1
        if doc.text[m.end() : pos] != " ":
            break
    if words and words[0].group().lower() in _club_articles(doc.lang):
        words = words[1:]
    if not words:
        return None
    return Span(words[0].start(), words[-1].end())


def _club_id(doc: Doc, span: Span) -> str | None:
    """Return the KB club written at ``span``, else a local id when the name may be a club's."""
    known = [c for c in doc.clubs if c.start < span.end and span.start < c.end]
    if known:
        return _same_span_club(known, span)
    name = doc.text[span.start : span.end]
    if _blocked(doc, name, span) or len(name_offsets(doc.text, name)) < _MIN_MENTIONS:
        return None
    return LOCAL_PREFIX + name


def _same_span_club(known: list[ClubMention], span: Span) -> str | None:
    """Return the club of a KB mention that covers the name exactly (a partial overlap is no club)."""
    exact = [c for c in known if c.start == span.start and c.end == span.end]
    return exact[0].club if exact else None


def _blocked(doc: Doc, name: str, span: Span) -> bool:
    """Return whether a name cannot be a club: a known word, a competition, a venue, a known person."""
    stop = _not_names(doc.lang)
    if name.lower() in stop or name.split()[-1].lower() in stop or name in doc.roles:
        return True
    if doc.kb.player_clubs(name):
        return True  # a player the squads list
    taken = [(m.start, m.end) for m in doc.competitions] + [(m.start, m.end) for m in doc.venues]
    return any(start < span.end and span.start < end for start, end in taken)


def _club_marked_elsewhere(doc: Doc, span: Span) -> bool:
    """Return whether the name at ``span`` is written elsewhere as a club is.

    That is, after a club's article ("el Tomelloso") or right before an outcome word, as in a
    headline ("Los Molinos vence").
    """
    name = doc.text[span.start : span.end]
    articles = _club_articles(doc.lang)
    for start in name_offsets(doc.text, name):
        if start == span.start or doc.in_quote(start):
            continue
        before = doc.text[max(0, start - 5) : start].split()
        if before and before[-1].lower() in articles and doc.text[start - 1] == " ":
            return True
        if _outcome_right_after(doc, start + len(name)):
            return True
    return False


def _outcome_right_after(doc: Doc, end: int) -> bool:
    """Return whether a win, loss or draw word follows ``end`` after one space."""
    if doc.text[end : end + 1] != " ":
        return False
    found = outcome_cue(doc, end + 1, min(len(doc.text), end + 25))
    return found is not None and found[1].start() == end + 1


def name_offsets(text: str, name: str) -> list[int]:
    """Return where ``name`` is written as a whole word in ``text``."""
    found, pos = [], text.find(name)
    while pos >= 0:
        end = pos + len(name)
        if (pos == 0 or not text[pos - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            found.append(pos)
        pos = text.find(name, end)
    return found


def _is_local(club_id: str) -> bool:
    """Return whether a club id is one this module made up for a club outside the KB."""
    return club_id.startswith(LOCAL_PREFIX)


@cache
def _club_articles(lang: LanguageData) -> frozenset[str]:
    """Return the articles written before a club's name that are not part of it ("el Tomelloso")."""
    return frozenset(w.lower() for w in lang.words("results", "local_club_articles"))


@cache
def _not_names(lang: LanguageData) -> frozenset[str]:
    """Return the capitalised words of the language that are never names (lower-cased)."""
    return frozenset(w.lower() for w in lang.words("people", "not_names"))
