"""Perspective columns: the claims each perspective makes about the selected event.

Each column is a virtual list (ScrollView + render_line) of claim cards. A card is wrapped to
the column's width once and cached per (claim, width), so changing event re-uses the rendered
cards, and moving the cursor only repaints the two cards concerned.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Console
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.containers import HorizontalScroll
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from core.compare import Comparison
from core.models import Claim
from tui.actions import bindings
from tui.render import claim_card, one_line

COLUMN_MIN_WIDTH = 28
# Cards are wrapped once per (claim, width); the cache lives as long as the Comparison.
CardLines = list[Strip]
_CARD_CACHE: weakref.WeakKeyDictionary[Comparison, dict[tuple[str, int], CardLines]] = (
    weakref.WeakKeyDictionary()
)
SILENT_CARD = Text("— silent —", "dim italic")


@dataclass(frozen=True, slots=True)
class ColumnContent:
    """What one column slot shows for the current event."""

    perspective: str
    label: str
    claims: Sequence[Claim]
    silent: bool
    pinned: bool


def card_lines(
    claim: Claim | None, comparison: Comparison, width: int, console: Console
) -> CardLines:
    """The claim's card wrapped to `width` cells (cached), or the silence marker."""
    cache = _CARD_CACHE.setdefault(comparison, {})
    key = (claim.id if claim else "", width)
    lines = cache.get(key)
    if lines is None:
        card = claim_card(claim, comparison) if claim else SILENT_CARD
        lines = [Strip(segments).adjust_cell_length(width) for segments in
                 console.render_lines(card, console.options.update_width(width), pad=False)]
        cache[key] = lines
    return lines


