"""Speakers screen: who speaks, for which perspective, how often."""

from __future__ import annotations

from rich.text import Text

from core.compare import Comparison
from tui.render import one_line
from tui.widgets.lists import ColumnSpec, FittedTable, cell


class SpeakersTable(FittedTable):
    """Speakers with role, perspective and claim count; Enter filters Compare by speaker."""

    DEFAULT_CSS = "SpeakersTable { height: 1fr; border: round $primary-darken-2; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.border_title = Text("Speakers")
        self.border_subtitle = Text("⏎ shows the speaker’s claims in Compare · J merges it into another", "dim")
        self.names: dict[str, str] = {}

    def show_speakers(self, comparison: Comparison) -> None:
        """Fill the table from the comparison."""
        self.names = {}
        specs = [
            ColumnSpec("speaker", cell("Speaker"), 30, 16),
            ColumnSpec("role", cell("Role"), 40, 10, grow=True),
            ColumnSpec("perspective", cell("Perspective"), 22, 12),
            ColumnSpec("claims", cell("Claims", justify="right"), 6),
            ColumnSpec("docs", cell("Docs", justify="right"), 4, drop=1),
        ]
        rows = []
        for row in comparison.speaker_rows():
            rows.append((row.id, [
                cell(one_line(row.name), "bold"),
                cell(one_line(row.role) or ("◌ anonymous" if row.anonymous else "—"),
                     "dim" if not row.role else ""),
                cell(one_line(row.perspective_label)),
                cell(str(row.claims), justify="right"),
                cell(str(row.documents), justify="right"),
            ]))
            self.names[row.id] = row.name
        self.set_rows(specs, rows)
        self.border_title = Text("Speakers ") + Text(str(self.row_count), "dim")
