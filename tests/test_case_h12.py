"""Case files and edit descriptions (review 12).

- A case that keeps its text (stdin: `cat a.txt | perspecta open -`, saved as
  stdin.perspecta.json) reopened with the title line as an extra narration claim: the kept text
  was made a document without the reading ingest does (title line, front matter, furniture).
- Edit descriptions named an event by a phrase of its claims while the TUI and the reports name
  a row where two sides answer each other by what one denies ("Threat from Iran or its
  militias", not "Indirect fire, including rockets").
"""

from __future__ import annotations

import io
from pathlib import Path

from core.case import case_from_analysis, load_case, reopen, save_case
from core.compare import Comparison
from core.curation import AddNote, MoveClaim, SplitGroup, _term_counts, apply_edits
from core.export import export_analysis
from core.ingest import ingest
from core.models import Analysis
from core.pipeline import analyze_documents
from tests.seedcase import SEED, seed_analysis

ARTICLE = """Iran rejects claims over Basra attack

The United States closed its consulate in Basra on Friday, officials said.

Iran's foreign ministry called the decision "ridiculous," according to state media.

An Iraqi official said the closure appeared political and not driven by any credible threat.

Analysts said the move could harm relations.
"""

PAGE = """<!DOCTYPE html><html><head><title>Basra consulate shut over threats</title>
<meta name="author" content="Jane Roe"></head><body><article>
<h1>Basra consulate shut over threats</h1>
<p>The United States closed its consulate in Basra on Friday, officials said.</p>
<p>Iran's foreign ministry called the decision "ridiculous," according to state media.</p>
<p>An Iraqi official said the closure appeared political and not driven by any credible
threat, and that Baghdad had not been consulted before the announcement was made.</p>
</article></body></html>
"""


def _piped_case(tmp_path: Path, data: bytes) -> tuple[Analysis, Analysis]:
    """The analysis of text piped on stdin, and the same after saving and reopening its case
    (the case keeps the text, as the TUI saves it for `-`)."""
    result = ingest(["-"], stdin=io.BytesIO(data))
    assert result.documents, result.errors
    first = analyze_documents(result.documents, errors=result.errors)
    path = tmp_path / "stdin.perspecta.json"
    save_case(path, case_from_analysis(first, embed_text=True))
    assert load_case(path).documents[0].text is not None
    return first, reopen(load_case(path), base_dir=tmp_path).analysis


def _claims(analysis: Analysis) -> list[tuple[str, str, str | None]]:
    return [(c.id, c.text, c.speaker) for c in analysis.claims]


def test_a_piped_text_reopens_with_the_claims_of_its_first_run(tmp_path: Path) -> None:
    first, again = _piped_case(tmp_path, ARTICLE.encode())
    # read by eye: the title line is a title, and the four paragraphs each hold one claim
    assert first.documents[0].title == "Iran rejects claims over Basra attack"
    assert len(first.claims) == 4
    assert not any(c.text.startswith("Iran rejects claims") for c in again.claims)
    assert _claims(again) == _claims(first)
    assert again.documents[0].title == first.documents[0].title
    assert again.documents[0].body == first.documents[0].body


def test_the_seed_piped_reopens_with_the_same_claims_and_events(tmp_path: Path) -> None:
    first, again = _piped_case(tmp_path, SEED.read_bytes())
    assert _claims(again) == _claims(first)
    assert [sorted(g.claims) for g in again.groups] == [sorted(g.claims) for g in first.groups]


def test_a_piped_page_reopens_with_its_title_known(tmp_path: Path) -> None:
    """Piped HTML: the case keeps the extracted text; the title came from the page's <title>,
    so the heading repeating it is again no claim."""
    first, again = _piped_case(tmp_path, PAGE.encode())
    assert first.documents[0].title == "Basra consulate shut over threats"
    assert _claims(again) == _claims(first)
    assert not any("shut over threats" in c.text for c in again.claims)


def _seed_claim(analysis: Analysis, start: str) -> str:
    return next(c.id for c in analysis.claims if c.text.startswith(start))


def test_moving_a_claim_names_the_events_as_the_event_list_does() -> None:
    analysis = seed_analysis()
    comparison = Comparison(analysis)
    target = next(e.id for e in comparison.events
                  if comparison.event_title(e.id) == "Threat from Iran or its militias")
    questions = _seed_claim(analysis, "But there are questions")
    source = comparison.event_title(comparison.event_of(questions))
    move = MoveClaim(claim=questions, to_claim=comparison.groups[target].claims[0])
    moved, problems = apply_edits(analysis, [move])
    assert not problems
    description = moved.edits[-1].description
    assert description.endswith(f"from event “{source}” to event “Threat from Iran or its "
                                "militias”"), description
    assert "Indirect fire" not in description
    report = export_analysis(moved, "md").decode()
    assert "to event “Threat from Iran or its militias”" in report
    assert "Indirect fire, including rockets”" not in report


def test_every_event_is_described_by_the_title_the_tui_shows() -> None:
    """An event note names each event of the seed as the event list does, before and after
    an edit that changes who speaks in a row."""
    analysis = seed_analysis()
    questions = _seed_claim(analysis, "But there are questions")
    pompeo = next(c.id for c in analysis.claims if "threats to our personnel" in c.text)
    iraqi = next(c.id for c in analysis.claims if "appeared political" in c.text)
    states = [analysis, apply_edits(analysis, [MoveClaim(claim=questions, to_claim=pompeo)])[0],
              apply_edits(analysis, [SplitGroup(claims=[iraqi])])[0]]
    titles = set()
    for state in states:
        comparison = Comparison(state)
        notes = [AddNote(target="group", claim=g.claims[0], text="checked") for g in state.groups]
        noted, problems = apply_edits(state, notes)
        assert not problems
        described = [e.description for e in noted.edits[-len(notes):]]
        expected = [f"wrote a note on event “{comparison.event_title(g.id)}”" for g in state.groups]
        assert described == expected
        titles |= {comparison.event_title(g.id) for g in state.groups}
    # both ways of naming the disputed row were met
    assert {"Threat from Iran or its militias", "Indirect fire, including rockets"} <= titles


def test_the_term_counts_are_the_comparisons() -> None:
    analysis = seed_analysis()
    ids = tuple(c.id for c in analysis.claims)
    assert _term_counts(ids, tuple(analysis.claims)) == Comparison(analysis)._term_frequencies()
