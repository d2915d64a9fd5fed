"""Read compact scorer lists: "Goals: Rossi 12', Bianchi pen 90+3' | Verdi 40'",
wire "Scorers: J. Smith 59" blocks, and one-goal lines such as "Neri 17' (L)"."""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from operator import attrgetter

from tabellino.extract.cues import find_cues
from tabellino.extract.doc import Doc, PersonMention
from tabellino.extract.people import fold
from tabellino.models import Goal, Match, Span

__all__ = ["complete_teams", "find_listed_goals", "find_prose_lists"]

# A separator inside brackets ("Rossi (77., pen.)") parts details of one item, not items.
_ITEM_SEP = re.compile(r"(?:[,;\n]|\s[-–]\s)(?![^()\n]*\))")
_BARE_NUMBER = re.compile(r"(?<![\w.+])(\d{1,3})(?:\s?\+\s?(\d{1,2}))?(?:\.|['’′]|(?=[\s,;|]|$|og|pen|\())")
_TAG = re.compile(r"\(([^()\d]{1,20})\)")
_LINE_LABEL = re.compile(r"\s*[^\W\d_]{3,20}\s*:\s*")
_SIDE_DASH = re.compile(r"\s[-–—]\s")
_ONLY_MINUTES = re.compile(r"[\s\d'’′+.,;]+")
_LABEL_END = re.compile(r"\s[A-Z][a-z]+(?:\s[a-z]+){0,2}:\s")
_NONE = 10**9  # "no evidence before this point": farther than any offset
_WIRE_TOKEN = re.compile(r"\s*\(\d{1,2}\)\s*\d{1,2}\s*")
_FLAG_KEYS = ("penalty_words", "own_goal_words")
_NAME_BRACKET = re.compile(r"\(\s*([^\W\d_][^()\d\n]{0,40}?)\s*\)")
_START = attrgetter("start")
_PROSE_LIST_END = re.compile(r"[.;!?](?![\w)])|\n")  # "g.p.)" inside an item does not end the list


def find_listed_goals(doc: Doc) -> dict[int, list[Goal]]:
    """Return ``id(match) -> goals`` read from the compact scorer lists of the article."""
    out: dict[int, list[Goal]] = {}
    headers = [c.start() for c in find_cues(doc.lang, "goals", "list_headers", doc.text)]
    for lo, hi in _lines(doc.text):
        has_header = bisect.bisect_left(headers, lo) < bisect.bisect_left(headers, hi)
        found = (has_header and _header_list(doc, lo, hi)) or _tagged_line(doc, lo, hi)
        for match, goals in found:
            out.setdefault(id(match), []).extend(goals)
    for match in doc.matches:
        complete_teams(match, out.get(id(match), []))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of every non-blank line."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line and not line.isspace():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _header_list(doc: Doc, lo: int, hi: int) -> list[tuple[Match, list[Goal]]]:
    """Read every "Goals:" / "Scorers:" list of a line."""
    found = []
    for m in find_cues(doc.lang, "goals", "list_headers", doc.text, lo, hi):
        colon = re.match(r"\s*:\s*", doc.text[m.end() : hi])
        if not colon:
            continue
        start = m.end() + colon.end()
        end = _list_end(doc.text, start, hi)
        team_before = _club_just_before(doc, m.start())
        if team_before is None and not _opens_line_or_sentence(doc, lo, m.start()):
            continue
        match = _match_for_list(doc, m.start(), team_before)
        if match is not None:
            found.append((match, _parse_list(doc, match, start, end, team_before)))
    return found


def _opens_line_or_sentence(doc: Doc, lo: int, pos: int) -> bool:
    """Return whether a list header at ``pos`` opens its line (after bullets) or its sentence."""
    return doc.text[lo:pos].strip(" \t-–•*·") == "" or doc.sentence_of(pos).start == pos


def _list_end(text: str, start: int, hi: int) -> int:
    """Return where a scorer list ends: the next "Label:" of a wire block, or the line end."""
    m = _LABEL_END.search(text, start, hi)
    return m.start() if m else hi


def _club_just_before(doc: Doc, pos: int) -> str | None:
    """Return the team whose "Club (ht) N" token ends just before a wire "Scorers:" label."""
    before = [c for c in doc.clubs if c.club and c.end <= pos and pos - c.end < 15]
    if not before or not before[-1].club:
        return None
    if not _WIRE_TOKEN.fullmatch(doc.text[before[-1].end : pos]):
        return None
    return doc.club_name(before[-1].club)


