"""Speaker resolution rules found on PolNeAR train errors (made-up sentences only): institution
names with 'of'/'for'/'and', pronouns and one-word names."""

from __future__ import annotations

import pytest

from core.attribution import attribute
from core.attribution_lexicon import split_name_role
from core.models import Claim, Document, Speaker
from core.speakers import resolve_speakers


def _run(*texts: str) -> tuple[list[Claim], list[Speaker]]:
    docs = [Document(id=f"d{i}", path=f"{i}.txt", text=t, sha256="-") for i, t in enumerate(texts)]
    return resolve_speakers(attribute(docs), docs)


def _speaker_of(claims: list[Claim], anchor: str) -> str | None:
    hits = [c for c in claims if anchor in c.text]
    assert hits, f"no claim holds {anchor!r}"
    return hits[0].speaker


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
