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

from core.discourse import SentenceLocator, claim_sentence
from core.models import Analysis, Claim, Document, Group, Link, MatchedTerm, Perspective
from core.rivals import RIVAL_MIN_TERMS, Stance, claim_side, rebuts, rival_sides, stance
from core.segment import TITLE_ABBREVIATIONS
from core.tokens import MONTHS, Tokenizer

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
# perspectives speak about it. A plain negation ('not', 'no', "n't") counts only when it
# answers another side's claim (core.rivals.rebuts): "no-man's land" disputes nothing.
NEGATION_CUES = re.compile(
    r"\b(?:not|no|never|nothing|den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|"
    r"false|baseless|untrue|ridiculous|nonsense|disput(?:e|es|ed))\b|n't\b",
    re.IGNORECASE,
)
DENIAL_CUES = re.compile(
    r"\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|dismiss(?:es|ed)?|false|baseless|untrue|"
    r"ridiculous|nonsense|disput(?:e|es|ed)|mistake|wrong|misleading|absurd|lies|lied|lying|"
    r"disagree(?:s|d)?|contradict(?:s|ed)?)\b",
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
        metadata={"doc": "Two or more non-author perspectives speak and one denies or hedges "
                         "(a plain 'not' only when it answers another side's claim)."}
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
    # a suggestion kept below the suggestion threshold because two sides answer each other
    rival: bool = False
    # one side denies what the other asserts (core.rivals.attach_rebuttals keeps them together)
    denial: bool = False


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
    perspectives: int = field(
        metadata={"doc": "Perspectives speaking in the document (not author, not unassigned)."}
    )
    author: str | None = None


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
        # What every count of "perspectives" means (header, Sources, event list 'n/m', Matrix):
        # the sides that speak in the case, without the author's narration and the unassigned.
        self.voices: tuple[str, ...] = tuple(
            c.id for c in self.columns if self.is_voice(c.id) and c.claims
        )
        self.cells: dict[str, dict[str, list[Claim]]] = {
            event: dict(by_perspective) for event, by_perspective in cells.items()
        }
        self._stances: dict[str, Stance] = {}
        self._tokenizer = Tokenizer()
        self.events: list[EventRow] = self._event_rows()
        self.event_index: dict[str, int] = {e.id: i for i, e in enumerate(self.events)}
        self._links_of: dict[str, list[Link]] | None = None
        self._reasons: dict[str, list[LinkReason]] = {}
        self._sentences: dict[str, tuple[str, int, int] | None] = {}
        self._df: Counter[str] | None = None
        self._locator = SentenceLocator()
        self._titles: dict[str, str] = {}

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
        voices = self.voices
        rows: list[EventRow] = []
        first_seen: dict[str, tuple[int, int]] = {}
        for event_id, by_perspective in self.cells.items():
            speaking = tuple(c.id for c in self.columns if by_perspective.get(c.id))
            claims = [claim for claim_list in by_perspective.values() for claim in claim_list]
            first_seen[event_id] = min(self._reading_order(c) for c in claims)
            group = self.groups.get(event_id)
            speaking_voices = [p for p in speaking if self.is_voice(p)]
            contested = len(speaking_voices) >= 2 and self._contested(
                [c for c in claims if c.perspective in speaking_voices])
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

    def event_title(self, event_id: str) -> str:
        """The event's name as the TUI shows it (see `readable_label`), computed on first use.

        Lazy: the event list renders only the rows on screen, so a 2k-event case pays for the
        few dozen titles it shows, not for all of them when the Comparison is built.
        """
        title = self._titles.get(event_id)
        if title is None:
            row = self.events[self.event_index[event_id]] if event_id in self.event_index else None
            group = self.groups.get(event_id)
            if group is None or row is None:
                title = row.label if row is not None else event_id
            else:
                claims = [self.claims[c] for c in group.claims if c in self.claims]
                label, terms, texts = group.label, group.terms, [c.text for c in claims]
                if is_keyword_label(label, terms):
                    disputed = self._disputed_terms(claims, terms)
                    if disputed:  # a row where sides answer each other: named by what they share
                        label, terms = " · ".join(disputed), disputed
                        texts = [c.text for c in claims if claim_side(c)] + texts
                title = readable_label(label, terms, texts, fallback=row.label)
            self._titles[event_id] = title
        return title

    def _disputed_terms(self, claims: Sequence[Claim], terms: Sequence[str]) -> list[str]:
        """What one side denies and another asserts in an event (core.rivals.rebuts), rarest in
        the case first, when the event's salient `terms` miss it: the Iraqi official's 'not
        driven by any credible threat from Iran' against Pompeo's 'threats … from the Government
        of Iran' sit in a row the grouping names for its indirect fire. Else none."""
        voiced = [(c, side) for c in claims if (side := claim_side(c)) is not None]
        denied: set[str] = set()
        for a, side_a in voiced:
            stance_a = self._stance(a)
            if not stance_a.negated:
                continue
            for b, side_b in voiced:
                if side_b != side_a and rebuts(stance_a, (stance_b := self._stance(b))):
                    denied |= stance_a.negated & (stance_b.terms - stance_b.negated)
        if not denied:
            return []
        salient = {t for term in terms[:3] for t in self._tokenizer.terms(term)[0]}
        if salient & denied:
            return []
        forms: dict[str, str] = {}
        for claim, _side in voiced:
            found, surfaces, _negation = self._tokenizer.terms(claim.text)
            for term, form in zip(found, surfaces, strict=True):
                forms.setdefault(term, form)
        df = self._term_frequencies()
        ranked = sorted((t for t in denied if t in forms), key=lambda t: (df.get(t, 0), t))
        return [forms[t] for t in ranked[:3]]

    def _term_frequencies(self) -> Counter[str]:
        """How many claims of the case use each term (computed once, when first needed)."""
        if self._df is None:
            self._df = Counter()
            for claim in self.analysis.claims:
                self._df.update(set(self._tokenizer.terms(claim.text)[0]))
        return self._df

    def card_sentence(self, claim: Claim) -> tuple[str, int, int] | None:
        """(sentence, claim start, claim end within it) for a claim that says little on its own
        ('"ridiculous."' → 'Iran called the closure "ridiculous."'), else None; cached."""
        if claim.id not in self._sentences:
            doc = self.documents.get(claim.document)
            span = claim_sentence(claim, doc, self._locator) if doc is not None else None
            self._sentences[claim.id] = None if span is None or doc is None else (
                doc.text[span[0]:span[1]], claim.start - span[0], claim.end - span[0])
        return self._sentences[claim.id]

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
            perspective = self.perspective_of(claim)
            if self.is_voice(perspective):
                perspectives[claim.document].add(perspective)
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
                author=doc.author,
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

    def _rival(self, link: Link) -> bool:
        """A suggestion below the suggestion threshold between speakers of two perspectives
        (core.grouping_small.assemble_groups keeps those: rival accounts)."""
        a, b = self.claims.get(link.a), self.claims.get(link.b)
        return (link.tier != "merge" and link.score < self.analysis.settings.suggest_threshold
                and a is not None and b is not None
                and sum(1 for t in link.terms if not t.context) >= RIVAL_MIN_TERMS
                and rival_sides(claim_side(a), claim_side(b)))

    def _denial(self, link: Link) -> bool:
        """A merge link between two sides where one denies what the other asserts."""
        a, b = self.claims.get(link.a), self.claims.get(link.b)
        if link.tier != "merge" or a is None or b is None:
            return False
        if not rival_sides(claim_side(a), claim_side(b)):
            return False
        sa, sb = self._stance(a), self._stance(b)
        return rebuts(sa, sb) != rebuts(sb, sa)

    def _contested(self, voiced: Sequence[Claim]) -> bool:
        """Whether one side's claims hedge or deny, or negate what another side asserts."""
        if any(c.hedges or DENIAL_CUES.search(c.text) for c in voiced):
            return True
        negating = [c for c in voiced if NEGATION_CUES.search(c.text)]
        return any(rebuts(self._stance(a), self._stance(b))
                   for a in negating for b in voiced if b.perspective != a.perspective)

    def _stance(self, claim: Claim) -> Stance:
        found = self._stances.get(claim.id)
        if found is None:
            found = self._stances[claim.id] = stance(claim.text, self._tokenizer)
        return found

    def reasons(self, claim_id: str) -> list[LinkReason]:
        """Links that hold the claim in its group (merges first, then suggestions), best first.
        Indexed once per case; a claim's reasons are built when first asked for."""
        if self._links_of is None:
            self._links_of = defaultdict(list)
            seen: set[tuple[str, str, str]] = set()
            for group in self.analysis.groups:
                for link in (*group.links, *group.suggestions):
                    # a suggestion sits on both of its groups: one reason per pair
                    if (link.a, link.b, link.tier) in seen:
                        continue
                    seen.add((link.a, link.b, link.tier))
                    self._links_of[link.a].append(link)
                    self._links_of[link.b].append(link)
        found = self._reasons.get(claim_id)
        if found is None:
            found = [_reason(link, link.b if link.a == claim_id else link.a, self._rival(link),
                             self._denial(link)) for link in self._links_of.get(claim_id, ())]
            found.sort(key=lambda r: (r.tier != "merge", -r.score))
            self._reasons[claim_id] = found
        return found

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


def link_terms(terms: Sequence[MatchedTerm], variant: str = "≈") -> tuple[str, ...]:
    """A link's shared words for people: 'closure≈close' for two forms of one word (spelling
    variants, inflections); the words the claims do not write themselves but inherit from their
    articles come last, marked 'Durbin (article)'."""
    own = [t for t in terms if not t.context]
    inherited = [t for t in terms if t.context]
    return tuple(
        (t.a if t.a.casefold() == t.b.casefold() else f"{t.a}{variant}{t.b}")
        + (" (article)" if t.context else "")
        for t in [*own, *inherited])


def _reason(link: Link, other: str, rival: bool = False, denial: bool = False) -> LinkReason:
    terms = link_terms(link.terms)
    return LinkReason(other=other, score=link.score, terms=terms, tier=link.tier, rival=rival,
                      denial=denial)


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


# Readable event titles (see readable_label).
TITLE_MAX_CHARS = 42
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow "
    "tonight week weekend month year last next earlier later morning afternoon evening night"
    .split())