def _match_for_list(doc: Doc, pos: int, team: str | None) -> Match | None:
    """Return the match a list at ``pos`` belongs to: the team's match, else the nearest heading."""
    if team is not None:
        with_team = [m for m in doc.matches if m.has_team(team)]
        if with_team:
            return min(with_team, key=lambda m: abs(m.last_offset_before(pos, _NONE) - pos))
    best: tuple[int, Match] | None = None
    for match in doc.matches:
        start = match.last_offset_before(pos, _NONE)
        if start <= pos and (best is None or start > best[0]):
            best = (start, match)
    return best[1] if best else None


def _parse_list(doc: Doc, match: Match, start: int, end: int, team: str | None) -> list[Goal]:
    """Parse the items of a list; a "|" (or one spaced dash between untagged items) splits the
    home side's scorers from the away side's."""
    if team is None:
        cut = _side_separator(doc, match, start, end)
        if cut is not None:
            return _parse_items(doc, match, start, cut[0], match.home) + _parse_items(
                doc, match, cut[1], end, match.away
            )
    return _parse_items(doc, match, start, end, team)


def _side_separator(doc: Doc, match: Match, start: int, end: int) -> tuple[int, int] | None:
    """Return the (start, end) of the mark parting the home scorers from the away ones, if any."""
    sep = str(doc.lang.section("goals").get("list_team_separator", "|"))
    bar = doc.text.find(sep, start, end) if sep else -1
    if bar >= 0:
        return bar, bar + len(sep)
    dashes = list(_SIDE_DASH.finditer(doc.text, start, end))
    team_tags = [t for t in _TAG.finditer(doc.text, start, end) if _team_from_tag(doc, match, t.group(1))]
    if len(dashes) == 1 and not team_tags:
        return dashes[0].start(), dashes[0].end()
    return None


def _parse_items(doc: Doc, match: Match, start: int, end: int, team: str | None) -> list[Goal]:
    """Parse comma-separated scorer items into goals ("Rossi 12', 55'": both goals are Rossi's)."""
    goals: list[Goal] = []
    cuts = [start] + [m.end() for m in _ITEM_SEP.finditer(doc.text, start, end)] + [end]
    running = (0, 0)
    for lo, hi in itertools.pairwise(cuts):
        found = _item_goals(doc, match, lo, hi, team)
        if found:
            side, running = _running_side(doc, match, lo, hi, running)
            for goal in found:
                goal.team = goal.team or side
        elif goals:
            found = _more_minutes(doc, goals[-1], lo, hi)
            if found and goals[-1].minute is None:  # "Kane, 23": the minute of the item before
                first = found.pop(0)
                goals[-1].minute, goals[-1].added = first.minute, first.added
            elif not found:
                _late_minute(doc, goals[-1], lo, hi)
        goals.extend(found)
    return goals


def _running_side(
    doc: Doc, match: Match, lo: int, hi: int, before: tuple[int, int]
) -> tuple[str | None, tuple[int, int]]:
    """Return the side an item's running score ("1:0 Selke (12.)") says scored, and the new score."""
    scores = [s for s in doc.scores if lo <= s.start and s.end <= hi]
    if len(scores) != 1:
        return None, before
    now = (scores[0].first, scores[0].second)
    if now == (before[0] + 1, before[1]):
        return match.home, now
    if now == (before[0], before[1] + 1):
        return match.away, now
    return None, now


def _late_minute(doc: Doc, previous: Goal, lo: int, hi: int) -> None:
    """Give the previous item's goal the minute an item holding only a minute phrase states.

    Brazilian tables write the minute after the name: "Gols: X, aos 15 minutos do primeiro
    tempo; Y, aos 3 do segundo tempo".
    """
    minutes = [m for m in doc.minutes if lo <= m.start and m.end <= hi]
    if previous.minute is not None or len(minutes) != 1:
        return
    rest = doc.text[lo : minutes[0].start] + doc.text[minutes[0].end : hi]
    if rest.strip(" \t,;.|-–"):
        return
    previous.minute, previous.added = minutes[0].minute, minutes[0].added
    previous.evidence.spans.append(Span(minutes[0].start, minutes[0].end))


def _more_minutes(doc: Doc, previous: Goal, lo: int, hi: int) -> list[Goal]:
    """Return the goals of an item that is only minutes: more goals of the previous item's scorer."""
    item = doc.text[lo:hi]
    if doc.people_in(Span(lo, hi)) or _ONLY_MINUTES.fullmatch(item) is None:
        return []
    goals = []
    for m in _BARE_NUMBER.finditer(doc.text, lo, hi):
        minute, added = int(m.group(1)), int(m.group(2)) if m.group(2) else None
        if 0 < minute <= 130:
            goal = Goal(previous.team, previous.scorer, minute, added)
            goal.evidence.spans = [Span(*_trim(doc.text, lo, hi))]
            goals.append(goal)
    return goals


