"""Compare: the view model of an Analysis, as the TUI and the reports show it.

Events (groups) become rows sorted by importance; perspectives become columns; each cell holds
the claims one perspective makes about one event. Everything is indexed once when the
Comparison is built, so every lookup the UI makes per keypress is a dict access.

The view model is derived in memory and never serialised, so it uses slotted dataclasses
rather than pydantic models: building it for 10k claims must stay in the tens of milliseconds.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from core.models import Analysis, Claim, Document, Group, Link, Perspective

UNGROUPED_EVENT = "__ungrouped__"
UNGROUPED_LABEL = "Not grouped"
UNASSIGNED_PERSPECTIVE = "__unassigned__"
UNASSIGNED_LABEL = "No perspective"

# Fuzzy filter: a query word of FILTER_FUZZY_MIN_LENGTH letters or more matches a text word
# when rapidfuzz's ratio reaches FILTER_MIN_SCORE (100 = the same word; 85 lets 'apeared' find
# 'appeared' and 'politcal' find 'political' but keeps 'threat' from finding 'that').
FILTER_MIN_SCORE = 85.0
FILTER_FUZZY_MIN_LENGTH = 5

# Words that deny or dispute; with a hedge, they make an event "contested" when two or more
# perspectives speak about it.
NEGATION_CUES = re.compile(
    r"\b(?:not|no|never|nothing|den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|"
    r"false|baseless|untrue|ridiculous|nonsense|disput(?:e|es|ed))\b|n't\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class PerspectiveColumn:
    """One side of the story, as a column of the comparison."""

    id: str
    label: str
    kind: str
    claims: int


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event (group) as a row of the event list."""

    id: str
    label: str
    claims: int
    perspectives: tuple[str, ...] = field(
        metadata={"doc": "Perspectives that speak about the event, in column order."}
    )
    silent: tuple[str, ...] = field(
        metadata={"doc": "Perspectives of the case (author excluded) that say nothing here."}
    )
    contested: bool = field(
        metadata={"doc": "Two or more non-author perspectives speak and one denies or hedges."}
    )
    terms: tuple[str, ...] = ()
    suggestions: int = 0
    voices: int = field(
        default=0, metadata={"doc": "How many of the speaking perspectives are not the author."}
    )


