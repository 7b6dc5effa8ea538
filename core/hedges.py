"""Hedge cues: words that mark a claim as uncertain, second-hand or denied knowledge."""

from __future__ import annotations

import re

HEDGE_TERMS: tuple[str, ...] = (
    "appeared", "appears", "appear", "seems", "seemed", "seem", "may", "might", "could",
    "possibly", "perhaps", "probably", "likely", "unlikely", "reportedly", "allegedly",
    "alleged", "purportedly", "apparently", "supposedly", "rumored", "rumoured",
    "not aware", "unclear", "it is unclear", "it is not clear", "unconfirmed", "unverified",
    "suggests", "suggested", "believed to", "thought to", "said to be", "other sources said",
    "sources said", "according to sources", "claimed", "claims", "would not confirm",
    "could not be verified", "no evidence",
)

# Longest first so "it is unclear" wins over "unclear" at the same place.
_HEDGE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(t) for t in sorted(HEDGE_TERMS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def find_hedges(text: str) -> list[str]:
    """Hedge cues in `text`, lower-cased, in order of first appearance, without repeats."""
    seen: list[str] = []
    for m in _HEDGE_RE.finditer(text):
        term = m.group(0).lower()
        if term not in seen:
            seen.append(term)
    return seen
