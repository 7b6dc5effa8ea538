"""Speaker resolution rules found on PolNeAR train errors (made-up sentences only): institution
names with 'of'/'for'/'and', pronouns and one-word names."""

from __future__ import annotations

import pytest

from core.attribution_lexicon import split_name_role
from core.models import Claim, ClaimKind, Document
from core.speakers import resolve_speakers
from tests.test_speakers import _run, _speaker_of


@pytest.mark.parametrize("mention", [
    "the Bureau of Harbour Records",
    "The Club for Clean Rivers",
    "the Union of Alpine Guides and Porters",
    "the Council for Trade and Development",
])
def test_an_institutions_name_with_of_for_and_is_not_split(mention: str) -> None:
    """'the Bureau of X Y' is one institution, not the role 'Bureau of' of a person 'X Y'."""
    assert split_name_role(mention) == (mention, None)


@pytest.mark.parametrize(("mention", "name"), [
    ("U.S. Secretary of State Ann Vole", "Ann Vole"),
    ("Bill Marsh of New Mexico", "Bill Marsh"),
    ("the Secretary of State", "the Secretary of State"),
])
def test_a_title_of_a_place_still_precedes_a_person(mention: str, name: str) -> None:
    assert split_name_role(mention)[0] == name


def test_an_institution_with_of_speaks_under_its_whole_name() -> None:
    claims, _ = _run("The Bureau of Harbour Records said shipments fell by a third in May.")
    speaker = _speaker_of(claims, "shipments fell")
    assert speaker is not None and "Bureau" in speaker and "Harbour Records" in speaker



def _claims_by_hand(text: str, *mentions: tuple[str, str, str]) -> list[Claim]:
    """Claims with the given (speaker mention, the mention's anchor, content) in `text`: tests
    the resolution alone, whatever the attribution would find."""
    doc = Document(id="d0", path="0.txt", text=text, sha256="-")
    claims = []
    for mention, anchor, content in mentions:
        at = text.index(content)
        m_at = text.index(anchor) + anchor.index(mention)
        claims.append(Claim(id=f"c{at}", document="d0", start=at, end=at + len(content),
                            text=content, kind=ClaimKind.INDIRECT, speaker_mention=mention,
                            speaker_start=m_at, speaker_end=m_at + len(mention)))
    out, _ = resolve_speakers(claims, [doc])
    return out


def test_he_after_a_full_name_with_an_unlisted_first_name_is_that_person() -> None:
    """'Zorvan Petke, an engineer …, said he …': the subject of the pronoun's own sentence, even
    when its first name is in no list, beats a person named sentences earlier."""
    text = ("Senator Tom Reed said the agency had failed its duty. Zorvan Petke, an engineer "
            "who has studied the dam for years, said he did not see any sign that the wall "
            "would fail.")
    claims = _claims_by_hand(text, ("Senator Tom Reed", "Senator Tom Reed", "the agency had"),
                             ("he", "said he did", "did not see any sign"))
    assert _speaker_of(claims, "did not see any sign") == "Zorvan Petke"


@pytest.mark.parametrize(("sentence", "anchor", "expected"), [
    ("Early on Tuesday, the Harbour Commission disclosed in court that it had asked for the "
     "files.", "that it had", "Harbour Commission"),
    ("Some dock workers said they had not been paid since March.", "said they had",
     "dock workers"),
])
def test_it_or_they_after_a_saying_verb_is_that_verbs_subject(sentence: str, anchor: str,
                                                               expected: str) -> None:
    """'The agency said it …', 'Some workers said they …': the pronoun is the subject of the
    saying verb right before it, not the body that spoke last."""
    text = "The Grain Council said the port was busy. " + sentence
    pronoun = anchor.split()[1]
    content = text[text.index(anchor) + len(anchor) + 1:].rstrip(".")
    claims = _claims_by_hand(text, ("The Grain Council", "The Grain Council", "the port was busy"),
                             (pronoun, anchor, content))
    speaker = _speaker_of(claims, content)
    assert speaker is not None and expected in speaker


def test_it_after_a_persons_saying_verb_keeps_the_last_body() -> None:
    """'Ann Lee said it …': a person is no referent of 'it'."""
    text = "The Grain Council said the port was busy. Ann Lee said it had lost money."
    claims = _claims_by_hand(text, ("The Grain Council", "The Grain Council", "the port was busy"),
                             ("it", "said it had", "had lost money"))
    assert _speaker_of(claims, "had lost money") == "Grain Council"


def test_he_after_a_name_with_a_party_tag_is_that_person() -> None:
    """'Gov. Ray Dunn (R) said he …': the party tag after the name does not hide the subject."""
    text = ("Judge Carl Moss said the law could not stand. Gov. Ray Dunn (R) said he expects a "
            "quick appeal of the ruling.")
    claims = _claims_by_hand(text, ("Judge Carl Moss", "Judge Carl Moss", "the law could"),
                             ("he", "said he expects", "expects a quick appeal"))
    assert _speaker_of(claims, "expects a quick appeal") == "Ray Dunn"


def test_a_party_or_nation_plural_is_a_group_not_a_person() -> None:
    """'House Republicans', 'Vermont Democrats': a group, which a later 'he' skips and 'they'
    (not 'it') can take."""
    text = ("Mayor Tom Hale praised the plan. House Republicans said they opposed it. He said "
            "the vote would be close. They said the cost was too high. It said the plan was "
            "sound.")
    claims = _claims_by_hand(
        text, ("Mayor Tom Hale", "Mayor Tom Hale", "the plan"),
        ("House Republicans", "House Republicans", "they opposed it"),
        ("He", "He said", "the vote would be close"),
        ("They", "They said", "the cost was too high"),
        ("It", "It said", "the plan was sound"))
    assert _speaker_of(claims, "the vote would be close") == "Tom Hale"
    assert "Republicans" in (_speaker_of(claims, "the cost was too high") or "")
    assert _speaker_of(claims, "the plan was sound") is None


def test_i_in_a_transcript_line_is_the_lines_label() -> None:
    """'HALE: I think …': in an interview transcript the label names who says I."""
    text = ("Mayor Tom Hale spoke to the host on Sunday.\n\nHOST: Will the bridge open?\n\n"
            "VARGA: I think it will open in May.\n\nUPDATE: I am told the date moved.")
    claims = _claims_by_hand(text, ("Mayor Tom Hale", "Mayor Tom Hale", "spoke to the host"),
                             ("I", "VARGA: I think", "it will open in May"),
                             ("I", "UPDATE: I am", "the date moved"))
    assert _speaker_of(claims, "it will open in May") == "VARGA"
    assert _speaker_of(claims, "the date moved") != "UPDATE"


def test_a_participle_opening_the_sentence_is_not_the_speaker() -> None:
    """'Having heard the plea, Judge Carl Moss announced that …': the judge speaks, not
    'Having'."""
    text = "Having heard the plea, Judge Carl Moss announced that the trial would resume."
    claims = _claims_by_hand(text, ("Having", "Having heard", "the trial would resume"))
    assert _speaker_of(claims, "the trial would resume") == "Carl Moss"
