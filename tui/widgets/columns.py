"""Perspective columns: the claims each perspective makes about the selected event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import HorizontalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets.option_list import Option

from core.compare import Comparison
from core.models import Claim
from tui.render import claim_card, one_line
from tui.widgets.lists import RegistryOptionList

COLUMN_MIN_WIDTH = 28


@dataclass(frozen=True, slots=True)
class ColumnContent:
    """What one column slot shows for the current event."""

    perspective: str
    label: str
    claims: Sequence[Claim]
    silent: bool
    pinned: bool


class ClaimColumn(RegistryOptionList):
    """One perspective's claim cards (an OptionList: only visible lines are rendered)."""

    class Entered(Message):
        """The column got the focus (keys or mouse): it becomes the current column."""

        def __init__(self, column: ClaimColumn) -> None:
            super().__init__()
            self.column = column

    DEFAULT_CSS = """
    ClaimColumn {
        width: 34; height: 1fr;  /* set per slot by PerspectiveColumns.show */
        border: round $primary-darken-2; padding: 0 0;
        scrollbar-size-vertical: 1;
    }
    ClaimColumn.-silent { color: $text-muted; }
    ClaimColumn:focus { border: round $accent; }
    /* Only the focused column marks its current card; the others read as plain columns. */
    ClaimColumn > .option-list--option-highlighted { background: transparent; }
    ClaimColumn:focus > .option-list--option-highlighted { background: $block-cursor-background; }
    ClaimColumn.-pinned { border: double $warning; }
    ClaimColumn.-pinned:focus { border: double $accent; }
    """

    def __init__(self, slot: int) -> None:
        super().__init__(id=f"column-{slot}", markup=False)
        self.slot = slot
        self.perspective: str | None = None
        self.claim_ids: list[str | None] = []
        self._signature: tuple[object, ...] = ()

    def show(self, content: ColumnContent, comparison: Comparison, head_to_head: bool) -> None:
        """Fill the column with one card per claim, or a silence marker."""
        signature = (content.perspective, tuple(c.id for c in content.claims), content.silent,
                     content.pinned, head_to_head)
        if signature == self._signature:
            return
        self._signature = signature
        self.perspective = content.perspective
        title = Text("◆ " if content.pinned else "") + Text(one_line(content.label))
        if content.claims:
            title.append(f" {len(content.claims)}", "dim")
        self.border_title = title
        self.set_class(content.silent, "-silent")  # only pinned perspectives can be silent
        self.set_class(content.pinned, "-pinned")
        self.set_class(head_to_head, "-head-to-head")
        self.clear_options()
        options: list[Option | None] = []
        self.claim_ids = []
        if content.silent:
            options.append(Option(Text("— silent —", "dim italic"), disabled=True))
            self.claim_ids.append(None)
        for index, claim in enumerate(content.claims):
            if index:
                options.append(None)
            options.append(Option(claim_card(claim, comparison), id=claim.id))
            self.claim_ids.append(claim.id)
        self.add_options(options)
        if content.claims:
            self.highlighted = 0

    def on_focus(self) -> None:
        self.post_message(self.Entered(self))

    def current_claim(self) -> str | None:
        """The id of the highlighted claim, if any."""
        index = self.highlighted
        if index is None:
            return None
        return self.get_option_at_index(index).id


class PerspectiveColumns(HorizontalScroll, inherit_bindings=False):
    """A fixed pool of column slots; each event assigns perspectives to slots.

    Keeping the widgets and changing their contents makes moving between events cheap.
    No bindings of its own: ←/→ belong to the app (move between perspectives, which scrolls).
    """

    DEFAULT_CSS = """
    PerspectiveColumns { width: 1fr; height: 1fr; scrollbar-size-horizontal: 1; }
    """

    def __init__(self, slots: int, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self._slot_count = max(1, slots)
        self.column_width = 34

    def on_resize(self) -> None:
        """Two columns side by side at least: narrow terminals get narrower columns."""
        # As many whole columns as fit at COLUMN_MIN_WIDTH (two at least), sharing the width.
        count = max(2, self.size.width // COLUMN_MIN_WIDTH)
        self.column_width = max(20, self.size.width // count)
        for column in self.visible_slots():
            if str(column.styles.width) != "1fr":
                column.styles.width = self.column_width

    def compose(self) -> ComposeResult:
        for slot in range(self._slot_count):
            yield ClaimColumn(slot)

    @property
    def slots(self) -> list[ClaimColumn]:
        """Every column slot, visible or not."""
        return list(self.query_children(ClaimColumn))

    def visible_slots(self) -> list[ClaimColumn]:
        """The slots that show a perspective for the current event."""
        return [s for s in self.slots if s.display]

    def show(self, contents: Sequence[ColumnContent], comparison: Comparison) -> None:
        """Assign contents to slots in order; hide the remaining slots."""
        head_to_head = any(c.pinned for c in contents) and len(contents) == 2
        for slot, column in enumerate(self.slots):
            if slot < len(contents):
                column.show(contents[slot], comparison, head_to_head)
                width: str | int = "1fr" if head_to_head else self.column_width
                if str(column.styles.width) != str(width):
                    column.styles.width = width
                if not column.display:
                    column.display = True
            elif column.display:
                column.display = False
                column.perspective = None
                column._signature = ()


class SilentLine(Widget):
    """'silent here: Iran · Analysts' above the columns (one line, repainted without relayout)."""

    DEFAULT_CSS = """
    SilentLine { height: 1; color: $text-muted; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text("")

    def show(self, labels: Sequence[str]) -> None:
        """Name the silent perspectives (or say that everyone speaks)."""
        if labels:
            text = Text("silent here: ", "italic")
            text.append(" · ".join(one_line(label) for label in labels), "bold")
        else:
            text = Text("every perspective speaks about this event", "italic")
        self._text = text
        self.refresh()

    def render(self) -> Text:
        return self._text
