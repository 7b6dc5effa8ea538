"""Analyst curation: an ordered log of edits, re-applied on top of a fresh analysis.

Edits are keyed by stable claim ids (document content hash + span) and speaker names, never by
list positions or group ids, so they survive re-analysis with other thresholds. Groups are named
through a member claim ("the group that holds claim X"). Applying the log is a pure function:
undo is "drop the last edit and re-apply", so it can never drift from what is saved.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Annotated, Literal

from pydantic import Field

from core.models import (
    Analysis,
    AppliedEdit,
    Claim,
    ClaimKind,
    Group,
    Link,
    Model,
    Perspective,
    Speaker,
)
from core.tokens import cut_at_word


class MoveClaim(Model):
    """Move a claim into the group that holds `to_claim` (or into a new group of its own)."""

    op: Literal["move_claim"] = "move_claim"
    claim: str
    to_claim: str | None = Field(default=None, description="A claim of the target group; null = new group.")


class SplitGroup(Model):
    """Take these claims out of their group(s) into one new group."""

    op: Literal["split_group"] = "split_group"
    claims: list[str]
    label: str | None = None


class MergeGroups(Model):
    """Merge the group holding `other` into the group holding `claim`."""

    op: Literal["merge_groups"] = "merge_groups"
    claim: str
    other: str


class RenameGroup(Model):
    op: Literal["rename_group"] = "rename_group"
    claim: str = Field(description="A claim of the group to rename.")
    label: str


class AcceptSuggestion(Model):
    """Accept a 'maybe the same event' link: both claims' groups become one."""

    op: Literal["accept_suggestion"] = "accept_suggestion"
    a: str
    b: str


class RejectSuggestion(Model):
    """Reject a suggestion: it is no longer shown."""

    op: Literal["reject_suggestion"] = "reject_suggestion"
    a: str
    b: str


class SetPerspective(Model):
    """Map a speaker (by name, for all of their claims) to a perspective."""

    op: Literal["set_perspective"] = "set_perspective"
    speaker: str
    perspective: str | None = None  # saved case files leave null fields out
    label: str | None = Field(default=None, description="Label when the perspective is new.")
    kind: Literal["government", "institution", "analyst", "press", "author", "other"] | None = Field(
        default=None, description="Kind when the perspective is new (a built-in one's kind).")


class SetSpeaker(Model):
    """Give one claim another speaker: an existing speaker of the case (by name, then the claim
    takes that speaker's perspective), a new name (a new speaker with no perspective), or null
    (the claim becomes narration of its document, under the document's author)."""

    op: Literal["set_speaker"] = "set_speaker"
    claim: str
    speaker: str | None = Field(
        default=None, description="The speaker's name; null (or absent) = narration, no speaker.")


class MergeSpeakers(Model):
    """Merge one speaker into another ('Bibi Netanyahu' is 'Benjamin Netanyahu'): every claim
    of `speaker` becomes `into`'s and takes `into`'s perspective; the merged names become
    aliases of `into`, so later edits naming either find it."""

    op: Literal["merge_speakers"] = "merge_speakers"
    speaker: str = Field(description="Name (or alias) of the speaker merged away.")
    into: str = Field(description="Name (or alias) of the speaker that stays.")


class RenameSpeaker(Model):
    """Rename a speaker everywhere at once (every claim of theirs); the old name becomes an
    alias, so later edits naming either find them."""

    op: Literal["rename_speaker"] = "rename_speaker"
    speaker: str = Field(description="Name (or alias) of the speaker to rename.")
    name: str = Field(description="The new name.")


class NotAClaim(Model):
    op: Literal["not_a_claim"] = "not_a_claim"
    claim: str


class AddNote(Model):
    op: Literal["note"] = "note"
    target: Literal["claim", "group"]
    claim: str = Field(description="The claim (or a claim of the group) the note is attached to.")
    text: str


Edit = Annotated[
    MoveClaim | SplitGroup | MergeGroups | RenameGroup | AcceptSuggestion | RejectSuggestion
    | SetPerspective | SetSpeaker | MergeSpeakers | RenameSpeaker | NotAClaim | AddNote,
    Field(discriminator="op"),
]


