"""Sentence and paragraph segmentation: abbreviations, initials, quotes, body spans, offsets."""

from __future__ import annotations

from pathlib import Path

from core.models import Document, Span
from core.segment import segment

SEED = Path(__file__).resolve().parent.parent / "seeds" / "basra_consulate_closure.txt"


def _doc(text: str, body: list[Span] | None = None) -> Document:
    return Document(id="dtest", path="t.txt", text=text, sha256="-", body=body or [])


def _sentences(text: str, body: list[Span] | None = None) -> list[str]:
    return [text[s.start:s.end] for s in segment([_doc(text, body)])]


def test_abbreviations_titles_dates_and_initials_stay_inside() -> None:
    text = ("U.S. Secretary of State Michael R. Pompeo met Gen. Joseph Votel on Jan. 5 at 9 a.m. "
            "in Baghdad. Mr. Burt was not there.")
    assert _sentences(text) == [
        "U.S. Secretary of State Michael R. Pompeo met Gen. Joseph Votel on Jan. 5 at 9 a.m. "
        "in Baghdad.",
        "Mr. Burt was not there.",
    ]


def test_ambiguous_abbreviation_ends_sentence_before_an_opener() -> None:
    text = "The consulate was closed by the U.S. The decision came at 10 a.m. It surprised Iraq."
    assert _sentences(text) == [
        "The consulate was closed by the U.S.",
        "The decision came at 10 a.m.",
        "It surprised Iraq.",
    ]


def test_sentence_ending_inside_closing_quote() -> None:
    text = 'He said "we will respond to any such attacks." Then he left. "Why?" she asked.'
    assert _sentences(text) == [
        'He said "we will respond to any such attacks."',
        "Then he left.",
        '"Why?" she asked.',
    ]


def test_curly_quotes_and_paragraphs() -> None:
    text = "Iran called the closure “ridiculous.” Tehran said nothing.\n\nSecond paragraph here.\nThird one."
    sents = segment([_doc(text)])
    assert [text[s.start:s.end] for s in sents] == [
        "Iran called the closure “ridiculous.”", "Tehran said nothing.",
        "Second paragraph here.", "Third one.",
    ]
    assert [s.paragraph for s in sents] == [0, 0, 1, 2]


def test_hard_wrapped_lines_stay_one_paragraph() -> None:
    text = "The US had previously warned Iran that it\nwould be held accountable. Iraq regretted it."
    sents = segment([_doc(text)])
    assert len(sents) == 2
    assert {s.paragraph for s in sents} == {0}


def test_only_body_spans_produce_sentences() -> None:
    text = "Home | News | Login\n\nThe US closed its consulate. Iraq regretted it.\n\n96 views"
    start = text.index("The US")
    end = text.index("it.") + 3
    assert _sentences(text, [Span(start=start, end=end)]) == [
        "The US closed its consulate.", "Iraq regretted it."]


def test_seed_offsets_are_exact_and_trimmed() -> None:
    text = SEED.read_text(encoding="utf-8")
    sents = segment([_doc(text)])
    assert len(sents) > 30
    for s in sents:
        piece = text[s.start:s.end]
        assert piece == piece.strip() and piece
    starts = [s.start for s in sents]
    assert starts == sorted(starts)
    assert any(text[s.start:s.end] == "Mike Pompeo issued a statement." for s in sents)
