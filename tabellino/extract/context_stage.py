"""Component ``stage``: the stage (round) of each match and, for two-legged ties, the leg.

Stages come from the ``[stages]`` data: ``stage_forms`` (canonical stage -> phrases),
``matchday_patterns`` / ``matchday_word_templates`` ("matchday 13", "30a giornata", "ventesima
giornata" -> "matchday N"), a phase next to a matchday ("league phase, matchday 1"), and
``advance_patterns`` + ``advance_implies``: reaching a stage means the match was the stage before
("through to the semi-finals" -> "quarter-final"). A stage is taken from the match's result sentence
or line, the nearest heading above it (a round-up's "Matchday 13"), a sentence about it, the other
leg, or the lead when the match is in the lead's competition.

Legs come from ``leg_forms`` ("first leg", "ritorno") bound to the nearest result in the sentence;
a cue about an earlier leg ("had done the work in the first leg") makes the match the second leg.
The other leg of the same tie gets the other number.
"""

from __future__ import annotations

import re
from functools import cache

from tabellino.extract import component
from tabellino.extract.context_competition import competition_hits
from tabellino.extract.context_regex import Alternation, AltMatch
from tabellino.extract.context_scope import (
    Context,
    Hit,
    Layout,
    Memo,
    Scope,
    bound,
    by_heading,
    by_sentence,
    dominant,
    followed_by,
    forms,
    in_about,
    in_heading,
    in_line,
    in_result,
    preceded_by,
    preset,
)
from tabellino.extract.doc import Doc
from tabellino.lang import LanguageData
from tabellino.models import Span

__all__ = ["leg_hits", "stage", "stage_hits"]

MATCHDAY = "matchday"
_LEG = "leg:"  # label prefix of leg forms in the shared scanner
_PHASE_GAP = 40  # a phase and a matchday this close describe one stage
_BREAK = re.compile(r"[.!?\n]")


@cache
def _cue_alternation(lang: LanguageData) -> Alternation[str]:
    """Compile a language's stage forms, matchday patterns and leg forms into one scanner."""
    items = forms(lang, "stages", "stage_forms")
    items += [(MATCHDAY, p) for p in lang.words("stages", "matchday_patterns")]
    words = sorted(lang.mapping("stages", "ordinals"), key=len, reverse=True)
    if words:
        group = "(?P<w>" + "|".join(re.escape(w) for w in words) + ")"
        templates = lang.words("stages", "matchday_word_templates")
        items += [(MATCHDAY, t.replace("{ordinal}", group)) for t in templates]
    items += [(_LEG + label, p) for label, p in forms(lang, "stages", "leg_forms")]
    return Alternation.build(items, f"{lang.code} [stages] stage and leg forms")


_SCANS: Memo[tuple[list[Hit[str]], list[Hit[int]]]] = Memo()


def stage_hits(doc: Doc, layout: Layout) -> list[Hit[str]]:
    """Return the stage mentions of the text; "through to the semi-finals" gives the stage before."""
    return _SCANS.get((doc.text, doc.lang, layout), lambda: _scan(doc, layout))[0]


def leg_hits(doc: Doc, layout: Layout) -> list[Hit[int]]:
    """Return the leg cues of the text (1 = first leg, 2 = second leg), not those of a coming leg."""
    return _SCANS.get((doc.text, doc.lang, layout), lambda: _scan(doc, layout))[1]


def _scan(doc: Doc, layout: Layout) -> tuple[list[Hit[str]], list[Hit[int]]]:
    """Scan the text once for stage mentions and leg cues."""
    stages: list[Hit[str]] = []
    legs: list[Hit[int]] = []
    reader = _StageReader(doc)
    for am in _cue_alternation(doc.lang).finditer(doc.text):
        floor = layout.sentences[layout.sentence_at(am.match.start())]
        if am.label.startswith(_LEG):
            leg = reader.leg(am, floor)
            if leg is not None:
                legs.append(leg)
        else:
            stage = reader.stage(am, floor)
            if stage is not None:
                stages.append(stage)
    return _join_phases(doc.text, stages, set(doc.lang.words("stages", "phase_stages"))), legs


