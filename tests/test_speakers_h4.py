"""Speaker rules from reading PolNeAR train errors (fourth round). Every sentence here is made
up."""

from __future__ import annotations

import pytest

from tests.test_speakers import _attributed_speaker_of as _speaker_of
from tests.test_speakers import _resolved


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


@pytest.mark.parametrize(("lead", "speaker"), [
    ("As The Herald’s Dana Milbank puts it,", "Milbank"),
    ("Or, as Tom Rudge, a former secretary of the navy, put it:", "Tom Rudge"),
    ("As Ana Lund has put it,", "Ana Lund"),
])
def test_as_someone_put_it_before_a_quote(lead: str, speaker: str) -> None:
    text = ("Headline.\n\nMara Quist, though she praised the judge and said senators should meet "
            f"him, stopped short of a pledge.\n\n{lead} “Senators are unmoved, and activists are "
            "uninspired.”\n")
    found = _speaker_of(text, "Senators are unmoved")
    assert found is not None and speaker in found


def test_a_pronoun_in_a_leading_clause_whose_comma_is_inside_a_quote() -> None:
    text = ("Headline.\n\nAs Dana Milbank puts it, “Senators are unmoved.”\n\nAfter he blasted "
            "the new film and the old books for being too “pro-farm,” Pastor Kevin Swanson has "
            "now set his sights on the county fair.\n")
    assert _speaker_of(text, "the new film") == "Kevin Swanson"


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("As Ana Lund on Harbor Radio noted, the port “has never been busier.”", "Ana Lund"),
    ("The port “has never been busier,” wrote Ana Lund on Harbor Radio.", "Ana Lund"),
    ("The Joint Committee on Taxation said the port “has never been busier.”",
     "Joint Committee on Taxation"),
])
def test_a_name_on_an_outlet_is_the_person(sentence: str, speaker: str) -> None:
    text = f"Headline.\n\nThe vote came late.\n\n{sentence}\n"
    found = _speaker_of(text, "never been busier")
    assert found is not None and speaker in found


def test_mrs_surname_is_not_the_man_with_that_surname() -> None:
    text = ("Headline.\n\nJohn Lund, the son, said the family was proud of the farm.\n\n"
            "Mrs. Lund said she considered the remark a deliberate insult.\n")
    assert _speaker_of(text, "proud of the farm") == "John Lund"
    assert _speaker_of(text, "deliberate insult") == "Mrs. Lund"


def test_a_she_after_mrs_surname_opening_the_main_clause() -> None:
    text = ("Headline.\n\nJohn Lund, the son, said the family was proud of the farm. Ann Fry "
            "called the farm “a relic.”\n\nWhen Ms. Fry, during a debate in 1973, called for "
            "a vote, Mrs. Lund replied in an even voice that she was glad because, she said, "
            "the remark “made it plain.”\n")
    speaker = _speaker_of(text, "made it plain")
    assert speaker is not None and "Lund" in speaker and "John" not in speaker


def test_a_cue_inside_a_quote_does_not_speak_the_next_quote() -> None:
    text = ("Headline.\n\n\"I don't identify with what the man says,\" Tom Vantry said before a "
            "show. \"To think that we have the monopoly on thieves, I think that's quite "
            "wrong.\"\n")
    assert _speaker_of(text, "monopoly on thieves") == "Tom Vantry"


@pytest.mark.parametrize("title", ["Rev.", "Fr."])
def test_said_an_abbreviated_clerical_title_and_name(title: str) -> None:
    text = (f"Headline.\n\nThe vote came late.\n\n“That all changed the night she won,” said "
            f"{title} Kyev Tatum, then senior pastor at Harbor Baptist Church.\n")
    speaker = _speaker_of(text, "That all changed")
    assert speaker is not None and "Tatum" in speaker


@pytest.mark.parametrize("verb", ["remembered", "recalled", "quipped"])
def test_a_past_tense_verb_then_a_name_after_a_quote(verb: str) -> None:
    text = ("Headline.\n\n\"A lot of analysts said, 'No, don't do this,' and she set out to "
            f"prove them wrong,\" {verb} Tom Vantry, the former spokesman. \"And the more the "
            "criticism mounted, the more determined she became.\"\n")
    assert _speaker_of(text, "prove them wrong") == "Tom Vantry"
    assert _speaker_of(text, "criticism mounted") == "Tom Vantry"


def test_a_verb_with_an_object_after_a_long_subject_does_not_invert() -> None:
    text = ("Headline.\n\nThe head of the largest farm group backing former Mayor Ann Fry for "
            "governor, Tom Vantry, praised the efforts of a donor to Sen. Ray Dolan to attack "
            "the plan with billboards on the highway.\n")
    # The rules never read the object as an inverted speaker; whether the praise is a claim at
    # all is the cue classifier's call (its weights are retrained), so either reading passes.
    claims = _resolved(text)
    assert not any("efforts" in (c.speaker_mention or "") for c in claims)
    assert all(c.speaker in (None, "Tom Vantry") for c in claims if "efforts of a" in c.text)


