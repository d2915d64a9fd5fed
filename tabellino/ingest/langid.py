"""Identify the language of an article: one of the supported languages, or ``"unknown"``.

py3langid ranks the text over every language its model knows, not only over the supported ones:
restricted to ``en`` and ``it`` it labels every German, Spanish or French text ``en`` or ``it`` with
high confidence, so a text in a language tabellino has no data for would be read with the wrong
rules. The answer is then narrowed to :func:`tabellino.lang.supported_languages`: anything else,
too short, unsure or mixed is ``"unknown"``.

Only the opening of the text is classified, in two halves: halves that disagree mean a mixed text.
The scores are py3langid's, computed with numpy (:mod:`tabellino.ingest.langid_model`).
"""

from __future__ import annotations

import re
from functools import cache

from tabellino.ingest.langid_model import language_model
from tabellino.lang import supported_languages

__all__ = ["UNKNOWN", "detect", "identify"]

UNKNOWN = "unknown"

SAMPLE_CHARS = 1500
"""How much of the text is classified: enough for a stable answer, far faster than a whole article."""

MIN_LETTERS = 60
"""Fewer letters than this (in a half of the sample) say too little to name a language."""

MIN_CONFIDENCE = 0.3
"""Below this probability (normalised over ~140 languages) the answer is a guess. Stat wires full of
names score lower than prose (0.36 for an English Opta summary), real mixed texts much lower."""

_ENOUGH_LETTERS = re.compile(rf"(?:[\W\d_]*[^\W\d_]){{{MIN_LETTERS}}}")
"""Matches the opening of a text up to its ``MIN_LETTERS``-th letter, and stops there."""


def _enough_letters(text: str) -> bool:
    """Return whether ``text`` holds at least ``MIN_LETTERS`` letters."""
    return _ENOUGH_LETTERS.match(text) is not None


def _halves(sample: str) -> list[str]:
    """Split the sample at the white space nearest its middle into parts of enough letters each."""
    middle = len(sample) // 2
    cut = sample.rfind(" ", 0, middle + 1)
    if cut <= 0:
        cut = middle
    parts = [sample[:cut], sample[cut:]]
    return [p for p in parts if _enough_letters(p)]


def detect(text: str) -> tuple[str, float]:
    """Return the most likely language of ``text`` over all of py3langid's languages, with its confidence.

    The confidence is the lower of the two halves' probabilities; it is 0.0 (with ``"unknown"``) when the
    text is too short and when the halves name different languages (a mixed text).
    """
    sample = text[:SAMPLE_CHARS]
    if not _enough_letters(sample):
        return UNKNOWN, 0.0
    parts = _halves(sample) or [sample]
    answers = [language_model().classify(part) for part in parts]
    languages = {str(lang) for lang, _ in answers}
    if len(languages) != 1:
        return UNKNOWN, 0.0
    return languages.pop(), min(float(conf) for _, conf in answers)


def identify(text: str) -> str:
    """Return the supported language ``text`` is written in, or ``"unknown"``.

    ``"unknown"`` when the text has fewer than ~60 letters, when the classifier is unsure, when the
    opening mixes languages, or when the language has no data file.
    """
    language, confidence = detect(text)
    if confidence < MIN_CONFIDENCE or language not in _supported():
        return UNKNOWN
    return language


@cache
def _supported() -> frozenset[str]:
    """Return the supported language codes (read once: the data files do not change at run time)."""
    return frozenset(supported_languages())
