"""Case files: the documents, the settings and the analyst's edit log, in one JSON file.

A case file (`NAME.perspecta.json`) is pretty-printed JSON (orjson, sorted keys) so `git diff`
reads well. Saving is atomic (temp file, fsync, rename) and keeps the previous version as
`NAME.perspecta.json.bak`. Reopening re-runs the analysis from the documents and re-applies the
edit log; edits whose claims no longer exist are reported.

Versions: 1 named the perspective registry by path only (`perspectives_file`); 2 embeds the
registry itself (`registry`), so a case reopens the same way on another machine. Version 1 files
are migrated on load (the registry is read from the named file when it is still there).
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
from pydantic import Field, ValidationError

from core.atomic import write_bytes_atomic
from core.curation import Edit, EditProblem, apply_edits
from core.models import Analysis, Claim, Document, InputError, Model, Settings
from core.registry import PerspectiveRegistry, RegistryError, load_registry

if TYPE_CHECKING:  # the pipeline is imported where a case is analysed (a faster TUI start)
    from core.pipeline import Progress

CASE_SCHEMA = "perspecta.case"
CASE_VERSION = 2
CASE_SUFFIX = ".perspecta.json"


class CaseError(Exception):
    """A case file that cannot be loaded; the message is one line naming the file and cause."""

    def __init__(self, path: Path, cause: str, backup: Path | None = None) -> None:
        self.path = path
        self.cause = cause
        self.backup = backup
        hint = f" (a backup exists: {backup})" if backup else ""
        super().__init__(f"{path}: {cause}{hint}")


class CaseDocument(Model):
    """A document of the case: where it was, what it held (hash), optionally its text."""

    path: str
    sha256: str
    title: str | None = None
    text: str | None = Field(default=None, description="Embedded text, used when the file is gone.")


class Case(Model):
    """Everything needed to rebuild an analyst's view of a story."""

    schema_name: str = Field(default=CASE_SCHEMA, alias="schema")
    version: int = CASE_VERSION
    title: str | None = None
    documents: list[CaseDocument] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    perspectives_file: str | None = Field(
        default=None, description="Where the user perspective registry was read from, if any."
    )
    registry: PerspectiveRegistry | None = Field(
        default=None, description="The user perspective registry (embedded since version 2)."
    )
    edits: list[Edit] = Field(default_factory=list)

    model_config = Model.model_config | {"populate_by_name": True}

    def to_bytes(self) -> bytes:
        data = self.model_dump(mode="json", by_alias=True, exclude_none=True)
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def case_document(
    doc: Document, *, embed_text: bool = False, case_folder: Path | None = None
) -> CaseDocument:
    """How a case records one document: path, content hash, title (and text when embedded).

    With `case_folder`, the path is recorded relative to it when the document lies inside it
    (reopening resolves paths from the case file's folder), else absolute."""
    path = doc.path if case_folder is None else case_relative(doc.path, case_folder)
    return CaseDocument(path=path, sha256=doc.sha256, title=doc.title,
                        text=doc.text if embed_text else None)


def case_relative(path: str, case_folder: Path) -> str:
    """`path` relative to the case file's folder when inside it, else absolute ('-' as is)."""
    if path == "-" or path.startswith("-#"):
        return path
    full = Path(path).resolve()
    try:
        return str(full.relative_to(case_folder.resolve()))
    except ValueError:
        return str(full)


def case_from_analysis(
    analysis: Analysis,
    *,
    embed_text: bool = False,
    registry: PerspectiveRegistry | None = None,
    perspectives_file: str | None = None,
) -> Case:
    """A new case for the documents of an analysis (no edits yet)."""
    docs = [case_document(d, embed_text=embed_text) for d in analysis.documents]
    return Case(title=analysis.title, documents=docs, settings=analysis.settings,
                registry=registry, perspectives_file=perspectives_file)


def save_case(path: Path, case: Case) -> None:
    """Atomic save; the previous version stays as a .bak file."""
    write_bytes_atomic(path, case.to_bytes(), backup=True)


