"""Speakers screen: who speaks, for which perspective, how often."""

from __future__ import annotations

from rich.text import Text

from core.compare import Comparison
from tui.render import one_line
from tui.widgets.lists import ColumnSpec, FittedTable, cell

# The widest a name, a role or a perspective asks to be (wider text ends in '…').
NAME_MAX_WIDTH, TEXT_MAX_WIDTH = 80, 60


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
        speaker_rows = comparison.speaker_rows()
        # Columns as wide as their longest cell (names first when the room is short); the
        # role column takes what is left.
        name_width = max((len(one_line(r.name)) for r in speaker_rows), default=0)
        role_width = max((len(one_line(r.role or "")) for r in speaker_rows), default=0)
        perspective_width = max((len(one_line(r.perspective_label)) for r in speaker_rows),
                                default=0)
        specs = [
            ColumnSpec("speaker", cell("Speaker"), max(16, min(name_width, NAME_MAX_WIDTH)), 16,
                       first=True),
            ColumnSpec("role", cell("Role"), max(11, min(role_width, TEXT_MAX_WIDTH)), 10,
                       grow=True),
            ColumnSpec("perspective", cell("Perspective"),
                       max(12, min(perspective_width, TEXT_MAX_WIDTH)), 12),
            ColumnSpec("claims", cell("Claims", justify="right"), 6),
            ColumnSpec("docs", cell("Docs", justify="right"), 4, drop=1),
        ]
        rows = []
        for row in speaker_rows:
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
