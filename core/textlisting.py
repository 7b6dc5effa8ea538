"""`--format text`: a readable listing of an analysis for the terminal."""

from __future__ import annotations

import textwrap

from core.models import Analysis, Claim


def claim_line(claim: Claim, outlet: str | None) -> str:
    who = claim.speaker or (f"(narration: {outlet})" if outlet else "(narration)")
    bits = [claim.kind.value]
    if claim.cue:
        bits.append(f"cue: {claim.cue}")
    if claim.anonymous:
        bits.append("anonymous")
    if claim.via:
        bits.append("via " + " / ".join(claim.via))
    if claim.hedges:
        bits.append("hedges: " + ", ".join(claim.hedges))
    persp = claim.perspective or "-"
    return f"[{claim.start}:{claim.end}] {who} <{persp}> ({'; '.join(bits)})"


def render_text(analysis: Analysis) -> str:
    docs = {d.id: d for d in analysis.documents}
    labels = {p.id: p.label for p in analysis.perspectives}
    out: list[str] = []
    out.append(f"{len(analysis.documents)} documents · {len(analysis.claims)} claims · "
               f"{len(analysis.groups)} events · {len(analysis.perspectives)} perspectives")
    if analysis.perspectives:
        out.append("perspectives: " + ", ".join(f"{p.id}={p.label}" for p in analysis.perspectives))
    for doc in analysis.documents:
        out.append("")
        head = doc.title or doc.path
        meta = " · ".join(x for x in (doc.outlet, doc.author, doc.published) if x)
        out.append(f"== {head}" + (f" ({meta})" if meta else "") + f"  [{doc.path}]")
        for claim in (c for c in analysis.claims if c.document == doc.id):
            out.append("  " + claim_line(claim, doc.outlet or doc.author))
            if claim.perspective in labels:
                pass
            out.extend(textwrap.wrap(claim.text, width=96, initial_indent="      ", subsequent_indent="      "))
    if analysis.groups:
        out.append("")
        out.append("== events")
        for g in analysis.groups:
            out.append(f"  {g.id} {g.label} ({len(g.claims)} claims)")
    for d in docs.values():
        del d
    return "\n".join(out) + "\n"
