"""The context pane: the focused claim's paragraph, span highlighted, and why it is grouped."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from core.compare import ClaimContext, Comparison, LinkReason
from tui.render import SPAN_STYLE, clean, highlight_hedges, one_line, source_line

# Characters of paragraph shown before and after the claim; the rest is elided with '…'.
# Little before, so that the claim itself is on screen in a short pane.
CONTEXT_BEFORE, CONTEXT_AFTER = 160, 320


def context_text(
    context: ClaimContext, comparison: Comparison, window: int | None = None
) -> Text:
    """The paragraph with the span in reverse video, then the grouping reasons."""
    paragraph = context.paragraph
    start, end = context.span_start, context.span_end
    left = max(0, start - (window or CONTEXT_BEFORE))
    right = min(len(paragraph), end + (window or CONTEXT_AFTER))
    # Elide at word boundaries so the window does not cut words in half.
    if left > 0:
        space = paragraph.find(" ", left)
        left = space + 1 if 0 <= space < start else left
    if right < len(paragraph):
        space = paragraph.rfind(" ", end, right)
        right = space if space > end else right
    text = Text("… " if left > 0 else "")
    text.append(clean(paragraph[left:start]))
    span = Text(clean(paragraph[start:end]), SPAN_STYLE)
    highlight_hedges(span, context.claim.hedges)
    text.append_text(span)
    text.append(clean(paragraph[end:right]))
    if right < len(paragraph):
        text.append(" …")
    text.append("\n")
    text.append_text(reasons_line(context.reasons, comparison))
    return text


def reasons_line(reasons: tuple[LinkReason, ...], comparison: Comparison) -> Text:
    """'grouped by: 0.54 consulate · iran (with Mike Pompeo) · maybe: …'."""
    merges = [r for r in reasons if r.tier == "merge"]
    suggestions = [r for r in reasons if r.tier != "merge"]
    if not merges and not suggestions:
        return Text("not linked to other claims", "dim")
    line = Text()
    if merges:
        line.append("grouped by: ", "bold")
        for index, reason in enumerate(merges[:3]):
            if index:
                line.append("  ·  ", "dim")
            line.append_text(reason_text(reason, comparison))
    if suggestions:
        if merges:
            line.append("\n")
        line.append("maybe the same event: ", "bold")
        for index, reason in enumerate(suggestions[:2]):
            if index:
                line.append("  ·  ", "dim")
            line.append_text(reason_text(reason, comparison))
    return line


def reason_text(reason: LinkReason, comparison: Comparison) -> Text:
    """'0.54 consulate, iran ↔ Mike Pompeo'."""
    text = Text(f"{reason.score:.2f} ", "cyan")
    text.append(", ".join(one_line(t) for t in reason.terms) or "no shared terms")
    other = comparison.claims.get(reason.other)
    if other is not None:
        who = other.speaker or "narration"
        text.append(" ↔ ", "dim")
        text.append(one_line(who), "dim")
    return text


class ContextPane(VerticalScroll, inherit_bindings=False):
    """Scrollable pane showing the focused claim in its source paragraph.

    Only vertical keys are bound here, so ←/→ still move between perspectives.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "scroll_down", "scroll", show=False),
        Binding("up,k", "scroll_up", "scroll", show=False),
        Binding("pagedown", "page_down", "page down", show=False),
        Binding("pageup", "page_up", "page up", show=False),
        Binding("home", "scroll_home", "top", show=False),
        Binding("end", "scroll_end", "bottom", show=False),
    ]

    DEFAULT_CSS = """
    ContextPane { height: 10; border: round $primary-darken-2; padding: 0 1; }
    ContextPane:focus { border: round $accent; }
    ContextPane > Static { width: 1fr; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=True)
        self.border_title = Text("Context")
        self.claim_id: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Select a claim to see it in its source.", "dim"), id="context-body")

    def show_claim(self, claim_id: str | None, comparison: Comparison) -> None:
        """Show one claim's context (or a hint when there is none)."""
        body = self.query_one("#context-body", Static)
        if claim_id == self.claim_id and claim_id is not None:
            return
        self.claim_id = claim_id
        self.scroll_home(animate=False)
        if claim_id is None:
            self.border_title = Text("Context")
            self.border_subtitle = None
            body.update(Text("No claim here. ←/→ to move between perspectives.", "dim"))
            return
        context = comparison.context(claim_id)
        title = Text("Context · ")
        document = context.document
        title.append(one_line(document.title if document and document.title else
                              (document.path if document else "unknown source")))
        self.border_title = title
        self.border_subtitle = source_line(document)
        body.update(context_text(context, comparison))
