"""The context pane: the focused claim's whole paragraph, span highlighted, and why it is grouped.

The paragraph is never cut: the pane scrolls, and showing a claim scrolls to its span.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from core.compare import ClaimContext, Comparison, LinkReason
from core.models import Claim
from core.report_common import ARTICLE_MARK, as_written
from core.tokens import cut_at_word
from tui.render import SPAN_STYLE, clean, highlight_hedges, one_line, source_line


def context_text(
    context: ClaimContext, comparison: Comparison, window: int | None = None
) -> Text:
    """The whole paragraph with the span in reverse video, then the grouping reasons.

    `window` limits the paragraph to that many characters either side of the span (cut at a
    word, marked '…'); None shows all of it.
    """
    paragraph = context.paragraph
    start, end = context.span_start, context.span_end
    left = 0 if window is None else max(0, start - window)
    right = len(paragraph) if window is None else min(len(paragraph), end + window)
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
    placed = placed_by_analyst(context.claim.id, comparison)
    if placed is not None and not any(r.tier == "merge" for r in context.reasons):
        # The analyst put it here (m, s): say so, rather than only "not linked".
        text.append("placed in this event by the analyst: ", "bold magenta")
        text.append(one_line(placed))
        if context.reasons:
            text.append("\n")
    if placed is None or context.reasons:
        text.append_text(reasons_line(context.reasons, comparison))
    text.append_text(notes_text(context.claim.note, context.claim.group, comparison))
    return text


PLACING_EDITS = frozenset({"move_claim", "split_group"})


def placed_by_analyst(claim_id: str, comparison: Comparison) -> str | None:
    """The last analyst edit that put this claim in its event (moved, split out), in plain
    words; None when the machine grouped it."""
    return next((edit.description for edit in reversed(comparison.analysis.edits)
                 if edit.op in PLACING_EDITS and claim_id in edit.claims), None)


def notes_text(claim_note: str | None, group_id: str | None, comparison: Comparison) -> Text:
    """The analyst's notes on the claim and on its event, one line each (nothing when none)."""
    group = comparison.groups.get(group_id or "")
    text = Text()
    for label, note in (("note: ", claim_note), ("event note: ", group.note if group else None)):
        if note:
            text.append("\n")
            text.append(label, "bold yellow")
            text.append(one_line(note))
    return text


def reasons_line(reasons: tuple[LinkReason, ...], comparison: Comparison) -> Text:
    """'grouped with: Mike Pompeo 0.54 (consulate, Iran) · …', then 'maybe the same event: …'.

    Each reason names the claim it links to (by its speaker), the link's score (0–1) and the
    words the two claims share ('closure≈close': two forms of one word)."""
    merges = [r for r in reasons if r.tier == "merge"]
    suggestions = [r for r in reasons if r.tier != "merge"]
    if not merges and not suggestions:
        return Text("not linked to other claims", "dim")
    line = Text()
    if merges:
        line.append("grouped with: ", "bold")
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
            line.append_text(reason_text(reason, comparison, with_event=True))
    return line


def shown_suggestion(reasons: Sequence[LinkReason]) -> LinkReason | None:
    """The claim's best 'maybe the same event', the one its context border offers ('· a joins')
    and the only one `a` (accept) and `A` (reject) act on."""
    return next((r for r in reasons if r.tier != "merge"), None)


SUGGESTED_EVENT_CHARS = 32  # at most, of the other event's name on the border
HINT_PREFIX = "maybe the same event as "
HINT_KEY = " · a joins"


