"""Read team names from openfootball result files and players from squad files."""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["parse_squad", "result_teams", "split_code"]

_TIME = re.compile(r"^\s*\d{1,2}[.:]\d{2}\s+")
_VS = re.compile(r"\s+v\s+")
_SCORE = re.compile(r"\s+\d+-\d+(?=\s|$)")
_AFTER_SCORE = re.compile(r"^(?:\s|\d+-\d+|pen\.|a\.e\.t\.|\([^)]*\)|\[[^\]]*\])+")
_TAIL = re.compile(r"\s{2,}.*$|\s+\d+-\d+.*$|\s+\[.*$|\s+@.*$")
_UEFA_CODE = re.compile(r"\s*\(([A-Z]{3})\)\s*$")
_STATUS = re.compile(r"\[[^\]]*\]")
_SKIP = ("#", "=", "▪", "»", "[", "(")


def _team(name: str) -> str:
    """Return a team name (UEFA country code kept) without spare spaces or trailing marks."""
    return " ".join(_STATUS.sub(" ", name).split()).strip(" ,")


def split_code(name: str) -> tuple[str, str | None]:
    """Split ``"Juventus FC (ITA)"`` into ``("Juventus FC", "ITA")``; no code gives None."""
    m = _UEFA_CODE.search(name)
    return (name[: m.start()].strip(), m.group(1)) if m else (name, None)


def _match_line(line: str) -> tuple[str, str] | None:
    """Return ``(home, away)`` of a match line in either layout, or None for other lines."""
    body = _TIME.sub("", line).strip()
    if not body or body.startswith(_SKIP):
        return None
    if _VS.search(body):
        home, rest = _VS.split(body, maxsplit=1)
        away = _TAIL.sub("", rest.strip())
    else:
        m = _SCORE.search(body)
        if m is None:
            return None
        home = body[: m.start()]
        away = _AFTER_SCORE.sub("", body[m.start() :])
    home, away = _team(home), _team(away)
    if not home or not away or "N.N." in (home, away):
        return None
    return home, away


def result_teams(path: Path) -> list[str]:
    """Return every team name of a result file, in order of first appearance."""
    seen: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        pair = _match_line(line.split("#", 1)[0])
        if pair is not None:
            seen.setdefault(pair[0])
            seen.setdefault(pair[1])
    return list(seen)


_SQUAD_HEAD = re.compile(r"^=\s*(.+?)\s+-\s+")
_SQUAD_LINE = re.compile(r"^\s*\d*,\s*([^,(]+?)\s*(?:\([A-Z]{3}\))?\s*,")


def parse_squad(path: Path) -> tuple[str, list[str]]:
    """Return ``(club name, player names)`` of a squad file."""
    club = ""
    players: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        head = _SQUAD_HEAD.match(line)
        if head and not club:
            club = head.group(1).strip()
            continue
        m = _SQUAD_LINE.match(line)
        if m:
            players.append(" ".join(m.group(1).split()))
    return club, players
