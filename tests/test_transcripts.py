"""Transcript lines labelled with their speaker ('TAPPER: …'). Every line here is made up."""

from __future__ import annotations

from core.models import ClaimKind
from tests.test_speakers import _resolved

TRANSCRIPT = (
    "Governor on the debate.\n\n"
    "WELLS: And obviously, you are backing the senator. I think some voters are skeptical.\n\n"
    "FARRAND: Well, I think he will win. He is strong on jobs and he \"listens\".\n\n"
    "WELLS: Thank you, governor.\n"
)


def test_every_sentence_of_a_labelled_line_is_its_speakers_turn() -> None:
    claims = _resolved(TRANSCRIPT)
    by_text = {c.text: c for c in claims}
    turn = by_text["I think some voters are skeptical."]
    assert turn.speaker == "Wells" and turn.kind == ClaimKind.DIRECT and turn.cue == ":"
    # The label is not part of the claim; the whole first sentence is.
    assert by_text["And obviously, you are backing the senator."].speaker == "Wells"
    assert by_text["Thank you, governor."].speaker == "Wells"


def test_a_label_that_opens_one_line_only_stays_a_sentence_label() -> None:
    claims = _resolved(TRANSCRIPT)
    # 'FARRAND:' opens one line: the rules read that line sentence by sentence as before.
    assert not any(c.text == "He is strong on jobs and he \"listens\"." and c.kind ==
                   ClaimKind.DIRECT for c in claims)


def test_a_mixed_case_label_needs_a_known_name_and_two_lines() -> None:
    text = ("Panel.\n\nThe host is Dana Matthews.\n\n"
            "Matthews: Well, speculation is bad. It hurts.\n\n"
            "Update: The panel ended early. Nobody left.\n\n"
            "Matthews: Here is the irony of our time.\n\n"
            "Update: Another line.\n")
    claims = _resolved(text)
    assert {c.text for c in claims if c.speaker == "Dana Matthews"} >= {
        "Well, speculation is bad.", "It hurts.", "Here is the irony of our time."}
    assert not any(c.speaker for c in claims if "panel ended" in c.text or "Nobody" in c.text)


def test_capitalised_furniture_labels_are_not_speakers() -> None:
    text = ("Story.\n\nUPDATE: The count went on overnight. Results came in.\n\n"
            "UPDATE: The count is over.\n")
    assert not any(c.speaker or c.speaker_mention for c in _resolved(text))
