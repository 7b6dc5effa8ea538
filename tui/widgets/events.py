"""The event list: one single-line row per event (group), most important first."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from core.compare import EventRow
from tui.render import event_marker, one_line
from tui.widgets.lists import RegistryTable


class EventTable(RegistryTable):
    """Events with their claim count, how many perspectives speak, and a ⚡ when contested."""

    DEFAULT_CSS = """
    EventTable { width: 36; height: 1fr; border: round $primary-darken-2; }
    EventTable:focus { border: round $accent; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, cell_padding=0)
        self.border_title = Text("Events")
        self._label_width = 20
        self._narrow = False

    def on_mount(self) -> None:
        self.add_column(Text(" Event"), key="label", width=self._label_width)
        self.add_column(Text("n", justify="right"), key="claims", width=4)
        self.add_column(Text("who", justify="right"), key="voices",
                        width=0 if self._narrow else 5)
        self.add_column(Text(""), key="mark", width=3)

    def set_pane_width(self, width: int) -> None:
        """Fit the columns to the pane: narrow panes drop the 'who' column for the label."""
        narrow = width < 34
        # Border (2) + count (4) + voices (5) + mark (3) + scrollbar (2).
        label_width = max(8, width - 16 + (5 if narrow else 0))
        if (label_width, narrow) == (self._label_width, self._narrow):
            return
        self._label_width, self._narrow = label_width, narrow
        if "label" in self.columns:
            self.columns["label"].width = label_width  # type: ignore[index]
            self.columns["voices"].width = 0 if narrow else 5  # type: ignore[index]
            self._require_update_dimensions = True
            self._clear_caches()
            self.refresh()

    def show_events(self, events: Sequence[EventRow], voices: int) -> None:
        """Replace the rows (one per event)."""
        self.clear()
        for event in events:
            speaking = event.voices
            self.add_row(
                Text(" " + one_line(event.label), overflow="ellipsis", no_wrap=True),
                Text(str(event.claims), justify="right"),
                Text(f"{speaking}/{voices}" if voices < 10 else str(speaking), style="dim",
                     justify="right"),
                event_marker(event),
                key=event.id,
            )
        title = Text("Events ") + Text(f"{len(events)}", "dim")
        self.border_title = title

    def event_id_at_cursor(self) -> str | None:
        """The id of the highlighted event, if any."""
        if self.row_count == 0:
            return None
        row_key, _ = self.coordinate_to_cell_key(self.cursor_coordinate)
        return str(row_key.value) if row_key.value is not None else None
