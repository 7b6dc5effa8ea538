"""Precision of attribution: spans that are frame, labels or trailing material are no claims."""

from __future__ import annotations

import pytest

from core.attribution import attribute
from core.models import Claim, ClaimKind, Document


def _claims(text: str) -> list[Claim]:
    return attribute([Document(id="dp", path="p.txt", text=text, sha256="-")])


def _spoken(text: str) -> list[Claim]:
    return [c for c in _claims(text) if c.speaker_mention]


@pytest.mark.parametrize("tail", [
    "she told the Harbor Gazette in March.",
    "Quill said to cheers.",
    "Quill wrote in a memo to the board.",
    "Quill said, naming a few.",
    "Quill told the crowd in Dover on Tuesday night.",
    "Quill said shortly after the vote.",
])
def test_the_frame_after_a_quote_is_no_claim(tail: str) -> None:
    text = f'The ferry plan drew a crowd. "The boats are ready. We will keep the harbor open all winter," {tail}'
    spoken = _spoken(text)
    assert [c.text for c in spoken] == ['"The boats are ready. We will keep the harbor open all winter,"']


@pytest.mark.parametrize("tail, content", [
    ("Quill said, adding that the fares would stay low.", "that the fares would stay low"),
    ("Quill told reporters that the fares would stay low.", "the fares would stay low"),
    ("Quill said, when asked whether the fares would rise.", "whether the fares would rise"),
])
def test_content_after_a_quotes_cue_stays(tail: str, content: str) -> None:
    text = f'"The boats are ready. We will keep the harbor open all winter," {tail}'
    assert any(content in c.text for c in _spoken(text))


@pytest.mark.parametrize("label", ["Editor’s note:", "Editor's Note:", "Paid Notice:",
                                   "Delegate Update:"])
def test_a_section_label_before_a_colon_is_no_speaker(label: str) -> None:
    text = ("The council met on Monday.\n"
            f"{label} The harbor ferry will run on a reduced schedule until the storm passes.")
    assert not any("reduced schedule" in c.text for c in _spoken(text))


def test_a_name_before_a_colon_still_speaks() -> None:
    spoken = _spoken("Dana Quill: The harbor ferry must keep running all winter long.")
    assert [c.speaker_mention for c in spoken] == ["Dana Quill"]


def test_said_followed_by_a_clause_does_not_invert() -> None:
    text = ("The harbor was quiet. One pilot, who like the others spoke on the condition of "
            "anonymity to discuss the private meeting, said the message was clear.")
    spoken = _spoken(text)
    assert all(c.speaker_mention != "the message" for c in spoken)
    assert not any(c.text.startswith("One pilot, who") for c in spoken)


def test_said_and_a_name_with_a_relative_clause_still_inverts() -> None:
    text = "The ferry will keep running all winter, said Dana Quill, who runs the night shift."
    spoken = _spoken(text)
    assert [(c.text, c.speaker_mention) for c in spoken] == [
        ("The ferry will keep running all winter", "Dana Quill")]


@pytest.mark.parametrize("sentence", [
    "Most Democratic-leaning states in the region backed the ferry plan last year.",
    "He did not revisit his Ferry Board remarks in an address to the pilots on Sunday.",
])
def test_states_and_remarks_without_that_are_nouns(sentence: str) -> None:
    assert _spoken(f"The council met. {sentence}") == []


def test_states_that_is_still_a_cue() -> None:
    spoken = _spoken("The council met. Dana Quill states that the ferry must run every day.")
    assert [(c.text, c.speaker_mention) for c in spoken] == [
        ("the ferry must run every day", "Dana Quill")]


@pytest.mark.parametrize("sentence", [
    '"The ferry must run," Quill said on WXYZ\'s "Harbor Talk With Ann Roe."',
    'Quill wrote about the ferry in her memoir, "Tides And Tempers."',
    '"The ferry must run," Quill said in an interview with "Coast Morning Live."',
])
def test_a_quoted_title_is_no_claim(sentence: str) -> None:
    direct = [c for c in _spoken(f"The council met. {sentence}") if c.kind is ClaimKind.DIRECT]
    assert not any("Harbor Talk" in c.text or "Tides" in c.text or "Coast Morning" in c.text
                   for c in direct)


@pytest.mark.parametrize("sentence, quote", [
    ('Quill called the plan "Dead On Arrival."', '"Dead On Arrival."'),
    ('The crowd broke into chants of "Quill!"', None),
    ('Quill said, "The Ferry Runs Tonight."', '"The Ferry Runs Tonight."'),
])
def test_title_case_words_after_a_cue_stay_quotes(sentence: str, quote: str | None) -> None:
    claims = _claims(f"The council met. {sentence}")
    if quote is not None:
        assert any(c.text.endswith(quote) and c.speaker_mention for c in claims)


@pytest.mark.parametrize("lead", ["But, according", "In addition, according", "According"])
def test_content_after_a_mid_sentence_according_to(lead: str) -> None:
    text = f"The council met. {lead} to the harbor survey, most pilots want a later ferry."
    spoken = _spoken(text)
    assert [(c.text, c.speaker_mention) for c in spoken] == [
        ("most pilots want a later ferry", "the harbor survey")]


def test_content_before_a_late_according_to() -> None:
    text = "The council met. Most pilots want a later ferry, according to the harbor survey."
    assert [c.text for c in _spoken(text)] == ["Most pilots want a later ferry"]


@pytest.mark.parametrize("sentence", ["In the past week, Dana Quill said.",
                                      "As for the late ferry, Dana Quill worried."])
def test_a_fronted_phrase_before_the_speaker_is_no_content(sentence: str) -> None:
    assert _spoken(f"The council met. {sentence}") == []


@pytest.mark.parametrize("sentence, content", [
    ("The late ferry will stay, Dana Quill said.", "The late ferry will stay"),
    ("The late ferry will stay for now, Dana Quill worried.", "The late ferry will stay for now"),
])
def test_a_clause_before_the_speaker_stays_content(sentence: str, content: str) -> None:
    assert [c.text for c in _spoken(f"The council met. {sentence}")] == [content]


def test_a_digest_item_under_a_dash_label_continues_no_speaker() -> None:
    text = ('"The ferry must run all winter long," Dana Quill said at the pier on Monday.\n\n'
            'HARBOR BEAT—"New ferry schedule posted for the winter season," by the Harbor Gazette.')
    assert not any("New ferry schedule" in c.text for c in _spoken(text))


def test_a_name_before_a_colon_and_a_number_is_a_tally() -> None:
    text = "The count so far.\n\nDana Quill: 1,204.\n\nAnn Roe: 988."
    assert _spoken(text) == []


def test_found_oneself_is_no_finding() -> None:
    text = "The council met. Dana Quill found herself in a long dispute with the ferry pilots."
    assert _spoken(text) == []


def test_found_that_is_still_a_finding() -> None:
    text = "The council met. Dana Quill found that the ferry pilots were working long hours."
    assert [c.text for c in _spoken(text)] == ["the ferry pilots were working long hours"]


@pytest.mark.parametrize("sentence", [
    "Ferry questions are likely to dominate the council race.",
    "Quill's tweet came as the pilots were voting on the new schedule.",
])
def test_a_cue_noun_before_a_finite_verb_is_no_cue(sentence: str) -> None:
    assert _spoken(f"The council met. {sentence}") == []


def test_a_cue_after_a_relative_before_a_finite_verb_stays() -> None:
    text = "The council met. The pilots backed a plan which Dana Quill said would cut the fares."
    assert any("would cut the fares" in c.text for c in _spoken(text))
