"""Sources screen: one row per document."""

from __future__ import annotations

from rich.text import Text

from core.compare import Comparison
from tui.render import one_line
from tui.widgets.lists import ColumnSpec, FittedTable, cell

# What the numbers count, under the table (the column headers stay short).
LEGEND = "Perspectives: sides speaking in the source (narration not counted)"


FILE_WIDTH = 28


def middle_cut(name: str, width: int) -> str:
    """A long file name cut in its middle, so that names differing only at the end
    ('…-46d1_1.json', '…-46d1_2.json') stay apart."""
    if len(name) <= width:
        return name
    tail = (width - 1) * 3 // 5
    return name[: width - 1 - tail] + "…" + name[-tail:]


class SourcesTable(FittedTable):
    """Documents with outlet, date, title and what each contributes."""

    DEFAULT_CSS = "SourcesTable { height: 1fr; border: round $primary-darken-2; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self.border_title = Text("Sources")
        self.border_subtitle = Text(LEGEND, "dim")

    def show_sources(self, comparison: Comparison) -> None:
        """Fill the table from the comparison."""
        specs = [
            ColumnSpec("outlet", cell("Outlet"), 18, 10),
            ColumnSpec("date", cell("Date"), 10, drop=3),
            ColumnSpec("title", cell("Title"), 48, 24, grow=True),
            ColumnSpec("claims", cell("Claims", justify="right"), 6),
            ColumnSpec("speakers", cell("Speakers", justify="right"), 8, drop=2),
            ColumnSpec("perspectives", cell("Perspectives", justify="right"), 12),
            ColumnSpec("file", cell("File"), FILE_WIDTH, 12, drop=1),
        ]
        rows = []
        for row in comparison.source_rows():
            # The outlet, else the author (dimmed: a blog's name often is its author's).
            outlet = one_line(row.outlet)
            author = one_line(row.author)
            # The file's name (the claim detail and the reports give the whole path).
            name = middle_cut(one_line(row.path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]),
                              FILE_WIDTH)
            rows.append((row.id, [
                cell(outlet or author or "—", "" if outlet else "dim"),
                cell(one_line(row.published) or "—", "" if row.published else "dim"),
                cell(one_line(row.title)),
                cell(str(row.claims), justify="right"),
                cell(str(row.speakers), justify="right"),
                cell(str(row.perspectives), justify="right"),
                cell(name, "dim"),
            ]))
        self.set_rows(specs, rows)
        self.border_title = Text("Sources ") + Text(str(self.row_count), "dim")
