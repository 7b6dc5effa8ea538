"""Rival accounts: two claims whose speakers stand for different perspectives.

Grouping suggests the events of such a pair even below the suggestion threshold when the pair
itself reached auto-merge strength (core.grouping_small.assemble_groups); the comparison marks
those suggestions 'rival accounts' (core.compare). Both read the rule from here.
"""

from __future__ import annotations

from core.models import Claim

# A rival pair kept apart by average linkage is suggested when it shares this many words
# (one shared word, 'friends', is too thin).
RIVAL_MIN_TERMS = 2


def claim_side(claim: Claim) -> str | None:
    """The side a claim speaks for: its speaker's perspective (narration, unknown: none)."""
    return claim.perspective if claim.speaker else None


def rival_sides(a: str | None, b: str | None) -> bool:
    """Two known sides that differ."""
    return a is not None and b is not None and a != b
