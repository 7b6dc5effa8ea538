"""The comparison report as Markdown (GitHub-flavoured: tables, no raw HTML except `<br>`).

Every piece of user text (titles, speakers, claims …) goes through `md_escape`: Markdown and
HTML punctuation is backslash-escaped, so `<script>`, `[US]`, `**x**` or `|` show verbatim and
never become markup, links or extra table columns; newlines inside table cells become `<br>`.
"""

from __future__ import annotations

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
    has_bidi_controls,
    method_sentences,
    plural,
    provenance,
    speaker_name,
    visible_controls,
    voices_phrase,
)

# ASCII punctuation that can start Markdown or HTML constructs anywhere in a line. CommonMark
# lets any ASCII punctuation be backslash-escaped, so escaping more than needed is harmless.
_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]<>&|~@!#$^{}]")
# Bare URLs and www. names become links in GFM; escaping the colon or dot prevents that.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(:)(?=//)|(?<=www)(\.)")
# Constructs that only count at the start of a line: lists, quotes, headings, ordered lists.
_LINE_START = re.compile(r"^(\s*)([-+=>])")
_ORDERED = re.compile(r"^(\s*\d+)([.)])")
_NEWLINES = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


def _escape_line_start(line: str) -> str:
    if not line or not (line[0] in "-+=>" or line[0].isdigit() or line[0].isspace()):
        return line
    ordered = _ORDERED.match(line)
    if ordered:
        return ordered.group(1) + "\\" + ordered.group(2) + line[ordered.end():]
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)


@lru_cache(maxsize=4096)
def md_escape(text: str, *, cell: bool = False) -> str:
    """User text made inert for Markdown: shows verbatim, never becomes markup.

    In table cells (`cell=True`) newlines become `<br>`; elsewhere they become spaces.
    Text with explicit direction controls is wrapped in a Unicode isolate (FSI … PDI) so an
    override inside it cannot reorder the rest of the line."""
    text = visible_controls(text).strip()
    if _INLINE_SPECIAL.search(text):
        text = _INLINE_SPECIAL.sub(r"\\\g<0>", text)
    if "://" in text or "www." in text or "WWW." in text:
        text = _AUTOLINK.sub(lambda m: "\\" + m.group(0), text)
    if _NEWLINES.search(text):
        lines = [_escape_line_start(line).strip() for line in _NEWLINES.split(text)]
        text = ("<br>" if cell else " ").join(lines)
    else:
        text = _escape_line_start(text)
    if has_bidi_controls(text):
        text = "\u2068" + text + "\u2069"
    return text


def _claim_md(claim: Claim, report: Report) -> str:
    who = f"**{md_escape(speaker_name(claim, report), cell=True)}**"
    details = [md_escape(d, cell=True) for d in claim_details(claim)]
    if claim.id in report.edited_claims:
        details.append(f"**{EDITED_MARK}**")
    if details:
        who += " (" + " · ".join(details) + ")"
    body = md_escape(claim.text, cell=True)
    if claim.kind is ClaimKind.DIRECT and body:
        # Quotes are set in italics, paraphrase and narration upright; the label says it too.
        body = f"*{body}*"
    line = f"{who} — {KIND_LABELS[claim.kind]}: {body} ({provenance(claim, report)})"
    sentence = report.sentence_of.get(claim.id)
    if sentence:
        line += f"<br>In its sentence: {md_escape(sentence, cell=True)}"
    if claim.note:
        line += f"<br>Analyst's note: {md_escape(claim.note, cell=True)}"
    return line


def _count_table(headings: list[str],
                 matrix: tuple[tuple[EventSection, tuple[int, ...]], ...]) -> list[str]:
    """Events (rows) × columns of claim counts, then a blank line."""
    header = ["Event", *(md_escape(h, cell=True) for h in headings)]
    align = ["---", *("--:" for _ in headings)]
    rows = [[md_escape(event_name(section), cell=True), *(str(n) if n else "·" for n in counts)]
            for section, counts in matrix]
    return [*_table(header, rows, align), ""]


