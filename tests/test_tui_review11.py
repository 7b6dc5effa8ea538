"""New-user review 11, in the TUI: a moved claim says the analyst placed it, `P` offers the
built-in perspectives, `R` renames a speaker everywhere, narrow column titles keep the outlet,
inherited words keep their case."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from core.case import load_case
from core.compare import LinkReason, build_comparison
from core.curation import RenameSpeaker
from core.export import export_analysis
from core.models import Analysis
from core.report_common import as_written
from tests.reportcase import hostile_strings
from tests.test_tui import SEED_LIKE, SIZE, async_test, load, screen_text
from tests.test_tui_curation import CASE_NAME, claim_of_event, type_into_dialog
from tests.test_tui_review10 import select_speaker, speaker_names
from tui.actions import by_id
from tui.app import PerspectaApp, create_app
from tui.render import short_labels
from tui.widgets.context import ContextPane, reason_text
from tui.widgets.curate import PickerDialog, TextDialog
from tui.widgets.help import help_table


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Analysis:
    monkeypatch.chdir(tmp_path)  # the case file the first edit saves lands in tmp
    return load(SEED_LIKE)


def notices(app: PerspectaApp) -> list[str]:
    return [n.message for n in app._notifications]


def context_plain(app: PerspectaApp) -> str:
    return app.query_one(ContextPane)._text.plain


@async_test
async def test_a_moved_claim_says_the_analyst_placed_it_and_reports_list_the_edit(
        seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        claim_id = await claim_of_event(app, pilot, "Reason for the closure")
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("up", "enter")  # "+ a new event of its own"
        await pilot.pause()
        assert app.current_claim() == claim_id
        text = context_plain(app)
        assert "placed in this event by the analyst: moved claim “" in text
        assert "to a new event of its own" in text
        assert "not linked to other claims" not in text
        assert app.comparison is not None
        page = export_analysis(app.comparison.analysis, "html").decode()
        assert "Analyst edits (1)" in page and "Moved claim “" in page


@async_test
async def test_set_perspective_offers_the_built_in_perspectives(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        claim_id = await claim_of_event(app, pilot, "Reason for the closure")
        await pilot.press("P")
        await pilot.pause()
        assert isinstance(app.screen, PickerDialog)
        labels = [c.label for c in app.screen.choices]
        own = ["United States", "Iraq", "United Kingdom", "Iran", "Analysts", "MECRA"]
        assert labels[:len(own)] == own  # the case's own first
        assert "Unions & workers" in labels and "Press" in labels
        # the case has 'analysts' (as "Analysts"): the built-in one is not offered twice
        assert "Analysts & think tanks" not in labels
        assert labels.index("Unions & workers") < labels.index("Germany")
        assert len(labels) == len(set(labels))
        await type_into_dialog(pilot, "unions")
        # "+ new perspective: unions" first (a built-in label that says more than the typed
        # word is not taken for it), then the built-in one
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.comparison is not None
        assert app.comparison.claims[claim_id].perspective == "unions"
        assert app.comparison.perspective_label("unions") == "Unions & workers"
        assert "Unions & workers" in screen_text(app)
        # an exact name is still picked first: 'iran' is the case's Iran
        await pilot.press("P")
        await type_into_dialog(pilot, "iran")
        await pilot.press("enter")
        await pilot.pause()
        assert app.comparison.claims[claim_id].perspective == "iran"


@async_test
async def test_rename_speaker_everywhere_from_compare_and_speakers(
        seed: Analysis, tmp_path: Path) -> None:
    assert by_id("rename-speaker").keys == "R"
    hostile = next(s for s in hostile_strings() if "[" in s and s.strip())
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        assert app.comparison is not None
        pompeo = [c.id for c in app.comparison.analysis.claims if c.speaker == "Mike Pompeo"]
        assert len(pompeo) == 5
        claim_id = await claim_of_event(app, pilot, "Reason for the closure")
        assert app.comparison.claims[claim_id].speaker == "Mike Pompeo"
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        assert "New name for “Mike Pompeo” (all 5 claims):" in screen_text(app)
        await type_into_dialog(pilot, "Michael R. Pompeo")
        await pilot.press("enter")
        await pilot.pause()
        claims = app.comparison.claims
        assert {claims[c].speaker for c in pompeo} == {"Michael R. Pompeo"}
        assert "Renamed speaker “Mike Pompeo” to “Michael R. Pompeo” (5 claims) · u undoes" \
            in notices(app)
        edits = load_case(tmp_path / CASE_NAME).edits
        assert edits == [RenameSpeaker(speaker="Mike Pompeo", name="Michael R. Pompeo")]
        # on the Speakers screen: the selected speaker, a hostile name shown as written
        await select_speaker(app, pilot, "Michael R. Pompeo")
        await pilot.press("R")
        await type_into_dialog(pilot, hostile)
        await pilot.press("enter")
        await pilot.pause()
        assert " ".join(hostile.split()) in speaker_names(app)
        # a name another speaker has: a merge, not a rename; nothing changes
        await pilot.press("R")
        await type_into_dialog(pilot, "michael pregent")
        await pilot.press("enter")
        await pilot.pause()
        assert any("is another speaker of the case" in m for m in notices(app))
        assert len(load_case(tmp_path / CASE_NAME).edits) == 2
        # undo walks back
        await pilot.press("u")
        await pilot.pause()
        assert "Michael R. Pompeo" in speaker_names(app)
    # help and palette come from the one registry
    console = Console(width=200, record=True)
    console.print(help_table())
    assert "Rename the claim's speaker everywhere" in console.export_text()


def test_narrow_column_titles_keep_the_outlet() -> None:
    assert short_labels("nyt (thecaucus.blogs.nytimes.com)") == [
        "nyt (thecaucus.blogs.nytimes.com)", "nyt (nytimes.com)", "nyt"]
    assert short_labels("bbc (news.bbc.co.uk)")[1] == "bbc (bbc.co.uk)"
    assert short_labels("hpo (huffingtonpost.com)") == ["hpo (huffingtonpost.com)", "hpo"]
    assert short_labels("United States") == ["United States"]
    for hostile in hostile_strings():
        assert short_labels(hostile)[0] == hostile


def test_inherited_words_keep_the_articles_case(seed: Analysis) -> None:
    assert as_written("o'neill (article)", ["said Terry O’Neill, the"]) == "O’Neill (article)"
    assert as_written("closure", ["Closure"]) == "closure"  # the claim's own words: as given
    assert as_written("nowhere (article)", ["x"]) == "nowhere (article)"
    comparison = build_comparison(seed)
    other = seed.claims[0]
    doc = next(d for d in seed.documents if d.id == other.document)
    word = next(w for w in doc.text.split() if w.istitle() and w.isalpha() and len(w) > 4)
    reason = LinkReason(other=other.id, score=0.5, terms=(f"{word.lower()} (article)",),
                        tier="merge")
    assert f"{word} (article)" in reason_text(reason, comparison).plain
