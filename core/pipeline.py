"""The whole pipeline, one step after another: ingest -> segment -> attribute ->
speakers -> perspectives -> group. Each step maps batches of models to models."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from core.attribution import attribute, attribute_document
from core.grouping import group_claims
from core.ingest import ingest
from core.models import Analysis, Claim, Document, InputError, Settings
from core.perspectives import PerspectiveRegistry, assign_perspectives
from core.speakers import resolve_speakers

Progress = Callable[[str, float], None]


def analyze_documents(
    documents: Sequence[Document],
    settings: Settings | None = None,
    registry: PerspectiveRegistry | None = None,
    errors: Sequence[InputError] = (),
    progress: Progress | None = None,
    attributed: dict[str, list[Claim]] | None = None,
) -> Analysis:
    """Run every step after ingest on already-read documents.

    `attributed` is a cache of per-document attribution (document id -> its claims): documents
    found in it are not attributed again, new ones are added to it. Adding documents to an open
    case uses it so that only the new documents are read and attributed; the cross-document steps
    (speakers, perspectives, grouping) always run over the whole case."""
    settings = settings or Settings()
    docs = list(documents)
    if progress:
        progress("attributing claims", 0.1)
    if attributed is None:
        claims = attribute(docs)
    else:
        claims = []
        for doc in docs:
            if doc.id not in attributed:
                attributed[doc.id] = attribute_document(doc)
            claims.extend(attributed[doc.id])
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
