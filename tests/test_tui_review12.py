"""New-user review 12, in the TUI: a second session on the same inputs never overwrites the
first one's case file, and the terminal says where the edits are once the TUI closes; the
context border names the event a suggestion would join."""

from __future__ import annotations

import errno
import io
import os
import shutil
import sys
from pathlib import Path

import pytest

from core.case import load_case
from core.compare import build_comparison
from core.models import Analysis
from tests import test_tui_review11
from tests.test_case_work import MILITIA
from tests.test_export_dialog import Host, export_with_enter, path_input
from tests.test_tui import SEED_LIKE, SIZE, async_test, load, screen_text
from tests.test_tui_curation import (
    CASE_NAME,
    comparison,
    go_to,
    go_to_claim,
    type_into_dialog,
    wait_for_case,
)
from tests.test_tui_review9 import RESPONSIBLE, border_hint
from tests.test_tui_review11 import notices
from tui import app as app_module
from tui.actions import ACTIONS
from tui.app import PerspectaCommands, create_app, events_width, free_case_path
from tui.widgets.columns import PerspectiveColumns
from tui.widgets.context import ContextPane, reasons_line, suggestion_hint
from tui.widgets.curate import PickerDialog
from tui.widgets.events import EventTable
from tui.widgets.export_dialog import ExportDialog
from tui.widgets.matrix import MatrixTable

seed = test_tui_review11.seed  # the seed-like case, its case file saved in tmp (a fixture)