def _item_goals(doc: Doc, match: Match, lo: int, hi: int, team: str | None) -> list[Goal]:
    """Return the goals of one list item ("Bianchi pen 90+3'", "23' e 77 Neri (L)")."""
    people = doc.people_in(Span(lo, hi))
    if len(people) != 1:
        return []
    person = people[0]
    minutes = _item_minutes(doc, lo, hi, person)
    item = re.sub(r"\d", " ", doc.text[lo:hi])
    penalty = bool(find_cues(doc.lang, "goals", "penalty_words", item, 0, len(item)))
    own_goal = bool(find_cues(doc.lang, "goals", "own_goal_words", item, 0, len(item)))
    tag = _TAG.search(doc.text, lo, hi)
    item_team = team or (_team_from_tag(doc, match, tag.group(1)) if tag else None)
    goals = []
    for minute, added in minutes or [(None, None)]:
        goal = Goal(item_team, person.name, minute, added, penalty, own_goal)
        goal.evidence.spans = [Span(*_trim(doc.text, lo, hi))]
        goals.append(goal)
    return goals


def _item_minutes(doc: Doc, lo: int, hi: int, person: PersonMention) -> list[tuple[int | None, int | None]]:
    """Return the (minute, added) values written in an item, outside the person's name and scores.

    A running score ("1:1 Reus (34.)") is not a minute.
    """
    marked = [m for m in doc.minutes if lo <= m.start and m.end <= hi]
    scores = [(s.start, s.end) for s in doc.scores if lo <= s.start and s.end <= hi]
    taken = [(person.start, person.end), *scores, *((x.start, x.end) for x in marked)]
    found: list[tuple[int, tuple[int | None, int | None]]] = [(m.start, (m.minute, m.added)) for m in marked]
    for m in _BARE_NUMBER.finditer(doc.text, lo, hi):
        inside = any(a <= m.start() < b for a, b in taken)
        minute = int(m.group(1))
        if not inside and 0 < minute <= 130:
            found.append((m.start(), (minute, int(m.group(2)) if m.group(2) else None)))
    return [value for _, value in sorted(found)]


