"""The export dialog: choose a format and a file, write the current case as a report.

Rendering a large case takes about a second, so the write runs in a thread worker and the UI
stays live. The file is written atomically (core.atomic): a failed export never damages an
existing file. Titles, paths and error messages are user text and are never parsed as markup.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static
from textual.worker import Worker, WorkerState, get_current_worker

from core.atomic import write_bytes_atomic
from core.compare import Comparison
from core.export import FORMATS, SUFFIXES, export_analysis, format_for_path
from core.models import Analysis

FORMAT_LABELS: dict[str, str] = {
    "md": "Markdown report",
    "html": "HTML report (one self-contained file)",
    "json": "JSON (the analysis contract)",
    "csv": "CSV (one row per claim)",
}
# The format as a status line names it ('the .html suffix chose HTML').
FORMAT_NAMES: dict[str, str] = {"md": "Markdown", "html": "HTML", "json": "JSON", "csv": "CSV"}
FALLBACK_SLUG = "perspecta-report"
MAX_SLUG_LENGTH = 60
EXPORT_GROUP = "export"


class FormatChoice(RadioSet):
    """The format list: ↑/↓ choose a format at once (● follows, and the path's suffix); Enter
    exports the highlighted format (Space only picks it)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose_and_export", "export", show=False),
    ]

    def action_next_button(self) -> None:
        super().action_next_button()
        self._choose_highlighted()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self._choose_highlighted()

    def _choose_highlighted(self) -> None:
        buttons = list(self.query(RadioButton))
        index = self._selected
        dialog = self.screen
        if index is not None and 0 <= index < len(buttons) and isinstance(dialog, ExportDialog):
            dialog.set_format((buttons[index].id or "").removeprefix("export-format-"))

    def action_choose_and_export(self) -> None:
        index = self._selected if self._selected is not None else self.pressed_index
        buttons = list(self.query(RadioButton))
        dialog = self.screen
        if 0 <= index < len(buttons) and isinstance(dialog, ExportDialog):
            dialog.set_format((buttons[index].id or "").removeprefix("export-format-"))
            dialog.action_export()


class FormatButton(RadioButton):
    """A format's radio button whose mark says its state without colour: ● chosen, ○ not."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "●" if self.value else "○"
        return super()._button


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What the dialog wrote: the file, its format and its size."""

    path: Path
    fmt: str
    bytes_written: int


def slugify(title: str | None) -> str:
    """A file-name-safe slug of a title: lower case, words joined by '-' (may be empty).

    Accents on Latin letters are dropped ('Café' -> 'cafe'); letters of other scripts are kept,
    since file systems take them and an Arabic title would otherwise become the fallback name."""
    if not title:
        return ""
    plain = "".join(_latin_without_accents(ch) for ch in unicodedata.normalize("NFC", title))
    slug = re.sub(r"[\W_]+", "-", plain.casefold()).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        # cut at a word boundary when there is one, so names don't end mid-word
        cut = slug[:MAX_SLUG_LENGTH]
        slug = (cut.rsplit("-", 1)[0] if "-" in cut else cut).strip("-")
    return slug


def _latin_without_accents(char: str) -> str:
    """'é' -> 'e'; letters of other scripts unchanged (their marks are part of the letter)."""
    decomposed = unicodedata.normalize("NFKD", char)
    if not decomposed or not decomposed[0].isascii():
        return char
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def suggested_filename(title: str | None, fmt: str) -> str:
    """A file name for a report of this case: the slugified title plus the format's suffix."""
    if fmt not in SUFFIXES:
        raise ValueError(f"unknown export format {fmt!r} (expected one of: {', '.join(FORMATS)})")
    return (slugify(title) or FALLBACK_SLUG) + SUFFIXES[fmt]


def case_title(analysis: Analysis) -> str | None:
    """The title a report of this analysis is named after: the case's, else its first source's."""
    if analysis.title:
        return analysis.title
    return next((d.title for d in analysis.documents if d.title), None)


def with_format_suffix(value: str, fmt: str) -> str:
    """The path with its export suffix swapped for `fmt`'s; unchanged when it names no format.

    A custom name with an unknown suffix ('notes.txt') or none is the user's choice: kept."""
    implied = format_for_path(value)
    if implied is None or implied == fmt:
        return value
    return str(PurePath(value).with_suffix(SUFFIXES[fmt]))


