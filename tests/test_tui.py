"""Pilot tests: drive every key of the Compare screen and the other screens on known analyses.

The seed-like fixture (fixtures/analysis/seed_like.json) is a hand-made analysis of the Basra
seed; the hostile fixture carries markup-like, RTL, emoji and control-character strings through
every widget.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import orjson
import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual import events
from textual.command import CommandPalette
from textual.widgets import Input

from core.compare import build_comparison
from core.models import Analysis
from tui import app as app_module
from tui.actions import ACTIONS
from tui.app import PerspectaApp, create_app
from tui.render import CARD_MAX_CHARS, claim_quote
from tui.widgets.columns import ClaimColumn, PerspectiveColumns
from tui.widgets.context import ContextPane
from tui.widgets.detail import ClaimDetailScreen
from tui.widgets.events import EventTable
from tui.widgets.help import HelpScreen, help_table
from tui.widgets.keys import keys_text
from tui.widgets.lists import ColumnSpec, fit_widths
from tui.widgets.matrix import MatrixTable
from tui.widgets.sources import SourcesTable
from tui.widgets.speakers import SpeakersTable

ROOT = Path(__file__).resolve().parent.parent
SEED_LIKE = ROOT / "fixtures" / "analysis" / "seed_like.json"
HOSTILE = ROOT / "fixtures" / "analysis" / "hostile.json"
HOSTILE_STRINGS = ROOT / "fixtures" / "hostile" / "strings.json"
SIZE = (120, 40)


def async_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test in a fresh event loop (no pytest async plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def load(path: Path) -> Analysis:
    return Analysis.from_json(path.read_bytes())


@pytest.fixture
def seed() -> Analysis:
    return load(SEED_LIKE)


def screen_text(app: PerspectaApp) -> str:
    """What the terminal shows, as plain text."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def event_labels(app: PerspectaApp) -> list[str]:
    assert app.filtered is not None
    return [e.label for e in app.filtered.events]


def current_event_label(app: PerspectaApp) -> str:
    assert app.comparison is not None and app.event_id is not None
    return app.comparison.events[app.comparison.event_index[app.event_id]].label


def visible_perspectives(app: PerspectaApp) -> list[str | None]:
    return [c.perspective for c in app.query_one(PerspectiveColumns).visible_slots()]


def focused_column(app: PerspectaApp) -> ClaimColumn | None:
    """The current claim column when the columns have the focus, else None."""
    return app.current_column() if isinstance(app.focused, PerspectiveColumns) else None


@async_test
async def test_opens_on_compare_with_events_by_importance(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, EventTable)
        assert app.screen_name == "compare"
        table = app.query_one(EventTable)
        assert table.row_count == len(build_comparison(seed).events)
        voices = [len([p for p in e.perspectives if p != "author-mecra"])
                  for e in app.filtered.events[:-1]]  # type: ignore[union-attr]
        assert voices == sorted(voices, reverse=True)
        text = screen_text(app)
        assert "Developing: The closure of the US consulate in Basra" in text
        voice_count = len(build_comparison(seed).voices)
        assert "27 claims" in text and "9 events" in text
        assert f"{voice_count} perspectives" in text
        # The first event's speaking perspectives are the first columns.
        first = app.filtered.events[0]  # type: ignore[union-attr]
        assert visible_perspectives(app)[: len(first.perspectives)] == list(first.perspectives)