def load_case(path: Path, *, from_backup: bool = False) -> Case:
    """Read and validate a case file, or raise CaseError with a one-line cause.

    With `from_backup`, the previous version (`NAME.perspecta.json.bak`) is read instead."""
    path = Path(path)
    if from_backup:
        bak = backup_path(path)
        if not bak.exists():
            raise CaseError(path, f"no backup to open ({bak} does not exist)")
        try:
            return load_case(bak)
        except CaseError as exc:
            raise CaseError(path, f"the backup is unusable too: {exc.cause}") from exc
    bak = backup_path(path)
    backup = bak if bak.exists() else None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CaseError(path, f"cannot read case file: {exc.strerror or exc}", backup) from exc
    if not raw.strip():
        raise CaseError(path, "case file is empty", backup)
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise CaseError(path, f"case file is corrupt or truncated (invalid JSON: {exc})", backup) from exc
    if not isinstance(data, dict) or data.get("schema") != CASE_SCHEMA:
        raise CaseError(path, "not a perspecta case file (no 'schema': 'perspecta.case')", backup)
    version = data.get("version")
    if not isinstance(version, int):
        raise CaseError(path, "case file has no version number", backup)
    if version > CASE_VERSION:
        raise CaseError(
            path, f"case file version {version} is newer than this perspecta supports ({CASE_VERSION})",
            backup,
        )
    if version < 1:
        raise CaseError(path, f"case file version {version} is not a known version", backup)
    data = migrate(data, path.parent)
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CaseError(path, f"case file is invalid at {where}: {first['msg']}", backup) from exc


def migrate(data: dict[str, object], base_dir: Path | None = None) -> dict[str, object]:
    """Bring an older case file up to CASE_VERSION, one version step at a time.

    1 -> 2: the registry named by `perspectives_file` is embedded when that file can still be
    read; when it cannot, the case opens without it (the path stays recorded)."""
    data = dict(data)
    if data.get("version") == 1:
        named = data.get("perspectives_file")
        if isinstance(named, str) and named and "registry" not in data:
            where = Path(named)
            if base_dir is not None and not where.is_absolute():
                where = base_dir / where
            with contextlib.suppress(RegistryError):  # gone: open without it, path kept
                data["registry"] = load_registry(where).model_dump(mode="json")
        data["version"] = 2
    return data


def set_aside(path: Path, suffix: str = "corrupt") -> Path | None:
    """Move a case file out of the way before its backup is restored over it.

    It becomes `NAME.perspecta.json.corrupt` (`.corrupt-2`, … when taken), so restoring never
    overwrites it and the next save never rotates it into the good `.bak`."""
    path = Path(path)
    if not path.exists():
        return None
    target = path.with_name(f"{path.name}.{suffix}")
    n = 2
    while target.exists():
        target = path.with_name(f"{path.name}.{suffix}-{n}")
        n += 1
    path.rename(target)
    return target


class OpenedCase(Model):
    """A case reopened: the curated analysis, plus what could not be restored."""

    case: Case
    base: Analysis = Field(description="The machine's analysis before edits.")
    analysis: Analysis = Field(description="The analysis with every applicable edit applied.")
    problems: list[EditProblem] = Field(default_factory=list)
    changed: list[str] = Field(default_factory=list, description="Documents whose content changed since saving.")
    errors: list[InputError] = Field(default_factory=list)


def _document_from_text(doc: CaseDocument) -> Document:
    """The document from the text the case keeps, read as ingest read it the first time (its
    title line, front matter and furniture are no claims), so reopening gives the same claims."""
    from core.ingest import document_from_saved_text

    text = doc.text or ""
    found = document_from_saved_text(doc.path, text, doc.title)
    if found is not None:
        return found
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return Document(id="d" + digest[:10], path=doc.path, title=doc.title, text=text, sha256=digest)


def _file_of(doc_path: str) -> str:
    """'articles.json#2' -> 'articles.json' (one file can hold several documents)."""
    head, sep, tail = doc_path.rpartition("#")
    return head if sep and tail.isdigit() else doc_path


