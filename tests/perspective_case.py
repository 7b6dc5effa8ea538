"""Hand-made claims for perspective tests: a document and claims of (claim words, speaker,
mention, role), run through the perspective step alone."""

from __future__ import annotations

import hashlib

from core.models import Claim, ClaimKind, Document, Speaker
from core.perspectives import assign_perspectives


def perspective_doc(text: str, outlet: str | None = None, url: str | None = None) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(id="d" + digest[:10], path="story.txt", text=text, sha256=digest,
                    outlet=outlet, url=url)


def run_perspectives(text: str, *items: tuple[str, str, str, str | None],
                     url: str | None = None, kind: ClaimKind = ClaimKind.INDIRECT,
                     cue: str = "said") -> dict[str, Speaker]:
    """Speakers by name for claims of (claim words, speaker, mention, role) in `text`; each
    mention is looked up right before its claim words (else anywhere)."""
    doc = perspective_doc(text, url=url)
    claims: list[Claim] = []
    speakers: dict[str, Speaker] = {}
    for anchor, speaker, mention, role in items:
        start = text.index(anchor)
        end = start + len(anchor)
        m_start = text.rindex(mention, 0, start) if mention in text[:start] else text.index(mention)
        sid = "s-" + hashlib.sha256(speaker.encode()).hexdigest()[:8]
        claims.append(Claim(
            id=f"{doc.id}:{start}-{end}", document=doc.id, start=start, end=end,
            text=text[start:end], kind=kind, speaker=speaker, speaker_id=sid,
            speaker_mention=mention, speaker_start=m_start, speaker_end=m_start + len(mention),
            role=role, cue=cue))
        speakers.setdefault(sid, Speaker(id=sid, name=speaker, role=role))
    _, out, _ = assign_perspectives(claims, list(speakers.values()), [doc])
    return {s.name: s for s in out}
