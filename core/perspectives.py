"""Perspectives: map every speaker to a side (government, institution, analysts, press).

PLACEHOLDER: the perspectives helper replaces this module (keep the names)."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, Field

from core.models import Claim, Document, Perspective, Speaker


class PerspectiveRegistry(BaseModel):
    """User overrides: perspective labels with aliases."""

    perspectives: list[dict[str, object]] = Field(default_factory=list)


def assign_perspectives(
    claims: Sequence[Claim],
    speakers: Sequence[Speaker],
    documents: Sequence[Document],
    registry: PerspectiveRegistry | None = None,
) -> tuple[list[Claim], list[Speaker], list[Perspective]]:
    return list(claims), list(speakers), []