def suggestion_hint(reasons: Sequence[LinkReason], comparison: Comparison,
                    room: int | None = None) -> Text | None:
    """'maybe the same event as Mike Pompeo in “Hold Iran directly responsible” · a joins': the
    claim's best suggestion, if any, with the event `a` would join (a speaker has claims in
    several events: the speaker alone did not say which). Within `room` characters (the
    border's width) the event's name, then the speaker, are cut at a word so that the key
    stays in view (80 columns)."""
    suggestion = shown_suggestion(reasons)
    if suggestion is None:
        return None
    other = comparison.claims.get(suggestion.other)
    who = _who(other) if other is not None else "another claim"
    event_id = comparison.event_of(suggestion.other)
    title = (one_line(comparison.event_title(event_id))
             if other is not None and event_id in comparison.event_index else "")
    limit = SUGGESTED_EVENT_CHARS
    if room is not None and title:
        fixed = len(HINT_PREFIX) + len(" in “”") + len(HINT_KEY)
        wanted = min(len(title), limit)
        if fixed + len(who) + wanted > room:
            # The event's name gives way first (to 16 characters), then the speaker.
            keep = min(wanted, max(16, room - fixed - len(who)))
            if fixed + len(who) + keep > room:
                who = ("narration" if who.startswith("narration “")
                       else cut_at_word(who, max(8, room - fixed - keep)))
            limit = max(8, min(limit, room - fixed - len(who)))
    hint = Text(HINT_PREFIX, "bold")
    hint.append(who)
    if title:
        hint.append(" in ")
        hint.append(f"“{cut_at_word(title, limit)}”")
    hint.append(HINT_KEY, "dim")
    return hint


def _who(claim: Claim) -> str:
    """The other claim of a link: its speaker, or which narration ('narration “Although
    indirect fire …”': a case has many)."""
    if claim.speaker:
        return one_line(claim.speaker)
    words = one_line(claim.text).strip("“”\"' ").split()
    return "narration “" + " ".join(words[:3]) + (" …”" if len(words) > 3 else "”")


def reason_text(reason: LinkReason, comparison: Comparison, *, with_event: bool = False) -> Text:
    """'Mike Pompeo 0.54 (consulate, Iran)': the other claim's speaker, score, shared words.
    `with_event` (a suggestion: the other claim is in another event) names that event too:
    'Mike Pompeo in “Hold Iran directly responsible” 0.03 (…)'."""
    other = comparison.claims.get(reason.other)
    text = Text()
    if other is not None:
        text.append(_who(other))
        event_id = comparison.event_of(reason.other)
        if with_event and event_id in comparison.event_index:
            title = cut_at_word(one_line(comparison.event_title(event_id)), SUGGESTED_EVENT_CHARS)
            text.append(f" in “{title}”")
        text.append(" ")
    text.append(f"{reason.score:.2f}", "cyan")
    # the other claim's article first: where an inherited word comes from
    texts: list[str] = []
    if any(t.endswith(ARTICLE_MARK) for t in reason.terms):
        texts = [d.text for d in sorted(comparison.analysis.documents,
                                        key=lambda d: other is None or d.id != other.document)]
    terms = ", ".join(one_line(as_written(t, texts) if t.endswith(ARTICLE_MARK) else t)
                      for t in reason.terms)
    text.append(f" ({terms})" if terms else " (no shared words)", "dim")
    if reason.rival:  # below the suggestion threshold: kept as two sides answer each other
        text.append(" rival accounts", "italic")
    if reason.denial:  # one side denies what the other asserts
        text.append(" one denies the other", "italic")
    return text


