"""Claims a new-user review found wrong on two BASIL stories (Rice on Netanyahu's speech, the
Benghazi e-mails). Every sentence here is made up in the same shape."""

from __future__ import annotations

import pytest

from core.models import ClaimKind
from core.segment import split_sentences
from tests.test_speakers import _resolved


def _claim(text: str, anchor: str):  # type: ignore[no-untyped-def]
    hits = [c for c in _resolved(text) if anchor in c.text]
    assert hits, f"no claim holds {anchor!r}"
    return hits[0]


@pytest.mark.parametrize(("sentence", "anchor"), [
    ('Ana Reyes said the visit will be "destructive" to the ties between the two countries.',
     "destructive"),
    ("The minister said it was his duty to “do everything I can to prevent” a bad deal with the "
     "rebels.", "do everything"),
])
def test_a_paraphrase_with_a_few_quoted_words_is_reported_speech(sentence: str,
                                                                 anchor: str) -> None:
    claim = _claim(f"Talks\n\n{sentence}\n", anchor)
    assert claim.speaker and claim.kind == ClaimKind.INDIRECT


def test_a_claim_that_is_mostly_the_speakers_words_stays_a_quotation() -> None:
    text = ('Talks\n\nAna Reyes says that the office has "warned the rebels that the government '
            'will hold them responsible for any harm to its citizens or its embassies abroad."\n')
    assert _claim(text, "warned the rebels").kind == ClaimKind.DIRECT


@pytest.mark.parametrize("closing", ['"', "”"])
def test_the_frame_after_a_quote_of_several_sentences_is_no_narration(closing: str) -> None:
    text = (f"E-mails\n\n“We read the e-mails. We released the e-mails today,{closing} Tim Cole "
            "said. “You can now see what the Congress has seen.”\n\nThe vote is next week.\n")
    claims = _resolved(text)
    assert not [c for c in claims if c.text.strip() == "Tim Cole said."]
    assert all(c.speaker == "Tim Cole" for c in claims if "e-mails" in c.text or "Congress" in
               c.text)


def test_a_lone_closing_mark_is_no_sentence() -> None:
    text = "Why would we want to feed that either? Concerned ... ”"
    spans = list(split_sentences(text, 0, len(text)))
    assert all(any(ch.isalnum() for ch in text[s:e]) for s, e in spans)
    assert spans[-1][1] == len(text)


def test_a_question_put_to_someone_is_not_their_claim() -> None:
    text = ("Talks\n\nMs. Reyes demurred when asked whether she believed Mr. Tal was making the "
            "speech to gain political favor.\n")
    assert not [c for c in _resolved(text) if c.speaker and "political favor" in c.text]


def test_a_report_the_writer_calls_wrong_is_the_reporters_claim_and_hedged() -> None:
    text = ("Talks\n\nIn the days after the attack, Channel Nine reported incorrectly that Mr. "
            "Rhodes had emphasized the need to protect the department.\n")
    claim = _claim(text, "protect the department")
    assert claim.speaker == "Channel Nine"
    assert "incorrectly" in claim.hedges


def test_sens_does_not_end_the_sentence_a_pronoun_looks_back_over() -> None:
    text = ("Talks\n\nTal Meron told Sens. Dick Dolan, of Illinois, and Dana Fine, of California, "
            "that he regrets the invitation has been seen as partisan.\n\n\"I can assure you "
            "that my sole intention was to voice our grave concerns,\" he told the senators in a "
            "letter.\n")
    assert _claim(text, "I can assure you").speaker == "Tal Meron"


def test_a_participle_after_a_subordinate_clause_has_that_clauses_subject() -> None:
    text = ("Talks\n\nRice's comments came as Tal Meron turned down an invitation to meet "
            "privately with senators during his trip, saying such a session could \"compound the "
            "misperception of partisanship\" surrounding his visit.\n")
    assert _claim(text, "such a session").speaker == "Tal Meron"


@pytest.mark.parametrize("sentence", [
    "Nothing in the emails supports theories that the talking points were changed.",
    "Mr. Buck said just that.",
])
def test_negations_and_pointing_back_make_no_claim(sentence: str) -> None:
    claims = _resolved(f"Emails\n\n{sentence}\n")
    assert not [c for c in claims if c.speaker or c.speaker_mention], claims


def test_the_object_of_a_verb_is_no_source_of_a_participle_after_it() -> None:
    text = ("Emails\n\nThe cache paints a fuller picture than an email leaked this week, which "
            "portrayed a State Department concerned about its public image.\n")
    assert not [c for c in _resolved(text) if c.speaker_mention == "a State Department"]


def test_a_group_named_by_two_bodies_is_one_source_and_no_fragment() -> None:
    text = ("Talks\n\nAnd more than a half-dozen House and Senate Democrats also have said they "
            "will skip the event, calling it an affront.\n")
    claims = _resolved(text)
    assert not [c for c in claims if c.text.rstrip().endswith(" and")]
    assert any(c.speaker_mention and "House and Senate Democrats" in c.speaker_mention
               for c in claims)


def test_a_question_put_to_someone_is_the_askers() -> None:
    text = ("Hearings\n\nDuring the hearings in January, Clinton was asked whether she had seen "
            "the cable by Republican Rep. Michael McCaul.\n\nThe senator was asked whether the "
            "plan would pass.\n")
    claims = _resolved(text)
    assert _claim(text, "seen the cable").speaker == "Michael McCaul"
    assert not [c for c in claims if "plan would pass" in c.text and c.speaker]


@pytest.mark.parametrize(("mention", "whole"), [
    ("A lawyer for Mr. Grimm", True),
    ("an aide to Sen. Ted Cruz", True),
    ("the wife of Mr. Smith", True),
    ("Secretary of State Mike Pompeo", False),
    ("Rep. Michael Grimm", False),
])
def test_someone_who_works_for_a_titled_person_is_not_that_person(mention: str,
                                                                  whole: bool) -> None:
    from core.attribution_lexicon import split_name_role

    name, role = split_name_role(mention)
    assert (name == mention and role is None) == whole, (name, role)


def test_a_lawyers_words_and_the_clients_own_are_two_speakers() -> None:
    text = ("Smith faces charges\n\nRepresentative John Smith was charged on Friday. A lawyer for "
            "Mr. Smith said in a statement that Mr. Smith \"asserts his innocence.\"\n\nLater, "
            "Smith said, \"I will fight this.\"\n")
    assert _claim(text, "I will fight this").speaker in ("John Smith", "Smith")
    lawyer = _claim(text, "asserts his innocence").speaker or ""
    assert "lawyer" in lawyer.lower()


def test_the_subject_of_a_passive_cue_is_no_source() -> None:
    text = ("Charges\n\nThe woman was accused of funneling money to the campaign through straw "
            "donors.\n\nRep. Tom Vale was expected to be indicted on Monday, people with "
            "knowledge of the case said.\n")
    claims = _resolved(text)
    assert not [c for c in claims if c.speaker_mention and "woman" in c.speaker_mention.lower()]
    indicted = _claim(text, "expected to be indicted")
    assert indicted.speaker_mention == "people with knowledge of the case" and indicted.anonymous


def test_a_noun_phrase_with_and_is_one_source_not_a_fragment() -> None:
    text = "Pot\n\nAttorneys general in Utah and New Mexico said the law hurts their states.\n"
    claims = _resolved(text)
    assert not [c for c in claims if c.text.rstrip().endswith(" and")]
    assert _claim(text, "law hurts").speaker == "Attorneys general in Utah and New Mexico"