class EditProblem(Model):
    """An edit that could not be applied (its claims no longer exist)."""

    index: int
    op: str
    reason: str


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "perspective"


class _Workspace:
    """Mutable view of an analysis while the edit log is applied."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis.model_copy(deep=True)
        self.claims: dict[str, Claim] = {c.id: c for c in self.analysis.claims}
        self.groups: dict[str, Group] = {g.id: g for g in self.analysis.groups}
        self.counter = 0
        # Speakers a SetSpeaker took a claim from: dropped at the end when left with no claims.
        self.bereft: set[str] = set()
        # Groups the analyst named (RenameGroup): a merge keeps such a name.
        self.renamed: set[str] = set()
        # Speaker id → the claims they lost (removed, or given to another speaker): a role or
        # alias that came only from those claims does not outlive them (see `finish`).
        self.lost: dict[str, list[Claim]] = {}
    def event_title(self, group: Group) -> str:
        """The event's name as the TUI's event list and the reports show it at this point of
        the log: `Comparison.event_title`. A row where two sides speak may be named by what one
        denies and the other asserts (ranked by how rare the words are in the whole case); it
        is computed by a comparison of that row alone, given the whole case's term counts, so
        describing an edit never indexes the whole case again. Elsewhere the title is the
        claims' phrase (`readable_label`)."""
        from core.compare import is_keyword_label
        from core.rivals import claim_side

        claims = [self.claims[c] for c in group.claims if c in self.claims]
        if claims and is_keyword_label(group.label, group.terms) and \
                len({side for c in claims if (side := claim_side(c)) is not None}) >= 2:
            return self._row_title(group, claims)
        fallback = group.label.strip() or "(unlabelled event)"
        return _event_title(group.label, tuple(group.terms), tuple(c.text for c in claims),
                            fallback)

    def _row_title(self, group: Group, claims: list[Claim]) -> str:
        from core.compare import Comparison

        row = self.analysis.model_copy(update={
            "claims": claims,
            "groups": [group.model_copy(update={"claims": [c.id for c in claims]})],
        })
        comparison = Comparison(row)
        if hasattr(comparison, "_df"):  # term counts of the whole case, not of this row
            comparison._df = _term_counts(tuple(self.claims), tuple(self.claims.values()))
        else:  # compare.py changed how it counts: index the whole case (slower, as exact)
            comparison = Comparison(self.analysis.model_copy(update={
                "claims": list(self.claims.values()),
                "groups": [g for g in self.groups.values() if g.claims],
            }))
        return comparison.event_title(group.id)

    def lose(self, claim: Claim) -> None:
        """`claim` leaves its speaker (removed, or given another speaker)."""
        if claim.speaker_id:
            self.lost.setdefault(claim.speaker_id, []).append(claim.model_copy())

    def group_of(self, claim_id: str) -> Group | None:
        claim = self.claims.get(claim_id)
        return self.groups.get(claim.group) if claim and claim.group else None

    def new_group(self, label: str) -> Group:
        self.counter += 1
        gid = f"e{self.counter}"
        while gid in self.groups:
            self.counter += 1
            gid = f"e{self.counter}"
        group = Group(id=gid, label=label, curated=True)
        self.groups[gid] = group
        return group

    def detach(self, claim_id: str) -> None:
        group = self.group_of(claim_id)
        if group is None:
            return
        group.claims = [c for c in group.claims if c != claim_id]
        group.links = [lk for lk in group.links if claim_id not in (lk.a, lk.b)]
        group.curated = True
        if not group.claims:
            del self.groups[group.id]
        self.claims[claim_id].group = None

    def attach(self, claim_id: str, group: Group) -> None:
        self.detach(claim_id)
        group.claims.append(claim_id)
        group.curated = True
        self.claims[claim_id].group = group.id

    def merge(self, into: Group, other: Group) -> None:
        if into.id == other.id:
            return
        # The merged event keeps the analyst's name if either had one, else the name of the
        # larger of the two (a one-claim fragment split off earlier does not name nine claims).
        if other.id in self.renamed and into.id not in self.renamed:
            into.label = other.label
            self.renamed.add(into.id)
        elif into.id not in self.renamed and len(other.claims) > len(into.claims):
            into.label, into.terms = other.label, list(other.terms)
        for cid in list(other.claims):
            self.claims[cid].group = into.id
        into.claims.extend(other.claims)
        into.links.extend(other.links)
        into.suggestions.extend(other.suggestions)
        into.curated = True
        del self.groups[other.id]

    def finish(self) -> Analysis:
        members = set(self.claims)
        groups = []
        for group in self.groups.values():
            group.claims = [c for c in group.claims if c in members]
            if group.claims:
                inside = set(group.claims)
                group.suggestions = [
                    s for s in group.suggestions
                    if s.a in members and s.b in members and not (s.a in inside and s.b in inside)
                ]
                groups.append(group)
        self.analysis.claims = list(self.claims.values())
        self.analysis.groups = groups
        counts: dict[str, int] = {}
        for claim in self.analysis.claims:
            if claim.speaker_id:
                counts[claim.speaker_id] = counts.get(claim.speaker_id, 0) + 1
        for speaker in self.analysis.speakers:
            speaker.claims = counts.get(speaker.id, 0)
        if self.lost:
            self._forget_lost()
        self.analysis.speakers = [
            s for s in self.analysis.speakers if s.claims or s.id not in self.bereft
        ]
        for persp in self.analysis.perspectives:
            persp.speakers = [s.id for s in self.analysis.speakers if s.perspective == persp.id]
        return self.analysis


    def _forget_lost(self) -> None:
        """A speaker's role or alias that only a lost claim gave them goes with it ('See the
        Bachmann cover …' made 'See the' Bachmann's role; removing that claim removes it)."""
        remaining: dict[str, list[Claim]] = {}
        for claim in self.claims.values():
            if claim.speaker_id in self.lost:
                remaining.setdefault(claim.speaker_id, []).append(claim)
        for speaker in self.analysis.speakers:
            lost = self.lost.get(speaker.id)
            if not lost:
                continue
            kept = remaining.get(speaker.id, [])
            roles = [c.role for c in kept if c.role]
            # only a role that reads as none ('See the') goes; 'Secretary of State' stays true
            # of the person even when the claim that gave it is removed
            if speaker.role and speaker.role in {c.role for c in lost} \
                    and speaker.role not in roles and _not_a_role(speaker.role):
                speaker.role = max(roles, key=roles.count) if roles else None
            mentions = {m.casefold() for c in lost if (m := c.speaker_mention)}
            still = {m.casefold() for c in kept if (m := c.speaker_mention)}
            gone = mentions - still
            if gone:
                speaker.aliases = [a for a in speaker.aliases if a.casefold() not in gone]


