"""The whole pipeline, one step after another: ingest -> segment -> attribute ->
speakers -> perspectives -> group. Each step maps batches of models to models."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from core.attribution import attribute
from core.grouping import group_claims
from core.ingest import ingest
from core.models import Analysis, Document, InputError, Settings
from core.perspectives import PerspectiveRegistry, assign_perspectives
from core.speakers import resolve_speakers

Progress = Callable[[str, float], None]


def analyze_documents(
    documents: Sequence[Document],
    settings: Settings | None = None,
    registry: PerspectiveRegistry | None = None,
    errors: Sequence[InputError] = (),
    progress: Progress | None = None,
) -> Analysis:
    """Run every step after ingest on already-read documents."""
    settings = settings or Settings()
    docs = list(documents)
    if progress:
        progress("attributing claims", 0.1)
    claims = attribute(docs)
    if progress:
        progress("resolving speakers", 0.5)
    claims, speakers = resolve_speakers(claims, docs)
    if progress:
        progress("mapping perspectives", 0.6)
    claims, speakers, perspectives = assign_perspectives(claims, speakers, docs, registry)
    if progress:
        progress("grouping events", 0.7)
    claims, groups = group_claims(claims, docs, settings)
    if progress:
        progress("done", 1.0)
    return Analysis(
        title=case_title(docs),
        documents=docs,
        perspectives=perspectives,
        speakers=speakers,
        claims=claims,
        groups=groups,
        settings=settings,
        errors=list(errors),
    )


def analyze_paths(
    paths: Sequence[str | Path],
    settings: Settings | None = None,
    registry: PerspectiveRegistry | None = None,
    progress: Progress | None = None,
) -> Analysis:
    """Read the inputs and analyse every document that could be read."""
    result = ingest([str(p) for p in paths])
    return analyze_documents(result.documents, settings, registry, result.errors, progress)


def case_title(documents: Sequence[Document]) -> str | None:
    """A case is named after its first titled document."""
    for doc in documents:
        if doc.title:
            return doc.title
    return None
