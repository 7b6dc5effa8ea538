"""Held-out probe 12: ten fresh news texts with gold written by reading them before perspecta ran
(fixtures/probe12/gold.json; the commit that added them is older than any run). The texts are now
tuning texts for the perspective rules; the floors sit a little below the scores measured at the
end of session 12 (speaker 112, perspective 85 right and 0 wrong of 117), so a change that loses
several statements fails here. First contact was speaker 109, perspective 55 right, 3 wrong."""

from __future__ import annotations

from pathlib import Path

from bench.probe import DEFAULT
from tests.probe_case import check_gold, check_scores

FOLDER = Path(DEFAULT)


def test_gold_quotes_are_unique_in_their_texts() -> None:
    check_gold(FOLDER, 117)


def test_probe12_speakers_and_perspectives() -> None:
    check_scores(FOLDER, 117, speaker_min=108, right_min=81, wrong_max=3)