LABEL_MAX_CHARS = 60
_DANGLING_ROLE_WORDS = frozenset("the a an of to and or for in on at by with from".split())


def _not_a_role(role: str) -> bool:
    """A role cut from a sentence ('See the'): it ends in a function word or is too short."""
    words = role.split()
    return len(role.strip()) < 3 or not words or words[-1].lower() in _DANGLING_ROLE_WORDS


def label_from_text(text: str) -> str:
    """A new event's name from its first claim: the text, cut after a whole word with '…'
    when it is long ('… in Basra on September 28' rather than '… in Basra on Se')."""
    label = cut_at_word(" ".join(text.split()).strip("“”\"' "), LABEL_MAX_CHARS + 1)
    # a claim cut from its sentence ('he's not surprised by …') names its row as a heading
    return label[:1].upper() + label[1:]


def _missing(ws: _Workspace, *claim_ids: str) -> str | None:
    gone = [c for c in claim_ids if c not in ws.claims]
    return f"claim {', '.join(gone)} no longer exists" if gone else None


def _apply_one(ws: _Workspace, edit: Edit) -> str | None:
    """Apply one edit; return why it could not be applied, or None."""
    if isinstance(edit, MoveClaim):
        ids = [edit.claim] + ([edit.to_claim] if edit.to_claim else [])
        if why := _missing(ws, *ids):
            return why
        target = ws.group_of(edit.to_claim) if edit.to_claim else None
        if target is None:
            anchor = edit.to_claim or edit.claim
            target = ws.new_group(label_from_text(ws.claims[anchor].text))
            if edit.to_claim:
                ws.attach(edit.to_claim, target)
        ws.attach(edit.claim, target)
        return None
    if isinstance(edit, SplitGroup):
        present = [c for c in edit.claims if c in ws.claims]
        if not present:
            return _missing(ws, *edit.claims)
        target = ws.new_group(edit.label or label_from_text(ws.claims[present[0]].text))
        for cid in present:
            ws.attach(cid, target)
        return None
    if isinstance(edit, MergeGroups | AcceptSuggestion):
        a, b = (edit.claim, edit.other) if isinstance(edit, MergeGroups) else (edit.a, edit.b)
        if why := _missing(ws, a, b):
            return why
        ga, gb = ws.group_of(a), ws.group_of(b)
        if ga is None or gb is None:
            return "claim has no group"
        ws.merge(ga, gb)
        return None
    if isinstance(edit, RejectSuggestion):
        if why := _missing(ws, edit.a, edit.b):
            return why
        pair = {edit.a, edit.b}
        for group in ws.groups.values():
            group.suggestions = [s for s in group.suggestions if {s.a, s.b} != pair]
        return None
    if isinstance(edit, RenameGroup):
        if why := _missing(ws, edit.claim):
            return why
        named = ws.group_of(edit.claim)
        if named is None:
            return "claim has no group"
        named.label = edit.label
        named.curated = True
        ws.renamed.add(named.id)
        return None
    if isinstance(edit, SetPerspective):
        return _set_perspective(ws, edit)
    if isinstance(edit, SetSpeaker):
        return _set_speaker(ws, edit)
    if isinstance(edit, MergeSpeakers):
        return _merge_speakers(ws, edit)
    if isinstance(edit, RenameSpeaker):
        return _rename_speaker(ws, edit)
    if isinstance(edit, NotAClaim):
        if why := _missing(ws, edit.claim):
            return why
        ws.lose(ws.claims[edit.claim])
        ws.detach(edit.claim)
        del ws.claims[edit.claim]
        return None
    if isinstance(edit, AddNote):
        if why := _missing(ws, edit.claim):
            return why
        if edit.target == "claim":
            ws.claims[edit.claim].note = edit.text or None
        else:
            noted = ws.group_of(edit.claim)
            if noted is None:
                return "claim has no group"
            noted.note = edit.text or None
        return None
    return f"unknown edit {edit!r}"


