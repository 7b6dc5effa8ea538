"""Event grouping on the seed: must/cannot pairs from fixtures/seed/pairs.json (written by reading)."""

from __future__ import annotations

import pytest

from tests.seedcase import claim_at, load_fixture, seed_analysis

PAIRS = load_fixture("pairs.json")


def _groups(a: str, b: str) -> tuple[str | None, str | None]:
    analysis = seed_analysis()
    ca, cb = claim_at(analysis, a), claim_at(analysis, b)
    assert ca is not None and cb is not None
    return ca.group, cb.group


@pytest.mark.parametrize(("a", "b"), PAIRS["must"], ids=lambda s: s[:30])
def test_must_share_a_group(a: str, b: str) -> None:
    ga, gb = _groups(a, b)
    assert ga is not None and ga == gb


@pytest.mark.parametrize(("a", "b"), PAIRS["cannot"], ids=lambda s: s[:30])
def test_cannot_share_a_group(a: str, b: str) -> None:
    ga, gb = _groups(a, b)
    assert ga is not None and gb is not None and ga != gb
