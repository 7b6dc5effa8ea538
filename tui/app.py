"""The perspecta TUI: competing accounts of one story side by side.

`create_app(analysis=...)` builds the app on a ready Analysis (tests, snapshots);
`create_app(paths=...)` analyses files in a thread worker first; `create_app(case=...)` reopens a
case file (re-analysis + edit log) in the worker. `run_app(paths)` is what the `perspecta`
console script calls.

Curation: the app keeps the machine's analysis (`base`) and the case's edit log; what is shown
is always apply_edits(base, log), so undo is "pop and re-apply". Every edit is saved at once
(atomic), to the opened case file or, for plain inputs, `<first input stem>.perspecta.json`.
"""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import orjson
from rich.text import Text
from textual import on, work
from textual.actions import SkipAction
from textual.app import App, ComposeResult
from textual.binding import BindingType
from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.css.query import NoMatches
from textual.dom import NoScreen
from textual.events import Resize
from textual.geometry import Size
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import MountError, Widget
from textual.widgets import ContentSwitcher, DataTable, Input
from textual.worker import Worker, WorkerState, get_current_worker

from core import cache as analysis_cache
from core.case import (
    CASE_SUFFIX,
    Case,
    CaseError,
    OpenedCase,
    case_from_analysis,
    is_case_path,
    load_case,
    reopen,
    save_case,
    set_aside,
)
from core.compare import (
    UNASSIGNED_PERSPECTIVE,
    UNGROUPED_EVENT,
    Comparison,
    EventRow,
    Filtered,
    build_comparison,
)
from core.curation import (
    AcceptSuggestion,
    AddNote,
    Edit,
    MergeGroups,
    MoveClaim,
    NotAClaim,
    RejectSuggestion,
    RenameGroup,
    SetPerspective,
    SetSpeaker,
    SplitGroup,
    apply_edits,
    new_perspective_id,
)
from core.models import ANALYSIS_SCHEMA, Analysis, Claim, Settings
from core.registry import PerspectiveKind, PerspectiveRegistry, RegistryError, load_registry
from core.tokens import cut_at_word
from tui.actions import ACTIONS, PALETTE_KEY, bindings
from tui.casework import ADD_DOCUMENTS_GROUP, CaseWork
from tui.render import cut_middle, one_line
from tui.widgets.columns import ClaimColumn, ColumnContent, PerspectiveColumns, SilentLine
from tui.widgets.context import ContextPane, shown_suggestion
from tui.widgets.curate import Choice, Picked, PickerDialog, TextDialog
from tui.widgets.detail import ClaimDetailScreen
from tui.widgets.events import EventTable
from tui.widgets.filter import FilterField
from tui.widgets.header import CaseHeader
from tui.widgets.help import HelpScreen
from tui.widgets.keys import KeysBar, pane_of
from tui.widgets.loading import LoadingView
from tui.widgets.matrix import MatrixTable
from tui.widgets.screens import COMPARE, COMPARE_PART, ScreenSwitcher
from tui.widgets.sources import SourcesTable
from tui.widgets.speakers import SpeakersTable

if TYPE_CHECKING:
    # The export dialog (and the report writers behind it) is imported when first opened.
    from tui.widgets.export_dialog import ExportResult

# The speaker picker's key for "narration (no speaker)": never a speaker id.
NARRATION_CHOICE = "\x00narration"

SCREEN_TABLES: dict[str, type[SourcesTable | SpeakersTable | MatrixTable]] = {
    "sources": SourcesTable, "speakers": SpeakersTable, "matrix": MatrixTable}
# Width of the event list: 3/10 of the terminal up to 120 columns, then half of each column
# more (wide terminals show whole event names), within these bounds; 57 holds a whole name
# (≤ 42 characters, core.compare.readable_label) with its counts.
EVENTS_MIN_WIDTH, EVENTS_MAX_WIDTH = 28, 57
EVENTS_WIDE_FROM = 120


