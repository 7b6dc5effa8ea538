"""The context pane: the focused claim's paragraph, span highlighted, and why it is grouped."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widget import Widget

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


class ContextPane(Widget, can_focus=True):
    """The focused claim in its source paragraph, with why it is grouped.

    A fixed-height widget that renders one Text: showing another claim repaints it without a
    relayout of the screen. ↑/↓ here move between the claims of the current column, as in the
    column itself; the full paragraph is in the claim detail (Enter).
    """

    DEFAULT_CSS = """
    ContextPane { height: 10; border: round $primary-darken-2; padding: 0 1; }
    ContextPane:focus { border: round $accent; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move_claim(1)", "claim", show=False),
        Binding("up,k", "move_claim(-1)", "claim", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = Text("Context")
        self.claim_id: str | None = None
        self._text = Text("Select a claim to see it in its source.", "dim")

    def render(self) -> Text:
        return self._text

    def action_move_claim(self, step: int) -> None:
        mover = getattr(self.app, "move_claim", None)
        if mover is not None:
            mover(step)

    def show_claim(self, claim_id: str | None, comparison: Comparison) -> None:
        """Show one claim's context (or a hint when there is none)."""
        if claim_id == self.claim_id and claim_id is not None:
            return
        self.claim_id = claim_id
        if claim_id is None:
            self.border_title = Text("Context")
            self.border_subtitle = None
            self._text = Text("No claim here. ←/→ to move between perspectives.", "dim")
            self.refresh()
            return
        context = comparison.context(claim_id)
        title = Text("Context · ")
        document = context.document
        title.append(one_line(document.title if document and document.title else
                              (document.path if document else "unknown source")))
        self.border_title = title
        self.border_subtitle = source_line(document)
        self._text = context_text(context, comparison)
        self.refresh()