@async_test
async def test_up_down_j_k_move_the_event_cursor_and_the_columns_follow(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        labels = event_labels(app)
        await pilot.press("down")
        assert current_event_label(app) == labels[1]
        await pilot.press("j", "j")
        assert current_event_label(app) == labels[3]
        await pilot.press("k")
        assert current_event_label(app) == labels[2]
        await pilot.press("up")
        assert current_event_label(app) == labels[1]
        assert isinstance(app.focused, EventTable)


@async_test
async def test_left_right_h_l_walk_the_perspective_columns(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right")
        column = focused_column(app)
        assert column is not None and column.slot == 0
        await pilot.press("l")
        column = focused_column(app)
        assert column is not None and column.slot == 1
        await pilot.press("right")
        column = focused_column(app)
        assert column is not None and column.slot == 2
        await pilot.press("h")
        column = focused_column(app)
        assert column is not None and column.slot == 1
        await pilot.press("left", "left")
        assert isinstance(app.focused, EventTable)


@async_test
async def test_iraqi_official_appears_next_to_the_us_rationale(seed: Analysis) -> None:
    """The acceptance walk: find 'appeared political' beside Pompeo's threats, read context."""
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        while current_event_label(app) != "Reason for the closure":
            await pilot.press("]")
        assert visible_perspectives(app)[:2] == ["united-states", "iraq"]
        await pilot.press("right", "right")
        column = focused_column(app)
        assert column is not None and column.perspective == "iraq"
        context = app.query_one(ContextPane)
        claim = seed.claims[0]
        assert context.claim_id is not None
        claim = next(c for c in seed.claims if c.id == context.claim_id)
        assert "appeared political" in claim.text
        text = screen_text(app)
        assert "threats to our personnel" in text
        assert "◌ anonymous" in text and "John Hudson" in text
        assert "hedge: appeared" in text
        # Why it is grouped: the linked claim's speaker, the score, the shared words.
        assert "grouped with:" in text
        assert context.claim_id is not None and app.comparison is not None
        reason = app.comparison.reasons(context.claim_id)[0]
        other = app.comparison.claims[reason.other].speaker or "narration"
        assert f"{other} {reason.score:.2f}" in " ".join(context._text.plain.split())
        # ↓ moves to the next claim card of the same column; the context follows.
        await pilot.press("down")
        second = next(c for c in seed.claims if c.id == context.claim_id)
        assert second.text.startswith("We are not aware")
        await pilot.press("k")
        assert "appeared political" in next(
            c for c in seed.claims if c.id == context.claim_id).text


@async_test
async def test_brackets_and_n_p_change_event_from_any_pane(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        labels = event_labels(app)
        await pilot.press("]")
        assert current_event_label(app) == labels[1]
        await pilot.press("right")  # into the columns; ] and [ still change the event
        await pilot.press("n")
        assert current_event_label(app) == labels[2]
        assert focused_column(app) is not None
        await pilot.press("[")
        assert current_event_label(app) == labels[1]
        await pilot.press("p", "p", "p")
        assert current_event_label(app) == labels[0]
        for _ in labels:
            await pilot.press("]")
        assert current_event_label(app) == labels[-1]


@async_test
async def test_tab_cycles_the_panes(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab")
        assert focused_column(app) is not None
        await pilot.press("tab")
        assert isinstance(app.focused, ContextPane)
        await pilot.press("tab")
        assert isinstance(app.focused, EventTable)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ContextPane)


@async_test
async def test_enter_drills_in_then_opens_the_claim_detail(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert focused_column(app) is not None
        claim_id = app.current_claim()
        await pilot.press("enter")
        assert isinstance(app.screen, ClaimDetailScreen)
        assert app.screen.claim_id == claim_id
        claim = next(c for c in seed.claims if c.id == claim_id)
        assert claim.text[:30] in screen_text(app).replace("\n", " ") or claim.text[:20] in \
            screen_text(app)
        await pilot.press("escape")
        assert not isinstance(app.screen, ClaimDetailScreen)
        assert focused_column(app) is not None


@async_test
async def test_filter_is_fuzzy_and_escape_clears_it(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        every = event_labels(app)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"apeared politcal")  # two typos
        assert event_labels(app) == ["Reason for the closure"]
        assert app.query_one(EventTable).row_count == 1
        # Only the matching claim is shown in its column; other columns are silent here.
        iraq = next(c for c in app.query_one(PerspectiveColumns).visible_slots()
                    if c.perspective == "iraq")
        assert len([i for i in iraq.claim_ids if i]) == 1
        await pilot.press("enter")
        assert isinstance(app.focused, EventTable)
        assert event_labels(app) == ["Reason for the closure"]
        await pilot.press("escape")
        assert event_labels(app) == every
        assert app.query_one("#filter", Input).value == ""
        assert isinstance(app.focused, EventTable)


@async_test
async def test_a_filter_matching_nothing_says_so(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzqqxx")
        await pilot.pause()
        assert event_labels(app) == []
        lines = screen_text(app).splitlines()
        assert "no event or claim matches “zzqqxx” · Esc clears the filter" in lines[2]
        assert "every perspective speaks" not in screen_text(app)
        assert "No claim here" not in screen_text(app)
        assert "No event or claim matches" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "no event or claim matches" not in screen_text(app)


@async_test
async def test_filter_keeps_event_when_label_matches(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"ahvaz")
        assert event_labels(app)[0] == "Ahvaz attack"
        assert current_event_label(app) == "Ahvaz attack"


@async_test
async def test_number_keys_switch_screens_and_escape_goes_back(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        assert app.screen_name == "sources" and isinstance(app.focused, SourcesTable)
        assert "MECRA" in screen_text(app)
        await pilot.press("3")
        assert app.screen_name == "speakers" and isinstance(app.focused, SpeakersTable)
        assert "Alistair Burt" in screen_text(app)
        await pilot.press("4")
        assert app.screen_name == "matrix" and isinstance(app.focused, MatrixTable)
        await pilot.press("escape")
        assert app.screen_name == "compare" and isinstance(app.focused, EventTable)
        await pilot.press("4", "1")
        assert app.screen_name == "compare"


@async_test
async def test_matrix_enter_opens_that_event_and_perspective(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        matrix = app.query_one(MatrixTable)
        comparison = build_comparison(seed)
        row = next(i for i, e in enumerate(comparison.events) if e.label == "Reason for the closure")
        column = 1 + [c.id for c in comparison.columns].index("iraq")
        matrix.move_cursor(row=row, column=column)
        await pilot.press("enter")
        assert app.screen_name == "compare"
        assert current_event_label(app) == "Reason for the closure"
        column = focused_column(app)
        assert column is not None and column.perspective == "iraq"


@async_test
async def test_speakers_enter_filters_compare_by_speaker(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        table = app.query_one(SpeakersTable)
        row = list(table.names.values()).index("Alistair Burt")
        table.move_cursor(row=row)
        await pilot.press("enter")
        assert app.screen_name == "compare"
        assert app.query_one("#filter", Input).value == "Alistair Burt"
        for label in event_labels(app):
            assert label in {"Relocation of diplomatic staff", "Reactions to the closure"}


@async_test
async def test_space_pins_two_perspectives_head_to_head(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "space")
        first = app.pins[0]
        await pilot.press("right", "space")
        assert len(app.pins) == 2
        assert visible_perspectives(app) == app.pins
        assert app.pins[0] == first
        # Head to head holds across events, silent or not.
        await pilot.press("]")
        assert visible_perspectives(app) == app.pins
        await pilot.press("escape")
        assert app.pins == []
        assert len(visible_perspectives(app)) > 2


@async_test
async def test_question_mark_shows_every_action(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for action in ACTIONS:
            assert action.help[:40] in text, action.id
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@async_test
async def test_ctrl_p_palette_jumps_to_an_event(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"go to event ahvaz")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert current_event_label(app) == "Ahvaz attack"


@async_test
async def test_mouse_click_focuses_a_column(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the columns are laid out in the frame after the first
        columns = app.query_one(PerspectiveColumns)
        await pilot.click("#columns", offset=(columns.column_width + 5, 3))
        column = focused_column(app)
        assert column is not None and column.slot == 1
        assert app.query_one(ContextPane).claim_id == column.current_claim()


def wheel(columns: PerspectiveColumns, x: int, y: int, down: bool = True,
          shift: bool = False) -> events.MouseEvent:
    kind = events.MouseScrollDown if down else events.MouseScrollUp
    return kind(columns, x, y, 0, 1 if down else -1, 0, shift, False, False)


@async_test
async def test_mouse_on_the_columns_picks_cards_and_scrolls_each_column(seed: Analysis) -> None:
    """One widget draws the columns: a click picks the card under the pointer, the wheel
    scrolls the column under it (its thumb follows), Shift+wheel scrolls sideways."""
    app = create_app(analysis=seed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        columns = app.query_one(PerspectiveColumns)
        shown = columns.visible_slots()
        assert len(shown) > columns.fits()  # more columns than fit at 80 wide
        # A column whose cards are taller than the pane, and where its second card starts.
        tall = next(c for c in columns.in_view()
                    if columns.slots[c[0]].height > columns.size.height - 2)
        index, left, width = tall
        column = columns.slots[index]
        rows = columns.size.height - 2
        thumb = left + width - 2
        text = screen_text(app).splitlines()
        top = columns.region.y
        assert "▐" in "".join(line[columns.region.x + thumb] for line in text[top:top + rows + 2])
        # The wheel scrolls that column only.
        columns.post_message(wheel(columns, left + 3, 3))
        await pilot.pause()
        assert column.scroll_y == min(3, column.height - rows) > 0
        assert all(c.scroll_y == 0 for c in shown if c is not column)
        columns.post_message(wheel(columns, left + 3, 3, down=False))
        await pilot.pause()
        assert column.scroll_y == 0
        # A click on the second card makes it the column's current claim.
        second = column.card_span(1)
        assert second is not None and second[0] < rows
        await pilot.click("#columns", offset=(left + 3, second[0] + 1))
        assert focused_column(app) is column and column.highlighted == 1
        assert app.query_one(ContextPane).claim_id == column.claim_ids[1]
        # Shift+wheel: the next columns come into view, a whole column at a time.
        assert columns.first == 0
        columns.post_message(wheel(columns, 3, 3, shift=True))
        await pilot.pause()
        assert columns.first > 0
        assert columns.hidden_sides(len(shown))[0] == columns.first


@async_test
async def test_q_quits(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


@async_test
async def test_hostile_strings_render_verbatim_in_every_widget() -> None:
    hostile = load(HOSTILE)
    app = create_app(analysis=hostile)
    async with app.run_test(size=(160, 50)) as pilot:
        seen = screen_text(app)
        for _ in hostile.groups:
            await pilot.press("right")
            for _ in range(6):
                await pilot.press("down")
                seen += screen_text(app)
            await pilot.press("enter")
            assert isinstance(app.screen, ClaimDetailScreen)
            seen += screen_text(app)
            await pilot.press("escape", "left", "left", "left", "left", "left", "]")
        for screen in ("2", "3", "4", "question_mark"):
            await pilot.press(screen)
            seen += screen_text(app)
        await pilot.press("escape", "1", "slash", *"[/]")
        seen += screen_text(app)
    for literal in ("[US] diplomats", "[/]", "[provided by Americans]", "[bold]x",
                    "<script>alert(1)</script>", "[@click=app.quit]quit[/]", "\\[escaped]",
                    "مسؤول عراقي"):
        assert literal in seen, literal
    assert "\x1b" not in seen and "\x07" not in seen


@async_test
async def test_worker_loads_an_analysis_json_path() -> None:
    app = create_app(paths=[str(SEED_LIKE)])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.comparison is not None
        assert app.screen_name == "compare"
        assert isinstance(app.focused, EventTable)
        assert len(app.comparison.claims) == len(load(SEED_LIKE).claims)


@async_test
async def test_worker_runs_the_pipeline_on_text_files() -> None:
    app = create_app(paths=[str(ROOT / "seeds")])
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.comparison is not None
        assert app.comparison.analysis.documents
        assert app.screen_name == "compare"


@async_test
async def test_inputs_that_all_fail_close_the_tui_with_one_line_each(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`perspecta open nope.txt empty.txt`: no empty screen; exit 2 and a line per input."""
    (tmp_path / "empty.txt").write_text("")
    args = [str(tmp_path / "nope.txt"), str(tmp_path / "empty.txt")]
    app = create_app(paths=args)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(200):  # the app closes itself once the analysis is in
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
    assert app.return_code == 2
    assert app_module.finished(app, args) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"perspecta: {tmp_path / 'nope.txt'}: not found"
    assert err[1] == f"perspecta: {tmp_path / 'empty.txt'}: empty"
    assert err[2].startswith("perspecta: summary: 2 failed")


@async_test
async def test_a_failed_input_beside_good_ones_opens_and_exits_2(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [str(ROOT / "seeds"), str(tmp_path / "nope.txt")]
    app = create_app(paths=args)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.comparison is not None and app.comparison.analysis.documents
        assert app.screen_name == "compare"
        await pilot.press("q")
    assert app_module.finished(app, args) == 2
    assert "nope.txt: not found" in capsys.readouterr().err


@async_test
async def test_escape_cancels_a_running_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    started = threading.Event()

    def slow_load(paths: list[str], progress: object = None) -> Analysis:
        started.set()
        for step in range(200):
            assert callable(progress)
            progress("working", step / 200)  # raises once the worker is cancelled
            time.sleep(0.01)
        return load(SEED_LIKE)

    monkeypatch.setattr(app_module, "load_analysis", slow_load)
    app = create_app(paths=["anything"])
    async with app.run_test(size=SIZE) as pilot:
        started.wait(5)
        await pilot.pause(0.1)
        assert app.screen_name == "loading"
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 1
    assert app.comparison is None


def test_hostile_strings_fixture_is_complete() -> None:
    strings = orjson.loads(HOSTILE_STRINGS.read_bytes())["strings"]
    hostile = load(HOSTILE)
    claim_texts = {c.text for c in hostile.claims}
    assert set(strings) <= claim_texts


@async_test
async def test_context_shows_the_whole_paragraph_scrolled_to_the_span(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=(80, 24)) as pilot:
        while current_event_label(app) != "Reason for the closure":
            await pilot.press("]")
        await pilot.press("right", "right")
        context = app.query_one(ContextPane)
        assert context.claim_id is not None
        assert app.comparison is not None
        paragraph = app.comparison.context(context.claim_id).paragraph
        # Nothing is elided: every word of the paragraph is in the pane's text.
        shown = " ".join(context._text.plain.split())
        assert " ".join(paragraph.split()) in shown
        assert "…" not in shown.split("grouped with")[0]
        # The pane is scrolled so that the span's first line is on screen.
        span = context.scroll_region_of_span()
        top = int(context.scroll_offset.y)
        assert top <= span.y < top + context.scrollable_content_region.height
        assert "appeared" in screen_text(app)


@async_test
async def test_keys_sent_in_a_burst_go_to_the_pane_the_previous_key_focused(
    seed: Analysis,
) -> None:
    """→ then ↓ typed faster than a frame: ↓ moves in the column, not in the event list."""
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        event = app.event_id
        first = app.query_one(PerspectiveColumns).visible_slots()[0]
        assert len(first.claim_ids) >= 2
        app.post_message(events.Key("right", None))
        app.post_message(events.Key("down", None))
        await pilot.pause()
        assert app.event_id == event
        assert focused_column(app) is first and first.highlighted == 1
        assert app.query_one(ContextPane).claim_id == first.claim_ids[1]


@async_test
async def test_the_line_above_the_columns_names_the_whole_event(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        labels = event_labels(app)
        longest = max(labels, key=len)
        while current_event_label(app) != longest:
            await pilot.press("down")
        rows = screen_text(app).splitlines()
        pane = app.query_one(EventTable).region
        listed = [row[pane.x:pane.right] for row in rows]
        assert any(longest[:12] in row for row in listed)
        assert not any(longest in row for row in listed)  # the event list cuts it...
        assert any(longest in row for row in rows)  # ...the line above the columns does not


@async_test
async def test_e_exports_the_case_from_the_app(seed: Analysis, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.widgets.export_dialog import ExportDialog

    monkeypatch.chdir(tmp_path)
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        before = app.screen.focused
        await pilot.press("tab")  # Tab moves inside the dialog, not between the app's panes
        await pilot.pause()
        assert app.screen.focused is not None and app.screen.focused is not before
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, ExportDialog)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        path_input = dialog.query_one(Input)
        path_input.value = str(tmp_path / "report.html")
        path_input.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
    written = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<html" in written.lower() and "Basra" in written
    assert app.export_format == "html"


@async_test
async def test_keyword_labels_are_shown_as_phrases_and_renames_win(seed: Analysis) -> None:
    analysis = seed.model_copy(deep=True)
    group = next(g for g in analysis.groups if len(g.claims) >= 2)
    # A label as the grouping step writes it: the group's first salient terms.
    words = [w.strip(".,;:\"'“”") for c in analysis.claims if c.id in group.claims
             for w in c.text.split() if len(w) > 5][:3]
    group.label, group.terms = " · ".join(words), words
    app = create_app(analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.comparison is not None
        title = app.comparison.event_title(group.id)
        assert "·" not in title and title != group.label
        app.go_to_event(group.id)
        await pilot.pause()
        text = screen_text(app)
        assert title in text  # whole on the line above the columns
        assert group.label not in text
        # The analysis keeps the machine's label.
        assert app.comparison.groups[group.id].label == group.label
    group.label = "Analyst's name for it"
    app = create_app(analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.comparison is not None
        assert app.comparison.event_title(group.id) == "Analyst's name for it"


def test_key_hints_keep_help_and_quit_on_a_narrow_terminal() -> None:
    for width in (120, 80, 60):
        line = keys_text(width)
        assert line.cell_len <= width
        assert "? help" in line.plain and "q quit" in line.plain
    assert "palette" in keys_text(120).plain


@async_test
async def test_perspective_counts_agree_on_every_screen(seed: Analysis) -> None:
    """Header, event rows (n/m), Sources and Matrix count perspectives the same way."""
    comparison = build_comparison(seed)
    voices = comparison.voices
    assert voices and all(comparison.is_voice(p) for p in voices)
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert f"{len(voices)} perspectives" in text.splitlines()[0]
        assert f"claims · n/{len(voices)} speak" in text
        first = comparison.events[0]
        assert f" {first.voices}/{len(voices)}" in text
        await pilot.press("2")
        sources = app.query_one(SourcesTable)
        counted = {str(cell).strip() for cell in sources.get_column_at(5)}
        assert counted == {str(len(voices))}  # one document: every perspective speaks in it
        await pilot.press("4")
        matrix = app.query_one(MatrixTable)
        assert f"{len(voices)} perspectives · dim: narration" in screen_text(app)
        extra = len(comparison.columns) - len(voices)
        assert matrix.extra_columns == extra and extra > 0
    console = Console(width=120, record=True)
    console.print(help_table())
    help_text = " ".join(console.export_text().split())
    assert "n/m" in help_text and "of the case's m perspectives" in help_text


@async_test
async def test_brackets_skip_events_where_both_pinned_perspectives_are_silent(
        seed: Analysis) -> None:
    comparison = build_comparison(seed)
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "space", "right", "space")
        pins = list(app.pins)
        assert len(pins) == 2
        silent_events = [e.id for e in comparison.events
                         if not any(comparison.claims_in(e.id, p) for p in pins)]
        assert silent_events  # the seed has events where neither pinned side speaks
        visited = [app.event_id]
        for _ in range(len(comparison.events)):
            await pilot.press("]")
            visited.append(app.event_id)
        for _ in range(len(comparison.events)):
            await pilot.press("[")
            visited.append(app.event_id)
        assert not set(visited) & set(silent_events)
        speaking = [e.id for e in comparison.events if e.id not in silent_events]
        assert set(speaking) <= set(visited)  # every event where one speaks is reachable
        assert "at least one of them speaks" in ACTIONS[
            [a.id for a in ACTIONS].index("go-next-event")].help


@async_test
async def test_key_line_shows_the_keys_of_each_screen(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        footer = screen_text(app).splitlines()[-1]
        # On the event list ↓ moves to the next event and ⏎ goes into its claims ...
        assert isinstance(app.focused, EventTable)
        assert "][ event" in footer and "←→ perspective" in footer and "↓↑ event" in footer
        assert "⏎ claims" in footer
        # ... in a claim column they move between claims and open one.
        await pilot.press("right")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert focused_column(app) is not None
        assert "↓↑ claim" in footer and "⏎ detail" in footer
        for key in ("2", "3"):
            await pilot.press(key)
            footer = screen_text(app).splitlines()[-1]
            assert "↓↑ row" in footer and "⏎ to Compare" in footer
            assert "event" not in footer and "perspective" not in footer and "claim" not in footer
        await pilot.press("4")
        footer = screen_text(app).splitlines()[-1]
        assert "←→ perspective" in footer and "][ event" not in footer


@async_test
async def test_column_hints_at_80x24_follow_the_scroll_and_name_no_cut_perspective(
        seed: Analysis) -> None:
    comparison = build_comparison(seed)
    app = create_app(analysis=seed)
    async with app.run_test(size=(80, 24)) as pilot:
        columns = app.query_one(PerspectiveColumns)
        count = len(columns.visible_slots())
        assert count >= 3  # the first event has more columns than fit at 80 wide
        line = screen_text(app).splitlines()[2]
        assert "column" in line and "→" in line
        silent_part = line.split(" — ", 1)[1]
        # No perspective name is cut in the middle: whole names, or only a count.
        assert "…" not in silent_part
        for _ in range(count):
            await pilot.press("right")
        await pilot.pause()
        line = screen_text(app).splitlines()[2]
        assert "→" not in line  # on the last column: nothing more to the right
        assert "←" in line
        await pilot.press("4")
        await pilot.pause()
        matrix = app.query_one(MatrixTable)
        _left, right = matrix.hidden_sides()
        assert right > 0 and f"+{right} →" in screen_text(app)
        for _ in range(len(comparison.columns)):
            await pilot.press("right")
        await pilot.pause()
        assert matrix.hidden_sides()[1] == 0
        assert "→" not in screen_text(app).splitlines()[-2]


def test_fit_widths_shares_the_room_and_drops_columns_in_order() -> None:
    specs = [ColumnSpec("name", Text("Name"), 30, 10), ColumnSpec("n", Text("N"), 6),
             ColumnSpec("title", Text("Title"), 40, 12, grow=True),
             ColumnSpec("file", Text("File"), 20, 8, drop=1)]
    # Room for everything at its preferred width: the growing column takes the rest.
    assert fit_widths(specs, 120) == [30, 6, 56, 20]
    # Less room: minimums first, then each column toward its preferred width.
    widths = fit_widths(specs, 60)
    assert sum(w + 2 for w in widths if w is not None) == 60
    assert all(w is not None and w >= (s.min_width or s.width)
               for s, w in zip(specs, widths, strict=True))
    # Too little even for the minimums: the droppable column goes.
    assert fit_widths(specs, 40)[3] is None
    assert sum(w + 2 for w in fit_widths(specs, 40)[:3] if w is not None) == 40
    # Narrower still: the minimums stay (the table then scrolls sideways).
    assert fit_widths(specs, 20) == [10, 6, 12, None]


@async_test
async def test_tables_fit_80_columns_and_mark_every_cut(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=(80, 24)) as pilot:
        for key, table_type in (("2", SourcesTable), ("3", SpeakersTable)):
            await pilot.press(key)
            await pilot.pause()
            table = app.query_one(table_type)
            # No column sits half out of view: the shown columns fit the table's width.
            used = sum(c.get_render_width(table) for c in table.ordered_columns)
            assert used <= table.scrollable_content_region.width
            assert table.max_scroll_x == 0
            text = screen_text(app)
            if key == "2":
                # The long title is cut with a mark; the perspective count is named in full
                # and explained under the table.
                assert "Developing: The closure" in text and "…" in text
                assert "Perspectives" in text and "Persp." not in text
                assert "Perspectives: sides speaking in the source" in text
            else:
                assert "Minister of State …" in text  # a role too long for its column
                assert "◌ anonymous" in text
        await pilot.press("4")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        comparison = build_comparison(seed)
        rows = [line for line in lines if "·" in line and line.startswith("│")]
        assert rows
        # Event names start in the same cell whether or not the ⚡ mark is shown, and a name
        # too long for the column ends in '…'.
        starts = {cell_len(line[: len(line) - len(line.lstrip("│ ⚡"))]) for line in rows}
        assert len(starts) == 1
        longest = max((comparison.event_title(e.id) for e in comparison.events), key=len)
        assert any(longest[:10] in line and "…" in line for line in rows)


@async_test
async def test_event_list_title_says_when_a_filter_hides_events(seed: Analysis) -> None:
    total = len(build_comparison(seed).events)
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        table = app.query_one(EventTable)
        assert f"─ Events {total} ─" in screen_text(app)
        await pilot.press("slash", *"apeared")
        await pilot.pause()
        shown = table.row_count
        assert 0 < shown < total
        assert f"─ Events {shown} of {total} · filtered ─" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert f"─ Events {total} ─" in screen_text(app)


@async_test
async def test_pin_key_is_offered_in_a_column_and_head_to_head_is_named(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "␣ pin" not in screen_text(app).splitlines()[-1]  # events: nothing to pin
        await pilot.press("right")
        await pilot.pause()
        assert "␣ pin" in screen_text(app).splitlines()[-1]
        first = focused_column(app)
        assert first is not None
        await pilot.press("space", "right", "space")
        await pilot.pause()
        assert len(app.pins) == 2 and app.comparison is not None
        labels = [app.comparison.perspective_label(p) for p in app.pins]
        line = screen_text(app).splitlines()[2]
        # The hidden columns are not called silent: the line says what is shown and the way out.
        assert f"head to head: ◆ {labels[0]} vs ◆ {labels[1]}" in line
        assert "Esc shows all" in line and "silent" not in line
        await pilot.press("escape")
        await pilot.pause()
        assert not app.pins
        assert "head to head" not in screen_text(app).splitlines()[2]
    async with create_app(analysis=seed).run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "space", "right", "space")
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "◆" in text.splitlines()[2] and "vs" in text.splitlines()[2]
        assert "? help" in text.splitlines()[-1] and "q quit" in text.splitlines()[-1]


def test_a_long_card_is_cut_after_a_whole_word(seed: Analysis) -> None:
    # Seven-letter steps: the card's last character falls in the middle of a word.
    claim = seed.claims[0].model_copy(update={"text": "wordsx " * 80 + "end", "hedges": []})
    assert (CARD_MAX_CHARS - 1) % 7 not in (0, 6)
    shown = claim_quote(claim).plain.strip("“”")
    assert shown.endswith(" wordsx…") and len(shown) <= CARD_MAX_CHARS


@async_test
async def test_a_column_with_room_shows_a_long_claim_whole(seed: Analysis) -> None:
    """A long claim is cut at CARD_MAX_CHARS only when the whole texts do not fit the column;
    with room to spare (120x40) the card ends where the claim ends."""
    long_claim = max(seed.claims, key=lambda c: len(c.text))
    assert len(long_claim.text) > CARD_MAX_CHARS
    last_words = " ".join(long_claim.text.split()[-2:]).strip("”\"")
    for size, whole in (((120, 40), True), ((80, 24), False)):
        app = create_app(analysis=seed)
        async with app.run_test(size=size) as pilot:
            comparison = app.comparison
            assert comparison is not None
            event = comparison.event_of(long_claim.id)
            label = next(e.label for e in comparison.events if e.id == event)
            for _ in range(len(comparison.events)):
                if current_event_label(app) == label:
                    break
                await pilot.press("down")
            await pilot.pause()
            columns = app.query_one(PerspectiveColumns)
            assert any(long_claim.id in c.claim_ids for c in columns.visible_slots())
            # the columns widget alone (the context pane below shows the whole paragraph)
            box = columns.region
            rows = screen_text(app).splitlines()[box.y:box.y + box.height]
            text = " ".join(row[box.x:box.x + box.width] for row in rows)
            assert (last_words.split()[-1] in text) is whole, (size, text)


@async_test
async def test_dialogs_say_when_they_scroll(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ClaimDetailScreen)
        assert "↓↑ scroll · Esc closes" in screen_text(app)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "↓↑ scroll · Esc closes" in screen_text(app)


@async_test
async def test_a_case_with_no_perspective_says_so_instead_of_every_one_speaks() -> None:
    """A story whose sides the gazetteer does not know (no country named): the line above the
    columns says no perspective was found and how to set them, not 'every perspective speaks'."""
    from core.models import Document
    from core.pipeline import analyze_documents

    text = ("Port of Valmera strike goes on\n\nDock workers stayed off the job on Wednesday. "
            "\"We will not return until the deal is honoured,\" said shop owner Maria Costa.\n")
    doc = Document(id="dv", path="valmera.txt", text=text, sha256="0")
    analysis = analyze_documents([doc])
    assert not [p for p in analysis.perspectives if p.kind != "author"]
    app = create_app(analysis=analysis)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "no perspective found" in shown and "every perspective speaks" not in shown


@async_test
async def test_the_collector_is_paused_only_until_the_first_frame(seed: Analysis) -> None:
    """The cyclic garbage collector is off while the first frame is built and on again after
    it; an app that is built but never run leaves it alone."""
    assert gc.isenabled()
    create_app(analysis=seed)
    assert gc.isenabled()
    app = create_app(analysis=seed)
    during: list[bool] = []
    display = app._display

    def first_frame(screen: Any, renderable: Any) -> None:
        if renderable is not None and not during:
            during.append(gc.isenabled())
        display(screen, renderable)

    app._display = first_frame  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert during == [False]
        assert gc.isenabled()
    assert gc.isenabled()


def test_long_file_names_are_cut_in_the_middle_and_stay_apart() -> None:
    from tui.widgets.sources import FILE_WIDTH, middle_cut

    names = [f"1b96a5db-8974-46d1-9b1e-0d5c8e3f2a11_{n}.json" for n in (1, 2, 3)]
    shown = [middle_cut(n, FILE_WIDTH) for n in names]
    assert len(set(shown)) == 3 and all(len(s) == FILE_WIDTH and "…" in s for s in shown)
    assert middle_cut("seed.txt", FILE_WIDTH) == "seed.txt"


@async_test
async def test_left_on_the_event_list_stays_there(seed: Analysis) -> None:
    app = create_app(analysis=seed)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.focused, EventTable)
        steps = (("left", EventTable), ("right", PerspectiveColumns), ("left", EventTable))
        for key, pane in steps:
            await pilot.press(key)
            assert isinstance(app.focused, pane), key


def test_a_link_to_narration_says_which_narration(seed: Analysis) -> None:
    from tui.widgets.context import reasons_line

    comparison = build_comparison(seed)
    shown = [reasons_line(comparison.context(c.id).reasons, comparison).plain
             for c in seed.claims]
    linked = [line for line in shown if "narration" in line]
    assert linked, "the seed links some claims to narration"
    assert all("narration “" in line for line in linked)
    assert not any("narration 0." in line for line in linked)
