"""Speaker resolution: pronouns, short names, spelling variants across documents, bodies."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.attribution import attribute
from core.models import Claim, Document, Speaker
from core.speakers import resolve_speakers

SEED = Path(__file__).resolve().parent.parent / "seeds" / "basra_consulate_closure.txt"


def _run(*texts: str) -> tuple[list[Claim], list[Speaker]]:
    docs = [Document(id=f"d{i}", path=f"{i}.txt", text=t, sha256="-") for i, t in enumerate(texts)]
    return resolve_speakers(attribute(docs), docs)


def _speaker_of(claims: list[Claim], anchor: str) -> str | None:
    hits = [c for c in claims if anchor in c.text]
    assert hits, f"no claim holds {anchor!r}"
    return hits[0].speaker


def _resolved(text: str) -> list[Claim]:
    """One document's claims, speakers resolved."""
    return _run(text)[0]


def _attributed_speaker_of(text: str, anchor: str) -> str | None:
    """The speaker of the first claim of `text` holding `anchor` that is attributed (it has a
    speaker or a speaker mention)."""
    hits = [c for c in _resolved(text) if anchor in c.text and (c.speaker or c.speaker_mention)]
    assert hits, f"no attributed claim holds {anchor!r}"
    return hits[0].speaker


def test_pronoun_takes_last_named_person() -> None:
    claims, _ = _run(
        "Michael Pregent said the closure was a sign of weakness. "
        "He added that the proxies would step up their rocket attacks. "
        "Iraq said it was committed to protecting consulates.")
    assert _speaker_of(claims, "proxies would step up") == "Michael Pregent"
    assert _speaker_of(claims, "committed to protecting") == "Iraq"


def test_short_and_titled_names_are_one_speaker() -> None:
    claims, speakers = _run(
        "U.S. Secretary of State Michael R. Pompeo said the threats had increased sharply. "
        "Mike Pompeo said that Iran would be held responsible. "
        "Pompeo said the relocation was temporary.")
    pompeo = [s for s in speakers if "Pompeo" in s.name]
    assert len(pompeo) == 1
    assert pompeo[0].name == "Mike Pompeo"
    assert pompeo[0].role == "U.S. Secretary of State"
    assert pompeo[0].claims == 3
    assert {c.speaker_id for c in claims if c.speaker} == {pompeo[0].id}


def test_spelling_variants_across_documents_are_one_speaker() -> None:
    _claims, speakers = _run(
        "Iranian foreign ministry spokesman Bahram Qasemi said the closure was ridiculous.",
        "Bahram Qassemi said that the American claims were baseless.",
        "Spokesman Bahram Ghasemi said the US was looking for an excuse.",
        "Hillary Clinton said the deal was working. Bill Clinton said that it was not enough.")
    qasemi = [s for s in speakers if s.name.startswith("Bahram")]
    assert len(qasemi) == 1
    assert qasemi[0].claims == 3
    assert set(qasemi[0].aliases) >= {"Bahram Qassemi", "Bahram Ghasemi"} - {qasemi[0].name}
    clintons = {s.name for s in speakers if "Clinton" in s.name}
    assert clintons == {"Hillary Clinton", "Bill Clinton"}


def test_seed_speakers() -> None:
    text = SEED.read_text(encoding="utf-8")
    docs = [Document(id="dseed", path="seed.txt", text=text, sha256="-")]
    claims, speakers = resolve_speakers(attribute(docs), docs)
    names = {s.name for s in speakers}
    assert {"Mike Pompeo", "Alistair Burt", "Michael Pregent", "a senior Iraqi official",
            "Timmy Davis", "Iran", "Iraq", "the local governor", "other sources"} <= names
    by_name = {s.name: s for s in speakers}
    assert by_name["a senior Iraqi official"].anonymous
    assert by_name["other sources"].anonymous
    assert not by_name["Mike Pompeo"].anonymous
    assert by_name["Timmy Davis"].role == "US Consul in Basra"
    assert _speaker_of(claims, "threats to our personnel") == "Mike Pompeo"
    assert _speaker_of(claims, "I have directed that an appropriate") == "Mike Pompeo"
    assert _speaker_of(claims, "We’ll respond swiftly") == "State Department"
    for claim in claims:
        if claim.speaker:
            assert claim.speaker_id in {s.id for s in speakers}
    assert sum(s.claims for s in speakers) == sum(1 for c in claims if c.speaker_id)


