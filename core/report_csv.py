"""Claims as CSV: one row per claim, for spreadsheets.

- UTF-8 with a byte order mark, so Excel and LibreOffice detect the encoding.
- RFC 4180: comma separated, CRLF line ends, fields with commas, quotes or line breaks are
  quoted and inner quotes doubled (the csv module does it).
- Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (tab and
  carriage return are also abused) as a formula. Such text cells get a leading apostrophe
  (`'=1+1`), which spreadsheets display as text and hide. Only those cells change; every
  other cell holds the analysis value exactly. Offsets (`start`, `end`) are plain integers.
"""

from __future__ import annotations

import csv
import io

from core.compare import build_comparison
from core.models import Analysis

COLUMNS = (
    "document",
    "document_id",
    "outlet",
    "date",
    "speaker",
    "role",
    "anonymous",
    "via",
    "perspective",
    "perspective_id",
    "kind",
    "cue",
    "hedges",
    "group_id",
    "group_label",
    "group_title",
    "start",
    "end",
    "claim_id",
    "note",
    "text",
    "edited",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "


def neutralise(value: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula."""
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_rows(analysis: Analysis) -> list[list[str]]:
    """The header and one row per claim (documents in input order, claims in text order)."""
    documents = {d.id: d for d in analysis.documents}
    groups = {g.id: g for g in analysis.groups}
    labels = {p.id: p.label for p in analysis.perspectives}
    order = {d.id: i for i, d in enumerate(analysis.documents)}
    group_of: dict[str, str] = {}
    for group in analysis.groups:
        for claim_id in group.claims:
            group_of.setdefault(claim_id, group.id)
    # the event's name as the TUI and the other reports show it ('Closure of its consulate in
    # Basra'), beside the grouping's keyword label
    comparison = build_comparison(analysis)
    titles = {g.id: comparison.event_title(g.id) for g in analysis.groups}
    # 'claim' when an analyst's edit changed the claim (speaker, perspective, event …),
    # 'event' when it changed the claim's event (renamed, merged, a claim moved in or out)
    edited_claims = {c for edit in analysis.edits for c in edit.claims}
    edited_groups = {group_of.get(c) for edit in analysis.edits for c in edit.events}
    rows: list[list[str]] = [list(COLUMNS)]
    for claim in sorted(analysis.claims, key=lambda c: (order.get(c.document, len(order)), c.start)):
        doc = documents.get(claim.document)
        group_id = claim.group or group_of.get(claim.id) or ""
        found = groups.get(group_id)
        text_cells = [
            (doc.title or doc.path) if doc else "",
            claim.document,
            (doc.outlet or "") if doc else "",
            (doc.published or "") if doc else "",
            claim.speaker or "",
            claim.role or "",
            "yes" if claim.anonymous else "",
            LIST_SEPARATOR.join(claim.via),
            labels.get(claim.perspective, claim.perspective) if claim.perspective else "",
            claim.perspective or "",
            claim.kind.value,
            claim.cue or "",
            LIST_SEPARATOR.join(claim.hedges),
            group_id,
            found.label if found else "",
            titles.get(group_id, "") if found else "",
        ]
        rows.append([
            *(neutralise(v) for v in text_cells),
            str(claim.start),
            str(claim.end),
            neutralise(claim.id),
            neutralise(claim.note or ""),
            neutralise(claim.text),
            LIST_SEPARATOR.join(
                [*(["claim"] if claim.id in edited_claims else []),
                 *(["event"] if group_id and group_id in edited_groups else [])]),
        ])
    return rows


def render_csv(analysis: Analysis) -> bytes:
    """The claims table as CSV bytes (UTF-8 with BOM, CRLF, RFC 4180 quoting)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerows(csv_rows(analysis))
    return buffer.getvalue().encode("utf-8-sig")
