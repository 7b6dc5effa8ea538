"""Claim detail: everything known about one claim, its source and its group."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType

from core.compare import Comparison
from tui.render import claim_quote, clean, one_line
from tui.widgets.context import context_text
from tui.widgets.modal import TextModal


def detail_table(claim_id: str, comparison: Comparison) -> Table:
    """Field / value rows for one claim."""
    claim = comparison.claims[claim_id]
    document = comparison.documents.get(claim.document)
    group = comparison.groups.get(claim.group or "")
    speaker = next((s for s in comparison.analysis.speakers if s.id == claim.speaker_id), None)
    table = Table(show_header=False, box=None, padding=(0, 1), expand=True)
    table.add_column("field", style="bold", no_wrap=True, width=12)
    table.add_column("value", ratio=1)

    def row(field: str, value: Text | str | None) -> None:
        if value is None or value == "":
            return
        table.add_row(Text(field), value if isinstance(value, Text) else Text(clean(value)))

    row("Claim", claim_quote(claim, limit=None))
    row("Kind", claim.kind.value)
    row("Speaker", claim.speaker or ("the author" if claim.kind.value == "narration" else None))
    row("Mention", claim.speaker_mention)
    row("Role", claim.role)
    row("Cue", claim.cue)
    row("Anonymous", "yes" if claim.anonymous else None)
    row("Via", " › ".join(one_line(v) for v in claim.via) or None)
    row("Hedges", ", ".join(claim.hedges) or None)
    row("Perspective", comparison.perspective_label(comparison.perspective_of(claim)))
    row("Because", speaker.perspective_reason if speaker else None)
    title = comparison.event_title(group.id) if group else None
    row("Event", title or "not grouped")
    if group is not None and group.label.strip() and title != group.label.strip():
        row("Keywords", group.label)  # the machine's label, which the title is built from
    row("Note", claim.note)
    row("Event note", group.note if group else None)
    if document is not None:
        row("Source", document.title or document.path)
        row("Outlet", document.outlet)
        row("Date", document.published)
        row("Author", document.author)
        row("File", document.path)
    row("Offsets", f"{claim.start}–{claim.end} (paragraph {claim.paragraph + 1})")
    row("Context", context_text(comparison.context(claim_id), comparison))
    return table


class ClaimDetailScreen(TextModal):
    """A modal with the claim detail; Esc, Enter or q closes it."""

    DEFAULT_CSS = """
    ClaimDetailScreen > VerticalScroll { width: 100; }
    """
    BODY_ID = "detail-body"
    TEXT_ID = "detail-text"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "dismiss", "close", show=True, key_display="Esc"),
        Binding("down,j", "scroll_body(1)", "scroll", show=False),
        Binding("up,k", "scroll_body(-1)", "scroll", show=False),
    ]

    def __init__(self, claim_id: str, comparison: Comparison) -> None:
        super().__init__()
        self.claim_id = claim_id
        self.comparison = comparison

    def frame_title(self) -> Text:
        claim = self.comparison.claims[self.claim_id]
        return Text("Claim · ") + Text(one_line(claim.speaker or "narration"))

    def content(self) -> Table:
        return detail_table(self.claim_id, self.comparison)
