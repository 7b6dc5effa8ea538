"""Claims that session 11's reviews found wrong: BASIL stories (a magazine cover, a state bill,
a pension fight), PolNeAR train errors and news of other kinds (wire, UN, courts, UK politics).
Every sentence here is made up in the same shape."""

from __future__ import annotations

import pytest

from core.models import Claim
from tests.test_speakers import _resolved


def _claims(text: str) -> list[Claim]:
    return _resolved(f"Story\n\n{text}\n")


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in _claims(text)]


@pytest.mark.parametrize(("text", "speaker"), [
    ("The governor's staff was happy to hear Vance pledged his support for the harbor plan.",
     "Vance"),
    ("The hearing, which included Ortega vowing to cut the levy, ran late.", "Ortega"),
    ("It was odd to watch Tom Brandt, who ran on the levy, suddenly insist the levy was wrong.",
     "Tom Brandt"),
])
def test_a_verb_before_the_subject_is_not_part_of_the_speaker(text: str, speaker: str) -> None:
    assert speaker in _speakers(text)
    assert not any(s and s.split()[0].islower() and s != speaker for s in _speakers(text))


@pytest.mark.parametrize("text", [
    "Joe Brandt, a Denver-based radio host known across the state, recalled the flood in 2008.",
    "The summit is being held ahead of a major ruling expected in coming weeks on the dam.",
])
def test_an_adjective_or_an_adjunct_is_no_speaker(text: str) -> None:
    speakers = _speakers(text)
    assert not any(s and (s.endswith("-based") or s.startswith(("held", "ahead")))
                   for s in speakers), speakers
