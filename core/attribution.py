"""Attribution: Documents in, Claims out (speaker mention, cue, kind, hedges).

PLACEHOLDER: the attribution helper replaces this module (keep `attribute`)."""

from __future__ import annotations

from collections.abc import Sequence

from core.models import Claim, ClaimKind, Document


def attribute(documents: Sequence[Document]) -> list[Claim]:
    claims: list[Claim] = []
    for doc in documents:
        start = 0
        for part in doc.text.split("\n"):
            end = start + len(part)
            if part.strip():
                s = start + len(part) - len(part.lstrip())
                e = start + len(part.rstrip())
                claims.append(
                    Claim(id=f"{doc.id}:{s}-{e}", document=doc.id, start=s, end=e,
                          text=doc.text[s:e], kind=ClaimKind.NARRATION)
                )
            start = end + 1
    return claims
