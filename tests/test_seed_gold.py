"""The seed's gold labels (fixtures/seed/gold_attribution.json, written by reading the text)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.seedcase import claim_at, load_fixture, seed_analysis

GOLD = load_fixture("gold_attribution.json")
CHECKED = [c for c in GOLD["claims"] if c.get("check", True)]


def _id(entry: dict[str, Any]) -> str:
    return str(entry["anchor"][:40])


def _norm(name: str | None) -> str | None:
    return None if name is None else " ".join(name.lower().split())


@pytest.mark.parametrize("entry", CHECKED, ids=_id)
def test_speaker(entry: dict[str, Any]) -> None:
    claim = claim_at(seed_analysis(), entry["anchor"])
    assert claim is not None, "no claim covers the anchor"
    if entry["speaker"] is None:
        assert claim.speaker is None, f"narration expected, got speaker {claim.speaker!r}"
    else:
        assert _norm(claim.speaker) in {_norm(s) for s in entry["speaker"]}, claim.speaker


@pytest.mark.parametrize("entry", CHECKED, ids=_id)
def test_perspective(entry: dict[str, Any]) -> None:
    claim = claim_at(seed_analysis(), entry["anchor"])
    assert claim is not None
    want = entry["perspective"]
    if want == "author":
        assert claim.perspective is not None and claim.perspective.startswith("author-")
    else:
        assert claim.perspective == want


@pytest.mark.parametrize("entry", CHECKED, ids=_id)
def test_kind_and_details(entry: dict[str, Any]) -> None:
    claim = claim_at(seed_analysis(), entry["anchor"])
    assert claim is not None
    assert claim.kind.value == entry["kind"]
    if "cue" in entry:
        assert claim.cue is not None and entry["cue"] in claim.cue.lower()
    if "anonymous" in entry:
        assert claim.anonymous is entry["anonymous"]
    if "via" in entry:
        assert [_norm(v) for v in claim.via] == [_norm(v) for v in entry["via"]]
    if "role" in entry:
        assert claim.role is not None and _norm(entry["role"]) in (_norm(claim.role) or "")


@pytest.mark.parametrize("text", GOLD["not_claims"], ids=lambda t: t.strip()[:30])
def test_furniture_is_not_a_claim(text: str) -> None:
    analysis = seed_analysis()
    doc = analysis.documents[0]
    start = doc.text.index(text)
    end = start + len(text.rstrip("\n"))
    hits = [c.text for c in analysis.claims if c.start < end and c.end > start]
    assert not hits, f"furniture became a claim: {hits}"


def test_every_claim_reproduces_its_span() -> None:
    analysis = seed_analysis()
    texts = {d.id: d.text for d in analysis.documents}
    for claim in analysis.claims:
        assert texts[claim.document][claim.start : claim.end] == claim.text
