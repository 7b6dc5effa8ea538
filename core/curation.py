"""Analyst curation: an ordered log of edits, re-applied on top of a fresh analysis.

Edits are keyed by stable claim ids (document content hash + span) and speaker names, never by
list positions or group ids, so they survive re-analysis with other thresholds. Groups are named
through a member claim ("the group that holds claim X"). Applying the log is a pure function:
undo is "drop the last edit and re-apply", so it can never drift from what is saved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Literal

from pydantic import Field

from core.models import Analysis, Claim, ClaimKind, Group, Link, Model, Perspective, Speaker
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
    | SetPerspective | SetSpeaker | MergeSpeakers | NotAClaim | AddNote,
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
        self.analysis.speakers = [
            s for s in self.analysis.speakers if s.claims or s.id not in self.bereft
        ]
        for persp in self.analysis.perspectives:
            persp.speakers = [s.id for s in self.analysis.speakers if s.perspective == persp.id]
        return self.analysis


LABEL_MAX_CHARS = 60


def label_from_text(text: str) -> str:
    """A new event's name from its first claim: the text, cut after a whole word with '…'
    when it is long ('… in Basra on September 28' rather than '… in Basra on Se')."""
    return cut_at_word(" ".join(text.split()).strip("“”\"' "), LABEL_MAX_CHARS + 1)


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
    if isinstance(edit, NotAClaim):
        if why := _missing(ws, edit.claim):
            return why
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
        ws.analysis.perspectives.append(Perspective(id=pid, label=edit.label or pid))
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
    return next((s for s in ws.analysis.speakers
                 if s.name.casefold() == wanted or wanted in (a.casefold() for a in s.aliases)),
                None)


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

    Edits whose claims no longer exist are returned as problems, never silently dropped."""
    ws = _Workspace(analysis)
    problems: list[EditProblem] = []
    for index, edit in enumerate(edits):
        why = _apply_one(ws, edit)
        if why:
            problems.append(EditProblem(index=index, op=edit.op, reason=why))
    return ws.finish(), problems


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
