"""What every comparison report (Markdown, HTML) says, independent of its markup.

`build_report` turns an Analysis into a `Report`: sources numbered S1…Sn, perspectives with their
speakers, event sections (one column per perspective that speaks, the silent ones named), the
coverage matrix and the method note. The renderers only escape and lay it out, so the Markdown
and HTML reports always say the same thing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from core.compare import (
    UNGROUPED_EVENT,
    Comparison,
    EventRow,
    PerspectiveColumn,
    SpeakerRow,
    link_terms,
)
from core.models import Analysis, AppliedEdit, Claim, ClaimKind, Document
from core.tokens import cut_at_word

# Characters that change text direction for everything after them until closed. A claim that
# contains one could reorder the rest of a report line, so renderers isolate such text.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# C0 controls other than tab and newline (and DEL) have no place in a report: they become
# their visible Unicode "control picture" (ESC → ␛) so nothing reaches a terminal or parser.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")

KIND_LABELS = {
    ClaimKind.DIRECT: "quote",
    ClaimKind.INDIRECT: "reported",
    ClaimKind.NARRATION: "narration",
}


def visible_controls(text: str) -> str:
    """Replace C0 control characters (not tab/newline) with their visible control pictures."""
    if not CONTROL_CHARS.search(text):
        return text
    return CONTROL_CHARS.sub(
        lambda m: chr(0x2421) if m.group() == "\x7f" else chr(0x2400 + ord(m.group())), text
    )


ARTICLE_MARK = " (article)"
_APOSTROPHE_CHARS = "'’‘ʼ"


def as_written(term: str, texts: Iterable[str]) -> str:
    """A shared word the grouping gives lower-cased (an 'o'neill (article)' word the claims
    inherit from their article, found in no claim's own words), as the first of `texts`
    that holds it writes it ('O’Neill (article)'); unchanged when none does or it has capitals."""
    if not term.endswith(ARTICLE_MARK):
        return term
    word, mark = term[: -len(ARTICLE_MARK)], ARTICLE_MARK
    if not word or word != word.lower() or "≈" in word or not any(c.isalpha() for c in word):
        return term
    pattern = re.compile(
        r"(?<!\w)"
        + "".join(f"[{_APOSTROPHE_CHARS}]" if c in _APOSTROPHE_CHARS else re.escape(c)
                  for c in word)
        + r"(?!\w)", re.IGNORECASE)
    for text in texts:
        found = pattern.search(text)
        if found is not None:
            return found.group() + mark
    return term


def has_bidi_controls(text: str) -> bool:
    """True when the text holds explicit direction overrides, embeddings, isolates or marks."""
    return BIDI_CONTROLS.search(text) is not None


@dataclass(frozen=True, slots=True)
class Source:
    """A document with its short label (S1, S2 …) used in provenance references."""

    label: str
    document: Document

    @property
    def title(self) -> str:
        return self.document.title or self.document.path.rsplit("/", 1)[-1] or self.document.id

    @property
    def heading(self) -> str:
        """'S2 · nytimes.com': the label and the outlet (else the title), for table columns."""
        name = self.document.outlet or self.title
        return f"{self.label} · {cut_at_word(name, SOURCE_HEADING_CHARS)}"


SOURCE_HEADING_CHARS = 24


@dataclass(frozen=True, slots=True)
class PerspectiveSummary:
    """A perspective with the speakers mapped to it."""

    column: PerspectiveColumn
    speakers: tuple[SpeakerRow, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    """The claims one perspective makes about one event."""

    column: PerspectiveColumn
    claims: tuple[Claim, ...]


@dataclass(frozen=True, slots=True)
class EventSection:
    """One event: a side-by-side row of cells, and the perspectives that stay silent."""

    number: int
    row: EventRow
    cells: tuple[Cell, ...]
    silent: tuple[PerspectiveColumn, ...]

    note: str | None = None
    title: str = ""  # the event's readable name (Comparison.event_title); the label when empty

    @property
    def ungrouped(self) -> bool:
        return self.row.id == UNGROUPED_EVENT


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A 'maybe the same event' link that was kept for the analyst and not merged."""

    a: Claim
    b: Claim
    event_a: str
    event_b: str
    score: float
    terms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Report:
    """Everything a comparison report shows, in the order it shows it."""

    title: str
    generated: str
    counts: dict[str, int]
    sources: tuple[Source, ...]
    perspectives: tuple[PerspectiveSummary, ...]
    events: tuple[EventSection, ...]
    matrix_columns: tuple[PerspectiveColumn, ...]
    matrix: tuple[tuple[EventSection, tuple[int, ...]], ...]
    suggestions: tuple[Suggestion, ...]
    merge_threshold: float
    suggest_threshold: float
    extra_settings: tuple[tuple[str, str], ...]
    errors: tuple[tuple[str, str], ...]
    source_of: dict[str, Source]
    # claims per event (rows) and source (columns, in `sources` order): which outlets report
    # which events; empty with a single source
    source_matrix: tuple[tuple[EventSection, tuple[int, ...]], ...] = ()
    # claim id → its whole sentence, for claims that say little on their own (as the TUI's
    # cards show them: 'Iran called the closure "ridiculous."')
    sentence_of: dict[str, str] = field(default_factory=dict)
    # the analyst's edits (in plain words), and the claims and events they changed: reports
    # list the edits and mark those items "edited", so human judgement reads apart from the
    # machine's output
    edits: tuple[AppliedEdit, ...] = ()
    edited_claims: frozenset[str] = frozenset()
    edited_events: frozenset[str] = frozenset()


def format_generated(generated: datetime | None) -> str:
    """The report date: `generated` (for reproducible output) or now, in UTC when aware."""
    moment = generated or datetime.now(UTC)
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
        return moment.strftime("%Y-%m-%d %H:%M UTC")
    return moment.strftime("%Y-%m-%d %H:%M")


def report_title(analysis: Analysis) -> str:
    """The analysis title, or a neutral one built from the number of sources."""
    if analysis.title and analysis.title.strip():
        return analysis.title.strip()
    n = len(analysis.documents)
    return f"Comparison of {n} source{'s' if n != 1 else ''}"


def build_report(
    analysis: Analysis,
    generated: datetime | None = None,
    comparison: Comparison | None = None,
) -> Report:
    """Lay out an analysis as a report (pure: no markup, no escaping)."""
    comp = comparison or Comparison(analysis)
    sources = tuple(Source(f"S{i}", doc) for i, doc in enumerate(analysis.documents, start=1))
    source_of = {s.document.id: s for s in sources}
    columns = {c.id: c for c in comp.columns}

    speaker_rows = comp.speaker_rows()
    by_perspective: dict[str, list[SpeakerRow]] = defaultdict(list)
    for speaker in speaker_rows:
        by_perspective[speaker.perspective].append(speaker)
    perspectives = tuple(
        PerspectiveSummary(c, tuple(by_perspective.get(c.id, ())))
        for c in comp.columns
        if c.claims or by_perspective.get(c.id)
    )

    events: list[EventSection] = []
    for number, row in enumerate(comp.events, start=1):
        cells = tuple(Cell(columns[p], tuple(comp.claims_in(row.id, p))) for p in row.perspectives)
        silent = tuple(columns[p] for p in row.silent if p in columns)
        group = comp.groups.get(row.id)
        note = group.note if group else None
        events.append(EventSection(number, row, cells, silent, note, comp.event_title(row.id)))
    sentence_of: dict[str, str] = {}
    for section in events:
        for cell in section.cells:
            for claim in cell.claims:
                found = comp.card_sentence(claim)
                if found is not None:
                    sentence_of[claim.id] = " ".join(found[0].split())

    source_matrix: tuple[tuple[EventSection, tuple[int, ...]], ...] = ()
    if len(sources) > 1:
        rows = []
        for section in events:
            per_doc = Counter(c.document for cell in section.cells for c in cell.claims)
            rows.append((section, tuple(per_doc.get(s.document.id, 0) for s in sources)))
        source_matrix = tuple(rows)

    # The matrix shows every column that has a claim somewhere; empty perspectives add nothing.
    matrix_columns = tuple(c for c in comp.columns if c.claims)
    section_of = {e.row.id: e for e in events}
    matrix = tuple(
        (section_of[row.id], tuple(counts[i] for i, c in enumerate(comp.columns) if c.claims))
        for row, counts in comp.matrix()
    )

    event_label = {e.row.id: event_name(e) for e in events}
    event_of_claim: dict[str, str] = {}
    for event_id, cells_by_perspective in comp.cells.items():
        for claim_list in cells_by_perspective.values():
            for claim in claim_list:
                event_of_claim[claim.id] = event_id
    suggestions: list[Suggestion] = []
    seen: set[tuple[str, str]] = set()
    for group in analysis.groups:
        for link in group.suggestions:
            key = (min(link.a, link.b), max(link.a, link.b))
            a, b = comp.claims.get(link.a), comp.claims.get(link.b)
            if key in seen or a is None or b is None:
                continue
            seen.add(key)
            texts = [source_of[c.document].document.text for c in (a, b)
                     if c.document in source_of]
            terms = tuple(as_written(t, texts) for t in link_terms(link.terms, " ~ "))
            suggestions.append(
                Suggestion(
                    a=a,
                    b=b,
                    event_a=event_label.get(event_of_claim.get(a.id, UNGROUPED_EVENT), "?"),
                    event_b=event_label.get(event_of_claim.get(b.id, UNGROUPED_EVENT), "?"),
                    score=link.score,
                    terms=terms,
                )
            )
    suggestions.sort(key=lambda s: -s.score)
    edited_claims = frozenset(c for edit in analysis.edits for c in edit.claims)
    edited_events = frozenset(
        event_of_claim[c] for edit in analysis.edits for c in edit.events if c in event_of_claim
    ) - {UNGROUPED_EVENT}

    settings = analysis.settings
    return Report(
        title=report_title(analysis),
        generated=format_generated(generated),
        counts={
            "sources": len(analysis.documents),
            "claims": len(analysis.claims),
            "events": sum(1 for e in events if not e.ungrouped),
            # as the TUI counts them: the sides that speak, not the author or the unassigned
            "perspectives": len(comp.voices),
            "speakers": len(speaker_rows),
        },
        sources=sources,
        perspectives=perspectives,
        events=tuple(events),
        matrix_columns=matrix_columns,
        matrix=matrix,
        suggestions=tuple(suggestions),
        source_matrix=source_matrix,
        merge_threshold=settings.merge_threshold,
        suggest_threshold=settings.suggest_threshold,
        extra_settings=tuple((k, str(v)) for k, v in sorted(settings.extra.items())),
        errors=tuple((e.path, e.reason) for e in analysis.errors),
        source_of=source_of,
        sentence_of=sentence_of,
        edits=tuple(analysis.edits),
        edited_claims=edited_claims,
        edited_events=edited_events,
    )


def event_name(section: EventSection) -> str:
    """'Event 3: name' (or the label of the pseudo event of ungrouped claims).

    The name is the one the TUI shows: the analyst's label, else a readable phrase built from
    the machine's keyword label (which JSON and CSV exports keep as `label`)."""
    if section.ungrouped:
        return section.row.label
    return f"Event {section.number}: {section.title or section.row.label}"


def speaker_name(claim: Claim, report: Report) -> str:
    """Who says it: the speaker, or the outlet/author for narration, or 'unknown speaker'."""
    if claim.speaker:
        return claim.speaker
    if claim.kind is ClaimKind.NARRATION:
        source = report.source_of.get(claim.document)
        doc = source.document if source else None
        author = (doc.outlet or doc.author) if doc else None
        return f"Narration ({author})" if author else "Narration"
    return "Unknown speaker"


def provenance(claim: Claim, report: Report) -> str:
    """'S1 311–780': the source label and the claim's character offsets [start, end)."""
    source = report.source_of.get(claim.document)
    label = source.label if source else claim.document
    return f"{label} {claim.start}–{claim.end}"


def claim_details(claim: Claim) -> list[str]:
    """The annotations shown after the speaker: role, anonymity, via chain, cue, hedges."""
    details: list[str] = []
    if claim.role:
        details.append(claim.role)
    if claim.anonymous:
        details.append("anonymous")
    if claim.via:
        details.append("via " + " → ".join(claim.via))
    if claim.cue:
        details.append(f"cue: {claim.cue}")
    if claim.hedges:
        details.append("hedges: " + ", ".join(claim.hedges))
    return details


def plural(n: int, word: str) -> str:
    """'1 claim', '2 claims'."""
    return f"{n} {word}{'' if n == 1 else 's'}"


def voices_phrase(speaking: int, total: int) -> str:
    """'2 of 5 perspectives': how many of the case's perspectives speak about an event (the
    TUI's n/m; the author's narration and unassigned claims do not count). With none in the
    case, 'no perspective identified' (not '0 of 0 perspectives')."""
    if not total:
        return "no perspective identified"
    return f"{speaking} of {plural(total, 'perspective')}"


def counts_line(report: Report) -> str:
    """'3 sources · 27 claims · 9 events · 5 perspectives'."""
    c = report.counts
    return " · ".join(
        plural(c[key], key[:-1]) for key in ("sources", "claims", "events", "perspectives")
    )


def format_score(score: float) -> str:
    return f"{score:.2f}"


def method_sentences(report: Report) -> list[str]:
    """The method note, as plain sentences (no user text inside)."""
    merge, suggest = format_score(report.merge_threshold), format_score(report.suggest_threshold)
    return [
        "Claims were extracted with their exact character spans; each provenance reference "
        "gives the source label and the offsets [start–end) into that source's text.",
        "Each speaker was mapped to one perspective (the reason is kept per speaker); claims "
        "without a named speaker are the narration of their source.",
        "Claims were grouped into events by fuzzy matching of their salient terms (rapidfuzz): "
        f"two claims whose link score is at least {merge} (merge threshold) share an event "
        "(average linkage inside each connected set keeps loosely related claims apart; a "
        "speaker's denial of what another perspective asserts joins the event it denies).",
        f"Pairs scoring at least {suggest} (suggest threshold) but below {merge} are listed "
        "below as suggestions: they were never merged without an analyst's decision. A "
        "suggestion's score is the mean over the claim pairs of its two events; two events "
        f"whose strongest pair reaches {merge} with claims from different perspectives are "
        "suggested as rival accounts even when that mean is lower.",
        "A perspective is named as silent on an event when it speaks elsewhere in the case "
        "but makes no claim about that event; the author's own narration is not counted.",
        edits_sentence(report),
    ]


EDITED_MARK = "edited"


def edits_sentence(report: Report) -> str:
    """The method note's word on the analyst: how many edits changed the machine's output."""
    n = len(report.edits)
    if not n:
        return ("No analyst edits were applied: the events, speakers and perspectives are the "
                "machine's output.")
    return (f"{plural(n, 'edit')} by the analyst {'was' if n == 1 else 'were'} then applied on "
            "top of the machine's output (listed under Analyst edits); the events and claims "
            f"they changed are marked “{EDITED_MARK}”.")


def edits_heading(report: Report) -> str:
    """'Analyst edits (3)'; 'Analyst edits' when there are none."""
    return f"Analyst edits ({len(report.edits)})" if report.edits else "Analyst edits"


def edit_line(edit: AppliedEdit) -> str:
    """'Moved claim “…” from event “A” to event “B”.': one edit as a sentence."""
    text = edit.description.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