def reopen(
    case: Case,
    base_dir: Path | None = None,
    attributed: dict[str, list[Claim]] | None = None,
    progress: Progress | None = None,
) -> OpenedCase:
    """Re-analyse the case's documents and re-apply its edit log."""
    from core.ingest import ingest
    from core.pipeline import analyze_documents

    documents: list[Document] = []
    errors: list[InputError] = []
    changed: list[str] = []
    read: dict[str, dict[str, Document]] = {}
    for cdoc in case.documents:
        file = _file_of(cdoc.path)
        if file not in read:
            path = Path(file)
            if base_dir is not None and file != "-" and not path.is_absolute():
                path = base_dir / path
            result = ingest([str(path)]) if file != "-" else None
            read[file] = {}
            if result is not None:
                for doc in result.documents:
                    read[file][_relative(doc.path, path, file)] = doc
                if not result.documents:
                    errors.extend(result.errors)
        found = read[file].get(cdoc.path)
        if found is not None:
            if found.sha256 != cdoc.sha256:
                changed.append(cdoc.path)
            documents.append(found)
        elif cdoc.text is not None:
            documents.append(_document_from_text(cdoc))
    documents = _unique(documents)
    base = analyze_documents(documents, case.settings, case.registry, errors=errors,
                             progress=progress, attributed=attributed)
    analysis, problems = apply_edits(base, case.edits)
    return OpenedCase(case=case, base=base, analysis=analysis, problems=problems,
                      changed=sorted(set(changed)), errors=errors)


class AddedDocuments(Model):
    """The result of adding documents to an open case."""

    case: Case = Field(description="The case with the new documents recorded.")
    base: Analysis = Field(description="The machine's analysis of the whole case.")
    analysis: Analysis = Field(description="The same with the edit log applied.")
    added: list[str] = Field(default_factory=list, description="Paths of the new documents.")
    already: list[str] = Field(default_factory=list,
                               description="Paths whose content the case holds already.")
    errors: list[InputError] = Field(default_factory=list)
    problems: list[EditProblem] = Field(default_factory=list)


def add_documents(
    case: Case,
    base: Analysis,
    paths: Sequence[str],
    attributed: dict[str, list[Claim]] | None = None,
    progress: Progress | None = None,
    case_folder: Path | None = None,
) -> AddedDocuments:
    """Read `paths` (files or folders) into an open case.

    Only the new documents are read and attributed (pass the `attributed` cache the case was
    analysed with); documents whose content the case already holds are reported, not doubled.
    Speakers, perspectives and groups are recomputed over the whole case, and the edit log is
    re-applied on top, so every earlier edit still holds. `case_folder` (the case file's
    folder) makes the recorded paths relative to it, as reopening expects."""
    from core.ingest import ingest
    from core.pipeline import analyze_documents

    result = ingest([str(p) for p in paths])
    known = {d.id for d in base.documents}
    new: list[Document] = []
    already: list[str] = []
    for doc in result.documents:
        if doc.id in known:
            already.append(doc.path)
        else:
            known.add(doc.id)
            new.append(doc)
    if attributed is None:
        attributed = {}
    if not new:
        analysis, problems = apply_edits(base, case.edits)
        return AddedDocuments(case=case, base=base, analysis=analysis, already=already,
                              errors=result.errors, problems=problems)
    documents = [*base.documents, *new]
    errors = [*base.errors, *result.errors]
    fresh = analyze_documents(documents, case.settings, case.registry, errors=errors,
                              progress=progress, attributed=attributed)
    updated = case.model_copy(update={
        "documents": [*case.documents,
                      *(case_document(d, case_folder=case_folder) for d in new)],
        "title": case.title or fresh.title,
    })
    analysis, problems = apply_edits(fresh, updated.edits)
    return AddedDocuments(case=updated, base=fresh, analysis=analysis,
                          added=[d.path for d in new], already=already,
                          errors=result.errors, problems=problems)


def _relative(doc_path: str, read_as: Path, file: str) -> str:
    """Map a document path as ingested back to the path recorded in the case."""
    return file + doc_path[len(str(read_as)):] if doc_path.startswith(str(read_as)) else doc_path


def _unique(documents: Sequence[Document]) -> list[Document]:
    seen: set[str] = set()
    out = []
    for doc in documents:
        if doc.id not in seen:
            seen.add(doc.id)
            out.append(doc)
    return out


def is_case_path(path: str | Path) -> bool:
    return str(path).endswith(CASE_SUFFIX)