@dataclass(frozen=True, slots=True)
class LinkReason:
    """Why a claim sits in its group: one scored link to another claim."""

    other: str
    score: float
    terms: tuple[str, ...]
    tier: str


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """The paragraph around a claim, with the claim's span relative to the paragraph."""

    claim: Claim
    document: Document | None
    paragraph: str
    span_start: int
    span_end: int
    reasons: tuple[LinkReason, ...]


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """One speaker with the number of claims attributed to them."""

    id: str
    name: str
    role: str | None
    perspective: str
    perspective_label: str
    anonymous: bool
    claims: int
    documents: int


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One document with what it contributes."""

    id: str
    title: str
    outlet: str | None
    published: str | None
    path: str
    claims: int
    speakers: int
    perspectives: int


@dataclass(frozen=True, slots=True)
class Filtered:
    """The result of a filter: matching events (in importance order) and claim ids."""

    query: str
    events: tuple[EventRow, ...]
    claims: frozenset[str] | None = field(
        metadata={"doc": "Claims that match the query; None means every claim (no filter)."}
    )

    def shows(self, claim_id: str) -> bool:
        """True when the claim passes the filter."""
        return self.claims is None or claim_id in self.claims


class Comparison:
    """An Analysis indexed for comparison: events × perspectives → claims."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.documents: dict[str, Document] = {d.id: d for d in analysis.documents}
        self.claims: dict[str, Claim] = {c.id: c for c in analysis.claims}
        self.groups: dict[str, Group] = {g.id: g for g in analysis.groups}
        self.perspectives: dict[str, Perspective] = {p.id: p for p in analysis.perspectives}
        self._document_order = {d.id: i for i, d in enumerate(analysis.documents)}
        self._search: SearchIndex | None = None

        group_of: dict[str, str] = {}
        for group in analysis.groups:
            for claim_id in group.claims:
                group_of.setdefault(claim_id, group.id)
        cells: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
        perspective_counts: Counter[str] = Counter()
        self._event_of: dict[str, str] = {}
        for claim in analysis.claims:
            event = claim.group or group_of.get(claim.id) or UNGROUPED_EVENT
            self._event_of[claim.id] = event
            perspective = self.perspective_of(claim)
            cells[event][perspective].append(claim)
            perspective_counts[perspective] += 1
        for by_perspective in cells.values():
            for claim_list in by_perspective.values():
                claim_list.sort(key=self._reading_order)

        self.columns: list[PerspectiveColumn] = self._order_columns(perspective_counts)
        self._column_index = {c.id: i for i, c in enumerate(self.columns)}
        self.cells: dict[str, dict[str, list[Claim]]] = {
            event: dict(by_perspective) for event, by_perspective in cells.items()
        }
        self.events: list[EventRow] = self._event_rows()
        self.event_index: dict[str, int] = {e.id: i for i, e in enumerate(self.events)}
        self._reasons: dict[str, list[LinkReason]] | None = None

    # ---- columns and rows -------------------------------------------------------------

    def perspective_of(self, claim: Claim) -> str:
        """The column id a claim belongs to (a pseudo column when it has no perspective)."""
        if claim.perspective and claim.perspective in self.perspectives:
            return claim.perspective
        return UNASSIGNED_PERSPECTIVE

    def column(self, perspective_id: str) -> PerspectiveColumn:
        """The column for a perspective id."""
        return self.columns[self._column_index[perspective_id]]

    def perspective_label(self, perspective_id: str | None) -> str:
        """A readable label for a perspective id."""
        if perspective_id is None or perspective_id == UNASSIGNED_PERSPECTIVE:
            return UNASSIGNED_LABEL
        found = self.perspectives.get(perspective_id)
        return found.label if found else perspective_id

    def _reading_order(self, claim: Claim) -> tuple[int, int]:
        return (self._document_order.get(claim.document, 0), claim.start)

    def _order_columns(self, counts: Counter[str]) -> list[PerspectiveColumn]:
        """Perspectives by claim count; the author's voice and unassigned claims come last."""
        columns = [
            PerspectiveColumn(p.id, p.label, p.kind, counts.get(p.id, 0))
            for p in self.analysis.perspectives
        ]
        if counts.get(UNASSIGNED_PERSPECTIVE):
            columns.append(
                PerspectiveColumn(
                    UNASSIGNED_PERSPECTIVE, UNASSIGNED_LABEL, "other", counts[UNASSIGNED_PERSPECTIVE]
                )
            )
        rank = {"author": 1}
        columns.sort(
            key=lambda c: (
                2 if c.id == UNASSIGNED_PERSPECTIVE else rank.get(c.kind, 0),
                -c.claims,
                c.label.casefold(),
            )
        )
        return columns

    def is_voice(self, perspective_id: str) -> bool:
        """Perspectives whose silence means something: not the author, not 'unassigned'."""
        if perspective_id == UNASSIGNED_PERSPECTIVE:
            return False
        found = self.perspectives.get(perspective_id)
        return found is None or found.kind != "author"

    def _event_rows(self) -> list[EventRow]:
        voices = [c.id for c in self.columns if self.is_voice(c.id) and c.claims]
        rows: list[EventRow] = []
        first_seen: dict[str, tuple[int, int]] = {}
        for event_id, by_perspective in self.cells.items():
            speaking = tuple(c.id for c in self.columns if by_perspective.get(c.id))
            claims = [claim for claim_list in by_perspective.values() for claim in claim_list]
            first_seen[event_id] = min(self._reading_order(c) for c in claims)
            group = self.groups.get(event_id)
            speaking_voices = [p for p in speaking if self.is_voice(p)]
            contested = len(speaking_voices) >= 2 and any(
                claim.hedges or NEGATION_CUES.search(claim.text) for claim in claims
            )
            rows.append(
                EventRow(
                    id=event_id,
                    label=(group.label.strip() or "(unlabelled event)") if group else UNGROUPED_LABEL,
                    claims=len(claims),
                    perspectives=speaking,
                    silent=tuple(p for p in voices if p not in by_perspective),
                    contested=contested,
                    terms=tuple(group.terms) if group else (),
                    suggestions=len(group.suggestions) if group else 0,
                    voices=len(speaking_voices),
                )
            )
        # Importance: most perspectives first, then most claims, then reading order.
        rows.sort(
            key=lambda r: (
                r.id == UNGROUPED_EVENT,
                -r.voices,
                -r.claims,
                first_seen[r.id],
            )
        )
        return rows

    def claims_in(self, event_id: str, perspective_id: str) -> list[Claim]:
        """The claims one perspective makes about one event, in reading order."""
        return self.cells.get(event_id, {}).get(perspective_id, [])

    def event_of(self, claim_id: str) -> str:
        """The event (group id or the ungrouped pseudo event) a claim belongs to."""
        return self._event_of.get(claim_id, UNGROUPED_EVENT)

    # ---- matrix, speakers, sources ----------------------------------------------------

    def matrix(self) -> list[tuple[EventRow, list[int]]]:
        """Events × perspective columns: how many claims each perspective makes per event."""
        return [
            (event, [len(self.claims_in(event.id, c.id)) for c in self.columns])
            for event in self.events
        ]

    def speaker_rows(self) -> list[SpeakerRow]:
        """Every speaker with claim and document counts, most claims first."""
        claims_by_speaker: Counter[str] = Counter()
        docs_by_speaker: dict[str, set[str]] = defaultdict(set)
        perspective_by_speaker: dict[str, str] = {}
        for claim in self.analysis.claims:
            key = claim.speaker_id or claim.speaker
            if key is None:
                continue
            claims_by_speaker[key] += 1
            docs_by_speaker[key].add(claim.document)
            perspective_by_speaker.setdefault(key, self.perspective_of(claim))
        rows: list[SpeakerRow] = []
        known: set[str] = set()
        for speaker in self.analysis.speakers:
            known.add(speaker.id)
            perspective = speaker.perspective or perspective_by_speaker.get(
                speaker.id, UNASSIGNED_PERSPECTIVE
            )
            rows.append(
                SpeakerRow(
                    id=speaker.id,
                    name=speaker.name,
                    role=speaker.role,
                    perspective=perspective,
                    perspective_label=self.perspective_label(perspective),
                    anonymous=speaker.anonymous,
                    claims=claims_by_speaker.get(speaker.id, speaker.claims),
                    documents=len(docs_by_speaker.get(speaker.id, ())),
                )
            )
        # Claims whose speaker was never resolved into a Speaker still deserve a row.
        for key, count in claims_by_speaker.items():
            if key in known:
                continue
            perspective = perspective_by_speaker[key]
            rows.append(
                SpeakerRow(
                    id=key,
                    name=key,
                    role=None,
                    perspective=perspective,
                    perspective_label=self.perspective_label(perspective),
                    anonymous=False,
                    claims=count,
                    documents=len(docs_by_speaker[key]),
                )
            )
        rows.sort(key=lambda r: (-r.claims, r.name.casefold()))
        return rows

    def source_rows(self) -> list[SourceRow]:
        """Every document with its claim, speaker and perspective counts, in input order."""
        claims: Counter[str] = Counter()
        speakers: dict[str, set[str]] = defaultdict(set)
        perspectives: dict[str, set[str]] = defaultdict(set)
        for claim in self.analysis.claims:
            claims[claim.document] += 1
            speaker = claim.speaker_id or claim.speaker
            if speaker:
                speakers[claim.document].add(speaker)
            perspectives[claim.document].add(self.perspective_of(claim))
        return [
            SourceRow(
                id=doc.id,
                title=doc.title or doc.path.rsplit("/", 1)[-1],
                outlet=doc.outlet,
                published=doc.published,
                path=doc.path,
                claims=claims.get(doc.id, 0),
                speakers=len(speakers.get(doc.id, ())),
                perspectives=len(perspectives.get(doc.id, ())),
            )
            for doc in self.analysis.documents
        ]

    # ---- context ----------------------------------------------------------------------

    def context(self, claim_id: str) -> ClaimContext:
        """The claim's paragraph (blank-line separated block) with the span inside it."""
        claim = self.claims[claim_id]
        document = self.documents.get(claim.document)
        if document is None:
            return ClaimContext(
                claim, None, claim.text, 0, len(claim.text), tuple(self.reasons(claim_id))
            )
        text = document.text
        start, end = paragraph_bounds(text, claim.start, claim.end)
        return ClaimContext(
            claim=claim,
            document=document,
            paragraph=text[start:end],
            span_start=claim.start - start,
            span_end=claim.end - start,
            reasons=tuple(self.reasons(claim_id)),
        )

    def reasons(self, claim_id: str) -> list[LinkReason]:
        """Links that hold the claim in its group (merges first, then suggestions), best first."""
        if self._reasons is None:
            self._reasons = defaultdict(list)
            for group in self.analysis.groups:
                for link in (*group.links, *group.suggestions):
                    self._reasons[link.a].append(_reason(link, link.b))
                    self._reasons[link.b].append(_reason(link, link.a))
            for reasons in self._reasons.values():
                reasons.sort(key=lambda r: (r.tier != "merge", -r.score))
        return self._reasons.get(claim_id, [])

    # ---- filter -----------------------------------------------------------------------

    def filter(self, query: str) -> Filtered:
        """Events and claims matching a fuzzy query (claim text, speaker, event label, terms).

        Every word of the query must match a word of the claim (or of the event label): the
        same word, a word it starts (so typing 'polit' finds 'political'), or a word within
        rapidfuzz ratio FILTER_MIN_SCORE (typos: 'apeared' finds 'appeared'). An event whose
        label matches keeps all its claims; otherwise it is shown with its matching claims.
        """
        tokens = WORD.findall(query.casefold())
        if not tokens:
            return Filtered("", tuple(self.events), None)
        index = self.search_index()
        matched_claims = index.claims.match(tokens)
        matched_events = index.events.match(tokens)
        events: list[EventRow] = []
        shown: set[int] = set(matched_claims)
        for position, event in enumerate(self.events):
            members = index.event_members[position]
            if position in matched_events:
                events.append(event)
                shown.update(members)
            elif not matched_claims.isdisjoint(members):
                events.append(event)
        claim_ids = index.claim_ids
        return Filtered(query, tuple(events), frozenset(claim_ids[i] for i in shown))

    def search_index(self) -> SearchIndex:
        """The word index behind `filter`, built on first use (call early to warm it)."""
        if self._search is None:
            claim_ids = list(self.claims)
            position = {claim_id: i for i, claim_id in enumerate(claim_ids)}
            claims = WordIndex(_search_key(self.claims[c]) for c in claim_ids)
            events = WordIndex(" ".join((e.label, *e.terms)) for e in self.events)
            members = [
                frozenset(position[c] for c in self._event_claim_ids(e.id)) for e in self.events
            ]
            self._search = SearchIndex(claim_ids, claims, events, members)
        return self._search

    def _event_claim_ids(self, event_id: str) -> Iterable[str]:
        for claim_list in self.cells.get(event_id, {}).values():
            for claim in claim_list:
                yield claim.id


