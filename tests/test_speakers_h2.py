"""Speaker rules from reading PolNeAR train errors: datelines, fronted places, titles with 'of'.
Every sentence here is made up."""

from __future__ import annotations

import pytest

from tests.test_speakers import _attributed_speaker_of as _speaker_of
from tests.test_speakers import _resolved


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


@pytest.mark.parametrize(("sentence", "source"), [
    ("Ticket sales fell by a third last spring, according to a report in the Harbor Gazette.",
     "Gazette"),
    ("Ticket sales fell by a third last spring, according to a recent report from Lumen "
     "Analytics.", "Analytics"),
    ("The show will end after this season, according to a post from Dana Whitlow.", "Whitlow"),
])
def test_according_to_a_report_from_a_source(sentence: str, source: str) -> None:
    speaker = _speaker_of(f"Headline.\n\n{sentence}\n", "by a third" if "third" in sentence
                          else "this season")
    assert speaker is not None and source in speaker


def test_according_to_the_officer_in_charge_stays_one_description() -> None:
    text = ("Headline.\n\nAccording to the officer in charge of the depot that night, the story "
            "in the film is untrue.\n")
    # 'charge' after three words is no document noun: the claim keeps its described source
    speaker = _speaker_of(text, "story in the film")
    assert speaker is not None and speaker.startswith("the officer")


def test_a_quote_after_before_saying_is_the_subjects() -> None:
    text = ("Headline.\n\nThe mayor spoke first.\n\nSenator Ray Dolan dodged several questions "
            "about the mayor before saying, “It is time to stop the feud and get to work.”\n")
    assert _speaker_of(text, "stop the feud") == "Ray Dolan"


def test_two_roles_joined_by_and_before_a_name() -> None:
    text = ("Headline.\n\nVeteran columnist and Harbor Radio host Ned Farrow renewed his feud "
            "with the mayor this week after writing a scathing column about the budget.\n")
    assert _speaker_of(text, "scathing column") == "Ned Farrow"


def test_a_dateline_of_a_date_and_an_agency() -> None:
    text = ("Headline.\n\nOct 12 (Reuters) - Senator Mara Quist on Friday rejected the plan, "
            "saying that “the farmers will pay for it” in the end.\n")
    assert _speaker_of(text, "farmers will pay") == "Mara Quist"


def test_a_party_tag_ends_a_trailing_name() -> None:
    text = ("Headline.\n\nThe shift felt small.\u00a0“It is not new in our state,” said Rep. Tom "
            "Brecker (D-Va.)\u00a0at the time, adding that\u00a0“we have done it for years.”\n")
    assert _speaker_of(text, "not new in our state") == "Tom Brecker"
    assert _speaker_of(text, "done it for years") == "Tom Brecker"


def test_the_end_of_a_quote_is_no_speaker() -> None:
    claims = _resolved("Headline.\n\n“It is not new in our state,” said the man at the time.\n")
    assert all(not (c.speaker_mention or "").endswith("”") for c in claims)


@pytest.mark.parametrize(("trail", "speaker"), [
    ("Dolan fumed on Tuesday.", "Dolan"),
    ("Bennett shot back with a laugh.", "Bennett"),
])
def test_a_verb_after_a_quote_with_a_time_or_manner(trail: str, speaker: str) -> None:
    text = (f"Headline.\n\nThe session ended.\n\n“They would have gone to the only bill that "
            f"has support,” {trail}\n")
    assert _speaker_of(text, "only bill") == speaker


@pytest.mark.parametrize(("quote", "trail", "speaker"), [
    ("We are tired of being told what to think!", "Dolan said.", "Dolan"),
    ("Did you know who wrote it?", "Todd asked the host.", "Todd"),
])
def test_a_short_sentence_after_an_exclaimed_quote_names_its_speaker(quote: str, trail: str,
                                                                     speaker: str) -> None:
    text = (f"Headline.\n\n“We must control the borders,” Mara Quist said.\n\n“{quote}” {trail}\n")
    claims = _resolved(text)
    assert _speaker_of(text, quote[:12]) == speaker
    assert not any(c.text == trail for c in claims)  # no narration left for the tag


def test_a_quote_then_a_sentence_of_its_own_is_not_retagged() -> None:
    text = ("Headline.\n\n“We must control the borders,” Mara Quist said.\n\n“Is this a joke?” The "
            "crowd laughed.\n")
    assert _speaker_of(text, "Is this a joke") == "Mara Quist"


def test_the_subject_of_a_verb_before_an_infinitive_cue() -> None:
    text = ("Headline.\n\nThe hearing was so calm that Senator Ray Dolan was prompted to say, "
            "“I cannot believe how polite it has been in here.”\n")
    assert _speaker_of(text, "how polite") == "Ray Dolan"


def test_an_adjective_before_an_infinitive_keeps_the_reporter() -> None:
    text = ("Headline.\n\nMara Quist said Dolan was right to urge the council “to stand up and be "
            "counted.”\n")
    assert _speaker_of(text, "stand up") == "Mara Quist"


def test_a_name_with_its_church_after_a_description() -> None:
    text = ("Headline.\n\nOne pastor backing the mayor, Darrel Whitcombe of Grace Chapel in "
            "Marion, said he had made more than 150 phone calls.\n")
    assert _speaker_of(text, "phone calls") == "Darrel Whitcombe"


def test_a_description_then_a_name_in_commas_gives_the_name() -> None:
    text = ("Headline.\n\nBut the other candidate on the stage, former Governor Joan Pettit, drew "
            "a contrast, saying that the job losses were not to be dismissed.\n")
    claims = _resolved(text)
    assert _speaker_of(text, "job losses") == "Joan Pettit"
    # the description before the name is the speaker's role, not a narration claim
    assert not any(c.text.startswith("But the other candidate") for c in claims)


def test_i_in_a_labelled_transcript_line_is_the_label() -> None:
    text = ("Headline.\n\nHOST: How will he heal the nation? “We need answers,” Ray Dolan said "
            "last week.\n\nWARBECK: Well, I think the whole nation needs to work together now.\n")
    assert _speaker_of(text, "whole nation") == "WARBECK"
