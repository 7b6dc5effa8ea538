"""Shared helpers for tests on the bundled seed case (analysed once per session)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import orjson

from core.models import Analysis, Claim
from core.pipeline import analyze_paths

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "basra_consulate_closure.txt"
FIXTURES = ROOT / "fixtures" / "seed"


@cache
def seed_analysis() -> Analysis:
    return analyze_paths([SEED])


def load_fixture(name: str) -> dict:  # type: ignore[type-arg]
    return orjson.loads((FIXTURES / name).read_bytes())  # type: ignore[no-any-return]


def claim_at(analysis: Analysis, anchor: str) -> Claim | None:
    """The claim that covers most of the anchor's span in the seed text (None if none does)."""
    doc = analysis.documents[0]
    start = doc.text.index(anchor)
    end = start + len(anchor)
    best: tuple[int, Claim] | None = None
    for claim in analysis.claims:
        overlap = min(end, claim.end) - max(start, claim.start)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, claim)
    return best[1] if best else None
