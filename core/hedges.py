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
    # the reporter marks the claim as wrong ('ABC News reported incorrectly that …')
    "incorrectly", "falsely", "wrongly", "erroneously",
)

# Longest first so "it is unclear" wins over "unclear" at the same place.
_HEDGE_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(t) for t in sorted(HEDGE_TERMS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


# A modal in a free relative or concessive clause states no doubt about the claim ('regardless
# of which party may be in charge', 'whatever it may cost').
_FREE_RELATIVE = re.compile(r"\b(?:regardless|whatever|whichever|whoever|however|wherever|"
                            r"whenever|no matter)\b(?:\s+\w+){0,5}\s+$", re.IGNORECASE)
_MODALS = frozenset({"may", "might", "could"})
# 'claims' after a determiner or possessive is the noun ('the claims', 'his claims'): the topic
# of the sentence, not a hedge on it ('he claims').
_NOUN_BEFORE = re.compile(r"\b(?:the|these|those|such|his|her|their|its|our|your|my|any|"
                          r"all|many|some|similar|false|new|earlier|of)\s+$",
                          re.IGNORECASE)


def find_hedges(text: str) -> list[str]:
    """Hedge cues in `text`, lower-cased, in order of first appearance, without repeats.

    'May' with a capital is the month ('in May'), not the modal; a modal in a free relative
    or concessive clause ('regardless of which party may be in charge') is not a hedge, nor
    the noun 'claims' ('the claims were false')."""
    seen: list[str] = []
    for m in _HEDGE_RE.finditer(text):
        term = m.group(0).lower()
        if term in _MODALS and ((m.group(0) == "May" and m.start() > 0)
                                or _FREE_RELATIVE.search(text, max(0, m.start() - 80), m.start())):
            continue
        if term == "claims" and _NOUN_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue
        if term not in seen:
            seen.append(term)
    return seen
