"""Storing one extracted match: a new match, or another source merged into a stored one.

The decisions (same match? which fields to fill? same goal? conflict?) are
:mod:`tabellino.consolidate`'s; this module only reads the candidates and writes the outcome.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, case, insert, or_, select, update

from tabellino.consolidate import (
    MergePlan,
    StoredGoal,
    StoredMatch,
    merge_goals,
    pick_match,
    plan_merge,
    season_of,
)
from tabellino.consolidate.matching import FILLABLE
from tabellino.models import Goal, Match, RedCard
from tabellino.store.schema import (
    articles,
    cards,
    clip,
    clubs,
    coaches,
    conflicts,
    evidence,
    goals,
    match_sources,
    matches,
)

if TYPE_CHECKING:
    from tabellino.store.write import StoreResult, Writer

__all__ = ["MatchWriter"]

# Evidence field names that follow home/away and so swap when a source's order is reversed.
_SWAP = {"home": "away", "away": "home", "home_goals": "away_goals", "away_goals": "home_goals"}
_CONFLICT_FIELDS = ("score", "date")


class MatchWriter:
    """Stores the matches of one article through a :class:`Writer`'s open transaction."""

    def __init__(self, writer: Writer, published: date | None) -> None:
        self.w = writer
        self.conn = writer.conn
        self.published = published

    def store(self, match: Match, result: StoreResult) -> int:
        """Store ``match`` as a new match or as a new source of a stored one; return the match id."""
        stored = pick_match(self._candidates(match), match, self.published, self.w.article_id)
        if stored is None:
            match_id = self._create(match)
            result.new_matches.append(match_id)
            return match_id
        result.conflicts += self._merge(stored, match)
        result.merged_matches.append(stored.id)
        return stored.id

    # -- new matches ---------------------------------------------------------------------------

    def _create(self, match: Match) -> int:
        """Insert a new match with its source row, goals, cards, coaches and evidence."""
        day = match.date or self.published
        row = {name: getattr(match, name) for name in FILLABLE}
        row |= {
            "home_id": self.w.club_id(match.home),
            "away_id": self.w.club_id(match.away),
            "season": season_of(day) if day else None,
            "extra_time": match.extra_time,
            "home_away_certain": match.home_away_certain,
            "stats": match.stats,
        }
        match_id = self.w.insert_row(matches, row)
        self._add_source(match_id, match)
        self._cite_match(match_id, match, flipped=False)
        for goal in match.goals:
            self._add_goal(match_id, goal)
        self._store_cards(match_id, match.red_cards)
        return match_id

    def _add_source(self, match_id: int, match: Match) -> None:
        """Record this article as a source of the match, with its own values in its own order."""
        row = {
            "match_id": match_id,
            "article_id": self.w.article_id,
            "is_primary": match.primary,
            "home_id": self.w.club_id(match.home),
            "away_id": self.w.club_id(match.away),
            "home_goals": match.home_goals,
            "away_goals": match.away_goals,
            "date": match.date,
            "half_time": match.half_time,
            "penalties": match.penalties,
            "aggregate": match.aggregate,
        }
        self.conn.execute(insert(match_sources).values(**row))

    def _cite_match(self, match_id: int, match: Match, flipped: bool) -> None:
        """Queue the evidence of the match's fields and store its coaches."""
        for name, ev in match.evidence.items():
            if name.startswith("coach:"):
                continue
            self.w.cite("matches", match_id, _SWAP.get(name, name) if flipped else name, ev)
        for team, coach in match.coaches.items():
            self._add_coach(match_id, team, coach, match)

    def _add_coach(self, match_id: int, team: str, coach: str, match: Match) -> None:
        """Store a coach of the match (once) and cite the words that name them."""
        club_id, person_id = self.w.club_id(team), self.w.person_id(coach, "coach", team)
        where = and_(
            coaches.c.match_id == match_id, coaches.c.club_id == club_id, coaches.c.person_id == person_id
        )
        coach_id = self.conn.scalar(select(coaches.c.id).where(where))
        if coach_id is None:
            row = {"match_id": match_id, "club_id": club_id, "person_id": person_id}
            coach_id = self.w.insert_row(coaches, row)
        ev = match.evidence.get(f"coach:{team}")
        if ev is not None:
            self.w.cite("coaches", coach_id, "coach", ev)

    def _add_goal(self, match_id: int, goal: Goal) -> None:
        """Insert a goal and cite it."""
        row = {
            "match_id": match_id,
            "club_id": self.w.club_id(goal.team) if goal.team else None,
            "scorer": goal.scorer,
            "person_id": self.w.person_id(goal.scorer, "player", goal.team) if goal.scorer else None,
            "minute": goal.minute,
            "added": goal.added,
            "penalty": goal.penalty,
            "own_goal": goal.own_goal,
        }
        self.w.cite("goals", self.w.insert_row(goals, row), "goal", goal.evidence)

    def _store_cards(self, match_id: int, red_cards: list[RedCard]) -> None:
        """Store red cards not stored yet (same team and player = same card) and cite them."""
        stored = self.conn.execute(
            select(cards.c.id, clubs.c.name, cards.c.player, cards.c.minute)
            .outerjoin(clubs, clubs.c.id == cards.c.club_id)
            .where(cards.c.match_id == match_id)
        ).all()
        known = [StoredGoal(r[0], r[1], r[2], r[3]) for r in stored]
        as_goals = [
            Goal(team=c.team, scorer=c.player, minute=c.minute, evidence=c.evidence) for c in red_cards
        ]
        plan = merge_goals(known, as_goals)
        for card_id, card, fills in plan.matched:
            self._fill_row(cards, card_id, {"minute": fills["minute"]} if "minute" in fills else {})
            self.w.cite("cards", card_id, "card", card.evidence)
        # Two players sent off in the same minute is a brawl, not a conflict: keep both.
        for card in plan.added + [g for _, g in plan.conflicts]:
            row = {
                "match_id": match_id,
                "club_id": self.w.club_id(card.team) if card.team else None,
                "player": card.scorer,
                "person_id": self.w.person_id(card.scorer, "player", card.team) if card.scorer else None,
                "minute": card.minute,
                "kind": "red",
            }
            self.w.cite("cards", self.w.insert_row(cards, row), "card", card.evidence)

    def _fill_row(self, table: Any, row_id: int, values: dict[str, Any]) -> None:
        """Update a row's columns when there is anything to update."""
        if values:
            self.conn.execute(update(table).where(table.c.id == row_id).values(**clip(table, values)))

    # -- merging into a stored match -------------------------------------------------------------

    def _candidates(self, match: Match) -> list[StoredMatch]:
        """Load the stored matches between the same two clubs, with their sources' dates."""
        a, b = self.w.club_id(match.home), self.w.club_id(match.away)
        pair = or_(
            and_(matches.c.home_id == a, matches.c.away_id == b),
            and_(matches.c.home_id == b, matches.c.away_id == a),
        )
        rows = self.conn.execute(select(matches).where(pair)).mappings().all()
        names = {a: match.home, b: match.away}
        return [self._stored(row, names) for row in rows]

    def _stored(self, row: Any, names: dict[int, str]) -> StoredMatch:
        """Build the consolidation view of a stored match row."""
        sources = self.conn.execute(
            select(match_sources.c.article_id, articles.c.published)
            .join(articles, articles.c.id == match_sources.c.article_id)
            .where(match_sources.c.match_id == row["id"])
        ).all()
        return StoredMatch(
            id=row["id"],
            home=names[row["home_id"]],
            away=names[row["away_id"]],
            values={name: row[name] for name in FILLABLE},
            home_away_certain=row["home_away_certain"],
            extra_time=row["extra_time"],
            stats=dict(row["stats"] or {}),
            published=tuple(p for _, p in sources if p is not None),
            articles=tuple(a for a, _ in sources),
        )

    def _merge(self, stored: StoredMatch, match: Match) -> int:
        """Merge ``match`` into ``stored``: fill, record conflicts, merge goals; return conflicts added."""
        plan = plan_merge(stored, match)
        self._apply(stored.id, plan)
        self._add_source(stored.id, match)
        flipped = plan.match.home != match.home
        self._cite_match(stored.id, match, flipped)
        added = self._record_conflicts(stored.id, plan.conflicts)
        added += self._merge_goals(stored.id, plan.match.goals)
        self._store_cards(stored.id, match.red_cards)
        return added

    def _apply(self, match_id: int, plan: MergePlan) -> None:
        """Write the plan's updates to the stored match (turning club names into ids)."""
        values = dict(plan.updates)
        if "home" in values:
            values["home_id"] = self.w.club_id(values.pop("home"))
            values["away_id"] = self.w.club_id(values.pop("away"))
            self._swap_evidence(match_id)
        self._fill_row(matches, match_id, values)

    def _swap_evidence(self, match_id: int) -> None:
        """Rename home/away evidence fields of a match whose home and away were swapped."""
        swapped = case(_SWAP, value=evidence.c.field, else_=evidence.c.field)
        where = and_(evidence.c.fact_table == "matches", evidence.c.fact_id == match_id)
        self.conn.execute(update(evidence).where(where).values(field=swapped))

    def _record_conflicts(self, match_id: int, new_fields: list[str]) -> int:
        """Record each source's value of every disputed field; return the rows added."""
        disputed = set(new_fields)
        disputed |= set(self.conn.scalars(select(conflicts.c.field).where(conflicts.c.match_id == match_id)))
        disputed &= set(_CONFLICT_FIELDS)
        if not disputed:
            return 0
        home_id = self.conn.scalar(select(matches.c.home_id).where(matches.c.id == match_id))
        sources = self.conn.execute(select(match_sources).where(match_sources.c.match_id == match_id))
        rows = [
            {"match_id": match_id, "field": name, "article_id": src["article_id"], "value": value}
            for src in sources.mappings()
            for name in sorted(disputed)
            if (value := _source_value(src, name, home_id)) is not None
        ]
        return self._insert_conflicts(rows)

    def _insert_conflicts(self, rows: list[dict[str, Any]]) -> int:
        """Insert the conflict rows not already present; return how many were added."""
        added = 0
        for row in (clip(conflicts, r) for r in rows):
            where = and_(*(conflicts.c[k] == v for k, v in row.items()))
            if self.conn.scalar(select(conflicts.c.id).where(where)) is None:
                self.conn.execute(insert(conflicts).values(**row))
                added += 1
        return added

    def _merge_goals(self, match_id: int, new: list[Goal]) -> int:
        """Merge a source's goals into the stored goals; return the scorer-conflict rows added."""
        rows = self.conn.execute(
            select(goals.c.id, clubs.c.name, goals.c.scorer, goals.c.minute)
            .outerjoin(clubs, clubs.c.id == goals.c.club_id)
            .where(goals.c.match_id == match_id)
        ).all()
        plan = merge_goals([StoredGoal(r[0], r[1], r[2], r[3]) for r in rows], new)
        for goal_id, goal, fills in plan.matched:
            if "team" in fills:
                fills["club_id"] = self.w.club_id(fills.pop("team"))
            self._fill_row(goals, goal_id, fills)
            self.w.cite("goals", goal_id, "goal", goal.evidence)
        for goal in plan.added:
            self._add_goal(match_id, goal)
        conflict_rows: list[dict[str, Any]] = []
        for stored, goal in plan.conflicts:
            conflict_rows += self._scorer_conflict(match_id, stored, goal)
        return self._insert_conflicts(conflict_rows)

    def _scorer_conflict(self, match_id: int, stored: StoredGoal, goal: Goal) -> list[dict[str, Any]]:
        """Return conflict rows for a goal two sources credit to different scorers."""
        # The stored value belongs to the first article citing the goal, else the match's first source.
        first = self.conn.scalar(
            select(evidence.c.article_id)
            .where(evidence.c.fact_table == "goals", evidence.c.fact_id == stored.id)
            .order_by(evidence.c.id)
        ) or self.conn.scalar(
            select(match_sources.c.article_id)
            .where(match_sources.c.match_id == match_id)
            .order_by(match_sources.c.id)
        )
        ours = {
            "match_id": match_id,
            "field": "scorer",
            "value": _goal_label(stored.team, stored.minute, stored.scorer),
        }
        theirs = dict(ours, value=_goal_label(goal.team or stored.team, goal.minute, goal.scorer))
        theirs["article_id"] = self.w.article_id
        return ([dict(ours, article_id=first)] if first is not None else []) + [theirs]


def _goal_label(team: str | None, minute: int | None, scorer: str | None) -> str:
    """Return a goal as ``Team 23' Scorer`` for a conflict row."""
    when = f"{minute}'" if minute is not None else "?'"
    return f"{team or '?'} {when} {scorer or '?'}"


def _source_value(src: Any, name: str, home_id: int | None) -> str | None:
    """Return a source's value of a disputed field, the score in the stored match's home-away order."""
    if name == "date":
        return src["date"].isoformat() if src["date"] else None
    if src["home_goals"] is None or src["away_goals"] is None:
        return None
    same_order = src["home_id"] == home_id
    first, second = (
        (src["home_goals"], src["away_goals"]) if same_order else (src["away_goals"], src["home_goals"])
    )
    return f"{first}-{second}"
