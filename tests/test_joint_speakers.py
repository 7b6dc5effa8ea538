"""People who speak together ('Clinton and Sanders said'), and name phrases the rules used to cut
apart ('George Will said', 'Ann Lo, president and CEO of …'). From PolNeAR train errors;
every sentence here is made up."""

from __future__ import annotations

import pytest

from tests.test_speakers import _attributed_speaker_of as _speaker_of
from tests.test_speakers import _resolved


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Both Justin Trudeau and Enrique Peña Nieto said the deal was good for workers.",
     "Justin Trudeau and Enrique Peña Nieto"),
    ("Hillary Clinton, Bernie Sanders and Martin O'Malley said the deal was good for workers.",
     "Hillary Clinton, Bernie Sanders and Martin O'Malley"),
    ("Clinton and Sanders said the deal was good for workers.", "Clinton and Sanders"),
    ("Instead, Matthews, Alex Wald and Luciana Lopez argued that the deal was good for workers.",
     "Matthews, Alex Wald and Luciana Lopez"),
    ("Bernie Sanders and Ted Cruz both campaigned in Arizona, hoping the deal was good for "
     "workers.", "Bernie Sanders and Ted Cruz"),
])
def test_a_list_of_names_opening_the_clause_speaks_together(sentence: str, speaker: str) -> None:
    text = f"Summit ends\n\n{sentence}\n\nThe rain went on all day.\n"
    assert _speaker_of(text, "deal was good") == speaker


@pytest.mark.parametrize(("sentence", "speaker"), [
    # the names before 'and' are objects of a verb, not subjects
    ("Trump met Clinton and Sanders said the deal was good for workers.", "Sanders"),
    # a list begun before the comma goes on; no joint speaker made of its tail
    ("The ad mocked Donald Trump, Ben Carson, and Carly Fiorina for saying the deal was good "
     "for workers.", None),
])
def test_names_after_a_verb_or_inside_a_longer_list_are_not_joint(
        sentence: str, speaker: str | None) -> None:
    text = f"Summit ends\n\n{sentence}\n\nThe rain went on all day.\n"
    hits = [c for c in _resolved(text) if "deal was good" in c.text]
    assert hits
    assert all(" and " not in (c.speaker or "") for c in hits)
    if speaker is not None:
        assert hits[0].speaker == speaker


def test_a_member_of_a_joint_speaker_is_known_by_surname_later() -> None:
    text = ("Summit ends\n\nJustin Trudeau and Enrique Peña Nieto said the deal was good for "
            "workers.\n\nLater, Trudeau said he would call the president.\n")
    assert _speaker_of(text, "call the president") == "Justin Trudeau"


def test_a_titled_name_before_and_is_no_narration_fragment() -> None:
    text = ("Talks end\n\nIraqi Prime Minister Haider al-Abadi and Iranian Foreign Minister Javad "
            "Zarif said the talks were useful.\n")
    claims = _resolved(text)
    assert not [c for c in claims if c.text.rstrip().endswith(" and")]
    assert _speaker_of(text, "talks were useful") == "Javad Zarif"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Conservative columnist and Fox News contributor George Will said the deal was good for "
     "workers.", "George Will"),
    ("Karen Lo, president and CEO of the Ohio Grocers Association stated that the deal was good "
     "for workers.", "Karen Lo"),
    ("And even Obama agreed, noting that the deal was good for workers.", "Obama"),
])
def test_name_phrases_kept_whole(sentence: str, speaker: str) -> None:
    text = f"Summit ends\n\n{sentence}\n\nThe rain went on all day.\n"
    assert _speaker_of(text, "deal was good") == speaker


def test_a_description_given_a_name_is_no_cue() -> None:
    text = ("Plant closing\n\nOutside the plant, a worker named Tomas Arrio has nothing but kind "
            "words for his job, much like his colleagues.\n")
    assert not [c for c in _resolved(text) if c.cue == "named"]


def test_a_year_is_no_speaker() -> None:
    text = ("Oil\n\nI remember President Jimmy Carter going on TV on April 18, 1977, declaring a "
            "war against dependence on foreign oil.\n")
    assert not [c for c in _resolved(text) if c.speaker_mention == "1977"]


@pytest.mark.parametrize("opening", ["Twenty-three minutes later", "Two hours earlier",
                                     "10 days later"])
def test_an_amount_of_time_opening_the_sentence_is_no_speaker(opening: str) -> None:
    text = (f"Emails\n\n{opening}, Ms. Nuland sent the officials an even more pointed e-mail, "
            "objecting that the talking points could be abused by lawmakers.\n")
    speakers = {c.speaker for c in _resolved(text) if c.speaker}
    assert not any(opening.split()[0] in s for s in speakers), speakers
