"""Perspective columns: the claims each perspective makes about the selected event.

One widget draws every column (render_line), borders included: a widget per column cost
Textual a round of styling, mounting and painting each before the first frame (bench/tui.py).
A card is wrapped to the column's width once and cached per (claim, width), so changing event
re-uses the rendered cards.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from core.compare import Comparison
from core.models import Claim
from tui.actions import bindings
from tui.render import CARD_MAX_CHARS, claim_card, one_line, short_labels

COLUMN_MIN_WIDTH = 28
# The columns of an event share the room; one column is never wider than this (a line of
# about 75 characters still reads as one line: a long quote in a wide terminal is not a strip
# of 28 characters beside empty space, nor one line across the whole screen).
COLUMN_MAX_WIDTH = 80
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
    claim: Claim | None, comparison: Comparison, width: int, console: Console,
    full: bool = False,
) -> CardLines:
    """The claim's card wrapped to `width` cells (cached), or the silence marker; `full`: the
    whole claim text, not cut at CARD_MAX_CHARS."""
    cache = _CARD_CACHE.setdefault(comparison, {})
    key = (claim.id if claim else "", width, full)
    lines = cache.get(key)
    if lines is None:
        card = claim_card(claim, comparison, None if full else CARD_MAX_CHARS) if claim \
            else SILENT_CARD
        lines = [Strip(segments).adjust_cell_length(width) for segments in
                 console.render_lines(card, console.options.update_width(width), pad=False)]
        cache[key] = lines
    return lines


class ClaimColumn:
    """One perspective's slot in the columns view: its cards, its cursor and its scroll.

    Not a widget: PerspectiveColumns draws every column (one widget paints and lays out much
    faster than one per column, bench/tui.py). A card is wrapped once per (claim, width)."""

    def __init__(self, slot: int, owner: PerspectiveColumns) -> None:
        self.slot = slot
        self.owner = owner
        self.perspective: str | None = None
        self.claim_ids: list[str | None] = []
        self.highlighted: int | None = None
        self.title = Text("")
        self.titles: list[Text] = []
        self.silent = False
        self.pinned = False
        self.scroll_y = 0
        self._claims: list[Claim | None] = []
        self._comparison: Comparison | None = None
        self._signature: tuple[object, ...] = ()
        # Per card: its first line in the column and its line count (with separator).
        self._card_top: list[int] = []
        self._card_height: list[int] = []
        self._lines: list[tuple[int, int]] = []  # column line -> (card, line in card or -1)
        self._wrapped: tuple[int, int] = (0, 0)  # (width, height) the cards were laid out at
        self._full = False  # whole claim texts: they all fit the column's height

    def __repr__(self) -> str:
        return f"ClaimColumn(slot={self.slot}, perspective={self.perspective!r})"

    # ---- content ----------------------------------------------------------------------

    def show(self, content: ColumnContent, comparison: Comparison, head_to_head: bool) -> bool:
        """Fill the column with one card per claim, or a silence marker; False: unchanged."""
        signature = (content.perspective, tuple(c.id for c in content.claims), content.silent,
                     content.pinned, head_to_head)
        if signature == self._signature and comparison is self._comparison:
            return False
        self._signature = signature
        self._comparison = comparison
        self.perspective = content.perspective
        titles = []
        for label in short_labels(one_line(content.label)):
            title = Text("◆ " if content.pinned else "") + Text(label)
            if content.claims:
                title.append(f" {len(content.claims)}", "dim")
            titles.append(title)
        self.title = titles[0]
        # shorter forms for a narrow column ('nyt (nytimes.com)', 'nyt'), longest first
        self.titles = titles
        self.silent = content.silent  # only pinned perspectives can be silent
        self.pinned = content.pinned
        self._claims = [None] if content.silent else list(content.claims)
        self.claim_ids = [c.id if c else None for c in self._claims]
        self.highlighted = 0 if content.claims else None
        self._wrapped = (0, 0)
        self.scroll_y = 0
        return True

    def clear(self) -> None:
        self.perspective = None
        self._signature = ()

    def wrap(self, width: int, console: Console, height: int = 0) -> None:
        """Lay the cards out at `width` cells (cards themselves come from the cache). Long
        claims are cut at CARD_MAX_CHARS unless the whole texts fit in `height` lines: a
        column with room to spare shows them whole."""
        if width <= 0 or self._comparison is None or (width, height) == self._wrapped:
            return
        self._wrapped = (width, height)
        comparison = self._comparison
        self._full = False
        if any(c is not None and len(c.text) > CARD_MAX_CHARS for c in self._claims):
            whole = -1  # the cards and the blank lines between them, until they overflow
            for claim in self._claims:
                whole += len(card_lines(claim, comparison, width, console, True)) + 1
                if whole > height:
                    break
            self._full = whole <= height
        self._card_top, self._card_height, self._lines = [], [], []
        for index, claim in enumerate(self._claims):
            if index:
                self._lines.append((index - 1, -1))  # a blank line between cards
                self._card_height[-1] += 1
            self._card_top.append(len(self._lines))
            count = len(card_lines(claim, comparison, width, console, self._full))
            self._card_height.append(count)
            self._lines.extend((index, line) for line in range(count))

    def line(self, row: int, width: int, console: Console) -> tuple[Strip | None, int | None]:
        """The unstyled strip at a line of the column, and the card it belongs to."""
        if row >= len(self._lines) or self._comparison is None:
            return None, None
        card, line = self._lines[row]
        if line < 0:
            return None, None  # the blank line between two cards is never highlighted
        return card_lines(self._claims[card], self._comparison, width, console,
                          self._full)[line], card

    @property
    def height(self) -> int:
        """Lines of the column's cards at the width they were last wrapped to."""
        return len(self._lines)

    # ---- cursor -----------------------------------------------------------------------

    def current_claim(self) -> str | None:
        """The id of the highlighted claim, if any."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self.claim_ids):
            return None
        return self.claim_ids[self.highlighted]

    def card_at_line(self, line: int) -> int | None:
        if 0 <= line < len(self._lines):
            return self._lines[line][0]
        return None

    def card_span(self, index: int) -> tuple[int, int] | None:
        """(first line, line count) of a card, once wrapped."""
        if 0 <= index < len(self._card_top):
            return self._card_top[index], self._card_height[index]
        return None

    def move_highlight(self, index: int) -> None:
        """Highlight another card: repaint the column, scroll the new card into view."""
        self.owner.move_highlight(self, index)

    def action_cursor_down(self) -> None:
        self.move_highlight(0 if self.highlighted is None else self.highlighted + 1)

    def action_cursor_up(self) -> None:
        self.move_highlight(0 if self.highlighted is None else self.highlighted - 1)


# Box-drawing characters: (top left, top, top right, side, bottom left, bottom right).
ROUND = ("╭", "─", "╮", "│", "╰", "╯")
DOUBLE = ("╔", "═", "╗", "║", "╚", "╝")


class PerspectiveColumns(Widget, can_focus=True):
    """The claim columns of the current event, side by side, drawn by one widget.

    Each event assigns perspectives to column slots. The focused column (the current one) has
    the accent border and marks its highlighted card; ↑/↓ move in it, and the app's ←/→ change
    the current column. Columns that do not fit scroll sideways a whole column at a time; each
    column scrolls up and down on its own (a thumb in its last cell shows where).
    """

    class Entered(Message):
        """A column became the current one by the mouse (the app follows)."""

        def __init__(self, column: ClaimColumn) -> None:
            super().__init__()
            self.column = column

    class Highlighted(Message):
        """The cursor moved to another card."""

        def __init__(self, column: ClaimColumn) -> None:
            super().__init__()
            self.column = column

    class Resized(Message):
        """The columns' width or sideways scroll changed: which are in view may have changed."""

    DEFAULT_CSS = """
    PerspectiveColumns { width: 1fr; height: 1fr; }
    PerspectiveColumns > .perspective-columns--border { color: $primary-darken-2; }
    PerspectiveColumns > .perspective-columns--pinned { color: $warning; }
    PerspectiveColumns > .perspective-columns--current { color: $primary-darken-2; }
    PerspectiveColumns:focus > .perspective-columns--current { color: $accent; }
    PerspectiveColumns > .perspective-columns--silent { color: $text-muted; }
    PerspectiveColumns > .perspective-columns--thumb { color: $scrollbar; }
    /* Only the focused column marks its current card; the others read as plain columns. */
    PerspectiveColumns > .perspective-columns--cursor { background: transparent; }
    PerspectiveColumns:focus > .perspective-columns--cursor {
        background: $block-cursor-background;
    }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "perspective-columns--border", "perspective-columns--pinned",
        "perspective-columns--current", "perspective-columns--silent",
        "perspective-columns--thumb", "perspective-columns--cursor",
    }
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("list")]

    def __init__(self, *, id: str | None = None, slots: int = 0) -> None:
        super().__init__(id=id)
        self._slots: list[ClaimColumn] = [ClaimColumn(slot, self) for slot in range(slots)]
        self._shown = 0  # how many slots show a perspective for the current event
        self.current = 0  # index of the current column among the shown ones
        self.first = 0  # the first column in view (sideways scroll, in whole columns)
        self.column_width = 34
        self._room = 0  # the width given by fit_width (the widget's own before it is laid out)
        # The two pinned perspectives' labels while they are shown head to head, else ().
        self.head_to_head: tuple[str, ...] = ()
        self._paint: _Paint | None = None

    # ---- layout -----------------------------------------------------------------------

    def fit_width(self, width: int) -> None:
        """Two columns side by side at least: narrow terminals get narrower columns."""
        # As many whole columns as fit at COLUMN_MIN_WIDTH (two at least), sharing the width.
        count = max(2, width // COLUMN_MIN_WIDTH)
        column_width = max(20, width // count)
        if column_width != self.column_width or width != self._room:
            self.column_width = column_width
            self._room = width
            self.refresh()

    def _per_view(self) -> int:
        """How many columns the room holds at their narrowest (two at least)."""
        return max(2, self._room_width() // COLUMN_MIN_WIDTH)

    def _room_width(self) -> int:
        return self.size.width or self._room or self.column_width * 2

    def on_resize(self) -> None:
        self.fit_width(self.size.width)
        self._clamp_first()
        self.post_message(self.Resized())

    def _widths(self) -> list[int]:
        """The width of each shown column (head to head: the pair shares the whole width)."""
        if self.head_to_head and self._shown == 2:
            total = self.size.width or self.column_width * 2
            return [total // 2, total - total // 2]
        shown = self._shown
        if 0 < shown <= self._per_view():
            # All in view: they share the room (up to COLUMN_MAX_WIDTH each).
            room = self._room_width()
            if room // shown >= COLUMN_MAX_WIDTH:
                return [COLUMN_MAX_WIDTH] * shown
            return [room // shown + (1 if index < room % shown else 0) for index in range(shown)]
        return [self.column_width] * shown

    def fits(self) -> int:
        """How many whole columns are in view at once."""
        if self.head_to_head or 0 < self._shown <= self._per_view():
            return max(1, self._shown)
        width = self.size.width or self.column_width * 2
        return max(1, width // max(1, self.column_width))

    def _clamp_first(self) -> None:
        first = max(0, min(self.first, self._shown - self.fits()))
        if first != self.first:
            self.first = first
            self.refresh()

    def in_view(self) -> list[tuple[int, int, int]]:
        """(column index, x, width) of each column in view, left to right."""
        widths = self._widths()
        room = self.size.width or sum(widths)
        placed: list[tuple[int, int, int]] = []
        x = 0
        for index in range(self.first, self._shown):
            width = widths[index]
            if x + width > room and placed:
                break
            placed.append((index, x, width))
            x += width
        return placed

    def scroll_to_column(self, index: int) -> None:
        """Scroll sideways (by whole columns) until the column is in view."""
        fits = self.fits()
        first = self.first
        if index < first:
            first = index
        elif index >= first + fits:
            first = index - fits + 1
        first = max(0, min(first, max(0, self._shown - fits)))
        if first != self.first:
            self.first = first
            self.refresh()
            self.post_message(self.Resized())

    def hidden_sides(self, count: int) -> tuple[int, int]:
        """How many of `count` columns are out of view to the left and to the right."""
        if self.head_to_head:
            return (0, 0)
        fits = self.fits()
        if count <= fits:
            return (0, 0)
        left = min(self.first, count)
        return (left, max(0, count - left - fits))

    # ---- slots ------------------------------------------------------------------------

    @property
    def slots(self) -> list[ClaimColumn]:
        """Every column slot, shown or not."""
        return list(self._slots)

    def visible_slots(self) -> list[ClaimColumn]:
        """The slots that show a perspective for the current event."""
        return self._slots[:self._shown]

    def current_column(self) -> ClaimColumn | None:
        shown = self.visible_slots()
        return shown[min(self.current, len(shown) - 1)] if shown else None

    def set_current(self, index: int) -> None:
        """Make a shown column the current one (and scroll it into view)."""
        index = max(0, min(index, self._shown - 1))
        if index != self.current:
            self.current = index
            self.refresh()
        self.scroll_to_column(index)

    def show(self, contents: Sequence[ColumnContent], comparison: Comparison) -> None:
        """Assign contents to slots in order; the remaining slots show nothing."""
        head_to_head = any(c.pinned for c in contents) and len(contents) == 2
        self.head_to_head = tuple(c.label for c in contents) if head_to_head else ()
        while len(self._slots) < len(contents):
            self._slots.append(ClaimColumn(len(self._slots), self))
        changed = len(contents) != self._shown
        for slot, column in enumerate(self._slots):
            if slot < len(contents):
                changed = column.show(contents[slot], comparison, head_to_head) or changed
            elif column.perspective is not None:
                column.clear()
        self._shown = len(contents)
        self.current = max(0, min(self.current, self._shown - 1))
        self._clamp_first()
        if changed:
            self.refresh()

    # ---- cursor -----------------------------------------------------------------------

    def move_highlight(self, column: ClaimColumn, index: int) -> None:
        """Highlight another card of a column and scroll it into view."""
        if not column.claim_ids or column.claim_ids[0] is None:
            return
        index = max(0, min(len(column.claim_ids) - 1, index))
        if index == column.highlighted:
            return
        column.highlighted = index
        self._scroll_card_into_view(column, index)
        self.refresh()
        self.post_message(self.Highlighted(column))

    def _body_height(self) -> int:
        return max(0, self.size.height - 2)

    def _scroll_card_into_view(self, column: ClaimColumn, index: int) -> None:
        width = self._content_width(column)
        if width > 0:
            column.wrap(width, self.app.console, self._body_height())
        span = column.card_span(index)
        height = self._body_height()
        if span is None or height <= 0:
            return
        top, lines = span
        if top < column.scroll_y:
            column.scroll_y = top
        elif top + lines > column.scroll_y + height:
            column.scroll_y = max(0, min(top, top + lines - height))

    def _content_width(self, column: ClaimColumn) -> int:
        widths = self._widths()
        if column.slot >= len(widths):
            return 0
        return max(0, widths[column.slot] - 3)  # two borders and the thumb

    def _scroll_column(self, column: ClaimColumn, lines: int) -> None:
        width = self._content_width(column)
        if width > 0:
            column.wrap(width, self.app.console, self._body_height())
        limit = max(0, column.height - self._body_height())
        scroll_y = max(0, min(limit, column.scroll_y + lines))
        if scroll_y != column.scroll_y:
            column.scroll_y = scroll_y
            self.refresh()

    def _current_or_none(self) -> ClaimColumn | None:
        column = self.current_column()
        if column is None or not column.claim_ids:
            return None
        return column

    def action_cursor_down(self) -> None:
        column = self._current_or_none()
        if column is not None:
            column.action_cursor_down()

    def action_cursor_up(self) -> None:
        column = self._current_or_none()
        if column is not None:
            column.action_cursor_up()

    def action_page_down(self) -> None:
        column = self._current_or_none()
        if column is None:
            return
        line = column.scroll_y + self._body_height()
        card = column.card_at_line(min(line, column.height - 1))
        column.move_highlight(card if card is not None else len(column.claim_ids) - 1)

    def action_page_up(self) -> None:
        column = self._current_or_none()
        if column is None:
            return
        card = column.card_at_line(max(0, column.scroll_y - self._body_height()))
        column.move_highlight(card if card is not None else 0)

    def action_list_first(self) -> None:
        column = self._current_or_none()
        if column is not None:
            column.move_highlight(0)

    def action_list_last(self) -> None:
        column = self._current_or_none()
        if column is not None:
            column.move_highlight(len(column.claim_ids) - 1)

    # ---- mouse --------------------------------------------------------------------------

    def column_at(self, x: int) -> ClaimColumn | None:
        """The column under a cell of the widget, if any."""
        for index, left, width in self.in_view():
            if left <= x < left + width:
                return self._slots[index]
        return None

    def on_click(self, event: events.Click) -> None:
        column = self.column_at(event.x)
        if column is None:
            return
        self.set_current(column.slot)
        self.post_message(self.Entered(column))
        if 1 <= event.y <= self._body_height():
            card = column.card_at_line(event.y - 1 + column.scroll_y)
            if card is not None:
                column.move_highlight(card)

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        if event.shift:
            self.scroll_to_column(min(self._shown - 1, self.first + self.fits()))
            return
        column = self.column_at(event.x)
        if column is not None:
            self._scroll_column(column, 3)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        if event.shift:
            self.scroll_to_column(max(0, self.first - 1))
            return
        column = self.column_at(event.x)
        if column is not None:
            self._scroll_column(column, -3)

    def _on_mouse_scroll_right(self, event: events.MouseScrollRight) -> None:
        event.stop()
        self.scroll_to_column(min(self._shown - 1, self.first + self.fits()))

    def _on_mouse_scroll_left(self, event: events.MouseScrollLeft) -> None:
        event.stop()
        self.scroll_to_column(max(0, self.first - 1))

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # ---- rendering --------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # Styles and the columns in view are worked out once per paint, not once per line.
        base = self.rich_style

        def style(name: str) -> Style:
            return base + self.get_component_rich_style(f"perspective-columns--{name}")

        focused = self.has_focus
        current = self.current_column()
        placed = []
        for index, x, width in self.in_view():
            column = self._slots[index]
            inner = max(0, width - 3)
            if inner > 0:
                column.wrap(inner, self.app.console, self._body_height())
            if column.pinned:
                border = style("current") if focused and column is current else style("pinned")
                chars = DOUBLE
            else:
                border = style("current") if column is current else style("border")
                chars = ROUND
            placed.append(_Placed(column, x, width, inner, border, chars))
        self._paint = _Paint(base, style("cursor"), style("silent"), style("thumb"), placed,
                             focused, current, self._body_height())
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def render_line(self, y: int) -> Strip:
        paint = self._paint
        width = self.size.width
        if paint is None:  # painted outside render_lines (not expected)
            return Strip.blank(width, self.rich_style)
        segments: list[Segment] = []
        used = 0
        last = paint.body + 1
        console = self.app.console
        for place in paint.placed:
            chars, border = place.chars, place.border
            if y == 0:
                segments.extend(_top_border(place, chars, console))
            elif y == last:
                segments.append(Segment(chars[4] + chars[1] * (place.width - 2) + chars[5],
                                        border))
            elif y < last:
                column = place.column
                row = y - 1 + column.scroll_y
                segments.append(Segment(chars[3], border))
                strip, card = column.line(row, place.inner, console)
                style = paint.base
                if column.silent:
                    style = paint.silent
                elif (paint.focused and column is paint.current and card is not None
                      and card == column.highlighted):
                    style = paint.cursor
                if strip is None:
                    segments.append(Segment(" " * place.inner, style))
                else:
                    segments.extend(strip.apply_style(style))
                segments.append(Segment(_thumb_cell(column, y - 1, paint.body), paint.thumb))
                segments.append(Segment(chars[3], border))
            else:
                segments.append(Segment(" " * place.width, paint.base))
            used += place.width
        if used < width:
            segments.append(Segment(" " * (width - used), paint.base))
        return Strip(segments, max(width, used)).crop(0, width)


@dataclass(frozen=True, slots=True)
class _Placed:
    """A column in view during one paint."""

    column: ClaimColumn
    x: int
    width: int
    inner: int
    border: Style
    chars: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Paint:
    """What every line of one paint shares."""

    base: Style
    cursor: Style
    silent: Style
    thumb: Style
    placed: list[_Placed]
    focused: bool
    current: ClaimColumn | None
    body: int


def _top_border(place: _Placed, chars: tuple[str, ...], console: Console) -> list[Segment]:
    """'╭─ Title 3 ───╮': the perspective's name (cut with '…') on the top border."""
    inner = place.width - 2
    room = inner - 3  # '─' before the title, a space each side of it
    if room < 1:
        return [Segment(chars[0] + chars[1] * max(0, inner) + chars[2], place.border)]
    titles = place.column.titles or [place.column.title]
    title = next((t for t in titles if t.cell_len <= room), titles[-1]).copy()
    if title.cell_len > room:
        title.truncate(room, overflow="ellipsis")
    segments = [Segment(chars[0] + chars[1] + " ", place.border)]
    segments.extend(Segment(piece.text, place.border + piece.style if piece.style
                            else place.border)
                    for piece in title.render(console, end="") if piece.text)
    fill = inner - 1 - (title.cell_len + 2)
    segments.append(Segment(" " + chars[1] * max(0, fill) + chars[2], place.border))
    return segments