TITLE_CLAIMS_SCANNED = 12
_TITLE_TOKEN = re.compile(r"\S+")
_TITLE_EDGE = "\"'“”‘’«»,;:.!?…-–—/"
_BRACKETS = {"(": ")", "[": "]", "{": "}", "<": ">"}
# Words that do not end a title (the phrase continues past them) or start one.
_FUNCTION_WORDS = frozenset(
    "a an the of in on at to for from by with and or but as into onto over under about "
    "including than that which who whom whose its their his her our your my this these those "
    "is are was were be been has have had will would may might can could "
    "i you we they it he she them us me him some any all more most such not no".split()
)
_SENTENCE_END = (".", "!", "?", ";")
_CLAUSE_END = (*_SENTENCE_END, ",", ":", "\"", "”", "'", "’", ")")
_LEADING_DROP = frozenset(
    "a an the and or but so that which who also then however although though while in "
    "fact".split()
)
# Two-word openers that say nothing about the event ('Of course the story is false').
_LEADING_PAIRS = frozenset({("of", "course"), ("after", "all"), ("at", "least"),
                            ("for", "example"), ("on", "monday")})
# Words a title does not end on ('I only speak to myself, however').
# Words a title does not end on inside a sentence: subject pronouns and their contractions,
# conjunctions, articles and prepositions.
_DANGLING = frozenset("""he she they we i he's she's it's they're they've we're we've i'm i've
    you're you've they'd we'd he'd she'd and or but so nor yet as while because if when whose
    a an the of in on at to for from by with into onto about than which who whom is are was
    were has have had will would may might can could""".split())