def _set_perspective(ws: _Workspace, edit: SetPerspective) -> str | None:
    name = edit.speaker.casefold()
    speakers = [
        s for s in ws.analysis.speakers
        if s.name.casefold() == name or name in (a.casefold() for a in s.aliases)
    ]
    if not speakers:
        return f"speaker {edit.speaker!r} no longer exists"
    pid = edit.perspective
    if pid is not None and pid not in {p.id for p in ws.analysis.perspectives}:
        ws.analysis.perspectives.append(
            Perspective(id=pid, label=edit.label or pid, kind=edit.kind or "other"))
    ids = {s.id for s in speakers}
    for speaker in speakers:
        speaker.perspective = pid
        speaker.perspective_reason = "set by the analyst"
    for claim in ws.claims.values():
        if claim.speaker_id in ids:
            claim.perspective = pid
    return None


def _speaker_named(ws: _Workspace, name: str) -> Speaker | None:
    """The case's speaker with this name or alias (case-insensitive), as SetPerspective finds it."""
    wanted = name.casefold()
    # a speaker's own name first: 'Rival Hillary Clinton' may be another speaker's alias
    return next((s for s in ws.analysis.speakers if s.name.casefold() == wanted), None) or \
        next((s for s in ws.analysis.speakers
              if wanted in (a.casefold() for a in s.aliases)), None)


def _new_speaker(ws: _Workspace, name: str) -> Speaker:
    """A speaker the analyst named, with no perspective until one is set (P)."""
    taken = {s.id for s in ws.analysis.speakers}
    sid = "s-" + (re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "speaker")
    while sid in taken:
        sid += "-x"
    speaker = Speaker(id=sid, name=name)
    ws.analysis.speakers.append(speaker)
    return speaker


