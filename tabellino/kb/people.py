"""Players of the openfootball squads, indexed by full name and by surname."""

from __future__ import annotations

from tabellino.kb.fold import key

__all__ = ["player_index"]

# Name particles that belong to a surname: "de Roon", "van Dijk", "Di Lorenzo", "dos Santos".
_PARTICLES = {
    "de", "van", "der", "den", "di", "da", "do", "dos", "das", "del", "della", "von", "le", "la",
    "ter", "ten", "mac", "el", "al", "du", "des", "lo", "dal", "dalla",
}  # fmt: skip


def _surnames(full: str) -> list[str]:
    """Return the keys a player may be called by: the full name and the surname forms."""
    words = key(full).split()
    if not words:
        return []
    out = [" ".join(words), words[-1]]
    for i in range(1, len(words) - 1):
        if words[i] in _PARTICLES:
            out.append(" ".join(words[i:]))
            break
    return out


def player_index(squads: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Return name key -> sorted club ids, from club id -> player names."""
    index: dict[str, set[str]] = {}
    for club_id, players in squads.items():
        for player in players:
            for k in _surnames(player):
                index.setdefault(k, set()).add(club_id)
    return {k: tuple(sorted(v)) for k, v in index.items()}