WORD = re.compile(r"\w+")


class WordIndex:
    """Words → the documents (by position) that hold them, for fast fuzzy word search."""

    def __init__(self, texts: Iterable[str]) -> None:
        postings: dict[str, set[int]] = defaultdict(set)
        for position, text in enumerate(texts):
            for word in WORD.findall(text.casefold()):
                postings[word].add(position)
        self.postings = postings
        self.words = sorted(postings)

    def match(self, tokens: Sequence[str]) -> set[int]:
        """Positions whose text has a matching word for every token."""
        result: set[int] | None = None
        for token in tokens:
            found: set[int] = set()
            for word in self._similar(token):
                found |= self.postings[word]
            result = found if result is None else result & found
            if not result:
                return set()
        return result or set()

    def _similar(self, token: str) -> list[str]:
        # Words starting with the token: a binary search in the sorted vocabulary.
        start = bisect.bisect_left(self.words, token)
        similar: list[str] = []
        for word in itertools.islice(self.words, start, None):
            if not word.startswith(token):
                break
            similar.append(word)
        if len(token) >= FILTER_FUZZY_MIN_LENGTH:
            similar.extend(
                word
                for word, _, _ in process.extract(
                    token, self.words, scorer=fuzz.ratio, score_cutoff=FILTER_MIN_SCORE,
                    limit=None,
                )
            )
        return similar


