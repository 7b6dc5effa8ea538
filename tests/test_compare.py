"""core.compare: the comparison view model the TUI and the reports share."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.compare import UNGROUPED_EVENT, build_comparison, paragraph_bounds
from core.models import Analysis, Claim, ClaimKind, Document

ROOT = Path(__file__).resolve().parent.parent
SEED_LIKE = ROOT / "fixtures" / "analysis" / "seed_like.json"


@pytest.fixture(scope="module")
def seed() -> Analysis:
    return Analysis.from_json(SEED_LIKE.read_bytes())


def test_events_sorted_by_voices_then_claims(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    keys = [(e.voices, e.claims) for e in comparison.events if e.id != UNGROUPED_EVENT]
    assert keys == sorted(keys, reverse=True)
    assert comparison.events[-1].id == UNGROUPED_EVENT
    assert sum(e.claims for e in comparison.events) == len(seed.claims)


def test_cells_hold_every_claim_once_in_reading_order(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    seen = []
    for event in comparison.events:
        for column in comparison.columns:
            cell = comparison.claims_in(event.id, column.id)
            assert [c.start for c in cell] == sorted(c.start for c in cell)
            assert all(comparison.perspective_of(c) == column.id for c in cell)
            seen += [c.id for c in cell]
    assert sorted(seen) == sorted(c.id for c in seed.claims)


def test_contested_needs_two_voices_and_a_denial_or_hedge(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    for event in comparison.events:
        if event.contested:
            assert event.voices >= 2
    reason = next(e for e in comparison.events if e.label == "Reason for the closure")
    assert reason.contested  # 'appeared political & not driven by …' against Pompeo
    relocation = next(e for e in comparison.events if e.label == "Relocation of diplomatic staff")
    assert not relocation.contested
    assert "iran" in reason.silent and "united-states" not in reason.silent


def test_context_paragraph_holds_the_span(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    for claim in seed.claims:
        context = comparison.context(claim.id)
        assert context.paragraph[context.span_start : context.span_end] == claim.text
        assert "\n\n" not in context.paragraph.strip()


def test_reasons_name_the_matched_terms(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    official = next(c for c in seed.claims if "appeared political" in c.text)
    reasons = comparison.reasons(official.id)
    assert reasons and reasons[0].tier == "merge"
    assert "iran" in reasons[0].terms


def test_filter_tolerates_typos_and_prefixes(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    typos = comparison.filter("apeared politcal")
    assert [e.label for e in typos.events] == ["Reason for the closure"]
    assert typos.claims is not None and len(typos.claims) == 1
    prefix = comparison.filter("pomp")
    assert prefix.claims is not None
    assert {comparison.claims[c].speaker for c in prefix.claims} == {"Mike Pompeo"}
    label = comparison.filter("ahvaz")
    assert label.events[0].label == "Ahvaz attack"
    assert comparison.filter("").claims is None
    assert comparison.filter("zzzzqqq").events == ()


def test_matrix_counts_match_cells(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    for event, counts in comparison.matrix():
        assert sum(counts) == event.claims


def test_speaker_and_source_rows(seed: Analysis) -> None:
    comparison = build_comparison(seed)
    speakers = {r.name: r for r in comparison.speaker_rows()}
    assert speakers["Mike Pompeo"].claims == sum(1 for c in seed.claims
                                                 if c.speaker == "Mike Pompeo")
    assert speakers["a senior Iraqi official"].anonymous
    (source,) = comparison.source_rows()
    assert source.claims == len(seed.claims) and source.outlet == "MECRA"


def test_claims_without_group_or_perspective_still_show() -> None:
    text = "Officials said the base was hit. Nobody else spoke."
    doc = Document(id="d1", path="x.txt", text=text, sha256="0")
    claim = Claim(id="c1", document="d1", start=0, end=32, text=text[:32],
                  kind=ClaimKind.NARRATION)
    comparison = build_comparison(Analysis(documents=[doc], claims=[claim]))
    (event,) = comparison.events
    assert event.id == UNGROUPED_EVENT
    assert comparison.columns[0].claims == 1
    assert comparison.claims_in(event.id, comparison.columns[0].id) == [claim]


def test_paragraph_bounds_trim_blank_lines() -> None:
    text = "One.\n\n  Two three. Four.\n\nFive."
    start = text.index("three")
    left, right = paragraph_bounds(text, start, start + 5)
    assert text[left:right] == "Two three. Four."
