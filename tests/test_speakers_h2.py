"""Speaker rules from reading PolNeAR train errors: datelines, fronted places, titles with 'of'.
Every sentence here is made up."""

from __future__ import annotations

import pytest

from core.attribution import attribute
from core.models import Claim, Document
from core.speakers import resolve_speakers


def _resolved(text: str) -> list[Claim]:
    doc = Document(id="dh2", path="t.txt", text=text, sha256="-")
    claims, _ = resolve_speakers(attribute([doc]), [doc])
    return claims


def _speaker_of(text: str, anchor: str) -> str | None:
    hits = [c for c in _resolved(text) if anchor in c.text and (c.speaker or c.speaker_mention)]
    assert hits, f"no attributed claim holds {anchor!r}"
    return hits[0].speaker


@pytest.mark.parametrize("dateline", [
    "Lisbon (AFP) –",
    "BOSTON, March 3 (UPI) —",
    "NEW YORK (Reuters) -",
    "Denver (AP) —",
])
def test_a_dateline_is_never_the_speaker(dateline: str) -> None:
    text = (f"Headline.\n\n{dateline} Senator Mara Quist has criticised the new tariff plan, "
            "saying that “the farmers will pay for it” before the harvest.\n")
    assert _speaker_of(text, "farmers will pay") == "Mara Quist"


def test_a_party_tag_before_a_dash_is_no_dateline() -> None:
    text = ("Headline.\n\nSen. Ann Fry (D-Ohio) — a critic of the deal — rejected it, saying "
            "that “it gives away too much” to the builders.\n")
    assert _speaker_of(text, "gives away too much") == "Ann Fry"


@pytest.mark.parametrize("opening", [
    "Speaking at a diner in Keene, New Hampshire,",
    "At a rally in Ames, Iowa, on Sunday,",
    "At a town hall in Nashua, N.H.,",
])
def test_the_state_after_a_fronted_town_is_no_speaker(opening: str) -> None:
    text = (f"Headline.\n\n{opening} Governor Tom Brecker went after his rival, calling him "
            "“a total lightweight.”\n")
    assert _speaker_of(text, "lightweight") == "Tom Brecker"


def test_a_title_with_of_stays_whole_before_the_name() -> None:
    text = ("Headline.\n\nFormer Secretary of Labor Joan Pettit urged voters to turn out, saying, "
            "“Every single vote matters this year.”\n")
    assert _speaker_of(text, "Every single vote") == "Joan Pettit"