def _set_speaker(ws: _Workspace, edit: SetSpeaker) -> str | None:
    if why := _missing(ws, edit.claim):
        return why
    claim = ws.claims[edit.claim]
    if claim.speaker_id:
        ws.bereft.add(claim.speaker_id)
        ws.lose(claim)
    # The mention that named the old speaker ('he', 'Durbin') no longer names this one.
    claim.speaker_mention = claim.speaker_start = claim.speaker_end = None
    name = " ".join((edit.speaker or "").split())
    if not name:
        _to_narration(ws, claim)
        return None
    speaker = _speaker_named(ws, name) or _new_speaker(ws, name)
    claim.speaker, claim.speaker_id = speaker.name, speaker.id
    claim.role, claim.anonymous = speaker.role, speaker.anonymous
    claim.perspective = speaker.perspective
    if claim.kind == ClaimKind.NARRATION:
        claim.kind = ClaimKind.INDIRECT
    return None


def _merge_speakers(ws: _Workspace, edit: MergeSpeakers) -> str | None:
    gone = _speaker_named(ws, edit.speaker)
    if gone is None:
        return f"speaker {edit.speaker!r} no longer exists"
    into = _speaker_named(ws, edit.into)
    if into is None:
        return f"speaker {edit.into!r} no longer exists"
    if gone.id == into.id:
        return f"{edit.speaker!r} and {edit.into!r} are already one speaker"
    for claim in ws.claims.values():
        if claim.speaker_id == gone.id:
            # The mention stays: 'Bibi' in the text still names this speaker, now by an alias.
            claim.speaker, claim.speaker_id = into.name, into.id
            claim.perspective = into.perspective
            claim.role = into.role or claim.role
            claim.anonymous = into.anonymous
    known = {into.name.casefold(), *(a.casefold() for a in into.aliases)}
    for name in (gone.name, *gone.aliases):
        if name.casefold() not in known:
            into.aliases.append(name)
            known.add(name.casefold())
    into.role = into.role or gone.role
    ws.analysis.speakers = [s for s in ws.analysis.speakers if s.id != gone.id]
    return None


def _rename_speaker(ws: _Workspace, edit: RenameSpeaker) -> str | None:
    speaker = _speaker_named(ws, edit.speaker)
    if speaker is None:
        return f"speaker {edit.speaker!r} no longer exists"
    name = " ".join(edit.name.split())
    if not name:
        return "the new name is empty"
    other = _speaker_named(ws, name)
    if other is not None and other.id != speaker.id:
        return f"another speaker is named {name!r}: merge the two instead"
    old = speaker.name
    if old != name:
        speaker.name = name
        speaker.aliases = [a for a in speaker.aliases if a.casefold() != name.casefold()]
        if old.casefold() != name.casefold() and old.casefold() not in (
                a.casefold() for a in speaker.aliases):
            speaker.aliases.append(old)
    for claim in ws.claims.values():
        if claim.speaker_id == speaker.id:
            claim.speaker = name
    return None


def _to_narration(ws: _Workspace, claim: Claim) -> None:
    """Narration speaks for its document: the author's perspective, as the pipeline gives it."""
    claim.kind = ClaimKind.NARRATION
    claim.speaker = claim.speaker_id = claim.role = claim.cue = None
    claim.anonymous = False
    claim.via = []
    claim.perspective = None
    document = next((d for d in ws.analysis.documents if d.id == claim.document), None)
    if document is None:
        return
    # Imported here: the TUI paints its first frame before the perspective mapping is loaded.
    from core.perspectives import author_key

    pid, label = author_key(document)
    if pid not in {p.id for p in ws.analysis.perspectives}:
        ws.analysis.perspectives.append(Perspective(id=pid, label=label, kind="author"))
    claim.perspective = pid


def apply_edits(analysis: Analysis, edits: Sequence[Edit]) -> tuple[Analysis, list[EditProblem]]:
    """Re-apply the analyst's edit log on top of a (fresh) analysis.

    Edits whose claims no longer exist are returned as problems, never silently dropped. Every
    edit applied is listed in the result's `edits`, in plain words (reports show them)."""
    ws = _Workspace(analysis)
    problems: list[EditProblem] = []
    applied: list[AppliedEdit] = []
    for index, edit in enumerate(edits):
        record = _describe(ws, edit, index)
        why = _apply_one(ws, edit)
        if why:
            problems.append(EditProblem(index=index, op=edit.op, reason=why))
        elif record is not None:
            applied.append(record)
    result = ws.finish()
    # an opened export already lists its own edits: the new ones are numbered after them
    offset = max((e.index for e in result.edits), default=-1) + 1
    result.edits = [*result.edits,
                    *(e.model_copy(update={"index": e.index + offset}) for e in applied)]
    return result, problems


