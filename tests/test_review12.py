"""Claims that session 12's reviews found wrong. Every sentence here is made up."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from core.models import Claim
from tests.test_speakers import _resolved


def _claims(text: str) -> list[Claim]:
    return [c for c in _resolved(f"Story\n\n{text}\n") if c.text != "Story"]


def _said(text: str) -> Claim:
    return next(c for c in _claims(text) if c.cue == "said")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Sen. Ada Whitlock campaigned in Iowa on Monday. The Vermont independent said the economy "
     "was rigged.", "Ada Whitlock"),
    ("Helen Marsh spoke in Ohio on Tuesday. The former secretary of state said she would raise "
     "the minimum wage.", "Helen Marsh"),
    ("Donald Brewster held a rally in Tampa. The New York billionaire said the polls were "
     "rigged.", "Donald Brewster"),
    ("Gov. Tom Ralston toured the levee. But the 61-year-old governor said more money was "
     "needed.", "Tom Ralston"),
])
def test_an_epithet_opening_a_sentence_is_the_person_named_just_before(
        text: str, speaker: str) -> None:
    claim = _said(text)
    assert claim.speaker == speaker
    assert claim.speaker_mention is not None and claim.speaker_mention.lower().startswith(
        ("the", "but the"))


@pytest.mark.parametrize("text", [
    # two people before: the epithet could be either
    "Angela Brandt met Emmanuel Fournier in Berlin. The German chancellor said Europe must "
    "stand together.",
    # the noun names someone else in the sentence before
    "David Brewster attacked the senator on Monday. The senator said the attack was a lie.",
    # an epithet in the middle of a sentence is no subject
    "David Brewster spoke on Monday. Asked about it, aides to the governor said he was busy.",
])
def test_an_epithet_stays_a_description_when_the_person_is_not_clear(text: str) -> None:
    speakers = [c.speaker for c in _claims(text) if c.cue == "said"]
    assert speakers and not any(s in ("Angela Brandt", "Emmanuel Fournier", "David Brewster")
                                for s in speakers), speakers


def test_a_possessive_epithet_is_someone_else() -> None:
    claim = _said("Sadiq Qureshi visited Paris. The British capital's new mayor said he was "
                  "pleased.")
    assert claim.speaker != "Sadiq Qureshi"


@pytest.mark.parametrize(("text", "mention", "speaker"), [
    ("Amnesty Watchers released a report on the camps on Monday. The group said detainees "
     "were beaten.", "The group", "Amnesty Watchers"),
    ("Corvell announced record profits on Thursday. The oil giant said it would buy back "
     "shares. Analysts at Corvell were pleased.", "The oil giant", "Corvell"),
    ("The Central Bank of Freedonia, which sets rates for the region, met on Thursday. It said "
     "inflation would ease next year.", "It", "the Central Bank of Freedonia"),
])
def test_a_body_epithet_or_it_opening_a_sentence_is_the_body_named_as_subject_before(
        text: str, mention: str, speaker: str) -> None:
    claim = next(c for c in _claims(text) if c.speaker_mention == mention)
    assert claim.speaker == speaker


@pytest.mark.parametrize("text", [
    # two bodies before: either could be the oil giant
    "Corvell sued the Petrox Corporation on Monday. The oil giant said the deal was void.",
    # a capitalised sentence opener is no body
    "Perhaps the market will calm down. It said prices would fall.",
    # a person named in full before is no group
    "Mark Brandon's son died at the school. Brandon now leads a program for parents. The group "
    "said new laws were needed.",
])
def test_a_body_epithet_stays_unresolved_when_the_body_is_not_clear(text: str) -> None:
    speakers = [c.speaker for c in _claims(text) if c.cue == "said"]
    assert speakers and not any(s in ("Corvell", "Perhaps", "Brandon", "Mark Brandon")
                                for s in speakers), speakers


@pytest.mark.parametrize(("text", "speaker"), [
    ("Erik Vandam said his team deserved more. The Dutchman added that the referee had missed "
     "a penalty.", "Erik Vandam"),
    ("Maria Sousa won the race on Sunday. The 34-year-old Brazilian said she was tired.",
     "Maria Sousa"),
    ("Ana Costa scored twice. The striker said the team played well.", "Ana Costa"),
])
def test_a_nationality_or_a_sports_role_is_an_epithet_too(text: str, speaker: str) -> None:
    assert [c.speaker for c in _claims(text) if c.cue in ("said", "added")][-1] == speaker


def test_a_description_before_is_no_body_for_the_club() -> None:
    claims = _claims("Erik Vandam said his team deserved more. The Dutchman added that the "
                     "referee was wrong. The club said it would not complain.")
    assert claims[-1].speaker == "the club"


def test_a_pronoun_and_its_verb_are_no_speaker() -> None:
    claims = _claims("Surveys of shoppers taken as they entered the mall showed that prices "
                     "mattered most.")
    assert not any((c.speaker_mention or "").startswith("they ") for c in claims)
    claims = _claims("She and her aides vowed to win back the public's trust.")
    assert any(c.speaker_mention == "She and her aides" for c in claims)


def test_an_addressee_is_not_cut_from_its_possessive() -> None:
    claim = next(c for c in _claims("Brandt responded to Vance's allegations in a statement on "
                                    "Friday.") if c.cue == "responded")
    assert claim.text.startswith("to Vance's allegations")


def test_a_repeated_description_is_the_same_unnamed_source() -> None:
    claims = _claims(
        "A senior Freedonian official said the closure was political. \"There was no threat,\" "
        "the senior official said. Another official said the decision was expected.\n\n"
        "A spokesman for Vantor Media Inc. denied the report. \"We stand by our coverage,\" the "
        "spokesman said.")
    by_cue = [(c.speaker_mention, c.speaker) for c in claims if c.speaker]
    speakers = dict(by_cue)
    assert speakers["the senior official"] == "a senior Freedonian official"
    assert speakers["Another official"] != "a senior Freedonian official"
    assert speakers["the spokesman"] == "a spokesman for Vantor Media Inc."


def test_a_described_source_is_not_joined_to_a_different_head() -> None:
    claims = _claims("A senior Freedonian official said the talks failed. The spokesman said "
                     "talks would resume.")
    assert claims[-1].speaker != "a senior Freedonian official"


def test_an_acronym_opening_a_titled_name_is_part_of_the_tag() -> None:
    claims = _claims("\"We are cautiously optimistic,\" WHO Director-General Amara Tesfaye told "
                     "a briefing in Geneva. He said 11 people had died.")
    assert [c.speaker for c in claims] == ["Amara Tesfaye", "Amara Tesfaye"]
    assert claims[0].kind.value == "direct" and claims[0].role == "WHO Director-General"


def test_a_hyphenated_title_is_a_role() -> None:
    claim = _claims("UN Secretary-General Anton Gruber said talks would go on.")[0]
    assert (claim.speaker, claim.role) == ("Anton Gruber", "UN Secretary-General")


def test_a_national_chapter_of_an_international_body_is_no_person() -> None:
    claims = _claims(
        "Budapest rejected the report on Hungary. In the European Parliament, Dutch Green lawmaker Tineke "
        "Strook welcomed the move. \"For once the Commission has shown some spine,\" she said.\n\n"
        "Transparency International Hungary, an anti-corruption watchdog, said the new "
        "authority lacked powers.")
    quote = next(c for c in claims if "spine" in c.text)
    assert quote.speaker == "Tineke Strook"


def test_a_treaty_opening_the_sentence_before_is_no_antecedent() -> None:
    claims = _claims("Donald Brewster spoke in Mexico City. And the North American Free Trade "
                     "Agreement, which he had called a disaster? He said it should be updated.")
    assert claims[-1].speaker == "Donald Brewster"


@pytest.mark.parametrize(("name", "body"), [
    ("Transparency International Hungary", True), ("Amnesty International USA", True),
    ("Freedonia Press Council Hungary", True), ("Steve Israel", False), ("Ana Jordan", False),
])
def test_a_body_named_with_its_country_is_a_body(name: str, body: bool) -> None:
    from core.speakers import _is_body
    assert _is_body(name) is body


def test_markup_before_a_pronoun_is_no_part_of_the_speaker() -> None:
    claims = _claims("\"The police acted within the law,\" Interior Minister Dorian Vale said. "
                     "<script>alert(1)</script> He said claims of abuse would be examined.")
    assert [c.speaker for c in claims if c.cue == "said"] == ["Dorian Vale", "Dorian Vale"]


def test_a_tag_on_the_line_after_a_quote_names_its_speaker() -> None:
    claims = _claims("\"The police acted within the law,\" Interior Minister Dorian Vale said.\n\n"
                     "\"We will not go back to work,\"\nunion leader Jo Park said.")
    quote = next(c for c in claims if "go back" in c.text)
    assert (quote.speaker, quote.kind.value) == ("Jo Park", "direct")


@pytest.mark.parametrize(("text", "bad"), [
    ("Yesterday, Reid apparently felt she needed to be checked in without really saying why "
     "she was going in.", "checked in without"),
    ("And so were the two women she's accused of gunning down with a gun, just minutes after.",
     "two women she's"),
    ("CHARGED WITH MURDER: What the media won't tell you about the employee.\n\nThe trial "
     "opens today.", "CHARGED WITH MURDER"),
])
def test_a_clause_or_a_heading_is_no_source(text: str, bad: str) -> None:
    assert not any((c.speaker_mention or "") == bad for c in _claims(text))


def test_a_pronoun_clause_before_a_participle_gives_the_pronoun() -> None:
    claims = _claims("Donald Brewster attacked the plan on Monday. In the debate he cut into "
                     "Vance, calling him a \"stiff\" and accusing him of acting like a child.")
    assert not any((c.speaker_mention or "").startswith("he ") for c in claims)


@pytest.mark.parametrize(("text", "speaker"), [
    ("Governor Selin Aydar is due to present the report next week. The 47-year-old said last "
     "month that the bank would not hesitate to tighten.", "Selin Aydar"),
    ("Defence Secretary Gilberto Ramoso said the navy would stay. The 61-year-old former army "
     "general said Manila had filed a protest.", "Gilberto Ramoso"),
    ("Grant Halvorsen spoke at the stadium. \"We intend to respect that,\" he said.\n\nThe "
     "58-year-old said there were no plans to move the club.", "Grant Halvorsen"),
])
def test_an_age_epithet_is_the_person_named_or_speaking_just_before(
        text: str, speaker: str) -> None:
    claim = next(c for c in _claims(text) if (c.speaker_mention or "").startswith("The "))
    assert claim.speaker == speaker


def test_a_portfolio_title_is_one_role_not_two_people() -> None:
    from core.attribution_lexicon import split_name_role
    assert split_name_role("Water and Energy Minister Tesfaye Gebre") == (
        "Tesfaye Gebre", "Water and Energy Minister")
    assert split_name_role("Clinton and Sanders") == ("Clinton and Sanders", None)


def test_a_counted_group_keeps_its_demonym(tmp_path: Path) -> None:
    from core.cli import run
    src = tmp_path / "a.txt"
    src.write_text("Reef standoff\n\nTwo Freedonian officials said the talks failed. "
                   "Three Egyptian officials said the talks went well.\n", encoding="utf-8")
    out = tmp_path / "a.json"
    assert run(["analyze", str(src), "--format", "json", "--output", str(out)]) == 0
    speakers = {s["name"]: s["perspective"] for s in orjson.loads(out.read_bytes())["speakers"]}
    assert speakers["Three Egyptian officials"] == "egypt"


@pytest.mark.parametrize(("text", "wrong"), [
    ("Joe Bidwell called Putin a killer on Wednesday. The Russian president said the remark "
     "was bad.", "Joe Bidwell"),
    ("John Smith was sentenced to 10 years in prison on Friday. The judge said the crimes were "
     "callous.", "John Smith"),
    ("Jane Doe testified before the committee. The senator said the hearing would go on.",
     "Jane Doe"),
    ("Boris Jansen resigned as prime minister on Thursday. The Independent said his tenure "
     "had been chaotic.", "Boris Jansen"),
    ("The European Commission fined Gooble 2.4 billion euros on Tuesday. The company said it "
     "would appeal.", "European Commission"),
    ("Reporters waited for Netanyahu. Netanyahu met Bidwell on Monday. It said the talks were "
     "warm.", "Netanyahu"),
])
def test_an_epithet_or_body_word_is_not_given_to_the_wrong_one(text: str, wrong: str) -> None:
    said = [c for c in _claims(text) if c.cue == "said"]
    assert said and said[-1].speaker != wrong


def test_an_indefinite_description_is_someone_new_and_another_makes_the_the_unclear() -> None:
    claims = _claims("A witness at the scene said the car was speeding. A witness said the "
                     "driver had stopped.")
    assert claims[0].speaker != claims[1].speaker
    claims = _claims("A resident said the fire started at night. Another resident said it "
                     "smelled. The resident said the alarm failed.")
    assert claims[-1].speaker == "the resident"


def test_a_titled_name_of_unknown_gender_is_no_she_after_a_woman_spoke() -> None:
    claims = _claims("Commission President Ursula Lindqvist said the deal was done. Irish Prime "
                     "Minister Micheal Mairtin welcomed the agreement. \"It is a good day,\" she "
                     "said.")
    assert claims[-1].speaker == "Ursula Lindqvist"


def test_an_addressee_with_a_first_name_keeps_the_possessor_whole() -> None:
    claim = _claims("Brandt responded to Ted Vance's allegations, saying they were false.")[0]
    assert claim.text.startswith("to Ted Vance's allegations")


def test_the_cache_key_ignores_hidden_files_and_a_sessions_case_file(tmp_path: Path) -> None:
    from core.cache import cache_key
    (tmp_path / "a.txt").write_text("Story\n\nAda Brandt said the port was open.\n",
                                    encoding="utf-8")
    before = cache_key([str(tmp_path)])
    (tmp_path / "walk.perspecta.json").write_text("{}", encoding="utf-8")
    (tmp_path / "walk.perspecta.json.bak").write_text("{}", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    assert before is not None and cache_key([str(tmp_path)]) == before
    (tmp_path / "b.txt").write_text("More\n\nBo Lind said it was shut.\n", encoding="utf-8")
    assert cache_key([str(tmp_path)]) != before


def test_a_possessed_body_opening_a_coordinated_sentence_speaks(tmp_path: Path) -> None:
    text = ("ANKARA — Freedonia's central bank held its rate at 38.5% on Thursday, surprising "
            "economists who had expected a cut, and said policy would stay tight.")
    claim = next(c for c in _claims(text) if c.cue == "said")
    assert claim.speaker_mention == "Freedonia's central bank"
    from core.cli import run
    src = tmp_path / "a.txt"
    src.write_text("Rates\n\nTurkey's central bank said policy would stay tight.\n",
                   encoding="utf-8")
    out = tmp_path / "a.json"
    assert run(["analyze", str(src), "--format", "json", "--output", str(out)]) == 0
    speakers = {s["name"]: s["perspective"] for s in orjson.loads(out.read_bytes())["speakers"]}
    assert speakers["Turkey's central bank"] == "turkey"
