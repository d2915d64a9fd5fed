"""Score a text against py3langid's model with numpy: the same probabilities as ``classify``, faster.

py3langid walks the text's bytes through its Aho-Corasick automaton one byte at a time in Python and
multiplies half-precision model rows. The automaton's trie is at most :data:`WINDOW` bytes deep, so
the state it is in after any byte depends only on the last ``WINDOW`` bytes read: the walk is done
for every position at once, ``WINDOW`` vectorised steps instead of one Python step per byte. The
model's rows are widened to single precision once, at load (28 MB more than the half-precision
table), instead of at every call. Features are counted in the order py3langid first meets them, so
the sums, and the scores, are the same to the last bit.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["WINDOW", "LanguageModel", "language_model"]

WINDOW = 6
"""Depth of the model's trie, in bytes (its longest feature); checked against the model by a test."""

IntArray = npt.NDArray[np.intp]
FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class LanguageModel:
    """py3langid's naive Bayes model in arrays ready for vectorised scoring."""

    next_state: npt.NDArray[np.unsignedinteger[Any]]
    """Transition table: the state after byte ``b`` in state ``s`` is ``next_state[row_base[s] + b]``."""
    row_base: IntArray
    output: IntArray
    """The feature each state counts, or -1."""
    table: FloatArray
    """Per feature, its log-probability in each class (rows of ``classes``' width)."""
    prior: FloatArray
    classes: tuple[str, ...]
    aliases: tuple[tuple[int, int], ...]
    """(first, duplicate) columns of a label the model holds twice; the duplicate's mass goes to the first."""

    def states(self, data: bytes) -> IntArray:
        """Return the automaton's state after each byte of ``data``."""
        text = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
        state = np.zeros(len(text), dtype=np.intp)
        for back in range(min(WINDOW, len(text)) - 1, -1, -1):
            ahead = state[back:]
            state[back:] = self.next_state[self.row_base[ahead] + text[: len(text) - back]]
        return state

    def raw_scores(self, data: bytes) -> FloatArray | None:
        """Return the unnormalised class scores of ``data``, or None when it holds no feature."""
        features = self.output[self.states(data)]
        features = features[features >= 0]
        if not len(features):
            return None
        found, first, counts = np.unique(features, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        weights = np.log1p(counts[order].astype(np.float32))
        scores: FloatArray = weights @ self.table[found[order]] + self.prior
        return scores

    def probabilities(self, text: str) -> FloatArray:
        """Return the probability of each class for ``text``, as py3langid's ``norm_probs`` gives it."""
        data = _encode(text)
        scores = self.raw_scores(data)
        if scores is None:
            scores = np.zeros(len(self.classes), dtype=np.float32)
        scores *= 1.0 / math.sqrt(len(data) or 1)
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
        for first, duplicate in self.aliases:
            scores[first] += scores[duplicate]
            scores[duplicate] = 0.0
        return scores

    def classify(self, text: str) -> tuple[str, float]:
        """Return the most probable language of ``text`` with its probability."""
        scores = self.probabilities(text)
        best = int(scores.argmax())
        return self.classes[best], float(scores[best])


def _encode(text: str) -> bytes:
    """Return the bytes py3langid reads for ``text``: lower-cased if all capitals, NFC, UTF-8."""
    if text.isupper():
        text = text.lower()
    return unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")


def _aliases(classes: list[str]) -> tuple[tuple[int, int], ...]:
    """Return (first, duplicate) column pairs for labels that appear more than once."""
    first: dict[str, int] = {}
    pairs: list[tuple[int, int]] = []
    for column, label in enumerate(classes):
        if label in first:
            pairs.append((first[label], column))
        else:
            first[label] = column
    return tuple(pairs)


@cache
def language_model() -> LanguageModel:
    """Return py3langid's bundled model as a :class:`LanguageModel`, loaded once per process."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE
    from py3langid.modelio import load_model

    table, prior, classes, next_state, rows, output = load_model(MODEL_DIR / MODEL_FILE)
    return LanguageModel(
        next_state=np.frombuffer(next_state, dtype=np.dtype(next_state.typecode)),
        row_base=np.frombuffer(rows, dtype=np.dtype(rows.typecode)).astype(np.intp) << 8,
        output=np.asarray(output, dtype=np.intp),
        table=np.asarray(table, dtype=np.float32),
        prior=np.asarray(prior, dtype=np.float32),
        classes=tuple(str(label) for label in classes),
        aliases=_aliases(classes),
    )
