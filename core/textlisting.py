"""`--format text`: a readable listing of an analysis for the terminal."""

from __future__ import annotations

import textwrap

from core.compare import build_comparison
from core.models import Analysis, Claim
from core.report_common import plural
from core.tokens import cut_at_word


def claim_line(claim: Claim, outlet: str | None) -> str:
    who = claim.speaker or (f"(narration: {outlet})" if outlet else "(narration)")
    # A narration's kind is in its speaker's place already: '(narration: MECRA)'.
    bits = [] if not claim.speaker and claim.kind.value == "narration" else [claim.kind.value]
    if claim.cue:
        bits.append(f"cue: {claim.cue}")
    if claim.anonymous:
        bits.append("anonymous")
    if claim.via:
        bits.append("via " + " / ".join(claim.via))
    if claim.hedges:
        bits.append("hedges: " + ", ".join(claim.hedges))
    persp = claim.perspective or "no perspective"
    return f"[{claim.start}:{claim.end}] {who} <{persp}>" + (f" ({'; '.join(bits)})" if bits else "")


def render_text(analysis: Analysis) -> str:
    out: list[str] = []
    # Counted as the TUI and the reports count them (Comparison.voices): the sides that speak.
    comparison = build_comparison(analysis)
    voices = set(comparison.voices)
    sides = [p for p in analysis.perspectives if p.id in voices]
    authors = [p for p in analysis.perspectives if p.kind == "author"]
    out.append(" · ".join((plural(len(analysis.documents), "document"),
                           plural(len(analysis.claims), "claim"),
                           plural(len(analysis.groups), "event"),
                           plural(len(sides), "perspective"))))
    if sides:
        out.append("perspectives: " + ", ".join(f"{p.id}={p.label}" for p in sides))
    if authors:
        out.append("narration: " + ", ".join(f"{p.id}={p.label}" for p in authors))
    # Sources are numbered as the reports number them (S1, S2 …): the events below say where
    # each claim is by that number, not by the document's hash id.
    source = {doc.id: f"S{i}" for i, doc in enumerate(analysis.documents, start=1)}
    for doc in analysis.documents:
        out.append("")
        head = doc.title or doc.path
        meta = " · ".join(x for x in (doc.outlet, doc.author, doc.published) if x)
        out.append(f"== {source[doc.id]} {head}" + (f" ({meta})" if meta else "")
                   + f"  [{doc.path}]")
        for claim in (c for c in analysis.claims if c.document == doc.id):
            out.append("  " + claim_line(claim, doc.outlet or doc.author))
            out.extend(textwrap.wrap(claim.text, width=96, initial_indent="      ", subsequent_indent="      "))
    if analysis.groups:
        out.append("")
        out.append("== events")
        for g in analysis.groups:
            # the name the TUI and reports show; the machine's keyword label after it
            name = comparison.event_title(g.id)
            keywords = f" [{g.label}]" if g.label and name != g.label else ""
            out.append(f"  {g.id} {name or '(unlabelled)'}{keywords} ({plural(len(g.claims), 'claim')})")
            # Who says what about it, side by side as the TUI's columns: one line per claim,
            # grouped by perspective in the case's column order.
            members = [comparison.claims[c] for c in g.claims if c in comparison.claims]
            order = {p.id: i for i, p in enumerate(comparison.columns)}
            members.sort(key=lambda c: (order.get(c.perspective or "", len(order)), c.start))
            for claim in members:
                side = comparison.perspective_label(claim.perspective) if claim.perspective \
                    else "no perspective"
                who = claim.speaker or "narration"
                where = source.get(claim.document, claim.document)
                out.append(f"      {side} · {who}: {_short(claim.text)}  "
                           f"[{where} {claim.start}:{claim.end}]")
    return "\n".join(out) + "\n"


def _short(text: str, limit: int = 90) -> str:
    """A claim on one line, cut after a whole word."""
    return cut_at_word(" ".join(text.split()), limit)

