"""Speaker rules from reading PolNeAR train errors (fourth round). Every sentence here is made
up."""

from __future__ import annotations

import pytest

from tests.test_speakers import _attributed_speaker_of as _speaker_of


@pytest.mark.parametrize("tail", [
    "said Tom Vantry of the Ohio delegation.",
    "said Tom Vantry of the state’s farm bureau.",
    "said Tom Vantry from the local school board.",
])
def test_said_name_of_a_lowercase_description_after_a_quote(tail: str) -> None:
    text = ("Headline.\n\nCampaign chair Mara Quist dismissed the whole fuss as “absurd.” The "
            f"voters seemed calm.\n\n“There is just a passion for the mayor, and his wife did "
            f"great,” {tail}\n\nOther figures were less calm.\n")
    assert _speaker_of(text, "passion for the mayor") == "Tom Vantry"