_TRAILING_DROP = frozenset("however though too also then meanwhile instead".split())
# Tokens whose full stop abbreviates, not ends a sentence ('Mrs. Trump', 'U.S. troops').
_ABBREVIATIONS = TITLE_ABBREVIATIONS | frozenset("jr sr inc co corp ltd".split())
_NAME_TOKEN = re.compile(r"^[A-Z][\w'’-]*\.?$")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")


def _ends(token: str, ends: tuple[str, ...]) -> bool:
    """Whether a token closes a clause or sentence (`ends`): 'Mrs.' and 'U.S.' do not."""
    if not token.endswith(ends):
        return False
    if token.endswith("."):
        bare = token.lstrip("\"'“‘(")
        if bare[:-1].casefold() in _ABBREVIATIONS or _INITIALS.match(bare):
            return False
    return True


def is_keyword_label(label: str, terms: Sequence[str]) -> bool:
    """Whether a group label is the machine's keyword list ('closure · consulate · Basra').

    The grouping step labels a group with its first salient terms joined by ' · '; an
    analyst's rename (or a hand-written label) is anything else and is kept as it is.
    """
    parts = [part.strip() for part in label.split(" · ")]
    if not label.strip():
        return True
    folded = [t.casefold() for t in terms]
    return len(parts) <= len(folded) and [p.casefold() for p in parts] == folded[: len(parts)]