def _thumb_cell(column: ClaimColumn, row: int, height: int) -> str:
    """The column's last cell on a body row: its scroll thumb ('▐') or blank."""
    total = column.height
    if total <= height or height <= 0:
        return " "
    size = max(1, height * height // total)
    top = round(column.scroll_y * (height - size) / max(1, total - height))
    return "▐" if top <= row < top + size else " "


class SilentLine(Widget):
    """The line above the columns: the event's whole label, who is silent, hidden columns.

    The event list has room for a few words of each label; this line has the whole of the
    selected one. One line, repainted without relayout; it is cut with '…' when too long,
    the off-screen column count staying visible at the right.

    Until the filter field is mounted (after the first frame: bench/tui.py), the line also
    holds the filter's hint above, where the field will be, so the first frame looks the same.
    """

    DEFAULT_CSS = """
    SilentLine { height: 1; color: $text-muted; padding: 0 1; }
    SilentLine > .silent-line--hint { color: $text-disabled; background: $surface; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {"silent-line--hint"}

    def __init__(self, *, id: str | None = None, hint: str | None = None) -> None:
        super().__init__(id=id)
        self.hint = hint
        if hint is not None:
            self.styles.height = 2
        self._event = ""
        self._labels: list[str] = []
        self._no_voices = False
        self._pair: tuple[str, ...] = ()
        self._more = Text("")
        self._note: Text | None = None  # said instead of the silent perspectives

    def show_note(self, note: str) -> None:
        """No event to name: say why ('no event matches …')."""
        self._note = Text(note, "italic")
        self._event, self._labels, self._more = "", [], Text("")
        self.refresh()

    def show(self, labels: Sequence[str], hidden_columns: int | tuple[int, int] = 0,
             event: str = "", voices: int | None = None) -> None:
        """Name the event and its silent perspectives (or say that everyone speaks).

        `hidden_columns`: columns out of view, as (left, right) or a count to the right.
        `voices`: how many perspectives the case has (0: none was found, which is said)."""
        self._note = None
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
        if self._note is not None:
            return [self._note]
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

    def drop_hint(self) -> None:
        """The filter field is there now: back to one line."""
        if self.hint is not None:
            self.hint = None
            self.styles.height = 1

    def render(self) -> Text:
        line = self._render_line()
        if self.hint is None:
            return line
        hint = Text(self.hint, self.get_component_rich_style("silent-line--hint"), no_wrap=True,
                    end="")
        hint.truncate(self.size.width, overflow="ellipsis", pad=True)
        return Text.assemble(hint, "\n", line, no_wrap=True, end="")

    def _render_line(self) -> Text:
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