async def rename_current_event(pilot, label: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("r")
    await type_into_dialog(pilot, label)
    await pilot.press("enter")
    await pilot.pause()


def test_free_case_path_numbers_the_name_when_taken(tmp_path: Path) -> None:
    assert free_case_path(tmp_path, "seeds") == tmp_path / "seeds.perspecta.json"
    (tmp_path / "seeds.perspecta.json").write_text("{}")
    assert free_case_path(tmp_path, "seeds") == tmp_path / "seeds-2.perspecta.json"
    (tmp_path / "seeds-2.perspecta.json").write_text("{}")
    assert free_case_path(tmp_path, "seeds") == tmp_path / "seeds-3.perspecta.json"


@async_test
async def test_a_second_session_keeps_the_first_sessions_case(
        seed: Analysis, tmp_path: Path) -> None:
    """`make run`, rename, quit; `make run` again, two edits: before, the second session saved
    over seeds.perspecta.json and its backup, and the first session's edits were lost."""
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not any("Earlier case" in n.title for n in app._notifications)
        await rename_current_event(pilot, "First session [b]label")
    first = tmp_path / CASE_NAME
    assert [e.label for e in load_case(first).edits] == ["First session [b]label"]

    again = create_app(analysis=load(SEED_LIKE))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = notices(again)
        assert any(f"An earlier case on these inputs is kept in {CASE_NAME}" in n
                   and f"perspecta open {CASE_NAME}" in n for n in shown), shown
        await rename_current_event(pilot, "Second one")
        await rename_current_event(pilot, "Second two")
    # The first case is untouched; the second went to a numbered file of its own.
    assert [e.label for e in load_case(first).edits] == ["First session [b]label"]
    second = tmp_path / CASE_NAME.replace(".perspecta.json", "-2.perspecta.json")
    assert again.case_path == second
    assert [e.label for e in load_case(second).edits] == ["Second one", "Second two"]


@async_test
async def test_closing_the_tui_names_the_saved_case_and_how_to_reopen_it(
        seed: Analysis, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await rename_current_event(pilot, "Kept")
        await pilot.press("q")
    assert app_module.finished(app, []) == 0
    err = capsys.readouterr().err
    assert err == (f"perspecta: your edits are saved in {CASE_NAME}; reopen them with: "
                   f"perspecta open {CASE_NAME}\n")


@async_test
async def test_closing_without_an_edit_prints_nothing(
        seed: Analysis, capsys: pytest.CaptureFixture[str]) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
    assert app_module.finished(app, []) == 0
    assert capsys.readouterr().err == ""


@async_test
async def test_the_context_border_names_the_event_a_suggestion_would_join(
        seed: Analysis) -> None:
    """'maybe the same event as Mike Pompeo · a joins' did not say which of the speaker's events
    `a` joins; the border now names it, and `a` joins exactly that one."""
    groups = {g.id: g for g in seed.groups}
    link = groups["g-fire"].suggestions[0]
    focus, other = (link.a, link.b) if link.a in groups["g-fire"].claims else (link.b, link.a)
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        comp = comparison(app)
        await go_to_claim(app, pilot, focus)
        target = comp.event_of(other)
        title = comp.event_title(target)
        subtitle = app.query_one(ContextPane).border_subtitle
        assert subtitle is not None
        assert f"maybe the same event as narration “The US had …” in “{title}”" in str(subtitle)
        assert target != comp.event_of(focus)
        await pilot.press("a")
        await pilot.pause()
        comp = comparison(app)
        assert comp.event_of(focus) == comp.event_of(other)


def test_a_long_event_name_on_the_border_is_cut_at_a_word(seed: Analysis) -> None:
    analysis = seed.model_copy(deep=True)
    groups = {g.id: g for g in analysis.groups}
    link = groups["g-fire"].suggestions[0]
    other = link.b if link.a in groups["g-fire"].claims else link.a
    target = next(g for g in analysis.groups if other in g.claims)
    target.label = "An analyst's [bold]very long name[/] for the event that goes on and on"
    comp = build_comparison(analysis)
    focus = link.a if other == link.b else link.b
    hint = suggestion_hint(comp.reasons(focus), comp)
    assert hint is not None
    assert "in “An analyst's [bold]very long…” · a joins" in hint.plain
    assert not hint.spans or all(span.style in ("bold", "dim") for span in hint.spans)


@async_test
async def test_at_80_columns_the_event_hint_keeps_its_key_in_view(seed: Analysis) -> None:
    """'this event: maybe the same event as “Veloria blockade ended through negot…' lost its
    '· a joins' past the border at 80 columns: the event's name is cut instead."""
    analysis = seed.model_copy(deep=True)
    responsible = next(g for g in analysis.groups if g.id == RESPONSIBLE)
    responsible.label = "Iran is held directly responsible for any harm to Americans"
    app = create_app(analysis=analysis)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(app, pilot, "Indirect fire on US missions")
        await pilot.pause()
        hint = border_hint(app)
        assert hint.startswith("this event: maybe the same event as “Iran is held")
        assert "…” · a joins" in hint
        assert len(hint[: hint.index("a joins") + len("a joins")]) <= 80 - 6


@async_test
async def test_the_palette_says_the_help_section_not_the_internal_action_id(
        seed: Analysis) -> None:
    """Ctrl+P 'open' listed 'Events: go to the claims … (⏎ Enter)' over 'open-claim'."""
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        provider = PerspectaCommands(app.screen)
        hits = [hit async for hit in provider.search("open")]
        assert hits
        ids = {action.id for action in ACTIONS}
        sections = {action.section for action in ACTIONS}
        assert all(hit.help not in ids for hit in hits), [h.help for h in hits]
        assert any(hit.help in sections for hit in hits)


@async_test
async def test_adding_one_document_says_so_in_good_english(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """'Added 1 document(s), 7 claims' is now 'Added 1 document, 7 claims'."""
    shutil.copy(MILITIA, tmp_path / "more.txt")
    monkeypatch.chdir(tmp_path)
    app = create_app(analysis=load(SEED_LIKE))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("plus")
        await type_into_dialog(pilot, "more.txt")
        await pilot.press("enter")
        for _ in range(400):
            await pilot.pause(0.05)
            if any(n.title == "Documents added" for n in app._notifications):
                break
        shown = notices(app)
        assert "Adding 1 path…" in shown
        added = next(n for n in shown if n.startswith("Added "))
        assert added.startswith("Added 1 document, ") and "(s)" not in added


PIPED = ("Port reopens\n\nUnion leader Pavel Ostrov said police broke the blockade at dawn.\n\n"
         "Harbour director Amina Castell said the crews accepted an offer on Saturday.\n")


@async_test
async def test_open_dash_reads_piped_text_and_the_case_keeps_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """`cat a.txt | perspecta open -` failed with '-: empty': the TUI's driver read the piped
    text as keys before the analysis could. The text is now read first; the case is saved as
    stdin.perspecta.json (not '-.perspecta.json', an option to a shell) with the text in it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PERSPECTA_NO_CACHE", "1")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PIPED.encode())))
    monkeypatch.setattr(os, "isatty", lambda fd: True)  # the tests' stdin is no terminal
    assert app_module.take_stdin()  # sys.stdin now holds the text (restored after the test)
    # typed at a terminal (isatty), it says how to end the text instead of waiting mutely
    assert "then Ctrl+D on a line of its own" in capsys.readouterr().err
    app = create_app(paths=["-"])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_case(app, pilot)
        texts = " ".join(c.text for c in comparison(app).analysis.claims)
        assert "police broke the blockade at dawn" in texts
        await rename_current_event(pilot, "Piped")
    saved = tmp_path / "stdin.perspecta.json"
    assert app.case_path == saved
    case = load_case(saved)
    assert [d.path for d in case.documents] == ["-"]
    assert case.documents[0].text == PIPED
    assert [e.label for e in case.edits] == ["Piped"]


@async_test
async def test_the_export_dialog_shows_the_whole_overwrite_and_error_messages_at_80_columns(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """'developing-the-closure-of-the-us-consulate-in-basra.md exists: press Enter …' hid what
    Enter does, and 'Could not write /long/path…' hid the reason: both now wrap, the action or
    the reason first."""
    name = "developing-the-closure-of-the-us-consulate-in-basra.md"
    (tmp_path / name).write_text("yesterday's report\n")
    host = Host(ExportDialog(load(SEED_LIKE), folder=tmp_path))
    async with host.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        path_input(host).value = str(tmp_path / name)
        await export_with_enter(host, pilot)
        shown = " ".join(screen_text(host).split())
        assert "The file exists: press Enter again to replace it" in shown, shown

        def refuse(path: Path, data: bytes) -> None:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

        monkeypatch.setattr("tui.widgets.export_dialog.write_bytes_atomic", refuse)
        await export_with_enter(host, pilot)
        shown = " ".join(screen_text(host).split())
        assert "Could not write: Permission denied" in shown, shown
    assert (tmp_path / name).read_text() == "yesterday's report\n"


@async_test
async def test_the_saved_case_line_comes_after_the_inputs_that_failed(
        seed: Analysis, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(SEED_LIKE.parent.parent.parent / "seeds"), str(tmp_path / "nope.txt")]
    app = create_app(paths=args)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_case(app, pilot)
        await rename_current_event(pilot, "Kept")
        await pilot.press("q")
    assert app_module.finished(app, args) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("nope.txt: not found")
    assert err[1].startswith("perspecta: summary: 1 failed")
    assert err[2] == ("perspecta: your edits are saved in seeds.perspecta.json; reopen them "
                      "with: perspecta open seeds.perspecta.json")


@async_test
async def test_resizing_the_terminal_refits_the_event_list_and_columns(seed: Analysis) -> None:
    """The resize handler read the app's size before Textual updated it: grown from 80 to 160
    columns, the event list stayed 26 wide; shrunk back to 80, it stayed 54 wide and the claim
    column was an 18-column strip."""
    app = create_app(analysis=seed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        narrow = app.query_one(EventTable).outer_size.width
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        await pilot.pause()
        assert app.query_one(EventTable).outer_size.width == events_width(160) > narrow
        assert app.query_one(ContextPane).outer_size.height == 10
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        assert app.query_one(EventTable).outer_size.width == narrow == events_width(80)
        assert app.query_one(ContextPane).outer_size.height == 7
        columns = app.query_one(PerspectiveColumns)
        assert columns.outer_size.width == 80 - narrow


def test_the_context_names_the_event_of_each_suggestion(seed: Analysis) -> None:
    """'maybe the same event: Mike Pompeo 0.03 (…) · Mike Pompeo 0.02 (…)' (the real seed) did
    not say which two events; each suggestion now names its event. Links within the event
    ('grouped with') do not: they are in this one."""
    comp = build_comparison(seed)
    line = reasons_line(comp.context("d881e5579cd:4051-4118").reasons, comp).plain
    assert "maybe the same event: Mike Pompeo in “Reason for the closure” 0.42 (threat)" in line
    grouped = line.split("maybe the same event", 1)[0]
    assert grouped.startswith("grouped with: ") and " in “" not in grouped


@async_test
async def test_a_filter_that_matches_nothing_keeps_saying_so_in_the_context(
        seed: Analysis) -> None:
    """'/zzqxw', Enter, ↓: the context pane said 'No claim here. ←/→ to move between
    perspectives.', with no perspective to move to."""
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzqxw", "enter")
        await pilot.pause()
        await pilot.press("down", "right", "tab")
        await pilot.pause()
        text = app.query_one(ContextPane)._text.plain
        assert text == "No event or claim matches “zzqxw” · Esc clears the filter."
        await pilot.press("escape")
        await pilot.pause()
        assert app.current_claim() is not None
        assert "No event" not in app.query_one(ContextPane)._text.plain


@async_test
async def test_enter_on_an_empty_matrix_cell_says_why_the_focus_is_on_the_event(
        seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        comp = comparison(app)
        await pilot.press("4")
        await pilot.pause()
        matrix = app.query_one(MatrixTable)
        # the first row's first empty cell
        row = comp.events[0]
        column = next(i for i, pid in enumerate(matrix.perspective_ids)
                      if not comp.cells.get(row.id, {}).get(pid))
        matrix.move_cursor(row=0, column=column + 1)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen_name == "compare" and app.event_id == row.id
        label = comp.perspective_label(matrix.perspective_ids[column])
        assert f"{label} says nothing about this event (· in the Matrix)" in notices(app)
        # a cell with claims goes into that column, and says nothing
        await pilot.press("4")
        await pilot.pause()
        full = next(i for i, pid in enumerate(matrix.perspective_ids)
                    if comp.cells.get(row.id, {}).get(pid))
        matrix.move_cursor(row=0, column=full + 1)
        before = len(notices(app))
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_claim() is not None and len(notices(app)) == before


@async_test
async def test_merge_names_the_event_merged_into_and_says_what_it_did(seed: Analysis) -> None:
    """M's picker said 'Merge into the current event' and, once picked, nothing at all."""
    analysis = seed.model_copy(deep=True)
    responsible = next(g for g in analysis.groups if g.id == RESPONSIBLE)
    responsible.label = "Iran held [b]responsible[/b]"
    app = create_app(analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(app, pilot, "Indirect fire on US missions")
        comp = comparison(app)
        here = app.event_id
        assert here is not None
        size_here = comp.events[comp.event_index[here]].claims
        size_there = comp.events[comp.event_index[RESPONSIBLE]].claims
        await pilot.press("M")
        await pilot.pause()
        assert isinstance(app.screen, PickerDialog)
        assert app.screen.title_text == "Merge which event into “Indirect fire on US missions”?"
        await pilot.press(*"responsible")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert RESPONSIBLE not in comparison(app).groups
        assert (f"Merged “Iran held [b]responsible[/b]” ({size_there} claims) into “Indirect fire "
                f"on US missions”, now {size_here + size_there} · u undoes") in notices(app)
