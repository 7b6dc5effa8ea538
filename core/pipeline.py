"""The whole pipeline, one step after another: ingest -> segment -> attribute ->
speakers -> perspectives -> group. Each step maps batches of models to models."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from core.attribution import attribute_document
from core.grouping import group_claims
from core.ingest import ingest
from core.models import (
    Analysis,
    Claim,
    Document,
    Group,
    InputError,
    Perspective,
    Settings,
    Speaker,
)
from core.perspectives import PerspectiveRegistry, assign_perspectives
from core.speakers import resolve_speakers

Progress = Callable[[str, float], None]


# Above this many claims, events are grouped within windows of consecutive claims (whole
# documents while they fit, a longer document cut into runs): grouping holds ~25 KB per claim at
# its peak, so 400k claims (a 50 MB text) in one piece cannot stay under 2 GB. Claims in
# different windows are never put in one event; below the bound nothing changes.
GROUP_WINDOW_CLAIMS = 20_000


@dataclass
class Prepared:
    """Everything before grouping: documents, claims with speakers and perspectives."""

    documents: list[Document]
    claims: list[Claim]
    speakers: list[Speaker]
    perspectives: list[Perspective]
    settings: Settings
    errors: list[InputError]

    def header(self) -> Analysis:
        """The analysis without claims and groups (these follow window by window)."""
        return Analysis(title=case_title(self.documents), documents=self.documents,
                        perspectives=self.perspectives, speakers=self.speakers,
                        settings=self.settings, errors=self.errors)

    @property
    def windowed(self) -> bool:
        return len(self.claims) > GROUP_WINDOW_CLAIMS


def prepare_documents(
    documents: Sequence[Document],
    settings: Settings | None = None,
    registry: PerspectiveRegistry | None = None,
    errors: Sequence[InputError] = (),
    progress: Progress | None = None,
    attributed: dict[str, list[Claim]] | None = None,
) -> Prepared:
    """Attribute claims, resolve speakers and map perspectives (every step but grouping)."""
    settings = settings or Settings()
    docs = list(documents)
    if progress:
        progress("attributing claims", 0.1)
    # One document at a time, so that a big folder moves the progress bar (and a cancel, which
    # the callback raises, takes effect between documents).
    claims: list[Claim] = []
    failed: list[InputError] = []
    kept: list[Document] = []
    report = _Throttled(progress, "attributing claims", 0.1, 0.5)
    total = sum(len(doc.text) for doc in docs) or 1
    done = 0
    for doc in docs:
        found = attributed.get(doc.id) if attributed is not None else None
        if found is None:
            try:
                found = attribute_document(doc)
            except Exception as exc:  # a bug on one document must not lose all the others
                reason = f"could not be analysed (internal error {type(exc).__name__}: {exc})"
                failed.append(InputError(path=doc.path, reason=reason))
                continue
            if attributed is not None:
                attributed[doc.id] = found
        kept.append(doc)
        claims.extend(found)
        done += len(doc.text)
        report(done / total)
    docs = kept
    if progress:
        progress("resolving speakers", 0.5)
    # Claims attributed here are ours to fill in; cached ones (`attributed`) must stay pristine.
    claims, speakers = resolve_speakers(claims, docs, copy=attributed is not None)
    if progress:
        progress("mapping perspectives", 0.6)
    claims, speakers, perspectives = assign_perspectives(claims, speakers, docs, registry)
    return Prepared(docs, claims, speakers, perspectives, settings, [*errors, *failed])


def group_windows(
    prepared: Prepared, progress: Progress | None = None
) -> Iterator[tuple[list[Claim], list[Group]]]:
    """Group the claims, window by window (one window up to GROUP_WINDOW_CLAIMS claims), with
    group ids numbered across windows. A caller that writes each window out and drops it keeps
    memory bounded; the claims are released from `prepared` as their window is taken."""
    docs = {d.id: d for d in prepared.documents}
    windows = claim_windows(prepared.claims, GROUP_WINDOW_CLAIMS)
    prepared.claims = []
    report = _Throttled(progress, "grouping events", 0.7, 1.0)
    next_id = 1
    for k in range(len(windows)):
        window, windows[k] = windows[k], []
        window_docs = [docs[i] for i in dict.fromkeys(c.document for c in window) if i in docs]
        claims, groups = group_claims(window, window_docs, prepared.settings)
        del window
        if len(windows) > 1:
            renamed = {g.id: f"g{next_id + n}" for n, g in enumerate(groups)}
            for group in groups:
                group.id = renamed[group.id]
            for claim in claims:
                if claim.group is not None:
                    claim.group = renamed.get(claim.group, claim.group)
            next_id += len(groups)
        report((k + 1) / len(windows))
        yield claims, groups


def claim_windows(claims: Sequence[Claim], size: int) -> list[list[Claim]]:
    """Consecutive runs of at most `size` claims: whole documents while they fit (a document's
    claims stay together), a document with more claims than `size` cut into runs of `size`."""
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(claim.document, []).append(claim)
    windows: list[list[Claim]] = []
    current: list[Claim] = []
    for doc_claims in by_doc.values():
        if current and len(current) + len(doc_claims) > size:
            windows.append(current)
            current = []
        for start in range(0, len(doc_claims), size):
            run = doc_claims[start:start + size]
            if current and len(current) + len(run) > size:
                windows.append(current)
                current = []
            current.extend(run)
    if current or not windows:
        windows.append(current)
    return windows


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
    prepared = prepare_documents(documents, settings, registry, errors, progress, attributed)
    return finish_analysis(prepared, progress)


def finish_analysis(prepared: Prepared, progress: Progress | None = None) -> Analysis:
    """Group the prepared claims (in windows above GROUP_WINDOW_CLAIMS) into the full Analysis."""
    if progress:
        progress("grouping events", 0.7)
    analysis = prepared.header()
    if not prepared.windowed:
        analysis.claims, analysis.groups = group_claims(
            prepared.claims, prepared.documents, prepared.settings)
    else:
        for claims, groups in group_windows(prepared, progress):
            analysis.claims.extend(claims)
            analysis.groups.extend(groups)
    if progress:
        progress("done", 1.0)
    return analysis


def analyze_paths(
    paths: Sequence[str | Path],
    settings: Settings | None = None,
    registry: PerspectiveRegistry | None = None,
    progress: Progress | None = None,
    attributed: dict[str, list[Claim]] | None = None,
) -> Analysis:
    """Read the inputs and analyse every document that could be read (`attributed`: see
    `analyze_documents`)."""
    result = ingest([str(p) for p in paths], progress=progress)
    return analyze_documents(result.documents, settings, registry, result.errors, progress,
                             attributed)


def prepare_paths(
    paths: Sequence[str | Path],
    settings: Settings | None = None,
    registry: PerspectiveRegistry | None = None,
    progress: Progress | None = None,
) -> Prepared:
    """Read the inputs and run every step but grouping (see `group_windows`)."""
    result = ingest([str(p) for p in paths], progress=progress)
    return prepare_documents(result.documents, settings, registry, result.errors, progress)


class _Throttled:
    """Reports a step's own progress (0..1) mapped into [low, high] of the whole analysis, at
    most once per 0.5 % of the bar: thousands of files must not flood the TUI with messages."""

    def __init__(self, progress: Progress | None, stage: str, low: float, high: float) -> None:
        self.progress, self.stage, self.low, self.high = progress, stage, low, high
        self.shown = -1.0

    def __call__(self, fraction: float) -> None:
        if self.progress is None:
            return
        value = self.low + (self.high - self.low) * min(1.0, max(0.0, fraction))
        if value - self.shown >= 0.005:
            self.shown = value
            self.progress(self.stage, value)


def case_title(documents: Sequence[Document]) -> str | None:
    """A case is named after its first titled document."""
    for doc in documents:
        if doc.title:
            return doc.title
    return None