def events_width(terminal_width: int) -> int:
    """The event list's width in a terminal `terminal_width` columns wide."""
    share = (terminal_width * 3 // 10 if terminal_width <= EVENTS_WIDE_FROM
             else EVENTS_WIDE_FROM * 3 // 10 + (terminal_width - EVENTS_WIDE_FROM) // 2)
    return max(EVENTS_MIN_WIDTH, min(EVENTS_MAX_WIDTH, share))


@dataclass
class AnalysisProgress(Message):
    """The worker finished a step."""

    stage: str
    fraction: float


@dataclass
class AnalysisLoaded(Message):
    """The worker produced an Analysis."""

    analysis: Analysis


@dataclass
class CaseReopened(Message):
    """The worker re-analysed a case's documents and re-applied its edits."""

    opened: OpenedCase


class AnalysisCancelled(Exception):
    """Raised inside the worker when the user cancelled the analysis."""


def load_analysis(
    paths: list[str],
    progress: partial[None] | None = None,
    *,
    settings: Settings | None = None,
    registry: PerspectiveRegistry | None = None,
    attributed: dict[str, list[Claim]] | None = None,
) -> Analysis:
    """An Analysis JSON file (schema perspecta.analysis/1) is loaded; anything else analysed.

    `attributed` collects each document's attribution, so documents added later to the case
    are the only ones read and attributed again."""
    if len(paths) == 1 and paths[0].endswith(".json") and Path(paths[0]).is_file():
        data = orjson.loads(Path(paths[0]).read_bytes())
        if isinstance(data, dict) and data.get("schema") == ANALYSIS_SCHEMA:
            return Analysis.model_validate(data)
    # Unchanged inputs (same files, settings, registry and perspecta code) reopen from the
    # analysis cache (core/cache.py), without loading or running the pipeline.
    key = analysis_cache.cache_key(paths, settings, registry)
    cached = analysis_cache.load(key)
    if cached is not None:
        return cached
    # Imported here, in the worker: the pipeline's imports (most of the start-up time) run while
    # the loading screen is painted, not before it (with the collector paused, see import_tui).
    if "core.pipeline" not in sys.modules:
        gc.disable()
        try:
            import core.pipeline  # noqa: F401
        finally:
            gc.freeze()
            gc.enable()
    from core.pipeline import analyze_paths

    analysis = analyze_paths(paths, settings, registry, progress, attributed)
    analysis_cache.store(key, analysis)
    return analysis


NAMED_INPUT_ERRORS = 6


def inputs_report(analysis: Analysis) -> str:
    """The inputs that failed or were skipped, one line each (the first few), for a notice."""
    from core.cli import input_line

    failed = [e for e in analysis.errors if e.kind == "error"]
    skipped = [e for e in analysis.errors if e.kind != "error"]
    head = []
    if failed:
        head.append(f"{len(failed)} input{'s' if len(failed) != 1 else ''} could not be read")
    if skipped:
        head.append(f"{len(skipped)} skipped")
    lines = [" · ".join(head) + (":" if analysis.errors else "")]
    for error in [*failed, *skipped][:NAMED_INPUT_ERRORS]:
        lines.append(input_line(error))
    if len(analysis.errors) > NAMED_INPUT_ERRORS:
        more = len(analysis.errors) - NAMED_INPUT_ERRORS
        lines.append(f"… and {more} more (`perspecta analyze` lists them all)")
    return "\n".join(lines)


class PerspectaCommands(Provider):
    """Command palette: every registered action, and 'go to event' for each event."""

    async def search(self, query: str) -> Hits:
        app = self.app
        assert isinstance(app, PerspectaApp)
        matcher = self.matcher(query)
        for action in ACTIONS:
            if action.scope != "app":
                continue
            title = f"{action.help} ({action.keys_for_humans})"
            score = matcher.match(title)
            if score > 0:
                # The help section it is listed under, not its internal id ('open-claim').
                yield Hit(score, Content(title), partial(app.run_action, action.action),
                          help=action.section)
        if app.comparison is None:
            return
        for event in app.comparison.events:
            title = f"Go to event: {app.comparison.event_title(event.id)}"
            score = matcher.match(title)
            if score > 0:
                # Content(), not markup: event labels come from the source text.
                yield Hit(score, Content(title), partial(app.go_to_event, event.id),
                          help=f"{event.claims} claims")


# Textual's notification: 60 cells wide, half the screen at most; its edge and padding take 4.
TOAST_WIDTH, TOAST_FRAME = 60, 4
STDIN = "-"  # the path that reads standard input (core.ingest.STDIN)
FILTER_HINT = "/ filter events & claims (fuzzy, typos ok) · Enter keeps · Esc clears"


class PerspectaApp(CaseWork, App[int]):
    """Compare, Sources, Speakers and Matrix screens over one Analysis."""

    TITLE = "perspecta"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("app")]
    COMMAND_PALETTE_BINDING = PALETTE_KEY
    COMMANDS = App.COMMANDS | {PerspectaCommands}

    CSS = """
    Screen { layout: vertical; }
    #filter { height: 1; split: top; padding: 0 1; }
    #silent { split: top; }
    #context { split: bottom; }
    #events { split: left; }
    #sources, #speakers, #matrix { height: 1fr; }
    """

    def __init__(self, analysis: Analysis | None = None, paths: list[str] | None = None,
                 case: Case | None = None, case_path: Path | None = None,
                 settings: Settings | None = None, registry: PerspectiveRegistry | None = None,
                 perspectives_file: str | None = None) -> None:
        super().__init__()
        self._collector_paused = False
        self.initial_analysis = analysis
        self.paths = list(paths or [])
        self.settings = settings
        self.registry = registry
        self.perspectives_file = perspectives_file
        # Each document's attribution, kept so that adding documents re-reads only new ones.
        self.attributed: dict[str, list[Claim]] = {}
        self.adding = False
        # The case: the machine's analysis (base), the analyst's edit log, and where it is saved
        # (None until the first edit of a case opened from plain paths).
        self.case = case
        self.case_path = case_path
        self.base: Analysis | None = None
        self.redo_stack: list[Edit] = []
        self.comparison: Comparison | None = None
        self.filtered: Filtered | None = None
        self.pins: list[str] = []
        self.event_id: str | None = None
        self.current_slot = 0
        self.analysis_worker: Worker[Analysis] | None = None
        self._pending_query: str | None = None
        # (speaker id, name) while Compare shows one speaker's claims (Enter on Speakers).
        self.speaker_filter: tuple[str, str] | None = None
        self._prepared: Comparison | None = None  # the initial analysis, indexed in compose
        self.export_format = "md"
        self.export_folder: Path | None = None
        # The row the Speakers table selects when an edit rebuilds it (J: the merged speaker).
        self.speaker_row_wanted: str | None = None
        # The case file this run saved (run_app names it on the terminal after the TUI closes).
        self.saved_case: Path | None = None

    # ---- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        comparing = self.initial_analysis is not None
        # A ready analysis is shown in the first frame: indexed here (no widget needed), so that
        # the column slots its first event needs are composed with the rest, then filled in
        # on_mount, before the first layout (one layout and paint instead of two).
        slots = self._prepare_initial() if comparing else 0
        if comparing:
            # The event list has the keys: without this, the screen would focus the first
            # focusable widget once composed (the filter line above it), then lose it again.
            self.screen.AUTO_FOCUS = "#events"
        # Every pane is a child of the screen (no container: each level of nesting costs a
        # round of mounting before the first frame). The panes take their edges in DOM order
        # (CSS `split`): header and key bar, then Compare's filter, silent line and context
        # pane, then the event list on the left; the columns fill what is left.
        yield CaseHeader(id="header")
        yield KeysBar()
        if not comparing:
            with ScreenSwitcher(initial="loading", id="screens"):
                yield LoadingView(self.paths, id="loading")
        # Otherwise the switcher is mounted when another screen is first shown, and Sources,
        # Speakers and Matrix with it: a faster first paint.
        # The filter field is always shown, so '/' only moves the focus (no relayout of the
        # columns); it is mounted after the first frame (an Input costs the first paint about
        # a tenth, bench/tui.py), its hint drawn by the silent line until then.
        panes: list[Widget] = [
            SilentLine(id="silent", hint=FILTER_HINT),
            ContextPane(id="context"),
            EventTable(id="events"),
            PerspectiveColumns(id="columns", slots=slots),
        ]
        for pane in panes:
            pane.add_class(COMPARE_PART, update=False)  # styled when mounted
            pane.display = comparing
            yield pane

    def on_mount(self) -> None:
        self.call_after_refresh(self._after_first_frame)
        # The event's suggestion is offered on the context border only while the event list
        # has the focus (a claim's own is offered otherwise).
        self.watch(self.screen, "focused", self._on_focus_moved, init=False)
        self.query_one(EventTable).on_highlight = self._on_event_cursor
        self._fit_events_width()
        if self.initial_analysis is not None:
            # Filled now, before the first layout: the first frame shows the events, columns
            # and context (bench/tui.py), and no key can come before them.
            self._adopt(self.initial_analysis)
        elif self.case is not None:
            self.analysis_worker = self.reopen_case(self.case, self.case_path)
        else:
            self.analysis_worker = self.analyse(self.paths)

    def on_load(self) -> None:
        # Python's cyclic collector is paused from the start of the run until the first frame
        # is painted (its passes over the objects that building the screen allocates would
        # delay it), then the objects built so far are frozen (never walked again) and it runs
        # again. Paused here, not when the app is built: an app never run leaves it alone.
        if gc.isenabled():
            gc.disable()
            self._collector_paused = True

    def _after_first_frame(self) -> None:
        self._resume_collector()
        with contextlib.suppress(MountError):  # the app quit before its first frame was done
            self._filter_field()

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.freeze()
            gc.enable()

    def _filter_field(self) -> FilterField:
        """The filter field: mounted after the first frame, or now when a key needs it sooner."""
        for field in self.query("#filter").results(FilterField):
            return field
        silent = self.query_one(SilentLine)
        field = FilterField(placeholder=FILTER_HINT, id="filter")
        field.add_class(COMPARE_PART, update=False)
        field.display = silent.display
        self.mount(field, before=silent)
        silent.drop_hint()
        return field

    def _prepare_initial(self) -> int:
        """Index the analysis given to the app; how many column slots its first event needs."""
        analysis = self.initial_analysis
        if analysis is None or (self.case is not None and self.case.edits):
            return 0
        comparison = build_comparison(analysis)
        self._prepared = comparison
        if not comparison.events:
            return 0
        first = comparison.events[0]
        return sum(1 for p in first.perspectives if comparison.claims_in(first.id, p))

    def on_unmount(self) -> None:
        self._resume_collector()
        gc.unfreeze()

    def on_resize(self, event: Resize) -> None:
        # The event's size: while it is handled, self.size is still the old one (a terminal
        # grown from 80 to 160 columns kept the narrow event list, and one shrunk back to 80
        # kept the wide list, leaving the claims an 18-column strip).
        self._fit_events_width(event.size)

    def _fit_events_width(self, size: Size | None = None) -> None:
        size = size or self.size
        width = events_width(size.width)
        table = self.query_one(EventTable)
        table.styles.width = width
        table.set_pane_width(width)
        self.query_one(PerspectiveColumns).fit_width(size.width - width)
        self.query_one(ContextPane).styles.height = 10 if size.height >= 36 else 7

    # ---- analysis worker --------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def analyse(self, paths: list[str]) -> Analysis:
        """Run the pipeline off the UI thread; report progress by messages only."""
        worker = get_current_worker()

        def progress(stage: str, fraction: float) -> None:
            if worker.is_cancelled:
                raise AnalysisCancelled
            self.post_message(AnalysisProgress(stage, fraction))

        analysis = load_analysis(paths, progress=partial(progress), settings=self.settings,
                                 registry=self.registry, attributed=self.attributed)
        if not worker.is_cancelled:
            self.post_message(AnalysisLoaded(analysis))
        return analysis

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis")
    def reopen_case(self, case: Case, case_path: Path | None) -> OpenedCase:
        """Re-analyse a case's documents and re-apply its edit log, off the UI thread."""
        worker = get_current_worker()
        self.post_message(AnalysisProgress("reopening the case", 0.1))
        opened = reopen(case, case_path.parent if case_path is not None else None,
                        attributed=self.attributed)
        if not worker.is_cancelled:
            self.post_message(CaseReopened(opened))
        return opened

    @on(CaseReopened)
    def _on_reopened(self, message: CaseReopened) -> None:
        opened = message.opened
        self.case = opened.case
        self.base = opened.base
        self.show_analysis(opened.analysis)
        self._switch_to("compare")
        self._focus(self.query_one(EventTable))
        for problem in opened.problems:
            message = f"Edit {problem.index + 1} ({problem.op}) not applied: {problem.reason}"
            self.notify(message, severity="warning", markup=False, timeout=10)
        if opened.changed:
            self.notify("Changed since the case was saved: " + ", ".join(opened.changed),
                        severity="warning", markup=False, timeout=10)

    def _adopt(self, analysis: Analysis) -> None:
        """Take a fresh machine analysis as the case's base and show it with the edits."""
        self.base = analysis
        if self.case is None:
            # Text read from stdin cannot be read again: the case file keeps it, so that
            # `perspecta open stdin.perspecta.json` reopens it with its edits.
            piped = any(d.path == STDIN or d.path.startswith(STDIN + "#")
                        for d in analysis.documents)
            self.case = case_from_analysis(analysis, embed_text=piped, registry=self.registry,
                                           perspectives_file=self.perspectives_file)
        # No edits: nothing to re-apply (apply_edits copies the whole analysis).
        current, problems = (apply_edits(analysis, self.case.edits) if self.case.edits
                             else (analysis, []))
        self.show_analysis(current)
        for problem in problems:
            message = f"Edit {problem.index + 1} ({problem.op}) not applied: {problem.reason}"
            self.notify(message, severity="warning", markup=False)
        if analysis.documents:
            self._earlier_case_notice()

    @on(AnalysisProgress)
    def _on_progress(self, message: AnalysisProgress) -> None:
        self.query_one(LoadingView).show_progress(message.stage, message.fraction)

    @on(AnalysisLoaded)
    def _on_loaded(self, message: AnalysisLoaded) -> None:
        self._adopt(message.analysis)
        self._switch_to("compare")
        self._focus(self.query_one(EventTable))

    @on(Worker.StateChanged)
    def _on_worker_state(self, event: Worker.StateChanged) -> None:
        if event.worker.group == ADD_DOCUMENTS_GROUP:
            self.on_add_documents_state(event)
            return
        if event.worker.group != "analysis":
            return
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, AnalysisCancelled):
                return
            self.query_one(LoadingView).show_error(f"{type(error).__name__}: {error}")
            self.notify(f"Analysis failed: {error}", severity="error", markup=False)

    # ---- showing an analysis ----------------------------------------------------------

    def show_analysis(self, analysis: Analysis) -> None:
        """Index the analysis and fill every screen."""
        prepared, self._prepared = self._prepared, None
        comparison = (prepared if prepared is not None and prepared.analysis is analysis
                      else build_comparison(analysis))
        self.comparison = comparison
        # The analysis lives as long as the app: move it out of the garbage collector's sight,
        # or every full collection walks 10k claims and a keypress stalls for tens of ms.
        gc.freeze()
        self.query_one(CaseHeader).show_case(comparison)
        for screen in SCREEN_TABLES:
            for table in self.query(f"#{screen}"):
                table.remove()
        if analysis.errors and not analysis.documents:
            # Nothing could be read: no empty screen; run_app prints why, one line per input.
            self.exit(return_code=2)
            return
        if analysis.errors:
            self.notify(inputs_report(analysis), severity="error" if any(
                e.kind == "error" for e in analysis.errors) else "warning",
                markup=False, timeout=20)
        self.apply_filter("")
        self._focus(self.query_one(EventTable))
        # After the frame: a thread started now would compete with the first paint.
        self.call_after_refresh(self.warm_search, comparison)

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def warm_search(self, comparison: Comparison) -> None:
        """Build the filter's word index off the UI thread, before the first '/'."""
        comparison.search_index()

    @property
    def voices(self) -> int:
        """How many perspectives speak in the case (author and unassigned not counted)."""
        return len(self.comparison.voices) if self.comparison is not None else 0

    def apply_filter(self, query: str) -> None:
        """Filter the events and claims, keeping the current event when it still matches.

        An empty query keeps the speaker filter, if any; a text query replaces it."""
        if self.comparison is None:
            return
        if self.speaker_filter is not None and query != self.speaker_filter[1]:
            self._drop_speaker_filter()  # the name was edited: a text filter now
        if self.speaker_filter is not None:
            self.filtered = self._speaker_claims(*self.speaker_filter)
        else:
            self.filtered = self.comparison.filter(query)
        table = self.query_one(EventTable)
        table.show_events(self.filtered.events, self.voices, self.comparison.event_title)
        ids = [e.id for e in self.filtered.events]
        if self.event_id in ids:
            table.move_cursor(row=ids.index(self.event_id), animate=False)
        self.show_event(ids[ids.index(self.event_id)] if self.event_id in ids else
                        (ids[0] if ids else None))

    def show_event(self, event_id: str | None) -> None:
        """Fill the perspective columns for one event."""
        comparison = self.comparison
        if comparison is None:
            return
        self.event_id = event_id
        columns = self.query_one(PerspectiveColumns)
        if event_id is None:
            columns.show([], comparison)
            note = self._no_event_note()
            self.query_one(SilentLine).show_note(note)
            self.query_one(ContextPane).show_claim(None, comparison, hint=note[:1].upper() +
                                                   note[1:] + ".")
            return
        contents = self.column_contents(event_id)
        columns.show(contents, comparison)
        self._show_silent_line()
        visible = columns.visible_slots()
        self.current_slot = min(self.current_slot, max(0, len(visible) - 1))
        columns.set_current(self.current_slot)
        if self._columns_focused() and not visible:
            self._focus(self.query_one(EventTable))
        self.show_context()

    def _show_silent_line(self) -> None:
        """The current event's name, who is silent, and how many columns are off screen."""
        comparison, event_id = self.comparison, self.event_id
        if comparison is None or event_id is None or event_id not in comparison.event_index:
            return
        columns = self.query_one(PerspectiveColumns)
        self.query_one(SilentLine).show(self.silent_labels(event_id),
                                        columns.hidden_sides(len(columns.visible_slots())),
                                        comparison.event_title(event_id),
                                        voices=len(comparison.voices))

    @on(PerspectiveColumns.Resized)
    def _on_columns_resized(self) -> None:
        # How many columns fit is known once the columns are laid out (and after a resize).
        with contextlib.suppress(NoMatches):  # the app is closing: its panes are gone
            self._show_silent_line()

    def column_contents(self, event_id: str) -> list[ColumnContent]:
        """Pinned perspectives first, then those that speak (and pass the filter).

        Silent perspectives get no column (the line above the columns names them) unless
        pinned. With two pins, only the pinned pair is shown (head to head).
        """
        comparison = self.comparison
        assert comparison is not None
        event = comparison.events[comparison.event_index[event_id]]
        shown = self.filtered.shows if self.filtered else (lambda _claim_id: True)

        def content(perspective: str) -> ColumnContent:
            claims = [c for c in comparison.claims_in(event_id, perspective) if shown(c.id)]
            return ColumnContent(perspective, comparison.perspective_label(perspective), claims,
                                 not claims, perspective in self.pins)

        pinned = [p for p in self.pins if p in comparison.perspectives or
                  p == UNASSIGNED_PERSPECTIVE]
        if len(pinned) == 2:
            return [content(p) for p in pinned]
        contents = [content(p) for p in pinned]
        for perspective in event.perspectives:
            if perspective not in pinned:
                speaking = content(perspective)
                if speaking.claims:
                    contents.append(speaking)
        return contents

    def silent_labels(self, event_id: str) -> list[str]:
        """Labels of the perspectives that say nothing about the event."""
        comparison = self.comparison
        assert comparison is not None
        event = comparison.events[comparison.event_index[event_id]]
        return [comparison.perspective_label(p) for p in event.silent]

    def current_claim(self) -> str | None:
        """The claim the user is looking at: the highlighted card of the current column."""
        visible = self.query_one(PerspectiveColumns).visible_slots()
        if not visible:
            return None
        slot = visible[min(self.current_slot, len(visible) - 1)]
        return slot.current_claim()

    def move_claim(self, step: int) -> None:
        """Move to the next (1) or previous (-1) claim of the current column."""
        visible = self.query_one(PerspectiveColumns).visible_slots()
        if not visible:
            return
        column = visible[min(self.current_slot, len(visible) - 1)]
        if step > 0:
            column.action_cursor_down()
        else:
            column.action_cursor_up()
        self.show_context()

    def _no_event_note(self) -> str:
        """Why no event is shown: the filter matches none (say so), or the case has none."""
        query = self.filtered.query if self.filtered is not None else ""
        return (f"no event or claim matches “{one_line(query)}” · Esc clears the filter"
                if query.strip() else "no events")

    def show_context(self) -> None:
        if self.comparison is None:
            return
        if self.event_id is None:
            # Not 'No claim here. ←/→ to move between perspectives': there are none to move to.
            note = self._no_event_note()
            self.query_one(ContextPane).show_claim(None, self.comparison,
                                                   hint=note[:1].upper() + note[1:] + ".")
            return
        self.query_one(ContextPane).show_claim(self.current_claim(), self.comparison,
                                               event_hint=self._event_suggestion_hint())

    # ---- events from widgets ----------------------------------------------------------

    def _on_focus_moved(self, focused: Widget | None) -> None:
        if pane_of(focused) in ("events", "columns"):
            self.show_context()

    def _on_event_cursor(self, event_id: str) -> None:
        if event_id != self.event_id:
            self.show_event(event_id)

    @on(PerspectiveColumns.Highlighted)
    def _on_claim_highlighted(self, event: PerspectiveColumns.Highlighted) -> None:
        if self._columns_focused() and self.current_column() is event.column:
            self.show_context()

    @on(PerspectiveColumns.Entered)
    def _on_column_entered(self, event: PerspectiveColumns.Entered) -> None:
        visible = self.query_one(PerspectiveColumns).visible_slots()
        if event.column in visible:
            self.current_slot = visible.index(event.column)
        self.show_context()

    def _columns_focused(self) -> bool:
        """Whether the claim columns have the focus (the current column is the focused one)."""
        return isinstance(self.focused, PerspectiveColumns)

    def current_column(self) -> ClaimColumn | None:
        """The current perspective column of the event (focused or not), if any."""
        visible = self.query_one(PerspectiveColumns).visible_slots()
        return visible[min(self.current_slot, len(visible) - 1)] if visible else None

    def _focus_column(self, index: int) -> None:
        """Make a shown column the current one and give the columns the focus."""
        columns = self.query_one(PerspectiveColumns)
        self.current_slot = max(0, min(index, len(columns.visible_slots()) - 1))
        columns.set_current(self.current_slot)
        self._focus(columns)

    @on(Input.Changed, "#filter")
    def _on_filter_changed(self, event: Input.Changed) -> None:
        # The typed character is painted first; the filter runs after that frame, once for a
        # burst of keystrokes (fast typing filters 10k claims once, not once per letter).
        if self._pending_query is None:
            self.call_after_refresh(self._apply_pending_filter)
        self._pending_query = event.value

    def _apply_pending_filter(self) -> None:
        query, self._pending_query = self._pending_query, None
        if query is not None and query == self._filter_field().value:
            self.apply_filter(query)

    @on(Input.Submitted, "#filter")
    def _on_filter_submitted(self, event: Input.Submitted) -> None:
        self._focus(self.query_one(EventTable))

    # ---- actions (names come from tui/actions.py) -------------------------------------

    @property
    def screen_name(self) -> str:
        """The shown screen: compare, sources, speakers, matrix or loading."""
        for switcher in self.query("#screens").results(ContentSwitcher):
            return switcher.current or COMPARE
        return COMPARE

    def action_next_event(self) -> None:
        self._move_event(1)

    def action_previous_event(self) -> None:
        self._move_event(-1)

    def _move_event(self, step: int) -> None:
        table = self.query_one(EventTable)
        if table.row_count == 0:
            return
        row = max(0, min(table.row_count - 1, table.cursor_row + step))
        head_to_head = self.head_to_head_pins()
        if head_to_head:
            # Head to head: skip the events where neither pinned perspective says anything
            # (stay put when there is no such event in that direction).
            row = table.cursor_row + step
            while 0 <= row < table.row_count and not self._either_speaks(
                    table.rows[row], head_to_head):
                row += step
            if not 0 <= row < table.row_count:
                return
        table.move_cursor(row=row, animate=False)
        event_id = table.event_id_at_cursor()
        if event_id != self.event_id:
            self.show_event(event_id)

    def head_to_head_pins(self) -> tuple[str, ...]:
        """The two pinned perspectives when two are pinned (head to head), else ()."""
        comparison = self.comparison
        if comparison is None:
            return ()
        pinned = tuple(p for p in self.pins
                       if p in comparison.perspectives or p == UNASSIGNED_PERSPECTIVE)
        return pinned if len(pinned) == 2 else ()

    def _either_speaks(self, event: EventRow, perspectives: Sequence[str]) -> bool:
        """Whether one of `perspectives` has a claim (passing the filter) in the event."""
        comparison = self.comparison
        assert comparison is not None
        shown = self.filtered.shows if self.filtered else (lambda _claim_id: True)
        return any(shown(c.id) for p in perspectives for c in comparison.claims_in(event.id, p))

    def go_to_event(self, event_id: str, perspective: str | None = None) -> None:
        """Show Compare at one event (and one perspective's column when given)."""
        if self.filtered and event_id not in {e.id for e in self.filtered.events}:
            self._clear_filter()
        self._switch_to("compare")
        table = self.query_one(EventTable)
        ids = [e.id for e in self.filtered.events] if self.filtered else []
        if event_id in ids:
            table.move_cursor(row=ids.index(event_id), animate=False)
            self.show_event(event_id)
        visible = self.query_one(PerspectiveColumns).visible_slots()
        target = next((s for s in visible if s.perspective == perspective), None)
        if target is not None:
            self._focus_column(visible.index(target))
            self.show_context()
        else:
            self._focus(table)
            if (perspective is not None and self.comparison is not None
                    and not self.comparison.cells.get(event_id, {}).get(perspective)):
                # An empty Matrix cell: say why the focus is on the event, not in a column.
                label = one_line(self.comparison.perspective_label(perspective))
                self.notify(f"{label} says nothing about this event (· in the Matrix)",
                            timeout=4, markup=False)

    def action_next_perspective(self) -> None:
        if self.screen_name != "compare":
            return
        visible = self.query_one(PerspectiveColumns).visible_slots()
        if not visible:
            return
        if self._columns_focused():
            self.current_slot = min(len(visible) - 1, self.current_slot + 1)
        self._focus_column(min(self.current_slot, len(visible) - 1))
        self.show_context()

    def action_previous_perspective(self) -> None:
        if self.screen_name != "compare":
            return
        visible = self.query_one(PerspectiveColumns).visible_slots()
        if self._columns_focused():
            if self.current_slot == 0 or not visible:
                self._focus(self.query_one(EventTable))
                return
            self._focus_column(min(self.current_slot - 1, len(visible) - 1))
        # On the event list (the leftmost pane) ← stays: → goes into the columns.
        self.show_context()

    def action_cycle_pane(self, step: int) -> None:
        if isinstance(self.screen, ModalScreen):  # a dialog is open: Tab moves inside it
            raise SkipAction()
        if self.screen_name != "compare":
            return
        columns = self.query_one(PerspectiveColumns)
        panes: list[Widget] = [self.query_one(EventTable)]
        if columns.visible_slots():
            panes.append(columns)
        panes.append(self.query_one(ContextPane))
        focused = self.focused
        current = next((i for i, p in enumerate(panes) if p is focused), -1)
        target = panes[(current + step) % len(panes)]
        if target is columns:
            self._focus_column(self.current_slot)
        else:
            self._focus(target)

    def action_open(self) -> None:
        focused = self.focused
        screen = self.screen_name
        if self.comparison is None:
            return
        if screen == "speakers":
            table = self.query_one(SpeakersTable)
            if table.row_count:
                key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
                speaker_id = str(key.value)
                self._switch_to("compare")
                self.filter_by_speaker(speaker_id, table.names.get(speaker_id, speaker_id))
            return
        if screen == "matrix":
            matrix = self.query_one(MatrixTable)
            if matrix.row_count:
                key, _ = matrix.coordinate_to_cell_key(matrix.cursor_coordinate)
                column = matrix.cursor_column - 1
                perspective = (matrix.perspective_ids[column]
                               if 0 <= column < len(matrix.perspective_ids) else None)
                self.go_to_event(str(key.value), perspective)
            return
        if screen == "sources":
            self._switch_to("compare")
            return
        if isinstance(focused, EventTable):
            self.action_next_perspective()
            return
        claim_id = self.current_claim()
        if claim_id is not None:
            self.push_screen(ClaimDetailScreen(claim_id, self.comparison))

    def action_filter(self) -> None:
        if self.comparison is None:
            return
        self._switch_to("compare")
        self._focus(self._filter_field())

    def _speaker_claims(self, speaker_id: str, name: str) -> Filtered:
        """The events and claims of one speaker (by id: not every claim naming them)."""
        comparison = self.comparison
        assert comparison is not None
        claims = frozenset(c.id for c in comparison.analysis.claims
                           if (c.speaker_id or c.speaker) == speaker_id)
        events = tuple(e for e in comparison.events
                       if any(c.id in claims for per in comparison.cells.get(e.id, {}).values()
                              for c in per))
        return Filtered(f"speaker: {name}", events, claims)

    def filter_by_speaker(self, speaker_id: str, name: str) -> None:
        """Show one speaker's own claims in Compare (by id: not the claims that merely name
        them); the field holds the name and, unfocused, reads 'speaker: NAME · Esc clears'."""
        field = self._filter_field()
        with field.prevent(Input.Changed):
            field.value = name
        self.speaker_filter = (speaker_id, name)
        label = Text(f"speaker: {one_line(name)}")
        label.append(" · Esc clears · / edits it as a text filter", "dim")
        field.show_label(label)
        self.apply_filter(name)
        self._focus(self.query_one(EventTable))

    def _drop_speaker_filter(self) -> None:
        self.speaker_filter = None
        self._filter_field().show_label(None)

    def _clear_filter(self) -> None:
        if self.speaker_filter is not None:
            self._drop_speaker_filter()
        field = self._filter_field()
        with field.prevent(Input.Changed):
            field.value = ""
        self.apply_filter("")

    def action_back(self) -> None:
        if self.screen_name == "loading":
            if self.analysis_worker is not None and self.analysis_worker.is_running:
                self.analysis_worker.cancel()
            self.exit(1, return_code=1, message="analysis cancelled")
            return
        if self.screen_name != "compare":
            self._switch_to("compare")
            return
        field = self._filter_field()
        if field.value or field.has_focus:
            self._clear_filter()
            self._focus(self.query_one(EventTable))
        elif self.pins:
            self.pins = []
            self.show_event(self.event_id)
            self.notify("Pins cleared", timeout=2)

    def action_toggle_pin(self) -> None:
        if self.screen_name != "compare":
            return
        focused = self.current_column() if self._columns_focused() else None
        if focused is None or focused.perspective is None:
            self.notify("Move to a perspective column (→) to pin it", timeout=3)
            return
        perspective = focused.perspective
        if perspective in self.pins:
            self.pins.remove(perspective)
        else:
            self.pins = [*self.pins, perspective][-2:]
        self.current_slot = self.pins.index(perspective) if perspective in self.pins else 0
        self.show_event(self.event_id)
        visible = self.query_one(PerspectiveColumns).visible_slots()
        if visible:
            self._focus_column(min(self.current_slot, len(visible) - 1))

    async def action_show_screen(self, name: str) -> None:
        if self.comparison is None:
            return
        if name in SCREEN_TABLES:
            await self._mount_screen_table(name)
        self._switch_to(name)

    async def _mount_screen_table(self, name: str) -> None:
        """Build a table screen the first time it is shown."""
        if self.query(f"#{name}") or self.comparison is None:
            return
        table = SCREEN_TABLES[name](id=name)
        switchers = list(self.query("#screens").results(ContentSwitcher))
        if switchers:
            switcher = switchers[0]
        else:
            switcher = ScreenSwitcher(initial=COMPARE, id="screens")
            await self.mount(switcher, after=self.query_one(KeysBar))
        await switcher.mount(table)
        if isinstance(table, SourcesTable):
            table.show_sources(self.comparison)
        elif isinstance(table, SpeakersTable):
            table.show_speakers(self.comparison)
        else:
            table.show_matrix(self.comparison)

    def _switch_to(self, name: str) -> None:
        for switcher in self.query("#screens").results(ContentSwitcher):
            switcher.current = name
        self.query_one(CaseHeader).show_screen(name)
        self.query_one(KeysBar).show_screen(name)
        if name == "compare":
            if not isinstance(self.focused, PerspectiveColumns | ContextPane | Input):
                self._focus(self.query_one(EventTable))
        else:
            self._focus(self.query_one(f"#{name}"))

    def _focus(self, widget: Widget) -> None:
        """Focus now, not after the pending messages: a key typed right after → or Tab
        must go to the widget that this key focused (Widget.focus() defers the change)."""
        try:
            widget.screen.set_focus(widget)
        except NoScreen:
            widget.focus()

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_export(self) -> None:
        """Open the export dialog for the case as it stands."""
        if self.comparison is None:
            self.notify("Nothing to export yet: the analysis is still running.",
                        severity="warning", markup=False)
            return
        from tui.widgets.export_dialog import ExportDialog

        self.push_screen(
            ExportDialog(self.comparison.analysis, comparison=self.comparison,
                         fmt=self.export_format, folder=self.export_folder),
            self._on_exported,
        )

    def _on_exported(self, result: ExportResult | None) -> None:
        if result is None:
            return
        self.export_format, self.export_folder = result.fmt, result.path.parent
        message = f"Wrote {result.path} ({result.fmt}, {result.bytes_written:,} bytes)"
        self.notify(message, title="Exported", markup=False)

    # ---- curation: the edit log, undo/redo, autosave -------------------------------------

    @property
    def analysis(self) -> Analysis | None:
        """The analysis as curated (the machine's, with every edit applied)."""
        return self.comparison.analysis if self.comparison is not None else None

    def default_case_path(self) -> Path:
        """Where a case opened from plain paths is saved: `<first input stem>.perspecta.json`,
        or, when a case file of that name is already there (an earlier session's edits on the
        same inputs), the first free `<stem>-2.perspecta.json`, `-3` …: a new case never
        replaces an earlier one (its backup would keep only one save of it)."""
        return free_case_path(Path.cwd(), self._case_stem())

    def _case_stem(self) -> str:
        """'seeds' for `perspecta open seeds/`: the first input's name (or the first document's)."""
        first = self.paths[0] if self.paths else None
        if first is None and self.base is not None and self.base.documents:
            first = self.base.documents[0].path.rpartition("#")[0] or self.base.documents[0].path
        if first == STDIN or (first or "").startswith(STDIN + "#"):
            return "stdin"  # not '-.perspecta.json', which a command line takes for an option
        stem = Path(first.rstrip("/")).stem if first else ""
        if stem.endswith(".perspecta"):
            stem = stem[: -len(".perspecta")]
        return stem or "case"

    def _earlier_case_notice(self) -> None:
        """A case started from plain paths whose usual case file exists already: say where the
        earlier edits are and where the new ones will go (nothing is overwritten)."""
        if self.case_path is not None or (self.case is not None and self.case.edits):
            return
        earlier = Path.cwd() / f"{self._case_stem()}{CASE_SUFFIX}"
        if not earlier.exists():
            return
        path = self.default_case_path()
        self.notify(f"An earlier case on these inputs is kept in {earlier.name} "
                    f"(perspecta open {shell_word(earlier.name)} reopens it, with its edits). "
                    f"Edits made now are saved in {path.name}.",
                    title="Earlier case kept", severity="warning", timeout=15, markup=False)

    def apply_edit(self, edit: Edit, claim_id: str | None = None) -> None:
        """Log an edit, show its result (staying at `claim_id` when it still exists), save."""
        if self.case is None or self.base is None:
            return
        self.case.edits.append(edit)
        self.redo_stack.clear()
        self._recompute(claim_id)
        self.save_case_file()

    def action_undo(self) -> None:
        if self._in_dialog() or self.case is None:
            return
        if not self.case.edits:
            self.notify("Nothing to undo", timeout=2, markup=False)
            return
        edit = self.case.edits.pop()
        self.redo_stack.append(edit)
        self._recompute(self.current_claim())
        self.save_case_file()
        self.notify(f"Undone: {edit.op.replace('_', ' ')}", timeout=2, markup=False)

    def action_redo(self) -> None:
        if self._in_dialog() or self.case is None:
            return
        if not self.redo_stack:
            self.notify("Nothing to redo", timeout=2, markup=False)
            return
        edit = self.redo_stack.pop()
        self.case.edits.append(edit)
        self._recompute(self.current_claim())
        self.save_case_file()
        self.notify(f"Redone: {edit.op.replace('_', ' ')}", timeout=2, markup=False)

    def save_case_file(self) -> bool:
        """Save the case atomically; a failure is reported and the edits stay in memory."""
        if self.case is None:
            return False
        path = self.case_path or self.default_case_path()
        try:
            save_case(path, self.case)
        except OSError as exc:
            message = f"Could not save {path}: {exc.strerror or exc}"
            self.notify(message, severity="error", markup=False, timeout=10)
            return False
        if self.case_path is None:
            self.case_path = path
            self.notify(self._saved_notice(path), title="Case saved", timeout=5, markup=False)
        self.saved_case = path
        return True

    def _saved_notice(self, path: Path) -> str:
        """The case file's name, then its folder ('in ~/cases'), each on its own line and cut
        in the middle to the notification's width: a path never wraps mid-word."""
        room = max(12, min(TOAST_WIDTH, self.size.width // 2) - TOAST_FRAME)
        folder = str(path.parent)
        home = str(Path.home())
        if folder == home or folder.startswith(home + "/"):
            folder = "~" + folder[len(home):]
        return f"{cut_middle(path.name, room)}\nin {cut_middle(folder, room - 3)}"

    def _recompute(self, claim_id: str | None) -> None:
        """Re-apply the edit log to the base analysis and refresh every view."""
        assert self.case is not None and self.base is not None
        analysis, problems = apply_edits(self.base, self.case.edits)
        if problems and problems[-1].index == len(self.case.edits) - 1:
            message = f"Edit not applied: {problems[-1].reason}"
            self.notify(message, severity="warning", markup=False)
        comparison = build_comparison(analysis)
        self.comparison = comparison
        self.query_one(CaseHeader).show_case(comparison)
        self.query_one(ContextPane).claim_id = None  # the same claim may show new notes
        shown = self.screen_name
        removals: dict[str, Awaitable[object]] = {}
        for screen in SCREEN_TABLES:
            for table in self.query(f"#{screen}"):
                if screen == shown and isinstance(table, DataTable) and table.row_count:
                    # an edit (J, or u) made on a table screen: the rebuilt table keeps its row
                    key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
                    self.speaker_row_wanted = self.speaker_row_wanted or str(key.value)
                removals[screen] = table.remove()
        if shown in removals:
            self.call_later(self._rebuild_table, shown, removals[shown])
        if claim_id is not None and claim_id in comparison.claims:
            self.event_id = comparison.event_of(claim_id)
        focused_column = self._columns_focused()
        self.apply_filter(self._filter_field().value)
        if claim_id is not None:
            self._select_claim(claim_id, focus=focused_column)
        self.warm_search(comparison)

    async def _rebuild_table(self, name: str, removal: Awaitable[object]) -> None:
        """Show a table screen again once an edit made there has removed its old table,
        on the row it had (or the one the edit asked for)."""
        await removal
        await self.action_show_screen(name)
        wanted, self.speaker_row_wanted = self.speaker_row_wanted, None
        for table in self.query(f"#{name}").results(DataTable):
            if wanted is not None and wanted in table.rows:
                table.move_cursor(row=table.get_row_index(wanted), animate=False)

    def _select_claim(self, claim_id: str, focus: bool) -> None:
        """Highlight a claim's card in its column (when it is shown)."""
        for index, column in enumerate(self.query_one(PerspectiveColumns).visible_slots()):
            if claim_id in column.claim_ids:
                self.current_slot = index
                self.query_one(PerspectiveColumns).set_current(index)
                column.move_highlight(column.claim_ids.index(claim_id))
                if focus:
                    self._focus_column(index)
                self.show_context()
                return

    def _in_dialog(self) -> bool:
        return isinstance(self.screen, ModalScreen)

    def _can_curate(self) -> bool:
        """Curation needs the Compare screen of a loaded case, and no open dialog."""
        if self._in_dialog() or self.comparison is None or self.case is None:
            return False
        if self.screen_name != "compare":
            self.notify("Curate on the Compare screen (1)", timeout=3, markup=False)
            return False
        return True

    def _focused_claim(self, doing: str | None = None) -> str | None:
        """The claim a claim key acts on: the highlighted card. `doing` ('m moves a claim')
        names the key: pressed on the event list, where no card is visibly selected, it acts
        on nothing and the notice says how to select the claim first."""
        if not self._can_curate():
            return None
        if doing is not None and pane_of(self.focused) == "events":
            self.notify(f"{doing}: select the claim first (→ into the columns, ↓↑ to the "
                        "claim), then press it again", timeout=5, markup=False)
            return None
        claim_id = self.current_claim()
        if claim_id is None:
            self.notify("No claim selected: move to a claim first (→)", timeout=3, markup=False)
        return claim_id

    def _event_anchor(self, event_id: str | None = None) -> str | None:
        """A claim of the current event's group (edits name groups through a member claim)."""
        if not self._can_curate():
            return None
        assert self.comparison is not None
        event_id = event_id or self.event_id
        group = self.comparison.groups.get(event_id or "")
        if group is None or not group.claims or event_id == UNGROUPED_EVENT:
            self.notify("Select an event first (not the ungrouped claims)", timeout=3,
                        markup=False)
            return None
        return group.claims[0]

    def _event_choices(self, exclude: str | None) -> list[Choice]:
        assert self.comparison is not None
        comparison = self.comparison
        return [Choice(e.id, comparison.event_title(e.id)) for e in comparison.events
                if e.id != exclude and e.id != UNGROUPED_EVENT]

    def action_rename_event(self) -> None:
        anchor = self._event_anchor()
        if anchor is None or self.comparison is None or self.event_id is None:
            return
        group = self.comparison.groups[self.event_id]
        shown = self.comparison.event_title(group.id)  # prefilled: the name on screen

        def done(label: str | None) -> None:
            if label is not None and label.strip() and label.strip() not in (group.label, shown):
                self.apply_edit(RenameGroup(claim=anchor, label=label.strip()),
                                self.current_claim() or anchor)

        self.push_screen(TextDialog("Rename event", "New label for the event:", shown), done)

    def action_move_claim_to_event(self) -> None:
        claim_id = self._focused_claim("m moves a claim")
        if claim_id is None or self.comparison is None:
            return
        comparison = self.comparison

        def done(picked: Picked | None) -> None:
            if picked is None:
                return
            to_claim = None
            if picked.key is not None:
                to_claim = comparison.groups[picked.key].claims[0]
            self.apply_edit(MoveClaim(claim=claim_id, to_claim=to_claim), claim_id)

        self.push_screen(PickerDialog(f"Move {self._claim_tag(claim_id)} to event",
                                      self._event_choices(comparison.event_of(claim_id)),
                                      new_label="+ a new event of its own"), done)

    def _claim_tag(self, claim_id: str) -> str:
        """'“threats to our personnel …” (Mike Pompeo)': which claim a curation key acts on,
        for its dialog or notice (the key may come from the event list, the card unseen)."""
        if self.comparison is None or claim_id not in self.comparison.claims:
            return "the claim"
        claim = self.comparison.claims[claim_id]
        who = one_line(claim.speaker) if claim.speaker else "narration"
        return f"{self._claim_text_tag(claim_id)} ({who})"

    def action_merge_event(self) -> None:
        anchor = self._event_anchor()
        if anchor is None or self.comparison is None:
            return
        comparison = self.comparison

        here = self.event_id
        assert here is not None
        here_name = self._event_name(here)

        def done(picked: Picked | None) -> None:
            if picked is None or picked.key is None:
                return
            other = comparison.groups[picked.key].claims[0]
            there_name, moved = self._event_name(picked.key), self._event_size(picked.key)
            self.apply_edit(MergeGroups(claim=anchor, other=other), self.current_claim() or anchor)
            # Say what happened, as accepting a suggestion does (nothing did before).
            now = self._event_size(self.event_id) if self.event_id else 0
            self.notify(f"Merged {there_name} ({moved} claim{'s' if moved != 1 else ''}) into "
                        f"{here_name}, now {now} · u undoes", timeout=4, markup=False)

        self.push_screen(PickerDialog(f"Merge which event into {here_name}?",
                                      self._event_choices(here)), done)

    def action_split_claim(self) -> None:
        claim_id = self._focused_claim("s splits a claim out")
        if claim_id is not None:
            tag = self._claim_tag(claim_id)
            self.apply_edit(SplitGroup(claims=[claim_id]), claim_id)
            self.notify(f"Split {tag} out into a new event (u undoes)", timeout=3, markup=False)

    def action_set_perspective(self) -> None:
        claim_id = self._focused_claim("P sets the perspective of a claim's speaker")
        if claim_id is None or self.comparison is None:
            return
        comparison = self.comparison
        claim = comparison.claims[claim_id]
        speaker = next((s for s in comparison.analysis.speakers if s.id == claim.speaker_id), None)
        if speaker is None:
            self.notify("This claim has no speaker (narration): nothing to map", timeout=3,
                        markup=False)
            return
        choices = [Choice(p.id, p.label) for p in comparison.analysis.perspectives]
        known = {p.id for p in comparison.analysis.perspectives}
        built_in = self._other_perspectives(known)
        choices += [Choice(pid, label) for pid, (label, _) in built_in.items()]
        name = speaker.name

        def done(picked: Picked | None) -> None:
            if picked is None:
                return
            if picked.key is not None and picked.key in built_in:
                # a perspective of the registry or the built-in list, new to this case
                label, kind = built_in[picked.key]
                edit = SetPerspective(speaker=name, perspective=picked.key, label=label,
                                      kind=kind)
            elif picked.key is not None:
                edit = SetPerspective(speaker=name, perspective=picked.key)
            else:
                label = picked.new_label or name
                pid = new_perspective_id(label, comparison.analysis.perspectives)
                edit = SetPerspective(speaker=name, perspective=pid, label=label)
            self.apply_edit(edit, claim_id)

        self.push_screen(PickerDialog(f"Perspective of {name}", choices,
                                      new_label="+ new perspective", new_from_text=True), done)

    def _other_perspectives(self, known: set[str]) -> dict[str, tuple[str, PerspectiveKind]]:
        """Perspectives `P` offers after the case's own: the case's registry, then the built-in
        ones ('Analysts & think tanks', 'Unions & workers', countries, institutions, US
        states), id → (label, kind); none the case has already (by id or label)."""
        # loaded on first use, not at start
        from core.gazetteer import ANALYSTS_ID, PRESS_ID, UNIONS_ID, gazetteer

        labels = {p.label.casefold() for p in self.comparison.analysis.perspectives} \
            if self.comparison is not None else set()
        found: dict[str, tuple[str, PerspectiveKind]] = {}

        def offer(pid: str, label: str, kind: PerspectiveKind) -> None:
            if pid not in known and pid not in found and label.casefold() not in labels:
                found[pid] = (label, kind)
                labels.add(label.casefold())

        registry = self.case.registry if self.case is not None else None
        for entry in registry.perspectives if registry is not None else ():
            offer(entry.resolved_id(), entry.label, entry.kind)
        targets = gazetteer().targets
        groups = [targets[i] for i in (ANALYSTS_ID, UNIONS_ID, PRESS_ID) if i in targets]
        rest = sorted((t for t in targets.values() if t not in groups and t.kind != "author"),
                      key=lambda t: t.label.casefold())
        for target in [*groups, *rest]:
            offer(target.id, target.label, target.kind)
        return found

    def action_set_speaker(self) -> None:
        claim_id = self._focused_claim("S sets a claim's speaker")
        if claim_id is None or self.comparison is None:
            return
        comparison = self.comparison
        claim = comparison.claims[claim_id]
        choices = [Choice(s.id, self._speaker_choice_label(s.name, s.perspective))
                   for s in comparison.analysis.speakers if s.id != claim.speaker_id]
        names = {s.id: s.name for s in comparison.analysis.speakers}
        fixed = [] if claim.speaker_id is None else [Choice(NARRATION_CHOICE,
                                                            "narration (no speaker)")]

        def done(picked: Picked | None) -> None:
            if picked is None:
                return
            if picked.key == NARRATION_CHOICE:
                speaker = None
            elif picked.key is not None:
                speaker = names[picked.key]
            else:
                speaker = " ".join((picked.new_label or "").split()) or None
                if speaker is None:
                    return
            tag = self._claim_text_tag(claim_id)
            self.apply_edit(SetSpeaker(claim=claim_id, speaker=speaker), claim_id)
            self.notify(f"Claim {tag} now {self._voice_of(claim_id)} · u undoes", timeout=4,
                        markup=False)

        self.push_screen(PickerDialog(f"Speaker of {self._claim_tag(claim_id)}", choices,
                                      new_label="+ new speaker", new_from_text=True,
                                      fixed=fixed), done)

    def _speaker_choice_label(self, name: str, perspective: str | None) -> str:
        """'Benjamin Netanyahu · Israel': the name, and its side when it has one and it says
        more than the name ('Iran', not 'Iran · Iran')."""
        assert self.comparison is not None
        label = self.comparison.perspective_label(perspective) if perspective else None
        if label is None or label.casefold() == name.casefold():
            return one_line(name)
        return f"{one_line(name)} · {label}"

    def _claim_text_tag(self, claim_id: str) -> str:
        """'“threats to our personnel …”': the claim's first words, quoted."""
        assert self.comparison is not None
        words = one_line(self.comparison.claims[claim_id].text).strip("“”\"' ").split()
        return "“" + " ".join(words[:6]) + (" …" if len(words) > 6 else "") + "”"

    def _voice_of(self, claim_id: str) -> str:
        """Whose the claim is now: 'Benjamin Netanyahu’s', or 'narration of <author>'."""
        comparison = self.comparison
        if comparison is None or claim_id not in comparison.claims:
            return "changed"
        claim = comparison.claims[claim_id]
        if claim.speaker:
            name = one_line(claim.speaker)
            return f"{name}’" if name.endswith("s") else f"{name}’s"  # 'the diplomats’'
        return f"narration of {comparison.perspective_label(claim.perspective)}"

    def action_mark_not_claim(self) -> None:
        claim_id = self._focused_claim("x marks a claim")
        if claim_id is not None:
            tag = self._claim_tag(claim_id)
            self.apply_edit(NotAClaim(claim=claim_id))
            self.notify(f"Marked {tag} as not a claim (u undoes)", timeout=3, markup=False)

    def action_note_claim(self) -> None:
        claim_id = self._focused_claim("N writes a note on a claim")
        if claim_id is None or self.comparison is None:
            return
        current = self.comparison.claims[claim_id].note or ""

        def done(text: str | None) -> None:
            if text is not None and text != current:
                self.apply_edit(AddNote(target="claim", claim=claim_id, text=text), claim_id)

        self.push_screen(TextDialog(f"Note on {self._claim_tag(claim_id)}", "Note (empty removes it):",
                                    current), done)

    def suggestion_target(self) -> tuple[str, str] | None:
        """The suggestion `a` and `A` act on, as (claim of this event, claim of the other
        event): the one on screen. The claim shown in the context pane offers its own ('maybe
        the same event as … · a joins' on the border); on the event list, a claim without one
        leaves the event's strongest, which the border then names ('this event: …'). With the
        focus on a claim, another claim's suggestion (unseen) is never taken."""
        comparison = self.comparison
        if comparison is None or self.event_id is None:
            return None
        claim_id = self.current_claim()
        if claim_id is not None:
            reason = shown_suggestion(comparison.reasons(claim_id))
            if reason is not None and (comparison.event_of(reason.other)
                                       != comparison.event_of(claim_id)):
                return claim_id, reason.other
        if pane_of(self.focused) != "events" or self.event_id not in comparison.groups:
            return None
        best: tuple[float, str, str] | None = None
        for link in comparison.groups[self.event_id].suggestions:
            mine, other = ((link.a, link.b) if comparison.event_of(link.a) == self.event_id
                           else (link.b, link.a))
            if comparison.event_of(mine) != self.event_id or comparison.event_of(other) in (
                    self.event_id, UNGROUPED_EVENT):
                continue
            if best is None or link.score > best[0]:
                best = (link.score, mine, other)
        return (best[1], best[2]) if best is not None else None

    def _event_suggestion_hint(self) -> Text | None:
        """'this event: maybe the same event as “…” · a joins' while the event list has the
        focus and `a` would take the event's strongest suggestion (the claim has none)."""
        comparison = self.comparison
        target = self.suggestion_target()
        if comparison is None or target is None or target[0] == self.current_claim():
            return None
        hint = Text()
        hint.append("this event: maybe the same event as ", "bold")
        # Cut to the border (the pane spans the terminal) so that the key stays in view.
        room = max(12, self.size.width - 6 - len(hint.plain) - len(" · a joins") - 2)
        title = one_line(comparison.event_title(comparison.event_of(target[1])))
        hint.append(f"“{cut_at_word(title, room)}”")
        hint.append(" · a joins", "dim")
        return hint

    def _shown_suggestion(self) -> tuple[str, str] | None:
        """The suggestion on screen for `a`/`A`, or None, said: nothing changes then."""
        if self._focused_claim() is None or self.comparison is None:
            return None
        target = self.suggestion_target()
        if target is not None:
            return target
        comparison = self.comparison
        claim_id = self.current_claim()
        others = sum(1 for claims in comparison.cells.get(self.event_id or "", {}).values()
                     for c in claims
                     if c.id != claim_id and shown_suggestion(comparison.reasons(c.id)))
        if pane_of(self.focused) == "events":
            self.notify("No suggestion for this event: nothing changed", timeout=4,
                        markup=False)
            return None
        message = "No suggestion for this claim: nothing changed"
        if others:
            message += (f" ({others} other claim{'s' if others != 1 else ''} of this event "
                        f"{'have' if others != 1 else 'has'} one: its context says "
                        "“maybe the same event as … · a joins”)")
        self.notify(message, timeout=4, markup=False)
        return None

    def _event_name(self, event_id: str) -> str:
        assert self.comparison is not None
        return f"“{one_line(self.comparison.event_title(event_id))}”"

    def _event_size(self, event_id: str) -> int:
        comparison = self.comparison
        assert comparison is not None
        index = comparison.event_index.get(event_id)
        return comparison.events[index].claims if index is not None else 0

    def action_accept_suggestion(self) -> None:
        found = self._shown_suggestion()
        if found is None or self.comparison is None:
            return
        claim_id, other = found
        comparison = self.comparison
        here, there = comparison.event_of(claim_id), comparison.event_of(other)
        here_name, there_name = self._event_name(here), self._event_name(there)
        moved = self._event_size(there)
        # The focused claim first: its event is the one that stays (the other one joins it).
        self.apply_edit(AcceptSuggestion(a=claim_id, b=other), self.current_claim())
        after = self.comparison
        if after is None or after.event_of(claim_id) != after.event_of(other):
            return  # not applied (apply_edit said why)
        now = self._event_size(after.event_of(claim_id))
        self.notify(f"Merged {there_name} into {here_name}: {moved} claim"
                    f"{'s' if moved != 1 else ''} moved, now {now} · u undoes",
                    title="Suggestion accepted", timeout=6, markup=False)

    def action_reject_suggestion(self) -> None:
        found = self._shown_suggestion()
        if found is None or self.comparison is None:
            return
        claim_id, other = found
        comparison = self.comparison
        there = self._event_name(comparison.event_of(other))
        here = self._event_name(comparison.event_of(claim_id))
        self.apply_edit(RejectSuggestion(a=claim_id, b=other), self.current_claim())
        self.notify(f"{there} is no longer suggested as the same event as {here} · u undoes",
                    title="Suggestion rejected", timeout=5, markup=False)


def create_app(analysis: Analysis | None = None, paths: list[str] | None = None,
               case: Case | None = None, case_path: Path | None = None,
               settings: Settings | None = None, registry: PerspectiveRegistry | None = None,
               perspectives_file: str | None = None) -> PerspectaApp:
    """Build the app on a ready Analysis, on paths to analyse, or on a loaded case to reopen."""
    return PerspectaApp(analysis=analysis, paths=paths, case=case, case_path=case_path,
                        settings=settings, registry=registry,
                        perspectives_file=perspectives_file)


def _ask_on_terminal(question: str) -> bool:
    """A yes/no question on the terminal; no terminal (or no answer) means no."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    try:
        return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def open_case_file(
    case_path: Path, *, from_backup: bool = False, ask: Callable[[str], bool] = _ask_on_terminal
) -> Case | None:
    """Load a case for the TUI, offering the backup when the case file cannot be loaded.

    Returns None (after one line on stderr) when nothing can be opened; nothing is written
    then. Opening the backup first moves the current file aside (`.corrupt` when it could not be
    loaded, `.replaced` when it could), then writes the backup's content as the case file, so
    the next autosave never rotates a bad file over the good backup and nothing is lost."""
    unreadable = False  # is the current case file the one that could not be loaded?
    try:
        case = load_case(case_path, from_backup=from_backup)
    except CaseError as exc:
        print(f"perspecta: {exc}", file=sys.stderr)
        if from_backup or exc.backup is None:
            return None
        unreadable = True
        if not ask("Open the backup (the previous save) instead?"):
            print(f"perspecta: to open the backup: perspecta open --from-backup {case_path}",
                  file=sys.stderr)
            return None
        try:
            case = load_case(case_path, from_backup=True)
        except CaseError as again:
            print(f"perspecta: {again}", file=sys.stderr)
            return None
        from_backup = True
    if from_backup:
        if not unreadable:  # --from-backup given: is the current file good or bad?
            try:
                load_case(case_path)
            except CaseError:
                unreadable = True
        try:
            moved = set_aside(case_path, "corrupt" if unreadable else "replaced")
            save_case(case_path, case)
        except OSError as exc:
            print(f"perspecta: {case_path}: cannot restore the backup: {exc.strerror or exc}",
                  file=sys.stderr)
            return None
        kept = f"; the file it replaces is kept as {moved}" if moved else ""
        print(f"perspecta: {case_path}: restored from its backup{kept}", file=sys.stderr)
    return case


def run_app(
    paths: Iterable[str],
    *,
    settings: dict[str, float] | None = None,
    perspectives: str | None = None,
    from_backup: bool = False,
) -> int:
    """Open a case file, or analyse `paths` (or load an Analysis JSON), and run the TUI.

    A case file that cannot be loaded is refused with its one-line message (exit 2) and
    nothing is written, unless the analyst chooses to open its backup. `settings` holds only
    the grouping settings given on the command line: a case keeps all its others."""
    args = [str(p) for p in paths]
    if STDIN in args and not take_stdin():
        return 2
    overrides = settings or {}
    registry = None
    if perspectives:
        try:
            registry = load_registry(perspectives)
        except RegistryError as exc:
            print(f"perspecta: {exc}", file=sys.stderr)
            return 2
    if case_path_given(args):
        case_path = Path(args[0]).resolve()
        case = open_case_file(case_path, from_backup=from_backup)
        if case is None:
            return 2
        if registry is not None:
            where = str(Path(perspectives or "").resolve())
            case = case.model_copy(update={"registry": registry, "perspectives_file": where})
        if overrides:
            case = case.model_copy(update={"settings": case.settings.model_copy(update=overrides)})
        app = create_app(paths=args, case=case, case_path=case_path)
    else:
        if from_backup:
            print("perspecta: --from-backup needs one case file (NAME.perspecta.json)",
                  file=sys.stderr)
            return 64
        app = create_app(paths=args, settings=Settings(**overrides), registry=registry,
                         perspectives_file=str(Path(perspectives).resolve()) if perspectives
                         else None)
    app.run()
    return finished(app, args)


def take_stdin() -> bool:
    """`perspecta open -`: read the piped text now, before the TUI starts (its driver reads
    keys from stdin, and would take the text as keys), keep it for the analysis as sys.stdin,
    then give the TUI the terminal as its stdin. False (said) when there is no terminal."""
    import io
    import os

    typed = os.isatty(0)
    if typed:  # nothing piped: the text is typed here, and the terminal would just wait
        print("perspecta: type or paste the text, then Ctrl+D on a line of its own",
              file=sys.stderr)
    data = sys.stdin.buffer.read()
    sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors="replace")
    if typed:
        return True
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        print("perspecta: open -: the TUI needs a terminal (for piped text without one: "
              "perspecta analyze - or perspecta export -)", file=sys.stderr)
        return False
    os.dup2(terminal, 0)
    os.close(terminal)
    return True


def finished(app: PerspectaApp, args: Sequence[str]) -> int:
    """The exit code after the TUI closed; the inputs that failed or were skipped are printed
    on stderr, one line each, as `perspecta analyze` prints them, then where the edits are."""
    code = app.return_code or 0
    if not case_path_given(args) and app.comparison is not None:
        from core.cli import error as cli_error
        from core.cli import exit_code, input_line, input_summary

        # The inputs that failed or were skipped stay on the terminal after the TUI closes, as
        # `perspecta analyze` prints them, and a failed input makes the exit code 2.
        analysis = app.comparison.analysis
        for err in analysis.errors:
            cli_error(input_line(err))
        if analysis.errors:
            cli_error(input_summary(analysis))
        code = code or exit_code(analysis)
    if app.saved_case is not None:
        # The edits are in a case file; `perspecta` or `perspecta open PATH` again starts a new
        # case, so say where they are and how to get them back (last: the line seen first).
        where = display_path(app.saved_case)
        print(f"perspecta: your edits are saved in {where}; reopen them with: "
              f"perspecta open {shell_word(where)}", file=sys.stderr)
    return code


def free_case_path(folder: Path, stem: str) -> Path:
    """`folder/<stem>.perspecta.json`, or the first of `<stem>-2…` that no file holds yet."""
    path = folder / f"{stem}{CASE_SUFFIX}"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}{CASE_SUFFIX}"
        number += 1
    return path


def display_path(path: Path) -> str:
    """The path relative to the current folder when it is inside it, else absolute."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def shell_word(text: str) -> str:
    """The path as one word for a POSIX shell (quoted only when it needs to be)."""
    import shlex

    return shlex.quote(text)


def case_path_given(args: Sequence[str]) -> bool:
    return len(args) == 1 and is_case_path(args[0])
