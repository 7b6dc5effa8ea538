"""Matrix screen: events × perspectives, how many claims each side makes about each event."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from core.compare import Comparison
from tui.render import event_marker, one_line
from tui.widgets.lists import RegistryTable


class MatrixTable(RegistryTable):
    """Cell cursor: ←/→ move between perspectives, as on the Compare screen."""

    DEFAULT_CSS = "MatrixTable { height: 1fr; border: round $primary-darken-2; }"

    BINDINGS: ClassVar[list[BindingType]] = [
        *RegistryTable.BINDINGS,
        Binding("left,h", "cursor_left", "perspective", show=False),
        Binding("right,l", "cursor_right", "perspective", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", fixed_columns=1)
        self.border_title = Text("Matrix · events × perspectives")
        self.perspective_ids: list[str] = []

    def show_matrix(self, comparison: Comparison) -> None:
        """Fill the table: a count per cell, '·' where a perspective is silent."""
        self.clear(columns=True)
        self.perspective_ids = [c.id for c in comparison.columns]
        self.add_column(Text("Event"), width=30, key="event")
        for column in comparison.columns:
            label = one_line(column.label)
            self.add_column(Text(label, justify="right"), width=max(5, min(len(label), 14)),
                            key=column.id)
        for event, counts in comparison.matrix():
            label = (event_marker(event) + Text(" ")
                     + Text(one_line(comparison.event_title(event.id))))
            cells = [
                Text(str(n), "bold", justify="right") if n else Text("·", "dim", justify="right")
                for n in counts
            ]
            self.add_row(label, *cells, key=event.id)
        self.move_cursor(row=0, column=1)
