"""Speaker rules from reading PolNeAR train errors (third round): long appositives after a name.
Every sentence here is made up."""

from __future__ import annotations

import pytest

from tests.test_speakers import _attributed_speaker_of as _speaker_of


@pytest.mark.parametrize("appositive", [
    "a former trade official who is now a senior fellow at the Harbor Institute for Policy "
    "Studies, which tracks tariffs and farm prices,",
    "who led the state police for a decade and later ran the inquiry into the Port Authority "
    "Bridge Company,",
    "chief executive of Lumen Freight Partners, a shipping consultancy and broker for "
    "growers and small exporters across the valley,",
])
def test_a_name_opening_the_clause_speaks_after_a_long_appositive(appositive: str) -> None:
    text = (f"Headline.\n\nThe vote came late.\n\nMara Quist, {appositive} said that the new "
            "tariff would hurt the farmers badly.\n")
    assert _speaker_of(text, "hurt the farmers") == "Mara Quist"


def test_a_short_appositive_keeps_the_usual_reading() -> None:
    text = ("Headline.\n\nMara Quist, a former trade official, said that the new tariff would "
            "hurt the farmers badly.\n")
    assert _speaker_of(text, "hurt the farmers") == "Mara Quist"


def test_a_long_clause_without_an_opening_name_is_left_alone() -> None:
    text = ("Headline.\n\nAfter the long and bitter fight over the budget for the coming year in "
            "the state capital, which ran for weeks, Senator Ray Dolan said that the deal was "
            "fair to everyone.\n")
    assert _speaker_of(text, "fair to everyone") == "Ray Dolan"


@pytest.mark.parametrize("tail", [
    "Mara Quist, who ran the port office for six years under the old mayor, told Harbor Radio.",
    "the council spokesman, Mara Quist, told Harbor Radio.",
])
def test_the_object_of_told_after_a_quote_is_the_addressee(tail: str) -> None:
    text = (f"Headline.\n\nThe vote came late.\n\n“The port has never been busier than it is this "
            f"year,” {tail}\n")
    speaker = _speaker_of(text, "never been busier")
    assert speaker is not None and "Quist" in speaker


def test_said_after_a_quote_still_inverts() -> None:
    text = ("Headline.\n\nThe vote came late.\n\n“The port has never been busier than it is this "
            "year,” said Mara Quist, a port official.\n")
    assert _speaker_of(text, "never been busier") == "Mara Quist"


@pytest.mark.parametrize(("sentence", "anchor", "speaker"), [
    ("After the flood, Mara Quist released a new radio ad calling the levee plan “a total waste "
     "of public money.”", "total waste", "Mara Quist"),
    ("In the spring, the Harbor Alliance ran an ad last April hitting the mayor for the closed "
     "port and the lost jobs.", "closed port", "Harbor Alliance"),
    ("The Valley Ledger has run a string of sharp editorials pushing the council to drop the "
     "levee plan before the vote.", "drop the levee", "Valley Ledger"),
])
def test_who_put_out_a_document_speaks_through_its_participle(sentence: str, anchor: str,
                                                               speaker: str) -> None:
    assert _speaker_of(f"Headline.\n\nThe vote came late.\n\n{sentence}\n", anchor) == speaker


def test_adding_after_name_said_goes_on_with_that_speaker() -> None:
    text = ("Headline.\n\n“We have started all those talks,” Mr. Varga said.\n\nMr. Holt intends to "
            "deliver a major address at the Press Club this month, Mr. Varga said, adding that he "
            "would also hold similar events to close his “gender gap.”\n")
    assert _speaker_of(text, "similar events") == "Mr. Varga"


def test_adding_a_quote_after_name_said_on_a_day() -> None:
    text = ("Headline.\n\nLena Ortiz said the mayor had met the union leaders twice, but Ortiz gave "
            "no date. The mayor should meet them again soon, Dana Roe said on Tuesday, adding, "
            "“They need to sit down and have a good talk.”\n")
    assert _speaker_of(text, "good talk") == "Dana Roe"


def test_a_participle_after_the_subjects_own_clause_keeps_the_subject() -> None:
    text = ("Headline.\n\nSenator Ray Dolan visited the port on Monday, saying that the jobs would "
            "come back within a year.\n")
    assert _speaker_of(text, "jobs would come back") == "Ray Dolan"


def test_a_time_phrase_between_subject_and_verb_is_no_speaker() -> None:
    text = ("Headline.\n\nThe union has become such a presence on the trail that Dolan during a "
            "Sunday rally thanked its members “for all their support in my campaign” and smiled.\n")
    assert _speaker_of(text, "all their support") == "Dolan"


def test_here_in_a_town_is_a_fronted_phrase() -> None:
    text = ("Headline.\n\nHere in Dayton, Senator Ray Dolan stepped up his focus on the port, "
            "saying, “We have got to bring these jobs back to the river towns.”\n")
    assert _speaker_of(text, "river towns") == "Ray Dolan"


@pytest.mark.parametrize(("body", "head"), [
    ("the Council for Rural Water and Soils", "Council"),
    ("the Harbor Academy of Letters, Music and Fine Arts", "Academy"),
    ("the Committee on Ports, Trade and Home Affairs", "Committee"),
])
def test_an_institution_with_and_in_its_name_speaks_whole(body: str, head: str) -> None:
    text = (f"Headline.\n\nThe vote came late.\n\nA study released in May by {body} noted that the "
            "river towns lost a third of their jobs in ten years.\n")
    speaker = _speaker_of(text, "river towns")
    assert speaker is not None and head in speaker


def test_two_people_joined_by_and_are_no_institution() -> None:
    text = ("Headline.\n\nThe vote came late.\n\nSecretary of State Dolan and Varga said the talks "
            "would go on for another week.\n")
    speaker = _speaker_of(text, "talks would go on")
    assert speaker is not None and "Secretary" not in speaker


@pytest.mark.parametrize(("sentence", "anchor"), [
    ("Despite criticism, Varga deems the early releases a reasonable trade-off.", "trade-off"),
    ("Peppered with dozens of questions, Mr. Varga lingered on those that allowed him to "
     "reassure voters that their pensions were safe.", "pensions"),
])
def test_a_cue_inside_a_fronted_phrase_takes_the_main_subject(sentence: str, anchor: str) -> None:
    speaker = _speaker_of(f"Headline.\n\nThe vote came late.\n\n{sentence}\n", anchor)
    assert speaker is not None and "Varga" in speaker


def test_a_long_appositive_after_a_fronted_phrase_and_a_party_tag() -> None:
    text = ("Headline.\n\nGov. Jay Nolan tweeted his approval of the delay. On the other side, "
            "Sen. Ann Fry (R-Tex.), a Republican candidate for governor who has made protecting "
            "the harbor cleanup a centerpiece of her campaign, tweeted a warning.\n")
    assert _speaker_of(text, "a warning") == "Ann Fry"
