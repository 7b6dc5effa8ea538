"""Held-out probe 13: eight fresh news texts with gold written by reading them before perspecta ran
(fixtures/probe13/gold.json; the commit that added them, 1521e02, is older than any run). Topics
not used before: a Philippine-China reef standoff, a Turkish rate decision, an Alberta wildfire
inquiry, a Blue Nile dam dispute, a Premier League takeover, Taiwanese chip export controls, a
Peruvian impeachment, a Poland-Belarus border incident. First contact (perspecta at b0abae6):
speaker 96, perspective 42 right, 8 wrong, 52 missing of 102. Session 12 then used the set for
tuning (speaker 99, perspective 44 right, 7 wrong at the end); the floors sit a little below
that, so a change that loses several statements fails here."""

from __future__ import annotations

from bench.probe import ROOT
from tests.probe_case import check_gold, check_scores

FOLDER = ROOT / "fixtures" / "probe13"


def test_gold_quotes_are_unique_in_their_texts() -> None:
    check_gold(FOLDER, 102)


def test_probe13_speakers_and_perspectives() -> None:
    check_scores(FOLDER, 102, speaker_min=96, right_min=41, wrong_max=8)