def _term_matches(word: str, term: str) -> bool:
    """The same word, or the same word inflected ('diplomats' ~ 'diplomatic')."""
    if word == term:
        return True
    shorter = min(len(word), len(term))
    if shorter < 5:
        return False
    common = 0
    for a, b in zip(word, term, strict=False):
        if a != b:
            break
        common += 1
    return common >= max(5, shorter - 2)


def _tidy_title(words: Sequence[str]) -> str:
    """Join the words, trim quotes, brackets and punctuation at the ends, capitalise."""
    words = list(words)
    while len(words) > 1:
        first = words[0].strip(_TITLE_EDGE).casefold()
        if first in _LEADING_DROP:
            words.pop(0)
        elif len(words) > 2 and (first, words[1].strip(_TITLE_EDGE).casefold()) in \
                _LEADING_PAIRS:
            del words[:2]
        else:
            break
    while len(words) > 2 and words[-1].strip(_TITLE_EDGE).casefold() in _TRAILING_DROP:
        words.pop()
    title = " ".join(words).strip(_TITLE_EDGE + " ")
    # A quotation mark cut from its partner by the window goes ('Trump a “sniveling coward').
    if title.count("“") != title.count("”"):
        title = title.replace("“", "").replace("”", "")
    if title.count('"') % 2:
        title = title.replace('"', "")
    title = title.strip(_TITLE_EDGE + " ")
    # A bracket cut from its partner by the window goes; '[US] diplomats' keeps its pair.
    while title[:1] in _BRACKETS and _BRACKETS[title[0]] not in title:
        title = title[1:].strip(_TITLE_EDGE + " ")
    while title[-1:] in _BRACKETS.values() and not any(
            o in title for o, c in _BRACKETS.items() if c == title[-1]):
        title = title[:-1].strip(_TITLE_EDGE + " ")
    return title[:1].upper() + title[1:] if title[:1].islower() else title


def _best_window(tokens: Sequence[str], terms: Sequence[str]) -> tuple[float, int, int, int]:
    """(weight, -chars, start, end) of the best window of tokens holding salient terms."""
    weights = [1.0 / (1.0 + 0.5 * rank) for rank in range(len(terms))]
    exact = {term: rank for rank, term in reversed(list(enumerate(terms)))}
    # Inflected matches share at least five letters: only those terms are compared.
    by_prefix: dict[str, list[int]] = defaultdict(list)
    for rank, term in enumerate(terms):
        if len(term) >= 5:
            by_prefix[term[:5]].append(rank)
    hits: list[int | None] = []
    for token in tokens:
        word = token.strip(_TITLE_EDGE).casefold()
        hit = exact.get(word)
        if hit is None and len(word) >= 5:
            hit = next((i for i in by_prefix.get(word[:5], ()) if _term_matches(word, terms[i])),
                       None)
        hits.append(hit)
    best = (0.0, 0, 0, 0)
    for start, hit in enumerate(hits):
        if hit is None:
            continue
        seen = {hit}
        chars = len(tokens[start])
        for end in range(start, len(tokens)):
            if end > start:
                chars += 1 + len(tokens[end])
                if chars > TITLE_MAX_CHARS:
                    break
                if hits[end] is None:
                    continue
                seen.add(hits[end])  # type: ignore[arg-type]
            candidate = (sum(weights[i] for i in seen), -chars, start, end + 1)
            if candidate[:2] > best[:2]:
                best = candidate
    return best


