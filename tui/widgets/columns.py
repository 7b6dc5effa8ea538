"""Perspective columns: the claims each perspective makes about the selected event."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import HorizontalScroll
from textual.message import Message
from textual.widgets.option_list import Option

from core.compare import Comparison
from core.models import Claim
from tui.render import claim_card, one_line
from tui.widgets.lists import RegistryOptionList


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
        self.set_class(content.silent, "-silent")
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

    SILENT_WIDTH = 18

    def __init__(self, slots: int, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=False)
        self._slot_count = max(1, slots)
        self.column_width = 34

    def on_resize(self) -> None:
        """Two columns side by side at least: narrow terminals get narrower columns."""
        self.column_width = max(24, min(36, self.size.width // 2))
        for column in self.visible_slots():
            if not column.has_class("-silent") and str(column.styles.width) != "1fr":
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
                if head_to_head:
                    width: str | int = "1fr"
                elif contents[slot].silent:
                    width = self.SILENT_WIDTH
                else:
                    width = self.column_width
                if str(column.styles.width) != str(width):
                    column.styles.width = width
                if not column.display:
                    column.display = True
            elif column.display:
                column.display = False
                column.perspective = None
                column._signature = ()
