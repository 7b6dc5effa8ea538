"""Speakers screen: who speaks, for which perspective, how often."""

from __future__ import annotations

from rich.text import Text

from core.compare import Comparison
from tui.render import one_line
from tui.widgets.lists import RegistryTable


class SpeakersTable(RegistryTable):
    """Speakers with role, perspective and claim count; Enter filters Compare by speaker."""

    DEFAULT_CSS = "SpeakersTable { height: 1fr; border: round $primary-darken-2; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.border_title = Text("Speakers")
        self.names: dict[str, str] = {}

    def show_speakers(self, comparison: Comparison) -> None:
        """Fill the table from the comparison."""
        self.clear(columns=True)
        self.names = {}
        for label, width in (("Speaker", 28), ("Role", 34), ("Perspective", 18),
                             ("Claims", 6), ("Docs", 4)):
            self.add_column(Text(label), width=width)
        for row in comparison.speaker_rows():
            name = Text(one_line(row.name), "bold")
            if row.anonymous:
                name.append(" ◌", "italic")
            self.add_row(
                name,
                Text(one_line(row.role) or "—", "dim" if not row.role else ""),
                Text(one_line(row.perspective_label)),
                Text(str(row.claims), justify="right"),
                Text(str(row.documents), justify="right"),
                key=row.id,
            )
            self.names[row.id] = row.name
        self.border_title = Text("Speakers ") + Text(str(self.row_count), "dim")