def readable_label(
    label: str, terms: Sequence[str], texts: Sequence[str], fallback: str = ""
) -> str:
    """A short phrase naming an event, for people: ≤ TITLE_MAX_CHARS characters.

    A label that is not the machine's keyword list (an analyst's rename, a hand-written label)
    is returned as it is. Otherwise: the words of the group's most salient claim around its
    shared salient terms, in their original case ('closure · consulate · Basra' becomes
    'Closure of its consulate in Basra'); a phrase that would end on a function word runs on
    to the next word, and one that can take the rest of its sentence does. With no term in any
    claim, the start of the first claim. The label in the analysis is never changed.
    """
    label = label.strip()
    salient = [t.casefold() for t in (terms or label.split(" · ")) if t.strip()][:4]
    if label and not is_keyword_label(label, terms):
        return label
    # 'Tuesday', 'last week' say when, not what: a title is built around them only when the
    # group has no other salient word.
    what = [t for t in salient if t not in _TIME_WORDS]
    salient = what or salient
    best: tuple[float, int, int, int] = (0.0, 0, 0, 0)
    best_tokens: list[str] = []
    whole: tuple[float, list[str]] = (0.0, [])
    for text in texts[:TITLE_CLAIMS_SCANNED]:
        tokens = _TITLE_TOKEN.findall(text)
        window = _best_window(tokens, salient) if salient else (0.0, 0, 0, 0)
        if window[:2] > best[:2]:
            best, best_tokens = window, tokens
        if window[0] > whole[0] and _whole_sentence(tokens):
            whole = (window[0], tokens)
    # A claim that is a whole short sentence holding the best of the salient words is the
    # title as it stands when it says more than the phrase cut from the best window ('He would
    # defend his views', not 'Views'; 'We have a little bit of time', not 'Little bit of time').
    whole_title = _tidy_title(whole[1]) if whole[1] and whole[0] >= best[0] else ""
    if not best_tokens:
        tokens = _TITLE_TOKEN.findall(texts[0]) if texts else []
        if not tokens:
            return label or fallback or "(unlabelled event)"
        best_tokens, best = tokens, (0.0, 0, 0, 1)
    start, end = best[2], best[3]

    def length(stop: int) -> int:
        return sum(len(t) for t in best_tokens[start:stop]) + (stop - start - 1)

    # 'Of course the story is false': the window starts inside an empty opener; skip it.
    if 0 < start < end - 1 and (best_tokens[start - 1].strip(_TITLE_EDGE).casefold(),
                                best_tokens[start].strip(_TITLE_EDGE).casefold()) in \
            _LEADING_PAIRS:
        start += 1
    # A number keeps the month that names it ('Sept. 11 attacks', not '11 attacks').
    if start > 0 and best_tokens[start][:1].isdigit() and \
            best_tokens[start - 1].strip(_TITLE_EDGE).casefold() in MONTHS and \
            length(end) + 1 + len(best_tokens[start - 1]) <= TITLE_MAX_CHARS:
        start -= 1

    # Run on past a function word ('indirect fire, including' → '… including rockets').
    while (end < len(best_tokens) and length(end + 1) <= TITLE_MAX_CHARS
           and best_tokens[end - 1].strip(_TITLE_EDGE).casefold() in _FUNCTION_WORDS):
        end += 1
    # One word says too little ('Bill'): run on to the next content word of its clause ('Bill
    # would expose …'), while it fits.
    content = sum(1 for t in best_tokens[start:end]
                  if t.strip(_TITLE_EDGE).casefold() not in _FUNCTION_WORDS)
    while (content < 2 and end < len(best_tokens) and length(end + 1) <= TITLE_MAX_CHARS
           and not _ends(best_tokens[end - 1], _CLAUSE_END)):
        end += 1
        content += best_tokens[end - 1].strip(_TITLE_EDGE).casefold() not in _FUNCTION_WORDS
    # Finish a phrase cut one or two words short of a function word or a comma ('formation of
    # a new' → '… new Iraqi government', which 'that' follows).
    if not _ends(best_tokens[end - 1], _CLAUSE_END):
        stop = end
        while (stop < len(best_tokens) and stop - end < 2
               and best_tokens[stop].strip(_TITLE_EDGE).casefold() not in _FUNCTION_WORDS):
            stop += 1
            if _ends(best_tokens[stop - 1], _CLAUSE_END):
                break
        boundary = (stop == len(best_tokens) or _ends(best_tokens[stop - 1], _CLAUSE_END)
                    or best_tokens[stop].strip(_TITLE_EDGE).casefold() in _FUNCTION_WORDS)
        if boundary and length(stop) <= TITLE_MAX_CHARS:
            end = stop
    # A number keeps its unit ('story is 100 percent'), a verb its 'to' ('tried to cauterize').
    if end < len(best_tokens) and not _ends(best_tokens[end - 1], _CLAUSE_END):
        last = best_tokens[end - 1].strip(_TITLE_EDGE)
        after = best_tokens[end].strip(_TITLE_EDGE).casefold()
        if last[:1].isdigit() and last[-1:] != "%" and after not in _FUNCTION_WORDS and \
                length(end + 1) <= TITLE_MAX_CHARS:
            end += 1
        elif after == "to" and last.casefold() not in _FUNCTION_WORDS and \
                end + 1 < len(best_tokens) and length(end + 2) <= TITLE_MAX_CHARS and \
                best_tokens[end + 1].strip(_TITLE_EDGE).casefold() not in _FUNCTION_WORDS:
            end += 2
    # Take the rest of the sentence when it fits ('Mike Pompeo issued a statement').
    stop = end
    while stop < len(best_tokens) and not _ends(best_tokens[stop - 1], _SENTENCE_END):
        stop += 1
    if length(stop) <= TITLE_MAX_CHARS:
        end = stop
    # A name cut by the window keeps its first name ('Ben Carson and …', not 'Carson and …').
    while start > 0 and best_tokens[start][:1].isupper() and \
            _NAME_TOKEN.match(best_tokens[start - 1]) and \
            not _ends(best_tokens[start - 1], _CLAUSE_END) and \
            length(end) + 1 + len(best_tokens[start - 1]) <= TITLE_MAX_CHARS:
        start -= 1
    # A name the window cuts keeps its last name ('… with Bill Kristol', not '… with Bill')
    # when the whole name fits.
    name_end = end
    while name_end < len(best_tokens) and _NAME_TOKEN.match(best_tokens[name_end - 1]) and \
            _NAME_TOKEN.match(best_tokens[name_end]) and \
            not _ends(best_tokens[name_end - 1], _CLAUSE_END):
        name_end += 1
    if name_end > end and length(name_end) <= TITLE_MAX_CHARS:
        end = name_end
    # A clause's first words cut from it ('respects, echo the opinions'): the window starts
    # after the comma when enough is left.
    if start > 0 and not _ends(best_tokens[start - 1], _CLAUSE_END):
        comma = start if best_tokens[start].endswith(",") and end - start > 3 else None
        if comma is not None and \
                best_tokens[comma + 1].strip(_TITLE_EDGE).casefold() not in _FUNCTION_WORDS and sum(
                1 for t in best_tokens[comma + 1:end]
                if t.strip(_TITLE_EDGE).casefold() not in _FUNCTION_WORDS) >= 2:
            start = comma + 1
    # A title ends on no pronoun, contraction or conjunction ('Mission they've', '… and
    # they're').
    while end - start > 2 and not _ends(best_tokens[end - 1], _SENTENCE_END) and \
            best_tokens[end - 1].strip(_TITLE_EDGE).casefold().replace("’", "'") in _DANGLING:
        end -= 1
    words = _without_apposition(best_tokens, start, end)
    if words is None:
        words = list(best_tokens[_with_subject(best_tokens, start, end):end])
    title = _tidy_title(words)
    if sum(len(w) for w in words) + len(words) - 1 > TITLE_MAX_CHARS:  # a very long word
        title = title[: TITLE_MAX_CHARS - 1] + "…"
    if len(whole_title.split()) > len(title.split()):
        return whole_title
    return title or label or fallback or "(unlabelled event)"


