"""Speakers: resolve mentions ('he', 'Pompeo', 'Qassemi') to one Speaker each.

PLACEHOLDER: the attribution helper replaces this module (keep `resolve_speakers`)."""

from __future__ import annotations

from collections.abc import Sequence

from core.models import Claim, Document, Speaker


def resolve_speakers(claims: Sequence[Claim], documents: Sequence[Document]) -> tuple[list[Claim], list[Speaker]]:
    return list(claims), []