class _StageReader:
    """Reads one stage or leg match against the cue words around it."""

    def __init__(self, doc: Doc) -> None:
        lang = doc.lang
        self.text = doc.text
        self.skip = lang.patterns("stages", "stage_skip_before_patterns")
        self.advance = lang.patterns("stages", "advance_patterns")
        self.implies = lang.mapping("stages", "advance_implies")
        self.ordinals = {str(k).lower(): v for k, v in lang.mapping("stages", "ordinals").items()}
        self.leg_before = lang.patterns("stages", "leg_skip_before_patterns")
        self.leg_after = lang.patterns("stages", "leg_skip_after_patterns")

    def stage(self, am: AltMatch[str], sentence: Span) -> Hit[str] | None:
        """Return the stage a match names, or the stage before it after a reaching cue."""
        start, end = am.match.span()
        value = _stage_value(am, self.ordinals)
        if value is None or preceded_by(self.text, start, sentence.start, self.skip):
            return None
        if not preceded_by(self.text, start, sentence.start, self.advance):
            return Hit(start, end, value)
        played = self.implies.get(value)
        return Hit(start, end, played, derived=True) if isinstance(played, str) else None

    def leg(self, am: AltMatch[str], sentence: Span) -> Hit[int] | None:
        """Return the leg a match names, unless it is about a coming leg."""
        start, end = am.match.span()
        label = am.label[len(_LEG) :]
        if label not in ("1", "2") or preceded_by(self.text, start, sentence.start, self.leg_before):
            return None
        return (
            None if followed_by(self.text, end, sentence.end, self.leg_after) else Hit(start, end, int(label))
        )


def _stage_value(am: AltMatch[str], ordinals: dict[str, object]) -> str | None:
    """Return the canonical stage of a match ("matchday N" for matchday patterns)."""
    if am.label != MATCHDAY:
        return am.label
    number = am.group("n")
    word = am.group("w")
    if number is None and word is not None:
        value = ordinals.get(word.lower())
        number = str(value) if isinstance(value, int) else None
    return f"{MATCHDAY} {int(number)}" if number and number.isdigit() and int(number) > 0 else None


def _join_phases(text: str, hits: list[Hit[str]], phases: set[str]) -> list[Hit[str]]:
    """Merge a phase and a matchday written together into one stage ("league phase, matchday 1")."""
    out: list[Hit[str]] = []
    for h in hits:
        prev = out[-1] if out else None
        if prev is not None and _pairable(text, prev, h, phases):
            phase, day = (prev, h) if prev.value in phases else (h, prev)
            value = f"{phase.value}, {day.value}"
            out[-1] = Hit(prev.start, h.end, value, derived=prev.derived or h.derived)
        else:
            out.append(h)
    return out


def _pairable(text: str, a: Hit[str], b: Hit[str], phases: set[str]) -> bool:
    """Return whether two neighbouring hits are a phase and a matchday of one stage."""
    pair = (a.value in phases and b.value.startswith(MATCHDAY)) or (
        b.value in phases and a.value.startswith(MATCHDAY)
    )
    gap = text[a.end : b.start]
    return pair and len(gap) <= _PHASE_GAP and not _BREAK.search(gap)


@component("stage")
def stage(doc: Doc) -> None:
    """Set each match's stage and leg."""
    if not doc.matches:
        return
    ctx = Context.build(doc)
    _set_stages(doc, ctx)
    _set_legs(doc, ctx)