def _team_from_tag(doc: Doc, match: Match, tag: str) -> str | None:
    """Return the match team a "(L)" / "(Lec)" tag stands for, when only one fits."""
    key = fold(tag.strip())
    fits = [t for t in match.teams() if fold(t).startswith(key)]
    return fits[0] if len(fits) == 1 else None


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Return ``(lo, hi)`` without surrounding white space and separators."""
    while lo < hi and text[lo] in " \t,;|-–":
        lo += 1
    while hi > lo and text[hi - 1] in " \t,;|-–":
        hi -= 1
    return lo, hi


def _tagged_line(doc: Doc, lo: int, hi: int) -> list[tuple[Match, list[Goal]]]:
    """Read a line that is only scorer items ("Neri 17' (L)", "11'Rossi (R), 37'st Verdi")."""
    if hi - lo > 200 or not _names_and_minutes(doc, lo, hi):
        return []
    match = _match_for_list(doc, lo, None)
    if match is None:
        return []
    start = _after_fixture(doc, match, lo, hi)
    label = _LINE_LABEL.match(doc.text, start, hi)
    if label is not None:  # "Scorers:" in a word the language data may not know
        start = label.end()
    if not _is_item_line(doc, start, hi):
        return []
    goals = _parse_list(doc, match, start, hi, None)
    return [(match, goals)] if goals else []


def _names_and_minutes(doc: Doc, lo: int, hi: int) -> bool:
    """Return whether ``[lo, hi)`` holds a person and a minute, as every line of scorer items does."""
    i = bisect.bisect_left(doc.minutes, lo, key=_START)  # minutes are sorted and never overlap
    return i < len(doc.minutes) and doc.minutes[i].end <= hi and bool(doc.people_in(Span(lo, hi)))


def _after_fixture(doc: Doc, match: Match, lo: int, hi: int) -> int:
    """Return where scorer items start on a line that may begin with the fixture itself."""
    ends = [s.end for ev in match.evidence.values() for s in ev.spans if lo <= s.start < hi]
    if not ends:
        return lo
    bracket = re.match(r"\s*\([^()]*\)", doc.text[max(ends) : hi])
    return max(ends) + (bracket.end() if bracket else 0)


def _is_item_line(doc: Doc, lo: int, hi: int) -> bool:
    """Return whether a line consists only of names, minutes, tags and separators."""
    people = doc.people_in(Span(lo, hi))
    minutes = [m for m in doc.minutes if lo <= m.start and m.end <= hi]
    if not people or not minutes:
        return False
    chars = list(doc.text[lo:hi])
    for span in [(p.start, p.end) for p in people] + [(m.start, m.end) for m in minutes]:
        for i in range(span[0] - lo, span[1] - lo):
            chars[i] = " "
    for c in doc.clubs:
        if lo <= c.start and c.end <= hi:
            for i in range(c.start - lo, c.end - lo):
                chars[i] = " "
    rest = _TAG.sub(" ", "".join(chars))
    letters = sum(ch.isalpha() for ch in rest)
    letters -= sum(len(c.group()) for c in find_cues(doc.lang, "goals", "list_connectors", rest))
    return letters <= 3


def complete_teams(match: Match, goals: list[Goal]) -> None:
    """Give untagged listed goals the team that still has goals left in the final score."""
    if match.home_goals is None or match.away_goals is None or not goals:
        return
    unknown = [g for g in goals if g.team is None]
    if not unknown:
        return
    counts = Counter(g.team for g in goals)
    left = {
        match.home: match.home_goals - counts[match.home],
        match.away: match.away_goals - counts[match.away],
    }
    open_teams = [t for t, n in left.items() if n > 0]
    if len(open_teams) == 1 and left[open_teams[0]] >= len(unknown):
        for goal in unknown:
            goal.team = open_teams[0]


def find_prose_lists(doc: Doc) -> list[tuple[Match, list[Goal]]]:
    """Return the goals of scorer lists written inside prose, minute first and the scorer in
    brackets: "... only Braga scored: goals at minutes 44 (Rossi), 55 (Bianchi) and 81 (Verdi)".

    A list header ("golos") opens such a list when a ``list_opener_patterns`` regex follows it.
    The list's side is the one match team named as acting before the header in its sentence.
    """
    openers = doc.lang.patterns("goals", "list_opener_patterns")
    if not openers:
        return []
    found = []
    for cue in find_cues(doc.lang, "goals", "list_headers", doc.text):
        if not any(p.match(doc.text, cue.end()) for p in openers):
            continue
        sent = doc.sentence_of(cue.start())
        stop = _PROSE_LIST_END.search(doc.text, cue.end(), sent.end)
        end = stop.start() if stop else sent.end
        match = _match_for_list(doc, cue.start(), None)
        if match is None:
            continue
        team = _acting_team(doc, match, sent.start, cue.start())
        goals = [g for lo, hi in _prose_items(doc, cue.end(), end) for g in _prose_item(doc, lo, hi, team)]
        if goals:
            found.append((match, goals))
    return found


def _acting_team(doc: Doc, match: Match, lo: int, hi: int) -> str | None:
    """Return the one team of ``match`` named in ``[lo, hi)``, if exactly one is."""
    named = {doc.club_name(c.club) for c in doc.clubs_in(Span(lo, hi)) if c.club}
    named &= set(match.teams())
    return named.pop() if len(named) == 1 else None


def _prose_items(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Return the items of a prose list: parted by commas and by the list's "and" words."""
    cuts = [start, end]
    cuts += [c.end() for c in _ITEM_SEP.finditer(doc.text, start, end)]
    cuts += [c.start() for c in find_cues(doc.lang, "goals", "list_connectors", doc.text, start, end)]
    return list(itertools.pairwise(sorted(set(cuts))))


def _prose_item(doc: Doc, lo: int, hi: int, team: str | None) -> list[Goal]:
    """Return the goal of one "44 (Name)" item: one minute and a bracket holding the scorer."""
    minutes = [m for m in doc.minutes if lo <= m.start and m.end <= hi]
    bracket = _NAME_BRACKET.search(doc.text, lo, hi)
    if len(minutes) != 1 or bracket is None:
        return []
    people = doc.people_in(Span(bracket.start(1), bracket.end(1)))
    if not people:
        return []
    # The bracket holds the whole name even where a word of it is also a club ("Aderlan Santos").
    written = " ".join(bracket.group(1).split(",")[0].split())  # "(Rossi, g.p.)": flags after a comma
    name = written if len(written) > len(people[0].text) else people[0].name
    item = re.sub(r"\d", " ", doc.text[lo:hi])
    penalty, own_goal = (bool(find_cues(doc.lang, "goals", k, item, 0, len(item))) for k in _FLAG_KEYS)
    minute = minutes[0]
    goal = Goal(team, name, minute.minute, minute.added, penalty, own_goal)
    goal.evidence.spans = [Span(minute.start, minute.end), Span(bracket.start(1), bracket.end(1))]
    return [goal]
