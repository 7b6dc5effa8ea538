"""The event list: one single-line row per event (group), most important first.

A virtual list (ScrollView + render_line): only the visible rows are rendered, and replacing the
rows (filtering 2k events on each keystroke) costs nothing until they are painted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from core.compare import EventRow
from tui.actions import bindings
from tui.render import event_marker, one_line


class EventTable(ScrollView, can_focus=True):
    """Events with their claim count, how many perspectives speak, and a ⚡ when contested."""

    DEFAULT_CSS = """
    EventTable {
        width: 36; height: 1fr; border: round $primary-darken-2;
        /* The position thumb is drawn by render_line: Textual's scrollbar widget costs
           ~20 ms to repaint, on every filter keystroke that changes the row count. */
        scrollbar-size-vertical: 0; overflow-x: hidden;
    }
    EventTable > .event-table--thumb { color: $scrollbar; }
    EventTable:focus { border: round $accent; }
    EventTable > .event-table--cursor { background: $block-cursor-blurred-background; }
    EventTable:focus > .event-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: bold;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"event-table--cursor", "event-table--thumb"}
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list")]

    class Highlighted(Message):
        """The cursor moved to another event."""

        def __init__(self, event_id: str) -> None:
            super().__init__()
            self.event_id = event_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[EventRow] = []
        self.cursor_row = 0
        self.all_voices = 0
        self._narrow = False
        self.on_highlight: Callable[[str], None] | None = None
        self._titles: Callable[[str], str] | None = None
        self._styles: tuple[Style, Style] | None = None
        self._paint_width: int | None = None
        self._thumb: range = range(0)
        self._thumb_style = Style()
        # Rendered rows by (event id, width); cleared when what a row shows changes.
        self._row_cache: dict[tuple[str, int], Strip] = {}
        self.border_title = Text("Events")
        self.border_subtitle = self._subtitle()

    def _subtitle(self) -> Text:
        """What the numbers of a row are: 'claims · n/5 speak' (n of the case's perspectives)."""
        if self._narrow:
            return Text("claims", "dim")
        return Text(f"claims · n/{self.all_voices} speak", "dim")

    @property
    def row_count(self) -> int:
        """How many events are listed."""
        return len(self.rows)

    def set_pane_width(self, width: int) -> None:
        """Narrow panes drop the voices column to leave room for the label."""
        self._narrow = width < 34
        self._row_cache.clear()
        self.border_subtitle = self._subtitle()
        self.refresh()

    def show_events(self, rows: Sequence[EventRow], voices: int,
                    titles: Callable[[str], str] | None = None,
                    total: int | None = None) -> None:
        """Replace the rows (one per event); the cursor goes back to the top.

        `titles` names an event by id (Comparison.event_title: a readable phrase rather than
        the keyword label); it is called only for the rows painted. `total` is how many events
        the case has (default: the app's comparison): fewer rows say 'Events 3 of 16'."""
        self.rows = list(rows)
        if total is None:
            comparison = getattr(self.app, "comparison", None)
            total = len(comparison.events) if comparison is not None else len(self.rows)
        if voices != self.all_voices or titles != self._titles:
            self._row_cache.clear()
        self._titles = titles
        self.all_voices = voices
        self.border_subtitle = self._subtitle()
        self.tooltip = Text(
            f"Each row: the event, its claims, and n/{voices}: how many of the case's {voices} "
            "perspectives speak about it (the author's narration and claims with no perspective "
            "are not counted). ⚡: perspectives disagree or hedge."
        )
        self.cursor_row = 0
        self.virtual_size = Size(self.size.width, len(self.rows))
        self.scroll_to(y=0, animate=False)
        self.border_title = self._title(len(self.rows), total)
        self.refresh()

    def _title(self, shown: int, total: int) -> Text:
        """'Events 16', or 'Events 3 of 16 · filtered' while a filter hides some."""
        if shown >= total:
            return Text("Events ") + Text(str(shown), "dim")
        title = Text("Events ") + Text(f"{shown} of {total}", "bold")
        if not self._narrow:
            title.append(" · filtered", "dim")
        return title

    def event_id_at_cursor(self) -> str | None:
        """The id of the highlighted event, if any."""
        if not self.rows:
            return None
        return self.rows[self.cursor_row].id

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        """Put the cursor on a row (clamped), scroll it into view, tell the app."""
        if not self.rows:
            return
        row = max(0, min(len(self.rows) - 1, row))
        changed = row != self.cursor_row
        self.cursor_row = row
        self.scroll_to_region(Region(0, row, 1, 1), animate=animate, force=True)
        self.refresh()
        if changed:
            if self.on_highlight is not None:
                # Direct call: the event list and the columns then change in the same frame.
                self.on_highlight(self.rows[row].id)
            else:
                self.post_message(self.Highlighted(self.rows[row].id))

    # ---- keys and mouse (names from the registry's list scope) -------------------------

    def action_cursor_down(self) -> None:
        self.move_cursor(row=self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(row=self.cursor_row - 1)

    def action_page_down(self) -> None:
        self.move_cursor(row=self.cursor_row + max(1, self.scrollable_content_region.height - 1))

    def action_page_up(self) -> None:
        self.move_cursor(row=self.cursor_row - max(1, self.scrollable_content_region.height - 1))

    def action_list_first(self) -> None:
        self.move_cursor(row=0)

    def action_list_last(self) -> None:
        self.move_cursor(row=len(self.rows) - 1)

    def on_click(self, event: events.Click) -> None:
        row = event.y + int(self.scroll_offset.y)
        if 0 <= row < len(self.rows):
            self.move_cursor(row=row)

    # ---- rendering --------------------------------------------------------------------

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))

    def render_lines(self, crop: Region) -> list[Strip]:
        # Styles are looked up once per paint, not once per line (rich_style walks the DOM).
        base = self.rich_style
        self._styles = (base, base + self.get_component_rich_style("event-table--cursor"))
        self._paint_width = self.scrollable_content_region.width
        self._thumb = self._thumb_rows(self.scrollable_content_region.height)
        self._thumb_style = base + self.get_component_rich_style("event-table--thumb")
        try:
            return super().render_lines(crop)
        finally:
            self._styles = None
            self._paint_width = None

    def _thumb_rows(self, height: int) -> range:
        """Screen rows of the position thumb (none when every row fits)."""
        total = len(self.rows)
        if total <= height or height <= 0:
            return range(0)
        size = max(1, height * height // total)
        top = round(self.scroll_offset.y * (height - size) / max(1, total - height))
        return range(top, top + size)

    def render_line(self, y: int) -> Strip:
        width = self._paint_width
        if width is None:
            width = self.scrollable_content_region.width
        plain, cursor = self._styles or (self.rich_style, self.rich_style)
        # The last cell is the scroll position thumb.
        thumb = Strip([Segment("▐" if y in self._thumb else " ", self._thumb_style)], 1)
        row = y + int(self.scroll_offset.y)
        if row >= len(self.rows) or width <= 1:
            return Strip.join([Strip.blank(max(0, width - 1), plain), thumb])
        event = self.rows[row]
        key = (event.id, width - 1)
        strip = self._row_cache.get(key)
        if strip is None:
            strip = self._row_cache[key] = self._render_row(event, width - 1)
        return Strip.join([strip.apply_style(cursor if row == self.cursor_row else plain),
                           thumb])

    def _render_row(self, event: EventRow, width: int) -> Strip:
        """One event as an unstyled line (the widget and cursor styles are applied on top)."""
        # Claims (4) + voices (' 3/5': 4, dropped when narrow) + marker (" ⚡": 3 cells): the
        # counts stay compact so that the title keeps as many cells as possible.
        counts_width = 7 if self._narrow else 11
        label_width = max(4, width - counts_width)
        title = self._titles(event.id) if self._titles is not None else event.label
        line = Text(" " + one_line(title), no_wrap=True, end="")
        line.truncate(label_width, overflow="ellipsis", pad=True)
        line.append(f"{event.claims:>4}")
        if not self._narrow:
            line.append(f" {event.voices}/{self.all_voices}" if self.all_voices < 10
                        else f"{event.voices:>4}", "dim")
        line.append_text(event_marker(event))
        line.truncate(width, pad=True)
        return Strip(line.render(self.app.console), width).crop(0, width).simplify()