def describe_error(error: BaseException) -> str:
    """A short human description of a failed write (no errno noise, no temp-file names)."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return f"{type(error).__name__}: {error}"


class ExportDialog(ModalScreen[ExportResult | None]):
    """Pick a format and a path, then write the analysis there.

    Dismisses with an ExportResult once the file is written, or None when cancelled. A failed
    write shows its reason inside the dialog and leaves it open."""

    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > #export-box {
        width: 80; max-width: 95%; height: auto; max-height: 95%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    ExportDialog #export-case { color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis; }
    ExportDialog .export-label { margin-top: 1; text-style: bold; }
    ExportDialog #export-format { width: 100%; }
    ExportDialog #export-status {
        height: auto; min-height: 1; max-height: 3; margin-top: 1; color: $text-muted;
    }
    ExportDialog #export-status.-error { color: $error; text-style: bold; }
    ExportDialog #export-status.-warning { color: $warning; }
    ExportDialog #export-buttons { height: auto; margin-top: 1; align-horizontal: right; }
    ExportDialog #export-buttons Button { margin-left: 2; min-width: 10; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", show=True, key_display="Esc"),
    ]
    # The format list first: ↓/↑ pick a format and Enter exports it (Tab reaches the path).
    AUTO_FOCUS = "#export-format"

    def __init__(
        self,
        analysis: Analysis,
        *,
        folder: Path | str | None = None,
        title: str | None = None,
        fmt: str = "md",
        comparison: Comparison | None = None,
    ) -> None:
        """`folder` holds the suggested file (default: the working directory); `title` names
        it (default: the case's title); `comparison` is an index of the same analysis, reused
        to save rebuilding it (ignored when it indexes another analysis)."""
        super().__init__()
        if fmt not in FORMATS:
            raise ValueError(f"unknown export format {fmt!r}")
        self.analysis = analysis
        self.folder = Path(folder).expanduser() if folder is not None else Path.cwd()
        self.report_title = title if title is not None else case_title(analysis)
        self.fmt = fmt
        self.comparison = (
            comparison if comparison is not None and comparison.analysis is analysis else None
        )
        self.writing_to: Path | None = None
        self.pending_result: ExportResult | None = None
        self.status_text = ""
        """The status line as plain text: progress, a warning or an error."""
        # An existing file is replaced only after a second Enter on the same path and format.
        self.confirmed_overwrite: tuple[Path, str] | None = None

    # ---- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = Text("Export report")
            box.border_subtitle = Text("↑↓ format · Tab file · Enter exports · Esc cancels")
            yield Static(Text(self.report_title or "Untitled case"), id="export-case", markup=False)
            yield Label("Format", classes="export-label")
            with FormatChoice(id="export-format", compact=True):
                for fmt in FORMATS:
                    yield FormatButton(
                        Text(f"{FORMAT_LABELS.get(fmt, fmt)}  {SUFFIXES[fmt]}"),
                        value=fmt == self.fmt,
                        id=f"export-format-{fmt}",
                    )
            yield Label("File", classes="export-label")
            yield Input(
                str(self.folder / suggested_filename(self.report_title, self.fmt)),
                placeholder="path of the file to write",
                select_on_focus=False,
                id="export-path",
            )
            yield Static("", id="export-status", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-ok", compact=True)
                yield Button("Cancel", id="export-cancel", compact=True)

    # ---- keeping format and suffix in step ----------------------------------------------

    @on(RadioSet.Changed, "#export-format")
    def _on_format_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        fmt = (event.pressed.id or "").removeprefix("export-format-")
        # Already chosen (by a typed suffix, or by set_format itself): nothing to bring in step;
        # re-applying a late event would swap back a suffix typed since.
        if fmt != self.fmt:
            self.set_format(fmt)

    def set_format(self, fmt: str) -> None:
        """Choose the format: its radio button, and the path's suffix in step."""
        if fmt not in FORMATS:
            return
        button = self.query_one(f"#export-format-{fmt}", RadioButton)
        if not button.value:
            button.value = True
        self.fmt = fmt
        path_input = self.query_one("#export-path", Input)
        value = path_input.value.strip()
        if not value:
            path_input.value = str(self.folder / suggested_filename(self.report_title, fmt))
        else:
            updated = with_format_suffix(value, fmt)
            if updated != value:
                path_input.value = updated
        self.show_suffix_status(path_input.value.strip())

    @on(Input.Changed, "#export-path")
    def _on_path_changed(self, event: Input.Changed) -> None:
        # Typing 'report.html' picks HTML, as `perspecta export --output report.html` does:
        # at once, so an Enter typed right after the suffix writes HTML.
        event.stop()
        value = event.value.strip()
        implied = format_for_path(value)
        chose = implied is not None and implied != self.fmt
        if implied is not None and chose:
            self.fmt = implied
            self.query_one(f"#export-format-{implied}", RadioButton).value = True
        if self.writing_to is None:
            self.show_suffix_status(value, chose)

    def show_suffix_status(self, value: str, chose: bool = False) -> None:
        """Say what the path's suffix does: it chose the format, or it names none (the file
        is then written in the chosen format); nothing when suffix and format agree."""
        suffix = PurePath(value).suffix if value else ""
        if chose:
            self.show_status(f"The {suffix} suffix chose {FORMAT_NAMES[self.fmt]}.")
        elif suffix and format_for_path(value) is None:
            self.show_status(f"{suffix} names no format: the file is written as "
                             f"{FORMAT_NAMES[self.fmt]} (the format chosen above).", "warning")
        else:
            self.show_status("")

    # ---- exporting ------------------------------------------------------------------------

    @on(Input.Submitted, "#export-path")
    def _on_path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    @on(Button.Pressed, "#export-ok")
    def _on_export_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_export()

    @on(Button.Pressed, "#export-cancel")
    def _on_cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    def target_path(self) -> Path | None:
        """The file the path input names (relative to the dialog's folder); None when empty."""
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            return None
        path = Path(raw).expanduser()
        return path if path.is_absolute() else self.folder / path

    def action_export(self) -> None:
        """Check the path, then write the report in a thread worker."""
        if self.writing_to is not None:
            return
        path = self.target_path()
        if path is None:
            self.show_status("Enter the path of the file to write.", "error")
            return
        if path.is_dir():
            self.show_status(f"{path} is a folder: add a file name.", "error")
            return
        # The suffix of the path as written decides, whatever event is still on its way.
        self.fmt = format_for_path(path) or self.fmt
        if not path.parent.is_dir():
            self.show_status(f"Folder does not exist: {path.parent}", "error")
            return
        if path.is_file() and self.confirmed_overwrite != (path, self.fmt):
            self.confirmed_overwrite = (path, self.fmt)
            # What to do first: a long file name must not push it out of view.
            self.show_status(f"The file exists: press Enter again to replace it ({path.name}).",
                             "warning")
            return
        self.writing_to = path
        self.query_one("#export-ok", Button).disabled = True
        self.show_status(f"Writing {path} …")
        self.write_report(path, self.fmt)

    @work(thread=True, exit_on_error=False, exclusive=True, group=EXPORT_GROUP)
    def write_report(self, path: Path, fmt: str) -> ExportResult | None:
        """Render and write the report off the UI thread (None when cancelled meanwhile)."""
        data = export_analysis(self.analysis, fmt, comparison=self.comparison)
        if get_current_worker().is_cancelled:
            return None
        write_bytes_atomic(path, data)
        return ExportResult(path, fmt, len(data))

    @on(Worker.StateChanged)
    def _on_worker_state(self, event: Worker.StateChanged) -> None:
        if event.worker.group != EXPORT_GROUP:
            return
        event.stop()
        if event.state == WorkerState.SUCCESS:
            result = event.worker.result
            if isinstance(result, ExportResult):
                self.finish(result)
        elif event.state == WorkerState.ERROR:
            path = self.writing_to
            self.writing_to = None
            self.confirmed_overwrite = None
            self.query_one("#export-ok", Button).disabled = False
            error = event.worker.error
            reason = describe_error(error) if error is not None else "unknown error"
            self.show_status(f"Could not write: {reason} ({path})", "error")
            self.query_one("#export-path", Input).focus()

    def finish(self, result: ExportResult) -> None:
        """Close with the result; if another screen (the command palette) sits on top, close
        as soon as the dialog is back on top, since only the top screen can be dismissed."""
        if self.is_active:
            self.dismiss(result)
        else:
            self.pending_result = result

    def on_screen_resume(self) -> None:
        if self.pending_result is not None:
            self.dismiss(self.pending_result)

    def action_cancel(self) -> None:
        """Close without writing (a write under way stops before it touches the file)."""
        self.workers.cancel_group(self, EXPORT_GROUP)
        self.dismiss(None)

    def show_status(self, message: str, kind: str = "") -> None:
        """Under the path: progress, a warning or an error (plain text, no markup), wrapped
        over up to three lines so that a long path never hides the reason."""
        self.status_text = message
        status = self.query_one("#export-status", Static)
        status.update(Text(message))
        status.tooltip = Text(message) if message else None
        status.set_class(kind == "error", "-error")
        status.set_class(kind == "warning", "-warning")
