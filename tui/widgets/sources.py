"""Sources screen: one row per document."""

from __future__ import annotations

from rich.text import Text

from core.compare import Comparison
from tui.render import one_line
from tui.widgets.lists import RegistryTable


class SourcesTable(RegistryTable):
    """Documents with outlet, date, title and what each contributes."""

    DEFAULT_CSS = "SourcesTable { height: 1fr; border: round $primary-darken-2; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.border_title = Text("Sources")

    def show_sources(self, comparison: Comparison) -> None:
        """Fill the table from the comparison."""
        self.clear(columns=True)
        for label, width in (("Outlet", 18), ("Date", 12), ("Title", 48), ("Claims", 6),
                             ("Speakers", 8), ("Persp.", 6), ("File", 30)):
            self.add_column(Text(label), width=width)
        for row in comparison.source_rows():
            self.add_row(
                Text(one_line(row.outlet) or "—"),
                Text(one_line(row.published) or "—"),
                Text(one_line(row.title)),
                Text(str(row.claims), justify="right"),
                Text(str(row.speakers), justify="right"),
                Text(str(row.perspectives), justify="right"),
                Text(one_line(row.path), "dim"),
                key=row.id,
            )
        self.border_title = Text("Sources ") + Text(str(self.row_count), "dim")
