"""Turn analysis text into rich Text, never markup: source text may contain '[US]' or '[/]'."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text

from core.compare import Comparison, EventRow
from core.models import Claim, ClaimKind, Document
from core.tokens import cut_at_word

# C0/C1 control characters (except newline) would move the terminal cursor or ring the bell;
# they are shown as a visible placeholder instead.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CARD_MAX_CHARS = 240
HEDGE_STYLE = "bold yellow underline"
SPAN_STYLE = "bold reverse"
DIM = "dim"
QUOTE_MARKS = "\"“”‘’'«»„"
SOURCE_MAX_CHARS = 40


_HOSTED_LABEL = re.compile(r"(?P<name>.+?) \((?P<host>[\w-]+(?:\.[\w-]+)+)\)")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu"})


def short_labels(label: str) -> list[str]:
    """A label and its shorter forms, longest first, for a title with little room.

    A narration column named after its outlet and web address ('nyt
    (thecaucus.blogs.nytimes.com)') is cut to the site's own domain ('nyt (nytimes.com)'), then
    to the outlet alone ('nyt'), rather than in the middle of the address."""
    forms = [label]
    found = _HOSTED_LABEL.fullmatch(label)
    if found is None:
        return forms
    name, host = found["name"], found["host"]
    parts = host.removeprefix("www.").split(".")
    keep = 3 if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL else 2
    domain = ".".join(parts[-keep:])
    if domain != host:
        forms.append(f"{name} ({domain})")
    forms.append(name)
    return forms


def clean(value: str | None) -> str:
    """Printable text: tabs become spaces, other control characters become '�'."""
    if not value:
        return ""
    return CONTROL_CHARS.sub("\N{REPLACEMENT CHARACTER}", value.replace("\t", " "))


def one_line(value: str | None) -> str:
    """Clean text on one line, for table cells and titles."""
    return " ".join(clean(value).split())


def plain(value: str | None, style: str = "") -> Text:
    """A Text holding `value` verbatim (cleaned), with an optional style."""
    return Text(clean(value), style=style)


def highlight_hedges(text: Text, hedges: list[str]) -> None:
    """Style every whole-word occurrence of each hedge cue in `text`."""
    for hedge in hedges:
        if not hedge.strip():
            continue
        text.highlight_regex(rf"(?i)(?<!\w){re.escape(hedge)}(?!\w)", HEDGE_STYLE)


def claim_quote(claim: Claim, limit: int | None = CARD_MAX_CHARS) -> Text:
    """The claim text, in quotation marks when it is a direct quote, hedges highlighted."""
    body = clean(claim.text).strip()
    if limit is not None:
        # Cut at a word boundary when one is near (the context pane has the whole text).
        body = cut_at_word(body, limit, keep=0.75)
    text = Text(body)
    # Spans that already hold their quotation marks are shown as they are.
    if claim.kind == ClaimKind.DIRECT and body[:1] not in QUOTE_MARKS \
            and clean(claim.text).strip()[-1:] not in QUOTE_MARKS:
        text = Text("“") + text + Text("”")
    elif claim.kind == ClaimKind.NARRATION:
        text.stylize("italic")
    highlight_hedges(text, claim.hedges)
    return text


def speaker_line(claim: Claim) -> Text:
    """'Mike Pompeo · US Secretary of State', or 'narration' for the author's voice."""
    if claim.kind == ClaimKind.NARRATION or not claim.speaker:
        return Text("narration" if claim.kind == ClaimKind.NARRATION else "unknown speaker", DIM)
    line = Text(one_line(claim.speaker), "bold")
    detail = claim.role or claim.cue
    if detail:
        line.append(" · ")
        line.append(one_line(detail), DIM)
    return line


def attribution_line(claim: Claim) -> Text | None:
    """'◌ anonymous · via John Hudson › The Washington Post', when either applies."""
    parts: list[Text] = []
    if claim.anonymous:
        parts.append(Text("◌ anonymous", "italic"))
    if claim.via:
        parts.append(Text("via ") + Text(" › ".join(one_line(v) for v in claim.via), "italic"))
    if not parts:
        return None
    return Text(" · ").join(parts)


def source_line(document: Document | None) -> Text:
    """'MECRA · 2018-09-29' (outlet, else title, else file name)."""
    if document is None:
        return Text("unknown source", DIM)
    name = document.outlet or document.title or document.path.rsplit("/", 1)[-1]
    name = one_line(name)
    if len(name) > SOURCE_MAX_CHARS:
        name = name[: SOURCE_MAX_CHARS - 1].rstrip() + "…"
    parts = [name]
    if document.published:
        parts.append(one_line(document.published))
    return Text(" · ".join(parts), DIM)


def claim_in_sentence(sentence: str, start: int, end: int, claim: Claim) -> Text:
    """A short claim inside its sentence, as the source writes it (its own quotation marks):
    the claim's words plain, the rest of the sentence dim ('Iran called the closure
    "ridiculous."')."""
    before, after = one_line(sentence[:start]), one_line(sentence[end:])
    text = Text()
    if before:
        text.append(before + (" " if sentence[start - 1:start].isspace() else ""), DIM)
    own = Text(one_line(sentence[start:end]))
    if claim.kind == ClaimKind.NARRATION:
        own.stylize("italic")
    highlight_hedges(own, claim.hedges)
    text.append_text(own)
    if after:
        text.append((" " if sentence[end:end + 1].isspace() else "") + after, DIM)
    return text


def claim_card(claim: Claim, comparison: Comparison, limit: int | None = CARD_MAX_CHARS) -> Text:
    """A claim as a card: quote (a short one inside its sentence; a long one cut at `limit`
    characters), speaker, attribution, source, hedges."""
    sentence = comparison.card_sentence(claim)
    quote = claim_quote(claim, limit) if sentence is None else claim_in_sentence(*sentence, claim)
    lines = [quote, speaker_line(claim)]
    attribution = attribution_line(claim)
    if attribution is not None:
        lines.append(attribution)
    # With one source the header and the context pane already name it: cards stay short.
    if len(comparison.documents) > 1:
        lines.append(source_line(comparison.documents.get(claim.document)))
    if claim.hedges:
        lines.append(Text("hedge: ", DIM) + Text(", ".join(one_line(h) for h in claim.hedges),
                                                 "yellow"))
    return Text("\n").join(lines)


def event_marker(event: EventRow) -> Text:
    """⚡ when perspectives disagree about the event."""
    return Text(" ⚡", "bold yellow") if event.contested else Text("")


def cut_middle(text: str, width: int) -> str:
    """`text` in at most `width` cells, its middle replaced by '…' when too long (a path
    keeps its start and its file name's end: '/home/ana/…/basra.perspecta.json')."""
    if cell_len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    keep = width - 1
    head, tail = text[: (keep + 1) // 2], text[len(text) - keep // 2:]
    while cell_len(head) + cell_len(tail) > keep and (head or tail):
        if cell_len(head) >= cell_len(tail):
            head = head[:-1]
        else:
            tail = tail[1:]
    return f"{head}…{tail}"
