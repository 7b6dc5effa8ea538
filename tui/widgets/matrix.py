"""Matrix screen: events × perspectives, how many claims each side makes about each event."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from core.compare import Comparison
from tui.render import one_line
from tui.widgets.lists import ColumnSpec, FittedTable, RegistryTable, cell

EVENT_MIN_WIDTH, EVENT_MAX_WIDTH = 24, 46
PERSPECTIVE_MIN_WIDTH, PERSPECTIVE_MAX_WIDTH = 14, 40


class MatrixTable(FittedTable):
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
        self.perspective_ids = [c.id for c in comparison.columns]
        voices = set(comparison.voices)
        specs = []
        for column in comparison.columns:
            label = one_line(column.label)
            # The author's narration and 'No perspective' have columns but are not counted
            # among the case's perspectives: dimmed, so the count in the header adds up.
            header = cell(label, "" if column.id in voices else "dim italic", "right")
            # a whole header when there is room; down to PERSPECTIVE_MIN_WIDTH when not
            width = max(5, min(len(label), PERSPECTIVE_MAX_WIDTH))
            specs.append(ColumnSpec(column.id, header, width,
                                    max(5, min(len(label), PERSPECTIVE_MIN_WIDTH))))
        # The event names get their room first, between these bounds; the perspective
        # columns share the rest, and scroll sideways under it when they do not all fit.
        specs.insert(0, ColumnSpec("event", cell("Event"), EVENT_MAX_WIDTH, EVENT_MIN_WIDTH,
                                   first=True))
        self.voice_count = len(voices)
        self.extra_columns = len(comparison.columns) - len(voices)
        rows = []
        for event, counts in comparison.matrix():
            # The mark has a fixed width, so that the names line up whether or not it shows.
            label = (Text("⚡ ", "bold yellow") if event.contested else Text("   ")) + cell(
                one_line(comparison.event_title(event.id)))
            label.no_wrap, label.overflow = True, "ellipsis"
            cells = [
                cell(str(n), "bold", "right") if n else cell("·", "dim", "right")
                for n in counts
            ]
            rows.append((event.id, [label, *cells]))
        self.set_rows(specs, rows)
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

    def after_fit(self) -> None:
        self.show_hidden_hint()