def test_a_long_appositive_between_the_name_after_a_quote_and_its_cue() -> None:
    text = ("Headline.\n\nThe data made the month encouraging.\n\n''The closely watched "
            "earnings data showed the largest increase since July 2009,'' Tom Vantry, an "
            "adviser to farmers and former director of the nonpartisan county budget office, "
            "wrote after the report was released. ''This represents real wage growth.''\n")
    assert _speaker_of(text, "largest increase") == "Tom Vantry"
    assert _speaker_of(text, "real wage growth") == "Tom Vantry"


def test_a_quote_after_was_asked_by_is_the_askers() -> None:
    text = ("Headline.\n\nAnn Fry was asked by host Tom Vantry, who backs her, “Now, you "
            "famously said you were tired of the farm bill. Has that changed?”\n")
    assert _speaker_of(text, "tired of the farm bill") == "Tom Vantry"


def test_was_called_by_still_labels() -> None:
    text = ("Headline.\n\nThe plan was called by the SVP the “Clean Harbor Initiative.”\n")
    assert not [c for c in _resolved(text) if "Clean Harbor" in c.text and c.speaker]


@pytest.mark.parametrize(("sentence", "anchor", "speaker"), [
    ("Westmacott, who will retire soon after serving in Iran, Peru and France, praised the "
     "mayor’s record in an interview.", "record in an interview", "Westmacott"),
    ("Lund, who has visited several towns ahead of the vote to rally members, said she sees "
     "farmers lining up behind the mayor.", "farmers lining up", "Lund"),
])
def test_a_name_then_a_relative_clause_with_commas_before_the_cue(
        sentence: str, anchor: str, speaker: str) -> None:
    text = f"Headline.\n\nThe vote came late.\n\n{sentence}\n"
    assert _speaker_of(text, anchor) == speaker


def test_each_labelled_quote_in_a_paragraph_is_its_labels() -> None:
    text = ("Headline.\n\nTom Vantry and Ann Fry, among others, reject the old plan.\n\nFry: "
            "\"Our goal is not to delay the dam but to stop it.\" Vantry: \"The mission is to "
            "stop the dam -- not to delay it.\"\n")
    assert "Fry" in (_speaker_of(text, "Our goal") or "")
    assert "Vantry" in (_speaker_of(text, "The mission") or "")


def test_said_two_titles_joined_by_and_then_the_name() -> None:
    text = ("Headline.\n\nThe vote came late.\n\n“That is what he did in the past,” said former "
            "Ohio Gov. and County Party Chairman Ed Rendell. “Where surrogates matter is "
            "turnout.”\n")
    assert _speaker_of(text, "did in the past") == "Ed Rendell"
    assert _speaker_of(text, "surrogates matter") == "Ed Rendell"


@pytest.mark.parametrize(("sentence", "anchor", "speaker"), [
    ("Betsy Lund of Burke County, Georgia, knows the mayor in a way few other voters know him.",
     "the mayor in a way", "Betsy Lund"),
    ("The governor is assuring voters after a woman in Dayton, Ohio, told him she worries he is "
     "“too nice” to win.", "too nice", "a woman in Dayton"),
])
def test_a_state_after_a_place_is_no_speaker(sentence: str, anchor: str, speaker: str) -> None:
    text = f"Headline.\n\nThe vote came late.\n\n{sentence}\n"
    assert _speaker_of(text, anchor) == speaker


def test_a_quote_paragraph_signed_on_the_next_line() -> None:
    text = ("Headline.\n\nIn other words, the statistics show part of the picture. They do not "
            "show everything.\n\n\"The idea that I would end the farm program is just not "
            "accurate. I helped write that bill.\"\n\n- Ann Lund.\n\nLund exaggerates when she "
            "says she helped write it.\n")
    assert _speaker_of(text, "end the farm program") == "Ann Lund"


def test_a_nested_quote_closing_with_the_outer_one_before_said() -> None:
    text = ("Headline.\n\nWith the election, the network grew louder.\n\n''I have this memory "
            "of sitting at my desk when it first came up, and it appeared on 'Farm and "
            "Friends,''' said Tom Vantry, a former spokesman for the mayor, recalling a false "
            "report.\n\n''I think that was the beginning of it,'' he said.\n")
    assert _speaker_of(text, "this memory") == "Tom Vantry"
    assert _speaker_of(text, "beginning of it") == "Tom Vantry"


def test_a_party_tag_inside_a_long_appositive() -> None:
    text = ("Headline.\n\nThe bill has votes.\n\nMarty Lund, an education professor at Harbor "
            "College who previously worked for Sen. Ray Dolan (R-Tenn.), one of the bill’s "
            "Republican architects, called it “an incredibly significant development.”\n")
    assert _speaker_of(text, "significant development") == "Marty Lund"


def test_a_title_after_show_is_no_quote_of_its_own() -> None:
    text = ("Headline.\n\nPushed by the host, Lund demurred.\n\n\"It's too early to tell,\" said "
            "Ann Lund, who is also a host on the TV show \"Farm Tank.\" \"I mean, depending on "
            "what happens with the economy, there are so many variables.\"\n")
    assert _speaker_of(text, "so many variables") == "Ann Lund"