class ClaimColumn(ScrollView, can_focus=True):
    """One perspective's claim cards; the highlighted card is the current claim."""

    class Entered(Message):
        """The column got the focus (keys or mouse): it becomes the current column."""

        def __init__(self, column: ClaimColumn) -> None:
            super().__init__()
            self.column = column

    class Highlighted(Message):
        """The cursor moved to another card."""

        def __init__(self, column: ClaimColumn) -> None:
            super().__init__()
            self.column = column

    DEFAULT_CSS = """
    ClaimColumn {
        width: 34; height: 1fr;  /* set per slot by PerspectiveColumns.show */
        border: round $primary-darken-2; padding: 0 0;
        scrollbar-size-vertical: 1; scrollbar-gutter: stable; overflow-x: hidden;
    }
    ClaimColumn.-silent { color: $text-muted; }
    ClaimColumn:focus { border: round $accent; }
    /* Only the focused column marks its current card; the others read as plain columns. */
    ClaimColumn > .claim-column--cursor { background: transparent; }
    ClaimColumn:focus > .claim-column--cursor { background: $block-cursor-background; }
    ClaimColumn.-pinned { border: double $warning; }
    ClaimColumn.-pinned:focus { border: double $accent; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"claim-column--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list")]

    def __init__(self, slot: int) -> None:
        super().__init__(id=f"column-{slot}")
        self.slot = slot
        self.perspective: str | None = None
        self.claim_ids: list[str | None] = []
        self.highlighted: int | None = None
        self._claims: list[Claim | None] = []
        self._comparison: Comparison | None = None
        self._signature: tuple[object, ...] = ()
        # Per card: its first line in the virtual space and its line count (with separator).
        self._card_top: list[int] = []
        self._card_height: list[int] = []
        self._lines: list[tuple[int, int]] = []  # virtual line -> (card, line in card or -1)
        self._wrapped_width = 0
        self._styles: tuple[Style, Style] | None = None
        self._paint_width: int | None = None

    # ---- content ----------------------------------------------------------------------

    def show(self, content: ColumnContent, comparison: Comparison, head_to_head: bool) -> None:
        """Fill the column with one card per claim, or a silence marker."""
        signature = (content.perspective, tuple(c.id for c in content.claims), content.silent,
                     content.pinned, head_to_head)
        if signature == self._signature and comparison is self._comparison:
            return
        self._signature = signature
        self._comparison = comparison
        self.perspective = content.perspective
        title = Text("◆ " if content.pinned else "") + Text(one_line(content.label))
        if content.claims:
            title.append(f" {len(content.claims)}", "dim")
        self.border_title = title
        self.set_class(content.silent, "-silent")  # only pinned perspectives can be silent
        self.set_class(content.pinned, "-pinned")
        self.set_class(head_to_head, "-head-to-head")
        self._claims = [None] if content.silent else list(content.claims)
        self.claim_ids = [c.id if c else None for c in self._claims]
        self.highlighted = 0 if content.claims else None
        self._wrapped_width = 0
        self._wrap(self._content_width())
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def _content_width(self) -> int:
        """Cells available to a card: the width minus border and scrollbar gutter."""
        if self.size.width:
            return self.scrollable_content_region.width
        width = self.styles.width
        if width is not None and width.is_cells:
            return max(1, int(width.value) - 3)
        return 0

    def _wrap(self, width: int) -> None:
        """Lay the cards out at `width` (cards themselves come from the cache)."""
        if width <= 0 or self._comparison is None:
            return
        self._wrapped_width = width
        comparison = self._comparison
        self._card_top, self._card_height, self._lines = [], [], []
        for index, claim in enumerate(self._claims):
            if index:
                self._lines.append((index - 1, -1))  # a blank line between cards
                self._card_height[-1] += 1
            self._card_top.append(len(self._lines))
            count = len(card_lines(claim, comparison, width, self.app.console))
            self._card_height.append(count)
            self._lines.extend((index, line) for line in range(count))
        virtual = Size(width, len(self._lines))
        if virtual == self.virtual_size:
            return
        if not self.size.width:
            self.virtual_size = virtual
            return
        # A new height only changes how far the column scrolls: update the scrollbar without
        # a layout of the whole screen (the scrollbar appearing or going still lays out).
        self.set_reactive(ClaimColumn.virtual_size, virtual)
        self._scroll_update(virtual)

    def on_resize(self) -> None:
        width = self._content_width()
        if width != self._wrapped_width:
            self._wrap(width)
            self.refresh()

    # ---- cursor -----------------------------------------------------------------------

    def current_claim(self) -> str | None:
        """The id of the highlighted claim, if any."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self.claim_ids):
            return None
        return self.claim_ids[self.highlighted]

    def move_highlight(self, index: int) -> None:
        """Highlight another card: repaint the two cards, scroll the new one into view."""
        if not self.claim_ids or self.claim_ids[0] is None:
            return
        index = max(0, min(len(self.claim_ids) - 1, index))
        previous = self.highlighted
        if index == previous:
            return
        self.highlighted = index
        for card in (previous, index):
            if card is not None and card < len(self._card_top):
                self.refresh_lines(self._card_top[card], self._card_height[card])
        if index < len(self._card_top):
            top, height = self._card_top[index], self._card_height[index]
            self.scroll_to_region(Region(0, top, 1, height), animate=False, force=True,
                                  immediate=True)
        self.post_message(self.Highlighted(self))

    def action_cursor_down(self) -> None:
        self.move_highlight(0 if self.highlighted is None else self.highlighted + 1)

    def action_cursor_up(self) -> None:
        self.move_highlight(0 if self.highlighted is None else self.highlighted - 1)

    def _card_at_line(self, line: int) -> int | None:
        if 0 <= line < len(self._lines):
            return self._lines[line][0]
        return None

    def action_page_down(self) -> None:
        line = int(self.scroll_offset.y) + self.scrollable_content_region.height
        card = self._card_at_line(min(line, len(self._lines) - 1))
        self.move_highlight(card if card is not None else len(self.claim_ids) - 1)

    def action_page_up(self) -> None:
        line = int(self.scroll_offset.y) - self.scrollable_content_region.height
        card = self._card_at_line(max(0, line))
        self.move_highlight(card if card is not None else 0)

    def action_list_first(self) -> None:
        self.move_highlight(0)

    def action_list_last(self) -> None:
        self.move_highlight(len(self.claim_ids) - 1)

    def on_click(self, event: events.Click) -> None:
        card = self._card_at_line(event.y + int(self.scroll_offset.y))
        if card is not None:
            self.move_highlight(card)

    def on_focus(self) -> None:
        self.post_message(self.Entered(self))

    def on_blur(self) -> None:
        self._refresh_highlight()

    def _refresh_highlight(self) -> None:
        card = self.highlighted
        if card is not None and card < len(self._card_top):
            self.refresh_lines(self._card_top[card], self._card_height[card])

    # ---- rendering --------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # Styles are looked up once per paint, not once per line (rich_style walks the DOM).
        base = self.rich_style
        self._styles = (base, base + self.get_component_rich_style("claim-column--cursor"))
        self._paint_width = self.scrollable_content_region.width
        try:
            return super().render_lines(crop)
        finally:
            self._styles = None
            self._paint_width = None

    def render_line(self, y: int) -> Strip:
        width = self._paint_width
        if width is None:
            width = self.scrollable_content_region.width
        row = y + int(self.scroll_offset.y)
        if self._wrapped_width != width and width > 0:
            self._wrap(width)
        base, cursor = self._styles or (self.rich_style, self.rich_style)
        if row >= len(self._lines) or self._comparison is None or width <= 0:
            return Strip.blank(width, base)
        card, line = self._lines[row]
        if line < 0:
            return Strip.blank(width, base)
        style: Style = cursor if card == self.highlighted else base
        strip = card_lines(self._claims[card], self._comparison, width, self.app.console)[line]
        return strip.apply_style(style)


