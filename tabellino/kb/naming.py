"""Club naming rules: slugs for ids and the general rule for a club's English common name.

The general rule: the first ``[en]`` name when openfootball has one, else the openfootball name
without legal-form words (FC, AC, SS, 1. FC, VfL, TSG 1899, ...). The curated override table
``kb/aliases/canonical.toml`` wins over the rule.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tabellino.kb.fold import key

__all__ = ["canonical_name", "slug", "strip_legal"]

# Legal-form and sport-club words that the common form of a club name leaves out.
_LEGAL = {
    "1.", "ac", "acf", "afc", "as", "bc", "bk", "cd", "cf", "cfc", "cp", "fc", "fk", "gnk", "hnk",
    "if", "ik", "nk", "ogc", "pfc", "rcd", "sc", "sd", "sk", "sl", "ss", "ssc", "ssd", "sv", "tsg",
    "tsv", "ud", "us", "usl", "vfl", "spvgg", "calcio", "kv", "krc", "kaa", "rsc", "ks", "fk.", "sco",
    "osc", "jk", "ca", "cs", "sv.", "bsc", "sad", "ff", "ifk", "aik", "cfr", "fsv", "bv", "ii",
}  # fmt: skip
_YEAR = re.compile(r"^(18|19|20)\d\d$")


def slug(name: str) -> str:
    """Return an ASCII slug of a name (``"1. FC Köln"`` -> ``"1-fc-koln"``)."""
    ascii_key = key(name).encode("ascii", "ignore").decode()
    return "-".join(ascii_key.split()) or "x"


def strip_legal(name: str) -> str:
    """Return a club name without leading/trailing legal-form words and founding years."""
    words = name.split()
    while len(words) > 1 and (words[0].lower() in _LEGAL or _YEAR.match(words[0])):
        words = words[1:]
    while len(words) > 1 and (words[-1].lower() in _LEGAL or _YEAR.match(words[-1])):
        words = words[:-1]
    return " ".join(words)


def canonical_name(name: str, names: Sequence[tuple[str, str | None]]) -> str:
    """Return the general-rule English common name of a club (before curated overrides)."""
    english = [n for n, lang in names if lang == "en"]
    base = english[0] if english else name
    short = strip_legal(base)
    # "Bremer SV", "Karlsruher SC", "Hallescher FC": without its legal word the name is a bare
    # adjective ("Bremer"), which is no club name; keep the full form.
    if " " not in short and short != base and re.search(r"(?:er|scher|ner)$", short):
        return base
    return short