def _set_stages(doc: Doc, ctx: Context) -> None:
    """Set stages: stated near the match, else from the other leg, else the lead's (same competition)."""
    hits = stage_hits(doc, ctx.layout)
    sentences, headings = by_sentence(hits, ctx.layout), by_heading(hits, ctx.layout)
    chosen: dict[int, Hit[str]] = {}
    for sc in ctx.scopes:
        hit = (
            preset(sc, "stage")
            or in_result(ctx, sc, sentences, spread=True)
            or in_line(ctx, sc, hits, spread=True)
            or in_heading(ctx.layout, sc.first, headings)
            or in_about(sc, sentences)
        )
        if hit is not None:
            chosen[sc.index] = hit
    lead = dominant(hits, ctx.layout.lead_end)
    lead_competition = dominant(competition_hits(doc, ctx.layout), ctx.layout.lead_end)
    partners = ctx.partners()
    for sc in ctx.scopes:
        other = partners.get(sc.index)
        if sc.index in chosen:
            _apply(sc, "stage", chosen[sc.index], derived=False)
        elif other is not None and other.index in chosen:
            _apply(sc, "stage", chosen[other.index], derived=True)
        elif lead is not None and sc.match.competition == (lead_competition and lead_competition.value):
            _apply(sc, "stage", lead, derived=True)


def _set_legs(doc: Doc, ctx: Context) -> None:
    """Set legs: stated with the result, else the other leg's complement, else a heading's."""
    hits = leg_hits(doc, ctx.layout)
    sentences = by_sentence(hits, ctx.layout)
    legs: dict[int, Hit[int]] = {}
    for sc in ctx.scopes:
        hit = (
            preset(sc, "leg") or _stated_leg(doc, ctx, sc, sentences) or in_line(ctx, sc, hits, spread=False)
        )
        if hit is not None:
            legs[sc.index] = hit
    partners = ctx.partners()
    _complement(ctx, partners, legs)
    headings = by_heading(hits, ctx.layout)
    for sc in sorted(ctx.scopes, key=lambda s: s.first):
        head = in_heading(ctx.layout, sc.first, headings) if sc.index not in legs else None
        if head is not None:
            other = partners.get(sc.index)
            taken = other is not None and other.index in legs and legs[other.index].value == head.value
            legs[sc.index] = Hit(head.start, head.end, 3 - head.value, derived=True) if taken else head
    _complement(ctx, partners, legs)
    for sc in ctx.scopes:
        if sc.index in legs:
            _apply(sc, "leg", legs[sc.index], derived=False)


def _stated_leg(doc: Doc, ctx: Context, sc: Scope, sentences: dict[int, list[Hit[int]]]) -> Hit[int] | None:
    """Return the leg cue bound to the match in its result sentences, read as the leg it played."""
    prior = doc.lang.patterns("stages", "leg_prior_patterns")
    for s in sc.result:
        region = ctx.layout.sentences[s]
        hit = bound(ctx, sc, region, sentences.get(s, []), spread=False)
        if hit is None:
            continue
        after = max((a.end for a in sc.anchors if a.end <= hit.start), default=region.start)
        between = doc.text[max(after, region.start) : hit.start]
        if not any(p.search(between) for p in prior):
            return hit
        if hit.value == 1:  # "had won the first leg": this is the second
            return Hit(hit.start, hit.end, 2, derived=True)
    return None


def _complement(ctx: Context, partners: dict[int, Scope], legs: dict[int, Hit[int]]) -> None:
    """Give the other leg of a tie the other number when only one leg is known."""
    for sc in ctx.scopes:
        other = partners.get(sc.index)
        if sc.index not in legs and other is not None and other.index in legs:
            known = legs[other.index]
            legs[sc.index] = Hit(known.start, known.end, 3 - known.value, derived=True)


def _apply(scope: Scope, field: str, hit: Hit[str] | Hit[int], derived: bool) -> None:
    """Set a match field (unless already set) and cite the hit's span."""
    if getattr(scope.match, field) is None:
        setattr(scope.match, field, hit.value)
        scope.match.cite(field, hit.span, derived=derived or hit.derived)