EXCERPT_WORDS = 8


def _count(claims: Sequence[str]) -> str:
    """'1 claim', '3 claims'."""
    return f"{len(claims)} claim{'' if len(claims) == 1 else 's'}"


def _excerpt(claim: Claim) -> str:
    """'“threats to our personnel … from the Government of …”': a claim's first words."""
    words = " ".join(claim.text.split()).strip("“”\"' ").split()
    return "“" + " ".join(words[:EXCERPT_WORDS]) + (" …" if len(words) > EXCERPT_WORDS else "") + "”"


def _claim_phrase(ws: _Workspace, claim_id: str) -> str:
    """'claim “…” (Mike Pompeo)': which claim, with its speaker (or 'narration')."""
    claim = ws.claims.get(claim_id)
    if claim is None:
        return f"claim {claim_id}"
    return f"claim {_excerpt(claim)} ({claim.speaker or 'narration'})"


def _event_phrase(ws: _Workspace, group: Group | None) -> str:
    """'event “Closure of its consulate in Basra”': the event's name as the TUI shows it (the
    analyst's label, else a phrase from its claims)."""
    if group is None:
        return "no event"
    return f"event “{ws.event_title(group)}”"


@lru_cache(maxsize=4096)
def _event_title(label: str, terms: tuple[str, ...], texts: tuple[str, ...], fallback: str) -> str:
    """Cached: the TUI re-applies the whole log after every edit, naming the same events again."""
    from core.compare import readable_label  # the TUI's first frame does not wait for it

    return readable_label(label, terms, texts, fallback=fallback)


_TERM_COUNTS: dict[tuple[str, ...], Counter[str]] = {}


def _term_counts(ids: tuple[str, ...], claims: tuple[Claim, ...]) -> Counter[str]:
    """How many claims of the case use each term (as `Comparison` counts them), kept for the
    last set of claims: the whole log is re-applied after every edit, over the same claims."""
    found = _TERM_COUNTS.get(ids)
    if found is None:
        from core.tokens import Tokenizer

        tokenizer = Tokenizer()
        found = Counter()
        for claim in claims:
            found.update(set(tokenizer.terms(claim.text)[0]))
        _TERM_COUNTS.clear()
        _TERM_COUNTS[ids] = found
    return found


def _perspective_phrase(ws: _Workspace, pid: str | None) -> str:
    if pid is None:
        return "no perspective"
    return next((p.label for p in ws.analysis.perspectives if p.id == pid), pid)


def _speaker_claims(ws: _Workspace, speaker: Speaker) -> list[str]:
    return [c.id for c in ws.claims.values() if c.speaker_id == speaker.id]