class PerspectiveColumns(HorizontalScroll, inherit_bindings=False):
    """A pool of column slots, grown on demand; each event assigns perspectives to slots.

    Keeping the widgets and changing their contents makes moving between events cheap, and
    mounting only the slots an event needs keeps the first paint cheap.
    No bindings of its own: ←/→ belong to the app (move between perspectives, which scrolls).
    """

    DEFAULT_CSS = """
    /* No horizontal scrollbar: it would come and go with the number of columns (a relayout
       per event); the line above the columns says when more columns are off screen. */
    PerspectiveColumns { width: 1fr; height: 1fr; overflow-x: hidden; }
    """

    def __init__(self, *, id: str | None = None, slots: int = 0) -> None:
        # `slots` columns are mounted with the pane itself (the first event's, when known), so
        # the first frame needs no further round of mounting.
        super().__init__(*(ClaimColumn(slot) for slot in range(slots)), id=id, can_focus=False)
        self.column_width = 34
        # The two pinned perspectives' labels while they are shown head to head, else ().
        self.head_to_head: tuple[str, ...] = ()

    def fit_width(self, width: int) -> None:
        """Two columns side by side at least: narrow terminals get narrower columns."""
        # As many whole columns as fit at COLUMN_MIN_WIDTH (two at least), sharing the width.
        count = max(2, width // COLUMN_MIN_WIDTH)
        self.column_width = max(20, width // count)
        for column in self.visible_slots():
            if str(column.styles.width) != "1fr":
                column.styles.width = self.column_width

    class Resized(Message):
        """The columns' width or scroll position changed: which are in view may have changed."""

    def on_resize(self) -> None:
        self.fit_width(self.size.width)
        self.post_message(self.Resized())

    def watch_scroll_x(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_x(old_value, new_value)
        if round(old_value) != round(new_value):
            # Which columns are out of view changed: the hint above the columns follows.
            self.post_message(self.Resized())

    @property
    def slots(self) -> list[ClaimColumn]:
        """Every column slot, visible or not."""
        return list(self.query_children(ClaimColumn))

    def visible_slots(self) -> list[ClaimColumn]:
        """The slots that show a perspective for the current event."""
        return [s for s in self.slots if s.display]

    def off_screen(self, count: int) -> int:
        """How many of `count` columns are not wholly in view (either side)."""
        return sum(self.hidden_sides(count))

    def hidden_sides(self, count: int) -> tuple[int, int]:
        """How many of `count` columns are out of view to the left and to the right, at the
        current horizontal scroll position."""
        width = self.size.width or self.column_width * 2
        column_width = max(1, self.column_width)
        if count * column_width <= width:
            return (0, 0)
        left_edge = round(self.scroll_x)
        right_edge = left_edge + width
        left = sum(1 for i in range(count) if i * column_width < left_edge)
        right = sum(1 for i in range(count) if (i + 1) * column_width > right_edge)
        return (left, right)

    def show(self, contents: Sequence[ColumnContent], comparison: Comparison) -> None:
        """Assign contents to slots in order; hide the remaining slots."""
        head_to_head = any(c.pinned for c in contents) and len(contents) == 2
        self.head_to_head = tuple(c.label for c in contents) if head_to_head else ()
        slots = self.slots
        if len(contents) > len(slots):
            added = [ClaimColumn(slot) for slot in range(len(slots), len(contents))]
            self.mount_all(added)
            slots.extend(added)
        for slot, column in enumerate(slots):
            if slot < len(contents):
                width: str | int = "1fr" if head_to_head else self.column_width
                if str(column.styles.width) != str(width):
                    column.styles.width = width
                column.show(contents[slot], comparison, head_to_head)
                if not column.display:
                    column.display = True
            elif column.display:
                column.display = False
                column.perspective = None
                column._signature = ()


class SilentLine(Widget):
    """The line above the columns: the event's whole label, who is silent, hidden columns.

    The event list has room for a few words of each label; this line has the whole of the
    selected one. One line, repainted without relayout; it is cut with '…' when too long,
    the off-screen column count staying visible at the right.
    """

    DEFAULT_CSS = """
    SilentLine { height: 1; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._event = ""
        self._labels: list[str] = []
        self._no_voices = False
        self._pair: tuple[str, ...] = ()
        self._more = Text("")

    def show(self, labels: Sequence[str], hidden_columns: int | tuple[int, int] = 0,
             event: str = "", voices: int | None = None) -> None:
        """Name the event and its silent perspectives (or say that everyone speaks).

        `hidden_columns`: columns out of view, as (left, right) or a count to the right.
        `voices`: how many perspectives the case has (0: none was found, which is said)."""
        self._event = one_line(event)
        self._no_voices = voices == 0
        self._labels = [one_line(label) for label in labels]
        self._pair = ()
        if self.is_mounted:
            for columns in self.screen.query(PerspectiveColumns):
                self._pair = tuple(one_line(label) for label in columns.head_to_head)
        left, right = (hidden_columns if isinstance(hidden_columns, tuple)
                       else (0, hidden_columns))
        more = Text()
        if left:
            more.append(f" ← {left} column{'s' if left > 1 else ''} ", "bold reverse")
        if right:
            more.append(" " if left else "")
            more.append(f" +{right} column{'s' if right > 1 else ''} → ", "bold reverse")
        self._more = more
        self.refresh()

    def _variants(self) -> list[Text]:
        """The line from the fullest to the most compact: every silent name, then fewer names
        with '+n more', then only the number of silent perspectives (names are never cut)."""
        labels = self._labels
        tails: list[Text] = []
        if self._pair:
            # Head to head: the other perspectives' columns are hidden, not silent.
            first, second = self._pair
            tails = [Text("head to head: ", "italic") + Text(f"◆ {first} vs ◆ {second}")
                     + Text(" · Esc shows all", "dim"),
                     Text("head to head: ", "italic") + Text(f"◆ {first} vs ◆ {second}"),
                     Text(f"◆ {first} vs ◆ {second}")]
        elif not labels and self._no_voices:
            # A story whose sides the built-in gazetteer does not know (no country named).
            tails = [Text("no perspective found: P sets a speaker's, --perspectives FILE maps many",
                          "italic"),
                     Text("no perspective found (P sets one)", "italic"),
                     Text("no perspectives", "italic")]
        elif not labels:
            tails = [Text("every perspective speaks", "italic"), Text("all speak", "italic")]
        else:
            for shown in range(len(labels), 0, -1):
                tail = Text("silent: ", "italic") + Text(" · ".join(labels[:shown]))
                if shown < len(labels):
                    tail.append(f" +{len(labels) - shown} more", "dim")
                tails.append(tail)
            tails.append(Text(f"{len(labels)} silent", "italic"))
        if not self._event:
            return tails
        return [Text(self._event, "bold") + Text(" — ", "dim") + tail for tail in tails]

    def render(self) -> Text:
        room = max(0, self.size.width - self._more.cell_len)
        variants = self._variants()
        line = next((v for v in variants if v.cell_len <= room), None)
        if line is None:
            # Even the shortest does not fit: the event title is cut, the silent count kept.
            shortest = variants[-1]
            tail = shortest[len(self._event):] if self._event else shortest
            if self._event and tail.cell_len + 4 <= room:
                title = Text(self._event, "bold")
                title.truncate(room - tail.cell_len, overflow="ellipsis")
                line = title + tail
            else:
                line = shortest.copy()
                line.truncate(room, overflow="ellipsis")
        line = line.copy()
        line.no_wrap = True
        if self._more:
            line.truncate(room, pad=True)
            return line + self._more
        return line