def test_she_skips_men_and_he_skips_women() -> None:
    claims, _ = _run(
        "Hillary Clinton spoke in Ohio on Monday. Bernie Sanders spoke in Iowa.\n\n"
        "She said the economy needed a new direction.\n\n"
        "Senator Ann Fry met Mr. Green in Ohio on Tuesday.\n\n"
        "He said the bill would pass easily next week.")
    assert _speaker_of(claims, "economy needed a new direction") == "Hillary Clinton"
    assert _speaker_of(claims, "bill would pass easily") == "Green"


def test_possessive_sources_resolve_like_names_and_pronouns() -> None:
    claims, _ = _run(
        "Donald Trump said the polls were wrong.\n\n"
        "Critics rejected Trump's claim that the vote was rigged from the start.\n\n"
        "Later, his suggestion that the results be delayed drew wide criticism.")
    assert _speaker_of(claims, "the vote was rigged") == "Donald Trump"
    assert _speaker_of(claims, "results be delayed") == "Donald Trump"


def test_pronoun_prefers_the_sentence_subject_over_a_later_object() -> None:
    claims, _ = _run(
        "Donald Trump said the polls were wrong.\n\n"
        "Casino owner Sheldon Adelson met with Trump in December. "
        "He said the candidate was very charming.")
    assert _speaker_of(claims, "very charming") == "Sheldon Adelson"


def test_pronoun_before_its_name_in_a_leading_clause() -> None:
    claims, _ = _run(
        "Donald Trump said the polls were wrong.\n\n"
        "Even as he argued that the deal was unfair, Senator Bob Smith voted for it on Monday.")
    assert _speaker_of(claims, "the deal was unfair") == "Bob Smith"


def test_quote_continuation_takes_the_subject_of_the_sentence_before() -> None:
    claims, _ = _run(
        "Senator Jeff Sessions said the party was united.\n\n"
        "Representative Thomas Massie now said Trump had the obligation to unite the party.\n\n"
        "“I think he can do that, but the biggest unifier is Hillary Clinton.”")
    assert _speaker_of(claims, "he can do that") == "Thomas Massie"


def test_lone_surname_does_not_join_a_different_name_that_starts_alike() -> None:
    claims, _ = _run(
        "Massimo Franco said the Vatican would stay out of the campaign.\n\n"
        "Francis said the walls were a moral question, not a political one.\n\n"
        "Ruddy Giuliani said the vote was close. Giulini said the count would take a week.")
    assert _speaker_of(claims, "walls were a moral question") == "Francis"
    assert _speaker_of(claims, "count would take a week") == "Ruddy Giuliani"


@pytest.mark.parametrize("mention, name, role", [
    ("Bill Richardson of New Mexico", "Bill Richardson", "of New Mexico"),
    ("Peter T. King of New York", "Peter T. King", "of New York"),
    ("Sen. John McCain of Arizona", "John McCain", "Sen., of Arizona"),
    ("U.S. Secretary of State Michael R. Pompeo", "Michael R. Pompeo", "U.S. Secretary of State"),
])
def test_person_of_place_keeps_the_person(mention: str, name: str, role: str) -> None:
    from core.attribution_lexicon import split_name_role

    assert split_name_role(mention) == (name, role)


@pytest.mark.parametrize("mention", [
    "a spokesman for Hillary Clinton",
    "one of the former prosecutors for David Petraeus",
    "a longtime adviser to Donald Trump",
])
def test_a_description_of_whom_someone_works_for_is_not_that_person(mention: str) -> None:
    from core.attribution_lexicon import split_name_role

    assert split_name_role(mention) == (mention, None)


def test_a_spokesman_for_a_named_person_speaks_as_the_spokesman() -> None:
    claims, _ = _run("The plan is dead, a spokesman for Hillary Clinton said on Monday.")
    assert _speaker_of(claims, "The plan is dead") == "a spokesman for Hillary Clinton"


@pytest.mark.parametrize("mention, name, role", [
    ("Ms. Rice", "Rice", None),
    ("Mr. Netanyahu", "Netanyahu", None),
    ("Dr. Jane Roe", "Jane Roe", "Dr."),
])
def test_a_courtesy_title_is_not_a_role(mention: str, name: str, role: str | None) -> None:
    """'Ms. Rice' says nothing of what she does: the Speakers screen shows her role from the
    mentions that give one ('national security adviser'), not 'Ms.'."""
    from core.attribution_lexicon import split_name_role

    assert split_name_role(mention) == (name, role)
