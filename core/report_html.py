"""The comparison report as one self-contained HTML file.

Inline CSS only: no scripts, fonts, images or other external resources (a Content-Security-Policy
meta tag forbids them, so the file behaves the same offline). The layout is responsive (event
tables stack into cards below 720 px) and has print rules for A4. Every piece of user text goes
through `esc` (html.escape with quotes, control characters made visible) and sits in an element
with `dir="auto"` or a `<bdi>`, so right-to-left text and stray direction overrides stay inside
their own box.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from functools import lru_cache

from core.compare import Comparison
from core.models import Analysis, Claim, ClaimKind
from core.report_common import (
    EDITED_MARK,
    KIND_LABELS,
    EventSection,
    Report,
    build_report,
    claim_details,
    counts_line,
    edit_line,
    edits_heading,
    event_name,
    format_score,
    method_sentences,
    plural,
    speaker_name,
    visible_controls,
    voices_phrase,
)

_QUOTE_MARKS = ('"', "'", "“", "”", "‘", "’", "«", "»", "„", "‚", "‹", "›", "「", "『")
_SAFE_URL = re.compile(r"^https?://[^\s\"'<>`]+$", re.IGNORECASE)

CSS = """
:root{--ink:#1d1d1f;--muted:#5f6368;--rule:#d9d9de;--bg:#fff;--band:#f5f5f7;
--quote:#9a3412;--quote-bg:#fff7ed;--said:#1d4ed8;--said-bg:#f1f5ff;--narr:#6b7280}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%;font-size:16px}
body{margin:0;background:var(--bg);color:var(--ink);line-height:1.45;
font:1rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",
"DejaVu Sans",sans-serif;overflow-wrap:break-word}
header,main{max-width:84rem;margin:0 auto;padding:0 1.25rem}
header{padding-top:1.5rem;border-bottom:1px solid var(--rule)}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .4rem}
h2{font-size:1.3rem;margin:2rem 0 .6rem;padding-bottom:.2rem;border-bottom:2px solid var(--ink)}
h3{font-size:1.08rem;margin:1.6rem 0 .3rem}
p{margin:.4rem 0}
a{color:#1a56a6}
.meta,.facts,.note{color:var(--muted);font-size:.92rem}
nav{margin:.6rem 0 1rem;font-size:.92rem}
nav a{margin-right:1rem;white-space:nowrap;display:inline-block}
.legend{display:flex;flex-wrap:wrap;gap:.5rem;margin:.6rem 0 1rem;font-size:.85rem}
.legend span{padding:.15rem .5rem;border-left:3px solid}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:.45rem .55rem;border:1px solid var(--rule)}
thead th{background:var(--band);font-size:.9rem}
table.sources td,table.sources th{font-size:.9rem}
.label{font-weight:600;white-space:nowrap}
ul.perspectives{list-style:none;padding:0;margin:0;display:grid;gap:.6rem;
grid-template-columns:repeat(auto-fill,minmax(17rem,1fr))}
ul.perspectives>li{border:1px solid var(--rule);border-radius:6px;padding:.55rem .7rem}
.pname{font-weight:600}
.kindtag{font-size:.78rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
ul.speakers{margin:.35rem 0 0;padding-left:1.1rem;font-size:.9rem}
.role{color:var(--muted)}
.reason{display:block;color:var(--muted);font-size:.8rem}
table.side{table-layout:fixed}
table.side th{width:auto}
table.side td{min-width:14rem}
.collabel{display:none;font-weight:600;font-size:.9rem;margin-bottom:.3rem}
.claim{margin:0 0 .8rem;padding:.1rem 0 .1rem .6rem;border-left:3px solid var(--said)}
.claim:last-child{margin-bottom:0}
.who{margin:0;font-size:.88rem}
.speaker{font-weight:600}
.details{color:var(--muted)}
.badge{display:inline-block;font-size:.72rem;padding:0 .3rem;border:1px solid currentColor;
border-radius:3px;color:#8a1c1c;margin-left:.25rem}
.badge.edited{color:#6d28d9;background:#f5f3ff;font-weight:600}
h3 .badge{vertical-align:middle}
ol.edits{font-size:.92rem;padding-left:1.6rem}
.text{margin:.25rem 0;white-space:pre-line}
blockquote.text{font-family:Georgia,"Noto Serif","DejaVu Serif","Liberation Serif",serif;
font-style:italic;font-size:1.02rem;background:var(--quote-bg);padding:.3rem .5rem;margin:.25rem 0}
blockquote.addq::before{content:"\\201C"}
blockquote.addq::after{content:"\\201D"}
.k-direct{border-left-color:var(--quote)}
.k-indirect{border-left-color:var(--said)}
.k-indirect .text{background:var(--said-bg);padding:.2rem .5rem}
.k-narration{border-left-color:var(--narr);border-left-style:dotted}
.k-narration .text{color:#374151;font-size:.94rem}
.ref{margin:0;font-size:.78rem;color:var(--muted)}
.kind{font-variant:small-caps;letter-spacing:.04em;margin-right:.1rem}
.silent{font-size:.9rem;color:var(--muted)}
table.matrix{width:auto;min-width:100%;border-collapse:separate;border-spacing:0}
table.matrix th,table.matrix td{border:0;border-right:1px solid var(--rule);
border-bottom:1px solid var(--rule)}
table.matrix thead th{border-top:1px solid var(--rule)}
table.matrix .ev{border-left:1px solid var(--rule)}
table.matrix td.n{text-align:center;vertical-align:middle;font-variant-numeric:tabular-nums;min-width:3rem}
table.matrix thead th{font-size:.82rem;min-width:4.5rem}
table.matrix .ev{min-width:11rem;max-width:22rem;position:sticky;left:0;background:var(--bg);
font-weight:normal;font-size:.9rem}
table.matrix thead .ev{background:var(--band);font-weight:600}
.c0{color:#b0b0b6}.c1{background:#e8f0fe}.c2{background:#c7dbfb}.c3{background:#9ec2f6}
ul.suggestions{font-size:.92rem}
footer{max-width:84rem;margin:2rem auto;padding:0 1.25rem 2rem;color:var(--muted);
font-size:.85rem}
@media screen and (max-width:720px){
html{font-size:15px}
header,main,footer{padding:0 .8rem}
h1{font-size:1.4rem}
table.side,table.side tbody,table.side tr,table.side td{display:block;width:100%;min-width:0}
table.side thead{display:none}
table.side td{border:0;border-top:1px solid var(--rule);padding:.6rem 0}
.collabel{display:block;background:var(--band);padding:.25rem .5rem;margin:0 0 .5rem}
table.sources thead{display:none}
table.sources,table.sources tbody,table.sources tr,table.sources td{display:block;width:100%}
table.sources tr{border-top:1px solid var(--rule);padding:.4rem 0}
table.sources td,table.sources th{border:0;padding:.05rem 0}
table.sources td:empty{display:none}
table.matrix .ev{min-width:9rem}
}
@media print{
@page{size:A4;margin:14mm 12mm}
html{font-size:9.5pt}
body{line-height:1.35}
header,main,footer{max-width:none;padding:0}
nav{display:none}
a{color:inherit;text-decoration:none}
.scroll{overflow:visible}
h2,h3,.facts,.event>.note{break-after:avoid}
.claim,tr{break-inside:avoid}
thead{display:table-header-group}
table.side td{min-width:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""


@lru_cache(maxsize=8192)
def esc(text: str) -> str:
    """User text as HTML text or attribute value: escaped, control characters visible."""
    return html.escape(visible_controls(text), quote=True)


def _bdi(text: str, cls: str | None = None) -> str:
    attr = f' class="{cls}"' if cls else ""
    return f"<bdi{attr}>{esc(text)}</bdi>"


def _source_ref(claim: Claim, report: Report) -> str:
    source = report.source_of.get(claim.document)
    label = source.label if source else esc(claim.document)
    link = f'<a href="#src-{label}">{label}</a>' if source else label
    return f"{link} {claim.start}–{claim.end}"


_EDITED_BADGE = (f'<span class="badge edited" title="changed by the analyst (see Analyst edits)">'
                 f"{EDITED_MARK}</span>")


def _edits_html(report: Report) -> str:
    if not report.edits:
        return ("<p>None: the events, speakers and perspectives below are the machine's "
                "output.</p>")
    items = "".join(f'<li dir="auto">{esc(edit_line(e))}</li>' for e in report.edits)
    return (f"<p>The analyst changed the machine's analysis {plural(len(report.edits), 'time')}"
            f"; changed events and claims are marked {_EDITED_BADGE}.</p>"
            f'<ol class="edits">{items}</ol>')


def _claim_html(claim: Claim, report: Report) -> str:
    kind = claim.kind.value
    who = _bdi(speaker_name(claim, report), "speaker")
    if claim.anonymous:
        who += '<span class="badge">anonymous</span>'
    if claim.id in report.edited_claims:
        who += _EDITED_BADGE
    details = [d for d in claim_details(claim) if d != "anonymous"]
    if details:
        who += '<span class="details"> · ' + " · ".join(_bdi(d) for d in details) + "</span>"
    stripped = claim.text.strip()
    tag = "blockquote" if claim.kind is ClaimKind.DIRECT else "p"
    # Quote marks are added by CSS only when the span does not already carry its own.
    # ('the US has "advised …"' ends with its own mark: adding more would double it)
    own_marks = stripped.startswith(_QUOTE_MARKS) or stripped.endswith(_QUOTE_MARKS)
    cls = "text addq" if tag == "blockquote" and not own_marks else "text"
    text = esc(stripped)
    note = (
        f'<p class="note" dir="auto">Analyst\'s note: {esc(claim.note)}</p>' if claim.note else ""
    )
    sentence = report.sentence_of.get(claim.id)
    if sentence:
        note = f'<p class="note" dir="auto">In its sentence: {_bdi(sentence)}</p>' + note
    return (
        f'<div class="claim k-{kind}"><p class="who">{who}</p>'
        f'<{tag} class="{cls}" dir="auto">{text}</{tag}>'
        f'<p class="ref"><span class="kind">{KIND_LABELS[claim.kind]}</span> '
        f"{_source_ref(claim, report)}</p>{note}</div>"
    )


def _event_html(section: EventSection, report: Report) -> str:
    row = section.row
    facts = [plural(row.claims, "claim"), voices_phrase(row.voices, report.counts["perspectives"])]
    if row.contested:
        facts.append("<strong>contested</strong>")
    if row.terms:
        facts.append("terms: " + ", ".join(_bdi(t) for t in row.terms))
    if row.suggestions:
        facts.append(plural(row.suggestions, "suggested link"))
    head = "".join(f'<th scope="col" dir="auto">{esc(c.column.label)}</th>' for c in section.cells)
    cells = "".join(
        f'<td><div class="collabel" dir="auto">{esc(c.column.label)}</div>'
        + "".join(_claim_html(claim, report) for claim in c.claims)
        + "</td>"
        for c in section.cells
    )
    parts = [
        f'<article class="event" id="event-{section.number}">',
        f'<h3 dir="auto">{esc(event_name(section))}'
        f'{_EDITED_BADGE if row.id in report.edited_events else ""}</h3>',
        f'<p class="facts">{" · ".join(facts)}</p>',
        *([f'<p class="note" dir="auto">Analyst\'s note: {esc(section.note)}</p>']
          if section.note else []),
        f'<div class="scroll"><table class="side"><thead><tr>{head}</tr></thead>'
        f"<tbody><tr>{cells}</tr></tbody></table></div>",
    ]
    if section.silent:
        names = ", ".join(_bdi(c.label) for c in section.silent)
        parts.append(f'<p class="silent">Silent on this event: {names}.</p>')
    parts.append("</article>")
    return "\n".join(parts)


def _sources_html(report: Report) -> str:
    rows = []
    for source in report.sources:
        doc = source.document
        url = doc.url or ""
        if url and _SAFE_URL.match(url):
            url_html = f'<a href="{esc(url)}" rel="noreferrer noopener">{esc(url)}</a>'
        else:
            url_html = esc(url)
        rows.append(
            f'<tr id="src-{source.label}"><th scope="row" class="label">{source.label}</th>'
            f'<td dir="auto">{esc(source.title)}</td><td dir="auto">{esc(doc.outlet or "")}</td>'
            f"<td>{esc(doc.published or '')}</td><td>{url_html}</td>"
            f'<td dir="auto">{esc(doc.path)}</td></tr>'
        )
    return (
        '<div class="scroll"><table class="sources"><thead><tr><th></th><th>Title</th>'
        "<th>Outlet</th><th>Date</th><th>URL</th><th>File</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
    )


def _perspectives_html(report: Report) -> str:
    items = []
    for summary in report.perspectives:
        col = summary.column
        speakers = []
        for s in summary.speakers:
            bits = _bdi(s.name, "speaker")
            if s.role:
                bits += " " + _bdi(s.role, "role")
            if s.anonymous:
                bits += '<span class="badge">anonymous</span>'
            bits += f' <span class="role">({s.claims})</span>'
            speakers.append(f"<li>{bits}</li>")
        speakers_html = f'<ul class="speakers">{"".join(speakers)}</ul>' if speakers else ""
        items.append(
            f'<li><span class="pname" dir="auto">{esc(col.label)}</span><br>'
            f'<span class="kindtag">{esc(col.kind)} · {plural(col.claims, "claim")}</span>'
            f"{speakers_html}</li>"
        )
    if not items:
        return "<p>No perspectives.</p>"
    return f'<ul class="perspectives">{"".join(items)}</ul>'


def _matrix_html(report: Report) -> str:
    if not report.matrix_columns:
        return "<p>No claims.</p>"
    return _count_table([c.label for c in report.matrix_columns], report.matrix)


def _count_table(headings: list[str], matrix: tuple[tuple[EventSection, tuple[int, ...]], ...]
                 ) -> str:
    """Events (rows, linked to their section) × columns of claim counts."""
    head = "".join(f'<th scope="col" dir="auto">{esc(h)}</th>' for h in headings)
    rows = []
    for section, counts in matrix:
        cells = "".join(
            f'<td class="n c{min(n, 3)}">{n if n else "·"}</td>' for n in counts
        )
        rows.append(
            f'<tr><th scope="row" class="ev" dir="auto">'
            f'<a href="#event-{section.number}">{esc(event_name(section))}</a></th>{cells}</tr>'
        )
    return (
        '<div class="scroll"><table class="matrix"><thead><tr><th class="ev">Event</th>'
        + head
        + "</tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div>"
    )


def _method_html(report: Report) -> str:
    parts = [f"<p>{html.escape(s)}</p>" for s in method_sentences(report)]
    settings = [
        f"merge threshold {format_score(report.merge_threshold)}",
        f"suggest threshold {format_score(report.suggest_threshold)}",
        *(f"{_bdi(k)} {_bdi(v)}" for k, v in report.extra_settings),
    ]
    parts.append(f"<p>Settings: {', '.join(settings)}.</p>")
    if report.suggestions:
        items = []
        for s in report.suggestions:
            terms = f"; terms: {', '.join(_bdi(t) for t in s.terms)}" if s.terms else ""
            items.append(
                f"<li>score {format_score(s.score)}: {_bdi(s.event_a)} "
                f"({_source_ref(s.a, report)}) ↔ {_bdi(s.event_b)} "
                f"({_source_ref(s.b, report)}){terms}</li>"
            )
        parts.append("<p>Suggested but not merged:</p>")
        parts.append(f'<ul class="suggestions">{"".join(items)}</ul>')
    else:
        parts.append("<p>No suggestions were left unmerged.</p>")
    if report.errors:
        items = [f"<li>{_bdi(path)}: {_bdi(reason)}</li>" for path, reason in report.errors]
        parts.append(f"<p>Inputs that could not be read:</p><ul>{''.join(items)}</ul>")
    return "\n".join(parts)


def render_html(
    analysis: Analysis,
    generated: datetime | None = None,
    comparison: Comparison | None = None,
) -> str:
    """The whole comparison report as one self-contained HTML document."""
    report = build_report(analysis, generated, comparison)
    events = "\n".join(_event_html(section, report) for section in report.events)
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may load from anywhere: the report must read the same offline.
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        '<meta name="generator" content="perspecta">',
        f"<title>{esc(report.title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f'<h1 dir="auto">{esc(report.title)}</h1>',
        f'<p class="meta">Generated {report.generated} by perspecta · {counts_line(report)}</p>',
        '<nav><a href="#sources">Sources</a><a href="#perspectives">Perspectives</a>'
        '<a href="#edits">Analyst edits</a>'
        '<a href="#events">Events</a><a href="#coverage">Coverage</a>'
        '<a href="#method">Method</a></nav>',
        "</header>",
        "<main>",
        '<section id="sources"><h2>Sources</h2>',
        _sources_html(report),
        "</section>",
        '<section id="perspectives"><h2>Perspectives</h2>',
        _perspectives_html(report),
        "</section>",
        f'<section id="edits"><h2>{edits_heading(report)}</h2>',
        _edits_html(report),
        "</section>",
        '<section id="events"><h2>Events</h2>',
        '<div class="legend"><span class="k-direct" style="border-color:var(--quote);'
        'background:var(--quote-bg)"><i>quote</i>: the speaker\'s own words</span>'
        '<span style="border-color:var(--said);background:var(--said-bg)">reported: '
        "paraphrase</span>"
        '<span style="border-color:var(--narr);border-left-style:dotted">narration: the '
        "source's own voice</span>"
        "<span style=\"border-color:transparent\">S1 311–780 = source S1, characters "
        "311 to 780</span></div>",
        events or "<p>No claims.</p>",
        "</section>",
        '<section id="coverage"><h2>Coverage</h2>',
        '<p class="note">Claims per event (rows) and perspective (columns); · is none.</p>',
        _matrix_html(report),
        *([
            '<p class="note">Claims per event (rows) and source (columns): which sources report '
            "each event; · is none.</p>",
            _count_table([src.heading for src in report.sources], report.source_matrix),
        ] if report.source_matrix else []),
        "</section>",
        '<section id="method"><h2>Method</h2>',
        _method_html(report),
        "</section>",
        "</main>",
        f"<footer>perspecta report · generated {report.generated}</footer>",
        "</body>",
        "</html>",
        "",
    ])