class ContextPane(ScrollView, can_focus=True):
    """The focused claim in its whole source paragraph, with why it is grouped.

    A virtual view over the wrapped lines (cached per width): showing another claim repaints
    the pane without a relayout of the screen, and scrolls so that the span's first line is
    the second line of the pane. ↑/↓ here move between the claims of the current column, as
    in the column itself; PgUp/PgDn and the mouse wheel scroll the paragraph.
    """

    DEFAULT_CSS = """
    ContextPane {
        height: 10; border: round $primary-darken-2; padding: 0 1;
        scrollbar-size-vertical: 1; scrollbar-gutter: stable; overflow-x: hidden;
    }
    ContextPane:focus { border: round $accent; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move_claim(1)", "claim", show=False),
        Binding("up,k", "move_claim(-1)", "claim", show=False),
        Binding("pagedown", "scroll_context(1)", "scroll", show=False),
        Binding("pageup", "scroll_context(-1)", "scroll", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = Text("Context")
        self.claim_id: str | None = None
        self._event_hint: str | None = None
        self._text = Text("Select a claim to see it in its source.", "dim")
        self._lines: list[Strip] = []
        self._wrapped_width = 0
        self._span_line = 0

    def action_move_claim(self, step: int) -> None:
        mover = getattr(self.app, "move_claim", None)
        if mover is not None:
            mover(step)

    def action_scroll_context(self, direction: int) -> None:
        page = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to(y=self.scroll_offset.y + direction * page, animate=False)

    def show_claim(self, claim_id: str | None, comparison: Comparison,
                   hint: str = "No claim here. ←/→ to move between perspectives.",
                   event_hint: Text | None = None) -> None:
        """Show one claim's context (or `hint` when there is none). `event_hint` offers the
        event's suggestion on the border when the claim has none of its own."""
        hint_plain = event_hint.plain if event_hint is not None else None
        if claim_id == self.claim_id and claim_id is not None and hint_plain == self._event_hint:
            return
        self.claim_id = claim_id
        self._event_hint = hint_plain
        if claim_id is None:
            self.border_title = Text("Context")
            self.border_subtitle = None
            self._set_text(Text(hint, "dim"))
            return
        context = comparison.context(claim_id)
        document = context.document
        title = Text("Context · ")
        title.append(one_line(document.title if document and document.title else
                              (document.path if document else "unknown source")))
        self.border_title = title
        source = source_line(document)
        # The subtitle names outlet and date; not the title a second time.
        same = document is not None and source.plain.startswith(one_line(document.title)[:30])
        if same and document is not None:
            source = Text(one_line(document.published), "dim") if document.published else Text()
        # The pane spans the terminal: its border holds the width less corners and padding.
        room = self.app.size.width - 6 if self.app.size.width else None
        hint = suggestion_hint(comparison.reasons(claim_id), comparison, room) or event_hint
        if hint is not None:
            # On the border, so it shows however short the pane (80×24) or long the paragraph.
            source = hint.append_text(Text(" · ", "dim")).append_text(source) if source.plain \
                else hint
        self.border_subtitle = source if source.plain else None
        self._set_text(context_text(context, comparison))

    def _set_text(self, text: Text) -> None:
        self._text = text
        self._wrapped_width = 0
        self._wrap(self.scrollable_content_region.width if self.size.width else 0)
        self.refresh()

    def _wrap(self, width: int) -> None:
        if width <= 0:
            return
        console = self.app.console
        lines = self._text.wrap(console, width)
        self._lines = [Strip(line.render(console), line.cell_len).adjust_cell_length(width)
                       for line in lines]
        # The first line that holds part of the highlighted span.
        self._span_line = next((index for index, line in enumerate(lines)
                                if any(span.style == SPAN_STYLE for span in line.spans)), 0)
        self._wrapped_width = width
        virtual = Size(width, len(self._lines))
        if virtual != self.virtual_size:
            self.set_reactive(ContextPane.virtual_size, virtual)
            self._scroll_update(virtual)
        self.scroll_to(y=max(0, self._span_line - 1), animate=False, immediate=True, force=True)

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._wrapped_width:
            self._wrap(width)
            self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        # Wrap before painting any line: wrapping scrolls to the span, and every line of this
        # paint must see that scroll (the first frame paints the pane before its Resize).
        width = self.scrollable_content_region.width
        if width != self._wrapped_width:
            self._wrap(width)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = y + int(self.scroll_offset.y)
        style: Style = self.rich_style
        if width != self._wrapped_width:
            self._wrap(width)
        if row >= len(self._lines):
            return Strip.blank(width, style)
        return self._lines[row].apply_style(style)

    def scroll_region_of_span(self) -> Region:
        """Where the span starts, in the pane's virtual lines (for tests and the app)."""
        return Region(0, self._span_line, max(1, self._wrapped_width), 1)