def _whole_sentence(tokens: Sequence[str]) -> bool:
    """A claim that is one short sentence of its own: it fits a title, opens with a capital or a
    quotation mark, has three words or more, and does not run on from a cut ('An aide to the … House Ways
    and' ends on a function word)."""
    if len(tokens) < 3 or _phrase_length(tokens) > TITLE_MAX_CHARS:
        return False
    first = tokens[0].lstrip(_TITLE_EDGE)
    last = tokens[-1].strip(_TITLE_EDGE).casefold()
    quoted = tokens[0][:1] in "\"“‘'"  # a quotation of its own ('“far off in the future,”')
    return (first[:1].isupper() or quoted) and last not in _DANGLING and \
        not any(_ends(t, _SENTENCE_END) for t in tokens[:-1])


def _sentence_bounds(tokens: Sequence[str], start: int) -> tuple[int, int]:
    """The tokens [first, stop) of the sentence that holds token `start`."""
    first = start
    while first > 0 and not _ends(tokens[first - 1], _SENTENCE_END):
        first -= 1
    stop = start + 1
    while stop < len(tokens) and not _ends(tokens[stop - 1], _SENTENCE_END):
        stop += 1
    return first, stop


def _phrase_length(words: Sequence[str]) -> int:
    return sum(len(w) for w in words) + max(0, len(words) - 1)