@dataclass(frozen=True, slots=True)
class SearchIndex:
    """Word indexes of claims and event labels, and each event's claims (by claim position)."""

    claim_ids: list[str]
    claims: WordIndex
    events: WordIndex
    event_members: list[frozenset[int]]


def _reason(link: Link, other: str) -> LinkReason:
    terms = tuple(t.a if t.a.casefold() == t.b.casefold() else f"{t.a}~{t.b}" for t in link.terms)
    return LinkReason(other=other, score=link.score, terms=terms, tier=link.tier)


def _search_key(claim: Claim) -> str:
    return " ".join(filter(None, (claim.text, claim.speaker, claim.role))).casefold()


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The blank-line separated block(s) of `text` that hold [start, end), whitespace trimmed."""
    left = text.rfind("\n\n", 0, start)
    left = 0 if left < 0 else left + 2
    right = text.find("\n\n", max(end, start))
    right = len(text) if right < 0 else right
    while left < start and text[left].isspace():
        left += 1
    while right > end and text[right - 1].isspace():
        right -= 1
    return left, right


def build_comparison(analysis: Analysis) -> Comparison:
    """Index an Analysis for comparison (events × perspectives)."""
    return Comparison(analysis)


def case_counts(analysis: Analysis, events: Sequence[EventRow]) -> dict[str, int]:
    """Numbers for a header line: sources, claims, events, perspectives."""
    return {
        "sources": len(analysis.documents),
        "claims": len(analysis.claims),
        "events": sum(1 for e in events if e.id != UNGROUPED_EVENT),
        "perspectives": len(analysis.perspectives),
    }
