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
        self.voice_count = 0
        self.extra_columns = 0

    def show_matrix(self, comparison: Comparison) -> None:
        """Fill the table: a count per cell, '·' where a perspective is silent."""
        self.clear(columns=True)
        self.perspective_ids = [c.id for c in comparison.columns]
        self.add_column(Text("Event"), width=30, key="event")
        voices = set(comparison.voices)
        for column in comparison.columns:
            label = one_line(column.label)
            # The author's narration and 'No perspective' have columns but are not counted
            # among the case's perspectives: dimmed, so the count in the header adds up.
            self.add_column(Text(label, "" if column.id in voices else "dim italic",
                                 justify="right"),
                            width=max(5, min(len(label), 14)), key=column.id)
        self.voice_count = len(voices)
        self.extra_columns = len(comparison.columns) - len(voices)
        for event, counts in comparison.matrix():
            label = (event_marker(event) + Text(" ")
                     + Text(one_line(comparison.event_title(event.id))))
            cells = [
                Text(str(n), "bold", justify="right") if n else Text("·", "dim", justify="right")
                for n in counts
            ]
            self.add_row(label, *cells, key=event.id)
        self.move_cursor(row=0, column=1)
        self.show_hidden_hint()

    def hidden_sides(self) -> tuple[int, int]:
        """How many perspective columns are out of view to the left and to the right."""
        if not self.columns:
            return (0, 0)
        widths = [c.get_render_width(self) for c in self.ordered_columns]
        fixed = widths[0]
        left_edge = round(self.scroll_x) + fixed
        right_edge = round(self.scroll_x) + (self.scrollable_content_region.width
                                             or self.size.width)
        left = right = 0
        x = fixed
        for width in widths[1:]:
            if x < left_edge:
                left += 1
            elif x + width > right_edge:
                right += 1
            x += width
        return (left, right)

    def show_hidden_hint(self) -> None:
        """The subtitle: what counts, and how many columns are out of view ('+2 →')."""
        left, right = self.hidden_sides()
        subtitle = Text(f"{self.voice_count} perspectives", "dim")
        if self.extra_columns:
            subtitle.append(" · dim: narration, no perspective (not counted)", "dim")
        if left:
            subtitle.append(f"  ← {left} ", "bold reverse")
        if right:
            subtitle.append(f"  +{right} → ", "bold reverse")
        self.border_subtitle = subtitle

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        self.show_hidden_hint()

    def on_resize(self) -> None:
        self.show_hidden_hint()