def _with_subject(tokens: Sequence[str], start: int, end: int) -> int:
    """Start the phrase at its sentence's start when that adds the subject and still fits.

    'trying to sanction' becomes 'US Congress is trying to sanction'; words that add no
    content ('it was committed …', 'Although indirect fire …') are not taken."""
    first, _stop = _sentence_bounds(tokens, start)
    if _phrase_length(tokens[first:end]) > TITLE_MAX_CHARS:
        # 'Former Maryland Gov. Martin O'Malley has also opposed …': the end of the name that
        # opens the sentence, when the whole name does not fit
        name = first
        while name < start and tokens[name][:1].isupper() and not _ends(tokens[name],
                                                                         _CLAUSE_END):
            name += 1
        fits = [k for k in range(first + 1, name)
                if _phrase_length(tokens[k:end]) <= TITLE_MAX_CHARS]
        if not fits or any(_ends(t, _CLAUSE_END) for t in tokens[name:start]):
            return start
        first = fits[0]
    added = [t.strip(_TITLE_EDGE).casefold() for t in tokens[first:start]]
    if not added:
        return start
    if any(t.endswith((",", ":", "-", "–", "—")) for t in tokens[first:start]):
        return start  # the words before belong to another clause
    content = [w for w in added if w and w not in _FUNCTION_WORDS and w not in _LEADING_DROP]
    return first if content else start


def _without_apposition(tokens: Sequence[str], start: int, end: int) -> list[str] | None:
    """The phrase with an apposition after a name left out, when the phrase runs into one.

    'Alistair Burt, Minister of State at the Foreign Office in the UK, tweeted concern.' gives
    'Alistair Burt tweeted concern' rather than 'Alistair Burt, Minister': the words between
    the two commas go, and the rest of the sentence comes when it fits."""
    _first, stop = _sentence_bounds(tokens, start)
    comma = next((i for i in range(start, end - 1) if tokens[i].endswith(",")), None)
    # Only after a name ('Alistair Burt, …'): after other words the commas hold a list or an
    # example ('indirect fire, including rockets, …'), which are the point.
    if comma is None or not all(t[:1].isupper() for t in tokens[start:comma + 1]):
        return None
    closing = next((i for i in range(max(comma + 1, end - 1), stop) if tokens[i].endswith(",")),
                   None)
    if closing is None or closing + 1 >= stop:
        return None
    words = [*tokens[start:comma], tokens[comma][:-1], *tokens[closing + 1:stop]]
    if _phrase_length(words) > TITLE_MAX_CHARS:
        return None
    return words


def build_comparison(analysis: Analysis) -> Comparison:
    """Index an Analysis for comparison (events × perspectives)."""
    return Comparison(analysis)


def case_counts(
    analysis: Analysis, events: Sequence[EventRow], voices: Sequence[str] | None = None
) -> dict[str, int]:
    """Numbers for a header line: sources, claims, events, perspectives.

    `voices` are the perspectives that count (see `Comparison.voices`: those that speak,
    without the author and the unassigned); without it, every non-author perspective counts.
    """
    if voices is None:
        voices = [p.id for p in analysis.perspectives if p.kind != "author"]
    return {
        "sources": len(analysis.documents),
        "claims": len(analysis.claims),
        "events": sum(1 for e in events if e.id != UNGROUPED_EVENT),
        "perspectives": len(voices),
    }