def _table(header: list[str], rows: list[list[str]], align: list[str] | None = None) -> list[str]:
    align = align or ["---"] * len(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _event_md(section: EventSection, report: Report) -> list[str]:
    row = section.row
    mark = f" — *{EDITED_MARK}*" if row.id in report.edited_events else ""
    out = [f"### {md_escape(event_name(section))}{mark}", ""]
    facts = [plural(row.claims, "claim"), voices_phrase(row.voices, report.counts["perspectives"])]
    if row.contested:
        facts.append("**contested**")
    if row.terms:
        facts.append("terms: " + ", ".join(md_escape(t) for t in row.terms))
    if row.suggestions:
        facts.append(plural(row.suggestions, "suggested link"))
    out += [" · ".join(facts), ""]
    if section.note:
        out += [f"Analyst's note: {md_escape(section.note)}", ""]
    header = [md_escape(c.column.label, cell=True) for c in section.cells]
    cells = ["<br><br>".join(_claim_md(claim, report) for claim in c.claims) for c in section.cells]
    out += _table(header, [cells])
    out.append("")
    if section.silent:
        names = ", ".join(md_escape(c.label) for c in section.silent)
        out += [f"Silent on this event: {names}.", ""]
    return out


def render_markdown(
    analysis: Analysis,
    generated: datetime | None = None,
    comparison: Comparison | None = None,
) -> str:
    """The whole comparison report as a Markdown document."""
    report = build_report(analysis, generated, comparison)
    out = [f"# {md_escape(report.title)}", ""]
    out += [
        f"Generated {report.generated} by perspecta · {counts_line(report)}",
        "",
        "In event tables, *italic text* is a direct quote; upright text is reported speech or "
        "the source's own narration. References like S1 311–780 give the source and the "
        "character offsets of the claim in it.",
        "",
    ]

    out += ["## Sources", ""]
    rows = []
    for source in report.sources:
        doc = source.document
        rows.append([
            source.label,
            md_escape(source.title, cell=True),
            md_escape(doc.outlet or "", cell=True),
            md_escape(doc.published or "", cell=True),
            md_escape(doc.url or "", cell=True),
            md_escape(doc.path, cell=True),
        ])
    out += _table(["", "Title", "Outlet", "Date", "URL", "File"], rows)
    out.append("")

    out += ["## Perspectives", ""]
    for summary in report.perspectives:
        col = summary.column
        line = f"- **{md_escape(col.label)}** ({col.kind}, {plural(col.claims, 'claim')})"
        if summary.speakers:
            speakers = []
            for s in summary.speakers:
                bits = [md_escape(s.role)] if s.role else []
                if s.anonymous:
                    bits.append("anonymous")
                bits.append(plural(s.claims, "claim"))
                speakers.append(f"{md_escape(s.name)} ({', '.join(bits)})")
            line += ": " + "; ".join(speakers)
        out.append(line)
    if not report.perspectives:
        out.append("No perspectives.")
    out.append("")

    out += [f"## {edits_heading(report)}", ""]
    if report.edits:
        out += [f"The analyst changed the machine's analysis {plural(len(report.edits), 'time')}"
                f"; changed events and claims are marked *{EDITED_MARK}*.", ""]
        out += [f"{n}. {md_escape(edit_line(e))}" for n, e in enumerate(report.edits, start=1)]
        out.append("")
    else:
        out += ["None: the events, speakers and perspectives below are the machine's output.",
                ""]

    out += ["## Events", ""]
    for section in report.events:
        out += _event_md(section, report)
    if not report.events:
        out += ["No claims.", ""]

    out += ["## Coverage", "", "Claims per event (rows) and perspective (columns); · is none.", ""]
    if report.matrix_columns:
        out += _count_table([col.label for col in report.matrix_columns], report.matrix)
    if report.source_matrix:
        out += ["Claims per event (rows) and source (columns): which sources report each event; "
                "· is none.", ""]
        out += _count_table([src.heading for src in report.sources], report.source_matrix)

    out += ["## Method", ""]
    out += [" ".join(method_sentences(report)), ""]
    settings = [
        f"merge threshold {format_score(report.merge_threshold)}",
        f"suggest threshold {format_score(report.suggest_threshold)}",
    ]
    settings += [f"{md_escape(k)} {md_escape(v)}" for k, v in report.extra_settings]
    out += ["Settings: " + ", ".join(settings) + ".", ""]
    if report.suggestions:
        out += ["Suggested but not merged:", ""]
        for link in report.suggestions:
            terms = f"; terms: {', '.join(md_escape(t) for t in link.terms)}" if link.terms else ""
            out.append(
                f"- score {format_score(link.score)}: {md_escape(link.event_a)} "
                f"({provenance(link.a, report)}) ↔ {md_escape(link.event_b)} "
                f"({provenance(link.b, report)}){terms}"
            )
        out.append("")
    else:
        out += ["No suggestions were left unmerged.", ""]
    if report.errors:
        out += ["Inputs that could not be read:", ""]
        out += [f"- {md_escape(path)}: {md_escape(reason)}" for path, reason in report.errors]
        out.append("")
    return "\n".join(out)