def _describe(ws: _Workspace, edit: Edit, index: int) -> AppliedEdit | None:
    """What `edit` will do to the workspace, in plain words (before it is applied); None when
    it cannot apply (its claims are gone: it is reported as a problem instead)."""
    claims: list[str] = []
    events: list[str] = []
    if isinstance(edit, MoveClaim):
        if _missing(ws, edit.claim, *([edit.to_claim] if edit.to_claim else [])):
            return None
        source = ws.group_of(edit.claim)
        target = ws.group_of(edit.to_claim) if edit.to_claim else None
        where = _event_phrase(ws, target) if target is not None else "a new event of its own"
        text = (f"moved {_claim_phrase(ws, edit.claim)} from {_event_phrase(ws, source)} "
                f"to {where}")
        claims = [edit.claim]
        events = [edit.claim]
        if source is not None:
            events += [c for c in source.claims if c != edit.claim][:1]
    elif isinstance(edit, SplitGroup):
        present = [c for c in edit.claims if c in ws.claims]
        if not present:
            return None
        names = ", ".join(_claim_phrase(ws, c) for c in present[:3])
        more = f" and {len(present) - 3} more" if len(present) > 3 else ""
        source = ws.group_of(present[0])
        text = f"split {names}{more} out of {_event_phrase(ws, source)} into a new event"
        claims = list(present)
        events = [present[0]]
        if source is not None:
            events += [c for c in source.claims if c not in present][:1]
    elif isinstance(edit, MergeGroups | AcceptSuggestion):
        a, b = (edit.claim, edit.other) if isinstance(edit, MergeGroups) else (edit.a, edit.b)
        if _missing(ws, a, b):
            return None
        ga, gb = ws.group_of(a), ws.group_of(b)
        if isinstance(edit, MergeGroups):
            text = f"merged {_event_phrase(ws, gb)} into {_event_phrase(ws, ga)}"
        else:
            text = (f"accepted the suggestion that {_event_phrase(ws, ga)} and "
                    f"{_event_phrase(ws, gb)} are one event")
        events = [a]
    elif isinstance(edit, RejectSuggestion):
        if _missing(ws, edit.a, edit.b):
            return None
        text = (f"rejected the suggestion that {_claim_phrase(ws, edit.a)} and "
                f"{_claim_phrase(ws, edit.b)} are about the same event")
    elif isinstance(edit, RenameGroup):
        if _missing(ws, edit.claim):
            return None
        text = f"renamed {_event_phrase(ws, ws.group_of(edit.claim))} to “{edit.label}”"
        events = [edit.claim]
    elif isinstance(edit, SetPerspective):
        speaker = _speaker_named(ws, edit.speaker)
        if speaker is None:
            return None
        claims = _speaker_claims(ws, speaker)
        new = edit.label if edit.perspective is not None and edit.label else \
            _perspective_phrase(ws, edit.perspective)
        text = (f"set the perspective of speaker {speaker.name} ({_count(claims)}) to {new} (was "
                f"{_perspective_phrase(ws, speaker.perspective)})")
    elif isinstance(edit, SetSpeaker):
        if _missing(ws, edit.claim):
            return None
        name = " ".join((edit.speaker or "").split())
        claim = ws.claims[edit.claim]
        text = (f"set the speaker of claim {_excerpt(claim)} to "
                f"{name or 'narration (no speaker)'} (was {claim.speaker or 'narration'})")
        claims = [edit.claim]
    elif isinstance(edit, MergeSpeakers):
        gone, into = _speaker_named(ws, edit.speaker), _speaker_named(ws, edit.into)
        if gone is None or into is None or gone.id == into.id:
            return None
        claims = _speaker_claims(ws, gone)
        text = f"merged speaker {gone.name} ({_count(claims)}) into speaker {into.name}"
    elif isinstance(edit, RenameSpeaker):
        speaker = _speaker_named(ws, edit.speaker)
        if speaker is None:
            return None
        claims = _speaker_claims(ws, speaker)
        text = f"renamed speaker {speaker.name} to {' '.join(edit.name.split())} ({_count(claims)})"
    elif isinstance(edit, NotAClaim):
        if _missing(ws, edit.claim):
            return None
        text = f"removed {_claim_phrase(ws, edit.claim)}: not a claim"
        claims = [edit.claim]
    elif isinstance(edit, AddNote):
        if _missing(ws, edit.claim):
            return None
        verb = "wrote a note on" if edit.text else "removed the note on"
        if edit.target == "claim":
            text = f"{verb} {_claim_phrase(ws, edit.claim)}"
            claims = [edit.claim]
        else:
            text = f"{verb} {_event_phrase(ws, ws.group_of(edit.claim))}"
            events = [edit.claim]
    else:
        return None
    return AppliedEdit(index=index, op=edit.op, description=text, claims=claims, events=events)


def new_perspective_id(label: str, existing: Sequence[Perspective]) -> str:
    """A fresh perspective id for a label the analyst typed."""
    base = _slug(label)
    taken = {p.id for p in existing}
    pid, n = base, 2
    while pid in taken:
        pid, n = f"{base}-{n}", n + 1
    return pid


def suggestions_of(analysis: Analysis) -> list[Link]:
    """Every open 'maybe the same event' suggestion, strongest first."""
    seen: set[frozenset[str]] = set()
    out: list[Link] = []
    for group in analysis.groups:
        for link in group.suggestions:
            key = frozenset((link.a, link.b))
            if key not in seen:
                seen.add(key)
                out.append(link)
    return sorted(out, key=lambda lk: -lk.score)
